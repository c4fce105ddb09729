-- Base64 encoding and decoding with bitwise operators.
local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
local decode_map = {}
for i = 1, 64 do decode_map[alphabet:byte(i)] = i - 1 end
local function encode(s)
  local out = {}
  for i = 1, #s, 3 do
    local a, b, c = s:byte(i, i + 2)
    local n = (a << 16) | ((b or 0) << 8) | (c or 0)
    out[#out + 1] = alphabet:sub((n >> 18) + 1, (n >> 18) + 1)
    out[#out + 1] = alphabet:sub(((n >> 12) & 63) + 1, ((n >> 12) & 63) + 1)
    out[#out + 1] = b and alphabet:sub(((n >> 6) & 63) + 1, ((n >> 6) & 63) + 1) or "="
    out[#out + 1] = c and alphabet:sub((n & 63) + 1, (n & 63) + 1) or "="
  end
  return table.concat(out)
end
local function decode(s)
  local out, bits, nbits = {}, 0, 0
  for i = 1, #s do
    local ch = s:byte(i)
    if ch ~= 61 then
      local v = decode_map[ch] or error("invalid character at " .. i, 0)
      bits = (bits << 6) | v
      nbits = nbits + 6
      if nbits >= 8 then
        nbits = nbits - 8
        out[#out + 1] = string.char((bits >> nbits) & 255)
      end
    end
  end
  return table.concat(out)
end
for _, s in ipairs({ "", "f", "fo", "foo", "foob", "fooba", "foobar", "Hello, World!", "\0\1\2\255" }) do
  local e = encode(s)
  print(string.format("%q", s), e, decode(e) == s)
end
print(decode("TW9vbmJveA=="), pcall(decode, "ab$c"))
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
local blob = table.concat(all)
print(#encode(blob), decode(encode(blob)) == blob)
