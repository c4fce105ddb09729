import { describe, expect, it } from 'vitest';
import { LuaEngine, LuaRuntimeError, MemFs } from '../../src/index.js';
import type { Policy } from '../../src/index.js';
import { LuaTable } from '../../src/vm/table.js';
import { LuaClosure, LuaUserdata, NativeFunction } from '../../src/vm/value.js';
import { LuaThread } from '../../src/vm/state.js';

function engine(policy: Policy, out?: (s: string) => void): LuaEngine {
  return new LuaEngine({ policy, stdout: out ?? (() => {}), stderr: () => {} });
}

/** The first result of a chunk. */
function run(e: LuaEngine, code: string): unknown {
  return e.runSync(code, { chunkname: '=s' }).values[0];
}

/** The message of the error a chunk raises. */
function fails(e: LuaEngine, code: string): string {
  try {
    e.runSync(code, { chunkname: '=s' });
  } catch (err) {
    expect(err).toBeInstanceOf(LuaRuntimeError);
    return (err as Error).message;
  }
  throw new Error(`no error from: ${code}`);
}

/** _G's keys, then each library's keys (pairs, so read-only proxies list their real fields). */
const LISTING = `
local function keys(t)
  local r = {}
  for k in pairs(t) do r[#r + 1] = tostring(k) end
  table.sort(r)
  return table.concat(r, ' ')
end
local out = { 'G: ' .. keys(_G) }
local libs = {}
for k, v in pairs(_G) do if type(v) == 'table' and k ~= '_G' then libs[#libs + 1] = k end end
table.sort(libs)
for _, k in ipairs(libs) do out[#out + 1] = k .. ': ' .. keys(_G[k]) end
return table.concat(out, '\\n')
`;

const BASE_MINIMAL =
  '_G _VERSION assert collectgarbage error getmetatable ipairs load next pairs pcall print ' +
  'rawequal rawget rawlen rawset select setmetatable tonumber tostring type warn xpcall';
const COROUTINE = 'coroutine: close create isyieldable resume running status wrap yield';
const MATH =
  'math: abs acos asin atan atan2 ceil cos cosh deg exp floor fmod frexp huge ldexp log log10 max ' +
  'maxinteger min mininteger modf pi pow rad random randomseed sin sinh sqrt tan tanh tointeger type ult';
const STRING_NO_DUMP = 'string: byte char find format gmatch gsub len lower match pack packsize rep reverse sub unpack upper';
const TABLE = 'table: concat insert move pack remove sort unpack';
const UTF8 = 'utf8: char charpattern codepoint codes len offset';

/** G: the sorted global names; then each library. */
function listing(globals: string, libs: string[]): string {
  const g = globals.split(' ');
  for (const l of libs) g.push(l.slice(0, l.indexOf(':')));
  g.sort();
  return ['G: ' + g.join(' '), ...libs].join('\n');
}

describe('built-in policies: what a script can reach', () => {
  it('minimal: base (no dofile, loadfile, require), string without dump, table, math, utf8, coroutine', () => {
    expect(run(engine('minimal'), LISTING)).toBe(listing(BASE_MINIMAL, [COROUTINE, MATH, STRING_NO_DUMP, TABLE, UTF8]));
  });

  it('standard: minimal + os.time/clock/date/difftime, io.write, debug.traceback, require, package', () => {
    expect(run(engine('standard'), LISTING)).toBe(listing(BASE_MINIMAL + ' require', [
      COROUTINE, 'debug: traceback', 'io: write', MATH, 'os: clock date difftime time',
      'package: loaded preload searchers', STRING_NO_DUMP, TABLE, UTF8,
    ]));
  });

  it('strict: minimal without load, the same libraries (read-only)', () => {
    expect(run(engine('strict'), LISTING)).toBe(listing(BASE_MINIMAL.replace(' load', ''), [COROUTINE, MATH, STRING_NO_DUMP, TABLE, UTF8]));
  });

  it('full: everything the moonbox command has', () => {
    expect(run(engine('full'), LISTING)).toBe(listing(BASE_MINIMAL + ' dofile loadfile require', [
      COROUTINE,
      'debug: debug gethook getinfo getlocal getmetatable getregistry getupvalue getuservalue setcstacklimit sethook ' +
        'setlocal setmetatable setupvalue setuservalue traceback upvalueid upvaluejoin',
      'io: close flush input lines open output popen read stderr stdin stdout tmpfile type write',
      MATH,
      'os: clock date difftime execute exit getenv remove rename setlocale time tmpname',
      'package: config cpath loaded loadlib path preload searchers searchpath',
      STRING_NO_DUMP.replace('char ', 'char dump '), TABLE, UTF8,
    ]));
  });

  it('the default policy is standard', () => {
    expect(new LuaEngine({ stdout: () => {} }).runSync(LISTING).values[0]).toBe(run(engine('standard'), LISTING));
  });

  it('denied names are nil, not stubs, wherever a script looks', () => {
    for (const p of ['minimal', 'standard', 'strict'] as const) {
      const e = engine(p);
      const code = `
        local names = {}
        for _, n in ipairs({ 'dofile', 'loadfile', 'os.execute', 'os.exit', 'os.getenv', 'os.remove',
            'os.rename', 'os.tmpname', 'os.setlocale', 'io.popen', 'io.open', 'io.lines', 'io.input',
            'io.output', 'io.read', 'io.close', 'io.tmpfile', 'io.stdin', 'string.dump',
            'package.loadlib', 'package.searchpath', 'package.path', 'package.cpath',
            'debug.getinfo', 'debug.sethook', 'debug.getregistry', 'debug.getlocal' }) do
          local t, k = _G, n
          local dot = n:find('.', 1, true)
          if dot then t, k = rawget(_G, n:sub(1, dot - 1)), n:sub(dot + 1) end
          if t ~= nil and t[k] ~= nil then names[#names + 1] = n end
        end
        if ("x").dump ~= nil then names[#names + 1] = '("x").dump' end
        if package and package.loaded.os and package.loaded.os.execute then names[#names + 1] = 'loaded.os' end
        return table.concat(names, ' ')`;
      expect(run(e, code), p).toBe('');
    }
    expect(run(engine('minimal'), 'return rawget(_G, "io") == nil and rawget(_G, "os") == nil and rawget(_G, "require") == nil')).toBe(true);
  });

  it('print goes to the engine output sink', () => {
    const got: string[] = [];
    const e = engine('minimal', (s) => got.push(s));
    expect(e.runSync('print("a", 1) print(nil)').output).toBe('a\t1\nnil\n');
    expect(got.join('')).toBe('a\t1\nnil\n');
    const s = engine('standard', (x) => got.push(x));
    expect(s.runSync('io.write("w", 2, "\\n") print("p")').output).toBe('w2\np\n');
  });

  it('rejects unknown policies', () => {
    expect(() => engine('open' as Policy)).toThrow(TypeError);
    expect(() => engine({ extends: 'nothing' as 'full' })).toThrow(TypeError);
  });
});

describe('load under policies', () => {
  // recorded from lua5.4: print(load(string.dump(function() end), nil, 't'))
  const BINARY = "attempt to load a binary chunk (mode is 't')";

  it('minimal and standard load text chunks only, with the mode "t" message for binary ones', () => {
    for (const p of ['minimal', 'standard'] as const) {
      const e = engine(p);
      expect(e.runSync('return load("\\27Lua\\x54\\0")').values).toEqual([undefined, BINARY]);
      expect(e.runSync('return load("\\27Lua", "x", "b")').values).toEqual([undefined, BINARY]);
      expect(e.runSync('return load("\\27Lua", "x", "bt")').values).toEqual([undefined, BINARY]);
      // a reader function giving a binary chunk piece by piece
      expect(e.runSync('local p = {"\\27", "Lua"} return load(function() return table.remove(p, 1) end)').values)
        .toEqual([undefined, BINARY]);
    }
  });

  it('a real dumped chunk is refused unless load.binary is granted', () => {
    const dumps = engine({ extends: 'minimal', allow: ['string.dump'] });
    expect(dumps.runSync('return load(string.dump(function() return 1 end))').values).toEqual([undefined, BINARY]);
    const binary = engine({ extends: 'minimal', allow: ['string.dump', 'load.binary'] });
    expect(run(binary, 'return load(string.dump(function() return 7 end))()')).toBe(7);
    expect(run(engine('full'), 'return load(string.dump(function() return 8 end))()')).toBe(8);
  });

  it('forbids no other use of load', () => {
    const e = engine('standard');
    expect(run(e, 'x = 5 return load("return x")()')).toBe(5);
    expect(run(e, 'return load("return y", "c", "t", { y = 6 })()')).toBe(6);
    expect(e.runSync('return load("return 1", "x", "b")').values).toEqual([undefined, "attempt to load a text chunk (mode is 'b')"]);
    expect(e.runSync('return load("return +", "=c")').values).toEqual([undefined, "c:1: unexpected symbol near '+'"]);
    expect(run(e, 'local p = {"return ", "4"} return load(function() return table.remove(p, 1) end)()')).toBe(4);
  });

  it('strict has no load; allow brings back the text-only one', () => {
    expect(run(engine('strict'), 'return load == nil')).toBe(true);
    const e = engine({ extends: 'strict', allow: ['load'] });
    expect(run(e, 'return load("return 3")()')).toBe(3);
    expect(e.runSync('return load("\\27Lua")').values).toEqual([undefined, BINARY]);
  });

  it('deny load.binary on full keeps text load', () => {
    const e = engine({ extends: 'full', deny: ['load.binary'] });
    expect(e.runSync('return load(string.dump(function() end))').values).toEqual([undefined, BINARY]);
    expect(run(engine({ extends: 'full', deny: ['load'] }), 'return load')).toBe(undefined);
  });
});

describe('read-only tables (strict)', () => {
  const e = engine('strict');

  it('reject writes from scripts, positioned at the write', () => {
    expect(fails(e, 'string.upper = nil')).toBe("s:1: attempt to modify read-only table 'string'");
    expect(fails(e, '\nmath.pi = 3')).toBe("s:2: attempt to modify read-only table 'math'");
    expect(fails(e, 'table.myfn = print')).toBe("s:1: attempt to modify read-only table 'table'");
    expect(fails(e, 'utf8[1] = 1')).toBe("s:1: attempt to modify read-only table 'utf8'");
    expect(fails(e, 'coroutine.wrap = nil')).toBe("s:1: attempt to modify read-only table 'coroutine'");
    expect(fails(e, 'rawset(string, "x", 1)')).toBe("s:1: attempt to modify read-only table 'string'");
    // raised by a metamethod called from table.insert (a library function): no position, as
    // an error(msg, 2) from a metamethod would have
    expect(fails(e, 'table.insert(string, 1)')).toBe("attempt to modify read-only table 'string'");
    expect(fails(e, 'setmetatable(math, {})')).toBe('s:1: cannot change a protected metatable');
    expect(fails(e, 'setmetatable(string, nil)')).toBe('s:1: cannot change a protected metatable');
  });

  it('protect the string metatable', () => {
    expect(fails(e, 'getmetatable("").__index = {}')).toBe("s:1: attempt to modify read-only table 'string metatable'");
    expect(fails(e, 'getmetatable("").__index.upper = string.lower')).toBe("s:1: attempt to modify read-only table 'string'");
    expect(fails(e, 'rawset(getmetatable(""), "__index", {})')).toBe("s:1: attempt to modify read-only table 'string metatable'");
    expect(fails(e, 'getmetatable("").__add = nil')).toBe("s:1: attempt to modify read-only table 'string metatable'");
    expect(fails(e, 'setmetatable(getmetatable(""), {})')).toBe('s:1: cannot change a protected metatable');
    expect(e.runSync('local m = getmetatable("") return m.__index == string, getmetatable(string), getmetatable(m)').values)
      .toEqual([true, false, false]);
    expect(run(e, 'return ("1") + 2')).toBe(3);
  });

  it('still work for reading, pairs, ipairs and #', () => {
    expect(run(e, 'return math.floor(math.pi * 100)')).toBe(314);
    expect(run(e, 'local n = 0 for k, v in pairs(string) do assert(string[k] == v) n = n + 1 end return n')).toBe(16);
    expect(run(e, 'local n = 0 for k in pairs(math) do n = n + 1 end return n')).toBe(35);
    expect(run(e, 'return #table')).toBe(0);
    expect(run(e, 'local n = 0 for i, v in ipairs(string) do n = n + 1 end return n')).toBe(0);
    // raw access sees the empty proxy
    expect(e.runSync('return next(string), rawget(string, "upper"), rawlen(string)').values).toEqual([undefined, undefined, 0]);
  });

  it('keep string methods working', () => {
    expect(e.runSync('local s = "abc" return s:upper(), ("%d-%s"):format(4, "x"), s:rep(2, ","), #s, s:gsub("b", "B")').values)
      .toEqual(['ABC', '4-x', 'abc,abc', 3, 'aBc', 1]);
    expect(run(e, 'local n = 0 for w in ("a b c"):gmatch("%a") do n = n + 1 end return n')).toBe(3);
  });

  it('leave globals writable', () => {
    expect(e.runSync('x = 1 string = 2 local r = string string = nil return x, r, string').values).toEqual([1, 2, undefined]);
  });

  it('are not installed by the other policies', () => {
    for (const p of ['minimal', 'standard', 'full'] as const) {
      const m = engine(p);
      expect(m.runSync('string.shout = function(s) return s:upper() .. "!" end return ("hi"):shout(), getmetatable(string)').values)
        .toEqual(['HI!', undefined]);
    }
  });

  it('collectgarbage accepts only "count"', () => {
    expect(run(e, 'local k = collectgarbage("count") return math.type(k) == "float" and k > 0')).toBe(true);
    // the wording lua5.4 gives for an invalid option: collectgarbage('x')
    expect(fails(e, 'collectgarbage("x")')).toBe("s:1: bad argument #1 to 'collectgarbage' (invalid option 'x')");
    expect(fails(e, 'collectgarbage("collect")')).toBe("s:1: bad argument #1 to 'collectgarbage' (invalid option 'collect')");
    expect(fails(e, 'collectgarbage()')).toBe("s:1: bad argument #1 to 'collectgarbage' (invalid option 'collect')");
    expect(fails(e, 'collectgarbage("stop")')).toBe("s:1: bad argument #1 to 'collectgarbage' (invalid option 'stop')");
    expect(run(engine({ extends: 'strict', allow: ['collectgarbage'] }), 'return collectgarbage()')).toBe(0);
    expect(run(engine('standard'), 'return collectgarbage("step")')).toBe(true);
  });

  it('also cover the libraries a custom strict policy adds', () => {
    const c = engine({ extends: 'strict', allow: ['os.time', 'require'] });
    expect(fails(c, 'os.time = nil')).toBe("s:1: attempt to modify read-only table 'os'");
    expect(c.runSync('return require("string") == string, require("os") == os').values).toEqual([true, true]);
  });
});

describe('require under policies', () => {
  it('standard: package.preload modules, host modules and bridges; never files', () => {
    const mem = new MemFs({ './m.lua': 'return 1', '/usr/local/share/lua/5.4/m.lua': 'return 2' });
    const e = new LuaEngine({ policy: { extends: 'standard', fs: mem }, stdout: () => {} });
    expect(run(e, 'package.preload.p = function(name, extra) return { name, extra } end local r = require("p") return r[1] .. r[2]'))
      .toBe('p:preload:');
    expect(run(e, 'return require("p") == require("p")')).toBe(true);
    e.setModule('host', { twice: (x: number) => x * 2 });
    expect(run(e, 'return require("host").twice(4)')).toBe(8);
    e.registerBridge('counter', { n: 3 }, { properties: ['n'] });
    expect(run(e, 'return require("counter").n')).toBe(3);
    expect(fails(e, 'require("m")')).toBe("s:1: module 'm' not found:\n\tno field package.preload['m']");
    expect(run(e, 'return package.path == nil and package.searchpath == nil and #package.searchers')).toBe(1);
    expect(run(e, 'return require("string") == string and package.loaded.io == io')).toBe(true);
  });

  it('minimal and strict have no require', () => {
    expect(run(engine('minimal'), 'return require == nil and package == nil')).toBe(true);
    expect(run(engine('strict'), 'return require == nil and package == nil')).toBe(true);
  });

  it('file require when the host grants package.path and a file system', () => {
    const mem = new MemFs({ './m.lua': 'return { v = ... }' });
    const e = engine({ extends: 'standard', allow: ['package.path'], fs: mem });
    expect(run(e, 'return require("m").v')).toBe('m');
    expect(run(e, 'return package.path ~= nil')).toBe(true);
  });
});

describe('custom policies', () => {
  it('allow adds libraries, fields and globals', () => {
    const e = engine({ extends: 'minimal', allow: ['os.getenv', 'debug.traceback', 'dofile'] });
    expect(run(e, 'local n = {} for k in pairs(os) do n[#n + 1] = k end return table.concat(n, " ")')).toBe('getenv');
    expect(e.runSync('return type(os.getenv), type(debug.traceback), type(dofile), io').values).toEqual(['function', 'function', 'function', undefined]);
    const all = engine({ extends: 'minimal', allow: ['os'] });
    expect(run(all, 'return type(os.execute) .. type(os.exit) .. type(os.tmpname)')).toBe('functionfunctionfunction');
  });

  it('deny takes away, and wins over allow', () => {
    const e = engine({ extends: 'full', deny: ['io', 'os.execute', 'debug', 'print'] });
    expect(e.runSync('return io, os.execute, debug, print, type(os.time)').values).toEqual([undefined, undefined, undefined, undefined, 'function']);
    expect(run(e, 'return package.loaded.io == nil and package.loaded.debug == nil')).toBe(true);
    const both = engine({ extends: 'standard', allow: ['os', 'io.read'], deny: ['os.exit', 'io.read', 'debug.traceback'] });
    expect(both.runSync('return os.exit, type(os.getenv), io.read, debug').values).toEqual([undefined, 'function', undefined, undefined]);
    const gone = engine({ extends: 'standard', deny: ['os.time', 'os.clock', 'os.date', 'os.difftime'] });
    expect(run(gone, 'return os == nil and package.loaded.os == nil')).toBe(true);
  });

  it('deny of a string function also removes the method', () => {
    const e = engine({ extends: 'minimal', deny: ['string.rep'] });
    expect(e.runSync('return string.rep, ("x").rep, ("x"):upper()').values).toEqual([undefined, undefined, 'X']);
  });

  it('defaults to extending minimal', () => {
    expect(run(engine({}), LISTING)).toBe(run(engine('minimal'), LISTING));
  });

  it('refuses names the state does not have', () => {
    expect(() => engine({ allow: ['os.getEnv'] })).toThrow("moonbox policy: unknown name 'os.getEnv'");
    expect(() => engine({ deny: ['sockets'] })).toThrow("moonbox policy: unknown name 'sockets'");
    expect(() => engine({ allow: ['print.x'] })).toThrow(TypeError);
  });

  it('fs: io and os file functions granted by name, served by a MemFs', () => {
    const mem = new MemFs({ 'in.txt': 'line 1\nline 2\n' });
    const e = engine({ extends: 'standard', allow: ['io.open', 'io.lines', 'os.remove'], fs: mem });
    expect(run(e, `
      local n = 0
      for l in io.lines("in.txt") do n = n + 1 end
      local f = assert(io.open("out.txt", "w"))
      f:write("written ", n)
      f:close()
      return select(2, io.open("nope.txt"))`)).toBe('nope.txt: No such file or directory');
    expect(mem.readText('out.txt')).toBe('written 2');
    expect(run(e, 'return os.remove("out.txt")')).toBe(true);
    expect(mem.exists('out.txt')).toBe(false);
    expect(run(e, 'return io.popen == nil and io.input == nil')).toBe(true);
  });

  it('fs: any OsHost also serves loadfile and dofile', () => {
    const mem = new MemFs({ 'lib.lua': 'return 40 + ...', 'main.lua': 'return "main"' });
    const e = engine({ extends: 'minimal', allow: ['dofile', 'loadfile'], fs: mem.host() });
    expect(run(e, 'return loadfile("lib.lua")(2)')).toBe(42);
    expect(run(e, 'return dofile("main.lua")')).toBe('main');
    expect(e.runSync('return loadfile("none.lua")').values).toEqual([undefined, 'cannot open none.lua: No such file or directory']);
  });

  it('without fs, granted file functions find no file system in the engine', () => {
    const e = engine({ extends: 'minimal', allow: ['io.open'] });
    expect(e.runSync('return io.open("x")').values).toEqual([undefined, 'x: Function not implemented', 38]);
  });
});

// ---------------------------------------------------------------------------------------
// no path to the JS world

/** Everything a script reaches from _G, the string metatable and a few function results. */
const WALK = `
local seen, list = {}, {}
local function visit(v)
  local t = type(v)
  if t ~= 'table' and t ~= 'function' and t ~= 'userdata' and t ~= 'thread' then
    local mt = getmetatable(v)
    if mt ~= nil then visit(mt) end
    return
  end
  if seen[v] then return end
  seen[v] = true
  list[#list + 1] = v
  if t == 'table' then
    for k, x in pairs(v) do visit(k) visit(x) end
  end
  local mt = getmetatable(v)
  if mt ~= nil then visit(mt) end
end
visit(_G)
visit("")
visit(coroutine.running())
if io and io.write then visit(io.write("")) end
__reached = list
`;

const LUA_TYPES = [LuaTable, LuaClosure, NativeFunction, LuaUserdata, LuaThread];

function reached(e: LuaEngine): unknown[] {
  e.runSync(WALK);
  const t = e.vm.globals.getStr('__reached') as LuaTable;
  const r: unknown[] = [];
  for (let i = 1; i <= t.length(); i++) r.push(t.getInt(i));
  return r;
}

/** The implementations (plain and generator forms) of the functions no sandbox policy has. */
function forbiddenImpls(): Set<unknown> {
  const full = engine('full');
  const g = full.vm.globals;
  const impls = new Set<unknown>();
  const add = (v: unknown): void => {
    if (v instanceof NativeFunction) {
      if (v.fn !== null) impls.add(v.fn);
      if (v.gen !== null) impls.add(v.gen);
    }
  };
  const lib = (name: string) => g.getStr(name) as LuaTable;
  for (const n of ['dofile', 'loadfile']) add(g.getStr(n));
  for (const n of ['popen', 'open', 'lines', 'input', 'output', 'read', 'close', 'tmpfile']) add(lib('io').getStr(n));
  for (const n of ['execute', 'exit', 'remove', 'rename', 'tmpname', 'getenv']) add(lib('os').getStr(n));
  add(lib('string').getStr('dump'));
  for (const n of ['getinfo', 'getlocal', 'getregistry', 'getupvalue', 'sethook', 'setlocal', 'setupvalue', 'setmetatable', 'getmetatable', 'upvaluejoin']) {
    add(lib('debug').getStr(n));
  }
  return impls;
}

/** Names of natives made per state that no sandbox policy has. */
const FORBIDDEN_NAMES = new Set(['dofile', 'loadfile', 'dump', 'loadlib', 'searchpath', 'searcher_Lua', 'searcher_C', 'searcher_Croot', 'execute', 'popen', 'getenv', 'tmpname', 'getregistry', 'sethook', 'getlocal', 'setlocal', 'getupvalue', 'setupvalue', 'upvaluejoin']);

describe('no path to the JS world', () => {
  const impls = forbiddenImpls();
  for (const p of ['minimal', 'standard', 'strict'] as const) {
    it(`${p}: every reachable value is a Lua value and none leads outside`, () => {
      const e = engine(p);
      const vals = reached(e);
      expect(vals.length).toBeGreaterThan(100);
      const vm = e.vm;
      for (const v of vals) {
        expect(LUA_TYPES.some((c) => v instanceof c)).toBe(true);
        if (v instanceof NativeFunction) {
          expect(FORBIDDEN_NAMES.has(v.name), v.name).toBe(false);
          expect(impls.has(v.fn) || impls.has(v.gen), v.name).toBe(false);
        }
        // the only userdata: standard's stdout handle (io.write's result)
        if (v instanceof LuaUserdata) {
          expect(p).toBe('standard');
          expect(v.metatable).toBe(vm.registry.getStr('FILE*'));
        }
      }
      expect(vals).not.toContain(vm.registry);
      if (p === 'strict') {
        // neither the real library tables nor the string metatable itself
        expect(vals).not.toContain(vm.stringMeta);
        expect(vals).not.toContain(vm.stringMeta!.getStr('__index'));
        expect(vals).not.toContain(vm.loaded.getStr('math'));
        expect(vals).not.toContain(vm.loaded);
      }
      // the file handle methods reachable from stdout open nothing
      if (p === 'standard') {
        expect(run(e, 'local f = io.write("") return select(2, f:read()), f:close()')).toBe('Bad file descriptor');
      }
    });
  }

  it('the walk does find forbidden functions under full (the check can fail)', () => {
    const vals = reached(engine('full'));
    expect(vals.some((v) => v instanceof NativeFunction && impls.has(v.fn ?? v.gen))).toBe(true);
  });
});
