-- attacks: array growth: an endless list of small tables (the __close handler checks how far past the limit the run got); expect: LuaMemoryLimitError
local t = {}
local i = 0
local check <close> = setmetatable({}, { __close = function()
  -- each entry is at least a table (56 bytes) and a slot (16): 2 x 8 MB is about 230k entries
  if i > 240000 then hostile_failure = i end -- tables kept (a number: nothing to allocate)
end })
while true do i = i + 1 t[i] = { i } end
