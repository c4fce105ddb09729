/**
 * The string library (manual §6.4) — core subset; the string metatable with __index and
 * the arithmetic metamethods that coerce numeric strings (§3.4.3).
 */
import { nativeFn, NativeFunction, SPECIAL, numberToString, strToNumber, LuaFloat } from '../vm/value.js';
import type { LuaValue } from '../vm/value.js';
import { LuaTable } from '../vm/table.js';
import type { LuaThread, LuaVM } from '../vm/state.js';
import { CallRequest } from '../vm/interp.js';
import { arith, AR } from '../vm/arith.js';
import { getTM } from '../vm/meta.js';
import { typeName } from '../vm/value.js';
import { checkString, checkIntNum, optIntNum, argError, nativeError, arg } from '../vm/auxlib.js';
import { formatFloat, formatInt } from '../util/printf.js';
import type { FloatConv, IntConv } from '../util/printf.js';
import { tostringGen } from './base.js';
import { checkInteger, checkNumber } from '../vm/auxlib.js';
import { numToFloat } from '../vm/value.js';

function posrelatStart(pos: number, len: number): number {
  if (pos > 0) return pos;
  if (pos === 0) return 1;
  if (pos < -len) return 1;
  return len + pos + 1;
}

function posrelatEnd(pos: number, len: number): number {
  if (pos > len) return len;
  if (pos >= 0) return pos;
  if (pos < -len) return 0;
  return len + pos + 1;
}

function strSub(L: LuaThread, base: number, n: number): number {
  const s = checkString(L, base, n, 1);
  const l = s.length;
  const i = posrelatStart(checkIntNum(L, base, n, 2), l);
  const j = posrelatEnd(optIntNum(L, base, n, 3, -1), l);
  L.stack[base] = i > j ? '' : s.slice(i - 1, j);
  return 1;
}

function* formatGen(L: LuaThread, base: number, n: number): Generator<CallRequest, number, LuaValue> {
  const fmt = checkString(L, base, n, 1);
  const args = L.stack.slice(base, base + n);
  let out = '';
  let argi = 1;
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c !== '%') { out += c; continue; }
    i++;
    if (fmt[i] === '%') { out += '%'; continue; }
    let spec = '';
    while (i < fmt.length && '-+ #0'.includes(fmt[i])) spec += fmt[i++];
    let width = '';
    while (i < fmt.length && fmt[i] >= '0' && fmt[i] <= '9') width += fmt[i++];
    let prec = -1;
    if (fmt[i] === '.') {
      i++;
      let p = '';
      while (i < fmt.length && fmt[i] >= '0' && fmt[i] <= '9') p += fmt[i++];
      prec = p === '' ? 0 : parseInt(p, 10);
    }
    const conv = fmt[i];
    argi++;
    if (argi > n) argError(L, argi, 'no value');
    const v = args[argi - 1];
    const w = width === '' ? 0 : parseInt(width, 10);
    switch (conv) {
      case 'd': case 'i': case 'x': case 'X': case 'o': case 'c': case 'u': {
        const iv = checkInteger(L, base, n, argi);
        out += formatInt(iv, conv as IntConv, spec, w, prec);
        break;
      }
      case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A': {
        const nv = checkNumber(L, base, n, argi);
        out += formatFloat(numToFloat(nv), conv as FloatConv, spec, w, prec);
        break;
      }
      case 's': {
        let str = yield* tostringGen(L, v);
        if (prec >= 0) str = str.slice(0, prec);
        if (w > str.length) str = spec.includes('-') ? str.padEnd(w) : str.padStart(w);
        out += str;
        break;
      }
      case 'q': {
        out += quoteString(v);
        break;
      }
      default:
        nativeError(L, `invalid conversion '%${spec}${width}${conv ?? ''}' to 'format'`);
    }
  }
  L.stack[base] = out;
  return 1;
}

function quoteString(v: LuaValue): string {
  if (typeof v !== 'string') return numberToString(v);
  let out = '"';
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 34 || c === 92) out += '\\' + v[i];
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c === 0) out += (i + 1 < v.length && v.charCodeAt(i + 1) >= 48 && v.charCodeAt(i + 1) <= 57) ? '\\000' : '\\0';
    else if (c < 32 || c === 127) {
      const next = i + 1 < v.length ? v.charCodeAt(i + 1) : 0;
      out += '\\' + (next >= 48 && next <= 57 ? String(c).padStart(3, '0') : String(c));
    } else out += v[i];
  }
  return out + '"';
}

function arithMeta(op: number, name: string): NativeFunction {
  return nativeFn(`__${name}`, (L, base, n) => {
    const s = L.stack;
    const a = s[base];
    const b = s[base + 1];
    const x = typeof a === 'string' ? strToNumber(a) : a;
    const y = typeof b === 'string' ? strToNumber(b) : b;
    if (x !== undefined && y !== undefined) {
      const r = arith(op, x, y);
      if (typeof r !== 'symbol') {
        s[base] = r;
        return 1;
      }
    }
    // try the other operand's metamethod
    if (typeof b !== 'string') {
      const tm = getTM(L.vm, b, `__${name}`);
      if (tm !== undefined) return -1;
    }
    nativeError(L, `attempt to ${name} a '${typeName(a)}' with a '${typeName(b)}'`);
  });
}

export function openString(vm: LuaVM): void {
  const S = new LuaTable();
  S.setStr('sub', nativeFn('sub', strSub));
  S.setStr('len', nativeFn('len', (L, base, n) => { L.stack[base] = checkString(L, base, n, 1).length; return 1; }));
  S.setStr('upper', nativeFn('upper', (L, base, n) => {
    const s = checkString(L, base, n, 1);
    let r = '';
    for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); r += String.fromCharCode(c >= 97 && c <= 122 ? c - 32 : c); }
    L.stack[base] = r; return 1;
  }));
  S.setStr('lower', nativeFn('lower', (L, base, n) => {
    const s = checkString(L, base, n, 1);
    let r = '';
    for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); r += String.fromCharCode(c >= 65 && c <= 90 ? c + 32 : c); }
    L.stack[base] = r; return 1;
  }));
  S.setStr('rep', nativeFn('rep', (L, base, n) => {
    const s = checkString(L, base, n, 1);
    const k = checkIntNum(L, base, n, 2);
    const sep = n >= 3 && L.stack[base + 2] !== undefined ? checkString(L, base, n, 3) : '';
    if (k <= 0) { L.stack[base] = ''; return 1; }
    if ((s.length + sep.length) * k > 0x7fffffff) nativeError(L, 'resulting string too large');
    L.stack[base] = sep === '' ? s.repeat(k) : Array(k).fill(s).join(sep);
    return 1;
  }));
  S.setStr('byte', nativeFn('byte', (L, base, n) => {
    const s = checkString(L, base, n, 1);
    const i = posrelatStart(optIntNum(L, base, n, 2, 1), s.length);
    const j = posrelatEnd(optIntNum(L, base, n, 3, i), s.length);
    let k = 0;
    L.ensureStack(base + Math.max(0, j - i + 1) + 1);
    for (let p = i; p <= j; p++) L.stack[base + k++] = s.charCodeAt(p - 1);
    return k;
  }));
  S.setStr('char', nativeFn('char', (L, base, n) => {
    let r = '';
    for (let i = 1; i <= n; i++) {
      const c = checkIntNum(L, base, n, i);
      if (c < 0 || c > 255) argError(L, i, 'value out of range');
      r += String.fromCharCode(c);
    }
    L.stack[base] = r; return 1;
  }));
  S.setStr('reverse', nativeFn('reverse', (L, base, n) => {
    const s = checkString(L, base, n, 1);
    L.stack[base] = s.split('').reverse().join(''); return 1;
  }));
  S.setStr('format', new NativeFunction('format', null, formatGen, SPECIAL.NONE, null));
  const mt = new LuaTable();
  mt.setStr('__index', S);
  const ops: [number, string][] = [[AR.ADD, 'add'], [AR.SUB, 'sub'], [AR.MUL, 'mul'], [AR.MOD, 'mod'], [AR.POW, 'pow'], [AR.DIV, 'div'], [AR.IDIV, 'idiv'], [AR.UNM, 'unm']];
  for (const [op, name] of ops) mt.setStr(`__${name}`, arithMeta(op, name));
  vm.stringMeta = mt;
  vm.globals.setStr('string', S);
  vm.loaded.setStr('string', S);
  void arg; void LuaFloat;
}
