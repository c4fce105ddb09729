-- k-nucleotide: after the Benchmarks Game k-nucleotide; frequency counting of
-- substrings (k-mers) of a generated DNA sequence in string-keyed tables with
-- string.sub, sorted frequency tables, plus gmatch over runs of one base and gsub
-- with a table replacement (the reverse complement).
-- size: full=300000 quick=50000
local n = tonumber(arg and arg[1]) or 300000

-- the sequence: bases drawn with fixed probabilities by the fasta benchmark's
-- generator (seed = (seed * 3877 + 29573) % 139968, every value below 2^31)
local IM, IA, IC = 139968, 3877, 29573
local seed = 42
local bases = { { "a", 27 }, { "c", 12 }, { "g", 12 }, { "t", 27 },
  { "B", 2 }, { "D", 2 }, { "H", 2 }, { "K", 2 }, { "M", 2 }, { "N", 2 },
  { "R", 2 }, { "S", 2 }, { "V", 2 }, { "W", 2 }, { "Y", 2 } }
local total = 0
for _, b in ipairs(bases) do total = total + b[2] end
local cumulative, acc = {}, 0
for i, b in ipairs(bases) do
  acc = acc + b[2]
  cumulative[i] = acc * IM // total   -- integer thresholds instead of float probabilities
end
local chunks, line = {}, {}
for i = 1, n do
  seed = (seed * IA + IC) % IM
  local j = 1
  while seed >= cumulative[j] do j = j + 1 end
  line[#line + 1] = bases[j][1]
  if #line == 60 or i == n then
    chunks[#chunks + 1] = table.concat(line)
    line = {}
  end
end
local fasta = table.concat(chunks, "\n")

-- keep only the four nucleotides, upper-cased
local seq = fasta:gsub("[^acgt]", ""):upper()
local len = #seq

local function frequencies(k)
  local freq, sub = {}, string.sub
  for i = 1, len - k + 1 do
    local s = sub(seq, i, i + k - 1)
    freq[s] = (freq[s] or 0) + 1
  end
  return freq
end

local function sortedFrequencies(k)
  local freq = frequencies(k)
  local list = {}
  for s, c in pairs(freq) do list[#list + 1] = { s, c } end
  table.sort(list, function(a, b)
    if a[2] ~= b[2] then return a[2] > b[2] end
    return a[1] < b[1]
  end)
  local out = {}
  for i, e in ipairs(list) do
    out[i] = string.format("%s %.3f", e[1], e[2] * 100 / (len - k + 1))
  end
  return table.concat(out, " ")
end

print(string.format("k-nucleotide %d: %d nucleotides", n, len))
print(sortedFrequencies(1))
print(sortedFrequencies(2))
for _, s in ipairs({ "GGT", "GGTA", "GGTATT", "GGTATTTTAATT", "GGTATTTTAATTTATAGT" }) do
  local c = frequencies(#s)[s] or 0
  io.write(c, "\t", s, "\n")
end

-- runs of a single base: histogram of run lengths, with gmatch
local runs = {}
for _, b in ipairs({ "A", "C", "G", "T" }) do
  local longest, count = 0, 0
  for run in seq:gmatch(b .. "+") do
    count = count + 1
    if #run > longest then longest = #run end
  end
  runs[#runs + 1] = string.format("%s:%d/%d", b, count, longest)
end
print(table.concat(runs, " "))

-- reverse complement, then count 3-mers of it: the same multiset as the reverse
-- complements of the forward 3-mers
local rc = seq:reverse():gsub(".", { A = "T", C = "G", G = "C", T = "A" })
local checks, fwd = 0, frequencies(3)
seq, len = rc, #rc
for s, c in pairs(frequencies(3)) do
  local back = s:reverse():gsub(".", { A = "T", C = "G", G = "C", T = "A" })
  if fwd[back] ~= c then error("reverse complement mismatch for " .. s) end
  checks = checks + 1
end
local h = 0
for i = 1, len, 13 do h = (h * 31 + rc:byte(i)) % 1000003 end
print(string.format("revcomp: checked=%d hash=%d", checks, h))
