-- pairs visits every key exactly once; sorting the keys gives a deterministic listing.
local t = { 10, 20, 30, x = "ex", y = "why", [100] = "hundred", [-1] = "neg", [2.5] = "float" }
local nums, strs = {}, {}
local count = 0
for k, v in pairs(t) do
  count = count + 1
  if type(k) == "number" then nums[#nums + 1] = k else strs[#strs + 1] = k end
end
table.sort(nums)
table.sort(strs)
print(count)
for _, k in ipairs(nums) do print(k, t[k]) end
for _, k in ipairs(strs) do print(k, t[k]) end
local empty = 0
for _ in pairs({}) do empty = empty + 1 end
print(empty)
local seq = { "a", "b", "c" }
local seen = {}
for k, v in pairs(seq) do seen[#seen + 1] = k .. "=" .. v end
table.sort(seen)
print(table.concat(seen, " "))
local f, s, c = pairs(t)
print(f == next, s == t, c)
print(pcall(function() for _ in pairs(nil) do end end))
print(select("#", pairs({})))
