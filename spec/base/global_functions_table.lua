-- Base functions are ordinary values in _G: they can be stored, wrapped, replaced and restored.
local original_print = print
local captured = {}
print = function(...) captured[#captured + 1] = table.concat({ ... }, " ") end
print("captured", "line")
print("another")
print = original_print
print(#captured, captured[1], captured[2])
local real_type = type
type = function(v) if real_type(v) == "table" and v.__class then return v.__class end return real_type(v) end
print(type({ __class = "Point" }), type(1), type({}))
type = real_type
print(type({ __class = "Point" }))
local names = { "print", "type", "pairs", "ipairs", "next", "select", "tostring", "tonumber", "pcall", "error" }
local ok = true
for _, n in ipairs(names) do if _G[n] == nil or type(_G[n]) ~= "function" then ok = false end end
print(ok)
local wrapped_tostring = tostring
tostring = function(v) return "<" .. wrapped_tostring(v) .. ">" end
print(1, "x", nil)
tostring = wrapped_tostring
