/**
 * The binary chunk format: Protos serialised to a byte string (string.dump, load with mode
 * "b", compiled-chunk caches) and read back with full verification, so that malformed or
 * hostile bytes give a Lua error, never a crash or a hang.
 *
 * Layout (all integers are unsigned LEB128 varints unless noted):
 *   header   the standard 5.4 header (see HEADER), "moonbox", FORMAT_VERSION(byte)
 *   proto    source(str or empty when stripped) linedefined lastlinedefined numparams
 *            flags(byte: 1 vararg, 2 stripped) maxstack
 *            ncode code[ncode] (each a 4-byte little-endian int32)
 *            nk k[nk] (tag byte: 0 nil, 1 false, 2 true, 3 int (8-byte LE two's complement),
 *                      4 float (8-byte LE IEEE), 5 string)
 *            nup (instack byte, idx, kind byte, name str)[nup]
 *            np proto[np]
 *            lineinfo (when not stripped: ncode varints, zigzag deltas)
 *            nloc (name str, startpc, endpc)[nloc]   (0 when stripped)
 *   str      length then bytes
 */
import { Proto } from './proto.js';
import { LuaFloat, normInt } from './value.js';
import type { LuaValue } from './value.js';
import { OPCODES, FMT, OP } from './opcodes.js';

export const SIGNATURE = '\x1bLua';
/**
 * The standard Lua 5.4 header: signature, version 0x54, format 0, LUAC_DATA, the sizes of an
 * instruction, an integer and a float, then the integer 0x5678 and the float 370.5 (checks of
 * byte order and number formats). What follows it is moonbox's own layout, marked "moonbox".
 */
const HEADER = '\x1bLua\x54\x00\x19\x93\r\n\x1a\n\x04\x08\x08'
  + '\x78\x56\x00\x00\x00\x00\x00\x00' // 0x5678 as a little-endian int64
  + '\x00\x00\x00\x00\x00\x28\x77\x40' // 370.5 as a little-endian double
  + 'moonbox';
export const FORMAT_VERSION = 1;

/**
 * The fields of HEADER after the signature's first byte, checked in order when a chunk does
 * not start with it (lundump.c checkHeader): where each ends, and the message when it differs.
 */
const HEADER_FIELDS: readonly [number, string][] = [
  [4, 'not a binary chunk'], [5, 'version mismatch'], [6, 'format mismatch'], [12, 'corrupted chunk'],
  [13, 'Instruction size mismatch'], [14, 'lua_Integer size mismatch'], [15, 'lua_Number size mismatch'],
  [23, 'integer format mismatch'], [31, 'float format mismatch'],
];

/** The 8 bytes (little-endian) of an integer or float constant being written or read. */
const scratch = new DataView(new ArrayBuffer(8));

class Writer {
  parts: string[] = [];
  byte(b: number): void {
    this.parts.push(String.fromCharCode(b & 0xff));
  }
  varint(n: number): void {
    let s = '';
    do {
      let b = n % 128;
      n = Math.floor(n / 128);
      if (n > 0) b |= 0x80;
      s += String.fromCharCode(b);
    } while (n > 0);
    this.parts.push(s);
  }
  str(s: string): void {
    this.varint(s.length);
    this.parts.push(s);
  }
  i32(n: number): void {
    this.parts.push(String.fromCharCode(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff));
  }
  /** the 8 bytes of scratch */
  scratch8(): void {
    let s = '';
    for (let i = 0; i < 8; i++) s += String.fromCharCode(scratch.getUint8(i));
    this.parts.push(s);
  }
}

/** Serialise a function prototype (and its children). */
export function dumpProto(p: Proto, strip: boolean): string {
  const w = new Writer();
  w.parts.push(HEADER);
  w.byte(FORMAT_VERSION);
  writeProto(w, p, strip, null);
  return w.parts.join('');
}

function writeProto(w: Writer, p: Proto, strip: boolean, psource: string | null): void {
  // a nested function with its parent's source leaves it out (the reader takes the parent's)
  w.str(strip || p.source === psource ? '' : p.source);
  w.varint(p.linedefined);
  w.varint(p.lastlinedefined);
  w.varint(p.numparams);
  w.byte((p.isVararg ? 1 : 0) | (strip ? 2 : 0));
  w.varint(p.maxstack);
  w.varint(p.code.length);
  for (let i = 0; i < p.code.length; i++) w.i32(p.code[i]);
  w.varint(p.k.length);
  for (const v of p.k) {
    if (v === undefined) w.byte(0);
    else if (v === false) w.byte(1);
    else if (v === true) w.byte(2);
    else if (typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v))) {
      w.byte(3);
      scratch.setBigInt64(0, BigInt(v), true);
      w.scratch8();
    } else if (typeof v === 'number' || v instanceof LuaFloat) {
      w.byte(4);
      scratch.setFloat64(0, typeof v === 'number' ? v : v.n, true);
      w.scratch8();
    } else {
      w.byte(5);
      w.str(v as string);
    }
  }
  const nup = p.upvalNames.length;
  w.varint(nup);
  for (let i = 0; i < nup; i++) {
    w.byte(p.upvalInStack[i] ? 1 : 0);
    w.varint(p.upvalIdx[i]);
    w.byte(p.upvalKind[i] ?? 0);
    w.str(strip ? '' : p.upvalNames[i]);
  }
  w.varint(p.p.length);
  for (const c of p.p) writeProto(w, c, strip, p.source);
  if (!strip) {
    let prev = p.linedefined;
    for (let i = 0; i < p.lineinfo.length; i++) {
      const d = p.lineinfo[i] - prev;
      w.varint(d >= 0 ? d * 2 : -d * 2 - 1);
      prev = p.lineinfo[i];
    }
    w.varint(p.locvars.length);
    for (const lv of p.locvars) {
      w.str(lv.name);
      w.varint(lv.startpc);
      w.varint(lv.endpc);
    }
  } else {
    w.varint(0);
  }
}

/** Thrown for malformed binary chunks; the loader turns it into a Lua error message. */
export class BadChunk extends Error {}

class Reader {
  pos = 0;
  constructor(readonly s: string) {}
  byte(): number {
    if (this.pos >= this.s.length) throw new BadChunk('truncated');
    return this.s.charCodeAt(this.pos++);
  }
  varint(max = 0x7fffffff): number {
    let n = 0;
    let mul = 1;
    for (let i = 0; ; i++) {
      const b = this.byte();
      n += (b & 0x7f) * mul;
      if ((b & 0x80) === 0) break;
      mul *= 128;
      if (i > 7) throw new BadChunk('bad integer');
    }
    if (n > max) throw new BadChunk('bad integer');
    return n;
  }
  str(): string {
    const n = this.varint(this.s.length);
    if (this.pos + n > this.s.length) throw new BadChunk('truncated');
    const r = this.s.slice(this.pos, this.pos + n);
    this.pos += n;
    return r;
  }
  i32(): number {
    return this.byte() | (this.byte() << 8) | (this.byte() << 16) | (this.byte() << 24);
  }
  /** 8 bytes into scratch */
  scratch8(): void {
    for (let i = 0; i < 8; i++) scratch.setUint8(i, this.byte());
  }
}

/** Read a binary chunk; throws BadChunk with a reason when it is malformed. */
export function undumpProto(s: string, chunkname: string): Proto {
  if (!s.startsWith(HEADER)) {
    // the fields in order, each with its own message; reading past the end of the data is a
    // truncated chunk
    let from = 1;
    for (const [to, why] of HEADER_FIELDS) {
      if (s.length < to) throw new BadChunk('truncated');
      if (s.slice(from, to) !== HEADER.slice(from, to)) throw new BadChunk(why);
      from = to;
    }
    // a reference binary chunk (or anything after a valid header) is not one moonbox reads
    if (s.length < HEADER.length && HEADER.startsWith(s)) throw new BadChunk('truncated');
    throw new BadChunk('not a moonbox binary chunk');
  }
  const r = new Reader(s);
  r.pos = HEADER.length;
  if (r.byte() !== FORMAT_VERSION) throw new BadChunk('version mismatch');
  // like luaU_undump, bytes after the main function are not read (load ignores them)
  return readProto(r, chunkname, 0);
}

function readProto(r: Reader, parentSource: string, depth: number): Proto {
  if (depth > 200) throw new BadChunk('too deep');
  const p = new Proto();
  const src = r.str();
  p.source = src === '' ? parentSource : src;
  p.linedefined = r.varint();
  p.lastlinedefined = r.varint();
  p.numparams = r.varint(255);
  const flags = r.byte();
  p.isVararg = (flags & 1) !== 0;
  const stripped = (flags & 2) !== 0;
  // without debug information the source is unknown ("?") and lines are -1
  if (stripped) p.source = '=?';
  p.maxstack = r.varint(255);
  const ncode = r.varint(r.s.length);
  const code = new Int32Array(ncode);
  for (let i = 0; i < ncode; i++) code[i] = r.i32();
  p.code = code;
  p.ic = new Int32Array(ncode);
  const nk = r.varint(r.s.length);
  for (let i = 0; i < nk; i++) {
    const tag = r.byte();
    switch (tag) {
      case 0: p.k.push(undefined); break;
      case 1: p.k.push(false); break;
      case 2: p.k.push(true); break;
      case 3:
        r.scratch8();
        p.k.push(normInt(scratch.getBigInt64(0, true)));
        break;
      case 4: {
        r.scratch8();
        const f = scratch.getFloat64(0, true);
        p.k.push(Number.isInteger(f) ? new LuaFloat(f) : f);
        break;
      }
      case 5: p.k.push(r.str()); break;
      default: throw new BadChunk('bad constant');
    }
  }
  const nup = r.varint(255);
  for (let i = 0; i < nup; i++) {
    p.upvalInStack.push(r.byte() !== 0);
    p.upvalIdx.push(r.varint(255));
    p.upvalKind.push(r.byte());
    p.upvalNames.push(r.str());
  }
  const np = r.varint(r.s.length);
  for (let i = 0; i < np; i++) p.p.push(readProto(r, p.source, depth + 1));
  p.lineinfo = new Int32Array(ncode);
  if (stripped) p.lineinfo.fill(-1);
  else {
    let prev = p.linedefined;
    for (let i = 0; i < ncode; i++) {
      const z = r.varint();
      prev += (z & 1) ? -((z + 1) / 2) : z / 2;
      p.lineinfo[i] = prev;
    }
  }
  const nloc = r.varint(r.s.length);
  for (let i = 0; i < nloc; i++) p.locvars.push({ name: r.str(), startpc: r.varint(), endpc: r.varint() });
  verify(p);
  return p;
}

/**
 * Check that every instruction only names registers, constants, upvalues, protos and jump
 * targets that exist, so running the code cannot read outside its frame or run off its end.
 */
function verify(p: Proto): void {
  const code = p.code;
  const n = code.length;
  const nk = p.k.length;
  const nup = p.upvalNames.length;
  const maxstack = p.maxstack;
  let at = -1;
  const bad = (): never => {
    throw new BadChunk(at >= 0 ? `bad code at instruction ${at + 1}` : 'bad code');
  };
  /** is the instruction at pc an op? */
  const opAt = (pc: number, op: number): boolean => pc < n && (code[pc] & 0x7f) === op;
  /** is constant i a string? (false when there is no constant i) */
  const strK = (i: number): boolean => typeof p.k[i] === 'string';
  if (n === 0) bad();
  const last = code[n - 1] & 0x7f;
  if (last !== OP.RETURN && last !== OP.RETURN0 && last !== OP.RETURN1 && last !== OP.JMP) bad();
  if (p.numparams > maxstack) bad();
  for (let pc = 0; pc < n; pc++) {
    at = pc;
    const i = code[pc];
    const op = i & 0x7f;
    if (op >= OPCODES.length) bad();
    const fmt = OPCODES[op][1];
    const a = (i >>> 7) & 0xff;
    const b = (i >>> 16) & 0xff;
    const c = i >>> 24;
    const bx = i >>> 15;
    const kflag = (i >>> 15) & 1;
    // A names a register, except for these (SETTABUP: an upvalue; VARARGPREP: the
    // parameter count; CLOSE: a stack level, which may be the frame's top)
    if (fmt !== FMT.sJ && fmt !== FMT.Ax && op !== OP.SETTABUP && op !== OP.VARARGPREP
        && !(op === OP.CLOSE && a <= maxstack) && a >= maxstack) bad();
    switch (op) {
      case OP.MOVE: case OP.UNM: case OP.BNOT: case OP.NOT: case OP.LEN:
      case OP.GETTABLE: case OP.GETI: case OP.GETFIELD: case OP.TESTSET:
        if (b >= maxstack) bad();
        if (op === OP.GETFIELD && !strK(c)) bad();
        if (op === OP.GETTABLE && c >= maxstack) bad();
        break;
      case OP.LOADK: if (bx >= nk) bad(); break;
      case OP.LOADKX:
        if (!opAt(pc + 1, OP.EXTRAARG) || (code[pc + 1] >>> 7) >= nk) bad();
        break;
      case OP.LOADNIL: if (a + b >= maxstack) bad(); break;
      case OP.GETUPVAL: case OP.SETUPVAL: if (b >= nup) bad(); break;
      case OP.GETTABUP:
        if (b >= nup || !strK(c)) bad();
        break;
      case OP.SETTABUP:
        if (a >= nup || !strK(b)) bad();
        if (kflag ? c >= nk : c >= maxstack) bad();
        break;
      case OP.SETTABLE: case OP.SETI: case OP.SETFIELD:
        if (op === OP.SETTABLE && b >= maxstack) bad();
        if (op === OP.SETFIELD && !strK(b)) bad();
        if (kflag ? c >= nk : c >= maxstack) bad();
        break;
      case OP.NEWTABLE:
        if (!opAt(pc + 1, OP.EXTRAARG)) bad();
        break;
      case OP.SELF:
        if (b >= maxstack || a + 1 >= maxstack) bad();
        if (kflag ? !strK(c) : c >= maxstack) bad();
        break;
      case OP.ADDI: case OP.SHRI: case OP.SHLI:
        if (b >= maxstack) bad();
        break;
      case OP.ADDK: case OP.SUBK: case OP.MULK: case OP.MODK: case OP.POWK: case OP.DIVK:
      case OP.IDIVK: case OP.BANDK: case OP.BORK: case OP.BXORK:
        if (b >= maxstack || c >= nk) bad();
        break;
      case OP.ADD: case OP.SUB: case OP.MUL: case OP.MOD: case OP.POW: case OP.DIV: case OP.IDIV:
      case OP.BAND: case OP.BOR: case OP.BXOR: case OP.SHL: case OP.SHR:
        if (b >= maxstack || c >= maxstack) bad();
        break;
      case OP.CONCAT: if (b < 1 || a + b > maxstack) bad(); break;
      case OP.JMP: {
        const t = pc + 1 + ((i >>> 7) - 16777215);
        if (t < 0 || t >= n) bad();
        break;
      }
      case OP.EQ: case OP.LT: case OP.LE:
        if (b >= maxstack) bad();
        if (!opAt(pc + 1, OP.JMP)) bad();
        break;
      case OP.EQK:
        if (b >= nk) bad();
        if (!opAt(pc + 1, OP.JMP)) bad();
        break;
      case OP.EQI: case OP.LTI: case OP.LEI: case OP.GTI: case OP.GEI: case OP.TEST:
        if (!opAt(pc + 1, OP.JMP)) bad();
        break;
      case OP.CALL: case OP.TAILCALL:
        if (b !== 0 && a + b > maxstack) bad();
        if (c !== 0 && a + c - 1 > maxstack) bad();
        break;
      case OP.RETURN:
        if (b !== 0 && a + b - 1 > maxstack) bad();
        break;
      case OP.FORLOOP: case OP.TFORLOOP:
        if (pc + 1 - bx < 0) bad();
        if (a + (op === OP.FORLOOP ? 3 : 4) >= maxstack) bad();
        break;
      case OP.FORPREP:
        if (pc + bx + 2 > n || a + 3 >= maxstack) bad();
        break;
      case OP.TFORPREP:
        if (!opAt(pc + 1 + bx, OP.TFORCALL) || a + 3 >= maxstack) bad();
        break;
      case OP.TFORCALL:
        if (a + 6 >= maxstack || a + 3 + c >= maxstack) bad();
        if (!opAt(pc + 1, OP.TFORLOOP)) bad();
        break;
      case OP.SETLIST:
        if (b !== 0 && a + b >= maxstack) bad();
        if (kflag && !opAt(pc + 1, OP.EXTRAARG)) bad();
        break;
      case OP.CLOSURE: {
        if (bx >= p.p.length) bad();
        const child = p.p[bx];
        for (let j = 0; j < child.upvalNames.length; j++) {
          if (child.upvalInStack[j] ? child.upvalIdx[j] >= maxstack : child.upvalIdx[j] >= nup) bad();
        }
        break;
      }
      case OP.VARARG:
        if (c !== 0 && a + c - 1 > maxstack) bad();
        break;
      default:
        break;
    }
  }
}
