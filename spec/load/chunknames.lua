-- Chunk names in error messages: default "[string ...]", "=name" verbatim, "@file" as a file name.
local function errmsg(src, name)
  local f, err = load(src, name)
  if not f then return err end
  local ok, e = pcall(f)
  return e
end
print(errmsg("error('default')"))
print(errmsg("error('custom')", "=custom name"))
print(errmsg("error('file')", "@myfile.lua"))
print(errmsg("error('plain')", "plain name"))
print(errmsg("x = = 1"))
print(errmsg("x = = 1", "=syntax"))
print(errmsg("x = = 1", "@syntax.lua"))
print(errmsg("\n\nerror('line three')", "=lines"))
print(errmsg("local x = 1\nlocal y = 2\nerror('multi-line source')"))
print(errmsg("error('" .. string.rep("long", 30) .. "')"))
print(errmsg(string.rep("x", 100) .. " = nil + 1"))
print(errmsg("error('name is long')", "=" .. string.rep("n", 100)))
print(errmsg("error('file name is long')", "@" .. string.rep("d", 80) .. "/file.lua"))
print(errmsg("return nil + 1", ""))
print(errmsg("  error('leading spaces')"))
