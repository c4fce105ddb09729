-- An uncaught error whose value is a number: printed like a string message, without position.
local codes = { ok = 0, not_found = 404, server = 500 }
local function fetch(path)
  if path == "/missing" then return codes.not_found end
  return codes.ok
end
for _, p in ipairs({ "/", "/index", "/missing" }) do
  local status = fetch(p)
  print(p, status)
  if status ~= codes.ok then
    error(status)
  end
end
