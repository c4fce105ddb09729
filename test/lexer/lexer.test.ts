import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chunkId } from '../../src/lexer/chunkid.js';
import { LuaSyntaxError } from '../../src/lexer/errors.js';
import { Lexer, tokenize, utf8Encode } from '../../src/lexer/lexer.js';
import { FIRST_RESERVED, NUM_RESERVED, RESERVED, TK, TOKEN_TEXT, token2str } from '../../src/lexer/tokens.js';
import { parse } from '../../src/parser/parser.js';

interface Case { name: string; source: string; cLevel: number; error: string | null }

// recorded from lua5.4 by scripts/record-syntax-fixtures.mjs
const cases = JSON.parse(
  readFileSync(new URL('./lexer-errors.json', import.meta.url), 'utf8'),
) as Case[];

const kinds = (src: string) => tokenize(src, '=t').map((t) => t[0]);
const values = (src: string) => tokenize(src, '=t').map((t) => t[1]);
const lines = (src: string) => tokenize(src, '=t').map((t) => t[2]);

describe('token table', () => {
  it('TK numbers follow TOKEN_TEXT', () => {
    const names = Object.keys(TK);
    expect(names.length).toBe(TOKEN_TEXT.length);
    names.forEach((name, i) => expect((TK as Record<string, number>)[name]).toBe(FIRST_RESERVED + i));
    expect(TOKEN_TEXT[TK.WHILE - FIRST_RESERVED]).toBe('while');
    expect(TOKEN_TEXT[TK.DBCOLON - FIRST_RESERVED]).toBe('::');
    expect(TOKEN_TEXT[TK.EOS - FIRST_RESERVED]).toBe('<eof>');
    expect(RESERVED.size).toBe(NUM_RESERVED);
    expect(RESERVED.get('while')).toBe(TK.WHILE);
  });
  it('shows tokens as the reference does', () => {
    expect(token2str(61)).toBe("'='");
    expect(token2str(1)).toBe("'<\\1>'");
    expect(token2str(200)).toBe("'<\\200>'");
    expect(token2str(TK.END)).toBe("'end'");
    expect(token2str(TK.CONCAT)).toBe("'..'");
    expect(token2str(TK.EOS)).toBe('<eof>');
    expect(token2str(TK.NAME)).toBe('<name>');
  });
});

describe('tokens', () => {
  it('reads every symbol', () => {
    const src = '+ - * / // % ^ # & ~ | << >> == ~= <= >= < > = ( ) { } [ ] :: ; : , . .. ...';
    expect(kinds(src)).toEqual([
      43, 45, 42, 47, TK.IDIV, 37, 94, 35, 38, 126, 124, TK.SHL, TK.SHR, TK.EQ, TK.NE, TK.LE,
      TK.GE, 60, 62, 61, 40, 41, 123, 125, 91, 93, TK.DBCOLON, 59, 58, 44, 46, TK.CONCAT, TK.DOTS,
      TK.EOS,
    ]);
  });
  it('reads reserved words and names', () => {
    const words = TOKEN_TEXT.slice(0, NUM_RESERVED).join(' ');
    expect(kinds(words)).toEqual([...Array(NUM_RESERVED).keys()].map((i) => FIRST_RESERVED + i).concat([TK.EOS]));
    expect(tokenize('_x1 While goto_ énd', '=t').slice(0, 3).map((t) => [t[0], t[1]])).toEqual([
      [TK.NAME, '_x1'], [TK.NAME, 'While'], [TK.NAME, 'goto_'],
    ]);
    // bytes >= 0x80 are not letters: each is a token of its own
    expect(kinds('\xc3\xa9nd')).toEqual([0xc3, 0xa9, TK.NAME, TK.EOS]);
  });
  it('reads numerals', () => {
    expect(tokenize('3 3.0 0x10 0xA.8p1 1e2 .5 0xffffffffffffffff 9223372036854775808', '=t').map((t) => [t[0], t[1]])).toEqual([
      [TK.INT, 3], [TK.FLT, 3], [TK.INT, 16], [TK.FLT, 21], [TK.FLT, 100], [TK.FLT, 0.5], [TK.INT, -1],
      [TK.FLT, 9223372036854775808], [TK.EOS, null],
    ]);
    expect(values('0x7fffffffffffffff')[0]).toBe(9223372036854775807n);
    // '-' is an operator, '..' after a numeral needs a space
    expect(kinds('1-2')).toEqual([TK.INT, 45, TK.INT, TK.EOS]);
    expect(kinds('0x1e+5')).toEqual([TK.INT, 43, TK.INT, TK.EOS]);
  });
  it('decodes escapes', () => {
    expect(values(String.raw`"\a\b\f\n\r\t\v\\\"\'"`)[0]).toBe('\x07\b\f\n\r\t\v\\"\'');
    expect(values(String.raw`'\x41\x6a\65\0066\0\255'`)[0]).toBe('AjA\x066\0\xff');
    expect(values(String.raw`"\u{41}\u{E9}\u{20AC}\u{10FFFF}\u{7FFFFFFF}"`)[0]).toBe(
      'A\xc3\xa9\xe2\x82\xac\xf4\x8f\xbf\xbf\xfd\xbf\xbf\xbf\xbf\xbf');
    expect(values('"a\\z  \n\t  b"')[0]).toBe('ab');
    expect(values('"a\\\nb\\\r\nc"')[0]).toBe('a\nb\nc');
    // bytes pass through unchanged (the source was UTF-8 encoded before lexing)
    expect(values("'\xc3\xa9'")[0]).toBe('\xc3\xa9');
  });
  it('encodes extended UTF-8', () => {
    expect(utf8Encode(0x7f)).toBe('\x7f');
    expect(utf8Encode(0x80)).toBe('\xc2\x80');
    expect(utf8Encode(0x800)).toBe('\xe0\xa0\x80');
    expect(utf8Encode(0x10000)).toBe('\xf0\x90\x80\x80');
    expect(utf8Encode(0x200000)).toBe('\xf8\x88\x80\x80\x80');
    expect(utf8Encode(0x4000000)).toBe('\xfc\x84\x80\x80\x80\x80');
  });
  it('reads long strings', () => {
    expect(values('[[\nabc]]')[0]).toBe('abc');
    expect(values('[[\r\nabc]]')[0]).toBe('abc');
    expect(values('[==[a]]b]=]c]==]')[0]).toBe('a]]b]=]c');
    expect(values('[=[a]]=]')[0]).toBe('a]');
    expect(values('[[a\r\nb\n\rc\rd\ne]]')[0]).toBe('a\nb\nc\nd\ne');
    expect(values('[[]]')[0]).toBe('');
  });
  it('skips comments', () => {
    expect(kinds('a --x\nb --[[x\n]] c --[==[ ]] ]==] d --[=x\ne')).toEqual([TK.NAME, TK.NAME, TK.NAME, TK.NAME, TK.NAME, TK.EOS]);
  });
  it('counts lines: \\n, \\r, \\r\\n and \\n\\r are one line each', () => {
    expect(lines('a\nb\rc\r\nd\n\re\n\nf\r\rg')).toEqual([1, 2, 3, 4, 5, 7, 9, 9]);
    // multi-line tokens end on their last line
    expect(lines('a [[\n\n]] b "\\\n" c --[[\n]] d')).toEqual([1, 3, 3, 4, 4, 5, 5]);
  });
  it('offers one token of lookahead', () => {
    const lx = new Lexer('a = 1', '=t');
    lx.next();
    expect(lx.token).toBe(TK.NAME);
    expect(lx.lookahead()).toBe(61);
    expect(lx.token).toBe(TK.NAME);
    expect(lx.sval).toBe('a');
    lx.next();
    expect(lx.token).toBe(61);
    lx.next();
    expect([lx.token, lx.nval]).toEqual([TK.INT, 1]);
  });
  it('throws LuaSyntaxError with chunkname, line and message', () => {
    try {
      tokenize('x\n"abc', '@f.lua');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LuaSyntaxError);
      const err = e as LuaSyntaxError;
      expect([err.chunkname, err.line, err.msg, err.message]).toEqual(
        ['@f.lua', 2, 'f.lua:2: unfinished string near <eof>', 'f.lua:2: unfinished string near <eof>']);
    }
  });
});

describe('chunkId (checked against lua5.4)', () => {
  it('shows chunk names as the reference does', () => {
    expect(chunkId('=abc')).toBe('abc');
    expect(chunkId('x=')).toBe('[string "x="]');
    expect(chunkId('@file.lua')).toBe('file.lua');
    expect(chunkId('=' + 'n'.repeat(70))).toBe('n'.repeat(59));
    expect(chunkId('@' + 'abcdefghij'.repeat(7))).toBe('...' + 'abcdefghij'.repeat(7).slice(-56));
    expect(chunkId('@' + 'f'.repeat(59))).toBe('f'.repeat(59));
    expect(chunkId('x=\nfoo')).toBe('[string "x=..."]');
    expect(chunkId('s'.repeat(44))).toBe('[string "' + 's'.repeat(44) + '"]');
    expect(chunkId('s'.repeat(45))).toBe('[string "' + 's'.repeat(45) + '..."]');
    expect(chunkId('\nabc')).toBe('[string "..."]');
    expect(chunkId('ab\rcd')).toBe('[string "ab\rcd"]');
    expect(chunkId('')).toBe('[string ""]');
    expect(chunkId('=')).toBe('');
    expect(chunkId('a\0b')).toBe('[string "a"]');
  });
});

describe('lexical errors match lua5.4', () => {
  it(`${cases.length} recorded cases`, () => {
    const bad: string[] = [];
    for (const c of cases) {
      let got: string | null = null;
      try {
        parse(c.source, c.name, { cLevel: c.cLevel });
      } catch (e) {
        if (!(e instanceof LuaSyntaxError)) throw e;
        got = e.msg;
      }
      if (got !== c.error) bad.push(`${JSON.stringify(c.source)}: expected ${JSON.stringify(c.error)}, got ${JSON.stringify(got)}`);
    }
    expect(bad.slice(0, 30)).toEqual([]);
    expect(cases.length).toBeGreaterThan(900);
  });
});
