-- A backward goto leaves the scope of locals declared after the label: each pass makes a fresh one.
local fns = {}
local i = 1
::loop::
local v = i * 10
fns[#fns + 1] = function() return v end
i = i + 1
if i <= 3 then goto loop end
print(fns[1](), fns[2](), fns[3]())
local counters = {}
do
  local n = 0
  ::again::
  local c = 0
  counters[#counters + 1] = function() c = c + 1; return c end
  n = n + 1
  if n < 2 then goto again end
end
print(counters[1](), counters[1](), counters[2]())
