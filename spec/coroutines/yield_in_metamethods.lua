-- Yielding from inside metamethods called by Lua code (__index, __add, __lt, __concat, __eq, __call, __len).
local mt = {
  __index = function(t, k) return coroutine.yield("index " .. k) end,
  __newindex = function(t, k, v) rawset(t, k, coroutine.yield("newindex " .. k)) end,
  __add = function(a, b) return coroutine.yield("add") end,
  __lt = function(a, b) return coroutine.yield("lt") end,
  __le = function(a, b) return coroutine.yield("le") end,
  __concat = function(a, b) return coroutine.yield("concat") end,
  __eq = function(a, b) return coroutine.yield("eq") end,
  __call = function(self, x) return coroutine.yield("call " .. x) end,
  __len = function() return coroutine.yield("len") end,
  __unm = function() return coroutine.yield("unm") end,
}
local obj = setmetatable({}, mt)
local other = setmetatable({}, mt)
local co = coroutine.wrap(function()
  local r = {}
  r[#r + 1] = obj.key
  obj.stored = "ignored"
  r[#r + 1] = rawget(obj, "stored")
  r[#r + 1] = obj + 1
  r[#r + 1] = tostring(obj < other)
  r[#r + 1] = tostring(obj <= other)
  r[#r + 1] = obj .. "s"
  r[#r + 1] = tostring(obj == other)
  r[#r + 1] = obj("arg")
  r[#r + 1] = #obj
  r[#r + 1] = -obj
  return "results: " .. table.concat(r, ",")
end)
local answers = { "K", "S", "A", true, false, "C", 1, "CALL", 7, "U" }
print(co())
for i = 1, #answers do print(co(answers[i])) end
