-- attacks: a growing list of fresh 100 KB strings (the __close handler checks how far past the limit the run got); expect: LuaMemoryLimitError
local keep = {}
local s = ("x"):rep(1e5)
local check <close> = setmetatable({}, { __close = function()
  if #keep > 160 then hostile_failure = #keep end -- strings kept (a number: nothing to allocate)
end })
while true do keep[#keep + 1] = s .. #keep end
