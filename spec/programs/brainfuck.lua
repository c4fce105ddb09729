-- A Brainfuck interpreter with precomputed bracket jumps.
local function run(prog, input)
  local jump, stack = {}, {}
  for i = 1, #prog do
    local c = prog:sub(i, i)
    if c == "[" then stack[#stack + 1] = i
    elseif c == "]" then
      local open = table.remove(stack)
      if not open then error("unmatched ] at " .. i) end
      jump[open], jump[i] = i, open
    end
  end
  if #stack > 0 then error("unmatched [ at " .. stack[#stack]) end
  local tape, ptr, pc, out, inp = {}, 1, 1, {}, 1
  local steps = 0
  while pc <= #prog do
    local c = prog:byte(pc)
    steps = steps + 1
    if c == 43 then tape[ptr] = ((tape[ptr] or 0) + 1) % 256       -- '+'
    elseif c == 45 then tape[ptr] = ((tape[ptr] or 0) - 1) % 256   -- '-'
    elseif c == 62 then ptr = ptr + 1                               -- '>'
    elseif c == 60 then ptr = ptr - 1                               -- '<'
    elseif c == 46 then out[#out + 1] = string.char(tape[ptr] or 0) -- '.'
    elseif c == 44 then                                             -- ','
      tape[ptr] = input and input:byte(inp) or 0
      inp = inp + 1
    elseif c == 91 and (tape[ptr] or 0) == 0 then pc = jump[pc]     -- '['
    elseif c == 93 and (tape[ptr] or 0) ~= 0 then pc = jump[pc]     -- ']'
    end
    pc = pc + 1
  end
  return table.concat(out), steps
end
local hello = "++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++.>>.<-.<.+++.------.--------.>>+.>++."
print(run(hello))
local reverse = ">,[>,]<[.<]"
print(run(reverse, "stressed"))
local add = ",>,[<+>-]<------------------------------------------------."
print(run(add, "34"))
print(pcall(run, "[[]"))
print(pcall(run, "]"))
