import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Block, Expr, Stat } from '../../src/parser/ast.js';
import { parse } from '../../src/parser/parser.js';

/** an expression as an S-expression: (op left right), (neg x), (bnot x), (# x), (not x) */
function sx(e: Expr): string {
  switch (e.kind) {
    case 'Binary': return `(${e.op} ${sx(e.left)} ${sx(e.right)})`;
    case 'Unary': return `(${e.op === '-' ? 'neg' : e.op === '~' ? 'bnot' : e.op} ${sx(e.operand)})`;
    case 'Paren': return sx(e.expr);
    case 'Name': return e.name;
    case 'Number': return String(e.value);
    case 'String': return JSON.stringify(e.value);
    case 'Nil': return 'nil';
    case 'True': return 'true';
    case 'False': return 'false';
    case 'Vararg': return '...';
    case 'Call': return `(call ${sx(e.func)}${e.args.map((a) => ' ' + sx(a)).join('')})`;
    case 'MethodCall': return `(method ${sx(e.obj)} ${e.name}${e.args.map((a) => ' ' + sx(a)).join('')})`;
    case 'Index': return `(index ${sx(e.obj)} ${sx(e.key)})`;
    case 'Function': return '(function)';
    case 'Table': return `(table ${e.items.length})`;
  }
}

function expr(src: string): Expr {
  const stat = parse('return ' + src, '=t').body.stats[0]!;
  if (stat.kind !== 'Return') throw new Error('not a return');
  return stat.exprs[0]!;
}

const stats = (src: string): readonly Stat[] => parse(src, '=t').body.stats;

// [expression, tree] where the tree is what lua5.4 built (operands with metamethods that
// record every operation); recorded by scripts/record-syntax-fixtures.mjs
const trees = JSON.parse(
  readFileSync(new URL('./precedence.json', import.meta.url), 'utf8'),
) as [string, string][];

describe('operator precedence and associativity', () => {
  it('builds the trees lua5.4 builds (arithmetic, bitwise, concat, unary)', () => {
    const bad: string[] = [];
    for (const [src, tree] of trees) {
      const got = sx(expr(src));
      if (got !== tree) bad.push(`${src}: want ${tree}, got ${got}`);
    }
    expect(bad.slice(0, 20)).toEqual([]);
    expect(trees.length).toBeGreaterThan(1000);
  });

  it('puts or < and < comparison < | (§3.4.8)', () => {
    expect(sx(expr('a or b and c'))).toBe('(or a (and b c))');
    expect(sx(expr('a and b or c'))).toBe('(or (and a b) c)');
    expect(sx(expr('a or b or c'))).toBe('(or (or a b) c)');
    expect(sx(expr('a and b and c'))).toBe('(and (and a b) c)');
    expect(sx(expr('a < b == c'))).toBe('(== (< a b) c)');
    expect(sx(expr('a == b and c ~= d'))).toBe('(and (== a b) (~= c d))');
    expect(sx(expr('a | b < c | d'))).toBe('(< (| a b) (| c d))');
    expect(sx(expr('a >= b .. c'))).toBe('(>= a (.. b c))');
    expect(sx(expr('not a == b'))).toBe('(== (not a) b)');
    expect(sx(expr('not a and b'))).toBe('(and (not a) b)');
    expect(sx(expr('not not a'))).toBe('(not (not a))');
  });

  it('binds ^ tighter than unary operators on its left', () => {
    expect(sx(expr('-x^2'))).toBe('(neg (^ x 2))');
    expect(sx(expr('2^-3'))).toBe('(^ 2 (neg 3))');
    expect(sx(expr('2^-3^2'))).toBe('(^ 2 (neg (^ 3 2)))');
    expect(sx(expr('not a^b'))).toBe('(not (^ a b))');
    expect(sx(expr('#a^b'))).toBe('(# (^ a b))');
    expect(sx(expr('a^b^c'))).toBe('(^ a (^ b c))');
    expect(sx(expr('-a*b'))).toBe('(* (neg a) b)');
  });

  it('keeps parentheses as Paren nodes', () => {
    const e = expr('(a)');
    expect(e.kind).toBe('Paren');
    expect(sx(expr('(a + b) * c'))).toBe('(* (+ a b) c)');
  });

  it('parses suffixes left to right', () => {
    expect(sx(expr('a.b[c]:d(e)(f)"s"{}'))).toBe('(call (call (call (method (index (index a "b") c) d e) f) "s") (table 0))');
    expect(sx(expr('f{...}'))).toBe('(call f (table 1))');
  });

  it('reads literals', () => {
    expect(expr('0x7fffffffffffffff')).toMatchObject({ kind: 'Number', isInt: true, value: 9223372036854775807n });
    expect(expr('1.0')).toMatchObject({ kind: 'Number', isInt: false, value: 1 });
    expect(expr('"\\65"')).toMatchObject({ kind: 'String', value: 'A' });
    expect(expr('...')).toMatchObject({ kind: 'Vararg' });
  });
});

describe('statements', () => {
  it('parses every statement kind', () => {
    const src = [
      'local a <const>, b <close>, c = 1, 2', 'x, y.z, w[1] = 1', 'f()', 'o:m()', 'do end',
      'while a do end', 'repeat local q until q', 'if a then elseif b then else end',
      'for i = 1, 2, 3 do end', 'for k, v in pairs(t) do end', 'function a.b.c:m(p, ...) end',
      'local function g() end', '::l::', 'goto l', 'while true do break end', 'return 1, 2',
    ].join('\n');
    expect(stats(src).map((s) => s.kind)).toEqual([
      'Local', 'Assign', 'CallStat', 'CallStat', 'Do', 'While', 'Repeat', 'If', 'NumericFor',
      'GenericFor', 'FunctionStat', 'LocalFunction', 'Label', 'Goto', 'While', 'Return',
    ]);
  });

  it('records attributes', () => {
    const s = stats('local a <const>, b <close>, c = 1')[0]!;
    expect(s).toMatchObject({ kind: 'Local', names: [
      { name: 'a', attrib: 'const' }, { name: 'b', attrib: 'close' }, { name: 'c', attrib: null },
    ] });
  });

  it('turns a method definition into a FunctionStat with self', () => {
    const s = stats('function a.b:m(x, ...) end')[0]!;
    if (s.kind !== 'FunctionStat') throw new Error(s.kind);
    expect(sx(s.target)).toBe('(index (index a "b") "m")');
    expect(s.func).toMatchObject({ params: ['self', 'x'], isVararg: true, isMethod: true });
    const f = stats('function f(a, b) end')[0]!;
    expect(f).toMatchObject({ target: { kind: 'Name', name: 'f' }, func: { params: ['a', 'b'], isVararg: false, isMethod: false } });
  });

  it('builds table items', () => {
    const e = expr('{1, a = 2, [3] = 4; f()}');
    expect(e).toMatchObject({ kind: 'Table', items: [
      { type: 'positional' }, { type: 'named', key: 'a' }, { type: 'keyed' }, { type: 'positional' },
    ] });
  });

  it('ends blocks with the token that closes them', () => {
    const chunk = parse('if a then\nx()\nelseif b then\ny()\nelse\nz()\nend\n\n', '=t');
    const s = chunk.body.stats[0]!;
    if (s.kind !== 'If') throw new Error(s.kind);
    expect(s.clauses.map((c) => [c.line, c.body.endLine])).toEqual([[1, 3], [3, 5]]);
    expect((s.orelse as Block).endLine).toBe(7);
    expect(chunk.endLine).toBe(9);
    expect(chunk.body.endLine).toBe(9);
    expect(chunk.chunkname).toBe('=t');
  });
});

describe('line numbers', () => {
  it('puts binary and unary operators on the operator line', () => {
    const e = expr('a\n+\nb\n*\n-\nc');
    expect(e).toMatchObject({ kind: 'Binary', op: '+', line: 2, right: { op: '*', line: 4, right: { kind: 'Unary', line: 5 } } });
  });

  it('puts calls on the line where their prefix starts', () => {
    const s = stats('\nf\n(\n1\n)\n(2)\no\n:\nm\n(\n)')!;
    expect(s[0]).toMatchObject({ kind: 'CallStat', line: 2, call: { kind: 'Call', line: 2, func: { kind: 'Call', line: 2 } } });
    expect(s[1]).toMatchObject({ kind: 'CallStat', line: 7, call: { kind: 'MethodCall', line: 7, nameLine: 9 } });
  });

  it('puts indexing on the key line (the closing bracket for [exp])', () => {
    expect(expr('a\n.\nb')).toMatchObject({ kind: 'Index', line: 3, key: { kind: 'String', line: 3 } });
    expect(expr('a\n[\n1\n]')).toMatchObject({ kind: 'Index', line: 4, key: { kind: 'Number', line: 3 } });
  });

  it('gives statements their first line, assignments the line of =', () => {
    const s = stats('local\nx\n=\n1\ny\n,\nz\n=\n2\nwhile\na\ndo\nend\n::\nl\n::\ngoto\nl\nreturn')!;
    expect(s.map((x) => [x.kind, x.line])).toEqual([
      ['Local', 1], ['Assign', 8], ['While', 10], ['Label', 14], ['Goto', 18], ['Return', 19],
    ]);
  });

  it('gives functions linedefined and lastlinedefined as the reference does', () => {
    // lua5.4: debug.getinfo(f).linedefined is the line of `function` for function
    // statements, the line of the token after `function` / after the name otherwise
    const s = stats('local function\nf\n(\n)\nend\nx = function\n\n()\nend\nfunction\ng\n.\nh\n()\nend')!;
    expect(s[0]).toMatchObject({ kind: 'LocalFunction', func: { line: 3, endLine: 5 } });
    expect(s[1]).toMatchObject({ kind: 'Assign', exprs: [{ kind: 'Function', line: 8, endLine: 9 }] });
    expect(s[2]).toMatchObject({ kind: 'FunctionStat', line: 10, func: { line: 10, endLine: 15 } });
  });

  it('puts tables on the line of {', () => {
    expect(expr('\n{\n1,\nx = 2,\n[3] = 4}')).toMatchObject({ kind: 'Table', line: 2, items: [{ line: 3 }, { line: 4 }, { line: 5 }] });
  });
});
