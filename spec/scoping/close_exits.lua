-- <close> variables are closed on every way out of a scope: break, goto, return.
local function closable(name)
  return setmetatable({}, { __close = function() print("  close " .. name) end })
end
print("break:")
for i = 1, 3 do
  local c <close> = closable("loop " .. i)
  if i == 2 then break end
end
print("goto:")
do
  local i = 0
  ::top::
  do
    local c <close> = closable("goto " .. i)
    i = i + 1
    if i < 3 then goto top end
  end
end
print("return:")
local function ret()
  local a <close> = closable("ret a")
  local b <close> = closable("ret b")
  return "returned value"
end
print(ret())
print("return from nested block:")
local function nested(flag)
  local outer <close> = closable("outer")
  do
    local inner <close> = closable("inner")
    if flag then return "early" end
  end
  return "late"
end
print(nested(true))
print(nested(false))
print("while with continue-goto:")
local k = 0
while k < 2 do
  k = k + 1
  local c <close> = closable("while " .. k)
  goto continue
  ::continue::
end
print("tail call is not a tail call with <close>:")
local function callee() print("  callee runs") return "callee" end
local function tail()
  local c <close> = closable("tail")
  return callee()
end
print(tail())
