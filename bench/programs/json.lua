-- json: a small JSON encoder and decoder written in Lua, round-tripping generated
-- documents: string scanning with string.byte/sub/find, string building with
-- table.concat, string escapes (including \u escapes to UTF-8), integers and floats,
-- nested arrays and objects (object keys encoded in sorted order).
-- size: full=1200 quick=200
local n = tonumber(arg and arg[1]) or 1200

local byte, sub, find, char, format = string.byte, string.sub, string.find, string.char, string.format
local concat = table.concat

local null = setmetatable({}, { __tostring = function() return "null" end })

-- ---------------------------------------------------------------------------
-- encoder

local escapes = { ['"'] = '\\"', ['\\'] = '\\\\', ['\b'] = '\\b', ['\f'] = '\\f',
  ['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t' }
local function escapeChar(c)
  return escapes[c] or format("\\u%04x", byte(c))
end

local encodeValue

local function isArray(t)
  local count = 0
  for _ in pairs(t) do count = count + 1 end
  return count == #t and (count > 0 or getmetatable(t) == "array")
end

local function encodeString(s, out)
  if find(s, '[%c"\\]') then s = s:gsub('[%c"\\]', escapeChar) end
  out[#out + 1] = '"'
  out[#out + 1] = s
  out[#out + 1] = '"'
end

function encodeValue(v, out)
  local tv = type(v)
  if tv == "string" then
    encodeString(v, out)
  elseif tv == "number" then
    if math.type(v) == "integer" then
      out[#out + 1] = format("%d", v)
    else
      out[#out + 1] = format("%.14g", v)
    end
  elseif tv == "boolean" then
    out[#out + 1] = v and "true" or "false"
  elseif v == null then
    out[#out + 1] = "null"
  elseif tv == "table" then
    if isArray(v) then
      out[#out + 1] = "["
      for i = 1, #v do
        if i > 1 then out[#out + 1] = "," end
        encodeValue(v[i], out)
      end
      out[#out + 1] = "]"
    else
      local keys = {}
      for k in pairs(v) do keys[#keys + 1] = k end
      table.sort(keys)
      out[#out + 1] = "{"
      for i, k in ipairs(keys) do
        if i > 1 then out[#out + 1] = "," end
        encodeString(k, out)
        out[#out + 1] = ":"
        encodeValue(v[k], out)
      end
      out[#out + 1] = "}"
    end
  else
    error("cannot encode a " .. tv)
  end
end

local function encode(v)
  local out = {}
  encodeValue(v, out)
  return concat(out)
end

-- ---------------------------------------------------------------------------
-- decoder

local decodeValue

local function skip(s, i)
  local _, e = find(s, "^[ \n\r\t]*", i)
  return e + 1
end

local unescape = { [98] = "\b", [102] = "\f", [110] = "\n", [114] = "\r", [116] = "\t",
  [34] = '"', [92] = "\\", [47] = "/" }

local function decodeString(s, i)
  -- i is just past the opening quote
  local parts, np = nil, 0
  local start = i
  while true do
    local j = find(s, '["\\]', i)
    if not j then error("unterminated string at " .. start) end
    if byte(s, j) == 34 then
      if not parts then return sub(s, start, j - 1), j + 1 end
      np = np + 1; parts[np] = sub(s, i, j - 1)
      return concat(parts), j + 1
    end
    parts = parts or {}
    np = np + 1; parts[np] = sub(s, i, j - 1)
    local e = byte(s, j + 1)
    if e == 117 then -- \uXXXX
      local code = tonumber(sub(s, j + 2, j + 5), 16)
      np = np + 1; parts[np] = utf8.char(code)
      i = j + 6
    else
      local c = unescape[e]
      if not c then error("bad escape at " .. j) end
      np = np + 1; parts[np] = c
      i = j + 2
    end
  end
end

local function decodeNumber(s, i)
  local _, e = find(s, "^-?%d+", i)
  local _, e2 = find(s, "^%.%d+", e + 1)
  if e2 then e = e2 end
  local _, e3 = find(s, "^[eE][-+]?%d+", e + 1)
  if e3 then e = e3 end
  local text = sub(s, i, e)
  local v = tonumber(text)
  if not v then error("bad number '" .. text .. "'") end
  return v, e + 1
end

function decodeValue(s, i)
  i = skip(s, i)
  local c = byte(s, i)
  if c == 123 then -- {
    local obj = {}
    i = skip(s, i + 1)
    if byte(s, i) == 125 then return obj, i + 1 end
    while true do
      if byte(s, i) ~= 34 then error("expected a key at " .. i) end
      local k
      k, i = decodeString(s, i + 1)
      i = skip(s, i)
      if byte(s, i) ~= 58 then error("expected ':' at " .. i) end
      obj[k], i = decodeValue(s, i + 1)
      i = skip(s, i)
      c = byte(s, i)
      if c == 125 then return obj, i + 1 end
      if c ~= 44 then error("expected ',' or '}' at " .. i) end
      i = skip(s, i + 1)
    end
  elseif c == 91 then -- [
    local arr, len = setmetatable({}, { __metatable = "array" }), 0
    i = skip(s, i + 1)
    if byte(s, i) == 93 then return arr, i + 1 end
    while true do
      len = len + 1
      arr[len], i = decodeValue(s, i)
      i = skip(s, i)
      c = byte(s, i)
      if c == 93 then return arr, i + 1 end
      if c ~= 44 then error("expected ',' or ']' at " .. i) end
      i = i + 1
    end
  elseif c == 34 then
    return decodeString(s, i + 1)
  elseif c == 116 and sub(s, i, i + 3) == "true" then
    return true, i + 4
  elseif c == 102 and sub(s, i, i + 4) == "false" then
    return false, i + 5
  elseif c == 110 and sub(s, i, i + 3) == "null" then
    return null, i + 4
  else
    return decodeNumber(s, i)
  end
end

local function decode(s)
  local v, i = decodeValue(s, 1)
  i = skip(s, i)
  if i <= #s then error("trailing text at " .. i) end
  return v
end

-- ---------------------------------------------------------------------------
-- generated documents

local seed = 7
local function rnd(m)
  seed = (seed * 1309 + 13849) % 1048576
  return (seed >> 4) % m
end

local words = { "alpha", "beta", "gamma", "delta", "quote\"d", "back\\slash", "tab\there",
  "new\nline", "caf\u{e9}", "\u{3b1}\u{3b2}", "ctrl\1x", "slash/ok", "" }

local function genValue(depth)
  local k = rnd(depth > 2 and 5 or 8)
  if k == 0 then return rnd(2000000) - 1000000
  elseif k == 1 then return (rnd(100000) - 50000) / 64
  elseif k == 2 then return words[rnd(#words) + 1] .. rnd(100)
  elseif k == 3 then return rnd(2) == 0
  elseif k == 4 then return null
  elseif k <= 6 then
    local arr = setmetatable({}, { __metatable = "array" })
    for i = 1, rnd(6) do arr[i] = genValue(depth + 1) end
    return arr
  else
    local obj = {}
    for _ = 1, rnd(6) + 1 do obj[words[rnd(#words) + 1] .. rnd(10)] = genValue(depth + 1) end
    return obj
  end
end

local function genDoc(i)
  local items = {}
  for j = 1, 4 + i % 5 do
    items[j] = { id = i * 100 + j, name = words[rnd(#words) + 1], price = rnd(100000) / 100,
      tags = { words[rnd(#words) + 1], "t" .. j }, extra = genValue(0) }
  end
  return { doc = i, title = "Document \"" .. i .. "\"", ok = i % 3 ~= 0, items = items,
    meta = { created = 1600000000 + i, ratio = i / 7, note = null } }
end

-- round trips: encode, decode, encode again; the texts must be equal
local totalLen, sum, values = 0, 0, 0
local function count(v)
  values = values + 1
  if type(v) == "table" and v ~= null then
    for _, x in pairs(v) do count(x) end
  end
end
for i = 1, n do
  local text = encode(genDoc(i))
  local back = decode(text)
  local again = encode(back)
  if again ~= text then error("round trip differs for document " .. i) end
  totalLen = totalLen + #text
  for p = 1, #text, 7 do sum = (sum * 31 + byte(text, p)) % 1000003 end
  count(back)
  if i == n then print(sub(text, 1, 120)) end
end
print(format("json %d: bytes=%d values=%d hash=%d", n, totalLen, values, sum))
