/**
 * Lua patterns (manual §6.4.1): compilation into an item list and a backtracking matcher.
 *
 * A pattern is compiled once (and cached) into a flat list of items, each a single-character
 * class with a quantifier, or one of the special items: a capture opening `(` or `()`, a
 * capture closing `)`, a back-reference `%1`..`%9`, a balance `%bxy`, a frontier `%f[set]`
 * or the end anchor `$`. Single-character classes are 256-entry membership tables over bytes
 * in the C locale (only ASCII letters are letters).
 *
 * Errors follow the reference interpreter, which reports a malformed pattern only when the
 * matcher reaches the faulty spot: compilation stops at the first malformed item and emits
 * an ERROR item that throws when a match attempt arrives there. So `string.find("b", "a[")`
 * is nil, while `string.find("a", "a[")` raises "malformed pattern (missing ']')".
 *
 * Matching. match(s, i) tries items i.. at subject offset s and returns the end offset of the
 * match or -1. Plain single items advance in a loop; only the constructs that must be able to
 * backtrack call match() again for "the rest of the pattern": a capture opening or closing,
 * a `?` that matched, and each candidate length of `*`, `+` and `-` (one nested call per
 * candidate, tried in turn, not one per character). Every match() call uses one unit of a
 * budget of MAXMATCHDEPTH nested calls, exactly as the reference interpreter counts them,
 * and running out raises "pattern too complex". So JS recursion is bounded by ~3 frames per
 * unit whatever the subject length, and the same patterns fail as in the reference.
 *
 * Shortcuts that skip calls known to fail (a literal character after `*`/`-`, a literal
 * first item, the shorter runs of a `*`/`+` whose next single-character item shares no
 * byte with it) are only taken while the budget is not exhausted, so they never hide a
 * "pattern too complex" the reference would raise; the first attempt, where an error of a
 * capture item between would be raised, is always made.
 */
import type { LuaThread } from '../vm/state.js';
import type { LuaValue } from '../vm/value.js';
import { nativeError } from '../vm/auxlib.js';
import { charge, chargeString } from '../vm/limits.js';

/** LUA_MAXCAPTURES */
export const MAXCAPTURES = 32;
/** the reference's limit on nested matcher calls (MAXCCALLS in lstrlib) */
export const MAXMATCHDEPTH = 200;
/** match() steps charged at a time (see src/vm/limits.ts charge) */
const MATCH_BATCH = 256;
/** Bytes scanned inside one step (a class run, a skip, %b, a back-reference) per unit charged. */
const SCAN_SHIFT = 3;
/** Captures at least this long are counted as new strings (see limits.ts chargeString). */
const CHARGED_CAPTURE = 32;

/** capture length markers */
const CAP_UNFINISHED = -1;
const CAP_POSITION = -2;

// item kinds
const K_CHAR = 0; // a literal byte (a = code)
const K_ANY = 1; // '.'
const K_SET = 2; // a class or [set] (a = index in sets)
const K_OPEN = 3; // '('
const K_POSCAP = 4; // '()'
const K_CLOSE = 5; // ')'
const K_END = 6; // '$' as the last pattern character
const K_BALANCE = 7; // %bxy (a = x, b = y)
const K_FRONTIER = 8; // %f[set] (a = index in sets)
const K_BACKREF = 9; // %0-%9 (a = capture index, 0-based; -1 for %0)
const K_ERROR = 10; // malformed from here on (a = index in errors)

// quantifiers of single-character items
const Q_ONE = 0;
const Q_STAR = 1; // '*' longest
const Q_PLUS = 2; // '+' longest, at least one
const Q_MINUS = 3; // '-' shortest
const Q_OPT = 4; // '?'

// ---------------------------------------------------------------------------------------
// character classes (C locale)

function makeClass(test: (c: number) => boolean): Uint8Array {
  const t = new Uint8Array(256);
  for (let c = 0; c < 256; c++) t[c] = test(c) ? 1 : 0;
  return t;
}

const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isLower = (c: number): boolean => c >= 97 && c <= 122;
const isAlpha = (c: number): boolean => isUpper(c) || isLower(c);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isGraph = (c: number): boolean => c >= 33 && c <= 126;

/** Membership tables of the class letters (lower case); the upper case is the complement. */
const CLASSES: Record<string, Uint8Array> = {
  a: makeClass(isAlpha),
  c: makeClass((c) => c < 32 || c === 127),
  d: makeClass(isDigit),
  g: makeClass(isGraph),
  l: makeClass(isLower),
  p: makeClass((c) => isGraph(c) && !isAlpha(c) && !isDigit(c)),
  s: makeClass((c) => c === 32 || (c >= 9 && c <= 13)),
  u: makeClass(isUpper),
  w: makeClass((c) => isAlpha(c) || isDigit(c)),
  x: makeClass((c) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)),
  z: makeClass((c) => c === 0), // deprecated %z, still accepted by lua5.4
};

/** The class table of escape letter `c` (a byte), or null when `%c` is a literal. */
function classOf(c: number): Uint8Array | null {
  const lower = c | 0x20;
  if (lower < 97 || lower > 122) return null;
  const t = CLASSES[String.fromCharCode(lower)];
  return t === undefined ? null : t;
}

/** Add class `t` (complemented when `neg`) to set `into`. */
function addClass(into: Uint8Array, t: Uint8Array, neg: boolean): void {
  for (let c = 0; c < 256; c++) if ((t[c] === 1) !== neg) into[c] = 1;
}

/** The table of '.' */
const ALL = new Uint8Array(256).fill(1);

/** Tables of single bytes, made on first use and shared by all patterns. */
const CHARTABS: (Uint8Array | undefined)[] = [];
for (let c = 0; c < 256; c++) CHARTABS.push(undefined);

function charTable(c: number): Uint8Array {
  let t = CHARTABS[c];
  if (t === undefined) {
    t = new Uint8Array(256);
    t[c] = 1;
    CHARTABS[c] = t;
  }
  return t;
}

/** One-character strings of all bytes (for indexOf without allocating). */
const CHARSTR: string[] = [];
for (let c = 0; c < 256; c++) CHARSTR.push(String.fromCharCode(c));

// ---------------------------------------------------------------------------------------
// compilation

/** A compiled pattern: items in parallel arrays (kind, quantifier, two operands). */
export class Pattern {
  readonly source: string;
  /** '^' at the start (find, match, gsub; never for gmatch) */
  readonly anchor: boolean;
  readonly n: number;
  readonly kind: Uint8Array;
  readonly quant: Uint8Array;
  readonly a: Int32Array;
  readonly b: Int32Array;
  /** membership table of each single-character item (K_CHAR, K_ANY, K_SET), else null */
  readonly tab: (Uint8Array | null)[];
  readonly sets: Uint8Array[];
  readonly errors: string[];
  /** byte every match must start with (a literal first item), or -1 */
  readonly firstChar: number;
  /** the bytes a match can start with (first item a class that must match once), or null */
  readonly firstSet: Uint8Array | null;
  /**
   * The set of a frontier that is the pattern's first item (`%f[%a]...`), or null: a match
   * can only start where the byte before is out of the set and the byte at the offset in it
   * (offsets 0 and len see the byte 0 on their missing side).
   */
  readonly firstFrontier: Uint8Array | null;
  /**
   * For each item, the next item that consumes a byte or tests the subject (capture
   * openings and closings skipped), or n at the end of the pattern.
   */
  readonly follow: Int32Array;
  /**
   * 1 for a `*` or `+` item whose follower (follow[i]) is a single-character item that must
   * match once and has no byte in common with it: a shorter run leaves one of the item's
   * own bytes where the follower needs a byte of its own, so only the longest run can go on.
   */
  readonly greedyOnly: Uint8Array;
  /**
   * The membership table of the pattern's only item when it is a single-character item
   * with `+` ("%a+", "[^,]+", "x+", ".+"), matched by one loop (Matcher.tryAt), else null.
   */
  readonly run: Uint8Array | null;
  constructor(source: string, anchor: boolean, kind: number[], quant: number[], a: number[], b: number[], sets: Uint8Array[], errors: string[]) {
    this.source = source;
    this.anchor = anchor;
    this.n = kind.length;
    this.kind = Uint8Array.from(kind);
    this.quant = Uint8Array.from(quant);
    this.a = Int32Array.from(a);
    this.b = Int32Array.from(b);
    this.sets = sets;
    this.errors = errors;
    const tab: (Uint8Array | null)[] = [];
    for (let i = 0; i < this.n; i++) {
      const k = kind[i];
      if (k === K_CHAR) tab.push(charTable(a[i]));
      else if (k === K_ANY) tab.push(ALL);
      else if (k === K_SET) tab.push(sets[a[i]]);
      else tab.push(null);
    }
    this.tab = tab;
    // Where can a match start? Skipping offsets where the first single item cannot match
    // is safe: there the attempt fails at once, without errors (fewer than 32 captures
    // open before it) and without nested calls.
    let fc = -1;
    let fs: Uint8Array | null = null;
    for (let i = 0; i < this.n && i < MAXCAPTURES; i++) {
      const k = kind[i];
      if (k === K_OPEN || k === K_POSCAP) continue;
      if (k <= K_SET && k !== K_ANY && (quant[i] === Q_ONE || quant[i] === Q_PLUS)) {
        fs = tab[i];
        if (k === K_CHAR) fc = a[i];
      }
      break;
    }
    this.firstChar = fc;
    this.firstSet = fs;
    this.firstFrontier = this.n > 0 && kind[0] === K_FRONTIER ? sets[a[0]] : null;
    const follow = new Int32Array(this.n);
    const greedyOnly = new Uint8Array(this.n);
    for (let i = 0; i < this.n; i++) {
      let f = i + 1;
      while (f < this.n && (kind[f] === K_OPEN || kind[f] === K_POSCAP || kind[f] === K_CLOSE)) f++;
      follow[i] = f;
      const t = tab[i];
      const u = f < this.n ? tab[f] : null;
      if (t !== null && u !== null && (quant[i] === Q_STAR || quant[i] === Q_PLUS) && (quant[f] === Q_ONE || quant[f] === Q_PLUS)) {
        let disjoint = true;
        for (let c = 0; c < 256 && disjoint; c++) if (t[c] === 1 && u[c] === 1) disjoint = false;
        if (disjoint) greedyOnly[i] = 1;
      }
    }
    this.follow = follow;
    this.greedyOnly = greedyOnly;
    this.run = this.n === 1 && quant[0] === Q_PLUS ? tab[0] : null;
  }
}

/**
 * Find the end of the set that starts after '[' at p[i]: the index of its closing ']', or
 * -1 when it has none. The first character (after an optional '^') always belongs to the
 * set, so "[]]" and "[^]]" hold ']'; "%x" escapes one character.
 */
function setEnd(p: string, i: number): number {
  const len = p.length;
  if (i < len && p.charCodeAt(i) === 94) i++; // '^'
  do {
    if (i >= len) return -1;
    const c = p.charCodeAt(i++);
    if (c === 37 && i < len) i++; // '%' escapes the next character
  } while (i >= len || p.charCodeAt(i) !== 93); // ']'
  return i;
}

/** The membership table of the set p[i..end-1] (i just after '['). */
function buildSet(p: string, i: number, end: number): Uint8Array {
  const t = new Uint8Array(256);
  let neg = false;
  if (p.charCodeAt(i) === 94) { // '^'
    neg = true;
    i++;
  }
  while (i < end) {
    const c = p.charCodeAt(i);
    if (c === 37) { // '%'
      const e = p.charCodeAt(i + 1);
      const cls = classOf(e);
      if (cls !== null) addClass(t, cls, e < 97);
      else t[e] = 1;
      i += 2;
    } else if (i + 2 < end && p.charCodeAt(i + 1) === 45) { // range x-y
      const hi = p.charCodeAt(i + 2);
      for (let x = c; x <= hi; x++) t[x] = 1;
      i += 3;
    } else {
      t[c] = 1;
      i++;
    }
  }
  if (neg) for (let c = 0; c < 256; c++) t[c] ^= 1;
  return t;
}

// compiled patterns by source text (patterns are mostly constants: the same JS string)
const cacheAnchored = new Map<string, Pattern>();
const cacheFree = new Map<string, Pattern>();
const CACHE_MAX = 256;

/**
 * The compiled form of pattern p. With `anchored` (find, match, gsub) a leading '^' anchors
 * the match; gmatch passes false and '^' is then an ordinary character.
 */
export function compilePattern(p: string, anchored: boolean): Pattern {
  const cache = anchored ? cacheAnchored : cacheFree;
  let pat = cache.get(p);
  if (pat !== undefined) return pat;
  pat = compile(p, anchored);
  if (p.length <= 1000) {
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(p, pat);
  }
  return pat;
}

function compile(p: string, anchored: boolean): Pattern {
  const kind: number[] = [];
  const quant: number[] = [];
  const a: number[] = [];
  const b: number[] = [];
  const sets: Uint8Array[] = [];
  const errors: string[] = [];
  const len = p.length;
  const anchor = anchored && len > 0 && p.charCodeAt(0) === 94;
  let i = anchor ? 1 : 0;
  const item = (k: number, q: number, x: number, y: number): void => {
    kind.push(k);
    quant.push(q);
    a.push(x);
    b.push(y);
  };
  const fail = (msg: string): void => {
    item(K_ERROR, Q_ONE, errors.length, 0);
    errors.push(msg);
  };
  while (i < len) {
    const c = p.charCodeAt(i);
    // special items (never quantified)
    if (c === 40) { // '('
      if (i + 1 < len && p.charCodeAt(i + 1) === 41) {
        item(K_POSCAP, Q_ONE, 0, 0);
        i += 2;
      } else {
        item(K_OPEN, Q_ONE, 0, 0);
        i++;
      }
      continue;
    }
    if (c === 41) { // ')'
      item(K_CLOSE, Q_ONE, 0, 0);
      i++;
      continue;
    }
    if (c === 36 && i + 1 === len) { // '$' ending the pattern
      item(K_END, Q_ONE, 0, 0);
      i++;
      continue;
    }
    if (c === 37 && i + 1 < len) { // '%'
      const e = p.charCodeAt(i + 1);
      if (e === 98) { // %bxy
        if (i + 3 >= len) {
          fail("malformed pattern (missing arguments to '%b')");
          break;
        }
        item(K_BALANCE, Q_ONE, p.charCodeAt(i + 2), p.charCodeAt(i + 3));
        i += 4;
        continue;
      }
      if (e === 102) { // %f[set]
        if (i + 2 >= len || p.charCodeAt(i + 2) !== 91) {
          fail("missing '[' after '%f' in pattern");
          break;
        }
        const end = setEnd(p, i + 3);
        if (end < 0) {
          fail("malformed pattern (missing ']')");
          break;
        }
        item(K_FRONTIER, Q_ONE, sets.length, 0);
        sets.push(buildSet(p, i + 3, end));
        i = end + 1;
        continue;
      }
      if (e >= 48 && e <= 57) { // back-reference
        item(K_BACKREF, Q_ONE, e - 49, 0);
        i += 2;
        continue;
      }
    }
    // a single-character class, then an optional quantifier
    let k: number;
    let x = 0;
    if (c === 46) { // '.'
      k = K_ANY;
      i++;
    } else if (c === 37) { // '%'
      if (i + 1 >= len) {
        fail("malformed pattern (ends with '%')");
        break;
      }
      const e = p.charCodeAt(i + 1);
      const cls = classOf(e);
      if (cls === null) {
        k = K_CHAR;
        x = e;
      } else {
        k = K_SET;
        x = sets.length;
        if (e >= 97) sets.push(cls);
        else {
          const t = new Uint8Array(256);
          addClass(t, cls, true);
          sets.push(t);
        }
      }
      i += 2;
    } else if (c === 91) { // '['
      const end = setEnd(p, i + 1);
      if (end < 0) {
        fail("malformed pattern (missing ']')");
        break;
      }
      k = K_SET;
      x = sets.length;
      sets.push(buildSet(p, i + 1, end));
      i = end + 1;
    } else {
      k = K_CHAR;
      x = c;
      i++;
    }
    let q = Q_ONE;
    if (i < len) {
      switch (p.charCodeAt(i)) {
        case 42: q = Q_STAR; i++; break; // '*'
        case 43: q = Q_PLUS; i++; break; // '+'
        case 45: q = Q_MINUS; i++; break; // '-'
        case 63: q = Q_OPT; i++; break; // '?'
      }
    }
    item(k, q, x, 0);
  }
  return new Pattern(p, anchor, kind, quant, a, b, sets, errors);
}

/** placeholder pattern of an idle matcher */
const EMPTY = compile('', false);

/** True when p has none of the pattern magic characters (find can search literally). */
export function isPlainPattern(p: string): boolean {
  for (let i = 0; i < p.length; i++) {
    switch (p.charCodeAt(i)) {
      case 94: case 36: case 42: case 43: case 63: // ^ $ * + ?
      case 46: case 40: case 91: case 37: case 45: // . ( [ % -
        return false;
    }
  }
  return true;
}

// ---------------------------------------------------------------------------------------
// matching

/**
 * Matching state for one subject and pattern. Invariant: captures 0..level-1 are open or
 * closed; capLen[i] is a length, CAP_UNFINISHED while the capture is open, or CAP_POSITION.
 * The pattern's arrays are copied into fields by reset() so the hot loops read them directly.
 */
export class Matcher {
  L: LuaThread | null = null;
  src = '';
  len = 0;
  pat: Pattern = EMPTY;
  private n = 0;
  private kind: Uint8Array = EMPTY.kind;
  private quant: Uint8Array = EMPTY.quant;
  private a: Int32Array = EMPTY.a;
  private tab: (Uint8Array | null)[] = EMPTY.tab;
  level = 0;
  readonly capStart = new Int32Array(MAXCAPTURES);
  readonly capLen = new Int32Array(MAXCAPTURES);
  /** nested match() calls still allowed */
  depth = MAXMATCHDEPTH;
  /** match() calls left before the next batch is charged to the instruction count */
  private ticks = MATCH_BATCH;
  /** end offset of the last successful search() */
  end = 0;
  /** results of captureBounds() */
  capS = 0;
  capE = 0;
  // cache of the last indexOf for the '.-c' shortcut: next c at or after from is res
  private ncChar = -1;
  private ncFrom = 0;
  private ncRes = 0;
  // the last offset of byte bcChar in src (for %b: no run balances past it)
  private bcChar = -1;
  private bcLast = -1;

  reset(L: LuaThread, src: string, pat: Pattern): void {
    this.L = L;
    this.src = src;
    this.len = src.length;
    this.pat = pat;
    this.n = pat.n;
    this.kind = pat.kind;
    this.quant = pat.quant;
    this.a = pat.a;
    this.tab = pat.tab;
    this.level = 0;
    this.ncChar = -1;
    this.bcChar = -1;
    this.ticks = MATCH_BATCH;
  }

  /** Charge `bytes` scanned by a loop inside one step, with the steps. */
  private scan(bytes: number): void {
    if (bytes < 1 << SCAN_SHIFT) return;
    this.ticks -= bytes >>> SCAN_SHIFT;
    if (this.ticks < 0) this.chargeBatch();
  }

  /** Charge the units used since the last batch (limits and the time are checked there). */
  private chargeBatch(): void {
    const used = MATCH_BATCH - this.ticks;
    this.ticks = MATCH_BATCH;
    charge(this.L!.vm, used);
  }

  /** Charge the steps since the last batch (at the end of a use: counts stay exact). */
  chargeRest(): void {
    const L = this.L;
    if (L !== null) L.vm.instructions += MATCH_BATCH - this.ticks;
    this.ticks = MATCH_BATCH;
  }

  private error(msg: string): never {
    nativeError(this.L!, msg);
  }

  /** Try the whole pattern at offset s: the end of the match, or -1. */
  tryAt(s: number): number {
    this.level = 0;
    const run = this.pat.run;
    if (run !== null) {
      // one item with '+': the longest run from s, charged as match() and maxExpand() would
      if (--this.ticks < 0) this.chargeBatch();
      const src = this.src;
      const len = this.len;
      if (s >= len || run[src.charCodeAt(s)] === 0) return -1;
      let e = s + 1;
      while (e < len && run[src.charCodeAt(e)] === 1) e++;
      this.scan(e - s - 1);
      return e;
    }
    this.depth = MAXMATCHDEPTH;
    return this.match(s, 0);
  }

  /**
   * Search from offset init (anchored patterns only try there): the start of the first match,
   * with its end in this.end; -1 when there is none.
   */
  search(init: number): number {
    if (this.pat.anchor) {
      const e = this.tryAt(init);
      if (e < 0) return -1;
      this.end = e;
      return init;
    }
    const len = this.len;
    for (let s = init; s <= len; s++) {
      s = this.nextCandidate(s);
      if (s > len) return -1;
      const e = this.tryAt(s);
      if (e >= 0) {
        this.end = e;
        return s;
      }
    }
    return -1;
  }

  /** First offset >= s where a match can start (see Pattern.firstSet), or len + 1. */
  nextCandidate(s: number): number {
    const pat = this.pat;
    const fc = pat.firstChar;
    if (fc >= 0) {
      const r = this.src.indexOf(CHARSTR[fc], s);
      this.scan(((r < 0 ? this.len : r) - s) >>> 3); // a native search: 1/8 of a JS loop
      return r < 0 ? this.len + 1 : r;
    }
    const ff = pat.firstFrontier;
    if (ff !== null) {
      // an attempt where the frontier fails is one matcher step, charged for each offset
      // skipped so that counts are those of trying every offset
      const src = this.src;
      const len = this.len;
      const s0 = s;
      let prev = s === 0 ? 0 : src.charCodeAt(s - 1);
      for (; s <= len; s++) {
        const cur = s < len ? src.charCodeAt(s) : 0;
        if (ff[prev] === 0 && ff[cur] === 1) break;
        prev = cur;
      }
      if (s > s0) {
        this.ticks -= s - s0;
        if (this.ticks < 0) this.chargeBatch();
      }
      return s;
    }
    const fs = pat.firstSet;
    if (fs === null) return s;
    const src = this.src;
    const len = this.len;
    const s0 = s;
    while (s < len && fs[src.charCodeAt(s)] === 0) s++;
    this.scan(s - s0);
    return s < len ? s : len + 1;
  }

  /** Match items i.. at offset s; the end offset or -1. One unit of the depth budget. */
  private match(s: number, i: number): number {
    if (this.depth-- === 0) this.error('pattern too complex');
    // matching is library work: charged, so that limits hold inside one long search
    if (--this.ticks < 0) this.chargeBatch();
    const kind = this.kind;
    const n = this.n;
    const src = this.src;
    const len = this.len;
    let r = -1;
    for (;;) {
      if (i === n) {
        r = s;
        break;
      }
      const k = kind[i];
      if (k <= K_SET) {
        const q = this.quant[i];
        if (s >= len || this.tab[i]![src.charCodeAt(s)] === 0) {
          if (q === Q_STAR || q === Q_OPT || q === Q_MINUS) {
            i++;
            continue;
          }
          break; // r = -1
        }
        if (q === Q_ONE) {
          s++;
          i++;
          continue;
        }
        if (q === Q_OPT) {
          r = this.match(s + 1, i + 1);
          if (r >= 0) break;
          i++;
          continue;
        }
        if (q === Q_MINUS) r = this.minExpand(s, i);
        else r = this.maxExpand(q === Q_PLUS ? s + 1 : s, i);
        break;
      }
      switch (k) {
        case K_OPEN:
          r = this.startCapture(s, i + 1, CAP_UNFINISHED);
          break;
        case K_POSCAP:
          r = this.startCapture(s, i + 1, CAP_POSITION);
          break;
        case K_CLOSE:
          r = this.endCapture(s, i + 1);
          break;
        case K_END:
          r = s === len ? s : -1;
          break;
        case K_BALANCE:
          s = this.balance(s, this.a[i], this.pat.b[i]);
          if (s < 0) break;
          i++;
          continue;
        case K_FRONTIER: {
          const set = this.pat.sets[this.a[i]];
          const prev = s === 0 ? 0 : src.charCodeAt(s - 1);
          const cur = s < len ? src.charCodeAt(s) : 0;
          if (set[prev] === 1 || set[cur] === 0) break;
          i++;
          continue;
        }
        case K_BACKREF:
          s = this.backref(s, this.a[i]);
          if (s < 0) break;
          i++;
          continue;
        default: // K_ERROR
          this.error(this.pat.errors[this.a[i]]);
      }
      break;
    }
    this.depth++;
    return r;
  }

  /** Longest first: count the repetitions from s, then give back one at a time. */
  private maxExpand(s: number, i: number): number {
    const src = this.src;
    const len = this.len;
    let c = 0;
    if (this.kind[i] === K_ANY) c = len - s;
    else {
      const t = this.tab[i]!;
      while (s + c < len && t[src.charCodeAt(s + c)] === 1) c++;
    }
    // the run counted here, and given back one offset at a time below
    this.scan(c);
    const next = i + 1;
    if (this.depth > 0) {
      if (next === this.n) return s + c;
      const pat = this.pat;
      if (pat.greedyOnly[i] === 1) return this.match(s + c, next);
      const f = pat.follow[i];
      const nk = f < this.n ? this.kind[f] : K_END;
      const nq = this.quant[f];
      if (nk === K_CHAR && (nq === Q_ONE || nq === Q_PLUS)) {
        // only offsets holding that literal can continue (the captures between are closed
        // or opened by match(), which consumes nothing for them)
        const lc = this.a[f];
        if (f !== next) {
          // the first attempt as the reference makes it: a capture closing between may raise
          // an error there ("invalid pattern capture"), which it would raise at any length
          const r = this.match(s + c, next);
          if (r >= 0) return r;
          c--;
        }
        for (; c >= 0; c--) {
          if (s + c < len && src.charCodeAt(s + c) === lc) {
            const r = this.match(s + c, next);
            if (r >= 0) return r;
          }
        }
        return -1;
      }
      if (nk === K_END && f === next) return s + c === len ? len : -1;
    }
    for (; c >= 0; c--) {
      const r = this.match(s + c, next);
      if (r >= 0) return r;
    }
    return -1;
  }

  /** Shortest first: try the rest at s, and take one more repetition while it fails. */
  private minExpand(s: number, i: number): number {
    const src = this.src;
    const len = this.len;
    const t = this.tab[i]!;
    const next = i + 1;
    let lc = -1;
    if (this.depth > 0 && next < this.n && this.kind[next] === K_CHAR && (this.quant[next] === Q_ONE || this.quant[next] === Q_PLUS)) {
      lc = this.a[next];
    }
    const any = this.kind[i] === K_ANY;
    for (;;) {
      if (lc >= 0) {
        // skip to the next offset holding the literal that must follow
        if (any) {
          s = this.nextIndexOf(lc, s);
          if (s < 0) return -1;
        } else {
          const from = s;
          while (s < len && src.charCodeAt(s) !== lc) {
            if (t[src.charCodeAt(s)] === 0) break;
            s++;
          }
          this.scan(s - from);
          if (s >= len || src.charCodeAt(s) !== lc) return -1;
        }
      }
      const r = this.match(s, next);
      if (r >= 0) return r;
      if (s < len && t[src.charCodeAt(s)] === 1) s++;
      else return -1;
    }
  }

  /** src.indexOf(c, from), remembering the last answer: it holds for any later `from`
   *  up to it, which makes '.-c' scans linear over all start offsets. */
  private nextIndexOf(c: number, from: number): number {
    if (c === this.ncChar && from >= this.ncFrom && (this.ncRes < 0 || from <= this.ncRes)) return this.ncRes;
    const r = this.src.indexOf(CHARSTR[c], from);
    this.scan(((r < 0 ? this.len : r) - from) >>> 3); // a native search: 1/8 of a JS loop
    this.ncChar = c;
    this.ncFrom = from;
    this.ncRes = r;
    return r;
  }

  private startCapture(s: number, i: number, what: number): number {
    const l = this.level;
    if (l >= MAXCAPTURES) this.error('too many captures');
    this.capStart[l] = s;
    this.capLen[l] = what;
    this.level = l + 1;
    const r = this.match(s, i);
    if (r < 0) this.level--;
    return r;
  }

  private endCapture(s: number, i: number): number {
    let l = this.level - 1;
    while (l >= 0 && this.capLen[l] !== CAP_UNFINISHED) l--;
    if (l < 0) this.error('invalid pattern capture');
    this.capLen[l] = s - this.capStart[l];
    const r = this.match(s, i);
    if (r < 0) this.capLen[l] = CAP_UNFINISHED;
    return r;
  }

  /** %bxy at s: the offset after the balanced run, or -1. */
  private balance(s: number, open: number, close: number): number {
    const src = this.src;
    const len = this.len;
    if (s >= len || src.charCodeAt(s) !== open) return -1;
    // only a closing byte can end the run: without one after s (a subject of opening bytes,
    // tried at every offset) fail at once instead of scanning to the end each time
    if (close !== this.bcChar) {
      this.bcChar = close;
      this.bcLast = src.lastIndexOf(CHARSTR[close]);
    }
    const last = this.bcLast;
    let depth = 1;
    for (let j = s + 1; j <= last; j++) {
      const c = src.charCodeAt(j);
      if (c === close) {
        if (--depth === 0) {
          this.scan(j - s);
          return j + 1;
        }
      } else if (c === open) depth++;
    }
    this.scan(last - s);
    return -1;
  }

  /** %1-%9 at s: the offset after a copy of capture l, or -1. */
  private backref(s: number, l: number): number {
    if (l < 0 || l >= this.level || this.capLen[l] === CAP_UNFINISHED) this.error(`invalid capture index %${l + 1}`);
    const n = this.capLen[l];
    if (n < 0 || this.len - s < n) return -1; // a position capture never matches
    const src = this.src;
    const st = this.capStart[l];
    this.scan(n);
    for (let j = 0; j < n; j++) if (src.charCodeAt(st + j) !== src.charCodeAt(s + j)) return -1;
    return s + n;
  }

  /**
   * Capture i (0-based) of the match s..e: its string, its position (an integer), or the
   * whole match when the pattern has no captures and i is 0.
   */
  capture(i: number, s: number, e: number): LuaValue {
    if (i >= this.level) {
      if (i !== 0) this.error(`invalid capture index %${i + 1}`);
      if (e - s >= CHARGED_CAPTURE) chargeString(this.L!.vm, e - s);
      return this.src.slice(s, e);
    }
    const n = this.capLen[i];
    if (n === CAP_UNFINISHED) this.error('unfinished capture');
    const st = this.capStart[i];
    if (n === CAP_POSITION) return st + 1;
    if (n >= CHARGED_CAPTURE) chargeString(this.L!.vm, n);
    return this.src.slice(st, st + n);
  }

  /**
   * Like capture(), without making a string: the capture's bounds go to capS..capE and the
   * result is true, or it is a position capture and the result is false (position in capS).
   */
  captureBounds(i: number, s: number, e: number): boolean {
    if (i >= this.level) {
      if (i !== 0) this.error(`invalid capture index %${i + 1}`);
      this.capS = s;
      this.capE = e;
      return true;
    }
    const n = this.capLen[i];
    if (n === CAP_UNFINISHED) this.error('unfinished capture');
    const st = this.capStart[i];
    if (n === CAP_POSITION) {
      this.capS = st + 1;
      return false;
    }
    this.capS = st;
    this.capE = st + n;
    return true;
  }

  /** Number of values push/collect give: the captures, or 1 (whole match) when none. */
  ncaptures(whole: boolean): number {
    return this.level === 0 && whole ? 1 : this.level;
  }

  /** Write the captures (or the whole match) to stack[base..]; returns their count. */
  pushCaptures(L: LuaThread, base: number, s: number, e: number, whole: boolean): number {
    const n = this.ncaptures(whole);
    L.ensureStack(base + n + 1);
    const st = L.stack;
    for (let i = 0; i < n; i++) st[base + i] = this.capture(i, s, e);
    return n;
  }
}

let spare: Matcher | null = null;

/** A matcher ready for src and pat (reused when free; gsub callbacks may nest matches). */
export function acquireMatcher(L: LuaThread, src: string, pat: Pattern): Matcher {
  let m = spare;
  if (m !== null) spare = null;
  else m = new Matcher();
  m.reset(L, src, pat);
  return m;
}

export function releaseMatcher(m: Matcher): void {
  m.chargeRest();
  m.L = null;
  m.src = '';
  spare = m;
}
