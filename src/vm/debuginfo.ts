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
import type { LuaValue } from './value.js';
import { LuaTable } from './table.js';
import { FRAME_LUA, FRAME_ENTRY, CONT } from './state.js';
import type { LuaThread, Frame } from './state.js';
import { cString } from './auxlib.js';
import { AR_EVENTS } from './arith.js';

export interface ObjName {
  kind: string;
  name: string;
}

/**
 * Does op write register A? Every opcode does but the stores (SETUPVAL, SETTABUP .. SETFIELD,
 * SETLIST), CLOSE .. TEST (CLOSE, TBC, JMP, the comparisons, TEST), the returns (RETURN ..
 * RETURN1), TFORPREP, TFORLOOP, VARARGPREP and EXTRAARG. (findSetReg itself sees to the
 * opcodes that write other registers: LOADNIL, CALL, TAILCALL, TFORCALL, SELF.)
 */
function setsA(op: number): boolean {
  return !(op === OP.SETUPVAL || (op >= OP.SETTABUP && op <= OP.SETFIELD) || op === OP.SETLIST
    || (op >= OP.CLOSE && op <= OP.TEST) || (op >= OP.RETURN && op <= OP.RETURN1)
    || op === OP.TFORPREP || op === OP.TFORLOOP || op === OP.VARARGPREP || op === OP.EXTRAARG);
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
    let change: boolean;
    switch (op) {
      case OP.LOADNIL: change = a <= reg && reg <= a + getB(i); break;
      case OP.TFORCALL: change = reg >= a + 2; break;
      case OP.CALL: case OP.TAILCALL: change = reg >= a; break;
      case OP.JMP: {
        const dest = pc + 1 + getsJ(i);
        if (dest <= lastpc && dest > jmptarget) jmptarget = dest;
        change = false;
        break;
      }
      // SELF also writes A + 1
      default: change = (reg === a && setsA(op)) || (op === OP.SELF && reg === a + 1);
    }
    if (change) setreg = pc < jmptarget ? -1 : pc;
  }
  return setreg;
}

/**
 * Name of a key: constant c (when `isConstant`) or the value of register c at pc, when it is a
 * constant string; else "?".
 */
function keyName(p: Proto, pc: number, c: number, isConstant: boolean): string {
  if (isConstant) {
    const v = p.k[c];
    return typeof v === 'string' ? cString(v) : '?';
  }
  const r = getObjName(p, pc, c);
  return r !== null && r.kind === 'constant' ? r.name : '?';
}

/** "global" when the table of instruction i (upvalue or register B) is _ENV, else "field". */
function isEnv(p: Proto, pc: number, i: number, isup: boolean): string {
  const t = getB(i);
  let name: string | undefined;
  if (isup) name = p.upvalNames[t];
  else {
    const r = getObjName(p, pc, t);
    if (r !== null && (r.kind === 'local' || r.kind === 'upvalue')) name = r.name;
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
  const op = getOp(i);
  switch (op) {
    case OP.MOVE: {
      const b = getB(i);
      return b < getA(i) ? getObjName(p, pc, b) : null;
    }
    case OP.GETTABUP: case OP.GETTABLE: case OP.GETFIELD:
      return { kind: isEnv(p, pc, i, op === OP.GETTABUP), name: keyName(p, pc, getC(i), op !== OP.GETTABLE) };
    case OP.GETI:
      return { kind: 'field', name: 'integer index' };
    case OP.GETUPVAL:
      return { kind: 'upvalue', name: p.upvalNames[getB(i)] ?? '?' };
    case OP.LOADK: case OP.LOADKX: {
      const v = p.k[op === OP.LOADK ? getBx(i) : getAx(p.code[pc + 1])];
      return typeof v === 'string' ? { kind: 'constant', name: cString(v) } : null;
    }
    case OP.SELF:
      return { kind: 'method', name: keyName(p, pc, getC(i), getK(i) !== 0) };
    default:
      return null;
  }
}

function metamethod(event: string): ObjName {
  return { kind: 'metamethod', name: event };
}

/** The metamethod event of the instructions that may call one, but table accesses and arithmetic. */
const OP_EVENTS: Record<number, string> = {
  [OP.SELF]: '__index', [OP.ADDI]: '__add', [OP.SHLI]: '__shl', [OP.UNM]: '__unm', [OP.BNOT]: '__bnot',
  [OP.LEN]: '__len', [OP.CONCAT]: '__concat', [OP.EQ]: '__eq', [OP.LT]: '__lt', [OP.LTI]: '__lt', [OP.GTI]: '__lt',
  [OP.LE]: '__le', [OP.LEI]: '__le', [OP.GEI]: '__le', [OP.CLOSE]: '__close', [OP.RETURN]: '__close',
};

/** Name of the function called by the instruction at `pc` of `p` (the caller). */
export function funcNameFromCode(p: Proto, pc: number): ObjName | null {
  const i = p.code[pc];
  const op = getOp(i);
  if (op === OP.CALL || op === OP.TAILCALL) return getObjName(p, pc, getA(i));
  if (op === OP.TFORCALL) return { kind: 'for iterator', name: 'for iterator' };
  let event: string | undefined = OP_EVENTS[op];
  // table accesses: GETTABUP GETTABLE GETI GETFIELD, SETTABUP SETTABLE SETI SETFIELD
  if (op >= OP.GETTABUP && op <= OP.GETFIELD) event = '__index';
  else if (op >= OP.SETTABUP && op <= OP.SETFIELD) event = '__newindex';
  // arithmetic: ADDK .. BXORK and ADD .. SHR are in the order of the events (arith.ts AR)
  else if (op >= OP.ADDK && op <= OP.BXORK) event = AR_EVENTS[op - OP.ADDK];
  else if (op >= OP.ADD && op <= OP.SHR) event = AR_EVENTS[op - OP.ADD];
  // ADDI with k set is a subtraction of a constant (x - c compiled as x + -c)
  else if (op === OP.ADDI && getK(i) !== 0) event = '__sub';
  // SHRI with a negative immediate is x << -sC
  else if (op === OP.SHRI) event = getC(i) - OFFSET_sC < 0 ? '__shl' : '__shr';
  // the name is the event without its "__"
  return event === undefined ? null : metamethod(event.slice(2));
}

/** The function prototype of a Lua frame, null for other frames. */
function luaProto(f: Frame): Proto | null {
  return f.kind === FRAME_LUA && f.closure !== null ? f.closure.proto : null;
}

/** Current line of a Lua frame (-1 for others). */
export function frameLine(f: Frame): number {
  const p = luaProto(f);
  // the line of the instruction running (of the first one when none has run yet)
  return p === null ? -1 : p.lineinfo[f.pc - 1] ?? p.lineinfo[0] ?? p.linedefined;
}

/**
 * Name of the function running in frame `ci` of L, as known by its caller: from the
 * calling instruction when the caller is a Lua frame, else null.
 */
export function frameFuncName(L: LuaThread, ci: number): ObjName | null {
  const f = L.frames[ci];
  if (f.tailcall || ci <= 0) return null;
  const caller = L.frames[ci - 1];
  switch (f.cont) {
    case CONT.GEN: {
      // a finalizer, called by the natives that run them (stdlib/base.ts: collectgarbage and
      // the automatic collections' runner), is a metamethod as in the reference (CIST_FIN)
      const name = caller.native?.name;
      return name === '(finalizers)' || name === 'collectgarbage' ? metamethod('__gc') : null;
    }
    case CONT.PCALL: case CONT.COEND: case CONT.UNWIND: case CONT.HANDLER:
      return null;
  }
  // the function a debug hook called (lua_Debug of a CIST_HOOKED caller)
  if (caller.hookCall === 1) return { kind: 'hook', name: '?' };
  const p = luaProto(caller);
  if (p === null) return null;
  if (f.cont === CONT.RETCLOSE || f.cont === CONT.REEXEC) return metamethod('close');
  return funcNameFromCode(p, caller.pc - 1);
}

/** Short source of a chunk name, as messages show it (set by the loader). */
export let chunkIdFn: (source: string) => string = (s) => s;
export function setChunkIdFn(fn: (source: string) => string): void {
  chunkIdFn = fn;
}

/**
 * "chunk:line: " for the Lua frame at `ci`, "" for other frames; and for a Lua function without
 * line information unless `withoutLine` (then "chunk:-1: ").
 */
function whereFrame(L: LuaThread, ci: number, withoutLine: boolean): string {
  if (ci < 0) return '';
  const f = L.frames[ci];
  const p = luaProto(f);
  const line = frameLine(f);
  return p !== null && (line > 0 || withoutLine) ? `${chunkIdFn(p.source)}:${line}: ` : '';
}

/** "chunk:line:" prefix for the Lua frame at `ci`, or "" when it is not a Lua frame. */
export function where(L: LuaThread, ci: number): string {
  return whereFrame(L, ci, true);
}

/**
 * luaL_where: like where(), but a function without line information (a stripped binary
 * chunk) gives '' instead of "?:-1: " (only runtime errors of the VM keep that form).
 */
export function whereL(L: LuaThread, ci: number): string {
  return whereFrame(L, ci, false);
}

/** Name of a global function (searching package.loaded), as 5.4 tracebacks use it. */
export function globalFuncName(L: LuaThread, fn: LuaValue): string | null {
  const loaded = L.vm.loaded;
  const mod: LuaValue[] = [undefined, undefined];
  for (let p = loaded.nextFrom(0, mod); p !== 0; p = loaded.nextFrom(p, mod)) {
    const [modname, t] = mod;
    if (typeof modname !== 'string' || !(t instanceof LuaTable)) continue;
    const kv: LuaValue[] = [undefined, undefined];
    for (let q = t.nextFrom(0, kv); q !== 0; q = t.nextFrom(q, kv)) {
      if (kv[1] === fn && typeof kv[0] === 'string') return modname === '_G' ? kv[0] : `${modname}.${kv[0]}`;
    }
  }
  return null;
}

function describeFrame(L: LuaThread, ci: number): string {
  const g = globalFuncName(L, frameFunction(L, ci));
  if (g !== null) return `function '${g}'`;
  const n = frameFuncName(L, ci);
  if (n !== null) return `${n.kind} '${n.name}'`;
  const p = luaProto(L.frames[ci]);
  if (p === null) return '?';
  return p.linedefined === 0 ? 'main chunk' : `function <${chunkIdFn(p.source)}:${p.linedefined}>`;
}

/**
 * Is frame ci a stack level (lua_getstack)? Function frames and pcall markers are; a host
 * entry is too (an unnamed C function), except the bottom one and the call of a debug hook.
 */
function isLevel(f: Frame, ci: number): boolean {
  return f.kind !== FRAME_ENTRY || (ci > 0 && f.hookCall === 0);
}

/** levels shown at the start and at the end of a long traceback (LEVELS1, LEVELS2) */
const LEVELS_FIRST = 10;
const LEVELS_LAST = 11;

/**
 * A traceback of L starting at frame `level` (0 = the current frame; none when negative), in
 * the reference format: "stack traceback:\n\t[C]: in function 'error'\n\tfile:3: in main chunk...".
 */
export function traceback(L: LuaThread, msg: string | null, level: number): string {
  // the frames of the levels from `level` on (none when there is no such level)
  const levels: number[] = [];
  for (let ci = levelToCi(L, level); ci >= 0; ci--) {
    if (isLevel(L.frames[ci], ci)) levels.push(ci);
  }
  let out = (msg !== null ? msg + '\n' : '') + 'stack traceback:';
  const n = levels.length;
  for (let li = 0; li < n; li++) {
    if (n > LEVELS_FIRST + LEVELS_LAST && li === LEVELS_FIRST) {
      const skip = n - LEVELS_FIRST - LEVELS_LAST;
      out += `\n\t...\t(skipping ${skip} levels)`;
      li += skip - 1;
      continue;
    }
    const f = L.frames[levels[li]];
    if (f.kind === FRAME_ENTRY) {
      out += '\n\t[C]: in ?';
      continue;
    }
    const p = luaProto(f);
    const line = frameLine(f);
    const src = p === null ? '[C]:' : `${chunkIdFn(p.source)}:${line > 0 ? line + ':' : ''}`;
    out += `\n\t${src} in ${describeFrame(L, levels[li])}`;
    if (f.tailcall) out += '\n\t(...tail calls...)';
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// introspection for the debug library

/** Frame index of stack level `level` of L (0 = the running function), or -1. */
export function levelToCi(L: LuaThread, level: number): number {
  if (level < 0) return -1;
  for (let ci = L.ci; ci >= 0; ci--) {
    if (!isLevel(L.frames[ci], ci)) continue;
    if (level === 0) return ci;
    level--;
  }
  return -1;
}

/** The function running at frame ci (undefined for host entry frames). */
export function frameFunction(L: LuaThread, ci: number): LuaValue {
  const f = L.frames[ci];
  return f.kind === FRAME_LUA ? f.closure : f.kind === FRAME_ENTRY ? undefined : f.native;
}

/** Name of local n (1-based; negative: varargs) of the frame at ci and its stack index. */
export function findLocal(L: LuaThread, ci: number, n: number): { name: string; idx: number } | null {
  const f = L.frames[ci];
  const p = luaProto(f);
  const idx = f.base + n - 1;
  if (p !== null) {
    if (n < 0) return p.isVararg && -n <= f.nextra ? { name: '(vararg)', idx: f.func + p.numparams - n } : null;
    const name = getLocalName(p, n, f.pc > 0 ? f.pc - 1 : 0);
    if (name !== null) return { name, idx };
  }
  // temporaries in the live part of the frame (up to the next frame)
  const limit = ci < L.ci ? L.frames[ci + 1].func : p !== null ? f.base + p.maxstack : f.top;
  if (n > 0 && idx < limit) return { name: p !== null ? '(temporary)' : '(C temporary)', idx };
  return null;
}
