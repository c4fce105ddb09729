/**
 * The instruction set: one table from which opcode numbers, names, operand formats and the
 * disassembler derive. A test pins the numbers (they are part of the binary chunk format).
 *
 * An instruction is a 32-bit integer (stored in an Int32Array):
 *
 *   bits  0..6   op   (7 bits)
 *   bits  7..14  A    (8 bits)
 *   bit   15     k    (1 bit)
 *   bits 16..23  B    (8 bits)
 *   bits 24..31  C    (8 bits)
 *
 *   Bx  = bits 15..31 (17 bits, unsigned); sBx = Bx - OFFSET_sBx
 *   Ax  = bits 7..31 (25 bits, unsigned)
 *   sJ  = bits 7..31 (25 bits) - OFFSET_sJ
 *   sB, sC: B or C read as signed with an offset of 127 (OFFSET_sC)
 *
 * Notation in the semantics comments: R[x] register x of the current frame; K[x] constant x;
 * U[x] upvalue x; RK(C) is K[C] when k is set, else R[C]; pc is already past the instruction.
 */

export const FMT = { ABC: 0, ABx: 1, AsBx: 2, Ax: 3, sJ: 4 } as const;

/** [name, format] (semantics in the comment) — the order gives the opcode numbers. */
export const OPCODES = [
  ['MOVE', FMT.ABC], // A B      R[A] := R[B]
  ['LOADI', FMT.AsBx], // A sBx    R[A] := sBx (integer)
  ['LOADF', FMT.AsBx], // A sBx    R[A] := sBx (float)
  ['LOADK', FMT.ABx], // A Bx     R[A] := K[Bx]
  ['LOADKX', FMT.ABC], // A        R[A] := K[extra arg]
  ['LOADFALSE', FMT.ABC], // A        R[A] := false
  ['LFALSESKIP', FMT.ABC], // A        R[A] := false; pc++
  ['LOADTRUE', FMT.ABC], // A        R[A] := true
  ['LOADNIL', FMT.ABC], // A B      R[A], R[A+1], ..., R[A+B] := nil
  ['GETUPVAL', FMT.ABC], // A B      R[A] := U[B]
  ['SETUPVAL', FMT.ABC], // A B      U[B] := R[A]
  ['GETTABUP', FMT.ABC], // A B C    R[A] := U[B][K[C]:string]
  ['GETTABLE', FMT.ABC], // A B C    R[A] := R[B][R[C]]
  ['GETI', FMT.ABC], // A B C    R[A] := R[B][C]
  ['GETFIELD', FMT.ABC], // A B C    R[A] := R[B][K[C]:string]
  ['SETTABUP', FMT.ABC], // A B C k  U[A][K[B]:string] := RK(C)
  ['SETTABLE', FMT.ABC], // A B C k  R[A][R[B]] := RK(C)
  ['SETI', FMT.ABC], // A B C k  R[A][B] := RK(C)
  ['SETFIELD', FMT.ABC], // A B C k  R[A][K[B]:string] := RK(C)
  ['NEWTABLE', FMT.ABC], // A B C    R[A] := {} (B: hash size hint, C: array size hint)
  ['SELF', FMT.ABC], // A B C k  R[A+1] := R[B]; R[A] := R[B][RK(C):string]
  ['ADDI', FMT.ABC], // A B sC   R[A] := R[B] + sC
  ['ADDK', FMT.ABC], // A B C    R[A] := R[B] + K[C]:number
  ['SUBK', FMT.ABC], // A B C    R[A] := R[B] - K[C]:number
  ['MULK', FMT.ABC], // A B C    R[A] := R[B] * K[C]:number
  ['MODK', FMT.ABC], // A B C    R[A] := R[B] % K[C]:number
  ['POWK', FMT.ABC], // A B C    R[A] := R[B] ^ K[C]:number
  ['DIVK', FMT.ABC], // A B C    R[A] := R[B] / K[C]:number
  ['IDIVK', FMT.ABC], // A B C    R[A] := R[B] // K[C]:number
  ['BANDK', FMT.ABC], // A B C    R[A] := R[B] & K[C]:integer
  ['BORK', FMT.ABC], // A B C    R[A] := R[B] | K[C]:integer
  ['BXORK', FMT.ABC], // A B C    R[A] := R[B] ~ K[C]:integer
  ['SHRI', FMT.ABC], // A B sC   R[A] := R[B] >> sC
  ['SHLI', FMT.ABC], // A B sC   R[A] := sC << R[B]
  ['ADD', FMT.ABC], // A B C    R[A] := R[B] + R[C]
  ['SUB', FMT.ABC], // A B C    R[A] := R[B] - R[C]
  ['MUL', FMT.ABC], // A B C    R[A] := R[B] * R[C]
  ['MOD', FMT.ABC], // A B C    R[A] := R[B] % R[C]
  ['POW', FMT.ABC], // A B C    R[A] := R[B] ^ R[C]
  ['DIV', FMT.ABC], // A B C    R[A] := R[B] / R[C]
  ['IDIV', FMT.ABC], // A B C    R[A] := R[B] // R[C]
  ['BAND', FMT.ABC], // A B C    R[A] := R[B] & R[C]
  ['BOR', FMT.ABC], // A B C    R[A] := R[B] | R[C]
  ['BXOR', FMT.ABC], // A B C    R[A] := R[B] ~ R[C]
  ['SHL', FMT.ABC], // A B C    R[A] := R[B] << R[C]
  ['SHR', FMT.ABC], // A B C    R[A] := R[B] >> R[C]
  ['UNM', FMT.ABC], // A B      R[A] := -R[B]
  ['BNOT', FMT.ABC], // A B      R[A] := ~R[B]
  ['NOT', FMT.ABC], // A B      R[A] := not R[B]
  ['LEN', FMT.ABC], // A B      R[A] := #R[B] (length operator)
  ['CONCAT', FMT.ABC], // A B      R[A] := R[A].. ... ..R[A + B - 1]
  ['CLOSE', FMT.ABC], // A        close all upvalues and to-be-closed variables >= R[A]
  ['TBC', FMT.ABC], // A        mark variable A "to be closed"
  ['JMP', FMT.sJ], // sJ       pc += sJ
  ['EQ', FMT.ABC], // A B k    if ((R[A] == R[B]) ~= k) then pc++
  ['LT', FMT.ABC], // A B k    if ((R[A] <  R[B]) ~= k) then pc++
  ['LE', FMT.ABC], // A B k    if ((R[A] <= R[B]) ~= k) then pc++
  ['EQK', FMT.ABC], // A B k    if ((R[A] == K[B]) ~= k) then pc++
  ['EQI', FMT.ABC], // A sB k   if ((R[A] == sB) ~= k) then pc++
  ['LTI', FMT.ABC], // A sB k   if ((R[A] < sB) ~= k) then pc++
  ['LEI', FMT.ABC], // A sB k   if ((R[A] <= sB) ~= k) then pc++
  ['GTI', FMT.ABC], // A sB k   if ((R[A] > sB) ~= k) then pc++
  ['GEI', FMT.ABC], // A sB k   if ((R[A] >= sB) ~= k) then pc++
  ['TEST', FMT.ABC], // A k      if (not R[A] == k) then pc++
  ['TESTSET', FMT.ABC], // A B k    if (not R[B] == k) then pc++ else R[A] := R[B]
  ['CALL', FMT.ABC], // A B C    R[A], ... ,R[A+C-2] := R[A](R[A+1], ... ,R[A+B-1])
  ['TAILCALL', FMT.ABC], // A B C k  return R[A](R[A+1], ... ,R[A+B-1])
  ['RETURN', FMT.ABC], // A B C k  return R[A], ... ,R[A+B-2] (k: close upvalues/tbc first)
  ['RETURN0', FMT.ABC], //          return
  ['RETURN1', FMT.ABC], // A        return R[A]
  ['FORLOOP', FMT.ABx], // A Bx     update counters; if loop continues then pc-=Bx
  ['FORPREP', FMT.ABx], // A Bx     check values and prepare counters; if not to run then pc+=Bx+1
  ['TFORPREP', FMT.ABx], // A Bx     create upvalue for R[A + 3]; pc+=Bx
  ['TFORCALL', FMT.ABC], // A C      R[A+4], ... ,R[A+3+C] := R[A](R[A+1], R[A+2])
  ['TFORLOOP', FMT.ABx], // A Bx     if R[A+4] ~= nil then { R[A+2]=R[A+4]; pc -= Bx }
  ['SETLIST', FMT.ABC], // A B C k  R[A][C+i] := R[A+i], 1 <= i <= B (B=0: up to top)
  ['CLOSURE', FMT.ABx], // A Bx     R[A] := closure(KPROTO[Bx])
  ['VARARG', FMT.ABC], // A C      R[A], R[A+1], ..., R[A+C-2] = vararg
  ['VARARGPREP', FMT.ABC], // A        (adjust vararg parameters)
  ['EXTRAARG', FMT.Ax], // Ax       extra (larger) argument for previous opcode
] as const;

type OpName = (typeof OPCODES)[number][0];

/** OP.NAME -> opcode number */
export const OP = Object.fromEntries(OPCODES.map((o, i) => [o[0], i])) as { readonly [K in OpName]: number };

export const OP_NAMES: readonly string[] = OPCODES.map((o) => o[0]);

export const MAXARG_A = 255;
export const MAXARG_B = 255;
export const MAXARG_C = 255;
export const MAXARG_Bx = (1 << 17) - 1;
export const OFFSET_sBx = MAXARG_Bx >> 1;
export const MAXARG_Ax = (1 << 25) - 1;
export const OFFSET_sJ = MAXARG_Ax >> 1;
export const OFFSET_sC = MAXARG_C >> 1;
/** SETLIST flushes every LFIELDS_PER_FLUSH items of a table constructor */
export const LFIELDS_PER_FLUSH = 50;

export function mkABCk(op: number, a: number, b: number, c: number, k: number): number {
  return op | (a << 7) | (k << 15) | (b << 16) | (c << 24);
}
export function mkABx(op: number, a: number, bx: number): number {
  return op | (a << 7) | (bx << 15);
}
export function mkAsBx(op: number, a: number, sbx: number): number {
  return op | (a << 7) | ((sbx + OFFSET_sBx) << 15);
}
export function mkAx(op: number, ax: number): number {
  return op | (ax << 7);
}
export function mksJ(op: number, sj: number): number {
  return op | ((sj + OFFSET_sJ) << 7);
}

export const getOp = (i: number): number => i & 0x7f;
export const getA = (i: number): number => (i >>> 7) & 0xff;
export const getK = (i: number): number => (i >>> 15) & 1;
export const getB = (i: number): number => (i >>> 16) & 0xff;
export const getC = (i: number): number => i >>> 24;
export const getBx = (i: number): number => i >>> 15;
export const getsBx = (i: number): number => (i >>> 15) - OFFSET_sBx;
export const getAx = (i: number): number => i >>> 7;
export const getsJ = (i: number): number => (i >>> 7) - OFFSET_sJ;
export const getsB = (i: number): number => ((i >>> 16) & 0xff) - OFFSET_sC;
export const getsC = (i: number): number => (i >>> 24) - OFFSET_sC;

/** One line of disassembly, e.g. `GETFIELD  0 0 1`. */
export function disasmInstr(i: number): string {
  const op = getOp(i);
  const o = OPCODES[op];
  if (o === undefined) return `?? ${i}`;
  const name = o[0].padEnd(10);
  switch (o[1]) {
    case FMT.ABx: return `${name} ${getA(i)} ${getBx(i)}`;
    case FMT.AsBx: return `${name} ${getA(i)} ${getsBx(i)}`;
    case FMT.Ax: return `${name} ${getAx(i)}`;
    case FMT.sJ: return `${name} ${getsJ(i)}`;
    default: {
      const k = getK(i) ? ' k' : '';
      return `${name} ${getA(i)} ${getB(i)} ${getC(i)}${k}`;
    }
  }
}
