-- A tokenizer written as a goto-based state machine (numbers, identifiers, operators).
local function tokenize(src)
  local tokens, i, start = {}, 1, 0
  local c
  ::next_char::
  if i > #src then goto finish end
  c = src:sub(i, i)
  if c == " " then i = i + 1 goto next_char end
  start = i
  if c:byte() >= 48 and c:byte() <= 57 then goto number end
  if c:lower() ~= c:upper() or c == "_" then goto ident end
  tokens[#tokens + 1] = "op:" .. c
  i = i + 1
  goto next_char
  ::number::
  while i <= #src and src:byte(i) >= 48 and src:byte(i) <= 57 do i = i + 1 end
  tokens[#tokens + 1] = "num:" .. src:sub(start, i - 1)
  goto next_char
  ::ident::
  while i <= #src do
    local ch = src:sub(i, i)
    if not (ch:lower() ~= ch:upper() or ch == "_" or (ch >= "0" and ch <= "9")) then break end
    i = i + 1
  end
  tokens[#tokens + 1] = "id:" .. src:sub(start, i - 1)
  goto next_char
  ::finish::
  return tokens
end
print(table.concat(tokenize("x1 = 42 + foo_bar*(7-y)"), " "))
print(table.concat(tokenize("  a  "), " "), #tokenize(""))
