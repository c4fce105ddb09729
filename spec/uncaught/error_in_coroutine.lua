-- An error inside a coroutine.wrap generator propagates to the main chunk uncaught,
-- with the generator's position prefixed by the position of the call.
local function numbers(limit)
  return coroutine.wrap(function()
    for i = 1, limit do coroutine.yield(i) end
    error("generator exhausted badly")
  end)
end
local gen = numbers(2)
print(gen())
print(gen())
print(gen())
print("never printed")
