/**
 * The debug library (manual §6.10).
 */
import {
  nativeFn, nativeGen, LuaClosure, NativeFunction, LuaUserdata, isFunction, isNumber, typeName,
} from '../vm/value.js';
import type { LuaValue } from '../vm/value.js';
import { LuaTable } from '../vm/table.js';
import { LuaThread, HOOK_CALL, HOOK_RET, HOOK_LINE, HOOK_COUNT } from '../vm/state.js';
import { hookTrapOn } from '../vm/interp.js';
import type { LuaVM } from '../vm/state.js';
import {
  traceback, levelToCi, frameFunction, frameLine, frameFuncName, chunkIdFn, findLocal,
} from '../vm/debuginfo.js';
import {
  arg, argError, checkInteger, checkString, typeErrorArg, optString, checkAny, cString,
} from '../vm/auxlib.js';
import { getMetatable } from '../vm/meta.js';

/** Optional leading thread argument: returns [thread, offset]. */
function threadArg(L: LuaThread, base: number, n: number): [LuaThread, number] {
  const v = L.stack[base];
  if (n >= 1 && v instanceof LuaThread) return [v, 1];
  return [L, 0];
}

/** `(int)luaL_checkinteger(L, narg)`: the reference truncates levels and indices to a C int. */
function checkCInt(L: LuaThread, base: number, n: number, narg: number): number {
  const v = checkInteger(L, base, n, narg);
  return typeof v === 'bigint' ? Number(BigInt.asIntN(32, v)) : v | 0;
}

function optCInt(L: LuaThread, base: number, n: number, narg: number, def: number): number {
  return arg(L, base, n, narg) === undefined ? def : checkCInt(L, base, n, narg);
}

function checkFunction(L: LuaThread, base: number, n: number, narg: number): LuaClosure | NativeFunction {
  const f = arg(L, base, n, narg);
  if (!isFunction(f)) typeErrorArg(L, base, n, narg, 'function');
  return f;
}

/** Frame index of stack level `level` of co; "level out of range" (argument narg) when there is none. */
function checkLevel(L: LuaThread, co: LuaThread, level: number, narg: number): number {
  const ci = levelToCi(co, level);
  if (ci < 0) argError(L, narg, 'level out of range');
  return ci;
}

/** Upvalues the debug library sees: a closure's, or a native's data array (C upvalues). */
function upvalueCount(f: LuaValue): number {
  if (f instanceof LuaClosure) return f.upvals.length;
  if (f instanceof NativeFunction && Array.isArray(f.data)) return f.data.length;
  return 0;
}

/**
 * checkupval: a function (argument narg) and the index of one of its upvalues (argument
 * narg + 1), index first.
 */
function checkUpvalue(L: LuaThread, base: number, n: number, narg: number): [LuaClosure | NativeFunction, number] {
  const i = checkCInt(L, base, n, narg + 1);
  const f = checkFunction(L, base, n, narg);
  if (upvalueCount(f) < i || i < 1) argError(L, narg + 1, 'invalid upvalue index');
  return [f, i];
}

/**
 * The light userdata upvalueid gives for upvalue `index` of `owner`: a closure's upvalue
 * object (index 0, shared by the closures that share it) or a native (index in its data).
 */
function upvalueId(owner: object, index: number, value: unknown): LuaUserdata {
  let ids = upvalueIds.get(owner);
  if (ids === undefined) {
    ids = [];
    upvalueIds.set(owner, ids);
  }
  return (ids[index] ??= new LuaUserdata(value, null, true));
}
const upvalueIds = new WeakMap<object, LuaUserdata[]>();

/** The table debug.getinfo returns about fn, running at frame ci of co (-1: not running). */
function getInfo(L: LuaThread, co: LuaThread, fn: LuaValue, ci: number, what: string, whatArg: number): LuaTable {
  const t = new LuaTable();
  const p = fn instanceof LuaClosure ? fn.proto : null;
  const f = ci >= 0 ? co.frames[ci] : null;
  for (const c of what) {
    switch (c) {
      case 'S':
        t.setStr('source', p !== null ? p.source : '=[C]');
        t.setStr('short_src', p !== null ? chunkIdFn(p.source) : '[C]');
        t.setStr('linedefined', p !== null ? p.linedefined : -1);
        t.setStr('lastlinedefined', p !== null ? p.lastlinedefined : -1);
        t.setStr('what', p === null ? 'C' : p.linedefined === 0 ? 'main' : 'Lua');
        break;
      case 'l':
        t.setStr('currentline', f !== null ? frameLine(f) : -1);
        break;
      case 'u':
        // a host function's upvalues: its data array (as debug.getupvalue shows them); the
        // host's own entry frame has no function value
        t.setStr('nups', p !== null ? p.upvalNames.length : upvalueCount(fn));
        t.setStr('nparams', p !== null ? p.numparams : 0);
        t.setStr('isvararg', p !== null ? p.isVararg : true);
        break;
      case 'n': {
        const name = f !== null ? frameFuncName(co, ci) : null;
        t.setStr('name', name?.name);
        t.setStr('namewhat', name !== null ? name.kind : '');
        break;
      }
      case 't':
        t.setStr('istailcall', f !== null && f.tailcall);
        break;
      case 'r':
        // set while a call or return hook of that frame runs
        t.setStr('ftransfer', f !== null ? f.ftransfer : 0);
        t.setStr('ntransfer', f !== null ? f.ntransfer : 0);
        break;
      case 'L':
        if (p !== null) {
          // the lines with code, but for the VARARGPREP of a vararg function (none when stripped)
          const lines = new LuaTable();
          for (let pc = p.isVararg ? 1 : 0; pc < p.lineinfo.length; pc++) {
            if (p.lineinfo[pc] >= 0) lines.set(p.lineinfo[pc], true);
          }
          t.setStr('activelines', lines);
        }
        break;
      case 'f':
        t.setStr('func', fn);
        break;
      default:
        argError(L, whatArg, 'invalid option');
    }
  }
  return t;
}

/** The events of a hook mask (makemask / unmakemask), in the order gethook reports them. */
const HOOK_EVENTS: [string, number][] = [['c', HOOK_CALL], ['r', HOOK_RET], ['l', HOOK_LINE]];

export function openDebug(vm: LuaVM): void {
  const D = new LuaTable();
  const reg = (name: string, fn: (L: LuaThread, base: number, n: number) => number): void => {
    D.setStr(name, nativeFn(name, fn));
  };
  // kept by Lua 5.4.4 for compatibility: it changes nothing and returns LUAI_MAXCCALLS
  reg('setcstacklimit', (L, base, n) => {
    checkInteger(L, base, n, 1);
    L.stack[base] = 200;
    return 1;
  });
  reg('traceback', (L, base, n) => {
    const [co, off] = threadArg(L, base, n);
    const msg = arg(L, base, n, off + 1);
    // lua_tostring: strings and numbers are messages; any other value is returned untouched
    if (msg !== undefined && typeof msg !== 'string' && !isNumber(msg)) {
      L.stack[base] = msg;
      return 1;
    }
    const level = optCInt(L, base, n, off + 2, co === L ? 1 : 0);
    // luaL_traceback takes the message as a C string
    const m = msg === undefined ? null : cString(checkString(L, base, n, off + 1));
    L.stack[base] = traceback(co, m, level);
    return 1;
  });
  reg('getinfo', (L, base, n) => {
    const [co, off] = threadArg(L, base, n);
    const what = optString(L, base, n, off + 2, 'flnSrtu');
    if (what[0] === '>') argError(L, off + 2, "invalid option '>'");
    const fv = arg(L, base, n, off + 1);
    if (isFunction(fv)) L.stack[base] = getInfo(L, co, fv, -1, what, off + 2);
    else {
      const ci = levelToCi(co, checkCInt(L, base, n, off + 1));
      L.stack[base] = ci < 0 ? undefined : getInfo(L, co, frameFunction(co, ci), ci, what, off + 2);
    }
    return 1;
  });
  reg('getlocal', (L, base, n) => {
    const [co, off] = threadArg(L, base, n);
    const s = L.stack;
    const idx = checkCInt(L, base, n, off + 2);
    const fv = arg(L, base, n, off + 1);
    if (isFunction(fv)) {
      // a function that is not running: the names of its parameters
      s[base] = fv instanceof LuaClosure && idx > 0 && idx <= fv.proto.numparams ? fv.proto.locvars[idx - 1]?.name : undefined;
      return 1;
    }
    const r = findLocal(co, checkLevel(L, co, checkCInt(L, base, n, off + 1), off + 1), idx);
    if (r === null) {
      s[base] = undefined;
      return 1;
    }
    // read the value first: it may be one of getlocal's own arguments (level 0)
    const v = co.stack[r.idx];
    s[base] = r.name;
    s[base + 1] = v;
    return 2;
  });
  reg('setlocal', (L, base, n) => {
    const [co, off] = threadArg(L, base, n);
    const level = checkCInt(L, base, n, off + 1);
    const idx = checkCInt(L, base, n, off + 2);
    const ci = checkLevel(L, co, level, off + 1);
    const v = checkAny(L, base, n, off + 3);
    const r = findLocal(co, ci, idx);
    if (r !== null) co.stack[r.idx] = v;
    L.stack[base] = r?.name;
    return 1;
  });
  reg('getupvalue', (L, base, n) => {
    const i = checkCInt(L, base, n, 2);
    const f = checkFunction(L, base, n, 1);
    if (i < 1 || i > upvalueCount(f)) return 0;
    if (f instanceof LuaClosure) {
      const uv = f.upvals[i - 1];
      L.stack[base] = f.proto.upvalNames[i - 1] || '(no name)';
      L.stack[base + 1] = uv.arr[uv.idx];
    } else {
      // a native's upvalues (data as an array) have empty names, as C upvalues do
      L.stack[base] = '';
      L.stack[base + 1] = f.data[i - 1];
    }
    return 2;
  });
  reg('setupvalue', (L, base, n) => {
    const v = checkAny(L, base, n, 3);
    const i = checkCInt(L, base, n, 2);
    const f = checkFunction(L, base, n, 1);
    // a native's upvalues are not set
    if (!(f instanceof LuaClosure) || i < 1 || i > f.upvals.length) return 0;
    const uv = f.upvals[i - 1];
    uv.arr[uv.idx] = v;
    L.stack[base] = f.proto.upvalNames[i - 1] || '(no name)';
    return 1;
  });
  reg('upvalueid', (L, base, n) => {
    const i = checkCInt(L, base, n, 2);
    const f = checkFunction(L, base, n, 1);
    if (i < 1 || i > upvalueCount(f)) L.stack[base] = undefined;
    else if (f instanceof LuaClosure) {
      const uv = f.upvals[i - 1];
      L.stack[base] = upvalueId(uv, 0, uv);
    } else L.stack[base] = upvalueId(f, i - 1, null);
    return 1;
  });
  reg('upvaluejoin', (L, base, n) => {
    // checkupval (ldblib.c) of both functions, then both must be Lua functions
    const [f1, n1] = checkUpvalue(L, base, n, 1);
    const [f2, n2] = checkUpvalue(L, base, n, 3);
    if (!(f1 instanceof LuaClosure)) argError(L, 1, 'Lua function expected');
    if (!(f2 instanceof LuaClosure)) argError(L, 3, 'Lua function expected');
    f1.upvals[n1 - 1] = f2.upvals[n2 - 1];
    return 0;
  });
  reg('getmetatable', (L, base, n) => {
    const v = checkAny(L, base, n, 1);
    L.stack[base] = getMetatable(L.vm, v) ?? undefined;
    return 1;
  });
  reg('setmetatable', (L, base, n) => {
    const v = L.stack[base];
    const mt = arg(L, base, n, 2);
    if (n < 2 || (mt !== undefined && !(mt instanceof LuaTable))) typeErrorArg(L, base, n, 2, 'nil or table');
    const m = mt === undefined ? null : mt;
    if (v instanceof LuaTable || v instanceof LuaUserdata) v.metatable = m;
    else if (typeof v === 'string') L.vm.stringMeta = m;
    else if (m === null) L.vm.typeMeta.delete(typeName(v));
    else L.vm.typeMeta.set(typeName(v), m);
    return 1; // the value, still in place
  });
  reg('getregistry', (L, base) => {
    L.stack[base] = L.vm.registry;
    return 1;
  });
  reg('getuservalue', (L, base, n) => {
    const i = optCInt(L, base, n, 2, 1);
    const u = arg(L, base, n, 1);
    if (!(u instanceof LuaUserdata) || u.light || i < 1 || i > u.uservalues.length) {
      L.stack[base] = undefined;
      return 1;
    }
    L.stack[base] = u.uservalues[i - 1];
    L.stack[base + 1] = true;
    return 2;
  });
  reg('setuservalue', (L, base, n) => {
    const i = optCInt(L, base, n, 3, 1);
    const u = arg(L, base, n, 1);
    if (!(u instanceof LuaUserdata) || u.light) typeErrorArg(L, base, n, 1, 'userdata');
    const v = checkAny(L, base, n, 2);
    if (i < 1 || i > u.uservalues.length) {
      L.stack[base] = undefined;
      return 1;
    }
    u.uservalues[i - 1] = v;
    L.stack[base] = u;
    return 1;
  });
  // sethook is a generator native so that its call always ends in finishCall, which runs the
  // return hook it may have just set (the reference reports the return from sethook)
  D.setStr('sethook', nativeGen('sethook', function* (L: LuaThread, base: number, n: number): Generator<never, number, LuaValue> {
    const [co, off] = threadArg(L, base, n);
    let fn = arg(L, base, n, off + 1);
    let bits = 0;
    let count = 0;
    let events = '';
    if (fn !== undefined) {
      const mask = checkString(L, base, n, off + 2);
      checkFunction(L, base, n, off + 1);
      count = optCInt(L, base, n, off + 3, 0);
      // makemask: the events c, r, l of the string, and counting when count > 0
      for (const [event, bit] of HOOK_EVENTS) {
        if (mask.includes(event)) {
          bits |= bit;
          events += event;
        }
      }
      if (count > 0) bits |= HOOK_COUNT;
    }
    if (bits === 0) {
      // no function or an empty mask: the hook is off (lua_sethook)
      fn = undefined;
      count = 0;
    }
    // the reference keeps hook functions in registry._HOOKKEY, a table with weak keys
    // (threads) that is its own metatable; the VM reads co.hook
    let hooktable = L.vm.registry.getStr('_HOOKKEY');
    if (!(hooktable instanceof LuaTable)) {
      hooktable = new LuaTable();
      hooktable.setStr('__mode', 'k');
      hooktable.metatable = hooktable;
      L.vm.registry.setStr('_HOOKKEY', hooktable);
    }
    hooktable.set(co, fn);
    co.hook = fn;
    co.hookMask = bits;
    co.hookCount = count; // as given (gethook reports it even when it counts nothing)
    co.hookCounter = count;
    co.hookMaskStr = events; // as gethook reports it (unmakemask)
    if (bits !== 0 && co === L.vm.current) hookTrapOn(L.vm);
    return 0;
  }));
  reg('gethook', (L, base, n) => {
    const [co] = threadArg(L, base, n);
    if (co.hookMaskStr === '' && co.hookCount <= 0) {
      L.stack[base] = undefined;
      return 1;
    }
    // a coroutine created while a hook was set has its mask and count but no function
    L.stack[base] = co.hook;
    L.stack[base + 1] = co.hookMaskStr;
    L.stack[base + 2] = co.hookCount;
    return 3;
  });
  reg('debug', () => 0);
  vm.globals.setStr('debug', D);
  vm.loaded.setStr('debug', D);
}
