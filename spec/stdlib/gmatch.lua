-- string.gmatch iterates over all matches, with and without captures.
local words = {}
for w in ("the quick brown fox"):gmatch("%a+") do words[#words + 1] = w end
print(#words, table.concat(words, ","))
local kv = {}
for k, v in ("a=1, b=2, c=3"):gmatch("(%w+)=(%w+)") do kv[#kv + 1] = k .. ":" .. v end
print(table.concat(kv, " "))
local positions = {}
for p in ("banana"):gmatch("()a") do positions[#positions + 1] = p end
print(table.concat(positions, " "))
local n = 0
for _ in (""):gmatch(".") do n = n + 1 end
print(n)
local empties = {}
for m in ("abc"):gmatch("x*") do empties[#empties + 1] = "[" .. m .. "]" end
print(table.concat(empties))
local nums = {}
for num in ("1, -2.5, 3e2, 0x10"):gmatch("[%-%.%w]+") do nums[#nums + 1] = tostring(tonumber(num)) end
print(table.concat(nums, " "))
local it = ("a1b2"):gmatch("%a(%d)")
print(it(), it(), it())
local lines = {}
for line in ("one\ntwo\n\nfour"):gmatch("([^\n]*)\n?") do lines[#lines + 1] = "<" .. line .. ">" end
print(table.concat(lines))
local anchored = {}
for m in ("aaa"):gmatch("^a") do anchored[#anchored + 1] = m end
print(#anchored)
