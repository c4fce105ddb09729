/**
 * The tree the differential generator produces: Lua source text with its expressions marked,
 * so that a differing snippet can be minimised by replacing an expression with one of its
 * subexpressions, a leaf with a simpler one, a string literal with a shorter one, or by
 * dropping call arguments. Every candidate is still valid Lua, because only expressions
 * replace expressions.
 *
 * Invariant: text(n) = s[0] + text(k[0]) + s[1] + ... + text(k[m-1]) + s[m], so
 * s.length === k.length + 1.
 */
export interface Node {
  readonly s: readonly string[];
  readonly k: readonly Node[];
  /** a Lua expression: it may stand in for any other expression node */
  readonly e: boolean;
  /** the children from this index on are call arguments, separated by ', ', and may be dropped */
  readonly dropFrom?: number;
  /** a leaf: simpler expressions it may be replaced by when minimising */
  readonly alts?: readonly string[];
  /** a string literal: its bytes (the text is quote(bytes)) */
  readonly bytes?: string;
  /** a string literal: minimising never makes it shorter than this (e.g. string.rep's subject
   *  when the count is huge: an empty subject makes lua5.4 loop 2^63 times) */
  readonly minLen?: number;
  /** a binary operation k[0] op k[1] (s is ['', ' op ', '']): text() adds the parentheses
   *  Lua's precedence needs, so the tree is always the parse tree */
  readonly op?: string;
  /** a unary operation (s is ['op ', '']) */
  readonly unop?: string;
}

/** Binary priorities of Lua (manual §3.4.8), higher binds tighter; unary operators are 12. */
const PRIORITY: Record<string, number> = {
  or: 1, and: 2, '<': 3, '>': 3, '<=': 3, '>=': 3, '~=': 3, '==': 3, '|': 4, '~': 5, '&': 6,
  '<<': 7, '>>': 7, '..': 9, '+': 10, '-': 10, '*': 11, '/': 11, '//': 11, '%': 11, '^': 14,
};
const UNARY_PRIORITY = 12;
const RIGHT_ASSOC = new Set(['..', '^']);

function priority(n: Node): number {
  if (n.op) return PRIORITY[n.op];
  if (n.unop) return UNARY_PRIORITY;
  // a leaf such as -7 or -math.huge is a unary minus to the parser
  if (n.k.length === 0 && n.s[0].startsWith('-')) return UNARY_PRIORITY;
  return 100;
}

function operandText(child: Node, op: string, right: boolean): string {
  const c = priority(child);
  const p = PRIORITY[op];
  const needs = c < p || (c === p && (right ? !RIGHT_ASSOC.has(op) : RIGHT_ASSOC.has(op)));
  return needs ? `(${text(child)})` : text(child);
}

/** A binary operation. */
export function bin(op: string, a: Node, b: Node): Node {
  return { s: ['', ` ${op} `, ''], k: [a, b], e: true, op };
}

/** A unary operation. */
export function un(op: string, a: Node): Node {
  return { s: [`${op} `, ''], k: [a], e: true, unop: op };
}

/** A Lua string literal for arbitrary bytes (char codes 0..255), in plain ASCII. */
export function quote(bytes: string): string {
  let out = '"';
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes.charCodeAt(i);
    if (c === 34) out += '\\"'; // '"'
    else if (c === 92) out += '\\\\'; // '\'
    else if (c >= 32 && c < 127) out += bytes[i];
    else out += '\\' + String(c).padStart(3, '0'); // three digits: a following digit cannot join it
  }
  return out + '"';
}

export function text(n: Node): string {
  if (n.op) return operandText(n.k[0], n.op, false) + n.s[1] + operandText(n.k[1], n.op, true);
  if (n.unop) return n.s[0] + (priority(n.k[0]) < UNARY_PRIORITY ? `(${text(n.k[0])})` : text(n.k[0]));
  let out = n.s[0];
  for (let i = 0; i < n.k.length; i++) out += text(n.k[i]) + n.s[i + 1];
  return out;
}

const NUM_ALTS = ['0', '1', '-1', '0.0', '1.0'];

/** A leaf expression given by its text. */
export function lit(t: string, alts: readonly string[] = NUM_ALTS): Node {
  return { s: [t], k: [], e: true, alts };
}

/** A string literal. */
export function str(bytes: string, minLen = 0): Node {
  return { s: [quote(bytes)], k: [], e: true, bytes, minLen };
}

function build(e: boolean, strings: readonly string[], vals: readonly (Node | string)[]): Node {
  const s: string[] = [strings[0]];
  const k: Node[] = [];
  vals.forEach((v, i) => {
    if (typeof v === 'string') s[s.length - 1] += v + strings[i + 1];
    else {
      k.push(v);
      s.push(strings[i + 1]);
    }
  });
  return { s, k, e };
}

/** Tagged template for an expression: ex`(${a} + ${b})`; string values are inlined as text. */
export function ex(strings: TemplateStringsArray, ...vals: (Node | string)[]): Node {
  return build(true, strings, vals);
}

/** Tagged template for statements (a function body): never replaced by an expression. */
export function st(strings: TemplateStringsArray, ...vals: (Node | string)[]): Node {
  return build(false, strings, vals);
}

/** `f(a, b, c)`; the arguments may be dropped when minimising. */
export function call(f: string, args: readonly Node[]): Node {
  if (args.length === 0) return { s: [`${f}()`], k: [], e: true };
  return { s: [`${f}(`, ...args.slice(1).map(() => ', '), ')'], k: args, e: true, dropFrom: 0 };
}

/** A table constructor `{a, b, c}`; the elements may be dropped when minimising. */
export function cons(elems: readonly Node[]): Node {
  if (elems.length === 0) return { s: ['{}'], k: [], e: true };
  return { s: ['{', ...elems.slice(1).map(() => ', '), '}'], k: elems, e: true, dropFrom: 0 };
}

/** `(self):m(a, b)`: method-call syntax (argument numbers in messages shift). */
export function method(self: Node, m: string, args: readonly Node[]): Node {
  if (args.length === 0) return { s: ['(', `):${m}()`], k: [self], e: true };
  return { s: ['(', `):${m}(`, ...args.slice(1).map(() => ', '), ')'], k: [self, ...args], e: true, dropFrom: 1 };
}

function withKid(n: Node, i: number, c: Node): Node {
  const k = n.k.slice();
  k[i] = c;
  return { ...n, k };
}

function dropKid(n: Node, i: number): Node {
  const k = n.k.slice();
  const s = n.s.slice();
  const last = i === n.k.length - 1;
  k.splice(i, 1);
  if (!last) s.splice(i + 1, 1); // the ', ' after it
  else if (i > n.dropFrom!) s.splice(i, 1); // the ', ' before it
  else s.splice(i, 2, s[i] + s[i + 1]); // the only argument: 'f(' + ')'
  return { ...n, s, k };
}

function* exprDescendants(n: Node): Generator<Node> {
  for (const c of n.k) {
    if (c.e) yield c;
    yield* exprDescendants(c);
  }
}

/**
 * Candidates one step simpler than n (not all of them shorter; the minimiser keeps only
 * shorter ones, which makes it terminate). Big cuts come first.
 */
export function* simplifications(n: Node): Generator<Node> {
  if (n.e) yield* exprDescendants(n);
  if (n.dropFrom !== undefined) {
    for (let i = n.k.length - 1; i >= n.dropFrom; i--) yield dropKid(n, i);
  }
  if (n.alts) for (const a of n.alts) yield lit(a, n.alts);
  if (n.bytes !== undefined && n.bytes.length > (n.minLen ?? 0)) {
    const seen = new Set<string>();
    const b = n.bytes;
    if (b.length > 2 && (n.minLen ?? 0) <= b.length >> 1) {
      seen.add(b.slice(0, b.length >> 1));
      seen.add(b.slice(b.length >> 1));
    }
    for (let i = 0; i < b.length; i++) seen.add(b.slice(0, i) + b.slice(i + 1));
    for (const t of seen) if (t.length >= (n.minLen ?? 0)) yield str(t, n.minLen);
  }
  for (let i = 0; i < n.k.length; i++) {
    for (const c of simplifications(n.k[i])) yield withKid(n, i, c);
  }
}
