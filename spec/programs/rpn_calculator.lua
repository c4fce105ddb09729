-- A reverse Polish notation calculator with error reporting.
local ops = {
  ["+"] = function(a, b) return a + b end, ["-"] = function(a, b) return a - b end,
  ["*"] = function(a, b) return a * b end, ["/"] = function(a, b) return a / b end,
  ["//"] = function(a, b) return a // b end, ["%"] = function(a, b) return a % b end,
  ["^"] = function(a, b) return a ^ b end,
}
local function rpn(expr)
  local stack = {}
  local start = 1
  while start <= #expr do
    local sp = expr:find(" ", start, true) or (#expr + 1)
    local tok = expr:sub(start, sp - 1)
    start = sp + 1
    if tok ~= "" then
      local n = tonumber(tok)
      if n then stack[#stack + 1] = n
      elseif ops[tok] then
        if #stack < 2 then error("stack underflow at '" .. tok .. "'", 0) end
        local b = table.remove(stack)
        local a = table.remove(stack)
        stack[#stack + 1] = ops[tok](a, b)
      elseif tok == "neg" then stack[#stack] = -stack[#stack]
      elseif tok == "dup" then stack[#stack + 1] = stack[#stack]
      else error("unknown token '" .. tok .. "'", 0) end
    end
  end
  if #stack ~= 1 then error("expected one result, got " .. #stack, 0) end
  return stack[1]
end
for _, e in ipairs({ "3 4 +", "5 1 2 + 4 * + 3 -", "2 3 ^", "7 2 //", "7 2 /", "-7 2 %", "2 neg dup *",
  "0x10 1e1 +", "1 +", "1 2", "1 2 swap", "5 0 //", "" }) do
  print(string.format("%-20s", string.format("%q", e)), pcall(rpn, e))
end
