-- string.gsub: string, table and function replacements, %0-%9, limits, anchors and errors.
print(string.gsub("hello world", "o", "0"))
print(string.gsub("hello world", "o", "0", 1))
print(string.gsub("hello world", "o", "0", 0))
print(string.gsub("hello world", "o", "0", -1))
print(string.gsub("hello world", "o", "0", 1.0))
print(string.gsub("hello", "", "-"))
print(string.gsub("abc", ".", "%0%0"))
print(string.gsub("abc", "(a)(b)", "%2%1"))
print(string.gsub("abc", "b", "%%"))
print(string.gsub("hello world", "(%w+)", "<%1>"))
print(string.gsub("hello world", "%w+", "%0 %0", 1))
print(string.gsub("abc", "^a", "X"), string.gsub("aaa", "^a", "X"))
print(string.gsub("abc", "c$", "X"), string.gsub("a$c", "$c", "X"))
-- table replacement: a false or nil value keeps the match
local t = { hello = "HI", world = false, n = 42 }
print(string.gsub("hello world n other", "%a+", t))
-- function replacement: the captures are the arguments
print(string.gsub("1 2 3", "%d", function(d) return d * 2 end))
print(string.gsub("a=1,b=2", "(%w)=(%w)", function(k, v) return v .. "=" .. k end))
print(string.gsub("abc", "%w", function(c) if c == "b" then return nil end return c:upper() end))
print(string.gsub("abc", "()", function(p) return p end))
print(string.gsub("x y", "%s", { [" "] = 1.5 }))
print(pcall(string.gsub, "abc", "b", function() return {} end))
print(pcall(string.gsub, "abc", "b", { b = true }))
print(pcall(string.gsub, "abc", "b", "%2"))
print(pcall(string.gsub, "abc", "(b)", "%2"))
print(pcall(string.gsub, "abc", "b", "%x"))
print(pcall(string.gsub, "abc", "b", "%"))
print(pcall(string.gsub, "abc", "b"))
print(pcall(string.gsub, "abc", "b", true))
print(pcall(string.gsub, "abc", "b", "x", "n"))
print(pcall(string.gsub, "abc", "b", "x", 1.5))
print(pcall(string.gsub))
print(pcall(string.gsub, "abc", "(", "x"))
-- the replacement can be a number
print(string.gsub("abc", "b", 7))
print(string.gsub(123, 2, 9))
-- a function erroring inside gsub propagates
print(pcall(string.gsub, "abc", "b", function() error("in repl") end))
-- %1 refers to the whole match when there are no captures
print(string.gsub("abc", "%w", "%1."))
-- escaping magic characters
local function escape(s) return (s:gsub("[%^%$%(%)%%%.%[%]%*%+%-%?]", "%%%0")) end
print(escape("1+1=2? (50%)"), ("1+1=2? (50%)"):find(escape("(50%)")))
