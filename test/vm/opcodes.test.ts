import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { OFFSET_sJ, OFFSET_sC, OFFSET_sBx } from '../../src/vm/opcodes.js';
import { CONT, FRAME_LUA } from '../../src/vm/state.js';
import { MAXSAFE } from '../../src/vm/value.js';
import { OP, OPCODES, mkABCk, getA, getB, getC, getK, mkABx, getBx, mkAsBx, getsBx, mksJ, getsJ } from '../../src/vm/opcodes.js';

describe('opcode table', () => {
  it('pins the opcode numbers (they are part of the binary chunk format)', () => {
    expect(OPCODES.map((o) => o[0]).join(' ')).toBe(
      'MOVE LOADI LOADF LOADK LOADKX LOADFALSE LFALSESKIP LOADTRUE LOADNIL GETUPVAL SETUPVAL ' +
      'GETTABUP GETTABLE GETI GETFIELD SETTABUP SETTABLE SETI SETFIELD NEWTABLE SELF ADDI ADDK ' +
      'SUBK MULK MODK POWK DIVK IDIVK BANDK BORK BXORK SHRI SHLI ADD SUB MUL MOD POW DIV IDIV ' +
      'BAND BOR BXOR SHL SHR UNM BNOT NOT LEN CONCAT CLOSE TBC JMP EQ LT LE EQK EQI LTI LEI GTI ' +
      'GEI TEST TESTSET CALL TAILCALL RETURN RETURN0 RETURN1 FORLOOP FORPREP TFORPREP TFORCALL ' +
      'TFORLOOP SETLIST CLOSURE VARARG VARARGPREP EXTRAARG');
  });

  it('the interpreter switch uses the same numbers as the table', () => {
    const src = readFileSync(new URL('../../src/vm/interp.ts', import.meta.url), 'utf8');
    const cases = [...src.matchAll(/(?:case|===|-) (\d+)(?::)? \/\* ([A-Z0-9]+) \*\//g)];
    expect(cases.length).toBeGreaterThan(70);
    for (const [, num, name] of cases) {
      expect((OP as Record<string, number>)[name], name).toBe(Number(num));
    }
  });

  it('the constants the interpreter loop writes as literals have those values', () => {
    expect([OFFSET_sJ, OFFSET_sC, OFFSET_sBx, CONT.CALL, FRAME_LUA, MAXSAFE]).toEqual([16777215, 127, 65535, 0, 0, 9007199254740991]);
  });

  it('encodes and decodes every operand format', () => {
    const i = mkABCk(OP.GETFIELD, 200, 255, 129, 1);
    expect([i & 0x7f, getA(i), getB(i), getC(i), getK(i)]).toEqual([OP.GETFIELD, 200, 255, 129, 1]);
    expect(getBx(mkABx(OP.LOADK, 3, 131071))).toBe(131071);
    expect(getsBx(mkAsBx(OP.LOADI, 0, -65535))).toBe(-65535);
    expect(getsBx(mkAsBx(OP.LOADI, 0, 65535))).toBe(65535);
    expect(getsJ(mksJ(OP.JMP, -16777215))).toBe(-16777215);
    expect(getsJ(mksJ(OP.JMP, 16777216))).toBe(16777216);
  });
});
