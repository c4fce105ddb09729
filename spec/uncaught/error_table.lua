-- An uncaught error whose value is a table without __tostring.
local function fail(code, msg)
  error({ code = code, msg = msg })
end
local ok, e = pcall(fail, 1, "caught one")
print(ok, type(e), e.code, e.msg)
print("raising a table without catching it")
local function outer()
  fail(2, "uncaught")
end
outer()
