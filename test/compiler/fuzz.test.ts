import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileText } from '../../src/stdlib/load.js';
import { createState, protectedCall } from '../../src/engine/runtime.js';
import { mainClosure } from '../../src/stdlib/load.js';
import { LuaError, LuaThrow } from '../../src/vm/errors.js';

/** Compile; returns null on success or the error message. Anything else thrown fails. */
function attempt(src: string): string | null {
  const r = compileText(src, '=fuzz');
  return typeof r === 'string' ? r : null;
}

function wellFormed(msg: string | null): boolean {
  return msg === null || msg === 'C stack overflow' || /^fuzz:\d+: /.test(msg);
}

const TOKENS = [
  'and', 'break', 'do', 'else', 'elseif', 'end', 'false', 'for', 'function', 'goto', 'if', 'in',
  'local', 'nil', 'not', 'or', 'repeat', 'return', 'then', 'true', 'until', 'while', 'a', 'b', 'x',
  'self', '1', '2', '0.5', '"s"', '+', '-', '*', '/', '//', '%', '^', '#', '&', '~', '|', '<<', '>>',
  '==', '~=', '<=', '>=', '<', '>', '=', '(', ')', '{', '}', '[', ']', '::', ';', ':', ',', '.',
  '..', '...', '<const>', '<close>', '\n', 'l1', '::l1::', 'goto l1', 'break', 'return',
];

/** Statement-shaped fragments that parse more often than raw tokens. */
const STATS = [
  'local a = 1', 'local b <const> = 2', 'a = b + 1', 'x = {a, b, [a] = b, c = 1}', 'f(a, b)',
  'do local y = a end', 'while a do break end', 'repeat local z = 1 until z', 'if a then b = 1 elseif b then a = 2 else x = 3 end',
  'for i = 1, 3 do x = i end', 'for k, v in pairs({}) do x = k end', 'goto l1', '::l1::', 'return a',
  'local function f(...) return ... end', 'a, b = b, a', 'x = a and b or 1', 'x = #a .. b',
  'local t <close> = nil', 'x = function() return a end', 'a.b.c = 1', 'x = a < b == (b <= a)',
];

describe('lexer + parser + compiler robustness', () => {
  it('random token sequences compile or fail with a positioned message', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 50 }), (toks) => {
      expect(wellFormed(attempt(toks.join(' ')))).toBe(true);
    }), { numRuns: 4000 });
  });

  it('random statement sequences compile or fail with a positioned message', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...STATS), { maxLength: 30 }), fc.array(fc.nat(3), { maxLength: 30 }), (stats, nest) => {
      let src = '';
      stats.forEach((s, i) => {
        const n = nest[i] ?? 0;
        src += n === 1 ? `do ${s} end\n` : n === 2 ? `while x do ${s} end\n` : `${s}\n`;
      });
      expect(wellFormed(attempt(src))).toBe(true);
    }), { numRuns: 3000 });
  });

  it('programs that compile run to completion or raise a Lua error, within a budget', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...STATS), { maxLength: 25 }), (stats) => {
      const src = stats.join('\n');
      const p = compileText(src, '=fuzz');
      if (typeof p === 'string') return;
      const vm = createState({ stdout: () => {} });
      vm.onBudget = () => {
        if (vm.instructions > 200000) throw new LuaThrow('budget exhausted');
      };
      try {
        protectedCall(vm, mainClosure(vm, p), [], null);
      } catch (e) {
        expect(e).toBeInstanceOf(LuaError);
        expect(String((e as LuaError).message)).not.toMatch(/internal error/);
      }
    }), { numRuns: 1500 });
  });

  it('very long left-associative chains compile without recursion limits', () => {
    const n = 100000;
    const srcs = [
      'local a = 1\nlocal x = a' + ' + a'.repeat(n),
      'local t = {}\nlocal x = t' + '.b'.repeat(n),
      'local a\nlocal x = a' + ' or a'.repeat(n),
      'local a\nif a' + ' and a'.repeat(n) + ' then end',
      'local a\nif a' + ' or a'.repeat(n) + ' then end',
    ];
    for (const s of srcs) expect(attempt(s)).toBe(null);
    // '..' is right associative: the reference interpreter refuses deep chains too
    expect(attempt('local a = 1\nlocal x = a' + ' .. a'.repeat(n))).toBe('C stack overflow');
  });
});
