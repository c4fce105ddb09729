-- Return values are computed before the closers run; closers cannot change them.
local state = "open"
local function closable()
  return setmetatable({}, { __close = function(self, err) state = "closed"; print("closing", err) end })
end
local function f()
  local c <close> = closable()
  return state, "second"
end
print(f())
print(state)
local function g()
  local t = { n = 1 }
  local c <close> = setmetatable({}, { __close = function() t.n = 2 end })
  return t, t.n
end
local t, n = g()
print(t.n, n)
local closer_args
local obj = setmetatable({}, { __close = function(...) closer_args = table.pack(...) end })
do local o <close> = obj end
print(closer_args.n, closer_args[1] == obj, closer_args[2])
