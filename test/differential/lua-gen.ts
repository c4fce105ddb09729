/**
 * fast-check arbitraries for random, valid Lua snippets: each one is a function body (a Node
 * that is not an expression) ending in `return ...`, which the harness wraps as
 * `R(i, pcall(function() <body> end))`. The snippets cover expressions over every operator and
 * tricky operands, and calls of the string, math, table and utf8 libraries with random (often
 * wrong) arguments, so that both results and error messages are compared.
 *
 * Nothing here depends on moonbox: the reference decides what is right.
 *
 * Not generated, because lua5.4 itself does not print them deterministically:
 *  - addresses: tostring/%s/%p of tables, functions, and %p of strings;
 *  - pairs/next order (results that are tables are printed by index, see the harness);
 *  - the length of tables with holes (any border is valid): table constructors hold no nil;
 * and, because lua5.4 would not finish, string.rep of an empty string with a huge count
 * (it loops count times) or of counts between 2^29 and 2^31 (it allocates gigabytes).
 */
import fc from 'fast-check';
import { bin, call, cons, ex, lit, method, str, st, un, type Node } from './lua-ast.js';

type Arb<T> = fc.Arbitrary<T>;

const pick = (...texts: string[]): Arb<Node> => fc.constantFrom(...texts).map((t) => lit(t));
const weighted = <T>(...pairs: [number, Arb<T>][]): Arb<T> =>
  fc.oneof(...pairs.map(([weight, arbitrary]) => ({ weight, arbitrary })));

// ---------------------------------------------------------------------------------------------
// Operands

const INT_EDGES = [
  '0', '1', '-1', '2', '3', '5', '7', '-7', '10', '-10', '16', '31', '32', '63', '64', '-64', '100',
  '255', '256', '1000', '65535', '2147483647', '2147483648', '-2147483648', '4294967295', '4294967296',
  '9007199254740991', '9007199254740992', '9007199254740993', '-9007199254740991', '-9007199254740992',
  '-9007199254740993', '9223372036854775807', '-9223372036854775807', 'math.maxinteger',
  'math.mininteger', '(math.mininteger + 1)', '(math.maxinteger - 1)', '0x7fffffffffffffff',
  '0x8000000000000000', '0xffffffffffffffff', '0xff', '0x10', '0xFFFFFFFF', '-0x1',
];

const FLOAT_EDGES = [
  '0.0', '-0.0', '1.0', '-1.0', '2.0', '3.0', '-3.0', '0.5', '-0.5', '1.5', '2.5', '-2.5', '0.1', '0.2',
  '0.3', '1e15', '1e16', '1e100', '-1e100', '1e308', '-1e308', '1e-308', '5e-324', '-5e-324',
  '2.2250738585072014e-308', '1.7976931348623157e308', 'math.huge', '-math.huge', '(0/0)', '-(0/0)',
  'math.pi', '(2^53)', '(2^53 + 1.0)', '(2^63)', '(-2^63)', '9007199254740993.0', '9.2233720368547758e18',
  '-9223372036854775808', '1e19', '0x1p-1074', '0x1.8p1', '.5', '5.', '3e0', '1e-5', '123456.789',
  '(1/3)', '-(1/3)', '0x.1', '4.0e0', '1e+300',
];

/** Strings that convert to numbers (or almost do). */
const NUMSTR_EDGES = [
  '10', '0x1F', ' 3 ', '1e2', '-7', '3.0', '-0', '0x10p1', ' 0x7fffffffffffffff ', '9223372036854775807',
  '9223372036854775808', '-9223372036854775808', '1e', 'abc', '', '0x', '1 2', 'inf', 'nan', '.5', '5.',
  '\t12\n', '0x.8', '1e400', '-0x10', '- 1', '10\0', '0.1', '2^3', '  -0.0  ', '0xffffffffffffffff',
  '1E+2', '0X1P-2', '+5', '++5', '1_000',
];

const OTHER_EDGES = [
  'nil', 'true', 'false', '{}', 'print', '"x"', '"hello"', '"a\\0b"', '"\\255"', '"B"', '"a"',
  // named in error messages: a nil global, a nil field, a table field
  'g', 'string.nope', 'math',
];

/** An integer literal text; the most negative one is spelled math.mininteger (the numeral
 *  9223372036854775808 is a float). */
function intText(b: bigint): string {
  if (b === -(2n ** 63n)) return 'math.mininteger';
  return b.toString();
}

/** A float literal text that Lua reads as a float. */
export function floatText(x: number): string {
  if (Object.is(x, -0)) return '-0.0';
  if (x === Infinity) return 'math.huge';
  if (x === -Infinity) return '-math.huge';
  if (Number.isNaN(x)) return '(0/0)';
  const t = String(x);
  return /[.e]/.test(t) ? t : `${t}.0`;
}

export const intLit: Arb<Node> = weighted(
  [4, fc.constantFrom(...INT_EDGES).map((t) => lit(t))],
  [3, fc.integer({ min: -300, max: 300 }).map((n) => lit(String(n)))],
  [2, fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((b) => lit(intText(b)))],
);

export const floatLit: Arb<Node> = weighted(
  [4, fc.constantFrom(...FLOAT_EDGES).map((t) => lit(t))],
  [2, fc.double({ noNaN: true }).map((x) => lit(floatText(x)))],
  [2, fc.integer({ min: -64, max: 64 }).map((n) => lit(floatText(n / 4)))],
);

export const numStrLit: Arb<Node> = fc.constantFrom(...NUMSTR_EDGES).map((s) => str(s));
const otherLit: Arb<Node> = fc.constantFrom(...OTHER_EDGES).map((t) => lit(t, ['nil', '0']));

export const numberLit: Arb<Node> = weighted([3, intLit], [2, floatLit]);

/** Short strings, for comparisons, `..` and `#`. */
const shortString: Arb<Node> = fc.array(fc.constantFrom('a', 'b', 'A', ' ', '1', '\0', '\xff', 'ab'), { maxLength: 3 }).map((a) => str(a.join('')));

/** Any operand of an operator. */
export const operand: Arb<Node> = weighted([7, intLit], [5, floatLit], [3, numStrLit], [1, otherLit], [1, shortString]);

// ---------------------------------------------------------------------------------------------
// Expressions

const BINARY = [
  '+', '-', '*', '/', '//', '%', '^', '&', '|', '~', '<<', '>>', '..',
  '==', '~=', '<', '<=', '>', '>=', 'and', 'or',
];
const UNARY = ['-', '~', 'not', '#'];
/** Operators whose results are numbers (or strings, for ..) given numbers. */
const NUMERIC_BINARY = ['+', '-', '*', '/', '//', '%', '^', '&', '|', '~', '<<', '>>', '..', 'and', 'or'];

/** Expressions over the given leaves, at most `depth` operators deep. The parentheses that
 *  precedence needs are added when the tree is written out; others are added at random. */
export function expression(leaf: Arb<Node>, depth: number, binary = BINARY, unary = UNARY): Arb<Node> {
  const memo: (n?: number) => Arb<Node> = fc.memo<Node>((n: number): Arb<Node> => {
    if (n <= 1) return leaf;
    const sub: Arb<Node> = memo(n - 1);
    return weighted(
      [2, leaf],
      [4, fc.tuple(fc.constantFrom(...binary), sub, sub, fc.nat(3)).map(([op, a, b, p]) =>
        p === 0 ? ex`(${bin(op, a, b)})` : bin(op, a, b))],
      [1, fc.tuple(fc.constantFrom(...unary), sub).map(([op, a]) => un(op, a))],
    );
  });
  return memo(depth);
}

const localsBody: Arb<Node> = fc
  .tuple(operand, operand, operand, expression(weighted([3, operand], [2, fc.constantFrom('a', 'b', 'c').map((v) => lit(v))]), 3))
  .map(([a, b, c, e]) => st`local a, b, c = ${a}, ${b}, ${c}; return ${e}`);

const upvalueBody: Arb<Node> = fc
  .tuple(operand, operand, expression(weighted([3, operand], [2, fc.constantFrom('a', 'b').map((v) => lit(v))]), 3))
  .map(([a, b, e]) => st`local a, b = ${a}, ${b}; return (function() return ${e} end)()`);

const fieldBody: Arb<Node> = fc
  .tuple(operand, operand, expression(weighted([3, operand], [2, fc.constantFrom('t.x', 't.y', 't.z', 't[1]').map((v) => lit(v))]), 3))
  .map(([x, y, e]) => st`local t = {x = ${x}, y = ${y}}; return ${e}`);

export const arithSnippet: Arb<Node> = weighted(
  [4, expression(operand, 4).map((e) => st`return ${e}`)],
  // numbers only: fewer errors, more results
  [4, expression(numberLit, 4, NUMERIC_BINARY, ['-', '~']).map((e) => st`return ${e}`)],
  [2, localsBody],
  [1, upvalueBody],
  [1, fieldBody],
);

// ---------------------------------------------------------------------------------------------
// Arguments of library calls

/** Subject bytes: mostly a few letters, so that patterns match often. */
const SUBJECT_COMMON = ['a', 'b', 'a', 'b', 'c', 'A', '1', ' '];
const SUBJECT_RARE = ['2', 'x', 'B', '.', '%', '(', ')', '[', ']', '-', '+', '*', '^', '$', '\0', '\n', '\r', '\t', '\x7f', '\x80', '\xe9', '\xff', '"', '\\', '{', '}', '_', 'z'];
const subjectChar: Arb<string> = weighted([4, fc.constantFrom(...SUBJECT_COMMON)], [1, fc.constantFrom(...SUBJECT_RARE)]);
export const subjectBytes: Arb<string> = fc.array(subjectChar, { maxLength: 12 }).map((a) => a.join(''));
export const subject: Arb<Node> = subjectBytes.map((s) => str(s));
/** Any byte. */
const anyByte: Arb<string> = fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c));
const byteString: Arb<Node> = fc.array(anyByte, { maxLength: 16 }).map((a) => str(a.join('')));

const IDX_EDGES = [
  'math.maxinteger', 'math.mininteger', '-math.maxinteger', '2^53', '2.0', '2.5', '-0.0', '"3"', '" -2 "',
  '"x"', 'nil', '{}', '1e100', '(0/0)', '0x7fffffff', '-2147483648', '2147483648', 'true', '3.0',
];
/** An index or count: mostly small integers, sometimes something odd. */
export const idx: Arb<Node> = weighted(
  [8, fc.integer({ min: -14, max: 14 }).map((n) => lit(String(n)))],
  [2, fc.constantFrom(...IDX_EDGES).map((t) => lit(t))],
);
const optIdx: Arb<Node[]> = fc.array(idx, { maxLength: 2 });

const BOOLISH = ['nil', 'true', 'false', '1', '0'];
const boolish: Arb<Node> = fc.constantFrom(...BOOLISH).map((t) => lit(t, ['nil']));

/** Sometimes call with method syntax: `(s):f(args)`. */
function strCall(f: string, self: Node, args: readonly Node[], asMethod: boolean): Node {
  return asMethod ? method(self, f, args) : call(`string.${f}`, [self, ...args]);
}

// --- string.rep/sub/byte/char/upper/lower/reverse/len

const HUGE_REP = ['math.maxinteger', '2^31', '1e10', '2147483648', '0x7fffffffffffffff'];
const repSnippet: Arb<Node> = weighted(
  [6, fc.tuple(subject, weighted([6, fc.integer({ min: -2, max: 6 }).map((n) => lit(String(n)))], [1, fc.constantFrom('math.mininteger', '2.5', '"3"', 'nil', '3.0', '{}').map((t) => lit(t))]),
    fc.option(subject, { nil: undefined }), fc.boolean())
    .map(([s, n, sep, m]) => strCall('rep', s, sep ? [n, sep] : [n], m))],
  // huge counts only with a non-empty subject: lua5.4 raises "resulting string too large"
  [1, fc.tuple(fc.tuple(subjectChar, subjectBytes).map(([c, s]) => str(c + s, 1)), fc.constantFrom(...HUGE_REP).map((t) => lit(t, [])), fc.option(subject, { nil: undefined }))
    .map(([s, n, sep]) => call('string.rep', sep ? [s, n, sep] : [s, n]))],
);

const subSnippet: Arb<Node> = fc.tuple(subject, optIdx, fc.boolean())
  .map(([s, ij, m]) => strCall('sub', s, ij, m));
const byteSnippet: Arb<Node> = fc.tuple(subject, optIdx, fc.boolean())
  .map(([s, ij, m]) => strCall('byte', s, ij, m));
const charArg: Arb<Node> = weighted(
  [8, fc.integer({ min: 0, max: 255 }).map((n) => lit(String(n)))],
  [1, fc.constantFrom('-1', '256', '65.0', '"66"', '65.5', 'nil', 'math.maxinteger').map((t) => lit(t))],
);
const charSnippet: Arb<Node> = fc.array(charArg, { maxLength: 5 }).map((a) => call('string.char', a));
const simpleSnippet: Arb<Node> = fc.tuple(fc.constantFrom('upper', 'lower', 'reverse', 'len'), weighted([6, subject], [1, operand]), fc.boolean())
  .map(([f, s, m]) => strCall(f, s, [], m));

// --- patterns: find/match/gmatch/gsub

const MAGIC = new Set('^$()%.[]*+-?'.split(''));
const plainChar: Arb<string> = subjectChar.map((c) => (MAGIC.has(c) ? `%${c}` : c));
const CLASSES = ['.', '%a', '%d', '%l', '%s', '%u', '%w', '%x', '%p', '%c', '%g', '%A', '%D', '%S', '%W', '%%', '%.', '%z', '%(', '%]'];
const classAtom: Arb<string> = fc.constantFrom(...CLASSES);
const setItem: Arb<string> = weighted(
  [3, fc.constantFrom('a', 'b', 'c', '1', ' ', 'A', '-', '^', '.', '(', '%]', '%%', '%-', '\0', '\xff')],
  [2, fc.constantFrom('a-c', 'a-z', '0-9', 'A-Z', 'b-a', '%a-z', 'a-%d')],
  [2, fc.constantFrom('%a', '%d', '%s', '%w', '%A', '%l', '%u', '%x', '%p')],
);
const setAtom: Arb<string> = fc.tuple(fc.boolean(), fc.array(setItem, { minLength: 1, maxLength: 4 }))
  .map(([neg, items]) => `[${neg ? '^' : ''}${items.join('')}]`);
const singleAtom: Arb<string> = weighted([5, plainChar], [3, classAtom], [2, setAtom]);
const QUANT = ['*', '+', '-', '?'];
/** A pattern item; `q` counts quantifiers (kept small: backtracking is polynomial in them). */
interface Piece { p: string; q: number }
const simplePiece: Arb<Piece> = weighted(
  [6, fc.tuple(singleAtom, weighted([3, fc.constant('')], [2, fc.constantFrom(...QUANT)]))
    .map(([a, q]) => ({ p: a + q, q: q ? 1 : 0 }))],
  [1, fc.tuple(subjectChar, subjectChar).map(([a, b]) => ({ p: `%b${a}${b}`, q: 1 }))],
  [1, fc.tuple(fc.boolean(), setAtom).map(([lit1, s]) => ({ p: lit1 ? '%f[%w]' : `%f${s}`, q: 0 }))],
  [1, fc.constantFrom('%1', '%2', '%0').map((p) => ({ p, q: 0 }))],
  // malformed pieces: both must raise the same error
  [1, fc.constantFrom('[a', '%', '(', ')', '%b', '%bx', '%f', '%fa', '[^', '[]', '[%', '%9', '[a-', '*').map((p) => ({ p, q: 0 }))],
);
const piece: Arb<Piece> = weighted(
  [5, simplePiece],
  [2, fc.array(simplePiece, { maxLength: 3 }).map((ps) => ({ p: `(${ps.map((x) => x.p).join('')})`, q: ps.reduce((n, x) => n + x.q, 0) }))],
  [1, fc.constant({ p: '()', q: 0 })],
);
export const patternBytes: Arb<string> = fc.tuple(fc.nat(5), fc.array(piece, { maxLength: 6 }), fc.nat(5))
  .map(([a, ps, z]) => {
    let q = 0;
    const kept = ps.filter((x) => (q += x.q) <= 3);
    return (a === 0 ? '^' : '') + kept.map((x) => x.p).join('') + (z === 0 ? '$' : '');
  });
const pattern: Arb<Node> = weighted(
  [12, patternBytes.map((p) => str(p))],
  [1, fc.constant(lit('utf8.charpattern', ['"."']))],
  [1, operand],
);

const replString: Arb<Node> = fc.array(
  weighted([4, subjectChar.filter((c) => c !== '%')], [2, fc.constantFrom('%0', '%1', '%2', '%%')], [1, fc.constantFrom('%3', '%a', '%', '%9')]),
  { maxLength: 5 },
).map((a) => str(a.join('')));
const REPL_OTHER = [
  '{a = "X", b = false, ["1"] = 1, ab = 2.5}', '{a = {}}', '{}',
  'string.upper', 'function(...) return select("#", ...) end', 'function(a) return a .. "!" end',
  'function() return false end', 'function() return {} end', 'function(a, b) return b end',
  'function() return 1.5 end', 'function() error("boom") end', '1', '2.0', 'nil', 'true',
];
const repl: Arb<Node> = weighted([5, replString], [3, fc.constantFrom(...REPL_OTHER).map((t) => lit(t, ['""']))]);

const findSnippet: Arb<Node> = fc.tuple(fc.constantFrom('find', 'match'), subject, pattern, fc.option(idx, { nil: undefined }), fc.option(boolish, { nil: undefined }), fc.boolean())
  .map(([f, s, p, init, plain, m]) => {
    const args = [p];
    if (init || plain) args.push(init ?? lit('nil'));
    if (plain && f === 'find') args.push(plain);
    return strCall(f, s, args, m);
  });
const gsubSnippet: Arb<Node> = fc.tuple(subject, pattern, repl, fc.option(weighted([5, fc.integer({ min: -1, max: 4 }).map((n) => lit(String(n)))], [1, idx]), { nil: undefined }), fc.boolean())
  .map(([s, p, r, n, m]) => strCall('gsub', s, n ? [p, r, n] : [p, r], m));
/** gmatch results collected in a table (at most 50 matches). */
const gmatchSnippet: Arb<Node> = fc.tuple(subject, pattern, fc.option(idx, { nil: undefined }))
  .map(([s, p, init]) => {
    const it = call('string.gmatch', init ? [s, p, init] : [s, p]);
    return st`local r = {}; for a, b, c in ${it} do r[#r + 1] = {a, b, c}; if #r > 50 then break end end; return r`;
  });

// --- string.format

const FLAGS = ['-', '+', ' ', '#', '0'];
const width: Arb<string> = weighted([8, fc.constant('')], [6, fc.integer({ min: 1, max: 30 }).map(String)], [1, fc.constantFrom('0', '99', '05', '100', '123')]);
const precision: Arb<string> = weighted([8, fc.constant('')], [6, fc.integer({ min: 0, max: 20 }).map((n) => `.${n}`)], [1, fc.constantFrom('.', '.99', '.100', '.05')]);
const CONVS = ['d', 'i', 'u', 'c', 'x', 'X', 'o', 'e', 'E', 'f', 'g', 'G', 'a', 'A', 'q', 's', 'p', '%'];
const formatValue: Record<string, Arb<Node>> = {
  int: weighted([12, intLit], [1, pick('3.0', '-0.0', '2^53', '2.5', '"10"', '"0x10"', 'nil', '1e100', '"x"')]),
  char: weighted([12, fc.integer({ min: 0, max: 255 }).map((n) => lit(String(n)))], [1, pick('256', '-1', '65.0', '"65"')]),
  float: weighted([12, numberLit], [1, pick('"1.5"', '" 0x10 "', 'nil', '{}', 'true')]),
  q: weighted([6, byteString], [6, numberLit], [1, pick('nil', 'true', 'false', '{}', 'math.mininteger', '-0.0')]),
  s: weighted([8, byteString], [4, numberLit], [1, pick('nil', 'true', 'false')]),
  p: pick('nil', '1', '2.5', 'true', 'false'),
};
const KIND: Record<string, string> = {
  d: 'int', i: 'int', u: 'int', c: 'char', x: 'int', X: 'int', o: 'int',
  e: 'float', E: 'float', f: 'float', F: 'float', g: 'float', G: 'float', a: 'float', A: 'float',
  q: 'q', s: 's', p: 'p',
};
interface Spec { t: string; v: Node | null }
/** The flags lua5.4 accepts for each conversion (and precision: not for %c %p). */
const VALID_FLAGS: Record<string, string> = {
  d: '-+ 0', i: '-+ 0', u: '-0', c: '-', x: '-#0', X: '-#0', o: '-#0',
  e: '-+ #0', E: '-+ #0', f: '-+ #0', F: '-+ #0', g: '-+ #0', G: '-+ #0', a: '-+ #0', A: '-+ #0',
  q: '', s: '-', p: '-', '%': '',
};
const spec: Arb<Spec> = weighted([12, fc.constantFrom(...CONVS)], [1, fc.constantFrom('b', 'y', 'l', 'h', 'n', 'I', '', 'F')])
  .chain((conv) => {
    const valid = (VALID_FLAGS[conv] ?? '').split('');
    const flags = weighted<string[]>(
      [8, valid.length ? fc.uniqueArray(fc.constantFrom(...valid), { maxLength: 3 }) : fc.constant<string[]>([])],
      [1, fc.array(fc.constantFrom(...FLAGS), { maxLength: 3 })],
    );
    // %q takes no modifiers, %c and %p no precision: mostly respect that
    const plain = conv === 'q' || conv === '%' ? 6 : 0;
    const noPrec = conv === 'c' || conv === 'p' ? 6 : 0;
    return weighted(
      [10, fc.tuple(flags, width, precision)],
      [plain, fc.constant<[string[], string, string]>([[], '', ''])],
      [noPrec, fc.tuple(flags, width, fc.constant(''))],
    ).map(([f, w, p]) => [f, w, p, conv] as const);
  })
  .chain(([flags, w, p, conv]) => {
    const kind = KIND[conv];
    const t = `%${flags.join('')}${w}${p}${conv}`;
    if (!kind) return fc.constant<Spec>({ t, v: null });
    return formatValue[kind].map((v): Spec => ({ t, v }));
  });
const plainSpec: Arb<Spec> = fc.constantFrom(...CONVS.filter((c) => c !== '%'))
  .chain((conv) => formatValue[KIND[conv]].map((v): Spec => ({ t: `%${conv}`, v })));
const fmtText: Arb<string> = fc.array(fc.constantFrom('a', ' ', '|', 'x=', '\n', '\0', '%%'), { maxLength: 2 }).map((a) => a.join(''));
const formatSnippet: Arb<Node> = fc.tuple(fmtText, fc.array(fc.tuple(weighted([2, spec], [1, plainSpec]), fmtText), { minLength: 1, maxLength: 4 }), fc.nat(15), operand)
  .map(([head, items, extra, more]) => {
    let f = head;
    const vals: Node[] = [];
    for (const [sp, tail] of items) {
      f += sp.t + tail;
      if (sp.v) vals.push(sp.v);
    }
    if (extra === 0 && vals.length) vals.pop(); // a missing argument
    if (extra === 1) vals.push(more); // an extra one, ignored
    return call('string.format', [str(f), ...vals]);
  });

// --- string.pack/unpack/packsize

const PACK_INT_EDGES = [
  '0', '1', '-1', '127', '128', '-128', '-129', '255', '256', '32767', '-32768', '65535', '65536',
  '2147483647', '-2147483648', '4294967295', '4294967296', 'math.maxinteger', 'math.mininteger',
  '2.0', '2.5', '"5"', '0x7fffff', '-0x800000', '0xffffff',
];
/** Integer options with their size in bytes and signedness. */
const INT_OPTS: [string, number, boolean][] = [
  ['b', 1, true], ['B', 1, false], ['h', 2, true], ['H', 2, false], ['i', 4, true], ['I', 4, false],
  ['l', 8, true], ['L', 8, false], ['j', 8, true], ['J', 8, false], ['T', 8, false],
  ['i1', 1, true], ['i2', 2, true], ['i3', 3, true], ['i4', 4, true], ['i5', 5, true], ['i7', 7, true],
  ['i8', 8, true], ['i9', 9, true], ['i12', 12, true], ['i16', 16, true], ['I1', 1, false],
  ['I3', 3, false], ['I8', 8, false], ['I9', 9, false], ['I16', 16, false],
];
/** A value that fits the option (Lua integers: at most 64 bits), or an edge that may not. */
function packIntFor(size: number, signed: boolean): Arb<Node> {
  const bits = BigInt(Math.min(size, 8) * 8);
  const range = signed || size >= 8
    ? { min: -(2n ** (bits - 1n)), max: 2n ** (bits - 1n) - 1n }
    : { min: 0n, max: 2n ** bits - 1n };
  return weighted([4, fc.bigInt(range).map((b) => lit(intText(b)))], [1, fc.constantFrom(...PACK_INT_EDGES).map((t) => lit(t))]);
}
const NOVAL_OPTS = ['x', '<', '>', '=', '!', '!4', '!8', '!2', ' ', 'Xi4', 'Xh', 'Xb', 'xx'];
const BAD_OPTS = ['i17', 'i0', 'I99999999999', '!3', '!16', '!17', 'X', 'Xz', 'c', 'y'];
interface PackItem { f: string; v: Node | null }
const packItem: Arb<PackItem> = weighted<PackItem>(
  [10, fc.constantFrom(...INT_OPTS).chain(([f, size, signed]) => packIntFor(size, signed).map((v) => ({ f, v })))],
  [4, fc.tuple(fc.constantFrom('f', 'd', 'n'), numberLit).map(([f, v]) => ({ f, v }))],
  [4, fc.tuple(fc.constantFrom('s', 's1', 's2', 's4', 'z', 'c3', 'c1', 'c0'), subject).map(([f, v]) => ({ f, v }))],
  [4, fc.constantFrom(...NOVAL_OPTS).map((f) => ({ f, v: null }))],
  [1, fc.constantFrom(...BAD_OPTS).map((f) => ({ f, v: null }))],
);
const packFormat: Arb<PackItem[]> = fc.array(packItem, { minLength: 1, maxLength: 5 });
const packSnippet: Arb<Node> = weighted(
  [3, packFormat.map((items) => call('string.pack', [str(items.map((x) => x.f).join('')), ...items.flatMap((x) => (x.v ? [x.v] : []))]))],
  [3, packFormat.map((items) => {
    const f = items.map((x) => x.f).join('');
    return call('string.unpack', [str(f), call('string.pack', [str(f), ...items.flatMap((x) => (x.v ? [x.v] : []))])]);
  })],
  [2, fc.tuple(packFormat, byteString, fc.option(idx, { nil: undefined }))
    .map(([items, b, pos]) => call('string.unpack', [str(items.map((x) => x.f).join('')), b, ...(pos ? [pos] : [])]))],
  [1, packFormat.map((items) => call('string.packsize', [str(items.map((x) => x.f).join(''))]))],
);

// --- tostring/tonumber

const DIGITS = ['0', '1', '7', '9', 'a', 'f', 'z', 'Z', 'G', '-', ' ', '.', 'x', 'e'];
const numeralish: Arb<Node> = weighted(
  [3, fc.array(fc.constantFrom(...DIGITS), { maxLength: 8 }).map((a) => str(a.join('')))],
  [2, fc.constantFrom('  ff  ', '-ff', '7fffffffffffffff', '8000000000000000', 'ffffffffffffffffff', '1e1', '', '-', ' -z ', '10', '11', 'zz', '0x10', '1.5').map((s) => str(s))],
);
const BASE_EDGES = ['1', '37', '0', '-16', '10.0', '2.5', '"16"', 'nil', 'math.maxinteger'];
const tonumberSnippet: Arb<Node> = weighted(
  [3, operand.map((v) => call('tonumber', [v]))],
  [3, fc.tuple(numeralish, weighted([6, fc.integer({ min: 2, max: 36 }).map((n) => lit(String(n)))], [1, fc.constantFrom(...BASE_EDGES).map((t) => lit(t))]))
    .map(([s, b]) => call('tonumber', [s, b]))],
  [1, fc.tuple(operand, fc.integer({ min: 2, max: 36 })).map(([v, b]) => call('tonumber', [v, lit(String(b))]))],
);
/** Operands without tables and functions: tostring would print their addresses. */
const plainOperand: Arb<Node> = operand.filter((n) => !['{}', 'print', 'math'].includes(n.s[0]));
const tostringSnippet: Arb<Node> = weighted(
  [20, expression(plainOperand, 2).map((v) => call('tostring', [v]))],
  [1, fc.constant(call('tostring', []))],
);

// --- math

const mathArg: Arb<Node> = weighted([8, numberLit], [2, numStrLit], [1, otherLit]);
const mathSnippet: Arb<Node> = weighted(
  [3, fc.tuple(fc.constantFrom('floor', 'ceil', 'modf', 'tointeger', 'abs', 'type'), mathArg).map(([f, a]) => call(`math.${f}`, [a]))],
  [3, fc.tuple(fc.constantFrom('fmod', 'ult'), mathArg, mathArg).map(([f, a, b]) => call(`math.${f}`, [a, b]))],
  [1, fc.tuple(fc.constantFrom('fmod', 'ult'), intLit, intLit).map(([f, a, b]) => call(`math.${f}`, [a, b]))],
  [3, fc.tuple(fc.constantFrom('max', 'min'), fc.array(weighted([8, numberLit], [1, mathArg]), { maxLength: 4 })).map(([f, a]) => call(`math.${f}`, a))],
  [1, fc.constantFrom('floor', 'ceil', 'abs', 'tointeger', 'fmod').map((f) => call(`math.${f}`, []))],
);

// --- table

const elem: Arb<Node> = weighted([4, subject], [3, intLit], [2, floatLit], [1, pick('true', '{}', 'false')]);
const tableCons: Arb<Node> = fc.array(elem, { maxLength: 5 }).map(cons);
const tblIdx: Arb<Node> = weighted(
  [8, fc.integer({ min: -2, max: 7 }).map((n) => lit(String(n)))],
  [1, fc.constantFrom('math.maxinteger', 'math.mininteger', '2.0', '2.5', '"2"', 'nil', '-math.maxinteger', '(math.maxinteger - 1)').map((t) => lit(t))],
);
const tableSnippet: Arb<Node> = weighted(
  [3, fc.tuple(tableCons, fc.option(weighted([3, subject], [1, operand]), { nil: undefined }), fc.array(tblIdx, { maxLength: 2 }))
    .map(([t, sep, ij]) => call('table.concat', sep || ij.length ? [t, sep ?? lit('nil'), ...ij] : [t]))],
  [3, fc.tuple(tableCons, fc.array(tblIdx, { maxLength: 2 })).map(([t, ij]) => call('table.unpack', [t, ...ij]))],
  [3, fc.tuple(tableCons, weighted([6, fc.tuple(elem)], [6, fc.tuple(tblIdx, elem)], [1, fc.array(weighted([2, tblIdx], [2, elem]), { maxLength: 3 })]))
    .map(([t, args]) => st`local t = ${t}; return ${call('table.insert', [lit('t', []), ...args])}, t`)],
  [3, fc.tuple(tableCons, fc.array(tblIdx, { maxLength: 1 }))
    .map(([t, args]) => st`local t = ${t}; return ${call('table.remove', [lit('t', []), ...args])}, t`)],
);

// --- utf8

/** UTF-8 as Lua's utf8.char writes it (up to 6 bytes, for values up to 2^31-1). */
export function utf8Encode(x: number): string {
  if (x < 0x80) return String.fromCharCode(x);
  const bytes: number[] = [];
  let mfb = 0x3f;
  do {
    bytes.unshift(0x80 | (x & 0x3f));
    x = Math.floor(x / 64);
    mfb >>= 1;
  } while (x > mfb);
  bytes.unshift(((~mfb << 1) & 0xff) | x);
  return String.fromCharCode(...bytes);
}
const codePoint: Arb<number> = weighted(
  [4, fc.integer({ min: 0, max: 0x7f })],
  [3, fc.integer({ min: 0x80, max: 0x7ff })],
  [3, fc.integer({ min: 0x800, max: 0xffff })],
  [2, fc.integer({ min: 0xd800, max: 0xdfff })],
  [3, fc.integer({ min: 0x10000, max: 0x10ffff })],
  [2, fc.integer({ min: 0x110000, max: 0x7fffffff })],
  [2, fc.constantFrom(0, 0x7f, 0x80, 0x7ff, 0x800, 0xffff, 0x10000, 0x10ffff, 0x110000, 0x7fffffff)],
);
const utf8Piece: Arb<string> = weighted(
  [6, codePoint.map(utf8Encode)],
  [1, fc.integer({ min: 0x80, max: 0xbf }).map((c) => String.fromCharCode(c))],
  [1, fc.integer({ min: 0xc0, max: 0xff }).map((c) => String.fromCharCode(c))],
  [1, fc.constantFrom('\xc0\x80', '\xe0\x80\x80', '\xf0\x80\x80\x80', '\xc1\xbf', '\xed\xa0\x80', '\xf4\x90\x80\x80', '\xfe', '\xff')],
);
const utf8Bytes: Arb<Node> = fc.array(utf8Piece, { maxLength: 5 }).map((a) => str(a.join('')));
const cpArg: Arb<Node> = weighted(
  [6, codePoint.map((n) => lit(String(n)))],
  [1, fc.constantFrom('-1', '0x80000000', 'math.maxinteger', '65.0', '65.5', '"65"', 'nil').map((t) => lit(t))],
);
const utf8Snippet: Arb<Node> = weighted(
  [2, fc.array(cpArg, { maxLength: 4 }).map((a) => call('utf8.char', a))],
  [3, fc.tuple(utf8Bytes, fc.array(idx, { maxLength: 2 }), fc.option(boolish, { nil: undefined }))
    .map(([s, ij, lax]) => call('utf8.codepoint', lax ? [s, ij[0] ?? lit('1'), ij[1] ?? lit('-1'), lax] : [s, ...ij]))],
  [3, fc.tuple(utf8Bytes, fc.array(idx, { maxLength: 2 }), fc.option(boolish, { nil: undefined }))
    .map(([s, ij, lax]) => call('utf8.len', lax ? [s, ij[0] ?? lit('1'), ij[1] ?? lit('-1'), lax] : [s, ...ij]))],
  [3, fc.tuple(utf8Bytes, idx, fc.option(idx, { nil: undefined })).map(([s, n, i]) => call('utf8.offset', i ? [s, n, i] : [s, n]))],
  [2, fc.tuple(utf8Bytes, fc.option(boolish, { nil: undefined })).map(([s, lax]) =>
    st`local r = {}; for p, c in ${call('utf8.codes', lax ? [s, lax] : [s])} do r[#r + 1] = p; r[#r + 1] = c end; return r`)],
  [1, utf8Bytes.map((s) => call('string.match', [s, lit('utf8.charpattern', ['"."'])]))],
);

// ---------------------------------------------------------------------------------------------

/** A result used as a non-tail call (`return I(f(...))`): error messages name the function
 *  from the calling instruction, while a tail call has no calling instruction. */
function sometimesNonTail(a: Arb<Node>): Arb<Node> {
  return fc.tuple(a, fc.nat(2)).map(([n, r]) => (n.e ? (r === 0 ? st`return I(${n})` : st`return ${n}`) : n));
}

export const CATEGORIES = {
  arith: arithSnippet,
  tostring: sometimesNonTail(tostringSnippet),
  tonumber: sometimesNonTail(tonumberSnippet),
  strbasic: sometimesNonTail(weighted([2, repSnippet], [2, subSnippet], [2, byteSnippet], [1, charSnippet], [2, simpleSnippet])),
  pattern: weighted([3, sometimesNonTail(findSnippet)], [3, sometimesNonTail(gsubSnippet)], [2, gmatchSnippet]),
  format: sometimesNonTail(formatSnippet),
  pack: sometimesNonTail(packSnippet),
  math: sometimesNonTail(mathSnippet),
  table: sometimesNonTail(tableSnippet),
  utf8: sometimesNonTail(utf8Snippet),
} satisfies Record<string, Arb<Node>>;

export type Category = keyof typeof CATEGORIES;

const WEIGHTS: Record<Category, number> = {
  arith: 30, tostring: 4, tonumber: 5, strbasic: 8, pattern: 14, format: 12, pack: 9, math: 8, table: 5, utf8: 5,
};

export interface Snippet { cat: Category; body: Node }

export const snippet: Arb<Snippet> = fc.oneof(
  ...(Object.keys(CATEGORIES) as Category[]).map((cat) => ({
    weight: WEIGHTS[cat],
    arbitrary: CATEGORIES[cat].map((body): Snippet => ({ cat, body })),
  })),
);
