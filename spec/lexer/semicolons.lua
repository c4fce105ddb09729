-- Empty statements and optional semicolons.
;
;;
local a = 1; local b = 2;
print(a + b);
do ; end
if a then ; end
for i = 1, 2 do ; ; print(i) ; end
local function f() ; return 1; end
print(f());
local t = {1; 2, 3;}
print(#t);
print(load("return 1;;"))
print(select("#", load("return;")()))
