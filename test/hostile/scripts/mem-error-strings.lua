-- attacks: keeping error messages caught by pcall (strings built by the VM); expect: LuaMemoryLimitError
local keep = {}
local big = ("x"):rep(1e5)
while true do
  local ok, m = pcall(error, big .. #keep)
  keep[#keep + 1] = m
end
