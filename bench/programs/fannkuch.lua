-- fannkuch: the Benchmarks Game fannkuch-redux; permutations of a small array
-- generated in place, with prefix reversals ("pancake flips").
-- size: full=9 quick=8
local n = tonumber(arg and arg[1]) or 9

local function fannkuch(len)
  local perm, perm1, count = {}, {}, {}
  for i = 1, len do perm1[i] = i end
  local maxFlips, checksum, permCount = 0, 0, 0
  local r = len
  while true do
    while r ~= 1 do count[r] = r; r = r - 1 end
    for i = 1, len do perm[i] = perm1[i] end
    local flips = 0
    local k = perm[1]
    while k ~= 1 do
      local i, j = 1, k
      while i < j do
        perm[i], perm[j] = perm[j], perm[i]
        i = i + 1
        j = j - 1
      end
      flips = flips + 1
      k = perm[1]
    end
    if flips > maxFlips then maxFlips = flips end
    if permCount % 2 == 0 then checksum = checksum + flips else checksum = checksum - flips end
    -- next permutation (the "count" rotation scheme)
    while true do
      if r == len then return checksum, maxFlips end
      local first = perm1[1]
      for i = 1, r do perm1[i] = perm1[i + 1] end
      perm1[r + 1] = first
      count[r + 1] = count[r + 1] - 1
      if count[r + 1] > 0 then break end
      r = r + 1
    end
    permCount = permCount + 1
  end
end

local checksum, flips = fannkuch(n)
print(string.format("%d\nPfannkuchen(%d) = %d", checksum, n, flips))
