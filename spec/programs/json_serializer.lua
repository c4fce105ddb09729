-- A JSON serializer with sorted object keys, string escaping and cycle detection.
local escapes = { ['"'] = '\\"', ["\\"] = "\\\\", ["\b"] = "\\b", ["\f"] = "\\f", ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t" }
local function escape_str(s)
  local out = {}
  for i = 1, #s do
    local c = s:sub(i, i)
    local b = c:byte()
    if escapes[c] then out[#out + 1] = escapes[c]
    elseif b < 32 then out[#out + 1] = string.format("\\u%04x", b)
    else out[#out + 1] = c end
  end
  return '"' .. table.concat(out) .. '"'
end
local function is_array(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  for i = 1, n do if t[i] == nil then return false end end
  return true, n
end
local encode
local function encode_value(v, seen, indent, level)
  local tv = type(v)
  if tv == "nil" then return "null"
  elseif tv == "boolean" then return tostring(v)
  elseif tv == "number" then
    if v ~= v or v == math.huge or v == -math.huge then error("cannot encode " .. tostring(v)) end
    if math.type(v) == "integer" then return tostring(v) end
    return string.format("%.14g", v)
  elseif tv == "string" then return escape_str(v)
  elseif tv == "table" then
    if seen[v] then error("cycle detected") end
    seen[v] = true
    local pad = indent and ("\n" .. string.rep(indent, level + 1)) or ""
    local close = indent and ("\n" .. string.rep(indent, level)) or ""
    local sep = indent and ": " or ":"
    local parts = {}
    local arr, n = is_array(v)
    local result
    if arr and n > 0 then
      for i = 1, n do parts[i] = pad .. encode_value(v[i], seen, indent, level + 1) end
      result = "[" .. table.concat(parts, ",") .. close .. "]"
    elseif arr then
      result = "[]"
    else
      local keys = {}
      for k in pairs(v) do
        if type(k) ~= "string" then error("non-string key: " .. tostring(k)) end
        keys[#keys + 1] = k
      end
      table.sort(keys)
      for i, k in ipairs(keys) do parts[i] = pad .. escape_str(k) .. sep .. encode_value(v[k], seen, indent, level + 1) end
      result = "{" .. table.concat(parts, ",") .. close .. "}"
    end
    seen[v] = nil
    return result
  else
    error("cannot encode a " .. tv)
  end
end
function encode(v, indent) return encode_value(v, {}, indent, 0) end
local doc = {
  name = "moonbox", version = 1.5, tags = { "lua", "ts", "vm" }, stable = false,
  nested = { zeta = 1, alpha = { 1, 2, { deep = true } }, empty = {} },
  text = 'quote " backslash \\ newline \n tab \t bell \7',
  count = 42,
}
print(encode(doc))
print(encode(doc, "  "))
print(encode({ 1, "two", 3.25, true }))
local cyc = {}
cyc.self = cyc
print(pcall(encode, cyc))
print(pcall(encode, { [1] = 1, [3] = 3 }))
print(pcall(encode, { f = print }))
