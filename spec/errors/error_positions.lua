-- The line reported for an error in an expression spanning several lines.
local function try(f) print(select(2, pcall(f))) end
local t = {}
try(function()
  return 1 +
    2 +
    t.x
end)
try(function()
  local v = t
    .a
    .b
  return v
end)
try(function()
  return t.f(
    1,
    2
  )
end)
try(function()
  local s = "a" ..
    "b" ..
    nil
end)
try(function()
  return (
    nil
  ) < 1
end)
try(function()
  t
  .x
  .y = 1
end)
try(function()
  error(
    "raised on a later line"
  )
end)
