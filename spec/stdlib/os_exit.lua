-- os.exit(code) ends the program with that status after flushing buffered output.
local function run_checks()
  local failures = 0
  for _, v in ipairs({ 1, 2, 3 }) do
    if v % 2 == 0 then failures = failures + 1 end
  end
  return failures
end
local failures = run_checks()
io.write("buffered output ")
print("is flushed before exit")
io.write("failures: ", failures, "\n")
os.exit(failures + 2)
print("never printed")
