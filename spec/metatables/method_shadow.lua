-- Methods found through __index, then shadowed by fields of the object itself (set
-- after the call site has been used many times), removed again, and keys whose
-- filter bits collide with the method's; also the empty string and 1-byte keys.
local C = {}
C.__index = C
function C:m() return "class m" end
function C:n() return "class n" end
C[""] = "class empty"
C.x = "class x"

local objs = {}
for i = 1, 8 do objs[i] = setmetatable({ id = i }, C) end

local function callAll(tag)
  local out = {}
  for i = 1, #objs do
    local o = objs[i]
    out[#out + 1] = o:m() .. "/" .. o:n() .. "/" .. tostring(o[""]) .. "/" .. tostring(o.x)
  end
  print(tag, table.concat(out, " "))
end

for _ = 1, 300 do callAll_quiet = (callAll_quiet or 0) + #objs[1]:m() end
callAll("start")

-- shadow on some objects only
objs[3].m = function() return "own m" end
objs[5][""] = "own empty"
objs[7].x = "own x"
callAll("shadowed")

-- many own keys: every filter bit set on objs[2]
for i = 1, 200 do objs[2]["k" .. i .. string.rep("z", i % 7)] = i end
callAll("many keys")
objs[2].n = function() return "own n" end
callAll("own n")

-- removing the own fields: the class's methods again
objs[3].m = nil
objs[2].n = nil
objs[5][""] = nil
objs[7].x = nil
callAll("removed")

-- a key set and cleared before the first lookup
local o = setmetatable({}, C)
o.m = 1; o.m = nil
print(o:m(), o.x, o[""])

-- changing the class
function C:m() return "new class m" end
callAll("class changed")
C.__index = { m = function() return "other index" end, n = C.n, x = "other x" }
callAll("index changed")
print(callAll_quiet)
