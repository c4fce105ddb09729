-- app.config.lua: the application's configuration, written as a Lua script.
-- The host provides env(name) and the `defaults` table; the script returns the config.

local port = tonumber(env("PORT")) or defaults.port

local function mirror(region, weight)
  return { url = "https://" .. region .. ".mirror.example.com", weight = weight or 1 }
end

return {
  name = "shop",
  port = port,
  debug = env("DEBUG") == "1",
  workers = math.max(2, defaults.cpus // 2),
  mirrors = { mirror("eu"), mirror("us", 3) },
  limits = { maxUploadBytes = 10 * 1024 * 1024, timeoutMs = 2500 },
}
