// Issue 3: no library function lets a JS exception escape, whatever its arguments.
//
// 1. A property test calls every function of every library (and the string and file
//    methods), from Lua, under pcall, with random argument lists drawn from values chosen to
//    hit edge cases (wrong types, missing values, huge and negative counts, NaN, malformed
//    formats and patterns, metamethods that error or return odd types, functions that error,
//    yield or loop, coroutines, files). Every call must return or raise a Lua error: no
//    "internal error" (a JS exception turned into a message), no JS error text in the
//    message, nothing thrown to the host but a LuaError, and it must end: Lua code is cut
//    off by the instruction hook, library loops are bounded by the argument checks.
//    The io and os libraries run on a MemFs (nothing touches the real file system; os.exit,
//    os.execute and io.popen have no host support and fail as Lua errors).
// 2. The combinations that once failed, as cases recorded from lua5.4
//    (robustness-cases.lua -> robustness-cases.json by record-robustness-cases.mjs).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createState, protectedCall, runText } from '../../src/engine/runtime.js';
import { LuaError, LuaThrow } from '../../src/vm/errors.js';
import type { LuaValue } from '../../src/vm/value.js';
import type { LuaVM } from '../../src/vm/state.js';
import { MemFs } from '../../src/stdlib/io-memfs.js';
import { loadCases, runCase } from './table-harness.js';

// ---------------------------------------------------------------------------------------
// the values: Lua expressions, each evaluated afresh for every call

/** Values that make work grow: a failure mentioning memory or stack is expected with them. */
const BIG = new Set(['LONG', 'math.maxinteger', 'math.mininteger', '1000000000', '-1000000000', '(1<<53)+1', '2^53', '2^63',
  '0x7fffffff', '(1<<31)', '(1<<62)', '1e308', '1e100', 'LOOPF', 'RECF', 'LOOPIDX', '"c1000000000000"', '"%99d"', '2^31',
  // "c999999999" pads past the host's longest string
  '"c999999999"', '"c99999999999999999999"', '"c4294967296"', '"c2147483647c2147483647"']);

const VALUES = [
  'nil', 'true', 'false',
  '0', '1', '-1', '2', '3', '10', '255', '256', '1000000000', '-1000000000', 'math.maxinteger', 'math.mininteger',
  '(1<<53)+1', '2^53', '2^63', '0x7fffffff', '(1<<31)', '(1<<62)', '2^31',
  '0/0', '1/0', '-1/0', '-0.0', '0.5', '1e308', '1e100', '1.0', '-2.5', 'math.pi',
  '""', 'LONG', '"%"', '"["', '"("', '"%b"', '"%f"', '"%10.3q"', '"%99d"', '"%*"', '"\\0"', '"a\\0b"', '"\\255\\254\\1\\128"',
  '"a"', '"abc"', '"x"', '"10"', '"0x10"', '" 3 "', '"1e2"', '"inf"', '"9223372036854775808"',
  '"%d"', '"%s"', '"%q"', '"%a"', '"%c"', '"%5.2s"', '"%.99f"', '"%100d"', '"%.3"', '"%g%g"', '"%p"',
  '"(()"', '"%bxy"', '"%f[%w]"', '"[^%a-z]"', '"[a-"', '"[%"', '"()"', '"(.)"', '"%1"', '"^(.-)$"', '"%d+"', '"x+"',
  '"(((((((((((((((((((((((((((((((((a)))))))))))))))))))))))))))))))))"', '"%0"', '"[]"',
  '"n"', '"l"', '"L"', '"*a"', '"r"', '"w"', '"r+"', '"a+"', '"set"', '"cur"', '"end"', '"full"', '"no"', '"line"',
  '"collect"', '"count"', '"step"', '"incremental"', '"generational"', '"stop"', '"setpause"',
  '"i4"', '"<i8"', '">s"', '"z"', '"!17"', '"Xi16"', '"j"', '"c0"', '"i17"', '"c-1"', '"s1"', '"!"', '"c1000000000000"', '"i0"',
  '"b"', '"t"', '"bt"', '"return 1"', '"\\27Lua"', '"S"', '"nSltufrL"', '">"', '"crl"', '"@x"', '"=y"', '"!*t"', '"%Y-%m-%d"',
  '"%Ez"', '"f1"', '"nosuch"',
  '{}', '{1, 2, 3}', '{"a", "b", "c"}', '{3, 1, 2}', '{1, nil, 3}', '{1, 2, "a", x = 1, [3.5] = true}', '{{}, {}}', 'BIGT()',
  '{year = 2000, month = 1, day = 1}', '{year = "x"}', '{year = 2000, month = 1, day = 1, hour = math.maxinteger}', '{n = -1}',
  'MT{__index = function() error("idx!") end}', 'MT{__newindex = function() error("ni!") end}',
  'MT{__len = function() return "x" end}', 'MT{__len = function() return 2.5 end}', 'MT{__len = function() error("len!") end}',
  'MT{__tostring = function() return 42 end}', 'MT{__tostring = function() error("ts!") end}', 'MT{__tostring = function() return "TS" end}',
  'MT{__name = "MyType"}', 'MT{__name = 123}', 'MT{__metatable = "locked"}',
  'MT{__call = function(...) return ... end}', 'MT{__call = function() error("call!") end}',
  'MT{__lt = function() error("lt!") end, __le = function() error("le!") end}', 'MT{__lt = function() return {} end}',
  'MT{__pairs = function() return 1, 2, 3 end}', 'MT{__pairs = function() error("pairs!") end}', 'MT{__close = function() error("close!") end}',
  'MT{__index = function() return coroutine.yield() end}', 'MT{__gc = function() error("gc!") end}', 'MT{__gc = true}', 'MT{__mode = "k"}',
  'MT{__concat = function() return {} end, __eq = function() return true end}', 'MT{__index = function(t, k) return k end}',
  'MT({__index = string})', 'MT{__unm = function() error("unm") end, __add = function() return nil end}', 'LOOPIDX',
  'function() end', 'function() error("ferr") end', 'function() error({}) end', 'function() error() end',
  'function(...) return coroutine.yield(...) end', 'function(...) return ... end', 'function() return 1 end', 'function() return "x" end',
  'function(a, b) return a < b end', 'function() return true end', 'function() return {} end', 'function() return nil, "e" end',
  'LOOPF', 'RECF', 'UPF()', 'F_READER()',
  'print', 'error', 'tostring', 'string.rep', 'coroutine.yield', 'select', 'pcall', 'next',
  'coroutine.create(function() end)', 'DEADCO()', 'SUSPCO()', 'ERRCO()', 'CLOSECO()', 'coroutine.running()',
  'coroutine.wrap(function(...) return coroutine.yield(...) end)', 'coroutine.create(function(...) return coroutine.yield(...) end)',
  'io.stdout', 'io.stdin', 'io.stderr', 'CLOSEDF()', 'OPENF()',
];

/** Argument pools for functions whose interesting inputs are unlikely at random. */
const FMT = ['"%5.2f"', '"%-10s"', '"%q"', '"%a"', '"%.0a"', '"%#o"', '"%+d"', '"% d"', '"%05.1s"', '"%c"', '"%i"', '"%u"', '"%e"',
  '"%.14g"', '"%10.3q"', '"%99d"', '"%100d"', '"%.100f"', '"%*d"', '"%"', '"%%"', '"%s %s"', '"%2$d"', '"%ld"', '"%-#10.5x"',
  '"%0-5d"', '"%99.99f"', '"%5c"', '"%#a"', '"%x"', '"%.3s"', '"%-99s"', '"%q%q"', '"%10q"', '"%p"', '"%10p"', '"%#g"', '"abc%"',
  '"%d%d%d%d"', '"%i%s%q%c%x%a"', '"%099d"', '"%#99.99x"'];
const ANY = ['1', '-1', '3.7', '0/0', '1/0', '-0.0', '1e308', 'math.maxinteger', 'math.mininteger', '2^63', '"10"', '"abc"', '"a\\0b"',
  'LONG', 'nil', 'true', '{}', 'MT{__tostring = function() return "TS" end}', 'MT{__tostring = function() return 42 end}',
  'MT{__tostring = function() error("ts!") end}', 'MT{__name = "MyType"}', 'print', 'io.stdout', '255', '"%"', '1e-310', '2^31'];
const PACKF = ['"i"', '"i16"', '"i17"', '"I3"', '"j"', '"T"', '"f"', '"d"', '"n"', '"s"', '"s1"', '"z"', '"x"', '"Xi4"', '"X"', '"!3"',
  '"!16"', '"!17"', '"<"', '">"', '"c"', '"c3"', '"c0"', '"i4i8"', '"!8xXd"', '"s0"', '"i0"', '"c99999999999999999999"',
  '"c4294967296"', '"Xc"', '"X!"', '"iX"', '"s17"', '"c2147483647c2147483647"', '"!4 i3 x X i8"', '"%"', '"c999999999"'];
const PACKD = ['""', '"\\0\\0\\0\\0"', '("\\255"):rep(16)', 'LONG', '"abc\\0def"', '"\\255\\255\\255\\255\\255\\255\\255\\127"',
  '"\\4\\0\\0\\0abcd"'];
const POS = ['0', '1', '-1', '2', '3', '-3', '5', '100', 'math.maxinteger', 'math.mininteger', '1000000000', '-1000000000', '2^53',
  '0.5', '"2"', 'nil', '0/0', '(1<<31)', '100001', '-100001', '99999'];
const SUBJ = ['""', '"abc"', '"hello world"', 'LONG', '"a\\0b"', '"(foo)(bar)"', '"  x = 1  "', '"THE (quick) fox"',
  '"\\255\\128\\0"', '"key=val, k2=v2"', '("x"):rep(40)'];
const PAT = ['"%a+"', '"%b()"', '"%f[%a]"', '"[%a-]"', '"[]]"', '"[^]]"', '"%"', '"[a"', '"("', '")"', '"%1"', '"(()"', '".-"', '"^$"',
  '"(a*(.)%w(%s*))"', '"((((((((((((((((((((((((((((((((((a))))))))))))))))))))))))))))))))))"', '"%b"', '"%bx"', '"%f"',
  '"%fa"', '"[%"', '"[a-%]"', '"%z"', '"()"', '"(.)%1"', '"(a)%2"', '"%0"', '"(.-)%1"', '"x*"', '"x-"', '".+"', '"%s*$"',
  '"[\\255-\\0]"', '"%w%"', '""', '"(%()"', '"[^]"', '"%g+"'];
const REPL = ['"%1"', '"%0"', '"%2"', '"%"', '"%%"', '"%a"', '""', '{}', '{a = 1, abc = {}, hello = "H"}', 'function(...) return ... end',
  'function() return {} end', 'function() return false end', 'function() error("r!") end', 'function(...) return coroutine.yield(...) end',
  'MT{__index = function() error("ri!") end}', '1', 'true', '"%9"', 'LONG', 'LOOPF'];
const DATEF = ['"%c"', '"*t"', '"!*t"', '"%Ez"', '"%"', '"%Q"', '"%Y-%m-%d %H:%M:%S"', '"!%c"', '"%E"', '"%O"', '"%5"', '""', '"x\\0y"',
  '"%\\0"', '"!"'];
const TIMES = ['0', '-1', '86400', 'math.maxinteger', 'math.mininteger', '2^53', '1e100', '0/0', '1/0', '1.5', '"0"', '"x"', '2^31',
  '67767976233316800', '-67768040609740800', '253402300800'];
const DATET = ['{year = 2000, month = 1, day = 1}', '{year = 2000, month = 13, day = 32, hour = 25, min = 61, sec = 61}',
  '{year = "2000", month = "1", day = "1"}', '{year = 2000.5, month = 1, day = 1}', '{month = 1, day = 1}',
  '{year = math.maxinteger, month = 1, day = 1}', '{year = 2^31, month = 1, day = 1}', '{year = 2000, month = 2^31, day = 1}',
  '{year = 2000, month = 1, day = 1, sec = 2^63}', '{year = {}, month = 1, day = 1}', '{year = 0/0, month = 1, day = 1}',
  'MT{__index = function(t, k) return 1 end}', 'MT{__index = function() error("ti!") end}'];
const UTFS = ['"h\\195\\169llo"', '"\\255"', '"\\244\\144\\128\\128"', '"\\192\\128"', '"\\237\\160\\128"', '"\\247\\191\\191\\191"',
  '"\\253\\191\\191\\191\\191\\191"', '""', '"\\240\\159\\152\\128"', 'LONG', '"\\226\\130"'];
const UTFC = ['0', '65', '0x7FF', '0xD800', '0x10FFFF', '0x110000', '0x7FFFFFFF', '0x80000000', '-1', 'math.maxinteger', '1.5'];
const READF = ['"n"', '"l"', '"L"', '"a"', '"*n"', '0', '1', '5', '1000000000', '-1', '"x"', 'math.maxinteger', '2^53', '0.5', '{}'];
const CHUNKS = ['"return 1"', '"x ="', '"\\27Lua"', 'string.dump(function() return 1 end)', '(string.dump(function() return 1 end)):sub(1, 20)',
  'F_READER()', 'function() return {} end', 'function() error("rd!") end', 'function() return coroutine.yield() end',
  'function() return 1 end', 'LOOPF', '"return " .. ("("):rep(300) .. "1" .. (")"):rep(300)'];
const FN = ['print', 'function() end', 'UPF()', 'string.gmatch("a", "a")', 'coroutine.wrap(print)', 'LOOPF'];
const COS = ['coroutine.create(function() end)', 'DEADCO()', 'SUSPCO()', 'ERRCO()', 'CLOSECO()', 'coroutine.running()',
  'coroutine.create(function(...) return coroutine.yield(...) end)', 'coroutine.create(print)', 'coroutine.create(LOOPF)'];
const HINTS: Record<string, (string[] | null)[]> = {
  'string.format': [FMT, ANY, ANY, ANY],
  'string.pack': [PACKF, ANY, ANY],
  'string.packsize': [PACKF],
  'string.unpack': [PACKF, PACKD, POS],
  'string.find': [SUBJ, PAT, POS, ['true', 'nil']],
  'string.match': [SUBJ, PAT, POS],
  'string.gmatch': [SUBJ, PAT, POS],
  'string.gsub': [SUBJ, PAT, REPL, POS],
  'string.byte': [SUBJ, POS, POS],
  'string.sub': [SUBJ, POS, POS],
  'string.rep': [SUBJ, POS, SUBJ],
  'string.char': [UTFC, UTFC, POS],
  'os.date': [DATEF, TIMES],
  'os.time': [DATET],
  'os.difftime': [TIMES, TIMES],
  'utf8.char': [UTFC, UTFC],
  'utf8.codepoint': [UTFS, POS, POS, ['true', 'nil']],
  'utf8.len': [UTFS, POS, POS, ['true', 'nil']],
  'utf8.offset': [UTFS, POS, POS],
  'utf8.codes': [UTFS, ['true', 'nil']],
  'select': [['"#"', '"#x"', '1', '-1', '0', '-3', '100', 'math.maxinteger', 'math.mininteger', '"2"', '1.5']],
  'load': [CHUNKS, ['"=x"', 'nil', '{}'], ['"b"', '"t"', '"bt"', '"x"', 'nil'], ['{}', 'nil', '1']],
  'table.concat': [null, ['""', '","', 'nil', '{}'], POS, POS],
  'table.unpack': [null, POS, POS],
  'table.insert': [null, POS, null],
  'table.remove': [null, POS],
  'table.move': [null, POS, POS, POS, null],
  'io.read': [READF, READF],
  'io.lines': [['nil', '"nosuch"', '"f1"'], READF, READF],
  'io.open': [['"f1"', '"f2"', '""', '"nosuch"'], ['"r"', '"w"', '"a"', '"r+"', '"w+"', '"rb"', '"x"', '"rw"', '"r+bx"', '""']],
  'tonumber': [['"10"', '"0x10"', '"z"', '"  11  "', '"7fffffffffffffff"', '"ffffffffffffffffff"', '"-ff"', '"10\\0"', '""', '10', '1.5'],
    ['2', '10', '16', '36', '37', '1', '0', '-1', '"16"', '16.5', 'math.maxinteger']],
  'coroutine.resume': [COS, ANY],
  'coroutine.close': [COS],
  'coroutine.wrap': [['function() end', 'function() error("w!") end', 'function(...) return coroutine.yield(...) end', 'print', 'LOOPF']],
  // (not debug.traceback itself: as a load reader it returns text forever without running Lua code,
  // which only memory ends, in lua5.4 too)
  'xpcall': [null, ['function(m) return m end', 'function() error("h!") end', 'print', 'nil', 'function(m) return debug.traceback(m) end', 'error', 'RECF']],
  'error': [null, ['0', '1', '2', '3', '100', '-1', 'math.maxinteger', '"2"']],
  'setmetatable': [null, ['{}', 'nil', '{__metatable = 1}', '{__gc = true}', '{__gc = function() error("g") end}', '{__mode = "kv"}']],
  'next': [null, ['nil', '1', '"x"', '{}', '0/0', '4']],
  'debug.getinfo': [['0', '1', '2', '100', '-1', 'print', 'SUSPCO()', 'math.maxinteger'], ['"flnSrtu"', '">"', '">S"', '"L"', '"x"', '"lS>"']],
  'debug.getlocal': [['0', '1', '2', '100', '-1', 'print', 'function(a, b) end', 'SUSPCO()'], ['0', '1', '2', '-1', '100']],
  'debug.setlocal': [['0', '1', '100', '-1', 'SUSPCO()'], ['0', '1', '-1', '100'], ['1', 'nil']],
  'debug.traceback': [['"msg"', 'nil', '1', '2.5', '{}', 'SUSPCO()', 'DEADCO()'], ['"msg"', 'nil', '0', '-1', '100', 'math.maxinteger'], ['0', '1']],
  'debug.sethook': [['print', 'function() end', 'function() error("hk!") end', 'nil', 'SUSPCO()'], ['"c"', '"r"', '"l"', '"crl"', '""', 'print'],
    ['0', '1', '-1', '100', 'math.maxinteger', 'nil']],
  'debug.getupvalue': [FN, ['0', '1', '2', '-1', 'math.maxinteger']],
  'debug.setupvalue': [FN, ['0', '1', '2', '-1'], ['1', 'nil']],
  'debug.upvalueid': [FN, ['0', '1', '2', '-1']],
  'debug.upvaluejoin': [FN, ['0', '1', '2', '-1'], FN, ['0', '1', '2']],
};
const STRING_METHOD_HINTS: Record<string, (string[] | null)[]> = {
  byte: [POS, POS], find: [PAT, POS], format: [ANY, ANY], gmatch: [PAT], gsub: [PAT, REPL, POS], match: [PAT, POS], rep: [POS, SUBJ],
  sub: [POS, POS], pack: [ANY, ANY], unpack: [PACKD, POS],
};
const FILE_METHOD_HINTS: Record<string, (string[] | null)[]> = {
  read: [READF, READF], lines: [READF, READF], write: [ANY, ANY],
  seek: [['"set"', '"cur"', '"end"', '"bad"', 'nil'], ['0', '-1', '100', '1e10', 'math.maxinteger', 'math.mininteger', '0.5']],
  setvbuf: [['"no"', '"full"', '"line"', '"x"'], ['0', '-1', '1024', 'math.maxinteger']],
};
const RECEIVERS = ['LONG', '"abc"', '"%"', '"x"', '""', '"%d"', '"i4"', '"%s %q"', '"<i4 z"', '"%5.2s%c"', '"(a)(b)"'];
const FILES = ['OPENF()', 'OPENF()', 'CLOSEDF()', 'io.stdout', 'io.stdin'];

// ---------------------------------------------------------------------------------------
// the Lua side: value constructors, one wrapper per function, the driver

/** Everything the values need; the files live in the MemFs. */
const PRELUDE = `
package.path = "./?.lua"
LONG = string.rep("x", 100000)
function MT(m) return setmetatable({}, m) end
function BIGT() local t = {} for i = 1, 100 do t[i] = (i * 7919) % 101 end return t end
function F_READER() local n = 0 return function() n = n + 1 if n == 1 then return "return " elseif n == 2 then return "1" end end end
function DEADCO() local co = coroutine.create(function() end) coroutine.resume(co) return co end
function SUSPCO() local co = coroutine.create(function() coroutine.yield(1) end) coroutine.resume(co) return co end
function ERRCO() local co = coroutine.create(function() error("coerr") end) coroutine.resume(co) return co end
function CLOSECO()
  local co = coroutine.create(function() local x <close> = MT{__close = function() error("cl!") end} coroutine.yield() end)
  coroutine.resume(co)
  return co
end
function UPF() local u, v = {}, 1 return function() return u, v end end
function CLOSEDF() local f = io.tmpfile() f:close() return f end
function OPENF() local f = io.tmpfile() f:write("hello\\n123 4.5 0x10\\nline3\\n\\n") f:seek("set") return f end
LOOPF = function() while true do end end
RECF = function(...) local function r(n) return 1 + r(n + 1) end return r(1) end
LOOPIDX = setmetatable({}, {__index = function() while true do end end})
`;

/** driver(w, n, i1, ..., in): pcall(W[w], V[i1](), ..., V[in]()) -> ok, message or type. */
const DRIVER = `
local W, V = ...
local pcall, type, unpack = pcall, type, table.unpack
local args, res = {}, {}
return function(w, n, ...)
  local idx = {...}
  for i = 1, n do args[i] = V[idx[i]]() end
  res[1], res[2] = pcall(W[w], unpack(args, 1, n))
  for i = 1, n do args[i] = nil end
  if res[1] then return true end
  local e = res[2]
  return false, type(e) == "string" and e or "(" .. type(e) .. ")"
end
`;

interface Target {
  /** as shown in failures: "string.rep", "("x"):rep", "file:read" */
  name: string;
  /** Lua function calling it with (...) from a call site in Lua */
  wrapper: string;
  hints: (string[] | null)[];
}

/** Every function of every library, and the string and file methods (listed from a state). */
function listTargets(): Target[] {
  const vm = createState({ stdout: () => {} });
  const names = runText(vm, `
    local out = {}
    for _, lib in ipairs{"_G", "string", "table", "math", "utf8", "os", "io", "coroutine", "debug", "package"} do
      for k, v in pairs(lib == "_G" and _G or _G[lib]) do
        if type(v) == "function" then out[#out + 1] = (lib == "_G" and "" or lib .. ".") .. k end
      end
    end
    for k in pairs(getmetatable(io.stdout).__index) do out[#out + 1] = "file:" .. k end
    table.sort(out)
    return table.concat(out, " ")`, '=list')[0] as string;
  const targets: Target[] = [];
  for (const name of names.split(' ')) {
    if (name.startsWith('file:')) {
      const m = name.slice(5);
      targets.push({ name, wrapper: `function(f, ...) return pk((f):${m}(...)) end`, hints: [FILES, ...(FILE_METHOD_HINTS[m] ?? [])] });
    } else {
      targets.push({ name, wrapper: `function(...) return pk(${name}(...)) end`, hints: HINTS[name] ?? [] });
    }
  }
  for (const m of ['byte', 'find', 'format', 'gmatch', 'gsub', 'len', 'lower', 'match', 'rep', 'reverse', 'sub', 'upper', 'pack', 'unpack']) {
    targets.push({ name: `(s):${m}`, wrapper: `function(s, ...) return pk((s):${m}(...)) end`, hints: [RECEIVERS, ...(STRING_METHOD_HINTS[m] ?? [])] });
  }
  // the iterator functions the libraries hand out, called by hand with any arguments
  for (const [name, expr] of [['ipairs iterator', 'ipairs({})'], ['pairs iterator', 'pairs({})'],
    ['utf8.codes iterator', 'utf8.codes("a\\u{400}")'], ['utf8.codes iterator (lax)', 'utf8.codes("", true)'],
    ['gmatch iterator', 'string.gmatch("abc", "%a")']]) {
    targets.push({ name, wrapper: `function(...) local f = ${expr} return pk(f(...)) end`, hints: [] });
  }
  return targets;
}

// ---------------------------------------------------------------------------------------
// running calls

const LIMIT = 200000; // instructions per call
const RUNS = Number(process.env.ROBUST_RUNS ?? 300); // calls per function (set ROBUST_RUNS to hunt longer)

/** A state ready to run calls of `targets`: values, wrappers, driver; MemFs host. */
class Harness {
  vm!: LuaVM;
  driver!: LuaValue;
  stringMeta: unknown = null;
  armedAt = -1;
  uses = 0;
  constructor(readonly targets: Target[]) {
    this.fresh();
  }

  fresh(): void {
    const mem = new MemFs({ f1: '1 2\nabc\n3.5 0x10 -7\n\nlast' });
    const vm = createState({ stdout: () => {}, stderr: () => {}, readFile: mem.readFile, readStdin: () => 'return 1' });
    (vm as unknown as { host: unknown }).host = mem.host({ stdin: 'line one\n42 3.5\nrest' });
    vm.onBudget = () => {
      if (this.armedAt >= 0 && vm.instructions - this.armedAt > LIMIT) throw new LuaThrow('instruction limit');
    };
    runText(vm, PRELUDE, '=prelude');
    const values = runText(vm, `return {${VALUES.map((v) => `function() return ${v} end`).join(',\n')}}`, '=values')[0];
    // each wrapper calls its function from a call site in Lua (not a tail call), as scripts do
    const wrappers = runText(vm, `local pk = table.pack\nreturn {${this.targets.map((t) => t.wrapper).join(',\n')}}`, '=robust')[0];
    this.driver = runText(vm, DRIVER, '=driver', [wrappers, values])[0];
    this.vm = vm;
    this.stringMeta = vm.stringMeta;
    this.uses = 0;
  }

  /** Calls target w with the values at `args`; the outcome as the driver reports it. */
  call(w: number, args: number[]): { ok: boolean; msg: string; ms: number; escaped: boolean } {
    if (++this.uses > 200) this.fresh();
    const vm = this.vm;
    const t0 = performance.now();
    this.armedAt = vm.instructions;
    let r: LuaValue[];
    try {
      r = protectedCall(vm, this.driver, [w + 1, args.length, ...args.map((i) => i + 1)], null);
    } catch (e) {
      // a Lua error past the driver's pcall: the instruction limit (once passed, the VM raises
      // it again at the next instruction after a pcall that caught it) or a debug hook that
      // the call set and that raises
      this.armedAt = -1;
      if (!(e instanceof LuaError)) throw e;
      this.fresh();
      return { ok: false, msg: e.message, ms: performance.now() - t0, escaped: true };
    } finally {
      this.armedAt = -1;
    }
    const ms = performance.now() - t0;
    // undo what a call may change for the next ones: hooks and the metatables of types
    const L = vm.mainThread;
    if (L.hook !== undefined || vm.typeMeta.size > 0 || vm.stringMeta !== this.stringMeta) this.fresh();
    return { ok: r[0] === true, msg: typeof r[1] === 'string' ? r[1] : '', ms, escaped: false };
  }
}

/** What a message made from a JS exception looks like. */
const JS_TEXT = /internal error|TypeError|RangeError|ReferenceError|SyntaxError: |is not a function|is not iterable|Cannot read propert|Cannot set propert|of undefined|of null|\[object |undefined|NaN is not|Invalid (array|string) length|Maximum call stack|The argument '/;

function isBigCall(args: number[]): boolean {
  // (a negative count reads as a huge size_t: io.read(-1) fails for memory in the reference too)
  return args.some((i) => BIG.has(VALUES[i]) || /^-\d|\d{7,}|\^|<<|0x[0-9a-fA-F]{6,}|e\d\d|maxinteger|mininteger/.test(VALUES[i]));
}

/**
 * Calls that loop as long in the reference, in library code that runs no Lua code (so the
 * instruction limit cannot stop them): table.move over a huge range of indices.
 */
function loopsInReference(name: string, args: number[]): boolean {
  return name === 'table.move' && isBigCall(args.slice(1, 4));
}

/** Indices of VALUES for an expression (hint pools are added to the value list on demand). */
const valueIndex = new Map<string, number>();
VALUES.forEach((v, i) => valueIndex.set(v, i));
function indexOf(expr: string): number {
  let i = valueIndex.get(expr);
  if (i === undefined) {
    i = VALUES.length;
    VALUES.push(expr);
    valueIndex.set(expr, i);
  }
  return i;
}

const targets = listTargets();
// hint pools become values before any state is made
for (const t of targets) for (const pool of t.hints) if (pool) for (const e of pool) indexOf(e);

/** An argument list for target t: up to 6 values, position k drawn from its hint pool or anywhere. */
function argsArb(t: Target): fc.Arbitrary<number[]> {
  const anyValue = fc.integer({ min: 0, max: VALUES.length - 1 });
  const slot = (k: number): fc.Arbitrary<number> => {
    const pool = t.hints[k];
    if (!pool) return anyValue;
    return fc.oneof({ arbitrary: fc.constantFrom(...pool.map(indexOf)), weight: 3 }, { arbitrary: anyValue, weight: 1 });
  };
  return fc.integer({ min: 0, max: 6 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, k) => slot(k))));
}

describe('every library function survives any arguments', () => {
  const harness = new Harness(targets);
  let slowest = { ms: 0, what: '' };
  const called = new Set<string>();

  it('lists the libraries\' functions', () => {
    expect(targets.length).toBeGreaterThan(150);
    for (const n of ['assert', 'string.pack', 'table.move', 'math.ult', 'utf8.codes', 'os.time', 'io.lines', 'file:seek',
      'coroutine.close', 'debug.upvaluejoin', 'package.searchpath', '(s):rep']) {
      expect(targets.map((t) => t.name)).toContain(n);
    }
  });

  targets.forEach((t, w) => {
    it(t.name, () => {
      fc.assert(fc.property(argsArb(t), (args) => {
        fc.pre(!loopsInReference(t.name, args));
        const r = harness.call(w, args);
        const what = `${t.name}(${args.map((i) => VALUES[i]).join(', ')})`;
        called.add(t.name);
        if (r.ms > slowest.ms) slowest = { ms: r.ms, what };
        if (!r.ok) {
          expect(r.msg, what).not.toMatch(JS_TEXT);
          if (/^(not enough memory|.*stack overflow)/.test(r.msg) && !isBigCall(args)) {
            // a RangeError from the host becomes one of these: only big values may cause them
            expect.fail(`${what}: ${r.msg}`);
          }
        }
        expect(r.ms, what).toBeLessThan(5000);
      }), { numRuns: RUNS });
    });
  });

  it('called every function', () => {
    expect(called.size).toBe(targets.length);
    // the slowest call, for the record
    expect(slowest.ms).toBeLessThan(5000);
  });
});

// ---------------------------------------------------------------------------------------
// the combinations that once failed, recorded from lua5.4

describe('regressions', () => {
  // loadfile() and dofile() read standard input (as \`echo 'return 7' | lua5.4 -e 'print(dofile())'\`
  // prints 7); they once read a stale stack slot as their file name instead
  it('loadfile and dofile without a name read standard input', () => {
    let out = '';
    const vm = createState({ stdout: (s) => { out += s; }, readStdin: () => 'return 7' });
    runText(vm, `
      do local a, b, c, d = "x", "y", "z", "w" end
      print(dofile())
      do local a, b, c, d = "x", "y", "z", "w" end
      local f = loadfile()
      print(f())`, '=stdin');
    expect(out).toBe('7\n7\n');
  });
});

describe('regressions recorded from lua5.4', () => {
  const { cases } = loadCases('robustness');
  for (const c of cases) {
    it(c.name, () => {
      const r = runCase(c);
      expect(r.out).toBe(c.out);
      expect(r.err).toBe(c.err);
    });
  }
});

