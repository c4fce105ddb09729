/**
 * string.pack, string.unpack and string.packsize (manual §6.4.2).
 *
 * The "native" machine these formats describe is the reference's x86-64 build: little
 * endian, int 4 bytes, long / size_t / lua_Integer / lua_Number 8 bytes, maximum alignment
 * 8 for '!' without a size. Packed data is a byte string (char codes 0..255).
 *
 * A format is read one option at a time by FormatReader.next(), which also says how many
 * padding bytes must precede the option's data for alignment (only with '!': the default
 * maximum alignment is 1, so data is packed without gaps).
 */
import type { LuaThread } from '../vm/state.js';
import type { LuaValue } from '../vm/value.js';
import { MAXSTACK } from '../vm/state.js';
import { LuaThrow } from '../vm/errors.js';
import { mkfloat, numToFloat, normInt } from '../vm/value.js';
import {
  argError, nativeError, checkString, checkInteger, checkNumber, optIntNum, cString,
} from '../vm/auxlib.js';
import { charge, checkAlloc, chargeString } from '../vm/limits.js';
import type { LuaVM } from '../vm/state.js';

/** option kinds */
const OP_INT = 0; // signed integer (b h i l j)
const OP_UINT = 1; // unsigned integer (B H I L J T)
const OP_FLOAT = 2; // f (size 4), d n (size 8)
const OP_CHAR = 3; // c[n]: fixed-size string
const OP_STRING = 4; // s[n]: length-prefixed string
const OP_ZSTR = 5; // z: zero-terminated string
const OP_PADDING = 6; // x: one zero byte
const OP_PADALIGN = 7; // X: align to the next option
const OP_NOP = 8; // ' ', '<', '>', '=', '!'

/** maximum alignment of '!' without a size (the C compiler's for the reference) */
const NATIVE_ALIGN = 8;
/** sizes above this give "format result too large" in packsize (INT_MAX in the reference) */
const MAXPACKSIZE = 2147483647;
/** largest integer of a size number read from a format before it stops reading digits */
const MAXDIGITVAL = 214748363;

/** Options read per unit of library work charged (see src/vm/limits.ts charge). */
const OPTION_BATCH = 256;

/** Reads format options; after next(): kind, size and the padding needed before the data. */
class FormatReader {
  private L: LuaThread | null = null;
  private fmt = '';
  private pos = 0;
  /** options read since the last charge */
  private ticks = 0;
  little = true;
  maxalign = 1;
  kind = OP_NOP;
  size = 0;
  ntoalign = 0;

  /** Start reading fmt (the reader is shared: pack and unpack never call Lua). */
  start(L: LuaThread, fmt: string): this {
    this.L = L;
    // the format is a C string there: it ends at its first zero byte
    this.fmt = cString(fmt);
    this.pos = 0;
    this.ticks = 0;
    this.little = true;
    this.maxalign = 1;
    return this;
  }

  more(): boolean {
    return this.pos < this.fmt.length;
  }

  private isDigitAt(i: number): boolean {
    const c = this.fmt.charCodeAt(i);
    return c >= 48 && c <= 57;
  }

  /** An optional size after an option letter (digits; stops before it would get too big). */
  private readNum(def: number): number {
    if (!this.isDigitAt(this.pos)) return def;
    let a = 0;
    do {
      a = a * 10 + (this.fmt.charCodeAt(this.pos++) - 48);
    } while (this.isDigitAt(this.pos) && a <= MAXDIGITVAL);
    return a;
  }

  private readSize(def: number): number {
    const n = this.readNum(def);
    if (n > 16 || n <= 0) nativeError(this.L!, `integral size (${n}) out of limits [1,16]`);
    return n;
  }

  /** Read one option into kind/size (no alignment). */
  private readOption(): void {
    const c = this.fmt.charCodeAt(this.pos++);
    // integer options: a lower case letter is signed, an upper case one unsigned
    let kind = c >= 97 ? OP_INT : OP_UINT;
    let size = 0;
    switch (c) {
      case 98: case 66: size = 1; break; // 'b' 'B'
      case 104: case 72: size = 2; break; // 'h' 'H'
      case 105: case 73: size = this.readSize(4); break; // 'i' 'I'
      case 108: case 106: case 76: case 74: case 84: size = 8; break; // 'l' 'j' 'L' 'J' 'T'
      case 102: kind = OP_FLOAT; size = 4; break; // 'f'
      case 100: case 110: kind = OP_FLOAT; size = 8; break; // 'd' 'n'
      case 115: kind = OP_STRING; size = this.readSize(8); break; // 's'
      case 99: // 'c'
        kind = OP_CHAR;
        size = this.readNum(-1);
        if (size === -1) nativeError(this.L!, "missing size for format option 'c'");
        break;
      case 122: kind = OP_ZSTR; break; // 'z'
      case 120: kind = OP_PADDING; size = 1; break; // 'x'
      case 88: kind = OP_PADALIGN; break; // 'X'
      case 32: kind = OP_NOP; break; // ' '
      case 60: case 61: case 62: kind = OP_NOP; this.little = c !== 62; break; // '<' '=' '>'
      case 33: kind = OP_NOP; this.maxalign = this.readSize(NATIVE_ALIGN); break; // '!'
      default:
        nativeError(this.L!, `invalid format option '${String.fromCharCode(c)}'`);
    }
    this.kind = kind;
    this.size = size;
  }

  /** Read the next option; `total` is the number of bytes before it (for alignment). */
  next(total: number): void {
    if (++this.ticks === OPTION_BATCH) {
      this.ticks = 0;
      charge(this.L!.vm, OPTION_BATCH);
    }
    this.readOption();
    let align = this.size;
    if (this.kind === OP_PADALIGN) {
      // 'X' takes its alignment from the option after it, which it consumes (at the end of
      // the format, its own size 0 is invalid)
      if (this.more()) this.readOption();
      align = this.size;
      if ((this.kind as number) === OP_CHAR || align === 0) argError(this.L!, 1, "invalid next option for option 'X'");
      this.kind = OP_PADALIGN;
      this.size = 0;
    }
    if (align <= 1 || this.kind === OP_CHAR) {
      this.ntoalign = 0;
      return;
    }
    if (align > this.maxalign) align = this.maxalign;
    if ((align & (align - 1)) !== 0) argError(this.L!, 1, 'format asks for alignment not power of 2');
    // the padding up to the next multiple of align
    this.ntoalign = -total & (align - 1);
  }
}

const reader = new FormatReader();

/** Longest string the host can make (V8's limit; string.ts MAXSTRLEN). */
const MAXSTRLEN = 536870888;

/**
 * out + more (a string, or that many zero bytes), for a result that may outgrow the host's
 * longest string: then the bytes are dropped (strPack goes on counting them, so later options
 * still raise their errors first, as they do in the reference given enough memory, and fails
 * at the end).
 */
function append(vm: LuaVM, out: string, more: string | number): string {
  const n = typeof more === 'number' ? more : more.length;
  // a long piece (padding of a "c" option, a long string) is checked against the limits first
  if (n >= 4096) checkAlloc(vm, out.length + n);
  if (out.length + n > MAXSTRLEN) return '';
  return out + (typeof more === 'number' ? '\0'.repeat(more) : more);
}

/** scratch bytes of one packed value, least significant first */
const scratch = new Uint8Array(16);
/** the scratch bytes as numbers (little endian) */
const fbuf = new DataView(scratch.buffer);

/** String of scratch[0..size-1], in that order (little) or reversed. */
function scratchString(size: number, little: boolean): string {
  const b = scratch;
  if (little) {
    switch (size) {
      case 1: return String.fromCharCode(b[0]);
      case 2: return String.fromCharCode(b[0], b[1]);
      case 4: return String.fromCharCode(b[0], b[1], b[2], b[3]);
      case 8: return String.fromCharCode(b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]);
    }
    return String.fromCharCode.apply(null, b.subarray(0, size) as unknown as number[]);
  }
  let out = '';
  for (let i = size - 1; i >= 0; i--) out += String.fromCharCode(b[i]);
  return out;
}

/** `size` bytes of the two's complement of v (sign-extended beyond 8 bytes when `neg`). */
function intBytes(v: number | bigint, size: number, little: boolean, neg: boolean): string {
  if (typeof v === 'number' && size <= 4) {
    let x = v;
    for (let i = 0; i < size; i++) {
      scratch[i] = x & 0xff;
      x >>= 8;
    }
  } else if (typeof v === 'number' && v >= 0 && v <= 0xffffffffffff && size >= 6) {
    // up to 48 bits without BigInt
    const lo = v % 0x1000000;
    const hi = (v - lo) / 0x1000000;
    for (let i = 0; i < 3; i++) {
      scratch[i] = (lo >>> (8 * i)) & 0xff;
      scratch[i + 3] = (hi >>> (8 * i)) & 0xff;
    }
    for (let i = 6; i < size; i++) scratch[i] = 0;
  } else {
    fbuf.setBigUint64(0, BigInt.asUintN(64, BigInt(v)), true);
    scratch.fill(neg ? 0xff : 0, 8, size);
  }
  return scratchString(size, little);
}

/** string.pack(fmt, v1, v2, ...) */
export function strPack(L: LuaThread, base: number, nargs: number): number {
  const fmt = checkString(L, base, nargs, 1);
  // like the reference, the first missing value reads as nil ("got nil"), later ones as no value
  L.ensureStack(base + nargs + 1);
  L.stack[base + nargs] = undefined;
  const n = nargs + 1;
  const r = reader.start(L, fmt);
  let out = '';
  let total = 0;
  let argi = 1;
  while (r.more()) {
    r.next(total);
    const size = r.size;
    if (r.ntoalign > 0) out = append(L.vm, out, r.ntoalign);
    total += r.ntoalign;
    switch (r.kind) {
      case OP_INT:
      case OP_UINT: {
        const v = checkInteger(L, base, n, ++argi);
        if (size < 8) {
          const lim = 2 ** (size * 8);
          if (r.kind === OP_INT) {
            const half = lim / 2;
            if (v < -half || v >= half) argError(L, argi, 'integer overflow');
          } else if (v < 0 || v >= lim) argError(L, argi, 'unsigned overflow');
        }
        out += intBytes(v, size, r.little, r.kind === OP_INT && v < 0);
        break;
      }
      case OP_FLOAT: {
        const x = numToFloat(checkNumber(L, base, n, ++argi));
        if (size === 4) fbuf.setFloat32(0, x, true);
        else fbuf.setFloat64(0, x, true);
        out += scratchString(size, r.little);
        break;
      }
      case OP_CHAR: {
        const s = checkString(L, base, n, ++argi);
        if (s.length > size) argError(L, argi, 'string longer than given size');
        out = append(L.vm, out, s);
        if (s.length < size) out = append(L.vm, out, size - s.length);
        break;
      }
      case OP_STRING: {
        const s = checkString(L, base, n, ++argi);
        if (size < 8 && s.length >= 2 ** (size * 8)) argError(L, argi, 'string length does not fit in given size');
        out += intBytes(s.length, size, r.little, false);
        out = append(L.vm, out, s);
        total += s.length;
        break;
      }
      case OP_ZSTR: {
        const s = checkString(L, base, n, ++argi);
        if (s.indexOf('\0') >= 0) argError(L, argi, 'string contains zeros');
        out = append(L.vm, out, s);
        out += '\0';
        total += s.length + 1;
        break;
      }
      case OP_PADDING:
        out += '\0';
        break;
      default: // OP_PADALIGN, OP_NOP
        break;
    }
    total += size;
  }
  // the allocation failure the reference would hit
  if (total > MAXSTRLEN) throw new LuaThrow('not enough memory');
  chargeString(L.vm, out.length);
  L.stack[base] = out;
  return 1;
}

/** string.packsize(fmt) */
export function strPacksize(L: LuaThread, base: number, nargs: number): number {
  const fmt = checkString(L, base, nargs, 1);
  const r = reader.start(L, fmt);
  let total = 0;
  while (r.more()) {
    r.next(total);
    if (r.kind === OP_STRING || r.kind === OP_ZSTR) argError(L, 1, 'variable-length format');
    const size = r.size + r.ntoalign;
    if (total > MAXPACKSIZE - size) argError(L, 1, 'format result too large');
    total += size;
  }
  L.stack[base] = total;
  return 1;
}

/** The integer in data[pos..pos+size-1]. */
function readInt(L: LuaThread, data: string, pos: number, size: number, little: boolean, signed: boolean): LuaValue {
  const at = (i: number): number => data.charCodeAt(little ? pos + i : pos + size - 1 - i);
  if (size <= 6) {
    let v = 0;
    for (let i = size - 1; i >= 0; i--) v = v * 256 + at(i);
    if (signed) {
      const lim = 2 ** (size * 8);
      if (v >= lim / 2) v -= lim;
    }
    return v;
  }
  // the low 8 bytes as a BigInt
  for (let i = 0; i < 8; i++) scratch[i] = i < size ? at(i) : 0;
  let v = fbuf.getBigUint64(0, true);
  if (size < 8) {
    if (signed) v = BigInt.asIntN(size * 8, v);
    return normInt(v);
  }
  const res = BigInt.asIntN(64, v);
  if (size > 8) {
    // the bytes beyond 64 bits must only extend the sign (signed) or be zero (unsigned)
    const mask = signed && res < 0n ? 0xff : 0;
    for (let i = 8; i < size; i++) {
      if (at(i) !== mask) nativeError(L, `${size}-byte integer does not fit into Lua Integer`);
    }
  }
  return normInt(res);
}

/** string.unpack(fmt, s [, pos]) */
export function strUnpack(L: LuaThread, base: number, nargs: number): number {
  const fmt = checkString(L, base, nargs, 1);
  const data = checkString(L, base, nargs, 2);
  const ld = data.length;
  const ip = optIntNum(L, base, nargs, 3, 1);
  // like string.sub's start: 0 and offsets before the start mean 1
  let pos = (ip > 0 ? ip : ip === 0 || ip < -ld ? 1 : ld + ip + 1) - 1;
  if (pos > ld) argError(L, 3, 'initial position out of string');
  const r = reader.start(L, fmt);
  const out: LuaValue[] = [];
  while (r.more()) {
    r.next(pos);
    const size = r.size;
    if (r.ntoalign + size > ld - pos) argError(L, 2, 'data string too short');
    pos += r.ntoalign;
    switch (r.kind) {
      case OP_INT:
      case OP_UINT:
        out.push(readInt(L, data, pos, size, r.little, r.kind === OP_INT));
        break;
      case OP_FLOAT: {
        for (let i = 0; i < size; i++) scratch[i] = data.charCodeAt(pos + i);
        out.push(mkfloat(size === 4 ? fbuf.getFloat32(0, r.little) : fbuf.getFloat64(0, r.little)));
        break;
      }
      case OP_CHAR:
        out.push(data.slice(pos, pos + size));
        break;
      case OP_STRING: {
        const len = readInt(L, data, pos, size, r.little, false);
        const l = typeof len === 'bigint' || len < 0 ? Infinity : len;
        if (l > ld - pos - size) argError(L, 2, 'data string too short');
        out.push(data.slice(pos + size, pos + size + l));
        pos += l;
        break;
      }
      case OP_ZSTR: {
        const e = data.indexOf('\0', pos);
        if (e < 0) argError(L, 2, "unfinished string for format 'z'");
        out.push(data.slice(pos, e));
        pos = e + 1;
        break;
      }
      default: // padding, alignment, no-ops
        break;
    }
    pos += size;
    if (base + out.length + 1 > MAXSTACK) nativeError(L, 'stack overflow (too many results)');
  }
  // the values, then the position after them
  out.push(pos + 1);
  if (base + out.length > MAXSTACK) nativeError(L, 'stack overflow (too many results)');
  L.ensureStack(base + out.length);
  const s = L.stack;
  for (let i = 0; i < out.length; i++) s[base + i] = out[i];
  return out.length;
}
