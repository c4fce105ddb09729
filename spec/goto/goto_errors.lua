-- Compile errors about goto and labels, reported by load().
local snippets = {
  "goto nowhere",
  "do ::inner:: end goto inner",
  "::dup:: ::dup::",
  "::a:: do ::a:: end",
  "goto fwd local x = 1 ::fwd:: print(x)",
  "local function f() goto out end ::out::",
  "for i = 1, 2 do end goto continue",
  "repeat goto cont local z = 1 ::cont:: until z",
  "::1label::",
  "goto",
  "goto 5",
  ":: name ::",
  "::missing_colons",
  "break",
  "if x then break end",
}
for i, src in ipairs(snippets) do
  local f, err = load(src, "=goto")
  print(i, err or "compiled")
end
