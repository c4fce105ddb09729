/**
 * Debug information derived from bytecode: names of the values in registers (for error
 * messages such as "attempt to index a nil value (field 'x')"), names of called functions
 * (for tracebacks and "bad argument" messages), current lines, and tracebacks.
 *
 * Names are found by a symbolic reading of the code: the instruction that last set a
 * register before the failing pc tells where its value came from (a global, a field, an
 * upvalue, a constant, a method); a local variable active at that pc names it directly.
 */
import { OP, getOp, getA, getB, getC, getBx, getAx, getsJ, getK, OFFSET_sC } from './opcodes.js';
import { getLocalName } from './proto.js';
import type { Proto } from './proto.js';
import { LuaClosure, NativeFunction, LuaValue } from './value.js';
import { LuaTable } from './table.js';
import { FRAME_LUA, FRAME_NATIVE, FRAME_GEN, FRAME_PCALL, FRAME_ENTRY, CONT } from './state.js';
import type { LuaThread, Frame } from './state.js';

export interface ObjName {
  kind: string;
  name: string;
}

/** The instruction that last set `reg` before `lastpc`, or -1 (unknown / conditional). */
function findSetReg(p: Proto, lastpc: number, reg: number): number {
  const code = p.code;
  let setreg = -1;
  let jmptarget = 0;
  for (let pc = 0; pc < lastpc; pc++) {
    const i = code[pc];
    const op = getOp(i);
    const a = getA(i);
    let change = false;
    switch (op) {
      case OP.LOADNIL: change = a <= reg && reg <= a + getB(i); break;
      case OP.TFORCALL: change = reg >= a + 2; break;
      case OP.CALL: case OP.TAILCALL: change = reg >= a; break;
      case OP.JMP: {
        const dest = pc + 1 + getsJ(i);
        if (dest <= lastpc && dest > jmptarget) jmptarget = dest;
        break;
      }
      default:
        change = setsA(op) && reg === a;
        if (op === OP.SELF && reg === a + 1) change = true;
    }
    if (change) setreg = pc < jmptarget ? -1 : pc;
  }
  return setreg;
}

/** Opcodes that write register A. */
function setsA(op: number): boolean {
  switch (op) {
    case OP.SETUPVAL: case OP.SETTABUP: case OP.SETTABLE: case OP.SETI: case OP.SETFIELD:
    case OP.CLOSE: case OP.TBC: case OP.JMP: case OP.EQ: case OP.LT: case OP.LE: case OP.EQK:
    case OP.EQI: case OP.LTI: case OP.LEI: case OP.GTI: case OP.GEI: case OP.TEST:
    case OP.RETURN: case OP.RETURN0: case OP.RETURN1: case OP.SETLIST: case OP.VARARGPREP:
    case OP.EXTRAARG: case OP.TFORPREP: case OP.TFORLOOP:
      return false;
    default:
      return true;
  }
}

/** A name as messages print it: a C string, cut at its first zero byte. */
function cstr(s: string): string {
  const z = s.indexOf('\0');
  return z < 0 ? s : s.slice(0, z);
}

function kname(p: Proto, idx: number): string {
  const v = p.k[idx];
  return typeof v === 'string' ? cstr(v) : '?';
}

/** Name of the register holding the key of a GETTABLE (a constant string), else "?". */
function rname(p: Proto, pc: number, reg: number): string {
  const r = getObjName(p, pc, reg);
  return r !== null && r.kind === 'constant' ? r.name : '?';
}

/** "global" when the table is _ENV, else "field". */
function isEnv(p: Proto, pc: number, i: number, isup: boolean): string {
  const t = getB(i);
  let name: string | null;
  if (isup) name = p.upvalNames[t] ?? null;
  else {
    const r = getObjName(p, pc, t);
    name = r !== null && (r.kind === 'local' || r.kind === 'upvalue') ? r.name : null;
  }
  return name === '_ENV' ? 'global' : 'field';
}

/** Where the value in register `reg` at instruction `lastpc` came from. */
export function getObjName(p: Proto, lastpc: number, reg: number): ObjName | null {
  const lname = getLocalName(p, reg + 1, lastpc);
  if (lname !== null) return { kind: 'local', name: lname };
  const pc = findSetReg(p, lastpc, reg);
  if (pc < 0) return null;
  const i = p.code[pc];
  switch (getOp(i)) {
    case OP.MOVE: {
      const b = getB(i);
      if (b < getA(i)) return getObjName(p, pc, b);
      return null;
    }
    case OP.GETTABUP:
      return { kind: isEnv(p, pc, i, true), name: kname(p, getC(i)) };
    case OP.GETTABLE:
      return { kind: isEnv(p, pc, i, false), name: rname(p, pc, getC(i)) };
    case OP.GETI:
      return { kind: 'field', name: 'integer index' };
    case OP.GETFIELD:
      return { kind: isEnv(p, pc, i, false), name: kname(p, getC(i)) };
    case OP.GETUPVAL:
      return { kind: 'upvalue', name: p.upvalNames[getB(i)] ?? '?' };
    case OP.LOADK: {
      const v = p.k[getBx(i)];
      return typeof v === 'string' ? { kind: 'constant', name: cstr(v) } : null;
    }
    case OP.LOADKX: {
      const v = p.k[getAx(p.code[pc + 1])];
      return typeof v === 'string' ? { kind: 'constant', name: cstr(v) } : null;
    }
    case OP.SELF: {
      const c = getC(i);
      const name = getK(i) ? kname(p, c) : rname(p, pc, c);
      return { kind: 'method', name };
    }
    default:
      return null;
  }
}

/** " (kind 'name')" for the value in register reg of the current instruction, or "". */
export function varInfoReg(p: Proto, pc: number, reg: number): string {
  const r = getObjName(p, pc, reg);
  return r === null ? '' : ` (${r.kind} '${r.name}')`;
}

export function varInfoUpval(p: Proto, idx: number): string {
  return ` (upvalue '${p.upvalNames[idx] ?? '?'}')`;
}

/** Name of the function called by the instruction at `pc` of `p` (the caller). */
export function funcNameFromCode(p: Proto, pc: number): ObjName | null {
  const i = p.code[pc];
  switch (getOp(i)) {
    case OP.CALL: case OP.TAILCALL:
      return getObjName(p, pc, getA(i));
    case OP.TFORCALL:
      return { kind: 'for iterator', name: 'for iterator' };
    case OP.SELF: case OP.GETTABUP: case OP.GETTABLE: case OP.GETI: case OP.GETFIELD:
      return { kind: 'metamethod', name: 'index' };
    case OP.SETTABUP: case OP.SETTABLE: case OP.SETI: case OP.SETFIELD:
      return { kind: 'metamethod', name: 'newindex' };
    case OP.ADDI: case OP.ADDK: case OP.ADD: return { kind: 'metamethod', name: 'add' };
    case OP.SUBK: case OP.SUB: return { kind: 'metamethod', name: 'sub' };
    case OP.MULK: case OP.MUL: return { kind: 'metamethod', name: 'mul' };
    case OP.MODK: case OP.MOD: return { kind: 'metamethod', name: 'mod' };
    case OP.POWK: case OP.POW: return { kind: 'metamethod', name: 'pow' };
    case OP.DIVK: case OP.DIV: return { kind: 'metamethod', name: 'div' };
    case OP.IDIVK: case OP.IDIV: return { kind: 'metamethod', name: 'idiv' };
    case OP.BANDK: case OP.BAND: return { kind: 'metamethod', name: 'band' };
    case OP.BORK: case OP.BOR: return { kind: 'metamethod', name: 'bor' };
    case OP.BXORK: case OP.BXOR: return { kind: 'metamethod', name: 'bxor' };
    case OP.SHLI: case OP.SHL: return { kind: 'metamethod', name: 'shl' };
    // SHRI with a negative immediate is x << -sC
    case OP.SHRI: return { kind: 'metamethod', name: getC(i) - OFFSET_sC < 0 ? 'shl' : 'shr' };
    case OP.SHR: return { kind: 'metamethod', name: 'shr' };
    case OP.UNM: return { kind: 'metamethod', name: 'unm' };
    case OP.BNOT: return { kind: 'metamethod', name: 'bnot' };
    case OP.LEN: return { kind: 'metamethod', name: 'len' };
    case OP.CONCAT: return { kind: 'metamethod', name: 'concat' };
    case OP.EQ: return { kind: 'metamethod', name: 'eq' };
    case OP.LT: case OP.LTI: case OP.GTI: return { kind: 'metamethod', name: 'lt' };
    case OP.LE: case OP.LEI: case OP.GEI: return { kind: 'metamethod', name: 'le' };
    case OP.CLOSE: case OP.RETURN: return { kind: 'metamethod', name: 'close' };
    default:
      return null;
  }
}

/** Current line of a Lua frame (-1 for others). */
export function frameLine(f: Frame): number {
  if (f.kind !== FRAME_LUA || f.closure === null) return -1;
  const p = f.closure.proto;
  const pc = f.pc - 1;
  return pc >= 0 && pc < p.lineinfo.length ? p.lineinfo[pc] : (p.lineinfo[0] ?? p.linedefined);
}

/**
 * Name of the function running in frame `ci` of L, as known by its caller: from the
 * calling instruction when the caller is a Lua frame, else null.
 */
export function frameFuncName(L: LuaThread, ci: number): ObjName | null {
  const f = L.frames[ci];
  if (f.tailcall) return null;
  if (f.cont === CONT.GEN && ci > 0) {
    // a finalizer, called by the natives that run them (stdlib/base.ts: collectgarbage and
    // the automatic collections' runner), is a metamethod as in the reference (CIST_FIN)
    const g = L.frames[ci - 1].native;
    if (g !== null && (g.name === '(finalizers)' || g.name === 'collectgarbage')) {
      return { kind: 'metamethod', name: '__gc' };
    }
  }
  if (f.cont === CONT.GEN || f.cont === CONT.PCALL || f.cont === CONT.COEND || f.cont === CONT.UNWIND
      || f.cont === CONT.HANDLER || ci <= 0) {
    if (f.cont === CONT.HANDLER) return null;
    return null;
  }
  const caller = L.frames[ci - 1];
  // the function a debug hook called (lua_Debug of a CIST_HOOKED caller)
  if (caller.hookCall === 1) return { kind: 'hook', name: '?' };
  if (caller.kind !== FRAME_LUA || caller.closure === null) return null;
  if (f.cont === CONT.RETCLOSE || f.cont === CONT.REEXEC) return { kind: 'metamethod', name: 'close' };
  return funcNameFromCode(caller.closure.proto, caller.pc - 1);
}

/** Short source of a chunk name, as messages show it (set by the loader). */
export let chunkIdFn: (source: string) => string = (s) => s;
export function setChunkIdFn(fn: (source: string) => string): void {
  chunkIdFn = fn;
}

/** "chunk:line:" prefix for the Lua frame at `ci`, or "" when it is not a Lua frame. */
export function where(L: LuaThread, ci: number): string {
  if (ci < 0) return '';
  const f = L.frames[ci];
  if (f.kind === FRAME_LUA && f.closure !== null) {
    return `${chunkIdFn(f.closure.proto.source)}:${frameLine(f)}: `;
  }
  return '';
}

/**
 * luaL_where: like where(), but a function without line information (a stripped binary
 * chunk) gives '' instead of "?:-1: " (only runtime errors of the VM keep that form).
 */
export function whereL(L: LuaThread, ci: number): string {
  if (ci < 0) return '';
  const f = L.frames[ci];
  if (f.kind === FRAME_LUA && f.closure !== null) {
    const line = frameLine(f);
    if (line > 0) return `${chunkIdFn(f.closure.proto.source)}:${line}: `;
  }
  return '';
}

/** Name of a global function (searching package.loaded), as 5.4 tracebacks use it. */
export function globalFuncName(L: LuaThread, fn: LuaValue): string | null {
  const loaded = L.vm.loaded;
  const out: LuaValue[] = [undefined, undefined];
  let p = loaded.nextFrom(0, out);
  while (p !== 0) {
    const modname = out[0];
    const mod = out[1];
    if (typeof modname === 'string' && mod instanceof LuaTable) {
      const o2: LuaValue[] = [undefined, undefined];
      let q = mod.nextFrom(0, o2);
      while (q !== 0) {
        if (o2[1] === fn && typeof o2[0] === 'string') {
          return modname === '_G' ? o2[0] : `${modname}.${o2[0]}`;
        }
        q = mod.nextFrom(q, o2);
      }
    }
    p = loaded.nextFrom(p, out);
  }
  return null;
}

function describeFrame(L: LuaThread, ci: number): string {
  const f = L.frames[ci];
  const fn = f.kind === FRAME_LUA ? f.closure : f.native;
  const g = fn !== null ? globalFuncName(L, fn) : null;
  if (g !== null) return `function '${g}'`;
  const n = frameFuncName(L, ci);
  if (n !== null) return `${n.kind} '${n.name}'`;
  if (f.kind === FRAME_LUA && f.closure !== null) {
    const p = f.closure.proto;
    if (p.linedefined === 0) return 'main chunk';
    return `function <${chunkIdFn(p.source)}:${p.linedefined}>`;
  }
  return '?';
}

/** Is frame ci a function frame that appears in tracebacks (not an internal marker)? */
function isVisible(f: Frame): boolean {
  return f.kind === FRAME_LUA || f.kind === FRAME_NATIVE || f.kind === FRAME_GEN;
}

/**
 * A traceback of L starting at frame `level` (0 = the current frame), in the reference
 * format: "stack traceback:\n\t[C]: in function 'error'\n\tfile:3: in main chunk...".
 */
export function traceback(L: LuaThread, msg: string | null, level: number, fromCi?: number): string {
  const lines: string[] = [];
  const visible: number[] = [];
  const top = fromCi === undefined ? L.ci : fromCi;
  for (let ci = top; ci >= 0; ci--) {
    const f = L.frames[ci];
    if (isVisible(f)) visible.push(ci);
    else if (f.kind === FRAME_PCALL && f.native !== null) visible.push(ci);
    else if (f.kind === FRAME_ENTRY && ci > 0 && f.hookCall === 0) visible.push(-1);
  }
  const levels = visible.slice(level);
  let out = msg !== null ? msg + '\n' : '';
  out += 'stack traceback:';
  const LEVELS1 = 10;
  const LEVELS2 = 11;
  const n = levels.length;
  for (let li = 0; li < n; li++) {
    if (n > LEVELS1 + LEVELS2 && li === LEVELS1) {
      const skip = n - LEVELS1 - LEVELS2;
      lines.push(`\n\t...\t(skipping ${skip} levels)`);
      li += skip - 1;
      continue;
    }
    const ci = levels[li];
    if (ci < 0) {
      lines.push('\n\t[C]: in ?');
      continue;
    }
    const f = L.frames[ci];
    if (f.kind === FRAME_LUA && f.closure !== null) {
      const src = chunkIdFn(f.closure.proto.source);
      const line = frameLine(f);
      lines.push(`\n\t${src}:${line > 0 ? line + ':' : ''} in ${describeFrame(L, ci)}`);
    } else {
      lines.push(`\n\t[C]: in ${describeFrame(L, ci)}`);
    }
    if (f.tailcall) lines.push('\n\t(...tail calls...)');
  }
  return out + lines.join('');
}

export { FRAME_LUA, FRAME_NATIVE, FRAME_GEN, FRAME_PCALL, FRAME_ENTRY, LuaClosure, NativeFunction };

// ---------------------------------------------------------------------------------------
// introspection for the debug library

/** Frame index of stack level `level` of L (0 = the running function), or -1. */
export function levelToCi(L: LuaThread, level: number): number {
  if (level < 0) return -1;
  for (let ci = L.ci; ci >= 0; ci--) {
    const f = L.frames[ci];
    const counts = f.kind === FRAME_LUA || f.kind === FRAME_NATIVE || f.kind === FRAME_GEN
      || f.kind === FRAME_PCALL || (f.kind === FRAME_ENTRY && ci > 0 && f.hookCall === 0);
    if (!counts) continue;
    if (level === 0) return ci;
    level--;
  }
  return -1;
}

/** The function running at frame ci (undefined for host entry frames). */
export function frameFunction(L: LuaThread, ci: number): LuaValue {
  const f = L.frames[ci];
  if (f.kind === FRAME_LUA) return f.closure;
  if (f.kind === FRAME_ENTRY) return undefined;
  return f.native;
}

/** Name of local n (1-based; negative: varargs) of the Lua frame at ci and its stack index. */
export function findLocal(L: LuaThread, ci: number, n: number): { name: string; idx: number } | null {
  const f = L.frames[ci];
  if (f.kind === FRAME_LUA && f.closure !== null) {
    const p = f.closure.proto;
    if (n < 0) {
      if (!p.isVararg || -n > f.nextra) return null;
      return { name: '(vararg)', idx: f.func + p.numparams - n };
    }
    const name = getLocalName(p, n, f.pc - 1 < 0 ? 0 : f.pc - 1);
    if (name !== null) return { name, idx: f.base + n - 1 };
    // temporaries in the live part of the frame
    const limit = ci === L.ci ? f.base + p.maxstack : L.frames[ci + 1].func;
    if (n > 0 && f.base + n - 1 < limit) return { name: '(temporary)', idx: f.base + n - 1 };
    return null;
  }
  if (n > 0) {
    const limit = ci === L.ci ? f.top : L.frames[ci + 1].func;
    if (f.base + n - 1 < limit) return { name: '(C temporary)', idx: f.base + n - 1 };
  }
  return null;
}

/** Lines with code of a Lua function (debug.getinfo 'L'). */
export function activeLines(p: Proto): number[] {
  const seen = new Set<number>();
  const out: number[] = [];
  const start = p.isVararg ? 1 : 0;
  for (let pc = start; pc < p.lineinfo.length; pc++) {
    const l = p.lineinfo[pc];
    if (l < 0) continue; // stripped: no line information
    if (!seen.has(l)) {
      seen.add(l);
      out.push(l);
    }
  }
  return out;
}
