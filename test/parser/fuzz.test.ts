import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkId } from '../../src/lexer/chunkid.js';
import { LuaSyntaxError } from '../../src/lexer/errors.js';
import { parse } from '../../src/parser/parser.js';

/** parses; returns null or the syntax error's message; anything else thrown fails the test */
function attempt(src: string): string | null {
  try {
    parse(src, '=fuzz');
    return null;
  } catch (e) {
    if (!(e instanceof LuaSyntaxError)) throw e;
    return e.msg;
  }
}

function wellFormed(msg: string | null): boolean {
  return msg === null || msg === 'C stack overflow' || /^.+:\d+: /.test(msg);
}

const TOKENS = [
  'and', 'break', 'do', 'else', 'elseif', 'end', 'false', 'for', 'function', 'goto', 'if', 'in',
  'local', 'nil', 'not', 'or', 'repeat', 'return', 'then', 'true', 'until', 'while', 'a', 'b',
  'self', '1', '0x1p4', '3.5e-2', '0xffffffffffffffffff', '"s"', "'\\n'", '[[long]]', '[==[x]==]',
  '+', '-', '*', '/', '//', '%', '^', '#', '&', '~', '|', '<<', '>>', '==', '~=', '<=', '>=', '<',
  '>', '=', '(', ')', '{', '}', '[', ']', '::', ';', ':', ',', '.', '..', '...', '<const>',
  '<close>', '--c\n', '--[[c]]', '\n', '\r\n', '"\\z  "', '"unfinished', '@', '\0', '\xff',
];

describe('lexer + parser robustness', () => {
  it('random token sequences: only LuaSyntaxError, well-formed messages', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }), fc.constantFrom(' ', '\n', ''), (toks, sep) => {
      const msg = attempt(toks.join(sep));
      expect(wellFormed(msg)).toBe(true);
    }), { numRuns: 5000 });
  });

  it('random bytes: only LuaSyntaxError, well-formed messages', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
      const msg = attempt(String.fromCharCode(...bytes));
      expect(wellFormed(msg)).toBe(true);
    }), { numRuns: 5000 });
  });

  it('random nesting of every construct: never a JS stack overflow', () => {
    const open = ['(', '{', '{a=', '{[', 'f(', 'a[', '-', 'not ', '#', '~', 'a..', 'a^', 'function() return ', 'a+-'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...open), { minLength: 1, maxLength: 400 }), (opens) => {
      const msg = attempt('x = ' + opens.join(''));
      expect(wellFormed(msg)).toBe(true);
    }), { numRuns: 500 });
  });

  it('random chunk names never break messages', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
      const name = String.fromCharCode(...bytes);
      expect(chunkId(name).length).toBeLessThanOrEqual(59);
      try {
        parse('x = = 1', name);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(LuaSyntaxError);
        expect((e as LuaSyntaxError).msg.startsWith(chunkId(name) + ':1: ')).toBe(true);
      }
    }), { numRuns: 1000 });
  });

  it('100000 nested parentheses, tables, blocks and operators fail fast with C stack overflow', () => {
    const deep = [
      'x = ' + '('.repeat(100000) + '1' + ')'.repeat(100000),
      'x = ' + '{'.repeat(100000),
      'do '.repeat(100000),
      'x = ' + '- '.repeat(100000) + '1',
      'x = ' + 'not '.repeat(100000) + '1',
      'x = ' + Array(100000).fill('a').join('..'),
      'x = ' + Array(100000).fill('a').join('^'),
      'x = ' + 'f('.repeat(100000),
      'x = ' + 'a['.repeat(100000),
      'x = ' + 'function() return '.repeat(100000),
      Array(100000).fill('a').join(',') + ' = 1',
      Array.from({ length: 100000 }, (_, i) => '::l' + i + '::').join(''),
    ];
    const t0 = Date.now();
    for (const src of deep) expect(attempt(src)).toBe('C stack overflow');
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('long flat inputs parse in linear time', () => {
    const t0 = Date.now();
    expect(attempt('x = ' + Array(200000).fill('a').join(' + '))).toBeNull();
    expect(attempt('x = a' + '.b'.repeat(200000))).toBeNull();
    expect(attempt('f()\n'.repeat(100000))).toBeNull();
    expect(attempt('x = {' + '1,'.repeat(200000) + '}')).toBeNull();
    expect(attempt('x = "' + 'a\\n'.repeat(100000) + '"')).toBeNull();
    expect(attempt('--[[' + 'x]=]\n'.repeat(100000) + ']]')).toBeNull();
    expect(Date.now() - t0).toBeLessThan(3000);
  });
});
