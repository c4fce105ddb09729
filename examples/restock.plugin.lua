-- restock.plugin.lua: a plugin. It reaches the host's inventory only through the bridge,
-- which exposes a few whitelisted methods and properties.
local inventory = require("inventory")

local plugin = { name = "restock", version = "1.2" }

-- tops every item up to `level`; returns how many units were ordered
function plugin.run(level)
  print(("%s sees owner=%s currency=%s"):format(plugin.name, inventory.owner, inventory.currency))
  local ordered = 0
  for _, item in ipairs(inventory:list()) do
    if item.qty < level then
      inventory:add(item.sku, level - item.qty)
      ordered = ordered + (level - item.qty)
    end
  end
  inventory.currency = "USD" -- a writable property
  return ordered
end

-- what the bridge does not allow
function plugin.probe()
  print("wipe:", pcall(function() return inventory:wipe() end))
  print("owner:", pcall(function() inventory.owner = "mallory" end))
  print("hidden:", inventory.items, inventory.constructor, inventory.__proto__, getmetatable(inventory))
  -- a host method that throws: the Error is a Lua error pcall can catch
  local ok, err = pcall(inventory.remove, inventory, "bolt", 1000)
  print("remove:", ok, err)
end

return plugin
