/**
 * The debug library (manual §6.10).
 */
import { nativeFn, LuaClosure, NativeFunction, LuaUserdata } from '../vm/value.js';
import type { LuaValue } from '../vm/value.js';
import { LuaTable } from '../vm/table.js';
import { LuaThread, FRAME_LUA } from '../vm/state.js';
import type { LuaVM } from '../vm/state.js';
import {
  traceback, levelToCi, frameFunction, frameLine, frameFuncName, chunkIdFn, findLocal, activeLines,
  globalFuncName,
} from '../vm/debuginfo.js';
import { argError, checkIntNum, checkTable, typeErrorArg, optString, checkAny, nativeError } from '../vm/auxlib.js';
import { getMetatable } from '../vm/meta.js';

/** Optional leading thread argument: returns [thread, offset]. */
function threadArg(L: LuaThread, base: number, n: number): [LuaThread, number] {
  const v = L.stack[base];
  if (n >= 1 && v instanceof LuaThread) return [v, 1];
  return [L, 0];
}

function fillInfo(L: LuaThread, co: LuaThread, t: LuaTable, fn: LuaValue, ci: number, what: string): void {
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
          t.setStr('nups', 0);
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
      case 'r':
        t.setStr('ftransfer', 0);
        t.setStr('ntransfer', 0);
        break;
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
      case '>':
        break;
      default:
        argError(L, 2, 'invalid option');
    }
  }
}

export function openDebug(vm: LuaVM): void {
  const D = new LuaTable();
  const reg = (name: string, fn: (L: LuaThread, base: number, n: number) => number): void => {
    D.setStr(name, nativeFn(name, fn));
  };
  reg('traceback', (L, base, n) => {
    const [co, off] = threadArg(L, base, n);
    const s = L.stack;
    const msg = s[base + off];
    if (n > off && msg !== undefined && typeof msg !== 'string' && typeof msg !== 'number') {
      s[base] = msg;
      return 1;
    }
    const level = n > off + 1 && s[base + off + 1] !== undefined ? checkIntNum(L, base, n, off + 2) : (co === L ? 1 : 0);
    const m = msg === undefined ? null : typeof msg === 'string' ? msg : String(msg);
    s[base] = tracebackFrom(co, m, level);
    return 1;
  });
  reg('getinfo', (L, base, n) => {
    const [co, off] = threadArg(L, base, n);
    const s = L.stack;
    const what = optString(L, base, n, off + 2, 'flnSrtu');
    const fv = s[base + off];
    const t = new LuaTable();
    if (fv instanceof LuaClosure || fv instanceof NativeFunction) {
      if (what.includes('>')) argError(L, off + 2, "invalid option '>'");
      fillInfo(L, co, t, fv, -1, what);
    } else {
      if (typeof fv !== 'number' && typeof fv !== 'bigint' && !(typeof fv === 'object' && fv !== null && 'n' in fv)) {
        typeErrorArg(L, base, n, off + 1, 'function or level');
      }
      const level = checkIntNum(L, base, n, off + 1);
      const ci = levelToCi(co, level);
      if (ci < 0) {
        s[base] = undefined;
        return 1;
      }
      fillInfo(L, co, t, frameFunction(co, ci), ci, what);
    }
    s[base] = t;
    return 1;
  });
  reg('getlocal', (L, base, n) => {
    const [co, off] = threadArg(L, base, n);
    const s = L.stack;
    const fv = s[base + off];
    const idx = checkIntNum(L, base, n, off + 2);
    if (fv instanceof LuaClosure || fv instanceof NativeFunction) {
      if (fv instanceof LuaClosure && idx > 0 && idx <= fv.proto.numparams) {
        const lv = fv.proto.locvars[idx - 1];
        s[base] = lv !== undefined ? lv.name : undefined;
      } else {
        s[base] = undefined;
      }
      return 1;
    }
    const level = checkIntNum(L, base, n, off + 1);
    const ci = levelToCi(co, level);
    if (ci < 0) argError(L, off + 1, 'level out of range');
    const r = findLocal(co, ci, idx);
    if (r === null) {
      s[base] = undefined;
      return 1;
    }
    s[base] = r.name;
    s[base + 1] = co.stack[r.idx];
    return 2;
  });
  reg('setlocal', (L, base, n) => {
    const [co, off] = threadArg(L, base, n);
    const s = L.stack;
    const level = checkIntNum(L, base, n, off + 1);
    const idx = checkIntNum(L, base, n, off + 2);
    const v = checkAny(L, base, n, off + 3);
    const ci = levelToCi(co, level);
    if (ci < 0) argError(L, off + 1, 'level out of range');
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
    const f = L.stack[base];
    const i = checkIntNum(L, base, n, 2);
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
    return 0;
  });
  reg('setupvalue', (L, base, n) => {
    const f = L.stack[base];
    const i = checkIntNum(L, base, n, 2);
    const v = checkAny(L, base, n, 3);
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
    const f = L.stack[base];
    const i = checkIntNum(L, base, n, 2);
    if (!(f instanceof LuaClosure) && !(f instanceof NativeFunction)) typeErrorArg(L, base, n, 1, 'function');
    if (!(f instanceof LuaClosure) || i < 1 || i > f.upvals.length) {
      L.stack[base] = undefined;
      return 1;
    }
    const uv = f.upvals[i - 1];
    let ud = upvalIds.get(uv);
    if (ud === undefined) {
      ud = new LuaUserdata(uv, null);
      upvalIds.set(uv, ud);
    }
    L.stack[base] = ud;
    return 1;
  });
  reg('upvaluejoin', (L, base, n) => {
    const s = L.stack;
    const f1 = s[base];
    const n1 = checkIntNum(L, base, n, 2);
    const f2 = s[base + 2];
    const n2 = checkIntNum(L, base, n, 4);
    if (!(f1 instanceof LuaClosure)) argError(L, 1, 'Lua function expected');
    if (!(f2 instanceof LuaClosure)) argError(L, 3, 'Lua function expected');
    if (n1 < 1 || n1 > f1.upvals.length) argError(L, 2, 'invalid upvalue index');
    if (n2 < 1 || n2 > f2.upvals.length) argError(L, 4, 'invalid upvalue index');
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
    const mt = s[base + 1];
    if (mt !== undefined && !(mt instanceof LuaTable)) typeErrorArg(L, base, n, 2, 'nil or table');
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
    const u = L.stack[base];
    const i = n >= 2 ? checkIntNum(L, base, n, 2) : 1;
    if (!(u instanceof LuaUserdata) || i < 1 || i > u.uservalues.length) {
      L.stack[base] = undefined;
      L.stack[base + 1] = false;
      return 2;
    }
    L.stack[base] = u.uservalues[i - 1];
    L.stack[base + 1] = true;
    return 2;
  });
  reg('setuservalue', (L, base, n) => {
    const u = L.stack[base];
    if (!(u instanceof LuaUserdata)) typeErrorArg(L, base, n, 1, 'userdata');
    const v = checkAny(L, base, n, 2);
    const i = n >= 3 ? checkIntNum(L, base, n, 3) : 1;
    if (i < 1 || i > u.uservalues.length) {
      L.stack[base] = undefined;
      return 1;
    }
    u.uservalues[i - 1] = v;
    L.stack[base] = u;
    return 1;
  });
  reg('sethook', (L, base, n) => {
    const [co, off] = threadArg(L, base, n);
    const s = L.stack;
    const fn = s[base + off];
    if (n <= off || fn === undefined) {
      co.hook = undefined;
      co.hookMask = 0;
      co.hookCount = 0;
      return 0;
    }
    const mask = optString(L, base, n, off + 2, '');
    const count = n > off + 2 ? checkIntNum(L, base, n, off + 3) : 0;
    co.hook = fn;
    co.hookMask = (mask.includes('c') ? 1 : 0) | (mask.includes('r') ? 2 : 0) | (mask.includes('l') ? 4 : 0) | (count > 0 ? 8 : 0);
    co.hookCount = count;
    co.hookMaskStr = mask;
    return 0;
  });
  reg('gethook', (L, base, n) => {
    const [co] = threadArg(L, base, n);
    if (co.hook === undefined) {
      L.stack[base] = undefined;
      return 1;
    }
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
  return traceback(co, msg, level);
}
