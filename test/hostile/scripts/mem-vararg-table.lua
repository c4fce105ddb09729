-- attacks: tables built by {...} from 100k varargs, kept (the __close handler, run after the limit, checks how far past it the run got) (copying the 100k values is charged as 100k instructions, so the instruction limit can come first); expect: LuaMemoryLimitError|LuaInstructionLimitError
local t = {}
for i = 1, 100000 do t[i] = i end
local keep = {}
local check <close> = setmetatable({}, { __close = function()
  -- 100k slots are 1.6 MB as the collector counts them: more than 2 x 8 MB is a late stop
  if #keep > 10 then hostile_failure = #keep end -- tables kept (a number: nothing to allocate)
end })
local function pack(...) return { ... } end
local function loop(...) while true do keep[#keep + 1] = pack(...) end end
loop(table.unpack(t))
