-- os.exit(code, true) closes the state: pending to-be-closed variables and finalizers run first.
print(pcall(os.exit, "x"))
print(pcall(os.exit, 1.5))
print(pcall(os.exit, {}))
setmetatable({}, { __gc = function() print("finalizer ran at close") end })
local guard <close> = setmetatable({}, { __close = function(_, err) print("main chunk variable closed", err) end })
local function inner()
  local inner_guard <close> = setmetatable({}, { __close = function() print("inner variable closed") end })
  io.write("exiting with status 7\n")
  os.exit(7.0, true)
end
inner()
print("never printed")
