-- <close> variables are closed in reverse order when their scope ends.
local function closable(name)
  return setmetatable({}, { __close = function(self, err) print("close " .. name, err) end })
end
do
  local a <close> = closable("a")
  local b <close> = closable("b")
  local c <close> = closable("c")
  print("body")
end
print("after block")
local function f()
  local x <close> = closable("x")
  do
    local y <close> = closable("y")
  end
  print("in f")
end
f()
do
  local n <close> = nil
  local f <close> = false
  print("nil and false are allowed")
end
do
  local v <close> = closable("value")
  print(getmetatable(v) ~= nil)
end
