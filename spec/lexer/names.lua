-- Identifiers: letters, digits, underscores; case sensitive.
local _ = 1
local __ = 2
local _x1 = 3
local x_ = 4
local Abc, abc, ABC = 5, 6, 7
local a1b2c3 = 8
local _ENVx = 9
local very_long_identifier_name_with_many_parts_0123456789 = 10
print(_, __, _x1, x_, Abc, abc, ABC, a1b2c3, _ENVx, very_long_identifier_name_with_many_parts_0123456789)
local t = { _ = "u", __index = "i", ["a b"] = "space" }
print(t._, t.__index, t["a b"])
_G.Global_Name = "g"
print(Global_Name, _G["Global_Name"])
print(load("local 1abc = 1"))
print(load("local a$ = 1"))
