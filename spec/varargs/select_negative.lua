-- select(-n, ...) returns the last n arguments.
print(select(-1, "a", "b", "c"))
print(select(-2, "a", "b", "c"))
print(select(-3, "a", "b", "c"))
print(pcall(select, -4, "a", "b", "c"))
print(pcall(select, -1))
local function last(...) return (select(-1, ...)) end
print(last(1, 2, 3), last("only"), last(nil, nil))
print(select(-1, nil), select("#", select(-2, 1, nil)))
print(pcall(select, math.mininteger, 1))
