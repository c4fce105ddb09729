-- find, gsub and gmatch over patterns whose repetitions are followed (directly or after
-- capture openings and closings) by items sharing or not sharing bytes with them, malformed
-- ones included: every result and error as the reference gives it.
local pats = { "(%a+)%s+(%a+),", "%a+%d", "(%d+): (%a+)", "%a*%s", "(%a*)(%s*)(%d+)", "[%a_]+%(", "%s*()%a+()%s*$",
  "%d+%.%d+", "(%w+)=(%w+)", "[^,]+,", "x*y", "(x*)(y)", "%a+%f[%A]", "(%a+)%1", "%a+%b()", "[ab]*[cd]+", "[ab]+[bc]",
  "%a+$", "(%a+)$", "^(%s*)(%S+)", "%S+%s", "(%x+)(%X)", "%d*(%a)", "%l+%u", "%u+%l*%d?", "%a+%)", "%a+(", "%a+[", "%a+%", "%a+)x", "(%a+))", "%d+()%s", "(%a+)%d", "%a+()%a", "[%a%d]+%s", "%a-a+)a", "(%a+)(%a+)", "%s+()(%S+)()%s" }
local subjects = { "hello world, foo bar, 12 34", "abc123 def456", "12: ab 34: cd", "  x  yy  zzz 99", "f(x) g_h(y)",
  "3.14 2.71 1.", "key=val a=b c=", "xxxy xy y", "wordWORD word2", "abcabc dd", "fn(a(b)c) z()", "aabbccdd abcd",
  "trailing", "", "AbC dEf GHI9", "ff:00 zz", "a,b,,c,", "   ", "x" }
local h, n = 0, 0
for _, p in ipairs(pats) do
  for _, s in ipairs(subjects) do
    local r = { pcall(string.find, s, p) }
    local r2 = { pcall(string.gsub, s, p, "<%0>") }
    local r3 = { pcall(function() local t = {} for a, b in s:gmatch(p) do t[#t + 1] = tostring(a) .. "|" .. tostring(b) end return table.concat(t, ";") end) }
    for _, rr in ipairs({ r, r2, r3 }) do
      for i = 1, #rr do
        local v = tostring(rr[i])
        for j = 1, #v do h = (h * 31 + v:byte(j)) % 1000000007 end
      end
    end
    n = n + 1
    if n % 97 == 0 then print(p, s, table.unpack(r)) end
  end
end
print(n, h)
