-- An uncaught error whose message spans several lines.
local problems = {}
local function check(name, value)
  if value == nil then problems[#problems + 1] = "missing " .. name end
end
local config = { host = "localhost" }
check("host", config.host)
check("port", config.port)
check("user", config.user)
print("found " .. #problems .. " problems")
if #problems > 0 then
  error("configuration invalid:\n\t" .. table.concat(problems, "\n\t"))
end
