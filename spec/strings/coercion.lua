-- Automatic conversions between strings and numbers (§3.4.3).
print("10" + 5, "10" .. 5, 10 .. 5, "3.0" + 1, "0x1F" + 0)
print("2" * "3", "9" / "3", "2" ^ "2", "7" % "4", "-3" // "2")
print(math.type("2" * "3"), math.type("2" * "3.0"))
print(10 == "10", tostring(10) == "10", tonumber("10") == 10)
local t = {}
t["1"] = "string key"; t[1] = "number key"
print(t["1"], t[1])
print(pcall(function() return "1" < 2 end))
print(string.rep("ab", "3"), ("x"):rep("2"), string.sub("hello", "2", "3"))
print(string.format("%d", "10"), string.format("%s", 10), string.format("%5.1f", "2.25"))
print(pcall(string.rep, "x", "two"))
print(#("" .. 123), ("" .. 1e3), ("" .. 2^63))
print(math.max("1" + 0, 2), ("5" + 0) // 2)
