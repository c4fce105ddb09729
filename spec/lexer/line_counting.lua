-- Line numbers in messages count newlines inside long strings, long comments and escapes.
local function where(src)
  local f, err = load(src, "=chunk")
  if not f then return err end
  local ok, msg = pcall(f)
  return msg
end
print(where("local s = [[\n\n\n]] error('a')"))
print(where("--[[\n\n]] error('b')"))
print(where("local s = 'x\\\n\\\ny' error('c')"))
print(where("local s = 'x\\z\n\n   y' error('d')"))
print(where("\n\n\nlocal x = nil + 1"))
print(where("local t = {\n1,\n2,\nnil .. 'x'}"))
print(where("error('e')\n\n"))
print(where("\r\n\r\nerror('crlf')"))
print(where("\n\r\n\rerror('lfcr')"))
print(where("\r\rerror('cr')"))
print(where("x = [==[\n]==] + 1 +\n\n nil"))
