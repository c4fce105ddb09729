-- attacks: table.move over a 2^50-element range of nils; expect: LuaInstructionLimitError
table.move({}, 1, 2^50, 1, {})
