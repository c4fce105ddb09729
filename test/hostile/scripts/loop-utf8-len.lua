-- attacks: utf8.len and utf8.codepoint over 2 MB, forever; expect: LuaInstructionLimitError
local s = ("\u{7FF}"):rep(1e6)
while true do local n = utf8.len(s) end
