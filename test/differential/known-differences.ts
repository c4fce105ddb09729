/**
 * Known differences between moonbox and lua5.4 found by the differential test: moonbox bugs
 * not fixed yet. Each entry has
 *  - the minimal snippet (a function body, run as `R(i, pcall(function() <body> end))`) that
 *    must STILL differ: the test fails once moonbox agrees, so a fix has to remove the entry;
 *  - a precise way to recognise the same bug in the bigger snippets the generator produces,
 *    with transformations applied before the outputs are compared again: `rewrite` makes
 *    lua5.4 do what moonbox does (e.g. evaluate `b` before `a` in `a > b`), `neutralise`
 *    rewrites the snippet for both interpreters so that the bug cannot show, and `fix` turns
 *    moonbox's line into lua5.4's.
 *    A difference is explained when, with one entry's transformations or with all of them
 *    together, the two outputs agree; any other difference fails the random run.
 * The generator keeps producing these cases: nothing is filtered out of the generation.
 */
import { bin, call, cons, ex, lit, st, str, un, type Node } from './lua-ast.js';

export interface KnownDifference {
  id: string;
  /** the minimal snippet (built as a tree, so that the transformations apply to it too) */
  body: Node;
  /** what moonbox does, and what lua5.4 does */
  reason: string;
  /** lua5.4 only: a snippet for which lua5.4 does what moonbox does on n (null: nothing to rewrite) */
  rewrite?(n: Node): Node | null;
  /** both interpreters: a snippet in which the bug cannot show (null: nothing to rewrite) */
  neutralise?(n: Node): Node | null;
  /** moonbox's line as lua5.4 would print it (null: does not apply) */
  fix?(moonbox: string): string | null;
  /** the minimal case differs only as the first program of a new moonbox process (the bug
   *  depends on V8 state that earlier programs change), so the test runs it in one */
  freshProcess?: boolean;
}

/** n with the nodes f maps replaced (bottom-up), or null when f replaced none. */
function mapTree(n: Node, f: (m: Node) => Node | null): Node | null {
  let changed = false;
  const walk = (m: Node): Node => {
    const k = m.k.map(walk);
    const m2 = k.some((c, i) => c !== m.k[i]) ? { ...m, k } : m;
    const r = f(m2);
    if (r) {
      changed = true;
      return r;
    }
    return m2;
  };
  const r = walk(n);
  return changed ? r : null;
}

/** n with every operation `op` wrapped in PN(...), which makes a NaN result positive in both
 *  interpreters: the NaN's sign can then not show, not even through later operations. */
function wrapOps(n: Node, ...ops: string[]): Node | null {
  return mapTree(n, (m) => (m.op !== undefined && ops.includes(m.op) ? call('PN', [m]) : null));
}

export const KNOWN_DIFFERENCES: KnownDifference[] = [
  {
    id: 'nan-sign-mul',
    body: st`return ${bin('*', lit('(0/0)'), lit('-(0/0)'))}`,
    reason: 'a * b with two NaN operands gives the NaN of b (V8 swaps the operands of the ' +
      'multiplication); lua5.4 gives the NaN of a: (0/0) * -(0/0) is nan in moonbox, -nan in lua5.4.',
    neutralise: (n) => wrapOps(n, '*'),
  },
  {
    id: 'nan-sign-constructor',
    body: st`local z = 0.0; return ${cons([bin('/', lit('z'), lit('z')), bin('/', lit('z'), lit('z'))])}`,
    reason: 'the first NaN stored in a table array part can lose its sign bit: {z/z, z/z} holds ' +
      'nan, -nan (lua5.4: -nan, -nan). The array part starts as a V8 double array, and the runtime ' +
      'canonicalises the NaN when it stores the first double; once any table array held a ' +
      'non-number (V8 allocation-site feedback for `[]` in LuaTable), arrays start generic and ' +
      'keep the sign, so only early programs of a process show it.',
    // every element of a table constructor made positive before it is stored
    neutralise: (n) => mapTree(n, (m) => (m.s[0].startsWith('{') && m.k.length > 0 && m.k.every((c) => c.s[0] !== 'PN(')
      ? { ...m, k: m.k.map((c) => call('PN', [c])) }
      : null)),
    freshProcess: true,
  },
  {
    id: 'pow-not-correctly-rounded',
    body: st`return ${bin('^', lit('9372085477587'), lit('4.25'))}`,
    reason: 'x ^ y uses Math.pow, which can be an ulp or two off glibc pow (correctly rounded); ' +
      'the error can grow through later operations (x ^ 14.25 % 7).',
    // both compute PW(a, b): a ^ b rounded to 12 significant digits
    neutralise: (n) => mapTree(n, (m) => (m.op === '^' ? call('PW', [m.k[0], m.k[1]]) : null)),
  },
];
