-- goto-based dispatch over an instruction list (a tiny register machine computing gcd and factorial).
local function run(prog, regs)
  local pc, steps = 1, 0
  ::fetch::
  steps = steps + 1
  local ins = prog[pc]
  if not ins then goto halt end
  pc = pc + 1
  if ins[1] == "set" then regs[ins[2]] = ins[3] goto fetch end
  if ins[1] == "mod" then regs[ins[2]] = regs[ins[3]] % regs[ins[4]] goto fetch end
  if ins[1] == "mul" then regs[ins[2]] = regs[ins[3]] * regs[ins[4]] goto fetch end
  if ins[1] == "dec" then regs[ins[2]] = regs[ins[2]] - 1 goto fetch end
  if ins[1] == "mov" then regs[ins[2]] = regs[ins[3]] goto fetch end
  if ins[1] == "jz" then if regs[ins[2]] == 0 then pc = ins[3] end goto fetch end
  if ins[1] == "jmp" then pc = ins[2] goto fetch end
  error("bad instruction " .. tostring(ins[1]))
  ::halt::
  return regs, steps
end
local gcd = { { "jz", "b", 6 }, { "mod", "t", "a", "b" }, { "mov", "a", "b" }, { "mov", "b", "t" }, { "jmp", 1 } }
local r, steps = run(gcd, { a = 1071, b = 462 })
print(r.a, steps)
local fact = { { "set", "acc", 1 }, { "jz", "n", 6 }, { "mul", "acc", "acc", "n" }, { "dec", "n" }, { "jmp", 2 } }
r = run(fact, { n = 20 })
print(r.acc)
print(pcall(run, { { "nop" } }, {}))
