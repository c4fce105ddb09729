/**
 * A function prototype: the compiled form of one Lua function (shared by all its closures).
 *
 * Invariants: `lineinfo[pc]` is the source line of `code[pc]`; `upvalNames`, `upvalInStack`
 * and `upvalIdx` have one entry per upvalue (instack: the upvalue captures register idx of
 * the enclosing function, else upvalue idx of the enclosing closure); `locvars` lists every
 * local variable with the pc range [startpc, endpc) in which it is active, in register order
 * of activation, which is what debug info and error messages read.
 */
import type { LuaValue } from './value.js';
import { generalArray } from './value.js';
import { ShapeSite } from './table.js';

export interface LocVar {
  name: string;
  startpc: number;
  endpc: number;
}

/**
 * Compiled form of a proto (src/vm/jit.ts): runs the frame from frame.pc and returns 0 to
 * have the interpreter continue at frame.pc, 1 when the frame stack changed (reload).
 */
export type JitFn = (L: any, frame: any, stack: LuaValue[], base: number) => number;

/** JIT hotness: countdown given to new protos (entries and loop back-edges; see jit.ts). */
export const JIT_DEFAULTS = { threshold: 1000 };

export class Proto {
  code: Int32Array;
  lineinfo: Int32Array;
  /**
   * liveRegs[pc]: registers that may hold live values when the instruction at pc is about to
   * run (the compiler's register stack height); null when unknown (binary chunks), then all
   * maxstack registers count. Collections use it so stale temporaries keep nothing alive.
   */
  liveRegs: Uint8Array | null;
  k: LuaValue[];
  p: Proto[];
  upvalNames: string[];
  upvalInStack: boolean[];
  upvalIdx: number[];
  /** upvalue kinds for <const>/<close> checks by debug functions (0 regular) */
  upvalKind: number[];
  locvars: LocVar[];
  /** chunk name as given to load ("@file.lua", "=stdin", or source text) */
  source: string;
  linedefined: number;
  lastlinedefined: number;
  numparams: number;
  isVararg: boolean;
  maxstack: number;
  /**
   * Field caches of the interpreter, one per instruction: for GETFIELD, GETTABUP, SELF,
   * SETFIELD and SETTABUP the hash slot where the constant key was last found. Only a hint:
   * it is used when `hkeys[slot]` is that key (keys are unique in a hash part), so it never
   * needs invalidating. Same length as `code` (shorter only for a Proto still being built).
   */
  ic: Int32Array;
  /** The interpreter's shape sites of SETFIELD instructions, by pc (LuaTable.setField);
   *  created on first use */
  shapes: (ShapeSite | null)[] | null;
  /** JIT: compiled code, or null while interpreted */
  jit: JitFn | null;
  /** JIT: hotness countdown; compilation is tried when it reaches 0 */
  jitCount: number;

  constructor() {
    this.code = new Int32Array(0);
    this.lineinfo = new Int32Array(0);
    this.ic = new Int32Array(0);
    this.liveRegs = null;
    this.k = generalArray();
    this.p = [];
    this.upvalNames = [];
    this.upvalInStack = [];
    this.upvalIdx = [];
    this.upvalKind = [];
    this.locvars = [];
    this.source = '?';
    this.linedefined = 0;
    this.lastlinedefined = 0;
    this.numparams = 0;
    this.isVararg = false;
    this.maxstack = 2;
    this.shapes = null;
    this.jit = null;
    this.jitCount = JIT_DEFAULTS.threshold;
  }
}

/**
 * The shape site of the SETFIELD instruction before pc in p (see LuaTable.setField), shared
 * by the interpreter and p's compiled code, so tables that either builds share a layout.
 */
export function shapeSite(p: Proto, pc: number): ShapeSite {
  let sites = p.shapes;
  if (sites === null) sites = p.shapes = new Array<ShapeSite | null>(p.code.length + 1).fill(null);
  let s = sites[pc];
  if (s === null) s = sites[pc] = new ShapeSite();
  return s;
}

/** Name of the local variable number `n` (1-based) active at `pc`, or null (§ debug info). */
export function getLocalName(p: Proto, n: number, pc: number): string | null {
  const lv = p.locvars;
  for (let i = 0; i < lv.length && lv[i].startpc <= pc; i++) {
    if (pc < lv[i].endpc) {
      n--;
      if (n === 0) return lv[i].name;
    }
  }
  return null;
}
