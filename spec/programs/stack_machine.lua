-- A small stack-machine: assembler with labels plus an interpreter.
local function assemble(src)
  local code, labels, fixups = {}, {}, {}
  local pos = 1
  while pos <= #src do
    local nl = src:find("\n", pos, true) or (#src + 1)
    local line = src:sub(pos, nl - 1)
    pos = nl + 1
    local sp = line:find(" ", 1, true)
    local op = sp and line:sub(1, sp - 1) or line
    local arg = sp and line:sub(sp + 1) or nil
    if op:sub(-1) == ":" then labels[op:sub(1, -2)] = #code + 1
    elseif op ~= "" then
      code[#code + 1] = { op = op, arg = tonumber(arg) or arg }
      if op == "jmp" or op == "jz" or op == "call" then fixups[#fixups + 1] = #code end
    end
  end
  for _, i in ipairs(fixups) do
    local target = labels[code[i].arg]
    if not target then error("unknown label " .. tostring(code[i].arg)) end
    code[i].arg = target
  end
  return code
end
local function execute(code)
  local stack, rstack, out, pc = {}, {}, {}, 1
  local function pop() local v = table.remove(stack) if v == nil then error("stack underflow at " .. pc) end return v end
  while true do
    local ins = code[pc]
    if not ins then break end
    pc = pc + 1
    local op = ins.op
    if op == "push" then stack[#stack + 1] = ins.arg
    elseif op == "add" then local b, a = pop(), pop() stack[#stack + 1] = a + b
    elseif op == "sub" then local b, a = pop(), pop() stack[#stack + 1] = a - b
    elseif op == "mul" then local b, a = pop(), pop() stack[#stack + 1] = a * b
    elseif op == "dup" then local a = pop() stack[#stack + 1] = a; stack[#stack + 1] = a
    elseif op == "swap" then local b, a = pop(), pop() stack[#stack + 1] = b; stack[#stack + 1] = a
    elseif op == "rot" then local c, b, a = pop(), pop(), pop() stack[#stack + 1] = b; stack[#stack + 1] = c; stack[#stack + 1] = a
    elseif op == "print" then out[#out + 1] = tostring(pop())
    elseif op == "jmp" then pc = ins.arg
    elseif op == "jz" then if pop() == 0 then pc = ins.arg end
    elseif op == "call" then rstack[#rstack + 1] = pc; pc = ins.arg
    elseif op == "ret" then pc = table.remove(rstack)
    elseif op == "halt" then break
    else error("bad opcode " .. op) end
  end
  return table.concat(out, " ")
end
local factorial = [[
push 1
push 10
loop:
dup
jz done
dup
call mulacc
push 1
sub
jmp loop
done:
swap
print
halt
mulacc:
rot
mul
swap
ret
]]
print(pcall(function() return execute(assemble(factorial)) end))
local countdown = "push 5\ntop:\ndup\nprint\npush 1\nsub\ndup\njz end\njmp top\nend:\nhalt"
print(execute(assemble(countdown)))
print(pcall(execute, assemble("add")))
print(pcall(assemble, "jmp nowhere"))
