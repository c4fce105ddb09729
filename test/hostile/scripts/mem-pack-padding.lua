-- attacks: string.pack("c500000000", ""): 500 MB of zero padding from a short format; expect: LuaMemoryLimitError
return string.pack("c500000000", "")
