-- A report generator: grouping, sorting, totals and aligned formatting with string.format.
local items = {
  { name = "widget", cat = "tools", qty = 12, price = 2.5 },
  { name = "gizmo", cat = "gadgets", qty = 3, price = 19.99 },
  { name = "doohickey", cat = "gadgets", qty = 7, price = 4.25 },
  { name = "hammer", cat = "tools", qty = 1, price = 15 },
  { name = "sprocket", cat = "parts", qty = 250, price = 0.1 },
  { name = "gear", cat = "parts", qty = 40, price = 1.75 },
}
local groups, cats = {}, {}
for _, it in ipairs(items) do
  if not groups[it.cat] then groups[it.cat] = {}; cats[#cats + 1] = it.cat end
  table.insert(groups[it.cat], it)
end
table.sort(cats)
local grand = 0
print(string.format("%-10s %-10s %5s %8s %9s", "category", "item", "qty", "price", "total"))
print(string.rep("-", 46))
for _, c in ipairs(cats) do
  local g = groups[c]
  table.sort(g, function(a, b) return a.qty * a.price > b.qty * b.price end)
  local sub = 0
  for i, it in ipairs(g) do
    local total = it.qty * it.price
    sub = sub + total
    print(string.format("%-10s %-10s %5d %8.2f %9.2f", i == 1 and c or "", it.name, it.qty, it.price, total))
  end
  print(string.format("%-10s %-10s %5s %8s %9.2f", "", "subtotal", "", "", sub))
  grand = grand + sub
end
print(string.rep("=", 46))
print(string.format("%-38s %7.2f", "grand total", grand))
print(string.format("%d items in %d categories, average price %.3f", #items, #cats,
  (function() local s = 0 for _, it in ipairs(items) do s = s + it.price end return s / #items end)()))
