-- attacks: hash growth: an endless table of string keys (the __close handler checks how far past the limit the run got); expect: LuaMemoryLimitError
local t = {}
local i = 0
local check <close> = setmetatable({}, { __close = function()
  -- each entry is a key string (30 bytes), a hash slot (32) and a table (56): 2 x 8 MB is about 140k
  if i > 150000 then hostile_failure = i end -- keys kept (a number: nothing to allocate)
end })
while true do i = i + 1 t["key" .. i] = { i } end
