/**
 * Per-function compilation state: code emission, constants, registers, local variables,
 * blocks, labels and pending gotos.
 *
 * Register invariant: the active local variables occupy registers 0..nvarstack-1 in
 * declaration order; temporaries are allocated above them as a stack (`freereg` is the first
 * free register). Every expression compiler leaves `freereg` where it found it plus the
 * registers it was asked to fill.
 */
import { LuaFloat, generalArray } from '../vm/value.js';
import type { LuaValue } from '../vm/value.js';
import { Proto } from '../vm/proto.js';
import {
  OP, mkABCk, mkABx, mkAx, mksJ, OFFSET_sJ, MAXARG_Bx, MAXARG_Ax,
} from '../vm/opcodes.js';

/**
 * The one copy V8 keeps of a short string (its string table): constants equal in text become
 * the same JS string in every function, so comparing table keys (Map lookups, the compiling
 * tier's field caches) is a pointer comparison instead of a call comparing characters.
 */
function intern(s: string): string {
  if (s.length > 64) return s;
  const o: Record<string, number> = {};
  o[s] = 0;
  for (const key in o) return key;
  return s;
}

export const VAR_REGULAR = 0;
export const VAR_CONST = 1;
export const VAR_CLOSE = 2;

/** maximum number of registers in a function (fits in an 8-bit A operand) */
export const MAXREGS = 255;
export const MAXVARS = 200;
export const MAXUPVAL = 255;

export interface VarDesc {
  name: string;
  kind: number;
  reg: number;
  /** index into proto.locvars */
  pidx: number;
}

export interface BlockCnt {
  prev: BlockCnt | null;
  /** number of active locals outside this block */
  nactvar: number;
  /** index of the first label of this block in `labels` */
  firstLabel: number;
  /** index of the first pending goto of this block in `gotos` */
  firstGoto: number;
  /** some variable of this block is captured as an upvalue (or is to-be-closed) */
  upval: boolean;
  isLoop: boolean;
  insideTbc: boolean;
}

export interface LabelDesc {
  name: string;
  pc: number;
  line: number;
  nactvar: number;
  close: boolean;
}

export class CompileError extends Error {
  readonly line: number;
  constructor(msg: string, line: number) {
    super(msg);
    this.line = line;
  }
}

export class FuncState {
  readonly prev: FuncState | null;
  readonly proto: Proto;
  code: number[] = [];
  lines: number[] = [];
  /** registers in use (freereg) when each instruction was emitted: what a collection marks */
  live: number[] = [];
  k: LuaValue[] = generalArray();
  kmapStr = new Map<string, number>();
  kmapInt = new Map<number | bigint, number>();
  kmapFlt = new Map<number, number>();
  /** nil, true and false */
  kmapOther = new Map<LuaValue, number>();
  actvar: VarDesc[] = [];
  freereg = 0;
  bl: BlockCnt | null = null;
  /** labels of the open blocks (the visible ones) */
  labels: LabelDesc[] = [];
  /** gotos (and breaks) not yet resolved */
  gotos: LabelDesc[] = [];
  /** some local of this function is captured or to-be-closed: returns must close */
  needclose = false;
  line = 0;

  /** `line`: where the function is defined (0 for a main chunk) */
  constructor(prev: FuncState | null, source: string, line: number) {
    this.prev = prev;
    this.proto = new Proto();
    this.proto.source = source;
    this.proto.linedefined = line;
    this.line = line;
  }

  // ---- code emission --------------------------------------------------------------------

  pc(): number {
    return this.code.length;
  }

  emit(i: number): number {
    this.code.push(i);
    this.lines.push(this.line);
    // an instruction's own target register counts as live too (JMP and EXTRAARG have no A:
    // their argument bits are an offset or a constant)
    const op = i & 0x7f;
    const a = op === OP.JMP || op === OP.EXTRAARG ? 0 : ((i >>> 7) & 0xff) + 1;
    this.live.push(Math.max(this.freereg, a));
    return this.code.length - 1;
  }

  emitABC(op: number, a: number, b: number, c: number, k = 0): number {
    return this.emit(mkABCk(op, a, b, c, k));
  }

  emitABx(op: number, a: number, bx: number): number {
    return this.emit(mkABx(op, a, bx));
  }

  /** R[reg] := K[idx], with LOADKX + EXTRAARG for large constant indices */
  emitLoadK(reg: number, idx: number): void {
    if (idx <= MAXARG_Bx) {
      this.emitABx(OP.LOADK, reg, idx);
    } else {
      this.emitABC(OP.LOADKX, reg, 0, 0);
      this.emit(mkAx(OP.EXTRAARG, idx));
    }
  }

  /** A jump to be patched later. */
  emitJump(): number {
    return this.emit(mksJ(OP.JMP, 0));
  }

  /** A jump to a known target (a backward one). */
  emitJumpTo(target: number): void {
    this.patchJump(this.emitJump(), target);
  }

  /** Point the jump at `pc` to `target`. */
  patchJump(pc: number, target: number): void {
    const off = target - (pc + 1);
    if (Math.abs(off) > OFFSET_sJ) throw new CompileError('control structure too long', this.line);
    this.code[pc] = mksJ(OP.JMP, off);
  }

  patchToHere(list: number[]): void {
    const here = this.pc();
    for (const pc of list) this.patchJump(pc, here);
  }

  /** Record a forward goto (or break) jumping from `pc`, resolved when its label appears. */
  addGoto(name: string, pc: number, line: number): void {
    this.gotos.push({ name, pc, line, nactvar: this.actvar.length, close: false });
  }

  // ---- constants -------------------------------------------------------------------------

  addK(v: LuaValue): number {
    let m: Map<any, number> | null = null;
    let key: any = v;
    if (typeof v === 'string') m = this.kmapStr;
    else if (typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v))) m = this.kmapInt;
    else if (typeof v === 'number') m = this.kmapFlt;
    else if (v instanceof LuaFloat) {
      if (!Object.is(v.n, -0)) { m = this.kmapFlt; key = v.n; }
    } else {
      // nil and booleans: one slot each
      let i = this.kmapOther.get(v);
      if (i === undefined) {
        i = this.k.push(v) - 1;
        this.kmapOther.set(v, i);
      }
      return i;
    }
    if (m !== null) {
      const i = m.get(key);
      if (i !== undefined) return i;
      m.set(key, this.k.length);
    }
    if (this.k.length > MAXARG_Ax) throw new CompileError('too many constants', this.line);
    this.k.push(typeof v === 'string' ? intern(v) : v);
    return this.k.length - 1;
  }

  // ---- registers -------------------------------------------------------------------------

  /** Reserve n registers above freereg. */
  reserve(n: number): number {
    const r = this.freereg;
    this.freereg += n;
    if (this.freereg > this.proto.maxstack) {
      if (this.freereg > MAXREGS) {
        throw new CompileError('function or expression needs too many registers', this.line);
      }
      this.proto.maxstack = this.freereg;
    }
    return r;
  }

  /** Make room for `top` registers without reserving them (no limit is checked). */
  ensureStack(top: number): void {
    if (top > this.proto.maxstack) this.proto.maxstack = top;
  }

  /** Number of registers used by active local variables. */
  nvarstack(): number {
    return this.actvar.length;
  }

  // ---- locals ----------------------------------------------------------------------------

  /** Declare a local (not yet active); returns its VarDesc. */
  newLocal(name: string, kind = VAR_REGULAR): VarDesc {
    return { name, kind, reg: -1, pidx: -1 };
  }

  /** Activate locals: they take the next registers and start their debug range here. */
  activate(vars: VarDesc[]): void {
    for (const v of vars) {
      if (this.actvar.length >= MAXVARS) throw this.limitError('local variables', MAXVARS);
      v.reg = this.actvar.length;
      v.pidx = this.proto.locvars.push({ name: v.name, startpc: this.pc(), endpc: 0 }) - 1;
      this.actvar.push(v);
    }
  }

  /** Deactivate locals down to `level` active variables. */
  removeVars(level: number): void {
    const pc = this.pc();
    while (this.actvar.length > level) {
      const v = this.actvar.pop()!;
      this.proto.locvars[v.pidx].endpc = pc;
    }
  }

  /**
   * Add an upvalue: `inStack`, a local of the enclosing function in register `idx`, else its
   * upvalue `idx`; `kind` is the variable's kind (VAR_CONST...). Returns the new index.
   */
  newUpval(name: string, inStack: boolean, idx: number, kind: number): number {
    const p = this.proto;
    if (p.upvalNames.length >= MAXUPVAL) throw this.limitError('upvalues', MAXUPVAL);
    p.upvalNames.push(name);
    p.upvalInStack.push(inStack);
    p.upvalIdx.push(idx);
    p.upvalKind.push(kind);
    return p.upvalNames.length - 1;
  }

  /** The error for a limit of this function exceeded: too many `what`. */
  private limitError(what: string, limit: number): CompileError {
    const where = this.proto.linedefined === 0 ? 'main function' : `function at line ${this.proto.linedefined}`;
    return new CompileError(`too many ${what} (limit is ${limit}) in ${where}`, this.line);
  }

  finish(): Proto {
    const p = this.proto;
    p.code = Int32Array.from(this.code);
    p.ic = new Int32Array(p.code.length);
    p.lineinfo = Int32Array.from(this.lines);
    p.liveRegs = Uint8Array.from(this.live, (n) => Math.min(n, p.maxstack));
    p.k = this.k;
    return p;
  }
}
