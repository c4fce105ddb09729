-- Long comments of any level, and short comments that only look long.
local x = 1 --[[ inline comment ]] + 1
print(x)
--[[
print("inside comment")
]]
--[==[
print("inside level 2")
]]
]=]
]==]
print("after level 2")
---[[ this is a short comment, so the next line runs
print("short comment trick")
--]]
--[ not a long comment
print("after --[")
--[=[ ]] ]=] print("same line after comment")
local y = --[[ comment in expression ]] 5
print(y)
-- comment at end of file without newline
print("last") --[[ trailing long comment ]]
