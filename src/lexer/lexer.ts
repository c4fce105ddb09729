/**
 * The Lua 5.4 lexer (manual §3.1): source bytes -> tokens, one token at a time, with one
 * token of lookahead for the parser.
 *
 * Input: a byte string (every char code 0..255; the source text was UTF-8 encoded before).
 *
 * Invariants:
 * - `pos` is the offset of the first byte not yet read; `line` is the line `pos` is on (the
 *   reference's `linenumber`): every newline sequence ("\n", "\r", "\r\n", "\n\r") counts as
 *   one line, inside tokens too;
 * - the current token is described by `token` (a kind from tokens.ts), `sval` (NAME: the
 *   name; STRING: the string's bytes), `nval` (INT: safe integer or bigint; FLT: number),
 *   `tokLine` (the line the token ends on, which is the line the reference attributes to
 *   it), and `tokStart`/`tokEnd` (its source offsets);
 * - when a lookahead token has been read, it waits in the `ahead*` fields and `pos`/`line`
 *   are past it; `aheadToken` is NO_TOKEN otherwise.
 *
 * Errors are LuaSyntaxError, worded as the reference words them: the text after "near" is
 * what the reference had buffered for the token being read (for strings: the delimiter and
 * the bytes decoded so far, plus the escape being read), cut at its first NUL byte.
 */

import { str2numberRange } from '../util/str2number.js';
import { chunkId } from './chunkid.js';
import { LuaSyntaxError } from './errors.js';
import { RESERVED, TK, token2str } from './tokens.js';

/** byte classes, per byte value */
const ALPHA = 1; // A-Z a-z _
const DIGIT = 2; // 0-9
const XDIGIT = 4; // 0-9 A-F a-f
const SPACE = 8; // ' ' \t \n \v \f \r (C isspace)

const CLASS: Uint8Array = (() => {
  const t = new Uint8Array(256);
  for (let c = 65; c <= 90; c++) t[c] = ALPHA; // 'A'..'Z'
  for (let c = 97; c <= 122; c++) t[c] = ALPHA; // 'a'..'z'
  t[95] = ALPHA; // '_'
  for (let c = 48; c <= 57; c++) t[c] = DIGIT | XDIGIT; // '0'..'9'
  for (let c = 65; c <= 70; c++) t[c] |= XDIGIT; // 'A'..'F'
  for (let c = 97; c <= 102; c++) t[c] |= XDIGIT; // 'a'..'f'
  for (const c of [32, 9, 10, 11, 12, 13]) t[c] = SPACE;
  return t;
})();

/** `aheadToken` when no lookahead token is pending */
const NO_TOKEN = -1;

/** largest \u{...} value whose 16-fold still fits in 31 bits (0x7FFFFFFF >> 4) */
const UTF8_ACC_LIMIT = 0x7ffffff;

function hexDigit(c: number): number {
  if (c <= 57) return c - 48; // '0'..'9'
  return (c | 32) - 87; // 'a'..'f' / 'A'..'F'
}

/** "'text'" with text cut at its first NUL byte, as a C-string format would print it */
function quoted(text: string): string {
  const nul = text.indexOf('\0');
  return "'" + (nul >= 0 ? text.slice(0, nul) : text) + "'";
}

/** Lua's extended UTF-8 (up to 6 bytes, values up to 2^31 - 1) of `x`, as a byte string */
export function utf8Encode(x: number): string {
  if (x < 0x80) return String.fromCharCode(x);
  if (x < 0x800) return String.fromCharCode(0xc0 | (x >>> 6), 0x80 | (x & 0x3f));
  if (x < 0x10000) {
    return String.fromCharCode(0xe0 | (x >>> 12), 0x80 | ((x >>> 6) & 0x3f), 0x80 | (x & 0x3f));
  }
  if (x < 0x200000) {
    return String.fromCharCode(
      0xf0 | (x >>> 18), 0x80 | ((x >>> 12) & 0x3f), 0x80 | ((x >>> 6) & 0x3f),
      0x80 | (x & 0x3f));
  }
  if (x < 0x4000000) {
    return String.fromCharCode(
      0xf8 | (x >>> 24), 0x80 | ((x >>> 18) & 0x3f), 0x80 | ((x >>> 12) & 0x3f),
      0x80 | ((x >>> 6) & 0x3f), 0x80 | (x & 0x3f));
  }
  return String.fromCharCode(
    0xfc | (x >>> 30), 0x80 | ((x >>> 24) & 0x3f), 0x80 | ((x >>> 18) & 0x3f),
    0x80 | ((x >>> 12) & 0x3f), 0x80 | ((x >>> 6) & 0x3f), 0x80 | (x & 0x3f));
}

export class Lexer {
  readonly src: string;
  readonly chunkname: string;
  private readonly n: number;
  private idCache: string | null;

  pos: number;
  line: number;

  token: number;
  sval: string;
  nval: number | bigint;
  tokLine: number;
  tokStart: number;
  tokEnd: number;
  /** line of the previous token (the last one consumed: `lastline` of the reference, the
   *  line it gives most instructions) */
  lastLine: number;

  private aheadToken: number;
  private aheadSval: string;
  private aheadNval: number | bigint;
  private aheadLine: number;
  private aheadStart: number;
  private aheadEnd: number;

  constructor(src: string, chunkname: string) {
    this.src = src;
    this.chunkname = chunkname;
    this.n = src.length;
    this.idCache = null;
    this.pos = 0;
    this.line = 1;
    this.token = TK.EOS;
    this.sval = '';
    this.nval = 0;
    this.tokLine = 1;
    this.tokStart = 0;
    this.tokEnd = 0;
    this.lastLine = 1;
    this.aheadToken = NO_TOKEN;
    this.aheadSval = '';
    this.aheadNval = 0;
    this.aheadLine = 1;
    this.aheadStart = 0;
    this.aheadEnd = 0;
  }

  /** the chunk name as messages show it */
  get chunkId(): string {
    if (this.idCache === null) this.idCache = chunkId(this.chunkname);
    return this.idCache;
  }

  /** Makes the next token current. */
  next(): void {
    this.lastLine = this.tokLine;
    if (this.aheadToken !== NO_TOKEN) {
      this.token = this.aheadToken;
      this.sval = this.aheadSval;
      this.nval = this.aheadNval;
      this.tokLine = this.aheadLine;
      this.tokStart = this.aheadStart;
      this.tokEnd = this.aheadEnd;
      this.aheadToken = NO_TOKEN;
      return;
    }
    this.scan();
  }

  /** Reads the token after the current one (once) and returns its kind. */
  lookahead(): number {
    if (this.aheadToken !== NO_TOKEN) return this.aheadToken;
    const token = this.token;
    const sval = this.sval;
    const nval = this.nval;
    const tokLine = this.tokLine;
    const tokStart = this.tokStart;
    const tokEnd = this.tokEnd;
    this.scan();
    this.aheadToken = this.token;
    this.aheadSval = this.sval;
    this.aheadNval = this.nval;
    this.aheadLine = this.tokLine;
    this.aheadStart = this.tokStart;
    this.aheadEnd = this.tokEnd;
    this.token = token;
    this.sval = sval;
    this.nval = nval;
    this.tokLine = tokLine;
    this.tokStart = tokStart;
    this.tokEnd = tokEnd;
    return this.aheadToken;
  }

  // ---------------------------------------------------------------------------------------
  // errors

  /** Throws `chunk:line: msg near <near>`; `near` null leaves the near part out. */
  errorNear(msg: string, near: string | null): never {
    const text = this.chunkId + ':' + this.line + ': ' + msg;
    // the column is computed only now, from the start of the current token's line
    const at = Math.min(this.tokStart, this.src.length);
    const column = at - this.src.lastIndexOf('\n', at - 1);
    throw new LuaSyntaxError(this.chunkname, this.line, near === null ? text : text + ' near ' + near, column);
  }

  /** Throws a syntax error about the current token (`... near 'tok'`). */
  syntaxError(msg: string): never {
    return this.errorNear(msg, this.nearToken());
  }

  /** Throws a semantic error: position but no near part. */
  semError(msg: string): never {
    return this.errorNear(msg, null);
  }

  /**
   * How the current token appears after "near": its source text for names, strings and
   * numerals, its display form otherwise. A NUL byte token shows nothing at all (the
   * reference prints no near part for it).
   */
  nearToken(): string | null {
    const t = this.token;
    if (t === 0) return null;
    if (t === TK.NAME) return quoted(this.sval);
    if (t === TK.INT || t === TK.FLT) return quoted(this.src.slice(this.tokStart, this.tokEnd));
    if (t === TK.STRING) {
      const src = this.src;
      const q = src.charCodeAt(this.tokStart);
      if (q !== 91) return quoted(src[this.tokStart]! + this.sval + src[this.tokStart]!); // '"' "'"
      // long string: the same delimiters around the content
      let open = this.tokStart + 1;
      while (src.charCodeAt(open) === 61) open++; // '='
      const eqs = src.slice(this.tokStart + 1, open);
      return quoted('[' + eqs + '[' + this.sval + ']' + eqs + ']');
    }
    return token2str(t);
  }

  // ---------------------------------------------------------------------------------------
  // scanning

  private emit(token: number, start: number, end: number): void {
    this.token = token;
    this.tokStart = start;
    this.tokEnd = end;
    this.pos = end;
    this.tokLine = this.line;
  }

  /** skips the newline sequence at `p` (its first byte is `c`) and counts the line */
  private newline(p: number, c: number): number {
    p++;
    if (p < this.n) {
      const d = this.src.charCodeAt(p);
      if ((d === 10 || d === 13) && d !== c) p++; // "\n\r" or "\r\n"
    }
    this.line++;
    return p;
  }

  /** Reads one token into the current-token fields. */
  private scan(): void {
    const src = this.src;
    const n = this.n;
    let p = this.pos;
    for (;;) {
      if (p >= n) {
        this.emit(TK.EOS, p, p);
        return;
      }
      const c = src.charCodeAt(p);
      switch (c) {
        case 10: // '\n'
        case 13: // '\r'
          p = this.newline(p, c);
          break;
        case 32: // ' '
        case 9: // '\t'
        case 11: // '\v'
        case 12: // '\f'
          p++;
          break;
        case 45: // '-'
          if (p + 1 >= n || src.charCodeAt(p + 1) !== 45) {
            this.emit(45, p, p + 1);
            return;
          }
          p = this.skipComment(p + 2);
          break;
        case 91: { // '['
          let q = p + 1;
          while (q < n && src.charCodeAt(q) === 61) q++; // '='
          if (q < n && src.charCodeAt(q) === 91) {
            this.readLongString(p, q + 1, q - p - 1);
            return;
          }
          if (q === p + 1) {
            this.emit(91, p, p + 1);
            return;
          }
          this.pos = q;
          return this.errorNear('invalid long string delimiter', quoted(src.slice(p, q)));
        }
        case 61: // '='
          this.twoOrOne(p, 61, TK.EQ, 61);
          return;
        case 60: // '<'
          if (p + 1 < n && src.charCodeAt(p + 1) === 60) this.emit(TK.SHL, p, p + 2); // '<<'
          else this.twoOrOne(p, 61, TK.LE, 60); // '<='
          return;
        case 62: // '>'
          if (p + 1 < n && src.charCodeAt(p + 1) === 62) this.emit(TK.SHR, p, p + 2); // '>>'
          else this.twoOrOne(p, 61, TK.GE, 62); // '>='
          return;
        case 47: // '/'
          this.twoOrOne(p, 47, TK.IDIV, 47); // '//'
          return;
        case 126: // '~'
          this.twoOrOne(p, 61, TK.NE, 126); // '~='
          return;
        case 58: // ':'
          this.twoOrOne(p, 58, TK.DBCOLON, 58); // '::'
          return;
        case 34: // '"'
        case 39: // '\''
          this.readString(p, c);
          return;
        case 46: { // '.'
          const d = p + 1 < n ? src.charCodeAt(p + 1) : -1;
          if (d === 46) { // '..'
            if (p + 2 < n && src.charCodeAt(p + 2) === 46) this.emit(TK.DOTS, p, p + 3);
            else this.emit(TK.CONCAT, p, p + 2);
            return;
          }
          if (d >= 48 && d <= 57) { // '.5'
            this.readNumeral(p);
            return;
          }
          this.emit(46, p, p + 1);
          return;
        }
        case 48: case 49: case 50: case 51: case 52: // '0'..'4'
        case 53: case 54: case 55: case 56: case 57: // '5'..'9'
          this.readNumeral(p);
          return;
        default: {
          if ((CLASS[c]! & ALPHA) !== 0) {
            let q = p + 1;
            while (q < n && (CLASS[src.charCodeAt(q)]! & (ALPHA | DIGIT)) !== 0) q++;
            const word = src.slice(p, q);
            const reserved = RESERVED.get(word);
            if (reserved !== undefined) {
              this.emit(reserved, p, q);
            } else {
              this.sval = word;
              this.emit(TK.NAME, p, q);
            }
            return;
          }
          // any other byte is a token by itself (the parser rejects it)
          if (c > 255) throw new RangeError('moonbox lexer: source is not a byte string (char code ' + c + ' at offset ' + p + ')');
          this.emit(c, p, p + 1);
          return;
        }
      }
    }
  }

  /** emits `two` when the byte after `p` is `second`, else the single byte token `one` */
  private twoOrOne(p: number, second: number, two: number, one: number): void {
    if (p + 1 < this.n && this.src.charCodeAt(p + 1) === second) this.emit(two, p, p + 2);
    else this.emit(one, p, p + 1);
  }

  /** `p` is just after "--"; returns the offset after the comment */
  private skipComment(p: number): number {
    const src = this.src;
    const n = this.n;
    if (p < n && src.charCodeAt(p) === 91) { // '['
      let q = p + 1;
      while (q < n && src.charCodeAt(q) === 61) q++; // '='
      if (q < n && src.charCodeAt(q) === 91) {
        return this.skipLong(q + 1, q - p - 1, this.line);
      }
    }
    // short comment: up to the end of the line (the newline itself is left for scan)
    while (p < n) {
      const c = src.charCodeAt(p);
      if (c === 10 || c === 13) break;
      p++;
    }
    return p;
  }

  /**
   * Long comment body from `p` (after the opening bracket of `level` '='s) to after the
   * matching closing bracket.
   */
  private skipLong(p: number, level: number, startLine: number): number {
    const src = this.src;
    const n = this.n;
    for (;;) {
      if (p >= n) {
        this.pos = p;
        return this.errorNear('unfinished long comment (starting at line ' + startLine + ')', '<eof>');
      }
      const c = src.charCodeAt(p);
      if (c === 93) { // ']'
        let q = p + 1;
        while (q < n && src.charCodeAt(q) === 61) q++; // '='
        if (q - p - 1 === level && q < n && src.charCodeAt(q) === 93) return q + 1;
        p = q; // the byte at q may start the closing bracket
      } else if (c === 10 || c === 13) {
        p = this.newline(p, c);
      } else {
        p++;
      }
    }
  }

  /**
   * Long string `[==[ ... ]==]`: `start` is the '[' that opens it, `p` the byte after the
   * opening bracket. A newline right after the opening bracket is skipped; every newline
   * sequence in the content becomes "\n" (§3.1).
   */
  private readLongString(start: number, p: number, level: number): void {
    const src = this.src;
    const n = this.n;
    const startLine = this.line;
    if (p < n) {
      const c = src.charCodeAt(p);
      if (c === 10 || c === 13) p = this.newline(p, c);
    }
    let out = '';
    let seg = p;
    for (;;) {
      if (p >= n) {
        this.pos = p;
        return this.errorNear('unfinished long string (starting at line ' + startLine + ')', '<eof>');
      }
      const c = src.charCodeAt(p);
      if (c === 93) { // ']'
        let q = p + 1;
        while (q < n && src.charCodeAt(q) === 61) q++; // '='
        if (q - p - 1 === level && q < n && src.charCodeAt(q) === 93) {
          this.sval = seg === p ? out : out + src.slice(seg, p);
          this.emit(TK.STRING, start, q + 1);
          return;
        }
        p = q;
      } else if (c === 10) { // '\n'
        if (p + 1 < n && src.charCodeAt(p + 1) === 13) { // "\n\r" -> "\n"
          out += src.slice(seg, p + 1);
          p += 2;
          seg = p;
          this.line++;
        } else {
          p++;
          this.line++;
        }
      } else if (c === 13) { // '\r', "\r\n" -> "\n"
        out += src.slice(seg, p) + '\n';
        p = this.newline(p, c);
        seg = p;
      } else {
        p++;
      }
    }
  }

  /** Short string: `p` is the opening quote `quote`. */
  private readString(p: number, quote: number): void {
    const src = this.src;
    const n = this.n;
    const start = p;
    let q = p + 1;
    let seg = q;
    let out = '';
    for (;;) {
      if (q >= n) {
        this.pos = q;
        return this.errorNear('unfinished string', '<eof>');
      }
      const c = src.charCodeAt(q);
      if (c === quote) break;
      if (c === 10 || c === 13) {
        this.pos = q;
        return this.errorNear('unfinished string', quoted(src[start]! + out + src.slice(seg, q)));
      }
      if (c !== 92) { // not '\\'
        q++;
        continue;
      }
      out += src.slice(seg, q);
      const esc = q; // the backslash, for error messages
      q++;
      if (q >= n) {
        this.pos = q;
        return this.errorNear('unfinished string', '<eof>');
      }
      const e = src.charCodeAt(q);
      switch (e) {
        case 97: out += '\x07'; q++; break; // '\a'
        case 98: out += '\b'; q++; break; // '\b'
        case 102: out += '\f'; q++; break; // '\f'
        case 110: out += '\n'; q++; break; // '\n'
        case 114: out += '\r'; q++; break; // '\r'
        case 116: out += '\t'; q++; break; // '\t'
        case 118: out += '\v'; q++; break; // '\v'
        case 92: out += '\\'; q++; break; // '\\'
        case 34: out += '"'; q++; break; // '\"'
        case 39: out += "'"; q++; break; // '\''
        case 10: // '\' followed by a newline: the newline is part of the string
        case 13:
          out += '\n';
          q = this.newline(q, e);
          break;
        case 120: { // '\xXX'
          q++;
          let v = 0;
          for (let i = 0; i < 2; i++) {
            const d = q < n ? src.charCodeAt(q) : -1;
            if (d < 0 || (CLASS[d]! & XDIGIT) === 0) {
              return this.escapeError('hexadecimal digit expected', start, out, esc, q);
            }
            v = v * 16 + hexDigit(d);
            q++;
          }
          out += String.fromCharCode(v);
          break;
        }
        case 122: { // '\z': skip the following white space, newlines included
          q++;
          while (q < n) {
            const d = src.charCodeAt(q);
            if ((CLASS[d]! & SPACE) === 0) break;
            if (d === 10 || d === 13) q = this.newline(q, d);
            else q++;
          }
          break;
        }
        case 117: { // '\u{XXX}'
          q++;
          if (q >= n || src.charCodeAt(q) !== 123) { // '{'
            return this.escapeError("missing '{'", start, out, esc, q);
          }
          q++;
          let d = q < n ? src.charCodeAt(q) : -1;
          if (d < 0 || (CLASS[d]! & XDIGIT) === 0) {
            return this.escapeError('hexadecimal digit expected', start, out, esc, q);
          }
          let v = hexDigit(d);
          q++;
          for (;;) {
            d = q < n ? src.charCodeAt(q) : -1;
            if (d < 0 || (CLASS[d]! & XDIGIT) === 0) break;
            if (v > UTF8_ACC_LIMIT) return this.escapeError('UTF-8 value too large', start, out, esc, q);
            v = v * 16 + hexDigit(d);
            q++;
          }
          if (d !== 125) { // '}'
            return this.escapeError("missing '}'", start, out, esc, q);
          }
          q++;
          out += utf8Encode(v);
          break;
        }
        default: {
          if ((CLASS[e]! & DIGIT) === 0) {
            return this.escapeError('invalid escape sequence', start, out, esc, q);
          }
          // '\ddd': up to three decimal digits
          let v = 0;
          let i = 0;
          while (i < 3 && q < n) {
            const d = src.charCodeAt(q);
            if (d < 48 || d > 57) break;
            v = v * 10 + (d - 48);
            q++;
            i++;
          }
          if (v > 255) return this.escapeError('decimal escape too large', start, out, esc, q);
          out += String.fromCharCode(v);
          break;
        }
      }
      seg = q;
    }
    this.sval = seg === q ? out : out + src.slice(seg, q);
    this.emit(TK.STRING, start, q + 1);
  }

  /**
   * Error inside an escape sequence: the near text is the opening quote, the bytes decoded
   * so far, the escape read so far (from the backslash at `esc`) and the offending byte at
   * `q` when there is one.
   */
  private escapeError(msg: string, start: number, out: string, esc: number, q: number): never {
    const src = this.src;
    const end = q < this.n ? q + 1 : q;
    this.pos = end;
    return this.errorNear(msg, quoted(src[start]! + out + src.slice(esc, end)));
  }

  /**
   * Numeral starting at `p` (a digit, or '.' followed by a digit). As the reference does,
   * it takes hex digits, '.', exponent marks with an optional sign after them, and one
   * trailing letter or '_' (so that "3x" is one malformed numeral), then converts the lot.
   */
  private readNumeral(p: number): void {
    const src = this.src;
    const n = this.n;
    const start = p;
    let expo = 101; // 'e'
    if (src.charCodeAt(p) === 48 && p + 1 < n && (src.charCodeAt(p + 1) | 32) === 120) { // "0x"
      expo = 112; // 'p'
      p += 2;
    }
    while (p < n) {
      const c = src.charCodeAt(p);
      if ((c | 32) === expo) {
        p++;
        if (p < n) {
          const s = src.charCodeAt(p);
          if (s === 43 || s === 45) p++; // '+' '-'
        }
      } else if ((CLASS[c]! & XDIGIT) !== 0 || c === 46) { // hex digit or '.'
        p++;
      } else {
        break;
      }
    }
    if (p < n && (CLASS[src.charCodeAt(p)]! & ALPHA) !== 0) p++;
    const r = str2numberRange(src, start, p);
    if (r === null) {
      this.pos = p;
      return this.errorNear('malformed number', quoted(src.slice(start, p)));
    }
    this.nval = r.value;
    this.emit(r.isInt ? TK.INT : TK.FLT, start, p);
  }
}

/**
 * All tokens of a source, for tests and tools: [kind, value, line] per token up to and
 * including EOS. Values: the name or string bytes, the number, or null.
 */
export function tokenize(src: string, chunkname: string): Array<[number, string | number | bigint | null, number]> {
  const lx = new Lexer(src, chunkname);
  const out: Array<[number, string | number | bigint | null, number]> = [];
  for (;;) {
    lx.next();
    const t = lx.token;
    const v = t === TK.NAME || t === TK.STRING ? lx.sval : t === TK.INT || t === TK.FLT ? lx.nval : null;
    out.push([t, v, lx.tokLine]);
    if (t === TK.EOS) return out;
  }
}
