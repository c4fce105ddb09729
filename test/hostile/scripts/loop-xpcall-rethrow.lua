-- attacks: a message handler that raises again (error in error handling), forever; expect: LuaInstructionLimitError
while true do
  local ok, m = xpcall(error, function(m) error(m) end)
  assert(not ok)
end
