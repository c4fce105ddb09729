-- Whitespace: space, tab, vertical tab, form feed, newline.
local	a=1
local  b  =  2		
print(a+b)
print("\v\f" ~= "")
if	a	==	1	then	print("tabs")	end



print(#"	")
print(load("return\f1\v+\t2")())
