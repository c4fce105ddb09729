-- Tokens without separating whitespace.
local a,b,c=1,2,3
print(a+b*c,a..b..c,-a-b,a-(-b))
local t={x={y={z=1}}}print(t.x.y.z)
print(#"ab".."c",2^-1,-2^2,not nil==true)
local s="x"print(s:rep(2))
print(1 .. 2,1 .."2"=="12")
local f=function(...)return...end print(f(1,2))
print(a<=b,a>=b,a~=b,a==b,a<b,a>b)
print(5//2,5%2,5/2,1<<3>>1,6&3|8~1)
print(t["x"]["y"]["z"],t.x["y"].z)
if a then print"if"end while false do end repeat until true print"rep"
goto l::l::print"label"
print(0x10 ..'',1e1 ..'')
