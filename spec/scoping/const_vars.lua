-- <const> locals: readable like locals, assignments are compile errors.
local N <const> = 10
local S <const> = "text"
local T <const> = { 1, 2 }
print(N * 2, S .. "!", #T)
T[3] = 3
print(#T)
local function use() return N + 1 end
print(use())
local a <const>, b = 1, 2
b = 3
print(a, b)
print(load("local x <const> = 1; x = 2"))
print(load("local x <const> = 1; local function f() x = 2 end"))
print(load("local a, b <const> = 1, 2; b = 3"))
print(load("local x <const> = 1; for x = 1, 2 do x = 3 end") ~= nil)
print(load("local x <const> = 1; do local x = 2; x = 3 end") ~= nil)
local F <const> = 2^53
local I <const> = math.maxinteger
print(F, I, math.type(F))
local Z <const> = nil
print(Z, Z == nil)
