-- Reader functions: empty first piece, pieces splitting tokens, pieces with newlines, many tiny pieces.
local function from_pieces(pieces)
  local i = 0
  return function() i = i + 1 return pieces[i] end
end
print(load(from_pieces({}))())
print(select("#", load(from_pieces({ "" }))()))
print(load(from_pieces({ "return 12", "34 + 1" }))())
print(load(from_pieces({ "return [[a", "b]] .. '", "c'" }))())
print(load(from_pieces({ "local x = 1\n", "\n", "return x + 1\n" }))())
print(load(from_pieces({ "return 0x", "1p4" }))())
print(load(from_pieces({ "-", "- comment\n", "return 'after comment'" }))())
local src = "return " .. string.rep("1 + ", 500) .. "1"
local pos = 0
print(load(function() pos = pos + 1 if pos <= #src then return src:sub(pos, pos) end end)())
print(load(from_pieces({ "return 1 +" }), "=pieces"))
print(load(from_pieces({ "return '\\", "x41'" }))())
