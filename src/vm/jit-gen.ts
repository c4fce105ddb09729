/**
 * Code generation of the compiling tier (see jit.ts for the contract and the rules the
 * generated code follows). `Gen` analyses one proto and writes the source of a factory:
 *
 *   "use strict"; const LuaTable = H.LuaTable, ...;        helpers, hoisted constants
 *   function R0(L, frame, stack, base) { ... }             one function per region
 *   function R1(L, frame, stack, base) { ... }
 *   return function run(L, frame, stack, base) { ... }     dispatcher (or R0 itself)
 *
 * Regions. A proto's blocks are split into regions by loop nesting (a loop is the pc range
 * from a backward branch's target to the branch) so that each generated function stays
 * small: V8 compiles small functions quickly and optimises them early, while one big
 * function would be optimised late and recompiled slowly after every deoptimisation. A
 * region function leaves with 2 ("continue in compiled code at frame.pc") when control
 * passes to another region; the dispatcher then calls that region's function.
 *
 * Shape of a region function:
 *
 *   let pc = frame.pc; ...charge the rest of the block when entering inside one...
 *   let r3 = stack[base + 3], ...                   registers the region uses
 *   try {
 *     out: for (;;) {
 *       slow: { switch (pc) {                        blocks, falling through in pc order
 *         case 12: if (budget < 4) { exit } budget -= 4; ...fast paths...
 *       } }
 *       ...every register written back; switch (sp) { per-instruction slow paths }
 *     }
 *     ...write back, frame.pc = pc, vm.budget = budget, return xc
 *   } catch (e) { write back, frame.pc, refund the budget, rethrow }
 */
import { LuaFloat } from './value.js';
import type { Proto } from './proto.js';
import { shapeSite } from './proto.js';

// opcodes (literal numbers as in the interpreter's switch)
const OP_MOVE = 0, OP_LOADI = 1, OP_LOADF = 2, OP_LOADK = 3, OP_LOADKX = 4, OP_LOADFALSE = 5;
const OP_LFALSESKIP = 6, OP_LOADTRUE = 7, OP_LOADNIL = 8, OP_GETUPVAL = 9, OP_SETUPVAL = 10;
const OP_GETTABUP = 11, OP_GETTABLE = 12, OP_GETI = 13, OP_GETFIELD = 14, OP_SETTABUP = 15;
const OP_SETTABLE = 16, OP_SETI = 17, OP_SETFIELD = 18, OP_NEWTABLE = 19, OP_SELF = 20;
const OP_ADDI = 21, OP_ADDK = 22, OP_SUBK = 23, OP_MULK = 24, OP_POWK = 26, OP_DIVK = 27, OP_BXORK = 31;
const OP_SHRI = 32, OP_SHLI = 33, OP_ADD = 34, OP_SUB = 35, OP_MUL = 36, OP_POW = 38, OP_DIV = 39, OP_SHR = 45;
const OP_UNM = 46, OP_BNOT = 47, OP_NOT = 48, OP_LEN = 49, OP_CONCAT = 50, OP_CLOSE = 51;
const OP_TBC = 52, OP_JMP = 53, OP_EQ = 54, OP_LT = 55, OP_LE = 56, OP_EQK = 57, OP_EQI = 58;
const OP_LTI = 59, OP_LEI = 60, OP_GTI = 61, OP_GEI = 62, OP_TEST = 63, OP_TESTSET = 64;
const OP_CALL = 65, OP_TAILCALL = 66, OP_RETURN = 67, OP_RETURN0 = 68, OP_RETURN1 = 69;
const OP_FORLOOP = 70, OP_FORPREP = 71, OP_TFORPREP = 72, OP_TFORCALL = 73, OP_TFORLOOP = 74;
const OP_SETLIST = 75, OP_CLOSURE = 76, OP_VARARG = 77, OP_VARARGPREP = 78, OP_EXTRAARG = 79;

const OFFSET_sJ = 16777215;
const SRC_NONE = -1;
const SRC_UPVAL = 1 << 20;
const CONT_REEXEC = 11;
const MAXSAFE = '9007199254740991';

/** AR.* numbers (src/vm/arith.ts) of the arithmetic opcodes: op - ADD, op - ADDK. */
const AR_ADD = 0, AR_SUB = 1, AR_MUL = 2, AR_MOD = 3, AR_DIV = 5, AR_IDIV = 6;
const AR_BAND = 7, AR_BOR = 8, AR_BXOR = 9, AR_SHL = 10, AR_SHR = 11, AR_UNM = 12, AR_BNOT = 13;

/** Functions bigger than this (instructions) have their loops split into regions. */
const REGION_SPLIT = 48;
/**
 * In such a function, a loop bigger than this gives each loop nested in it a region of its
 * own. Code of an outer loop that runs only when an inner loop ends has no type feedback
 * yet when V8 optimises a function that spends its time in the inner loop: together in
 * one function, its first run throws the optimised code away (and waits for V8 to optimise
 * again); in a region of its own, the inner loop is not affected. Measured against 48 for
 * both (all programs, interleaved, median of 3): 1.007 of the time, table-iter 0.86 (an
 * inner loop after another), fannkuch 1.08 (short inner loops, a region change each).
 */
const LOOP_SPLIT = 16;
/** The smallest loop-free region left to the interpreter (see Gen.coldRegion). */
const COLD_REGION = 30;

/** Helper names the factory takes from its `H` parameter. */
export const HELPER_NAMES = [
  'LuaTable', 'LuaFloat', 'LuaClosure', 'NativeFunction', 'isInteger', 'floor', 'isNum', 'numEQ',
  'intShl', 'intShr', 'fastTM', 'getSlow', 'setSlow', 'arithSlow', 'subISlow', 'lessSlow', 'eqSlow',
  'concat', 'lenSlow', 'forPrep', 'forLoopSlow', 'floatArith', 'fastArith', 'markTbc', 'closeOne',
  'closeUpvals', 'findUpval', 'pushLua', 'pushNative', 'startGen', 'precall', 'finishCall', 'rtError',
  'getIC', 'setStrIC', 'MISS', 'callLua', 'callOther', 'tailCall',
  'FieldIC', 'rawSetAny', 'cpow', 'charge', 'checkHeap', 'EMPTY_UPVALS',
] as const;

/** A JS number as source text (no globals: NaN and infinities as divisions). */
function numLit(x: number): string {
  if (x !== x) return '(0/0)';
  if (x === Infinity) return '(1/0)';
  if (x === -Infinity) return '(-1/0)';
  if (Object.is(x, -0)) return '(-0)';
  return x < 0 ? `(${String(x)})` : String(x);
}

/** What the generator knows about an operand: its source text and, if constant, its kind. */
interface Opnd {
  /** expression giving the value */
  e: string;
  /** 'any' unknown; 'int' small integer; 'flt' non-integral number; 'box' LuaFloat */
  kind: 'any' | 'int' | 'flt' | 'box';
  /** the numeric value for int/flt/box */
  v: number;
}

function isCond(op: number): boolean {
  return op >= OP_EQ && op <= OP_TESTSET;
}

/** Instructions that contain no call and cannot throw (no `ipc` bookkeeping needed). */
function isPure(op: number): boolean {
  switch (op) {
    case OP_MOVE: case OP_LOADI: case OP_LOADF: case OP_LOADK: case OP_LOADKX: case OP_LOADFALSE:
    case OP_LFALSESKIP: case OP_LOADTRUE: case OP_LOADNIL: case OP_GETUPVAL: case OP_SETUPVAL:
    case OP_NOT: case OP_JMP: case OP_TEST: case OP_TESTSET: case OP_TFORLOOP: case OP_VARARGPREP:
    case OP_EXTRAARG: case OP_EQI: case OP_LTI: case OP_LEI: case OP_GTI: case OP_GEI:
    case OP_EQ: case OP_LT: case OP_LE:
      return true;
    default:
      return false;
  }
}

/** A loop: pc range [start, end] closed by a backward branch at `end`. */
interface Loop {
  start: number;
  end: number;
  parent: Loop | null;
  children: Loop[];
  id: number;
}

export class Gen {
  readonly p: Proto;
  readonly code: Int32Array;
  readonly n: number;
  readonly ms: number;
  /** register kept in a JS local (else it lives in the stack) */
  readonly cached: boolean[];
  readonly leader: Uint8Array;
  readonly term: Uint8Array;
  /** the instruction consumes the next one (EXTRAARG) */
  readonly skipNext: Uint8Array;
  /** resume label: entry from the interpreter allowed */
  readonly label: Uint8Array;
  /** rest[i]: instructions counted from i to the end of i's block */
  readonly rest: Int32Array;
  /** end (exclusive) of the block containing i, -1 outside blocks */
  readonly blockEnd: Int32Array;
  /** ENTRY[pc]: -1 not a label, 0 a block leader (charges itself), else budget to charge */
  readonly entry: Int32Array;
  /** REFUND[pc]: budget to give back when instruction pc-1 throws */
  readonly refund: Int32Array;
  /** REGION[pc]: region of the block containing pc */
  readonly region: Int32Array;
  readonly blocks: number[] = [];
  /** last instruction of each block (by leader pc) */
  readonly blockLast = new Map<number, number>();
  /** dirty-in set of each block (by leader pc) */
  readonly dirtyIn = new Map<number, Uint8Array>();
  nregions = 1;
  readonly hoisted: string[] = [];
  readonly floats = new Map<string, string>();
  /** instructions with an inline-cache variable */
  readonly ics = new Set<number>();
  /** per region being generated */
  out: string[] = [];
  slowOut: string[] = [];
  upvalUsed = new Set<number>();
  used: Uint8Array;
  /** registers the region writes as locals */
  written: Uint8Array;
  /** registers the region keeps in JS locals (cached, and worth it) */
  rc: Uint8Array;
  /** live-in registers of each block (by leader pc) */
  readonly liveIn = new Map<number, Uint8Array>();
  cur = 0;
  /** current dirty set while generating */
  dirty: Uint8Array;
  /** constants known to be in registers within the current straight-line stretch */
  known: (Opnd | null)[];
  readonly regionSrc: string[] = [];
  /** set when the generator produced something it must not run (a bug): do not compile */
  bad: string | null = null;
  /**
   * Float specialisation of the region being generated: fd[r] = 1 + bit number when
   * register r is kept as a raw JS double `d<r>` (a Lua float; boxed when written back),
   * 0 otherwise. `dm` at run time has the bits of those assigned since entry.
   */
  fd: Int32Array;
  spec = false;
  /** per region: live-in mask of its float registers at each pc (or null) */
  readonly liveMasks: (Int32Array | null)[] = [];
  /** per region: the name of the function the dispatcher calls */
  readonly regionNames: string[] = [];

  constructor(p: Proto) {
    this.p = p;
    this.code = p.code;
    this.n = p.code.length;
    this.ms = p.maxstack;
    const n = this.n;
    this.cached = [];
    for (let r = 0; r < this.ms; r++) this.cached.push(true);
    this.leader = new Uint8Array(n + 1);
    this.term = new Uint8Array(n + 1);
    this.skipNext = new Uint8Array(n + 1);
    this.label = new Uint8Array(n + 1);
    this.rest = new Int32Array(n + 1);
    this.blockEnd = new Int32Array(n + 1).fill(-1);
    this.entry = new Int32Array(n + 1).fill(-1);
    this.refund = new Int32Array(n + 2);
    this.region = new Int32Array(n + 1);
    this.dirty = new Uint8Array(this.ms);
    this.used = new Uint8Array(this.ms);
    this.written = new Uint8Array(this.ms);
    this.rc = new Uint8Array(this.ms);
    this.fd = new Int32Array(this.ms);
    this.known = new Array(this.ms).fill(null);
  }

  // ---- analysis ------------------------------------------------------------------------

  /** Find blocks, labels, budget tables, regions, captured registers. False: do not compile. */
  analyse(): boolean {
    const { code, n, ms } = this;
    if (ms > 255 || n === 0) return false;
    const leader = this.leader;
    leader[0] = 1;
    const target = (t: number): boolean => {
      if (t < 0 || t >= n) return false;
      leader[t] = 1;
      return true;
    };
    for (let i = 0; i < n; i++) {
      const ins = code[i];
      const op = ins & 0x7f;
      const a = (ins >>> 7) & 0xff;
      if (op > OP_EXTRAARG) return false;
      if (!this.regsOk(ins)) return false;
      switch (op) {
        case OP_JMP:
          if (!target(i + 1 + (ins >>> 7) - OFFSET_sJ)) return false;
          this.term[i] = 1;
          if (i + 1 < n) leader[i + 1] = 1;
          break;
        case OP_LFALSESKIP:
          if (!target(i + 2)) return false;
          this.term[i] = 1;
          break;
        case OP_FORLOOP: case OP_TFORLOOP:
          if (!target(i + 1 - (ins >>> 15)) || !target(i + 1)) return false;
          this.term[i] = 1;
          break;
        case OP_FORPREP:
          if (!target(i + 1) || !target(i + 2 + (ins >>> 15))) return false;
          this.term[i] = 1;
          break;
        case OP_TFORPREP:
          if (!target(i + 1 + (ins >>> 15))) return false;
          this.term[i] = 1;
          if (i + 1 < n) leader[i + 1] = 1;
          break;
        case OP_RETURN: case OP_RETURN0: case OP_RETURN1: case OP_TAILCALL:
          this.term[i] = 1;
          if (i + 1 < n) leader[i + 1] = 1;
          break;
        case OP_LOADKX: case OP_NEWTABLE:
          if (i + 1 >= n) return false;
          this.skipNext[i] = 1;
          break;
        case OP_SETLIST:
          if (((ins >>> 15) & 1) !== 0) {
            if (i + 1 >= n) return false;
            this.skipNext[i] = 1;
          }
          break;
        default:
          if (isCond(op)) {
            // the next instruction is the jump taken when the condition holds
            if (i + 1 >= n || (code[i + 1] & 0x7f) !== OP_JMP) return false;
            if (!target(i + 2 + (code[i + 1] >>> 7) - OFFSET_sJ) || !target(i + 2)) return false;
            this.term[i] = 1;
          }
      }
      // registers aliased by open upvalues or read by __close live only in the stack
      if (op === OP_CLOSURE) {
        const child = this.p.p[ins >>> 15];
        if (child === undefined) return false;
        for (let j = 0; j < child.upvalInStack.length; j++) {
          if (child.upvalInStack[j]) {
            const r = child.upvalIdx[j];
            if (r >= ms) return false;
            this.cached[r] = false;
          }
        }
      } else if (op === OP_TBC) {
        this.cached[a] = false;
      } else if (op === OP_TFORPREP) {
        this.cached[a + 3] = false;
      }
    }
    // blocks: from each leader to a terminator or the next leader
    const rest = this.rest;
    for (let s = 0; s < n; s++) {
      if (!leader[s]) continue;
      const members: number[] = [];
      const counted: number[] = [];
      let i = s;
      for (;;) {
        members.push(i);
        counted.push(1);
        const isTerm = this.term[i] === 1;
        this.blockLast.set(s, i);
        if (this.skipNext[i]) {
          // the EXTRAARG is part of this instruction and not counted
          if (leader[i + 1]) return false;
          members.push(i + 1);
          counted.push(0);
          i += 2;
        } else {
          i++;
        }
        if (isTerm) break;
        if (i >= n) return false; // falls off the end of the code
        if (leader[i]) break;
      }
      let cnt = 0;
      for (let j = members.length - 1; j >= 0; j--) {
        cnt += counted[j];
        rest[members[j]] = cnt;
        this.blockEnd[members[j]] = i;
      }
      this.blocks.push(s);
    }
    // resume labels: leaders, after instructions that can leave, re-executed instructions
    const label = this.label;
    for (const s of this.blocks) label[s] = 1;
    for (let i = 0; i < n; i++) {
      if (this.blockEnd[i] < 0) continue;
      const op = code[i] & 0x7f;
      // (TBC continues after itself from the slow section)
      if ((this.exitsAfter(op) || op === OP_TBC) && i + 1 < this.blockEnd[i]) label[i + 1] = 1;
      if (op === OP_CONCAT || op === OP_CLOSE || op === OP_RETURN) label[i] = 1;
    }
    // not a label: -1 - (rest of the block), which the `default` case refunds
    for (let i = 0; i < n; i++) this.entry[i] = label[i] ? (leader[i] ? 0 : rest[i]) : -1 - rest[i];
    // refund when instruction i throws (ipc = i + 1): the rest of its block after it
    for (let i = 0; i < n; i++) {
      if (this.blockEnd[i] < 0) continue;
      this.refund[i + 1] = i + 1 < this.blockEnd[i] ? rest[i + 1] : 0;
    }
    this.regions();
    this.dataflow();
    this.liveness();
    return true;
  }

  /** Register operands within the frame (registers beyond maxstack: leave it to the interpreter). */
  private regsOk(ins: number): boolean {
    const r = this.regRange(ins);
    return r === null || r[1] < this.ms;
  }

  /**
   * Registers instruction `ins` may touch, as an inclusive range [lo, hi] (a superset), or
   * null for none. Multiple results and arguments up to the stack top count up to maxstack-1.
   */
  private regRange(ins: number): [number, number] | null {
    const op = ins & 0x7f;
    const a = (ins >>> 7) & 0xff;
    const b = (ins >>> 16) & 0xff;
    const c = ins >>> 24;
    const k = (ins >>> 15) & 1;
    const top = this.ms - 1;
    const span = (...rs: number[]): [number, number] => [Math.min(...rs), Math.max(...rs)];
    switch (op) {
      case OP_MOVE: case OP_UNM: case OP_BNOT: case OP_NOT: case OP_LEN: case OP_GETI:
      case OP_GETFIELD: case OP_ADDI: case OP_SHRI: case OP_SHLI: case OP_TESTSET:
      case OP_EQ: case OP_LT: case OP_LE:
        return span(a, b);
      case OP_GETTABLE: return span(a, b, c);
      case OP_LOADNIL: return [a, a + b];
      case OP_SETTABLE: return k !== 0 ? span(a, b) : span(a, b, c);
      case OP_SETI: case OP_SETFIELD: return k !== 0 ? [a, a] : span(a, c);
      case OP_SETTABUP: return k !== 0 ? null : [c, c];
      case OP_SELF: return k !== 0 ? span(a, a + 1, b) : span(a, a + 1, b, c);
      case OP_CONCAT: return [a, a + Math.max(b, 1) - 1];
      case OP_CALL: return b === 0 || c === 0 ? [a, top] : [a, a + Math.max(b - 1, c - 2, 0)];
      case OP_TAILCALL: return b === 0 ? [a, top] : [a, a + b - 1];
      case OP_RETURN: return b === 0 ? [a, top] : b === 1 ? null : [a, a + b - 2];
      case OP_RETURN0: return null;
      case OP_FORLOOP: case OP_FORPREP: case OP_TFORPREP: return [a, a + 3];
      case OP_TFORCALL: return [a, Math.max(a + 6, a + 3 + c)];
      case OP_TFORLOOP: return [a, a + 4];
      case OP_SETLIST: return b === 0 ? [a, top] : [a, a + b];
      case OP_VARARG: return c === 0 ? [a, top] : [a, a + Math.max(c - 2, 0)];
      case OP_JMP: case OP_VARARGPREP: case OP_EXTRAARG: return null;
      case OP_CLOSURE: {
        const child = this.p.p[ins >>> 15];
        let lo = a;
        let hi = a;
        if (child !== undefined) {
          for (let j = 0; j < child.upvalInStack.length; j++) {
            if (child.upvalInStack[j]) {
              lo = Math.min(lo, child.upvalIdx[j]);
              hi = Math.max(hi, child.upvalIdx[j]);
            }
          }
        }
        return [lo, hi];
      }
      default:
        if (op >= OP_ADDK && op <= OP_BXORK) return span(a, b);
        if (op >= OP_ADD && op <= OP_SHR) return span(a, b, c);
        return [a, a];
    }
  }

  /** Can an instruction with this opcode leave compiled code and resume after itself? */
  private exitsAfter(op: number): boolean {
    if (op === OP_CALL || op === OP_TFORCALL) return true;
    if (op >= OP_GETTABUP && op <= OP_SETFIELD) return true;
    if (op === OP_SELF || op === OP_LEN || op === OP_CONCAT || op === OP_CLOSE) return true;
    return op >= OP_ADDI && op <= OP_BNOT;
  }

  /** The pc of the branch target(s) of the block ending at lastI (backward ones make loops). */
  private succsOf(lastI: number, end: number): number[] {
    const ins = this.code[lastI];
    const op = ins & 0x7f;
    if (!this.term[lastI]) return end < this.n ? [end] : [];
    switch (op) {
      case OP_JMP: return [lastI + 1 + (ins >>> 7) - OFFSET_sJ];
      case OP_LFALSESKIP: return [lastI + 2];
      case OP_FORLOOP: case OP_TFORLOOP: return [lastI + 1 - (ins >>> 15), lastI + 1];
      case OP_FORPREP: return [lastI + 1, lastI + 2 + (ins >>> 15)];
      case OP_TFORPREP: return [lastI + 1 + (ins >>> 15)];
      case OP_RETURN: case OP_RETURN0: case OP_RETURN1: case OP_TAILCALL: return [];
      default:
        return [lastI + 2, lastI + 2 + (this.code[lastI + 1] >>> 7) - OFFSET_sJ];
    }
  }

  private succs(s: number): number[] {
    return this.succsOf(this.blockLast.get(s)!, this.blockEnd[s]);
  }

  /**
   * Split the blocks into regions: in a function bigger than REGION_SPLIT instructions the
   * loop tree (pc ranges of backward branches) is cut top-down while a loop is bigger than
   * LOOP_SPLIT instructions, so hot inner loops get their own small functions and small
   * functions (a loop and its entry and exit, called often) stay whole.
   */
  private regions(): void {
    const loops: Loop[] = [];
    for (const s of this.blocks) {
      const last = this.blockLast.get(s)!;
      for (const t of this.succs(s)) {
        if (t <= last && !loops.some((l) => l.start === t && l.end === last)) {
          loops.push({ start: t, end: last, parent: null, children: [], id: 0 });
        }
      }
    }
    // nest by containment (outer loops first); ranges that overlap without nesting are
    // simply treated as siblings
    loops.sort((x, y) => x.start - y.start || y.end - x.end);
    for (let j = 0; j < loops.length; j++) {
      for (let q = j - 1; q >= 0; q--) {
        const o = loops[q];
        if (o.start <= loops[j].start && loops[j].end <= o.end) {
          loops[j].parent = o;
          o.children.push(loops[j]);
          break;
        }
      }
    }
    let nextId = 1;
    const setAll = (l: Loop, id: number): void => {
      l.id = id;
      for (const c of l.children) setAll(c, id);
    };
    // a loop in a region too big gets a region of its own, with its inner loops if it is
    // small itself
    const split = (l: Loop): void => {
      l.id = nextId++;
      const big = l.end - l.start + 1 > LOOP_SPLIT;
      for (const c of l.children) {
        if (big) split(c);
        else setAll(c, l.id);
      }
    };
    for (const l of loops) {
      if (l.parent !== null) continue;
      if (this.n > REGION_SPLIT) split(l);
      else setAll(l, 0);
    }
    // each block goes to the innermost loop containing it that has a region of its own
    for (const s of this.blocks) {
      let best: Loop | null = null;
      for (const l of loops) {
        if (l.start <= s && s <= l.end && (best === null || l.end - l.start < best.end - best.start)) best = l;
      }
      const id = best === null ? 0 : best.id;
      const end = this.blockEnd[s];
      for (let i = s; i < end; i++) this.region[i] = id;
    }
    // renumber the regions that got blocks
    const ids = new Map<number, number>();
    for (const s of this.blocks) {
      const id = this.region[s];
      if (!ids.has(id)) ids.set(id, ids.size);
    }
    for (let i = 0; i < this.n; i++) this.region[i] = ids.get(this.region[i]) ?? 0;
    this.nregions = Math.max(1, ids.size);
  }

  /** Registers an instruction writes as locals. */
  private defs(ins: number): number[] {
    const op = ins & 0x7f;
    const a = (ins >>> 7) & 0xff;
    const b = (ins >>> 16) & 0xff;
    const c = ins >>> 24;
    const range = (from: number, to: number): number[] => {
      const r: number[] = [];
      for (let x = from; x <= to; x++) r.push(x);
      return r;
    };
    switch (op) {
      case OP_LOADNIL: return range(a, a + b);
      case OP_SELF: return [a, a + 1];
      case OP_CALL: return c >= 1 ? range(a, a + c - 2) : [];
      case OP_TFORCALL: return range(a + 4, a + 3 + c);
      case OP_FORLOOP: return [a, a + 1, a + 3];
      case OP_FORPREP: return range(a, a + 3);
      case OP_TFORLOOP: return [a + 2];
      case OP_VARARG: return c >= 1 ? range(a, a + c - 2) : [];
      case OP_SETUPVAL: case OP_SETTABUP: case OP_SETTABLE: case OP_SETI: case OP_SETFIELD:
      case OP_CLOSE: case OP_TBC: case OP_JMP: case OP_TEST: case OP_TAILCALL: case OP_RETURN:
      case OP_RETURN0: case OP_RETURN1: case OP_TFORPREP: case OP_SETLIST: case OP_VARARGPREP:
      case OP_EXTRAARG: case OP_EQ: case OP_LT: case OP_LE: case OP_EQK: case OP_EQI:
      case OP_LTI: case OP_LEI: case OP_GTI: case OP_GEI:
        return [];
      default:
        return [a];
    }
  }

  /** Apply instruction i to a dirty set. */
  private transfer(i: number, d: Uint8Array): void {
    const ins = this.code[i];
    const op = ins & 0x7f;
    if (op === OP_CALL || op === OP_TFORCALL) d.fill(0); // written back before the call
    for (const r of this.defs(ins)) if (r < this.ms && this.cached[r]) d[r] = 1;
  }

  /**
   * Forward data flow: registers whose local may differ from the stack at each block start.
   * A block entered from the interpreter or another region starts with none.
   */
  private dataflow(): void {
    const ms = this.ms;
    for (const s of this.blocks) this.dirtyIn.set(s, new Uint8Array(ms));
    const work = this.blocks.slice();
    const queued = new Set(work);
    while (work.length > 0) {
      const s = work.pop()!;
      queued.delete(s);
      const d = this.dirtyIn.get(s)!.slice();
      for (let i = s; i < this.blockEnd[s]; i++) {
        if (i > s && this.skipNext[i - 1]) continue;
        this.transfer(i, d);
      }
      for (const t of this.succs(s)) {
        const din = this.dirtyIn.get(t);
        if (din === undefined || this.region[t] !== this.region[s]) continue;
        let changed = false;
        for (let r = 0; r < ms; r++) {
          if (d[r] && !din[r]) {
            din[r] = 1;
            changed = true;
          }
        }
        if (changed && !queued.has(t)) {
          queued.add(t);
          work.push(t);
        }
      }
    }
  }

  /**
   * Registers an instruction reads from its locals (a superset; writing registers back is
   * not a use: a dead register's stale local may be written back harmlessly).
   */
  private uses(ins: number): number[] {
    const op = ins & 0x7f;
    const a = (ins >>> 7) & 0xff;
    const b = (ins >>> 16) & 0xff;
    const c = ins >>> 24;
    const k = (ins >>> 15) & 1;
    const range = (from: number, to: number): number[] => {
      const r: number[] = [];
      for (let x = from; x <= to && x < this.ms; x++) r.push(x);
      return r;
    };
    const top = this.ms - 1;
    switch (op) {
      case OP_MOVE: case OP_GETI: case OP_GETFIELD: case OP_ADDI: case OP_SHRI: case OP_SHLI:
      case OP_UNM: case OP_BNOT: case OP_NOT: case OP_LEN: case OP_TESTSET:
        return [b];
      case OP_GETTABLE: return [b, c];
      case OP_SETTABUP: return k !== 0 ? [] : [c];
      case OP_SETTABLE: return k !== 0 ? [a, b] : [a, b, c];
      case OP_SETI: case OP_SETFIELD: return k !== 0 ? [a] : [a, c];
      case OP_SELF: return k !== 0 ? [b] : [b, c];
      case OP_SETUPVAL: case OP_EQK: case OP_EQI: case OP_LTI: case OP_LEI: case OP_GTI: case OP_GEI:
      case OP_TEST: case OP_RETURN1: case OP_TBC:
        return [a];
      case OP_EQ: case OP_LT: case OP_LE: return [a, b];
      case OP_CONCAT: return range(a, a + b - 1);
      case OP_CALL: case OP_TAILCALL: return b === 0 ? range(a, top) : range(a, a + b - 1);
      case OP_RETURN: return b === 0 ? range(a, top) : range(a, a + b - 2);
      case OP_FORLOOP: case OP_FORPREP: return range(a, a + 3);
      case OP_TFORCALL: return range(a, a + 2);
      case OP_TFORLOOP: return [a + 4];
      case OP_SETLIST: return b === 0 ? range(a, top) : range(a, a + b);
      default:
        if (op >= OP_ADDK && op <= OP_BXORK) return [b];
        if (op >= OP_ADD && op <= OP_SHR) return [b, c];
        return [];
    }
  }

  /** Registers an instruction always writes (before anything reads them again). */
  private kills(ins: number): number[] {
    const op = ins & 0x7f;
    switch (op) {
      case OP_TESTSET: case OP_FORLOOP: case OP_TFORLOOP: case OP_FORPREP: case OP_VARARG:
        return [];
      case OP_CALL: case OP_TFORCALL: case OP_LOADNIL: case OP_SELF:
        return this.defs(ins);
      default:
        return this.defs(ins);
    }
  }

  private liveStep(i: number, live: Uint8Array): void {
    const ins = this.code[i];
    for (const r of this.kills(ins)) if (r < this.ms) live[r] = 0;
    for (const r of this.uses(ins)) if (r < this.ms) live[r] = 1;
  }

  /** Backward data flow: live registers at each block start (edges to other regions cut). */
  private liveness(): void {
    const ms = this.ms;
    for (const s of this.blocks) this.liveIn.set(s, new Uint8Array(ms));
    let changed = true;
    while (changed) {
      changed = false;
      for (let bi = this.blocks.length - 1; bi >= 0; bi--) {
        const s = this.blocks[bi];
        const live = this.liveOutOfBlock(s);
        this.liveBack(s, this.blockEnd[s], live);
        const old = this.liveIn.get(s)!;
        for (let r = 0; r < ms; r++) {
          if (live[r] !== old[r]) {
            old[r] = live[r];
            changed = true;
          }
        }
      }
    }
  }

  private liveOutOfBlock(s: number): Uint8Array {
    const live = new Uint8Array(this.ms);
    for (const t of this.succs(s)) {
      if (this.region[t] !== this.region[s]) continue;
      const li = this.liveIn.get(t);
      if (li !== undefined) for (let r = 0; r < this.ms; r++) if (li[r]) live[r] = 1;
    }
    return live;
  }

  /** Walk instructions [from, to) of a block backwards over `live`. */
  private liveBack(from: number, to: number, live: Uint8Array): void {
    for (let i = to - 1; i >= from; i--) {
      if (i > from && this.skipNext[i - 1]) continue;
      this.liveStep(i, live);
    }
  }

  /** Registers live right after instruction i. */
  private liveAfter(i: number): Uint8Array {
    let s = i;
    while (!this.leader[s]) s--;
    const live = this.liveOutOfBlock(s);
    this.liveBack(i + 1, this.blockEnd[s], live);
    return live;
  }

  // ---- code generation: helpers ----------------------------------------------------------

  private emit(s: string): void {
    this.out.push(s);
  }

  /** Register r as an expression (assignable, except a float register: its boxed value). */
  private R(r: number): string {
    if (this.fd[r] !== 0) return `(isInteger(d${r}) ? new LuaFloat(d${r}) : d${r})`;
    return this.rc[r] ? `r${r}` : `stack[base + ${r}]`;
  }

  /** Reload register r's local from the stack (no-op for stack registers). */
  private reload(r: number): string {
    this.known[r] = null;
    if (this.fd[r] !== 0) this.bad = `reload of float register ${r}`;
    return this.rc[r] ? `r${r} = stack[base + ${r}];` : '';
  }

  /** Write back register r (a float register only when assigned since entry). */
  private store(r: number): string {
    const f = this.fd[r];
    if (f !== 0) return `if ((dm & ${1 << (f - 1)}) !== 0) stack[base + ${r}] = isInteger(d${r}) ? new LuaFloat(d${r}) : d${r};`;
    return `stack[base + ${r}] = r${r};`;
  }

  private reloadRange(from: number, to: number): string {
    let s = '';
    for (let r = from; r < to && r < this.ms; r++) if (this.used[r]) s += this.reload(r);
    return s;
  }

  /** Write back the dirty registers. */
  private flushDirty(): string {
    let s = '';
    for (let r = 0; r < this.ms; r++) if (this.dirty[r] && this.rc[r] && this.used[r]) s += this.store(r);
    return s;
  }

  /** Write back every register the region may have changed. */
  private flushAll(): string {
    let s = '';
    for (let r = 0; r < this.ms; r++) if (this.rc[r] && this.written[r]) s += this.store(r);
    return s;
  }

  private flushRange(from: number, to: number): string {
    let s = '';
    for (let r = from; r < to && r < this.ms; r++) if (this.rc[r] && this.used[r]) s += this.store(r);
    return s;
  }

  private flushList(regs: number[]): string {
    let s = '';
    for (const r of regs) if (this.rc[r] && this.used[r]) s += this.store(r);
    return s;
  }

  /** Constant K[i] as an operand. */
  private K(i: number): Opnd {
    const v = this.p.k[i];
    if (typeof v === 'number') {
      if (Number.isInteger(v)) return { e: numLit(v), kind: 'int', v };
      return { e: numLit(v), kind: 'flt', v };
    }
    if (typeof v === 'string') return { e: JSON.stringify(v), kind: 'any', v: 0 };
    if (typeof v === 'boolean') return { e: v ? 'true' : 'false', kind: 'any', v: 0 };
    if (v === undefined) return { e: 'void 0', kind: 'any', v: 0 };
    const name = `k${i}`;
    const decl = `const ${name} = K[${i}];`;
    if (!this.hoisted.includes(decl)) this.hoisted.push(decl);
    if (v instanceof LuaFloat) return { e: name, kind: 'box', v: v.n };
    return { e: name, kind: 'any', v: 0 };
  }

  /** Register r as an operand (a known constant when the generator tracked one). */
  private opR(r: number): Opnd {
    const kn = this.known[r];
    if (kn !== null && this.fd[r] === 0) return kn;
    return { e: this.R(r), kind: 'any', v: 0 };
  }

  /** Register r as a raw number expression when it is a float register or a known numeric constant. */
  private fnum(r: number): string | null {
    if (this.fd[r] !== 0) return `d${r}`;
    const kn = this.known[r];
    if (kn !== null && kn.kind !== 'any') return numLit(kn.v);
    return null;
  }

  /** A hoisted LuaFloat constant with value v (LOADF; float values are immutable). */
  private floatConst(v: number): Opnd {
    const lit = numLit(v);
    let name = this.floats.get(lit);
    if (name === undefined) {
      name = `f${this.floats.size}`;
      this.floats.set(lit, name);
      this.hoisted.push(`const ${name} = new LuaFloat(${lit});`);
    }
    return { e: name, kind: 'box', v };
  }

  /** Upvalue object b (loaded once per entry). */
  private U(b: number): string {
    this.upvalUsed.add(b);
    return `u${b}`;
  }

  private refundAfter(i: number): number {
    return i + 1 < this.blockEnd[i] ? this.rest[i + 1] : 0;
  }

  /** Leave after instruction i, registers already written back: the frames changed. */
  private exitNew(i: number): string {
    const ra = this.refundAfter(i);
    return `{ vm.budget = budget${ra > 0 ? ' + ' + ra : ''}; return 1; }`;
  }

  /**
   * Exit to the interpreter at instruction t (refund r), through the shared exit. The refund
   * is added there (xr): an exit path holds only constant stores, so the first time one is
   * taken (a slice's budget runs out at a different block each time) it has no operation
   * without type feedback, which would make V8 throw the function's optimised code away.
   */
  private exitInterp(t: number, r: number): string {
    return `{ ${r > 0 ? `xr = ${r}; ` : ''}xc = 0; pc = ${t}; break out; }`;
  }

  /** Go to label t: a dispatch in this region, else leave for the dispatcher. */
  private jump(t: number): string {
    if (this.region[t] !== this.cur) return `{ pc = ${t}; xc = 2; break out; }`;
    if (!this.label[t]) this.bad = `jump to ${t}, not a resume label`;
    return `{ pc = ${t}; continue; }`;
  }

  private def(r: number): void {
    this.known[r] = null;
  }

  /**
   * Leave the fast path of instruction i for its out-of-line slow path, passing `vals` in
   * s1, s2, s3. The slow section writes every register back, sets frame.pc and runs
   * `body`, which ends by going to a label or leaving.
   */
  private toSlow(i: number, vals: string[], body: string): string {
    let s = '{ ';
    for (let j = 0; j < vals.length; j++) s += `s${j + 1} = ${vals[j]}; `;
    this.slowOut.push(`case ${i}: { ipc = ${i + 1}; frame.pc = ${i + 1}; ${body} }`);
    return s + `sp = ${i}; break slow; }`;
  }

  /** In the slow section: continue after instruction i. */
  private next(i: number): string {
    return this.jump(i + 1);
  }

  /** In the slow section: reload register a. */
  private reloadSlow(a: number): string {
    return this.rc[a] ? `r${a} = stack[base + ${a}];` : '';
  }

  /**
   * Fast path of t[key] for a string key `key` (t in scope): the raw field, then a chain
   * of __index tables or the string methods, without leaving compiled code.
   */
  private strIndex(i: number, RA: string, key: string): string {
    // inline cache (FieldIC): hash slots of the field and of the __index chain
    const ic = this.icObject(i);
    // an own field at its cached slot inline (the common case); the rest in getIC
    return `{ if (t instanceof LuaTable) { const hk = t.hkeys, j = ${ic}.own;`
      + ` if (j < hk.length && hk[j] === ${key}) { const v = t.hvals[j]; if (v !== void 0) { ${RA} = v; break s${i}; } } }`
      + ` const v = getIC(vm, t, ${key}, ${ic});`
      + ` if (v !== MISS) { ${RA} = v; break s${i}; } }`;
  }

  /** The FieldIC of instruction i (shared by all runs of this proto's code). */
  private icObject(i: number): string {
    const name = `c${i}`;
    if (!this.ics.has(i)) {
      this.ics.add(i);
      this.hoisted.push(`const ${name} = new FieldIC();`);
    }
    return name;
  }

  /**
   * t[key] = v for a string constant key (t, v in scope), with an inline cache; true when
   * done. A SETFIELD has a shape site (LuaTable.setField), a SETTABUP none.
   */
  private strStore(i: number, key: string, shaped: boolean): string {
    // an existing field is overwritten whatever the metatable says (as setSlow does)
    const c = this.icSlot(i);
    let site = 'null';
    if (shaped) {
      // the interpreter's site for this instruction (pc past it: i + 1)
      shapeSite(this.p, i + 1);
      site = `z${i}`;
      this.hoisted.push(`const ${site} = SITES[${i + 1}];`);
    }
    return `t instanceof LuaTable && (${c} < t.hkeys.length && t.hkeys[${c}] === ${key} && v !== void 0 && t.hvals[${c}] !== void 0`
      + ` ? (t.flags = 0, t.hvals[${c}] = v, true)`
      + ` : (${c} = setStrIC(t, ${key}, v, ${site})) >= 0 || (${c} = 0, false))`;
  }

  /** The inline-cache variable of instruction i (shared by all runs of this proto's code). */
  private icSlot(i: number): string {
    const name = `c${i}`;
    if (!this.ics.has(i)) {
      this.ics.add(i);
      this.hoisted.push(`let ${name} = 0;`);
    }
    return name;
  }

  private slowGet(i: number, a: number, t: string, key: string, src: number): string {
    return this.toSlow(i, [t, key], `if (getSlow(L, s1, s2, base + ${a}, ${src})) ${this.exitNew(i)} ${this.reloadSlow(a)} ${this.next(i)}`);
  }

  private slowSet(i: number, t: string, key: string, v: string, src: number): string {
    return this.toSlow(i, [t, key, v], `if (setSlow(L, s1, s2, s3, ${src})) ${this.exitNew(i)} ${this.next(i)}`);
  }

  /** Slow path of an arithmetic-like instruction: `call` (on s1, s2) writes R[a] or pushes a metamethod. */
  private slowArith(i: number, a: number, call: string): string {
    return this.toSlow(i, ['x', 'y'], `if (${call}) ${this.exitNew(i)} ${this.reloadSlow(a)} ${this.next(i)}`);
  }

  // ---- code generation: regions and blocks ---------------------------------------------

  generate(): void {
    for (let r = 0; r < this.nregions; r++) this.genRegion(r);
  }

  private genRegion(rg: number): void {
    this.cur = rg;
    this.out = [];
    this.slowOut = [];
    this.upvalUsed = new Set();
    this.used.fill(0);
    this.written.fill(0);
    const blocks = this.blocks.filter((s) => this.region[s] === rg);
    if (this.coldRegion(blocks)) {
      this.regionSrc.push(`function R${rg}(L, frame, stack, base) { return 0; }`);
      this.liveMasks.push(null);
      this.regionNames.push(`R${rg}`);
      return;
    }
    // A register is kept in a local when the region makes no calls, or accesses it much
    // more often than it calls: each call writes dirty locals back and reloads live ones.
    const acc = new Int32Array(this.ms);
    let calls = 0;
    for (const s of blocks) {
      for (let i = s; i < this.blockEnd[s]; i++) {
        if (i > s && this.skipNext[i - 1]) continue;
        const ins = this.code[i];
        const rr = this.regRange(ins);
        if (rr !== null) for (let r = rr[0]; r <= rr[1]; r++) this.used[r] = 1;
        for (const r of this.defs(ins)) this.written[r] = 1;
        const op = ins & 0x7f;
        if (op === OP_CALL || op === OP_TFORCALL) {
          calls++;
        } else {
          for (const r of this.uses(ins)) acc[r]++;
          for (const r of this.defs(ins)) acc[r]++;
        }
      }
    }
    for (let r = 0; r < this.ms; r++) this.rc[r] = this.cached[r] && (calls === 0 || acc[r] > 2 * calls) ? 1 : 0;
    this.spec = false;
    this.fd.fill(0);
    this.genBlocks(blocks);
    this.regionSrc.push(this.assemble(rg, false));
    this.liveMasks.push(null);
    this.regionNames.push(`R${rg}`);
    // a loop region without calls whose float values can stay unboxed: a second version
    if (!this.floatRegs(blocks)) return;
    this.spec = true;
    this.out = [];
    this.slowOut = [];
    this.genBlocks(blocks);
    this.spec = false;
    this.regionSrc.push(this.assemble(rg, true));
    this.liveMasks[rg] = this.floatLiveMasks(blocks);
    this.regionNames[rg] = `R${rg}f`;
    this.fd.fill(0);
  }

  /**
   * Is the region of these blocks left to the interpreter? The part outside the loops of a
   * function split into regions, when it is COLD_REGION instructions or more: it runs once
   * per call, where compiled code gains least over the interpreter, and it is most of what
   * V8 would compile (json's five such parts were most of its compile time, in background
   * threads competing with the program: median of 7 interleaved, 1049 -> 968 ms; no other
   * benchmark program has one). Its function returns 0 at once: the interpreter runs it
   * and enters the compiled loops at their back edges. Not for a main chunk, which runs once:
   * the interpreter would then meet code late that V8 optimised it without (loops: three
   * compilations of the interpreter loop instead of one).
   */
  private coldRegion(blocks: number[]): boolean {
    if (this.nregions === 1 || this.p.linedefined === 0) return false;
    const inRegion = new Set(blocks);
    let size = 0;
    for (const s of blocks) {
      size += this.blockEnd[s] - s;
      for (const t of this.succs(s)) if (t <= this.blockLast.get(s)! && inRegion.has(t)) return false;
    }
    return size >= COLD_REGION;
  }

  private genBlocks(blocks: number[]): void {
    for (let bi = 0; bi < blocks.length; bi++) {
      const s = blocks[bi];
      const end = this.blockEnd[s];
      const next = bi + 1 < blocks.length ? blocks[bi + 1] : -1;
      this.dirty = this.dirtyIn.get(s)!.slice();
      this.known.fill(null);
      this.emit(`case ${s}:`);
      const cost = this.rest[s];
      this.emit(`if (budget < ${cost}) { xc = 0; pc = ${s}; break out; }`);
      this.emit(`budget -= ${cost};`);
      let i = s;
      let fell = true;
      while (i < end) {
        if (i > s && this.label[i]) {
          this.emit(`case ${i}:`);
          this.known.fill(null);
        }
        const op = this.code[i] & 0x7f;
        if (!isPure(op)) this.emit(`ipc = ${i + 1};`);
        fell = this.instr(i, next);
        this.transfer(i, this.dirty);
        i += this.skipNext[i] ? 2 : 1;
      }
      // a block that ends without a terminator falls into the next leader
      if (fell && end !== next) this.emit(this.jump(end));
    }
  }

  /**
   * Float registers of a region (fills fd): registers that the region only assigns from
   * float arithmetic on float registers and numeric constants, or float constants, plus
   * the float registers' inputs that it never assigns (checked at entry). Only for regions
   * with a loop and no calls. False when there are none.
   */
  private floatRegs(blocks: number[]): boolean {
    const ms = this.ms;
    let loop = false;
    const inRegion = new Set(blocks);
    const instrs: number[] = [];
    for (const s of blocks) {
      for (let i = s; i < this.blockEnd[s]; i++) {
        if (i > s && this.skipNext[i - 1]) continue;
        const op = this.code[i] & 0x7f;
        if (op === OP_CALL || op === OP_TFORCALL || op === OP_TAILCALL || op === OP_VARARG) return false;
        instrs.push(i);
      }
      for (const t of this.succs(s)) if (t <= this.blockLast.get(s)! && inRegion.has(t)) loop = true;
    }
    if (!loop) return false;
    const cand = new Uint8Array(ms);
    for (let r = 0; r < ms; r++) cand[r] = this.rc[r] && this.used[r] ? 1 : 0;
    for (let changed = true; changed;) {
      changed = false;
      for (const i of instrs) {
        const ins = this.code[i];
        for (const r of this.defs(ins)) {
          if (cand[r] && !this.floatDef(ins, cand)) {
            cand[r] = 0;
            changed = true;
          }
        }
      }
    }
    // keep those assigned by float arithmetic and the inputs of that arithmetic
    const keep = new Uint8Array(ms);
    for (const i of instrs) {
      const ins = this.code[i];
      const a = (ins >>> 7) & 0xff;
      if (!cand[a] || !this.floatDef(ins, cand)) continue;
      keep[a] = 1;
      for (const r of this.uses(ins)) if (cand[r]) keep[r] = 1;
    }
    let n = 0;
    for (let r = 0; r < ms && n < 30; r++) if (keep[r]) this.fd[r] = ++n;
    return n > 0;
  }

  /** Does `ins` assign its register A a Lua float, given the float registers `cand`? */
  private floatDef(ins: number, cand: Uint8Array): boolean {
    const op = ins & 0x7f;
    const b = (ins >>> 16) & 0xff;
    const c = ins >>> 24;
    const num = (i: number): boolean => typeof this.p.k[i] === 'number' || this.p.k[i] instanceof LuaFloat;
    switch (op) {
      case OP_LOADF: return true;
      case OP_LOADK: return this.K(ins >>> 15).kind === 'flt' || this.K(ins >>> 15).kind === 'box';
      case OP_MOVE: case OP_UNM: return cand[b] === 1;
      case OP_ADDI: return cand[b] === 1;
      case OP_ADD: case OP_SUB: case OP_MUL: case OP_DIV: case OP_POW: return cand[b] === 1 && cand[c] === 1;
      case OP_ADDK: case OP_SUBK: case OP_MULK: case OP_DIVK: case OP_POWK: return cand[b] === 1 && num(c);
      default: return false;
    }
  }

  /** Live-in mask of the float registers at every pc of the region (for the entry checks). */
  private floatLiveMasks(blocks: number[]): Int32Array {
    const m = new Int32Array(this.n + 1);
    for (const s of blocks) {
      for (let i = s; i < this.blockEnd[s]; i++) {
        if (!this.label[i]) continue;
        const live = i === s ? this.liveIn.get(s)! : this.liveAfter(i - 1);
        let mask = 0;
        for (let r = 0; r < this.ms; r++) if (live[r] && this.fd[r] !== 0) mask |= 1 << (this.fd[r] - 1);
        m[i] = mask;
      }
    }
    return m;
  }

  private assemble(rg: number, spec: boolean): string {
    const ms = this.ms;
    const regs: string[] = [];
    const reloadAll: string[] = [];
    for (let r = 0; r < ms; r++) {
      if (this.rc[r] && this.used[r] && !(spec && this.fd[r] !== 0)) {
        regs.push(`r${r} = stack[base + ${r}]`);
        reloadAll.push(`r${r} = stack[base + ${r}];`);
      }
    }
    const ups: string[] = [];
    for (const u of [...this.upvalUsed].sort((x, y) => x - y)) ups.push(`u${u} = upvals[${u}]`);
    const flush = this.flushAll();
    const L: string[] = [];
    L.push(`function R${rg}${spec ? 'f' : ''}(L, frame, stack, base) {`);
    L.push('let pc = frame.pc;');
    if (spec) {
      // the float registers live here must hold floats, else the generic version runs
      const ds: string[] = [];
      const checks: string[] = [];
      for (let r = 0; r < ms; r++) {
        const f = this.fd[r];
        if (f === 0) continue;
        ds.push(`d${r} = 0`);
        checks.push(`{ const v = stack[base + ${r}]; if (typeof v === 'number' && !isInteger(v)) d${r} = v;`
          + ` else if (v instanceof LuaFloat) d${r} = v.n; else if ((lm & ${1 << (f - 1)}) !== 0) return R${rg}(L, frame, stack, base); }`);
      }
      L.push(`const lm = LIVE[${rg}][pc]; let dm = 0, ${ds.join(', ')};`);
      for (const c of checks) L.push(c);
    }
    L.push('const vm = L.vm; let budget = vm.budget;');
    L.push('const ec = ENTRY[pc];');
    // (without a test of ec !== 0 first: every entry runs these operations, so a first entry
    // in mid-function finds them with type feedback)
    L.push('if (ec < 0 || budget < ec) return 0;');
    L.push('budget -= ec;');
    if (ups.length > 0) L.push(`const upvals = frame.closure.upvals, ${ups.join(', ')};`);
    if (regs.length > 0) L.push(`let ${regs.join(', ')};`);
    // pr: this call primes the shared exit (see below)
    const pv = `PR${rg}${spec ? 'f' : ''}`;
    this.hoisted.push(`let ${pv} = 1;`);
    L.push(`let ipc = pc, xc = 0, xr = 0, sp = 0, s1, s2, s3, pr = ${pv};`);
    L.push('try {');
    L.push('for (;;) {');
    L.push('out: if (pr === 0) for (;;) { slow: { switch (pc) {');
    for (const l of this.out) L.push(l);
    // only at entry, at a label of another region (the dispatcher routes by region, so this
    // does not happen): give the charge back and let the interpreter run
    L.push('default: xr = ec; xc = 0; break out;');
    L.push('} }');
    // after debug.setlocal: every register reloaded, continue at -1 - sp
    L.push(`if (sp < 0) { ${reloadAll.join('')} pc = -1 - sp; sp = 0; if (REGION[pc] !== ${rg}) { xc = 2; break out; } continue; }`);
    L.push(flush);
    L.push('switch (sp) {');
    for (const l of this.slowOut) L.push(l);
    L.push('} xc = 0; break out; }');
    // The shared exit. The first call of the function runs it once before anything else (the
    // registers hold what the stack holds, frame.pc is pc and every later exit writes
    // vm.budget again, so it changes nothing), so that V8 has type feedback for it: otherwise
    // its first use (a slice's budget running out, long after the function was optimised)
    // would throw the optimised code away, and an on-stack-replaced loop would fall back to
    // unoptimised code at every such exit.
    L.push(flush);
    L.push('frame.pc = pc; vm.budget = budget + xr;');
    L.push(`if (pr === 0) return xc; pr = 0; ${pv} = 0; }`);
    L.push('} catch (e) {');
    // ipc -1: in a call or a return, which saved everything itself
    L.push(`if (ipc < 0) throw e; ${flush} if (L.frames[L.ci] === frame) frame.pc = ipc; budget += REFUND[ipc];`);
    L.push('vm.budget = budget; throw e; }');
    L.push('}');
    return L.join('\n');
  }

  /** The factory's source. */
  source(): string {
    const lines: string[] = [];
    lines.push('"use strict";');
    lines.push(`const ${HELPER_NAMES.map((x) => `${x} = H.${x}`).join(', ')};`);
    for (const h of this.hoisted) lines.push(h);
    lines.push(`// ${this.p.source.slice(0, 60).replace(/[^\x20-\x7e]/g, '?')}:${this.p.linedefined}`);
    for (const r of this.regionSrc) lines.push(r);
    if (this.nregions === 1) {
      lines.push(`return ${this.regionNames[0]};`);
    } else {
      lines.push(`const RUNS = [${this.regionNames.join(', ')}];`);
      lines.push('return function run(L, frame, stack, base) {');
      lines.push('for (;;) { const x = RUNS[REGION[frame.pc]](L, frame, stack, base); if (x !== 2) return x; }');
      lines.push('};');
    }
    return lines.join('\n');
  }

  // ---- code generation: instructions -----------------------------------------------------

  /**
   * Emit instruction i. Returns false when control never falls out of its code (the
   * terminators emit their own jumps; `next` is the pc of the block emitted next).
   */
  private instr(i: number, next: number): boolean {
    const ins = this.code[i];
    const op = ins & 0x7f;
    const a = (ins >>> 7) & 0xff;
    const b = (ins >>> 16) & 0xff;
    const c = ins >>> 24;
    const k = (ins >>> 15) & 1;
    const bx = ins >>> 15;
    const N1 = i + 1;
    const RA = this.R(a);
    const E = (s: string): void => this.emit(s);
    E(`/* ${i} */`);
    if (this.spec && this.fd[a] !== 0 && this.defs(ins).includes(a)) {
      // a float register is only assigned by float arithmetic (floatRegs)
      const bit = 1 << (this.fd[a] - 1);
      const f = (r: number): string => `d${r}`;
      const kn = (x: number): string => {
        const o = this.K(x);
        return numLit(o.v);
      };
      let e: string;
      switch (op) {
        case OP_LOADF: e = numLit(bx - 65535); break;
        case OP_LOADK: e = kn(bx); break;
        case OP_MOVE: e = f(b); break;
        case OP_UNM: e = `-${f(b)}`; break;
        case OP_ADDI: e = `${f(b)} + ${numLit(c - 127)}`; break;
        case OP_ADD: e = `${f(b)} + ${f(c)}`; break;
        case OP_SUB: e = `${f(b)} - ${f(c)}`; break;
        case OP_MUL: e = `${f(b)} * ${f(c)}`; break;
        case OP_DIV: e = `${f(b)} / ${f(c)}`; break;
        case OP_POW: e = `(${f(c)} === 2 ? ${f(b)} * ${f(b)} : cpow(${f(b)}, ${f(c)}))`; break;
        case OP_ADDK: e = `${f(b)} + ${kn(c)}`; break;
        case OP_SUBK: e = `${f(b)} - ${kn(c)}`; break;
        case OP_MULK: e = `${f(b)} * ${kn(c)}`; break;
        case OP_DIVK: e = `${f(b)} / ${kn(c)}`; break;
        case OP_POWK: e = this.K(c).v === 2 ? `${f(b)} * ${f(b)}` : `cpow(${f(b)}, ${kn(c)})`; break;
        default:
          this.bad = `float register ${a} assigned by op ${op}`;
          e = '0';
      }
      E(`d${a} = ${e}; dm |= ${bit};`);
      this.known[a] = null;
      return true;
    }
    switch (op) {
      case OP_MOVE: {
        const src = this.opR(b);
        E(`${RA} = ${this.R(b)};`);
        this.def(a);
        if (src.kind !== 'any') this.known[a] = src;
        return true;
      }
      case OP_LOADI: {
        const v = bx - 65535;
        E(`${RA} = ${numLit(v)};`);
        this.def(a);
        this.known[a] = { e: numLit(v), kind: 'int', v };
        return true;
      }
      case OP_LOADF: {
        const f = this.floatConst(bx - 65535);
        E(`${RA} = ${f.e};`);
        this.def(a);
        this.known[a] = f;
        return true;
      }
      case OP_LOADK: {
        const kv = this.K(bx);
        E(`${RA} = ${kv.e};`);
        this.def(a);
        if (kv.kind !== 'any') this.known[a] = kv;
        return true;
      }
      case OP_LOADKX:
        E(`${RA} = ${this.K(this.code[i + 1] >>> 7).e};`);
        this.def(a);
        return true;
      case OP_LOADFALSE:
        E(`${RA} = false;`);
        this.def(a);
        return true;
      case OP_LFALSESKIP:
        E(`${RA} = false;`);
        this.def(a);
        if (i + 2 !== next) E(this.jump(i + 2));
        return false;
      case OP_LOADTRUE:
        E(`${RA} = true;`);
        this.def(a);
        return true;
      case OP_LOADNIL:
        for (let j = 0; j <= b; j++) {
          E(`${this.R(a + j)} = void 0;`);
          this.def(a + j);
        }
        return true;
      case OP_GETUPVAL:
        E(`${RA} = ${this.U(b)}.arr[${this.U(b)}.idx];`);
        this.def(a);
        return true;
      case OP_SETUPVAL:
        E(`${this.U(b)}.arr[${this.U(b)}.idx] = ${RA};`);
        return true;
      case OP_GETTABUP: {
        const key = this.K(c).e;
        E(`s${i}: { const t = ${this.U(b)}.arr[${this.U(b)}.idx];`);
        E(this.strIndex(i, RA, key));
        E(`${this.slowGet(i, a, 't', key, SRC_UPVAL + b)} }`);
        this.def(a);
        return true;
      }
      case OP_GETTABLE:
        E(`s${i}: { const t = ${this.R(b)}, key = ${this.R(c)};`);
        E('if (t instanceof LuaTable) { let v;');
        E('if (typeof key === \'number\') { const arr = t.arr; if (key >= 1 && key <= arr.length && (key | 0) === key) v = arr[key - 1]; else v = t.get(key); }');
        E('else v = t.get(key);');
        E(`if (v !== void 0 || t.metatable === null) { ${RA} = v; break s${i}; } }`);
        E(`${this.slowGet(i, a, 't', 'key', b)} }`);
        this.def(a);
        return true;
      case OP_GETI:
        E(`s${i}: { const t = ${this.R(b)};`);
        E(`if (t instanceof LuaTable) { const v = t.getInt(${c}); if (v !== void 0 || t.metatable === null) { ${RA} = v; break s${i}; } }`);
        E(`${this.slowGet(i, a, 't', `${c}`, b)} }`);
        this.def(a);
        return true;
      case OP_GETFIELD: {
        const key = this.K(c).e;
        E(`s${i}: { const t = ${this.R(b)};`);
        E(this.strIndex(i, RA, key));
        E(`${this.slowGet(i, a, 't', key, b)} }`);
        this.def(a);
        return true;
      }
      case OP_SELF: {
        const key = k !== 0 ? this.K(c).e : this.R(c);
        E(`s${i}: { const t = ${this.R(b)}, key = ${key}; ${this.R(a + 1)} = t;`);
        this.def(a + 1);
        if (k !== 0) E(this.strIndex(i, RA, 'key'));
        else E(`if (t instanceof LuaTable) { const v = t.getStr(key); if (v !== void 0 || t.metatable === null) { ${RA} = v; break s${i}; } }`);
        E(`${this.slowGet(i, a, 't', 'key', b)} }`);
        this.def(a);
        return true;
      }
      case OP_SETTABUP: {
        const key = this.K(b).e;
        E(`{ const t = ${this.U(a)}.arr[${this.U(a)}.idx], v = ${k !== 0 ? this.K(c).e : this.R(c)};`);
        E(`if (${this.strStore(i, key, false)}) {}`);
        E(`else ${this.slowSet(i, 't', key, 'v', SRC_UPVAL + a)} }`);
        return true;
      }
      case OP_SETTABLE:
        E(`s${i}: { const t = ${RA}, key = ${this.R(b)}, v = ${k !== 0 ? this.K(c).e : this.R(c)};`);
        E('if (t instanceof LuaTable && t.metatable === null) {');
        E(`if (typeof key === 'number') { const arr = t.arr; if (key >= 1 && key <= arr.length && (key | 0) === key) { arr[key - 1] = v; break s${i}; } }`);
        E(`if (rawSetAny(t, key, v)) break s${i}; }`);
        // a nil or NaN key raises its error in the slow path
        E(`${this.slowSet(i, 't', 'key', 'v', a)} }`);
        this.slowOut[this.slowOut.length - 1] = `case ${i}: { ipc = ${N1}; frame.pc = ${N1};`
          + ' if (s1 instanceof LuaTable && s1.metatable === null) { if (s2 === void 0) rtError(L, \'table index is nil\'); rtError(L, \'table index is NaN\'); }'
          + ` if (setSlow(L, s1, s2, s3, ${a})) ${this.exitNew(i)} ${this.next(i)} }`;
        return true;
      case OP_SETI:
        E(`{ const t = ${RA}, v = ${k !== 0 ? this.K(c).e : this.R(c)};`);
        E(`if (t instanceof LuaTable && t.metatable === null) t.setInt(${b}, v);`);
        E(`else ${this.slowSet(i, 't', `${b}`, 'v', a)} }`);
        return true;
      case OP_SETFIELD: {
        const key = this.K(b).e;
        E(`{ const t = ${RA}, v = ${k !== 0 ? this.K(c).e : this.R(c)};`);
        E(`if (${this.strStore(i, key, true)}) {}`);
        E(`else ${this.slowSet(i, 't', key, 'v', a)} }`);
        return true;
      }
      case OP_NEWTABLE:
        E(`${RA} = new LuaTable(); vm.gcdebt += 56;`);
        this.def(a);
        return true;
      case OP_ADDI: {
        const cc = c - 127;
        const slow = k !== 0
          ? `subISlow(L, s1, ${numLit(cc)}, base + ${a}, ${b})`
          : `arithSlow(L, ${AR_ADD}, s1, ${numLit(cc)}, base + ${a}, ${b}, ${SRC_NONE})`;
        E(`s${i}: { const x = ${this.opR(b).e}, y = x;`);
        // integers inline; a float (plain or boxed) through floatArith
        E(`if (typeof x === 'number' && isInteger(x)) { const r = x + ${numLit(cc)}; if (r <= ${MAXSAFE} && r >= -${MAXSAFE}) { ${RA} = r; break s${i}; } }`);
        E(`else { const r = floatArith(${AR_ADD}, x, ${numLit(cc)}); if (r !== void 0) { ${RA} = r; break s${i}; } }`);
        E(`${this.slowArith(i, a, slow)} }`);
        this.def(a);
        return true;
      }
      case OP_SHRI: {
        const cc = c - 127;
        const fast = cc >= 0 ? `intShr(x, ${cc})` : `intShl(x, ${-cc})`;
        const slow = cc >= 0
          ? `arithSlow(L, ${AR_SHR}, s1, ${numLit(cc)}, base + ${a}, ${b}, ${SRC_NONE})`
          : `arithSlow(L, ${AR_SHL}, s1, ${numLit(-cc)}, base + ${a}, ${b}, ${SRC_NONE})`;
        E(`s${i}: { const x = ${this.opR(b).e}, y = x;`);
        E(`if (typeof x === 'number' && isInteger(x)) { ${RA} = ${fast}; break s${i}; }`);
        E(`${this.slowArith(i, a, slow)} }`);
        this.def(a);
        return true;
      }
      case OP_SHLI:
        // no fast path in the interpreter either
        E(`{ const x = ${this.opR(b).e}, y = x;`);
        E(`${this.slowArith(i, a, `arithSlow(L, ${AR_SHL}, ${numLit(c - 127)}, s1, base + ${a}, ${SRC_NONE}, ${b})`)} }`);
        this.def(a);
        return true;
      case OP_UNM:
        E(`s${i}: { const x = ${this.opR(b).e}, y = x;`);
        E(`if (typeof x === 'number') { ${RA} = isInteger(x) ? 0 - x : -x; break s${i}; }`);
        E(`${this.slowArith(i, a, `arithSlow(L, ${AR_UNM}, s1, s1, base + ${a}, ${b}, ${b})`)} }`);
        this.def(a);
        return true;
      case OP_BNOT:
        E(`s${i}: { const x = ${this.opR(b).e}, y = x;`);
        E(`if (typeof x === 'number' && (x | 0) === x) { ${RA} = ~x; break s${i}; }`);
        E(`${this.slowArith(i, a, `arithSlow(L, ${AR_BNOT}, s1, s1, base + ${a}, ${b}, ${b})`)} }`);
        this.def(a);
        return true;
      case OP_NOT:
        E(`{ const x = ${this.R(b)}; ${RA} = x === void 0 || x === false; }`);
        this.def(a);
        return true;
      case OP_LEN:
        E(`s${i}: { const x = ${this.R(b)}, y = x;`);
        E(`if (typeof x === 'string') { ${RA} = x.length; break s${i}; }`);
        E(`if (x instanceof LuaTable && (x.metatable === null || fastTM(x.metatable, 4) === void 0)) { ${RA} = x.length(); break s${i}; }`);
        E(`${this.slowArith(i, a, `lenSlow(L, s1, base + ${a}, ${b})`)} }`);
        this.def(a);
        return true;
      case OP_CONCAT:
        // concat() works on the stack (and keeps its state there across a __concat call:
        // the interpreter re-runs this instruction with frame.concatN): out of line
        E(this.toSlow(i, [], `let n = ${b}; if (frame.concatN > 0) { n = frame.concatN; frame.concatN = 0; }`
          + ` if (concat(L, frame, base + ${a}, n)) ${this.exitNew(i)} ${this.reloadSlow(a)}`
          + ` ${this.next(i)}`));
        this.def(a);
        return true;
      case OP_CLOSE:
        E(this.toSlow(i, [], `if (closeOne(L, base + ${a}, base + ${this.ms}, ${CONT_REEXEC}, void 0, 0)) ${this.exitNew(i)} ${this.next(i)}`));
        return true;
      case OP_TBC:
        E(this.toSlow(i, [], `markTbc(L, base + ${a}, frame); ${this.next(i)}`));
        return true;
      case OP_JMP: {
        const t = i + 1 + (ins >>> 7) - OFFSET_sJ;
        if (t !== next) E(this.jump(t));
        return false;
      }
      case OP_EQ: case OP_LT: case OP_LE: case OP_EQK: case OP_EQI:
      case OP_LTI: case OP_LEI: case OP_GTI: case OP_GEI: case OP_TEST: case OP_TESTSET:
        this.cond(i, op, a, b, k, next);
        return false;
      case OP_CALL:
        this.call(i, a, b, c);
        return true;
      case OP_TAILCALL: {
        // the frame is replaced (and a compiled callee run) or the native's results returned: leave with 1
        const nargs = b !== 0 ? `${b - 1}` : `L.top - (base + ${a}) - 1`;
        E(`{ frame.pc = ${N1}; ${this.flushDirty()} ipc = -1; vm.budget = budget;`);
        E(`return tailCall(L, frame, base + ${a}, ${nargs}, ${k !== 0}); }`);
        return false;
      }
      case OP_RETURN:
        this.ret(i, a, b, k);
        return false;
      case OP_RETURN0:
        E('if (frame.cont === 0) { const func = frame.func, want = frame.nresults; L.ci--;');
        E('if (want < 0) L.top = func; else for (let j = 0; j < want; j++) stack[func + j] = void 0;');
        E('vm.budget = budget; return 1; }');
        E(`ipc = -1; vm.budget = budget; finishCall(L, base + ${a}, 0); return 1;`);
        return false;
      case OP_RETURN1:
        E('if (frame.cont === 0) { const func = frame.func, want = frame.nresults; L.ci--;');
        E(`stack[func] = ${RA};`);
        E('if (want < 0) L.top = func + 1; else for (let j = 1; j < want; j++) stack[func + j] = void 0;');
        E('vm.budget = budget; return 1; }');
        E(`${this.flushRange(a, a + 1)} ipc = -1; vm.budget = budget; finishCall(L, base + ${a}, 1); return 1;`);
        return false;
      case OP_FORLOOP: {
        const t = i + 1 - bx;
        const r0 = this.R(a), r1 = this.R(a + 1), r2 = this.R(a + 2), r3 = this.R(a + 3);
        E(`s${i}: { const count = ${r1}, v0 = ${r0}, step = ${r2};`);
        E('if (typeof count === \'number\' && typeof v0 === \'number\' && typeof step === \'number\') {');
        E(`if (count > 0) { const v = v0 + step; if (v <= ${MAXSAFE} && v >= -${MAXSAFE}) { ${r1} = count - 1; ${r0} = v; ${r3} = v; ${this.jump(t)} } }`);
        E(`else break s${i}; }`);
        E(`${this.flushRange(a, a + 4)}`);
        E(`if (forLoopSlow(L, base + ${a})) { ${this.reload(a)}${this.reload(a + 1)}${this.reload(a + 3)} ${this.jump(t)} } }`);
        if (i + 1 !== next) E(this.jump(i + 1));
        for (const r of [a, a + 1, a + 3]) this.def(r);
        return false;
      }
      case OP_FORPREP: {
        // integer loops with small values inline (as forPrep computes them), others there
        const t = i + 2 + bx;
        const r0 = this.R(a), r1 = this.R(a + 1), r2 = this.R(a + 2), r3 = this.R(a + 3);
        E(`{ const init = ${r0}, limit = ${r1}, step = ${r2};`);
        E('if (typeof init === \'number\' && typeof limit === \'number\' && typeof step === \'number\' && isInteger(init) && isInteger(limit) && isInteger(step) && step !== 0) {');
        E(`if (step > 0 ? init > limit : init < limit) ${this.jump(t)}`);
        E(`${r1} = step > 0 ? floor((limit - init) / step) : floor((init - limit) / -step); ${r3} = init; }`);
        E(`else ${this.toSlow(i, [], `${this.flushRange(a, a + 4)} if (!forPrep(L, base + ${a})) ${this.jump(t)} ${this.reloadRange(a, a + 4)} ${this.next(i)}`)} }`);
        for (const r of [a, a + 1, a + 2, a + 3]) this.def(r);
        if (i + 1 !== next) E(this.jump(i + 1));
        return false;
      }
      case OP_TFORPREP: {
        const t = i + 1 + bx;
        E(this.toSlow(i, [], `markTbc(L, base + ${a + 3}, frame); ${this.jump(t)}`));
        return false;
      }
      case OP_TFORCALL:
        this.tforcall(i, a, c);
        return true;
      case OP_TFORLOOP: {
        const t = i + 1 - bx;
        E(`if (${this.R(a + 4)} !== void 0) { ${this.R(a + 2)} = ${this.R(a + 4)}; ${this.jump(t)} }`);
        this.def(a + 2);
        if (i + 1 !== next) E(this.jump(i + 1));
        return false;
      }
      case OP_SETLIST:
        this.setlist(i, a, b, c, k);
        return true;
      case OP_CLOSURE: {
        const child = this.p.p[bx];
        const uvs: string[] = [];
        for (let j = 0; j < child.upvalNames.length; j++) {
          uvs.push(child.upvalInStack[j] ? `findUpval(L, base + ${child.upvalIdx[j]})` : `frame.closure.upvals[${child.upvalIdx[j]}]`);
        }
        // (an empty literal would not have the element kind of the other upvalue lists)
        const list = uvs.length === 0 ? 'EMPTY_UPVALS' : `[${uvs.join(', ')}]`;
        E(`${RA} = new LuaClosure(P[${bx}], ${list}); vm.gcdebt += ${40 + child.upvalNames.length * 8};`);
        this.def(a);
        return true;
      }
      case OP_VARARG: {
        const np = this.p.numparams;
        if (c === 0) {
          E(`{ const nextra = frame.nextra, from = frame.func + ${1 + np}, ra = base + ${a};`);
          E('if (nextra > 64) { vm.budget = budget; charge(vm, nextra); }');
          E('if (ra + nextra > stack.length) L.ensureStack(ra + nextra);');
          E('for (let j = 0; j < nextra; j++) stack[ra + j] = stack[from + j];');
          E(`L.top = ra + nextra; ${this.reloadRange(a, this.ms)} }`);
        } else {
          E(`{ const nextra = frame.nextra, from = frame.func + ${1 + np};`);
          for (let j = 0; j < c - 1; j++) {
            E(`${this.R(a + j)} = ${j} < nextra ? stack[from + ${j}] : void 0;`);
            this.def(a + j);
          }
          E('}');
        }
        return true;
      }
      case OP_VARARGPREP: case OP_EXTRAARG:
        return true;
      default:
        this.arith(i, op, a, b, c);
        return true;
    }
  }

  // ---- arithmetic ------------------------------------------------------------------------

  /** Binary arithmetic ADDK..BXORK (22..31) and ADD..SHR (34..45), as the interpreter does it. */
  private arith(i: number, op: number, a: number, b: number, c: number): void {
    const isK = op >= OP_ADDK && op <= OP_BXORK;
    const ar = isK ? op - OP_ADDK : op - OP_ADD;
    const x = this.opR(b);
    const y = isK ? this.K(c) : this.opR(c);
    const RA = this.R(a);
    const E = (s: string): void => this.emit(s);
    const done = `break s${i};`;
    const box = (r: string): string => `${RA} = isInteger(${r}) ? new LuaFloat(${r}) : ${r}; ${done}`;
    const viaFloat = `{ const r = floatArith(${ar}, x, y); if (r !== void 0) { ${RA} = r; ${done} } }`;
    // value of an operand known to be a number (plain or boxed float)
    const num = (o: Opnd, name: string): string => (o.kind === 'box' ? numLit(o.v) : name);
    E(`s${i}: { const x = ${x.e}, y = ${y.e};`);
    if (ar <= AR_MUL) {
      const sym = ar === AR_ADD ? '+' : ar === AR_SUB ? '-' : '*';
      const norm = ar === AR_MUL ? ' + 0' : '';
      if ((x.kind === 'any') !== (y.kind === 'any')) {
        // one side a known number constant
        const kn = x.kind === 'any' ? y : x;
        const left = x.kind === 'any';
        const u = left ? 'x' : 'y';
        const expr = (v: string): string => (left ? `${v} ${sym} ${num(kn, 'y')}` : `${num(kn, 'x')} ${sym} ${v}`);
        if (kn.kind === 'int') {
          // integers inline; a float (plain or boxed) through floatArith
          E(`if (typeof ${u} === 'number' && isInteger(${u})) { const r = ${expr(u)};`);
          E(`if (r <= ${MAXSAFE} && r >= -${MAXSAFE}) { ${RA} = r${norm}; ${done} } }`);
          E(`else ${viaFloat}`);
        } else {
          E(`if (typeof ${u} === 'number') { const r = ${expr(u)}; ${box('r')} }`);
          E(`else if (${u} instanceof LuaFloat) { const r = ${expr(u + '.n')}; ${box('r')} }`);
        }
      } else {
        E(`if (typeof x === 'number' && typeof y === 'number') { const r = x ${sym} y;`);
        E(`if (!isInteger(r)) { ${RA} = r; ${done} }`);
        E(`if (!isInteger(x) || !isInteger(y)) { ${RA} = new LuaFloat(r); ${done} }`);
        E(`if (r <= ${MAXSAFE} && r >= -${MAXSAFE}) { ${RA} = r${norm}; ${done} } }`);
        E(`else ${viaFloat}`);
      }
    } else if (ar === AR_DIV) {
      if (y.kind !== 'any' && x.kind === 'any') {
        E(`if (typeof x === 'number') { const r = x / ${num(y, 'y')}; ${box('r')} }`);
        E(`else if (x instanceof LuaFloat) { const r = x.n / ${num(y, 'y')}; ${box('r')} }`);
      } else {
        E(`if (typeof x === 'number' && typeof y === 'number') { const r = x / y; ${box('r')} }`);
        E(`else ${viaFloat}`);
      }
    } else if (ar === AR_MOD && y.kind === 'int' && y.v !== 0) {
      const yv = numLit(y.v);
      E('if (typeof x === \'number\') {');
      E(`if (isInteger(x)) { let r = x % ${yv}; if (r !== 0 && (r < 0) !== ${y.v < 0}) r += ${yv}; ${RA} = r + 0; ${done} }`);
      E(`const r = fastArith(${ar}, x, y); if (r !== void 0) { ${RA} = r; ${done} } }`);
      E(`else ${viaFloat}`);
    } else if (ar === AR_BAND || ar === AR_BOR || ar === AR_BXOR) {
      const sym = ar === AR_BAND ? '&' : ar === AR_BOR ? '|' : '^';
      // two int32s, or two uint32s (32-bit masks): JS's 32-bit operations are exact; other
      // integers through fastArith (both halves), anything else the slow path
      E(`if (typeof x === 'number' && typeof y === 'number') {`);
      E(`if ((x | 0) === x && (y | 0) === y) { ${RA} = x ${sym} y; ${done} }`);
      E(`if ((x >>> 0) === x && (y >>> 0) === y) { ${RA} = (x ${sym} y) >>> 0; ${done} }`);
      E(`const r = fastArith(${ar}, x, y); if (r !== void 0) { ${RA} = r; ${done} } }`);
    } else {
      E(`if (typeof x === 'number' && typeof y === 'number') { const r = fastArith(${ar}, x, y); if (r !== void 0) { ${RA} = r; ${done} } }`);
      if (ar <= AR_IDIV) E(`else ${viaFloat}`);
    }
    E(`${this.slowArith(i, a, `arithSlow(L, ${ar}, s1, s2, base + ${a}, ${b}, ${isK ? SRC_NONE : c})`)} }`);
    this.def(a);
  }

  // ---- conditional jumps -----------------------------------------------------------------

  private cond(i: number, op: number, a: number, b: number, k: number, next: number): void {
    const E = (s: string): void => this.emit(s);
    const jmp = this.code[i + 1];
    const tJump = i + 2 + (jmp >>> 7) - OFFSET_sJ;
    const tSkip = i + 2;
    const RA = this.R(a);
    const taken = k ? 'res' : '!res';
    // the slow path's result decides in the slow section
    const slow = (call: string): string => this.toSlow(i, ['x', 'y'],
      `const res = ${call}; if (res === null) ${this.exitNew(i)} if (${taken}) ${this.jump(tJump)} ${this.jump(tSkip)}`);
    E('{ let res;');
    switch (op) {
      case OP_EQ:
        if (this.fnum(a) !== null && this.fnum(b) !== null) {
          E(`res = ${this.fnum(a)} === ${this.fnum(b)};`);
          break;
        }
        E(`const x = ${RA}, y = ${this.R(b)};`);
        E('if (x === y) res = true; else if (typeof x !== \'object\' && typeof y !== \'object\') res = false;');
        E(`else ${slow(`eqSlow(L, s1, s2, ${k})`)}`);
        break;
      case OP_LT: case OP_LE: {
        const sym = op === OP_LE ? '<=' : '<';
        const fx = this.fnum(a);
        const fy = this.fnum(b);
        if (fx !== null && fy !== null) {
          E(`res = ${fx} ${sym} ${fy};`);
          break;
        }
        const x = this.opR(a);
        const y = this.opR(b);
        E(`const x = ${x.e}, y = ${y.e};`);
        if ((x.kind === 'int' || x.kind === 'flt') && y.kind === 'any') {
          E(`if (typeof y === 'number') res = x ${sym} y; else if (y instanceof LuaFloat) res = x ${sym} y.n;`);
        } else if ((y.kind === 'int' || y.kind === 'flt') && x.kind === 'any') {
          E(`if (typeof x === 'number') res = x ${sym} y; else if (x instanceof LuaFloat) res = x.n ${sym} y;`);
        } else {
          E(`if (typeof x === 'number' && typeof y === 'number') res = x ${sym} y;`);
          E('else if ((typeof x === \'number\' || x instanceof LuaFloat) && (typeof y === \'number\' || y instanceof LuaFloat))');
          E(`res = (typeof x === 'number' ? x : x.n) ${sym} (typeof y === 'number' ? y : y.n);`);
        }
        E(`else ${slow(`lessSlow(L, s1, s2, ${op === OP_LE}, ${k})`)}`);
        break;
      }
      case OP_EQK: {
        const y = this.K(b);
        const kv = this.p.k[b];
        // a string, boolean or nil constant equals only itself
        if (typeof kv === 'string' || typeof kv === 'boolean' || kv === undefined) {
          E(`res = ${RA} === ${y.e};`);
          break;
        }
        E(`const x = ${RA}, y = ${y.e};`);
        E('res = x === y;');
        E('if (!res && (typeof y === \'object\' || typeof y === \'bigint\' || typeof x === \'object\' || typeof x === \'bigint\')) res = isNum(x) && isNum(y) && numEQ(x, y);');
        break;
      }
      case OP_EQI: {
        const y = numLit(b - 127);
        if (this.fd[a] !== 0) {
          E(`res = d${a} === ${y};`);
          break;
        }
        E(`const x = ${RA}; res = x === ${y}; if (!res && x instanceof LuaFloat) res = x.n === ${y};`);
        break;
      }
      case OP_LTI: case OP_LEI: case OP_GTI: case OP_GEI: {
        const y = numLit(b - 127);
        const sym = op === OP_LTI ? '<' : op === OP_LEI ? '<=' : op === OP_GTI ? '>' : '>=';
        if (this.fd[a] !== 0) {
          E(`res = d${a} ${sym} ${y};`);
          break;
        }
        E(`const x = ${RA}, y = x;`);
        E(`if (typeof x === 'number') res = x ${sym} ${y}; else if (x instanceof LuaFloat) res = x.n ${sym} ${y};`);
        const call = op === OP_LTI ? `lessSlow(L, s1, ${y}, false, ${k})`
          : op === OP_LEI ? `lessSlow(L, s1, ${y}, true, ${k})`
            : op === OP_GTI ? `lessSlow(L, ${y}, s1, false, ${k})`
              : `lessSlow(L, ${y}, s1, true, ${k})`;
        E(`else ${slow(call)}`);
        break;
      }
      case OP_TEST:
        E(`const x = ${RA}; res = x !== void 0 && x !== false;`);
        break;
      case OP_TESTSET:
        // jump (and copy) when res === k
        E(`const x = ${this.R(b)}; res = x !== void 0 && x !== false;`);
        E(`if (${taken}) { ${RA} = x; ${this.jump(tJump)} }`);
        this.def(a);
        E(tSkip !== next ? `${this.jump(tSkip)} }` : '}');
        return;
    }
    E(`if (${taken}) ${this.jump(tJump)}`);
    E(tSkip !== next ? `${this.jump(tSkip)} }` : '}');
  }

  // ---- calls and returns -----------------------------------------------------------------

  /**
   * CALL: a Lua function is pushed and, when compiled, run right here (callLua); a plain
   * native runs as the interpreter's fast path does; pcall, coroutines, generators and
   * __call go through the interpreter's machinery (callOther). Either way the registers,
   * frame.pc and vm.budget are saved first; when the frames changed, this frame leaves.
   */
  private call(i: number, a: number, b: number, c: number): void {
    const nargs = b !== 0 ? `${b - 1}` : `L.top - (base + ${a}) - 1`;
    this.emit(`{ frame.pc = ${i + 1}; const fv = ${this.R(a)}; ${this.flushDirty()}`);
    this.callTail(i, a, a, nargs, c - 1);
  }

  /** R[A+4], ... ,R[A+3+C] := R[A](R[A+1], R[A+2]) */
  private tforcall(i: number, a: number, c: number): void {
    // (the registers are written back first: the call's arguments are stored over them)
    this.emit(`{ ${this.flushDirty()} frame.pc = ${i + 1}; const fv = ${this.R(a)}; stack[base + ${a + 4}] = fv;`
      + ` stack[base + ${a + 5}] = ${this.R(a + 1)}; stack[base + ${a + 6}] = ${this.R(a + 2)};`);
    this.callTail(i, a, a + 4, '2', c);
  }

  /** The call itself, with the function at register f; fv in scope. */
  private callTail(i: number, a: number, f: number, nargs: string, nres: number): void {
    const E = (s: string): void => this.emit(s);
    const N1 = i + 1;
    const ra = this.refundAfter(i);
    const raS = ra > 0 ? ` + ${ra}` : '';
    E(`ipc = -1; vm.budget = budget${raS};`);
    E(`if (fv instanceof LuaClosure) { if (callLua(L, frame, fv, base + ${f}, ${nargs}, ${nres})) return 1; }`);
    E(`else { const n = callOther(L, frame, fv, base + ${f}, ${nargs}, ${nres});`);
    // -2: debug.setlocal may have written any register: reload them all
    E(`if (n < 0) { if (n === -1) return 1; budget = vm.budget${ra > 0 ? ' - ' + ra : ''}; sp = ${-1 - N1}; break slow; } }`);
    E(`budget = vm.budget${ra > 0 ? ' - ' + ra : ''};`);
    // results, then what a callee may have changed with debug.setlocal and is still needed
    E(nres < 0 ? this.reloadRange(f, this.ms) : this.reloadRange(f, f + nres));
    const live = this.liveAfter(i);
    let s = '';
    for (let r = 0; r < f; r++) if (live[r]) s += this.reload(r);
    E(s);
    E(`ipc = ${N1};`);
    E(`if (budget < 0 || L.hookMask !== 0) ${this.exitInterp(N1, ra)} }`);
    this.known.fill(null);
    void a;
  }

  private ret(i: number, a: number, b: number, k: number): void {
    const E = (s: string): void => this.emit(s);
    // to-be-closed variables pending (or a RETURN re-run after closing one): interpreter
    E(`if (frame.pendingRet >= 0 || (L.tbc.length > 0 && L.tbc[L.tbc.length - 1] >= base)) ${this.exitInterp(i, this.rest[i])}`);
    E(k !== 0 ? 'closeUpvals(L, base);' : 'if (L.openupval !== null && L.openupval.idx >= base) closeUpvals(L, base);');
    if (b !== 0) {
      const n = b - 1;
      E('if (frame.cont === 0) { const func = frame.func, want = frame.nresults; L.ci--;');
      E('if (want < 0) {');
      for (let j = 0; j < n; j++) E(`stack[func + ${j}] = ${this.R(a + j)};`);
      E(`L.top = func + ${n}; } else {`);
      for (let j = 0; j < n; j++) E(`if (want > ${j}) stack[func + ${j}] = ${this.R(a + j)};`);
      E(`for (let j = ${n}; j < want; j++) stack[func + j] = void 0; }`);
      E('vm.budget = budget; return 1; }');
      E(`${this.flushRange(a, a + n)} ipc = -1; vm.budget = budget; finishCall(L, base + ${a}, ${n}); return 1;`);
    } else {
      E(`{ ${this.flushAll()} const n = L.top - (base + ${a});`);
      E('if (frame.cont === 0) { const func = frame.func, want = frame.nresults; L.ci--;');
      E(`if (want < 0) { for (let j = 0; j < n; j++) stack[func + j] = stack[base + ${a} + j]; L.top = func + n; }`);
      E(`else for (let j = 0; j < want; j++) stack[func + j] = j < n ? stack[base + ${a} + j] : void 0;`);
      E('vm.budget = budget; return 1; }');
      E(`ipc = -1; vm.budget = budget; finishCall(L, base + ${a}, n); return 1; }`);
    }
  }

  private setlist(i: number, a: number, b: number, c: number, k: number): void {
    const E = (s: string): void => this.emit(s);
    const start = k !== 0 ? this.code[i + 1] >>> 7 : c;
    E(`{ const t = ${this.R(a)}; const arr = t.arr;`);
    if (b !== 0 && b <= 8) {
      for (let j = 1; j <= b; j++) {
        const key = start + j;
        E(`{ const v = ${this.R(a + j)}; if (${key} <= arr.length) arr[${key - 1}] = v; else if (${key} === arr.length + 1) arr.push(v); else t.setInt(${key}, v); }`);
      }
      E(`if (t.hmap.size > 0) t.setInt(arr.length + 1, t.get(arr.length + 1)); vm.gcdebt += ${b * 8}; }`);
      return;
    }
    E(this.flushRange(a + 1, this.ms));
    E(b !== 0 ? `const n = ${b};` : `const n = L.top - (base + ${a}) - 1;`);
    E('for (let j = 1; j <= n; j++) {');
    E(`const key = ${start} + j; const v = stack[base + ${a} + j];`);
    E('if (key <= arr.length) arr[key - 1] = v; else if (key === arr.length + 1) arr.push(v); else t.setInt(key, v); }');
    E('if (t.hmap.size > 0) t.setInt(arr.length + 1, t.get(arr.length + 1)); vm.gcdebt += n * 8;');
    // a long list: charged, and the heap checked at once (as the interpreter does)
    E('if (n > 64) { vm.budget = budget; charge(vm, n); checkHeap(vm); } }');
  }
}
