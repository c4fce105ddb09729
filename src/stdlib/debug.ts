/**
 * The debug library (manual §6.10).
 */
import { nativeFn, nativeGen, LuaClosure, LuaFloat, NativeFunction, LuaUserdata } from '../vm/value.js';
import type { LuaValue } from '../vm/value.js';
import { LuaTable } from '../vm/table.js';
import { LuaThread, FRAME_LUA, HOOK_CALL, HOOK_RET, HOOK_LINE, HOOK_COUNT } from '../vm/state.js';
import { hookTrapOn } from '../vm/interp.js';
import type { LuaVM } from '../vm/state.js';
import {
  traceback, levelToCi, frameFunction, frameLine, frameFuncName, chunkIdFn, findLocal, activeLines,
  globalFuncName,
} from '../vm/debuginfo.js';
import {
  arg, argError, checkInteger, checkIntNum, checkString, checkTable, typeErrorArg, optString, checkAny, nativeError, cString,
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

function isFunction(v: LuaValue): boolean {
  return v instanceof LuaClosure || v instanceof NativeFunction;
}

function fillInfo(L: LuaThread, co: LuaThread, t: LuaTable, fn: LuaValue, ci: number, what: string, whatArg: number): void {
  const isLua = fn instanceof LuaClosure;
  for (const c of what) {
    switch (c) {
      case 'S': {
        if (isLua) {
          const p = (fn as LuaClosure).proto;
          t.setStr('source', p.source);
          t.setStr('short_src', chunkIdFn(p.source));
          t.setStr('linedefined', p.linedefined);
          t.setStr('lastlinedefined', p.lastlinedefined);
          t.setStr('what', p.linedefined === 0 ? 'main' : 'Lua');
        } else {
          t.setStr('source', '=[C]');
          t.setStr('short_src', '[C]');
          t.setStr('linedefined', -1);
          t.setStr('lastlinedefined', -1);
          t.setStr('what', 'C');
        }
        break;
      }
      case 'l':
        t.setStr('currentline', ci >= 0 && isLua ? frameLine(co.frames[ci]) : -1);
        break;
      case 'u':
        if (isLua) {
          const p = (fn as LuaClosure).proto;
          t.setStr('nups', p.upvalNames.length);
          t.setStr('nparams', p.numparams);
          t.setStr('isvararg', p.isVararg);
        } else {
          // a host function's upvalues: its data array (as debug.getupvalue shows them); the
          // host's own entry frame has no function value
          const d = fn instanceof NativeFunction ? fn.data : undefined;
          t.setStr('nups', Array.isArray(d) ? d.length : 0);
          t.setStr('nparams', 0);
          t.setStr('isvararg', true);
        }
        break;
      case 'n': {
        let name: { kind: string; name: string } | null = null;
        if (ci >= 0) {
          name = frameFuncName(co, ci);
          if (name === null && !isLua && fn !== undefined) {
            const g = globalFuncName(co, fn);
            if (g !== null && co.frames[ci].tailcall === false) name = null;
          }
        }
        t.setStr('name', name !== null ? name.name : undefined);
        t.setStr('namewhat', name !== null ? name.kind : '');
        break;
      }
      case 't':
        t.setStr('istailcall', ci >= 0 ? co.frames[ci].tailcall : false);
        break;
      case 'r': {
        // set while a call or return hook of that frame runs
        const f = ci >= 0 ? co.frames[ci] : null;
        t.setStr('ftransfer', f !== null ? f.ftransfer : 0);
        t.setStr('ntransfer', f !== null ? f.ntransfer : 0);
        break;
      }
      case 'L':
        if (isLua) {
          const lines = new LuaTable();
          for (const l of activeLines((fn as LuaClosure).proto)) lines.set(l, true);
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
}

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
    const s = L.stack;
    const msg = arg(L, base, n, off + 1);
    // lua_tostring: strings and numbers are messages; any other value is returned untouched
    if (msg !== undefined && typeof msg !== 'string' && !isNumber(msg)) {
      s[base] = msg;
      return 1;
    }
    const level = optCInt(L, base, n, off + 2, co === L ? 1 : 0);
    // luaL_traceback takes the message as a C string
    const m = msg === undefined ? null : cString(checkString(L, base, n, off + 1));
    s[base] = tracebackFrom(co, m, level);
    return 1;
  });
  reg('getinfo', (L, base, n) => {
    const [co, off] = threadArg(L, base, n);
    const s = L.stack;
    const what = optString(L, base, n, off + 2, 'flnSrtu');
    if (what.charCodeAt(0) === 62) argError(L, off + 2, "invalid option '>'"); // '>'
    const fv = arg(L, base, n, off + 1);
    const t = new LuaTable();
    if (fv instanceof LuaClosure || fv instanceof NativeFunction) {
      fillInfo(L, co, t, fv, -1, what, off + 2);
    } else {
      const level = checkCInt(L, base, n, off + 1);
      const ci = levelToCi(co, level);
      if (ci < 0) {
        s[base] = undefined;
        return 1;
      }
      fillInfo(L, co, t, frameFunction(co, ci), ci, what, off + 2);
    }
    s[base] = t;
    return 1;
  });
  reg('getlocal', (L, base, n) => {
    const [co, off] = threadArg(L, base, n);
    const s = L.stack;
    const idx = checkCInt(L, base, n, off + 2);
    const fv = arg(L, base, n, off + 1);
    if (fv instanceof LuaClosure || fv instanceof NativeFunction) {
      if (fv instanceof LuaClosure && idx > 0 && idx <= fv.proto.numparams) {
        const lv = fv.proto.locvars[idx - 1];
        s[base] = lv !== undefined ? lv.name : undefined;
      } else {
        s[base] = undefined;
      }
      return 1;
    }
    const level = checkCInt(L, base, n, off + 1);
    const ci = levelToCi(co, level);
    if (ci < 0) argError(L, off + 1, 'level out of range');
    const r = findLocal(co, ci, idx);
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
    const s = L.stack;
    const level = checkCInt(L, base, n, off + 1);
    const idx = checkCInt(L, base, n, off + 2);
    const ci = levelToCi(co, level);
    if (ci < 0) argError(L, off + 1, 'level out of range');
    const v = checkAny(L, base, n, off + 3);
    const r = findLocal(co, ci, idx);
    if (r === null) {
      s[base] = undefined;
      return 1;
    }
    co.stack[r.idx] = v;
    s[base] = r.name;
    return 1;
  });
  reg('getupvalue', (L, base, n) => {
    const i = checkCInt(L, base, n, 2);
    const f = L.stack[base];
    if (f instanceof LuaClosure) {
      if (i >= 1 && i <= f.upvals.length) {
        const uv = f.upvals[i - 1];
        L.stack[base] = f.proto.upvalNames[i - 1] || '(no name)';
        L.stack[base + 1] = uv.arr[uv.idx];
        return 2;
      }
      return 0;
    }
    if (!(f instanceof NativeFunction)) typeErrorArg(L, base, n, 1, 'function');
    // a native's upvalues (data as an array) have empty names, as C upvalues do
    if (Array.isArray(f.data) && i >= 1 && i <= f.data.length) {
      L.stack[base] = '';
      L.stack[base + 1] = f.data[i - 1];
      return 2;
    }
    return 0;
  });
  reg('setupvalue', (L, base, n) => {
    const v = checkAny(L, base, n, 3);
    const i = checkCInt(L, base, n, 2);
    const f = L.stack[base];
    if (f instanceof LuaClosure) {
      if (i >= 1 && i <= f.upvals.length) {
        const uv = f.upvals[i - 1];
        uv.arr[uv.idx] = v;
        L.stack[base] = f.proto.upvalNames[i - 1] || '(no name)';
        return 1;
      }
      return 0;
    }
    if (!(f instanceof NativeFunction)) typeErrorArg(L, base, n, 1, 'function');
    return 0;
  });
  reg('upvalueid', (L, base, n) => {
    const i = checkCInt(L, base, n, 2);
    const f = L.stack[base];
    if (!(f instanceof LuaClosure) && !(f instanceof NativeFunction)) typeErrorArg(L, base, n, 1, 'function');
    if (f instanceof NativeFunction && Array.isArray(f.data) && i >= 1 && i <= f.data.length) {
      let ids = nativeUpvalIds.get(f);
      if (ids === undefined) {
        ids = [];
        nativeUpvalIds.set(f, ids);
      }
      if (ids[i - 1] === undefined) ids[i - 1] = new LuaUserdata(null, null, true);
      L.stack[base] = ids[i - 1];
      return 1;
    }
    if (!(f instanceof LuaClosure) || i < 1 || i > f.upvals.length) {
      L.stack[base] = undefined;
      return 1;
    }
    const uv = f.upvals[i - 1];
    let ud = upvalIds.get(uv);
    if (ud === undefined) {
      ud = new LuaUserdata(uv, null, true);
      upvalIds.set(uv, ud);
    }
    L.stack[base] = ud;
    return 1;
  });
  reg('upvaluejoin', (L, base, n) => {
    // checkupval (ldblib.c): index, then function, then a valid upvalue; Lua functions last
    const s = L.stack;
    const n1 = checkCInt(L, base, n, 2);
    const f1 = s[base];
    if (!isFunction(f1)) typeErrorArg(L, base, n, 1, 'function');
    if (upvalueCount(f1) < n1 || n1 < 1) argError(L, 2, 'invalid upvalue index');
    const n2 = checkCInt(L, base, n, 4);
    const f2 = arg(L, base, n, 3);
    if (!isFunction(f2)) typeErrorArg(L, base, n, 3, 'function');
    if (upvalueCount(f2) < n2 || n2 < 1) argError(L, 4, 'invalid upvalue index');
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
    const s = L.stack;
    const v = s[base];
    const mt = arg(L, base, n, 2);
    if (n < 2 || (mt !== undefined && !(mt instanceof LuaTable))) typeErrorArg(L, base, n, 2, 'nil or table');
    const m = mt === undefined ? null : mt as LuaTable;
    if (v instanceof LuaTable || v instanceof LuaUserdata) v.metatable = m;
    else {
      const tn = v === undefined ? 'nil' : typeof v === 'string' ? 'string' : null;
      if (tn === 'string') L.vm.stringMeta = m;
      else {
        const key = typeNameOf(v);
        if (m === null) L.vm.typeMeta.delete(key);
        else L.vm.typeMeta.set(key, m);
      }
    }
    s[base] = v;
    return 1;
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
    const s = L.stack;
    const fn = s[base + off];
    let bits = 0;
    let count = 0;
    if (n > off && fn !== undefined) {
      const mask = checkString(L, base, n, off + 2);
      if (!isFunction(fn)) typeErrorArg(L, base, n, off + 1, 'function');
      count = optCInt(L, base, n, off + 3, 0);
      // makemask: the events c, r, l of the string, and counting when count > 0
      bits = (mask.includes('c') ? HOOK_CALL : 0) | (mask.includes('r') ? HOOK_RET : 0)
        | (mask.includes('l') ? HOOK_LINE : 0) | (count > 0 ? HOOK_COUNT : 0);
    }
    // the reference keeps hook functions in registry._HOOKKEY, a table with weak keys
    // (threads) that is its own metatable; the VM reads co.hook
    let hooktable = L.vm.registry.getStr('_HOOKKEY');
    if (!(hooktable instanceof LuaTable)) {
      const t = new LuaTable();
      t.setStr('__mode', 'k');
      t.metatable = t;
      L.vm.registry.setStr('_HOOKKEY', t);
      hooktable = t;
    }
    (hooktable as LuaTable).set(co, bits === 0 ? undefined : fn);
    if (bits === 0) {
      // no function or an empty mask: the hook is off (lua_sethook)
      co.hook = undefined;
      co.hookMask = 0;
      co.hookCount = 0;
      co.hookMaskStr = '';
      return 0;
    }
    co.hook = fn;
    co.hookMask = bits;
    co.hookCount = count; // as given (gethook reports it even when it counts nothing)
    co.hookCounter = count;
    // as gethook reports it (unmakemask): the events in the order c, r, l
    co.hookMaskStr = (bits & HOOK_CALL ? 'c' : '') + (bits & HOOK_RET ? 'r' : '') + (bits & HOOK_LINE ? 'l' : '');
    if (co === L.vm.current) hookTrapOn(L.vm);
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
  void checkTable; void nativeError; void FRAME_LUA;
}

const upvalIds = new WeakMap<object, LuaUserdata>();

function isNumber(v: LuaValue): boolean {
  return typeof v === 'number' || typeof v === 'bigint' || v instanceof LuaFloat;
}

/** Upvalues lua_upvalueid can name: a closure's, or a native's data array (C upvalues). */
function upvalueCount(f: LuaValue): number {
  if (f instanceof LuaClosure) return f.upvals.length;
  if (f instanceof NativeFunction && Array.isArray(f.data)) return f.data.length;
  return 0;
}
const nativeUpvalIds = new WeakMap<object, LuaUserdata[]>();

function typeNameOf(v: LuaValue): string {
  switch (typeof v) {
    case 'boolean': return 'boolean';
    case 'number': case 'bigint': return 'number';
    case 'undefined': return 'nil';
    default:
      if (v instanceof LuaClosure || v instanceof NativeFunction) return 'function';
      if (v instanceof LuaThread) return 'thread';
      return 'number';
  }
}

/** Traceback of thread co, skipping `level` levels. */
function tracebackFrom(co: LuaThread, msg: string | null, level: number): string {
  // lua_getstack finds no frame at a negative level
  if (level < 0) return (msg !== null ? msg + '\n' : '') + 'stack traceback:';
  return traceback(co, msg, level);
}
