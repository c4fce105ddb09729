-- an error raised inside a line hook and not caught: message and traceback point into the hook
local function check(e, l)
  if l == 9 then
    local t = nil
    return t.field
  end
end
debug.sethook(check, "l")
local x = 1
print("not reached", x)
