-- An uncaught runtime error inside nested function calls.
local config = { server = { port = 8080 } }
local function get(path)
  return config.database.host
end
local function connect()
  local host = get("database.host")
  return host
end
print("connecting")
connect()
