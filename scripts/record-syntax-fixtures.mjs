#!/usr/bin/env node
// Records the lexer/parser fixtures from the reference interpreter:
//
//   node scripts/record-syntax-fixtures.mjs [--seed N]
//
// Needs lua5.4 on PATH. Nothing expected is typed by hand: every "error" below is what
// lua5.4's `load(source, chunkname)` returned (null when the chunk compiled), and every
// number is what lua5.4's `tonumber` returned.
//
// Outputs:
//   test/lexer/lexer-errors.json   [{name, source, cLevel, error}]   lexical cases
//   test/parser/syntax-errors.json [{name, source, cLevel, error}]   grammar, nesting, fuzz
//   test/lexer/str2number.json     [[input, result]]  result: null | ["int", "<decimal>"]
//                                                   | ["flt", "<%.17g>"]
//   test/parser/precedence.json    [[expression, tree]]  tree as (op left right), (neg x), ...
// Sources and names are byte strings (char codes 0..255) stored as JSON strings, with every
// code >= 0x7f written as a \u escape so the files are pure ASCII.
//
// cLevel is the C-call depth the reference parser started at: 2 when `load` is called
// from the main chunk of a script (the recorder's "load" mode), 3 under pcall ("pcall"
// mode). The reference's "C stack overflow" message gets a traceback appended by lua.c's
// message handler when load runs outside pcall; that suffix is not part of the parser's
// message and is cut off here.
//
// Cases whose reference error is one the compiler owns (labels, goto, break, const
// assignment, upvalue and register limits) are dropped: the parser does not report them.
// So are sources starting with ESC, which load() takes for precompiled chunks.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

const seedArg = process.argv.indexOf('--seed');
let seed = seedArg > 0 ? Number(process.argv[seedArg + 1]) >>> 0 : 0x1e5e4;

// --- deterministic PRNG (mulberry32) ------------------------------------------------------
function rnd32() {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}
const rnd = (n) => rnd32() % n;
const pick = (a) => a[rnd(a.length)];

// --- lua5.4 driver ------------------------------------------------------------------------
// Input records: <mode>\n<len>\n<name bytes><len>\n<source bytes>; mode is load, pcall,
// num (tonumber) or tree (evaluate an expression whose operands record the operations).
const DRIVER = String.raw`
local f = assert(io.open(arg[1], "rb")); local data = f:read("a"); f:close()
local pos, out = 1, {}
-- operands whose metamethods build the expression tree the reference evaluated
local mt = {}
local function node(s) return setmetatable({ s = s }, mt) end
function treeText(x) return type(x) == "table" and x.s or tostring(x) end
for ev, op in pairs{ __add = "+", __sub = "-", __mul = "*", __div = "/", __mod = "%",
    __pow = "^", __idiv = "//", __band = "&", __bor = "|", __bxor = "~", __shl = "<<",
    __shr = ">>", __concat = ".." } do
  mt[ev] = function(x, y) return node("(" .. op .. " " .. treeText(x) .. " " .. treeText(y) .. ")") end
end
mt.__unm = function(x) return node("(neg " .. treeText(x) .. ")") end
mt.__bnot = function(x) return node("(bnot " .. treeText(x) .. ")") end
mt.__len = function(x) return node("(# " .. treeText(x) .. ")") end
treeEnv = { a = node("a"), b = node("b"), c = node("c"), d = node("d") }
local function field()
  local nl = data:find("\n", pos, true)
  local n = tonumber(data:sub(pos, nl - 1)); pos = nl + 1
  local s = data:sub(pos, pos + n - 1); pos = pos + n
  return s
end
while pos <= #data do
  local mode, name, src = field(), field(), field()
  local r
  if mode == "tree" then
    local fn = assert(load("return " .. src, "=tree", "t", treeEnv))
    r = treeText(fn())
  elseif mode == "num" then
    local v = tonumber(src)
    if v == nil then r = "nil"
    elseif math.type(v) == "integer" then r = "int " .. string.format("%d", v)
    else r = "flt " .. string.format("%.17g", v) end
  else
    local fn, err
    if mode == "load" then fn, err = load(src, name)
    else local ok; ok, fn, err = pcall(load, src, name) end
    r = fn and "OK" or ("ERR" .. err)
  end
  out[#out + 1] = #r .. "\n" .. r
end
io.write(table.concat(out))
`;

function runLua(records) {
  const dir = mkdtempSync(join(tmpdir(), 'moonbox-syntax-'));
  try {
    const driver = join(dir, 'driver.lua');
    const input = join(dir, 'input.bin');
    writeFileSync(driver, DRIVER);
    let buf = '';
    for (const [mode, name, src] of records) {
      buf += mode.length + '\n' + mode + name.length + '\n' + name + src.length + '\n' + src;
    }
    writeFileSync(input, Buffer.from(buf, 'latin1'));
    const out = execFileSync('lua5.4', [driver, input], { maxBuffer: 1 << 28 }).toString('latin1');
    const results = [];
    let p = 0;
    while (p < out.length) {
      const nl = out.indexOf('\n', p);
      const n = Number(out.slice(p, nl));
      results.push(out.slice(nl + 1, nl + 1 + n));
      p = nl + 1 + n;
    }
    if (results.length !== records.length) throw new Error('driver output out of step');
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// --- cases --------------------------------------------------------------------------------
const rep = (s, n) => s.repeat(n);
const lexerCases = [];
const parserCases = [];
const addL = (source, name = '=input', mode = 'load') => lexerCases.push({ source, name, mode });
const addP = (source, name = '=input', mode = 'load') => parserCases.push({ source, name, mode });

// strings and escapes
for (const s of [
  '"abc', '"abc\n"', "'abc", '"a\\qb"', '"\\x"', '"\\xg"', '"\\x4"', '"\\x4g"', '"\\300"',
  '"\\256x"', '"\\255"', '"\\u"', '"\\u{"', '"\\u{}"', '"\\u{110000}"', '"\\u{7FFFFFFF}"',
  '"\\u{80000000}"', '"\\u{12"', '"\\u{12x}"', '"\\u12"', '"a\\tb', '"\\z   \n  x',
  "x = '\\\n", "x = '\\\r\n' y", "x = '\\\n\r' y", 'x = "\\', 'x = "\\\0', 'x = "\0', 'x = "a\rb"',
  '"\\u{0000000000041}" y', '"\\u{00000000000000000000000000000000041}" x', '"\\xAZ"',
  '"\\1234"', '"\\12a" y', '"\\u{41" y', "'a\\'b' y", '"\\65\\066" y', '"\\u{41}" y',
  '"\\z  \n\n  x" y', '"\\z\r\n\r\n\tx" y', 'x = "\\u{7FFFFFFF}" y', 'x = "\\xff\\x00" y', '"a\\0b" y',
  '"a\0b" y', '"\\a\\b\\f\\n\\r\\t\\v\\\\\\"\\\'" y', '"\\x41\\x6a" y', '"\\u{7FF}\\u{800}\\u{FFFF}" y',
  '"\\u{10000}\\u{1FFFFF}\\u{200000}\\u{3FFFFFF}\\u{4000000}" y', '"\\9\\99\\999" y',
  '"\\u{FFFFFFFF}"', '"\\u{0}" y', '"\\x0"', '"\\xg0"', "'\\z", '"\\',
  '"\\\r"', '"\\\n" y', 'x = "tab\there" y', '"\\u{7FFFFFF}" y', '"\\u{8000000}" y',
  '"\\u{7ffffff0}" y', 'x = "abc\\', '"\\\\" y', '"\\p"', '"\\N"', '"\\ "', '"\\' + '\x80' + '"',
]) addL(s);
// long strings and comments
for (const s of [
  'x = [[abc', 'x = [==[abc]=]', '--[[abc', '--[==[ abc ]]', 'x = [=a', 'x = [=', 'x = [==',
  '[[a\r\nb]] y', '[==[\nab]==] y', '[==[\r\nab]==] y', '[[\n\nab]] y', '[[a]=]b]] y',
  '[==[a]=]]==] y', '[=[a]]]=] y', '[[a\n\rb\r\rc]] y', '--[[ x ]] y z', '--[==[\n\n]==] y z',
  '--[[ ]=] \n', '--[=[ ]] \n]=] y z', '-- [[\n y z', '--[=\n y z', '--[ \n y z',
  '--\r y z', '--x\n\ry z', 'x = [[]] y', 'x = [[\n]] y', 'x = [[\r]] y', '[==[]==]] y',
  'x = [[a\0b]] y', '--[[\n\n\n', '--[==[\n]=]\n', 'x = [ [', 'x = [=[ ]=] = 2', 'x = [===',
  '[[' + rep('a', 100) + ']] y',
]) addL(s);
// numerals
for (const s of [
  'x = 3x', 'x = 3ga', 'x = 3a', 'x = 0x', 'x = 0xg', 'x = 1e', 'x = 1e+', 'x = 1..2', 'x = 1.2.3',
  'x = 0x1p', 'x = 3.e', 'x = .5e', 'x = 1e5x', 'x = 08 y', 'x = 0x1e+5 y', 'x = 3_', 'x = 3e5_',
  'x = 0x1P4 y', 'x = 3.5e2 y', 'x = 9223372036854775807 y', 'x = 9223372036854775808 y',
  'x = 0xffffffffffffffff y', 'x = 0x10000000000000000 y', 'x = 1e400 y', 'x = .5 y',
  'x = 5. y', 'x = 0x.8 y', 'x = 0x.p1', 'x = 0x1.8p1 y', 'x = 1e-5 y', 'x = 1E+5 y',
  'x = 0X1F y', 'x = 1 .. 2 y', 'x = 1..2', 'x = 1...2', 'x = 0xep1 y', 'x = 0x.e+1',
  'x = 3\xc3', 'x = 3.14159265358979323846264338327950288 y', 'x = 0x' + rep('f', 40) + ' y',
  'x = 1' + rep('0', 30) + ' y', 'x = 0x1p-1074 y', 'x = 2e-324 y', 'x = 1.5p3', 'x = 0x1.5e3 y',
  'x = 1 + 2. y', 'x = 00x1', 'x = 0x0x1', 'x = 1ee1', 'x = 1e1e1', 'x = 1.e+-1', 'x = 3.5.',
]) addL(s);
// other bytes and symbols
for (const s of [
  'x = @', 'x = $', 'x = \x01', 'x = \x80', 'x = ~', 'x = !', 'x = `', 'x = \0', 'x = \x7f',
  'x = ?', 'x = \\', 'x = \xff', '\x1b', 'x = 1 ~= 2 ~ 3 y', 'a ... y', 'a.b:c y',
  'x = 4 // 2 >> 3 << 1 <= 2 >= 3 == 4 y', 'x = a..b y', '::a:: y', 'x = #a y', 'x = a&b|c y',
  'x\x0b=\x0c1 y', 'x = 1\r\ny = 2\n\rz = 3\r\rw = \n\ny y', 'x = 1\r\n\r\n\n\r\r\n y',
  '\n\n\n x = = 1', '\r\r\r x = = 1', '\n\r\n\r x = = 1', '\r\n\r\n x = = 1', '\n\n\r\r x = = 1',
]) addL(s);

// grammar
for (const s of [
  '(f())', '(a)', '(a) = 1', 'a, f() = 1', 'a.b', 'x', 'f() = 1', 'a:b', 'a:b()',
  'local x <foo>\n\n = 1', 'local x <close>, y <close> = 1', 'local x <const\n', 'local x <',
  'local function', 'local 1', 'for i = 1 do end', 'for i do', 'for 1', 'function a.b:c.d() end',
  'function a:b:c() end', 'return 1 2', 'do return 1 x = 2 end', 'x = function(a, 1) end',
  'x = function(a,) end', 'x = function(...,a) end', 'function f() return ... end', 'x = ...',
  'goto 1', '::a', ':: 1 ::', 'if x then', 'if x then\n else\n', 'while x do\n', 'repeat\n',
  'x = {1, 2', 'x = {\n1,\n2', 'x = {[1 = 2}', 'x = {a = }', 'if x y', 'while x y',
  'for i = 1, 2 y', 'for a, b y', 'for a, b in x y', 'x = 1 +', 'x = not', 'x = #', 'f(1,',
  'f(1', 'f(\n1', 'f\n(\n1', 'x = a.1', 'x = a[1', 'x = a:1', 'x = a:b.c', 'x = 1 ... 2',
  'x = (1', 'x = (\n1', 'x = end', 'end', 'until x', 'else', 'elseif', 'x = y = z',
  'local a, = 1', 'local a = 1,', 'return return', 'return;;', 'return 1;', 'return 1,',
  'x = function', 'x = function f() end', 'f{', "f'", 'a.b.c = 1 2', ';;;', 'x = {;}',
  'x = {,}', 'x = {1,,}', 'x = {1;;}', 'local t <close> = nil', 'function f(self) end',
  'x = 3 y = 4', 'a = 1 = 2', 'x, y', 'local function f() end end',
  'if x then elseif y then else end end', 'repeat local x until x 1', 'x = (...)',
  'function f(...) return function() return ... end end', 'x = -', 'x = a..', "x = 'a' .. ",
  't = {x = 1, y}', 't = {x y}', 't = {x = 1 y}', 't = {[x] y}', 'a.b.c', 'a[1]', '(a)()',
  "a.b:c'x'", "a 'x' 'y'", '::1::', 'goto', 'local x <const>, y <close>, z <close> = 1',
  'local x <close> <const>', 'local x <const> = 1 local y <close> = 2', 'local x <CONST> = 1',
  'local x <close>', 'local x <const>\n\n\n', 'local x <foo> = 1 +', 'local x <foo', 'local <const> x',
  'local x < const > = 1', 'local function f<const>() end', 'for i <const> = 1, 2 do end',
  'x = function\n\n(a\n', 'local function\nf\n(\n', 'function\nf\n(\n', 'function f(a,\n...)\nend\nx = =',
  'x = {\n[1]\n=\n2\n', 'x = a\n[\n1\n', 'x = a:\nb\n(\n', 'x = a:b{', 'x = a:b"',
  'do\n\nend end', 'if a then\nelseif b then\n\n', 'if a then\nelse\nelse', 'if a then elseif',
  'while true do end x', 'for i = 1, 2, 3, 4 do end', 'for a in b, c, d do end end',
  'for a, b, c, d in x do', 'for a = b in c do end', 'for a.b = 1, 2 do end', 'for a, 1 in x do end',
  'f(a)(b)(c) = 1', 'f(a)(b)(c).d = 1', 'a.b.c.d, e[f][g] = 1, 2', 'a, b.c, d[1] = ...',
  'function f() return end', 'function f() return; end', 'function f() return 1; 2 end',
  'return', 'return\n', 'return 1, 2, 3', 'x = {f()}', 'x = {...}', 'x = {[1]=2, a=3, 4; 5,}',
  'x = not not not a', 'x = - - - a', 'x = ~ ~ a', 'x = # # a', 'x = 2^-3^-4', 'x = -2^2',
  'x = a or b and c or d', 'x = a < b < c', 'x = a .. b .. c', 'x = 1 + + 2', 'x = 1 * / 2',
  'x = (1)(2)', 'x = "a":upper()', 'x = ("a"):upper()', 'x = {}.a', 'x = ({}).a', 'x = f{}.a',
  'x = f"a".b', 'x = f[[a]]:c()', 'x = nil.a', 'x = true()', 'x = 1()', 'x = ...()', 'x = (...)()',
  'f() g()', 'f()\n(g)()', 'local a = b\n(f)()', 'a = function() end()',
  'local function f() local function g() return ... end end', 'function f(...) local x = ... end',
  'x = function(...) return {...}, select("#", ...) end', 'x = function(a, b, ...) end',
  'x = function(..., ...) end', 'x = function(a b) end', 'x = function(a, b', 'x = function(a',
  'x = function() end end', 'break break', 'goto continue', 'if x then goto l end ::l::',
  'local a <const> = 1; a = 2', '::a:: ::a::', 'while x do break end', 'repeat break until x',
  'local x = 1 local y = x + 1 return y', 'return -- comment', 'return --[[ c ]] 1',
  'x = 1 -- c\ny = = 2', 'x = 1 --[[\n\n]] y = = 2', 'x = [[\n\n]] = 2', 'x = "\\\n\\\n" = 2',
  'x = "\\z\n\n\n  " = 2', 'x = 1 \n\n = 2',
  'local a <close> = 1, 2 local b <close> = 3', 'a:b():c():d() = 1', 'a.b:c()',
  'return a.b:c"x" {y} [[z]]', 'local function f(self, ...) return self, ... end',
  'x = {f = function() end, [g] = function(...) return ... end}',
  'x = {\n  a = 1,\n  b = 2\n', 'f(\n  a,\n  b\n', 'x = (\n  a +\n  b\n',
]) addP(s);
// chunk names (how the chunk id is shown)
for (const name of [
  '=abc', '@file.lua', '=' + rep('n', 70), '@' + rep('abcdefghij', 7), '@' + rep('f', 59),
  '@' + rep('f', 60), '=' + rep('g', 59), '=' + rep('g', 60), 'x=', 'x=\nfoo', rep('s', 44),
  rep('s', 45), rep('s', 46), rep('s', 100), 'ab\ncd', '\nabc', 'ab\rcd', '', '=', '@',
  rep('s', 44) + '\n', rep('s', 45) + '\n', rep('s', 46) + '\n', 'a\0b', '=a\0b', '@a\0b',
  '=stdin', '@' + rep('d/', 40) + 'x.lua', 'local x = 1\nreturn x', '  leading spaces',
]) {
  addP('x =', name);
  addP('x = "\\q"', name);
}

// nesting: around the thresholds of every construct the reference counts
const nestKinds = {
  paren: (n) => 'x = ' + rep('(', n) + '1' + rep(')', n),
  table: (n) => 'x = ' + rep('{', n) + rep('}', n),
  do: (n) => rep('do ', n) + rep('end ', n),
  func: (n) => 'x = ' + rep('function() return ', n) + '1' + rep(' end', n),
  funcstat: (n) => rep('function f() ', n) + rep('end ', n),
  not: (n) => 'x = ' + rep('not ', n) + 'x',
  neg: (n) => 'x = ' + rep('- ', n) + 'x',
  len: (n) => 'x = ' + rep('#', n) + 'x',
  bnot: (n) => 'x = ' + rep('~ ', n) + 'x',
  concat: (n) => 'x = ' + Array(n).fill('a').join(' .. '),
  pow: (n) => 'x = ' + Array(n).fill('a').join(' ^ '),
  call: (n) => 'x = ' + rep('f(', n) + rep(')', n),
  index: (n) => 'x = ' + rep('a[', n) + '1' + rep(']', n),
  while: (n) => rep('while x do ', n) + rep('end ', n),
  if: (n) => rep('if x then ', n) + rep('end ', n),
  else: (n) => rep('if x then else ', n) + rep('end ', n),
  repeat: (n) => rep('repeat ', n) + rep('until x ', n),
  fornum: (n) => rep('for i = 1, 2 do ', n) + rep('end ', n),
  tablefield: (n) => 'x = ' + rep('{a=', n) + '1' + rep('}', n),
  tablekey: (n) => 'x = ' + rep('{[', n) + '1' + rep(']=1}', n),
  localfunc: (n) => rep('local function f() ', n) + rep('end ', n),
  parenstat: (n) => rep('(', n) + 'f' + rep(')', n) + '()',
  assignidx: (n) => 'a' + rep('[a', n) + rep(']', n) + ' = 1',
  multiassign: (n) => Array(n).fill('a').join(', ') + ' = 1',
  labels: (n) => Array.from({ length: n }, (_, i) => '::l' + i + '::').join(' '),
  ifbreak: (n) => 'while x do ' + rep('if x then ', n) + 'break ' + rep('end ', n) + 'end',
  unpow: (n) => 'x = ' + rep('-a ^ ', n) + 'a',
  localinit: (n) => rep('local x = function() ', n) + rep('end ', n),
  methcall: (n) => 'x = ' + rep('o:m(', Math.min(n, 120)) + rep(')', Math.min(n, 120)),
  strcallchain: (n) => 'x = f' + rep(' "a"', n * 10),
  addchain: (n) => 'x = ' + Array(n * 10).fill('a').join(' + '),
  orchain: (n) => 'x = ' + Array(n * 10).fill('a').join(' or '),
  dotchain: (n) => 'x = a' + rep('.b', n * 10),
  stair: (n) => 'x = a' + Array.from({ length: n }, (_, i) => ' ' + ['or', 'and', '<', '|', '~', '&', '<<', '..', '+', '*', '^'][i % 11] + ' a').join(''),
};
for (const [kind, gen] of Object.entries(nestKinds)) {
  // chains that loop in the reference (never nest): one long case is enough
  const around = /chain$/.test(kind) ? [199]
    : kind === 'func' || kind === 'unpow' || kind === 'localinit' ? [95, 96, 97, 98, 99]
      : [194, 195, 196, 197, 198];
  for (const n of around) addP(gen(n), '=' + kind + n);
  if (around.length > 1) {
    addP(gen(around[1]), '=' + kind + 'p', 'pcall');
    addP(gen(around[2]), '=' + kind + 'p', 'pcall');
  }
}
addP('x = ' + rep('(', 300) + '1' + rep(')', 300), '=deep');
// (the test checks 100000 levels too; the message cannot depend on how far past 200 it is)
addP('x = ' + rep('(', 3000) + '1' + rep(')', 3000), '=deeper');
addP('x = ' + rep('{', 3000), '=deeptable');
addP(rep('do ', 3000), '=deepdo');
addP('x = ' + rep('- ', 3000) + '1', '=deepneg');
addP('x = ' + Array(3000).fill('a').join('..'), '=deepconcat');

// local variable limits (counted per function, for-loop control variables included)
const names = (n, p = 'a') => Array.from({ length: n }, (_, i) => p + i);
for (const n of [199, 200, 201]) {
  addP('local ' + names(n).join(', '), '=locals' + n);
  addP('local ' + names(n).join(', ') + ' = 1', '=localsinit' + n);
  addP(names(n).map((v) => 'local ' + v).join('\n'), '=localstats' + n);
  addP('function f(' + names(n).join(', ') + ') end', '=params' + n);
  addP('x = function(' + names(n).join(', ') + ', ...) end', '=paramsv' + n);
  addP('function t:m(' + names(n).join(', ') + ') end', '=method' + n);
  addP('for ' + names(n - 4).join(', ') + ' in x do end', '=forin' + n);
  addP('local ' + names(n - 4).join(', ') + '\nfor i = 1, 2 do end', '=fornum' + n);
  addP('local ' + names(n - 1).join(', ') + '\nlocal function f() end', '=localfunc' + n);
  addP('local ' + names(n - 1).join(', ') + '\nlocal x <const> = 1', '=localconst' + n);
  addP('do local ' + names(150).join(', ') + ' end local ' + names(n).join(', '), '=scoped' + n);
  addP('local ' + names(150).join(', ') + '\nx = function()\nlocal ' + names(n).join(', ') + ' end', '=inner' + n);
  addP('repeat local ' + names(n).join(', ') + ' until a0', '=repeat' + n);
}
addP(rep('for i = 1, 2 do ', 51) + rep('end ', 51), '=fornest');
addP(rep('for k, v in x do ', 41) + rep('end ', 41), '=forinnest');

// random token sequences
const vocab = [
  'and', 'break', 'do', 'else', 'elseif', 'end', 'false', 'for', 'function', 'if', 'in', 'local',
  'nil', 'not', 'or', 'repeat', 'return', 'then', 'true', 'until', 'while', 'a', 'b', 'x', 'f',
  '1', '2.5', '0x10', '1e3', '"s"', "'q'", '[[l]]', '+', '-', '*', '/', '//', '%', '^', '#', '&',
  '~', '|', '<<', '>>', '==', '~=', '<=', '>=', '<', '>', '=', '(', ')', '{', '}', '[', ']', ';',
  ':', ',', '.', '..', '...', '<const>', '<close>', '\n',
];
const common = ['a', 'b', 'x', '=', '(', ')', ',', '.', 'end', 'function', 'local', '1', 'f', '\n'];
for (let i = 0; i < 900; i++) {
  const len = 1 + rnd(i < 600 ? 12 : 30);
  const toks = [];
  for (let k = 0; k < len; k++) toks.push(rnd(3) === 0 ? pick(common) : pick(vocab));
  addP(toks.join(pick([' ', ' ', '\n', '  '])), '=soup');
}
// statement-shaped soup: more likely to get deep into the grammar before failing
const stmts = ['local a = 1', 'a = b', 'f(x)', 'do', 'end', 'if a then', 'else', 'elseif b then',
  'while a do', 'for i = 1, 2 do', 'for k, v in x do', 'repeat', 'until a', 'return',
  'return a', 'function f()', 'local function g(a, ...)', 'x = function()', 'x = {', '}',
  'a.b = {c = 1, [2] = 3}', 'a:m()', 't[1], t[2] = 1', '(', ')', ';', 'x = ...', 'local t <close> = x'];
for (let i = 0; i < 500; i++) {
  const len = 1 + rnd(10);
  const parts = [];
  for (let k = 0; k < len; k++) parts.push(pick(stmts));
  addP(parts.join(pick([' ', '\n'])), '=stmts');
}

// random bytes (lexer)
const byteAlphabet = ['"', "'", '\\', '[', ']', '=', '-', '-', '\n', '\r', ' ', 'a', 'x', 'z', 'u', '{',
  '}', '0', '1', '9', '.', 'e', 'p', '+', '\0', '\x80', '\xff', '\t', 'f', 'F', 'g', '_'];
for (let i = 0; i < 800; i++) {
  const len = 1 + rnd(16);
  let s = '';
  for (let k = 0; k < len; k++) s += rnd(6) === 0 ? String.fromCharCode(rnd(256)) : pick(byteAlphabet);
  addL(rnd(2) === 0 ? 'x = ' + s : s, '=bytes');
}

// random nested expressions and statements, sized to end up near the nesting limit
function genExpr(d) {
  if (d <= 0) return pick(['a', '1', '"s"', 'nil', '...', 'f()', 't.x']);
  const e = () => genExpr(d - 1);
  switch (rnd(16)) {
    case 0: return '(' + e() + ')';
    case 1: return '{' + e() + '}';
    case 2: return '{a = ' + e() + '}';
    case 3: return '{[' + e() + '] = 1}';
    case 4: return '- ' + e();
    case 5: return 'not ' + e();
    case 6: return 'f(' + e() + ')';
    case 7: return 'a[' + e() + ']';
    case 8: return 'a .. ' + e();
    case 9: return 'a ^ ' + e();
    case 10: return 'function(...) return ' + e() + ' end';
    case 11: return '#' + e();
    case 12: return 'a + ' + e();
    case 13: return 'a * ' + e() + ' + b';
    case 14: return e() + ' or b';
    default: return 'o:m(' + e() + ')';
  }
}
function genStat(d) {
  if (d <= 0) return pick(['x = ' + genExpr(rnd(3)), 'f()', 'local y = 1', ';']);
  const s = () => genStat(d - 1);
  switch (rnd(12)) {
    case 0: return 'do ' + s() + ' end';
    case 1: return 'while a do ' + s() + ' end';
    case 2: return 'if a then ' + s() + ' end';
    case 3: return 'if a then else ' + s() + ' end';
    case 4: return 'for i = 1, 2 do ' + s() + ' end';
    case 5: return 'for k in a do ' + s() + ' end';
    case 6: return 'repeat ' + s() + ' until a';
    case 7: return 'local function f() ' + s() + ' end';
    case 8: return 'x = function(...) ' + s() + ' end';
    case 9: return 'x = ' + genExpr(Math.min(d, 5 + rnd(20)));
    case 10: return 'f(function() ' + s() + ' end)';
    default: return 'a, b = ' + genExpr(d - 1) + ', 1';
  }
}
for (let i = 0; i < 60; i++) addP('x = ' + genExpr(150 + rnd(120)), '=rexpr', rnd(4) === 0 ? 'pcall' : 'load');
for (let i = 0; i < 50; i++) addP(genStat(140 + rnd(150)), '=rstat', rnd(4) === 0 ? 'pcall' : 'load');

// --- tonumber cases -----------------------------------------------------------------------
const numCases = [
  ' -0x10 ', '1e', '0x', 'inf', 'nan', '1 2', '  12  ', '+5', '- 5', '-5', '0x1p4', '0x1P-1', '0x.8',
  '0x.', '0x1p', '.5', '5.', '.', '1e+', '1e+5', '0xffffffffffffffff', '0x10000000000000000',
  '9223372036854775807', '9223372036854775808', '-9223372036854775808', '-9223372036854775809',
  '1E2', '0X1F', '1.5e-3', '\t\n\v\f\r 7 \t\n\v\f\r', '7\0', '0x1.8p1', '00012', '1e400', '0x1e',
  '0xA.8p0', '', ' ', '--1', '+-1', '-+1', '+0x10', '1.e5', '1.5.5', '0x1p+4', '0x1p-4',
  'infinity', '0b101', '1_0', '-0', '-0.0', '0x-1', '-0x0', '1e-400', '-1e400', '0x1p-1074',
  '0x1p-1075', '0x1.8p-1074', '0x1p-1076', '0x3p-1076', '0x1p1023', '0x1p1024', '0x1.fffffffffffffp1023',
  '0x1.fffffffffffff8p1023', '0x.0000000000001p-1022', '4.9406564584124654e-324', '2.4703282292062327e-324',
  '2.4703282292062328e-324', '1.7976931348623157e308', '1.7976931348623158e308', '1.7976931348623159e308',
  '9007199254740991', '9007199254740992', '9007199254740993', '-9007199254740991', '-9007199254740992',
  '0x1fffffffffffff', '0x20000000000000', '0x7fffffffffffffff', '0x8000000000000000', '-0x8000000000000000',
  '-0xffffffffffffffff', '0x' + '1'.repeat(100), '1' + '0'.repeat(400), '0.' + '0'.repeat(400) + '1',
  '9007199254740993.0', '9007199254740993e0', '0x20000000000001p0', '0x20000000000003p0',
  '0x1.00000000000008p0', '0x1.00000000000008000000001p0', '0x1.00000000000018p0', '1e22', '1e23',
  '123456789012345678901234567890', '0.1', '0.30000000000000004', '1e-7', '123.456e-7', '\x0b5', '5\x0b',
  '0x1P', '0x1p-', '0x1p+', '0xp1', '1p1', '0x1e1', '0x1E+1', '1e1.5', 'e1', '.e1', '0x.1', '0X.Fp4',
  '1 ', ' 1', '\n1\n', '1\n\n\n', ' - 1', '0x 1', '0 x1', '1e 1', '1 e1', '12345678901234567890e-10',
];
for (let i = 0; i < 1500; i++) {
  // random numeral-ish text
  const alpha = '0123456789.eExXpP+- abcdefABCDEFn\t';
  const len = 1 + rnd(12);
  let s = '';
  for (let k = 0; k < len; k++) s += alpha[rnd(alpha.length)];
  numCases.push(s);
}
const digits = (n, set = '0123456789') => Array.from({ length: n }, () => set[rnd(set.length)]).join('');
for (let i = 0; i < 1500; i++) {
  switch (rnd(6)) {
    case 0: numCases.push(digits(1 + rnd(25))); break;
    case 1: numCases.push(digits(1 + rnd(20)) + '.' + digits(rnd(25)) + (rnd(2) ? 'e' + (rnd(2) ? '-' : '') + digits(1 + rnd(3)) : '')); break;
    case 2: numCases.push('0x' + digits(1 + rnd(20), '0123456789abcdefABCDEF')); break;
    case 3: numCases.push('0x' + digits(1 + rnd(20), '0123456789abcdef') + '.' + digits(rnd(20), '0123456789abcdef') + 'p' + (rnd(2) ? '-' : '') + digits(1 + rnd(4))); break;
    case 4: numCases.push((rnd(2) ? '-' : '') + digits(15 + rnd(10))); break;
    default: numCases.push('0x1.' + digits(13 + rnd(10), '0123456789abcdef') + 'p-' + (1000 + rnd(80))); break;
  }
}

// --- record -------------------------------------------------------------------------------
// JSON with every byte >= 0x7f escaped, so the file is plain ASCII whatever reads it
const asciiJson = (v) => JSON.stringify(v).replace(/[\u007f-\uffff]/g,
  (ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'));
const DROP = /label '|<goto |break outside loop|attempt to assign to const|too many upvalues|needs too many registers/;
function record(cases, file) {
  const results = runLua(cases.map((c) => [c.mode, c.name, c.source]));
  const out = [];
  let dropped = 0;
  cases.forEach((c, i) => {
    const r = results[i];
    // a chunk starting with ESC is a precompiled chunk to load(): not the parser's input
    if (c.source.charCodeAt(0) === 0x1b) {
      dropped++;
      return;
    }
    let error = null;
    if (r !== 'OK') {
      error = r.slice(3);
      const tb = error.indexOf('\nstack traceback:');
      if (tb >= 0) error = error.slice(0, tb);
      if (DROP.test(error)) {
        dropped++;
        return;
      }
    }
    out.push({ name: c.name, source: c.source, cLevel: c.mode === 'pcall' ? 3 : 2, error });
  });
  writeFileSync(join(root, file), asciiJson(out).replace(/\},\{/g, '},\n{') + '\n');
  console.log(`${file}: ${out.length} cases (${dropped} dropped: compiler-owned errors, binary chunks)`);
}
record(lexerCases, 'test/lexer/lexer-errors.json');
record(parserCases, 'test/parser/syntax-errors.json');

// --- operator precedence: the trees lua5.4 builds -----------------------------------------
// Expressions over a, b, c, d whose metamethods record each operation, so the recorded text
// is the tree the reference parsed (and/or/not/comparisons cannot be observed this way).
const treeBinops = ['+', '-', '*', '/', '%', '^', '//', '&', '|', '~', '<<', '>>', '..'];
const treeUnops = ['-', '~', '#'];
function genTree(d) {
  let s = '';
  const n = 1 + rnd(d > 0 ? 5 : 1);
  for (let i = 0; i < n; i++) {
    if (i > 0) s += ' ' + pick(treeBinops) + ' ';
    while (rnd(4) === 0) s += pick(treeUnops) + ' ';
    s += d > 0 && rnd(5) === 0 ? '(' + genTree(d - 1) + ')' : pick(['a', 'b', 'c', 'd']);
  }
  return s;
}
const treeCases = [];
for (let i = 0; i < 1500; i++) treeCases.push(genTree(2));
const treeResults = runLua(treeCases.map((s) => ['tree', '', s]));
writeFileSync(join(root, 'test/parser/precedence.json'),
  asciiJson(treeCases.map((s, i) => [s, treeResults[i]])).replace(/\],\[/g, '],\n[') + '\n');
console.log(`test/parser/precedence.json: ${treeCases.length} cases`);

const numResults = runLua(numCases.map((s) => ['num', '', s]));
const numOut = numCases.map((s, i) => {
  const r = numResults[i];
  if (r === 'nil') return [s, null];
  return [s, [r.slice(0, 3), r.slice(4)]];
});
writeFileSync(join(root, 'test/lexer/str2number.json'), asciiJson(numOut).replace(/\],\[/g, '],\n[') + '\n');
console.log(`test/lexer/str2number.json: ${numOut.length} cases`);
