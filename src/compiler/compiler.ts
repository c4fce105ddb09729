/**
 * AST -> Proto. A tree walker over the parser's AST that allocates registers as a stack and
 * emits the register bytecode of vm/opcodes.ts.
 *
 * Rules every emitter follows:
 * 1. `fs.line` is set to the node's line before its instructions are emitted.
 * 2. exp2reg(e, r) writes r only with its last instruction when r is not a fresh temporary
 *    (r < the freereg it started with), so `x = f(x) .. x` reads the old x.
 * 3. Temporaries are released by restoring `fs.freereg`; locals live in 0..nvarstack-1.
 * 4. Multiple assignment evaluates target prefixes left to right, then the expressions left
 *    to right, then stores right to left (as the reference interpreter does).
 */
import type * as A from '../parser/ast.js';
import { LuaFloat } from '../vm/value.js';
import { arith, AR, isNum } from '../vm/arith.js';
import type { LuaValue } from '../vm/value.js';
import { Proto } from '../vm/proto.js';
import {
  OP, mkABCk, mkABx, mkAsBx, mkAx, getOp, getA, getB, getC, MAXARG_Bx, MAXARG_C, OFFSET_sBx, OFFSET_sC,
  LFIELDS_PER_FLUSH,
} from '../vm/opcodes.js';
import { FuncState, CompileError, VAR_REGULAR, VAR_CONST, VAR_CLOSE } from './funcstate.js';
import type { BlockCnt, LabelDesc, VarDesc } from './funcstate.js';

export { CompileError } from './funcstate.js';

type Resolved =
  | { kind: 'local'; v: VarDesc }
  | { kind: 'upval'; idx: number }
  | { kind: 'global' };

/** An assignment target after its prefix (table and key) has been evaluated. */
type Target =
  | { kind: 'local'; reg: number }
  | { kind: 'upval'; idx: number }
  /** `op` (SETTABUP, SETFIELD, SETI or SETTABLE) with `t` and `key` as its A and B */
  | { kind: 'index'; op: number; t: number; key: number };

/** A value operand: a constant index (isK) or a register. */
interface RK { isK: boolean; idx: number }

/**
 * The binary arithmetic and bitwise operators, indexed by their arith operation (AR.ADD ..
 * AR.SHR). Their opcodes come in the same order: OP.ADD .. OP.SHR, and OP.ADDK .. OP.BXORK
 * for all but the shifts.
 */
const ARITH_OPS: readonly string[] = ['+', '-', '*', '%', '^', '/', '//', '&', '|', '~', '<<', '>>'];

const UNARY_OPS: Record<A.UnaryOp, number> = { '-': OP.UNM, not: OP.NOT, '#': OP.LEN, '~': OP.BNOT };

const COMPARISONS: ReadonlySet<string> = new Set(['==', '~=', '<', '<=', '>', '>=']);

/**
 * The kinds of key operand keyOperand returns (a string constant, a small integer, a
 * register), and the instructions that index with each kind.
 */
const KEY_STRING = 0;
const KEY_INT = 1;
const KEY_REG = 2;
const GET_OPS = [OP.GETFIELD, OP.GETI, OP.GETTABLE];
const SET_OPS = [OP.SETFIELD, OP.SETI, OP.SETTABLE];

/** Value of a constant expression, or NOCONST. */
const NOCONST = Symbol('noconst');

/** a op b on numeric constants, or NOCONST when folding could change what happens. */
function foldArith(op: number, a: LuaValue, b: LuaValue): LuaValue | typeof NOCONST {
  if (!isNum(a) || !isNum(b)) return NOCONST;
  let r: LuaValue;
  try {
    r = arith(op, a, b);
  } catch {
    return NOCONST; // division by zero: raised at run time
  }
  // not folded: operands without an integer representation (a symbol), NaN and float zeros
  if (typeof r === 'symbol' || (r instanceof LuaFloat ? r.n === 0 : Number.isNaN(r))) return NOCONST;
  return r;
}

/** An expression with multiple results (a call or `...`). */
function isMulti(e: A.Expr): e is A.CallExpr | A.MethodCallExpr | A.VarargExpr {
  return e.kind === 'Call' || e.kind === 'MethodCall' || e.kind === 'Vararg';
}

function isTruthy(v: LuaValue): boolean {
  return v !== undefined && v !== false;
}

/** A comparison or a `not`: an expression whose value is a boolean. */
function isBoolean(e: A.Expr): boolean {
  return (e.kind === 'Binary' && COMPARISONS.has(e.op)) || (e.kind === 'Unary' && e.op === 'not');
}

/** v when it is a small integer usable as an immediate operand (sB, sC), else null. */
function immediate(v: LuaValue | typeof NOCONST): number | null {
  return typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= OFFSET_sC ? v : null;
}

/** A float value: integral floats are boxed. */
function floatValue(f: number): LuaValue {
  return Number.isInteger(f) ? new LuaFloat(f) : f;
}

function numberValue(e: A.NumberExpr): LuaValue {
  return e.isInt ? e.value : floatValue(e.value as number);
}

export class Compiler {
  private fs!: FuncState;
  private readonly source: string;

  constructor(source: string) {
    this.source = source;
  }

  compileChunk(chunk: A.Chunk): Proto {
    const fs = this.openFunction(null, 0);
    fs.proto.isVararg = true;
    // the main function's only upvalue is _ENV
    fs.newUpval('_ENV', true, 0, VAR_REGULAR);
    const bl = this.enterBlock(false);
    fs.line = 1;
    fs.emitABC(OP.VARARGPREP, 0, 0, 0);
    this.block(chunk.body);
    // the final return takes the line of the last token (not of the end of the source)
    fs.line = chunk.lastLine;
    this.leaveBlock(bl, chunk.endLine);
    fs.emitABC(OP.RETURN, 0, 1, 0);
    return this.closeFunction();
  }

  // ---- functions -------------------------------------------------------------------------

  private openFunction(prev: FuncState | null, line: number): FuncState {
    this.fs = new FuncState(prev, this.source, line);
    return this.fs;
  }

  private closeFunction(): Proto {
    const fs = this.fs;
    if (fs.needclose) {
      // returns must close upvalues: the fast forms become the general one (RETURN0 and
      // RETURN1 already have its B), with k set
      const code = fs.code;
      for (let pc = 0; pc < code.length; pc++) {
        const i = code[pc];
        const op = getOp(i);
        if (op === OP.RETURN0 || op === OP.RETURN1 || op === OP.RETURN || op === OP.TAILCALL) {
          code[pc] = mkABCk(op === OP.TAILCALL ? op : OP.RETURN, getA(i), getB(i), getC(i), 1);
        }
      }
    }
    const p = fs.finish();
    this.fs = fs.prev!;
    return p;
  }

  private functionBody(f: A.FunctionExpr, reg: number): void {
    const parent = this.fs;
    const fs = this.openFunction(parent, f.line);
    const p = fs.proto;
    p.lastlinedefined = f.endLine;
    p.isVararg = f.isVararg;
    const bl = this.enterBlock(false);
    const params = f.params.map((n) => fs.newLocal(n));
    fs.activate(params);
    p.numparams = params.length;
    fs.reserve(params.length);
    if (f.isVararg) fs.emitABC(OP.VARARGPREP, params.length, 0, 0);
    this.block(f.body);
    fs.line = f.endLine;
    this.leaveBlock(bl, f.endLine);
    fs.emitABC(OP.RETURN0, 0, 1, 0);
    const idx = parent.proto.p.push(this.closeFunction()) - 1;
    // the closure is made where its body ends (the store of a function statement then
    // takes the statement's first line)
    parent.line = f.endLine;
    parent.emitABx(OP.CLOSURE, reg, idx);
  }

  // ---- blocks, labels, gotos -------------------------------------------------------------

  private enterBlock(isLoop: boolean): BlockCnt {
    const fs = this.fs;
    const bl: BlockCnt = {
      prev: fs.bl,
      nactvar: fs.actvar.length,
      firstLabel: fs.labels.length,
      firstGoto: fs.gotos.length,
      upval: false,
      isLoop,
      insideTbc: fs.bl !== null && fs.bl.insideTbc,
    };
    fs.bl = bl;
    return bl;
  }

  /** `line` is where the block ends (used by errors about gotos left pending). */
  private leaveBlock(bl: BlockCnt, line: number): void {
    const fs = this.fs;
    const level = bl.nactvar;
    fs.removeVars(level);
    const hasClose = bl.isLoop && this.createLabel('break', 0, false);
    if (!hasClose && bl.prev !== null && bl.upval) fs.emitABC(OP.CLOSE, level, 0, 0);
    fs.freereg = level;
    fs.labels.length = bl.firstLabel;
    fs.bl = bl.prev;
    if (bl.prev !== null) {
      // pending gotos of this block now belong to the enclosing one
      for (let i = bl.firstGoto; i < fs.gotos.length; i++) {
        const g = fs.gotos[i];
        if (g.nactvar > level) {
          if (bl.upval) g.close = true;
          g.nactvar = level;
        }
      }
    } else if (bl.firstGoto < fs.gotos.length) {
      const g = fs.gotos[bl.firstGoto];
      const msg = g.name === 'break'
        ? `break outside loop at line ${g.line}`
        : `no visible label '${g.name}' for <goto> at line ${g.line}`;
      throw new CompileError(msg, line);
    }
  }

  /** A block with a scope of its own (`do ... end`, an else part). */
  private scopedBlock(b: A.Block): void {
    const bl = this.enterBlock(false);
    this.block(b);
    this.leaveBlock(bl, b.endLine);
  }

  /** The block declares a to-be-closed variable (or it is a generic for's loop block). */
  private markTbc(bl: BlockCnt): void {
    bl.upval = true;
    bl.insideTbc = true;
    this.fs.needclose = true;
  }

  /**
   * Define a label at the current pc and resolve the pending gotos of the current block that
   * jump to it. `last`: the label is the last statement of its block, so it counts as outside
   * the scope of the block's locals (§3.3.4). Returns true when it emitted a CLOSE.
   */
  private createLabel(name: string, line: number, last: boolean): boolean {
    const fs = this.fs;
    const bl = fs.bl!;
    const l: LabelDesc = {
      name, pc: fs.pc(), line, nactvar: last ? bl.nactvar : fs.actvar.length, close: false,
    };
    fs.labels.push(l);
    let needClose = false;
    const gotos = fs.gotos;
    for (let i = bl.firstGoto; i < gotos.length;) {
      const g = gotos[i];
      if (g.name === name) {
        if (g.nactvar < l.nactvar) {
          const varName = fs.actvar[g.nactvar].name;
          throw new CompileError(
            `<goto ${g.name}> at line ${g.line} jumps into the scope of local '${varName}'`, fs.line);
        }
        needClose = needClose || g.close;
        fs.patchJump(g.pc, l.pc);
        gotos.splice(i, 1);
      } else {
        i++;
      }
    }
    if (needClose) fs.emitABC(OP.CLOSE, l.nactvar, 0, 0);
    return needClose;
  }

  /** The visible label `name` (there is at most one). */
  private findLabel(name: string): LabelDesc | undefined {
    return this.fs.labels.find((l) => l.name === name);
  }

  // ---- statements ------------------------------------------------------------------------

  private block(b: A.Block): void {
    const stats = b.stats;
    for (let i = 0; i < stats.length; i++) {
      const s = stats[i];
      if (s.kind === 'Label') {
        const prev = this.findLabel(s.name);
        if (prev !== undefined) {
          throw new CompileError(`label '${s.name}' already defined on line ${prev.line}`, s.line);
        }
        // a label followed only by void statements (labels) is at the end of the block
        let j = i + 1;
        while (j < stats.length && stats[j].kind === 'Label') j++;
        this.fs.line = s.line;
        this.createLabel(s.name, s.line, j === stats.length && !this.inRepeatBody);
      } else {
        this.statement(s);
      }
      this.fs.freereg = this.fs.nvarstack();
    }
  }

  /** true while compiling the direct body block of a repeat (its `until` sees the locals) */
  private inRepeatBody = false;

  private statement(s: A.Stat): void {
    const fs = this.fs;
    fs.line = s.line;
    const saveRepeat = this.inRepeatBody;
    this.inRepeatBody = false;
    switch (s.kind) {
      case 'Local': this.localStat(s); break;
      case 'Assign': this.assignStat(s); break;
      case 'CallStat': this.call(s.call, 0); break;
      case 'Do': this.scopedBlock(s.body); break;
      case 'While': this.whileStat(s); break;
      case 'Repeat': this.repeatStat(s); break;
      case 'If': this.ifStat(s); break;
      case 'NumericFor': this.numericFor(s); break;
      case 'GenericFor': this.genericFor(s); break;
      case 'FunctionStat': {
        if (s.target.kind === 'Name') this.resolveAssigned(s.target);
        const target = this.evalTarget(s.target, null);
        const r = fs.reserve(1);
        this.functionBody(s.func, r);
        fs.line = s.func.line;
        this.store(target, r);
        break;
      }
      case 'LocalFunction': {
        const v = fs.newLocal(s.name);
        const r = fs.reserve(1);
        fs.activate([v]);
        this.functionBody(s.func, r);
        // the local's debug range starts after the closure is made
        fs.proto.locvars[v.pidx].startpc = fs.pc();
        break;
      }
      case 'Return': this.returnStat(s); break;
      case 'Break': this.gotoStat('break', s.line); break;
      case 'Goto': this.gotoStat(s.label, s.line); break;
      // labels are compiled by block()
    }
    this.inRepeatBody = saveRepeat;
  }

  private gotoStat(name: string, line: number): void {
    const fs = this.fs;
    fs.line = line;
    const lb = name === 'break' ? undefined : this.findLabel(name);
    if (lb === undefined) {
      // forward jump (or break): resolved when the label appears
      fs.addGoto(name, fs.emitJump(), line);
    } else {
      // backward jump: close the variables it leaves
      if (fs.actvar.length > lb.nactvar) fs.emitABC(OP.CLOSE, lb.nactvar, 0, 0);
      fs.emitJumpTo(lb.pc);
    }
  }

  private localStat(s: A.LocalStat): void {
    const fs = this.fs;
    const vars = s.names.map((n) =>
      fs.newLocal(n.name, n.attrib === 'const' ? VAR_CONST : n.attrib === 'close' ? VAR_CLOSE : VAR_REGULAR));
    this.explist(s.exprs, fs.freereg, vars.length);
    fs.line = s.line;
    fs.activate(vars);
    fs.freereg = fs.nvarstack();
    // (the parser allows one to-be-closed variable per statement)
    const tbc = vars.find((v) => v.kind === VAR_CLOSE);
    if (tbc !== undefined) {
      this.markTbc(fs.bl!);
      fs.emitABC(OP.TBC, tbc.reg, 0, 0);
    }
  }

  /** Resolve a variable to assign to: it must not be const (or to-be-closed). */
  private resolveAssigned(e: A.NameExpr): Resolved {
    const r = this.resolve(e.name);
    const kind = r.kind === 'local' ? r.v.kind : r.kind === 'upval' ? this.fs.proto.upvalKind[r.idx] : VAR_REGULAR;
    if (kind !== VAR_REGULAR) {
      throw new CompileError(`attempt to assign to const variable '${e.name}'`, e.line);
    }
    return r;
  }

  private assignStat(s: A.AssignStat): void {
    const fs = this.fs;
    // no target may be a const variable; the registers of the locals assigned (see the
    // general case below)
    const assignedLocals = new Set<number>();
    for (const t of s.targets) {
      if (t.kind === 'Name') {
        const r = this.resolveAssigned(t);
        if (r.kind === 'local') assignedLocals.add(r.v.reg);
      }
    }
    if (s.targets.length === 1 && s.exprs.length === 1) {
      const t = s.targets[0];
      const e = s.exprs[0];
      if (t.kind === 'Name') {
        const r = this.resolve(t.name);
        if (r.kind === 'local') {
          this.exp2reg(e, r.v.reg);
          return;
        }
      }
      const target = this.evalTarget(t, null);
      const rk = this.exp2RK(e);
      fs.line = s.lastLine;
      this.storeRK(target, rk);
      return;
    }
    // general case: locals assigned by this statement must not be read by later targets'
    // prefixes after they change, so prefixes that are such locals are copied first
    const targets = s.targets.map((t) => this.evalTarget(t, assignedLocals));
    const base = fs.freereg;
    this.explist(s.exprs, base, targets.length);
    fs.line = s.lastLine;
    for (let i = targets.length - 1; i >= 0; i--) this.store(targets[i], base + i);
  }

  /** Evaluate the prefix of an assignment target (table and key). */
  private evalTarget(t: A.NameExpr | A.IndexExpr, assigned: Set<number> | null): Target {
    const fs = this.fs;
    if (t.kind === 'Index') {
      return this.indexTarget(this.copyIfAssigned(this.exp2anyreg(t.obj), assigned), t.key, assigned);
    }
    const r = this.resolve(t.name);
    if (r.kind === 'local') return { kind: 'local', reg: r.v.reg };
    if (r.kind === 'upval') return r;
    // a global: _ENV.name
    const env = this.resolve('_ENV');
    const kidx = fs.addK(t.name);
    if (env.kind === 'upval' && kidx <= MAXARG_C) return { kind: 'index', op: OP.SETTABUP, t: env.idx, key: kidx };
    const treg = this.exp2anyreg(this.envName());
    return this.indexTarget(treg, { kind: 'String', value: t.name, line: t.line }, assigned);
  }

  private indexTarget(treg: number, key: A.Expr, assigned: Set<number> | null): Target {
    const [kind, k] = this.keyOperand(key);
    return {
      kind: 'index', op: SET_OPS[kind], t: treg, key: kind === KEY_REG ? this.copyIfAssigned(k, assigned) : k,
    };
  }

  /** reg, or a copy of it in a new register when it is a local that the assignment changes. */
  private copyIfAssigned(reg: number, assigned: Set<number> | null): number {
    if (assigned === null || !assigned.has(reg)) return reg;
    const r = this.fs.reserve(1);
    this.fs.emitABC(OP.MOVE, r, reg, 0);
    return r;
  }

  /** Store register `src` into a target. */
  private store(t: Target, src: number): void {
    this.storeRK(t, { isK: false, idx: src });
  }

  private storeRK(t: Target, v: RK): void {
    const fs = this.fs;
    if (t.kind === 'index') {
      fs.emitABC(t.op, t.t, t.key, v.idx, v.isK ? 1 : 0);
      return;
    }
    let src = v.idx;
    if (v.isK) {
      src = fs.reserve(1);
      fs.emitLoadK(src, v.idx);
    }
    if (t.kind === 'upval') fs.emitABC(OP.SETUPVAL, src, t.idx, 0);
    else if (t.reg !== src) fs.emitABC(OP.MOVE, t.reg, src, 0);
  }

  private whileStat(s: A.WhileStat): void {
    const fs = this.fs;
    const top = fs.pc();
    const exits = this.condJump(s.cond, false);
    const bl = this.enterBlock(true);
    const inner = this.enterBlock(false);
    this.block(s.body);
    // the jump back takes the line of the body's last token
    fs.line = s.body.lastLine;
    this.leaveBlock(inner, s.body.endLine);
    fs.emitJumpTo(top);
    fs.patchToHere(exits);
    this.leaveBlock(bl, s.body.endLine);
  }

  private repeatStat(s: A.RepeatStat): void {
    const fs = this.fs;
    const top = fs.pc();
    const loop = this.enterBlock(true);
    const scope = this.enterBlock(false);
    const saved = this.inRepeatBody;
    this.inRepeatBody = true;
    this.block(s.body);
    this.inRepeatBody = saved;
    fs.line = s.cond.line;
    if (scope.upval) {
      // the locals of the body may be captured: close them on both ways out
      const exits = this.condJump(s.cond, true);
      fs.emitABC(OP.CLOSE, scope.nactvar, 0, 0);
      fs.emitJumpTo(top);
      fs.patchToHere(exits);
    } else {
      for (const pc of this.condJump(s.cond, false)) fs.patchJump(pc, top);
    }
    this.leaveBlock(scope, s.body.endLine);
    this.leaveBlock(loop, s.body.endLine);
  }

  private ifStat(s: A.IfStat): void {
    const fs = this.fs;
    const ends: number[] = [];
    for (let i = 0; i < s.clauses.length; i++) {
      const c = s.clauses[i];
      const stats = c.body.stats;
      const breaks = stats.length > 0 && stats[0].kind === 'Break';
      fs.line = c.line;
      // the test of the condition takes the line of 'then'
      let next = this.condJump(c.cond, breaks, c.thenLine);
      const bl = this.enterBlock(false);
      let body = c.body;
      if (breaks) {
        // 'if cond then break': the jumps taken when cond is true are the break itself
        // (test_then_block of the reference), so no jump skips over a jump
        for (const pc of next) fs.addGoto('break', pc, stats[0].line);
        if (stats.length === 1) {
          // a false condition falls through to what follows the clause
          this.leaveBlock(bl, c.body.endLine);
          continue;
        }
        fs.line = stats[0].line;
        next = [fs.emitJump()];
        body = { ...body, stats: stats.slice(1) };
      }
      this.block(body);
      this.leaveBlock(bl, c.body.endLine);
      fs.line = c.body.lastLine;
      if (i < s.clauses.length - 1 || s.orelse !== null) ends.push(fs.emitJump());
      fs.patchToHere(next);
    }
    if (s.orelse !== null) this.scopedBlock(s.orelse);
    fs.patchToHere(ends);
  }

  /** The three or four hidden locals of a for loop's state. */
  private forState(n: number): VarDesc[] {
    return Array.from({ length: n }, () => this.fs.newLocal('(for state)'));
  }

  private numericFor(s: A.NumericForStat): void {
    const fs = this.fs;
    const loop = this.enterBlock(true);
    const base = fs.freereg;
    const hidden = this.forState(3);
    this.exp2nextreg(s.start);
    this.exp2nextreg(s.limit);
    if (s.step !== null) {
      this.exp2nextreg(s.step);
    } else {
      const r = fs.reserve(1);
      fs.line = s.line;
      this.loadConst(r, 1);
    }
    fs.activate(hidden);
    fs.line = s.line;
    const prep = fs.emitABx(OP.FORPREP, base, 0);
    const body = this.enterBlock(false);
    fs.activate([fs.newLocal(s.varName)]);
    fs.reserve(1);
    this.block(s.body);
    this.leaveBlock(body, s.body.endLine);
    fs.line = s.line;
    // FORLOOP jumps back to prep+1; FORPREP skips past FORLOOP
    const loopPc = fs.emitABx(OP.FORLOOP, base, fs.pc() - prep);
    fs.code[prep] = mkABx(OP.FORPREP, base, loopPc - prep - 1);
    if (loopPc - prep > MAXARG_Bx) throw new CompileError('control structure too long', s.line);
    this.leaveBlock(loop, s.body.endLine);
  }

  private genericFor(s: A.GenericForStat): void {
    const fs = this.fs;
    const loop = this.enterBlock(true);
    const base = fs.freereg;
    const hidden = this.forState(4);
    this.explist(s.exprs, base, 4);
    fs.activate(hidden);
    fs.freereg = fs.nvarstack();
    // the closing value (4th) is to be closed when the loop ends
    this.markTbc(loop);
    // the loop instructions take the line where the expression list starts
    const line = s.exprs.length > 0 ? s.exprs[0].line : s.line;
    fs.line = line;
    const prep = fs.emitABx(OP.TFORPREP, base, 0);
    const body = this.enterBlock(false);
    const vars = s.names.map((n) => fs.newLocal(n));
    fs.activate(vars);
    fs.reserve(vars.length);
    this.block(s.body);
    this.leaveBlock(body, s.body.endLine);
    fs.line = line;
    // TFORCALL copies the iterator, state and control to R[A+4..A+6] to call it
    fs.ensureStack(base + 7);
    const callPc = fs.emitABC(OP.TFORCALL, base, 0, vars.length);
    fs.code[prep] = mkABx(OP.TFORPREP, base, callPc - prep - 1);
    fs.emitABx(OP.TFORLOOP, base, fs.pc() - prep);
    this.leaveBlock(loop, s.body.endLine);
  }

  private returnStat(s: A.ReturnStat): void {
    const fs = this.fs;
    const exprs = s.exprs;
    const e = exprs.length === 1 ? exprs[0] : null;
    fs.line = s.line;
    if (exprs.length === 0) {
      fs.emitABC(OP.RETURN0, 0, 1, 0);
    } else if (e !== null && !isMulti(e)) {
      const r = this.exp2anyreg(e);
      fs.line = s.line;
      fs.emitABC(OP.RETURN1, r, 2, 0);
    } else {
      const base = fs.freereg;
      const multi = this.explist(exprs, base, -1);
      if (e !== null && e.kind !== 'Vararg' && !fs.bl!.insideTbc) {
        // a tail call: the call just emitted becomes TAILCALL
        const pc = fs.pc() - 1;
        const i = fs.code[pc];
        fs.code[pc] = mkABCk(OP.TAILCALL, getA(i), getB(i), 0, 0);
      }
      fs.line = s.line;
      fs.emitABC(OP.RETURN, base, multi ? 0 : exprs.length + 1, 0);
    }
  }

  // ---- name resolution -------------------------------------------------------------------

  /**
   * Find the variable `name` as seen from fs: `base` is false when an inner function looks it
   * up, which makes a local found here an upvalue of that function.
   */
  private resolve(name: string, fs = this.fs, base = true): Resolved {
    const vars = fs.actvar;
    for (let i = vars.length - 1; i >= 0; i--) {
      const v = vars[i];
      if (v.name === name) {
        if (!base) {
          // the block declaring it must close it
          let bl = fs.bl;
          while (bl !== null && bl.nactvar > v.reg) bl = bl.prev;
          if (bl !== null) bl.upval = true;
          fs.needclose = true;
        }
        return { kind: 'local', v };
      }
    }
    const idx = fs.proto.upvalNames.indexOf(name);
    if (idx >= 0) return { kind: 'upval', idx };
    if (fs.prev === null) return { kind: 'global' };
    const r = this.resolve(name, fs.prev, false);
    if (r.kind === 'global') return r;
    return {
      kind: 'upval',
      idx: r.kind === 'local'
        ? fs.newUpval(name, true, r.v.reg, r.v.kind)
        : fs.newUpval(name, false, r.idx, fs.prev.proto.upvalKind[r.idx]),
    };
  }

  /** The table of globals, `_ENV`, as a name read at the current line. */
  private envName(): A.NameExpr {
    return { kind: 'Name', name: '_ENV', line: this.fs.line };
  }

  private loadVar(r: Resolved, name: string, reg: number): void {
    const fs = this.fs;
    if (r.kind === 'local') {
      if (r.v.reg !== reg) fs.emitABC(OP.MOVE, reg, r.v.reg, 0);
    } else if (r.kind === 'upval') {
      fs.emitABC(OP.GETUPVAL, reg, r.idx, 0);
    } else {
      // a global: _ENV.name
      const key: A.StringExpr = { kind: 'String', value: name, line: fs.line };
      this.exp2reg({ kind: 'Index', obj: this.envName(), key, line: fs.line }, reg);
    }
  }

  // ---- expressions -----------------------------------------------------------------------

  /**
   * Compile-time value of a constant expression: nil, booleans, numbers, strings, and
   * operations on them that fold without changing results (as the reference folds them:
   * numeric operations whose result is not NaN or a float zero and raise no error, `not`,
   * and `and`/`or` whose left operand is constant).
   */
  private constValue(e: A.Expr, depth = 0): LuaValue | typeof NOCONST {
    if (depth > 100) return NOCONST;
    switch (e.kind) {
      case 'Nil': return undefined;
      case 'True': return true;
      case 'False': return false;
      case 'Number': return numberValue(e);
      case 'String': return e.value;
      case 'Paren': return this.constValue(e.expr, depth + 1);
      case 'Unary': {
        if (e.op === '-' && e.operand.kind === 'Number') return this.foldNeg(e.operand);
        const v = this.constValue(e.operand, depth + 1);
        if (v === NOCONST) return NOCONST;
        if (e.op === 'not') return !isTruthy(v);
        if (e.op === '-') return foldArith(AR.UNM, v, v);
        if (e.op === '~') return foldArith(AR.BNOT, v, v);
        return NOCONST;
      }
      case 'Binary': {
        const op = e.op;
        if (op === 'and' || op === 'or') {
          const l = this.constValue(e.left, depth + 1);
          if (l === NOCONST) return NOCONST;
          // only a left operand that does not decide folds away (as the reference folds:
          // a deciding constant is kept, behind a jump)
          if (isTruthy(l) !== (op === 'and')) return NOCONST;
          return this.constValue(e.right, depth + 1);
        }
        const arop = ARITH_OPS.indexOf(op);
        if (arop < 0) return NOCONST;
        const l = this.constValue(e.left, depth + 1);
        if (l === NOCONST) return NOCONST;
        const r = this.constValue(e.right, depth + 1);
        if (r === NOCONST) return NOCONST;
        return foldArith(arop, l, r);
      }
      default: return NOCONST;
    }
  }

  /** -n for a numeric literal (folding it cannot change the result). */
  private foldNeg(n: A.NumberExpr): LuaValue {
    const v = n.value;
    if (!n.isInt) return floatValue(-(v as number));
    // a bigint is beyond 2^53 (a safe integer is a number), and so is its negation
    return typeof v === 'number' ? (v === 0 ? 0 : -v) : BigInt.asIntN(64, -v);
  }

  /** Put the value of e into register reg (see rule 2 at the top). */
  exp2reg(e: A.Expr, reg: number): void {
    const fs = this.fs;
    const fresh = reg >= fs.freereg - 1 && reg >= fs.nvarstack();
    // reg is the top register (a temporary): code may use it before the last instruction
    const top = fresh && reg === fs.freereg - 1;
    switch (e.kind) {
      case 'Vararg': fs.line = e.line; fs.emitABC(OP.VARARG, reg, 0, 2); return;
      case 'Function': this.functionBody(e, reg); return;
      case 'Paren': this.exp2reg(e.expr, reg); return;
      case 'Name': {
        const r = this.resolve(e.name);
        fs.line = e.line;
        this.loadVar(r, e.name, reg);
        return;
      }
      case 'Index': {
        const save = fs.freereg;
        const obj = e.obj;
        if (obj.kind === 'Name' && e.key.kind === 'String') {
          const r = this.resolve(obj.name);
          const kidx = fs.addK(e.key.value);
          if (r.kind === 'upval' && kidx <= MAXARG_C) {
            fs.line = e.line;
            fs.emitABC(OP.GETTABUP, reg, r.idx, kidx);
            return;
          }
        }
        if (obj.kind === 'Index') {
          // a.b.c...: walk the chain iteratively (it can be very deep)
          const spine: A.IndexExpr[] = [];
          let x: A.Expr = obj;
          while (x.kind === 'Index') {
            spine.push(x);
            x = x.obj;
          }
          const t = top ? reg : fs.reserve(1);
          this.exp2reg(spine[spine.length - 1], t);
          for (let j = spine.length - 2; j >= 0; j--) this.getIndexed(t, t, spine[j].key);
          this.getIndexed(reg, t, e.key);
        } else {
          this.getIndexed(reg, this.exp2anyreg(obj), e.key);
        }
        fs.freereg = save;
        return;
      }
      case 'Call': case 'MethodCall': {
        if (top) {
          fs.freereg = reg;
          this.call(e, 1);
          fs.freereg = reg + 1;
        } else {
          const base = this.call(e, 1);
          fs.emitABC(OP.MOVE, reg, base, 0);
          fs.freereg = base;
        }
        return;
      }
      case 'Table': {
        if (top) this.table(e, reg);
        else this.throughTemp(reg, (t) => this.table(e, t));
        return;
      }
      default: {
        // constants, operators
        const cv = this.constValue(e);
        if (cv !== NOCONST) {
          fs.line = e.line;
          this.loadConst(reg, cv);
        } else if (e.kind === 'Unary') {
          this.unary(e, reg);
        } else if (e.kind === 'Binary') {
          this.binary(e, reg, fresh);
        }
      }
    }
  }

  /** Compile a value into a new temporary with `load`, then move it to reg. */
  private throughTemp(reg: number, load: (t: number) => void): void {
    const fs = this.fs;
    const save = fs.freereg;
    const t = fs.reserve(1);
    load(t);
    fs.emitABC(OP.MOVE, reg, t, 0);
    fs.freereg = save;
  }

  private loadConst(reg: number, v: LuaValue): void {
    const fs = this.fs;
    if (v === undefined) fs.emitABC(OP.LOADNIL, reg, 0, 0);
    else if (v === true) fs.emitABC(OP.LOADTRUE, reg, 0, 0);
    else if (v === false) fs.emitABC(OP.LOADFALSE, reg, 0, 0);
    else if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < OFFSET_sBx) fs.emit(mkAsBx(OP.LOADI, reg, v));
    // strings, and numbers that do not fit LOADI: integral floats are constants too, LOADK
    // shares one immutable box
    else fs.emitLoadK(reg, fs.addK(v));
  }

  /**
   * The key operand of an indexing and its kind: a string constant (KEY_STRING, its constant
   * index), a small non-negative integer (KEY_INT) or else a register (KEY_REG, loaded here).
   */
  private keyOperand(key: A.Expr): [number, number] {
    if (key.kind === 'String') {
      const kidx = this.fs.addK(key.value);
      if (kidx <= MAXARG_C) return [KEY_STRING, kidx];
    }
    if (key.kind === 'Number' && key.isInt && typeof key.value === 'number' && key.value >= 0 && key.value <= MAXARG_C) {
      return [KEY_INT, key.value];
    }
    return [KEY_REG, this.exp2anyreg(key)];
  }

  /** R[reg] := R[t][key] */
  private getIndexed(reg: number, t: number, key: A.Expr): void {
    const fs = this.fs;
    const save = fs.freereg;
    const [kind, k] = this.keyOperand(key);
    fs.line = key.line;
    fs.emitABC(GET_OPS[kind], reg, t, k);
    fs.freereg = save;
  }

  /** A register holding e's value: a local's own register, or a new temporary. */
  exp2anyreg(e: A.Expr): number {
    const fs = this.fs;
    if (e.kind === 'Name') {
      const r = this.resolve(e.name);
      if (r.kind === 'local') return r.v.reg;
    } else if (e.kind === 'Paren' && e.expr.kind === 'Name') {
      return this.exp2anyreg(e.expr);
    }
    const reg = fs.reserve(1);
    this.exp2reg(e, reg);
    return reg;
  }

  /** Put e's value into a new register on top of the stack. */
  private exp2nextreg(e: A.Expr): void {
    const r = this.fs.reserve(1);
    this.exp2reg(e, r);
    this.fs.freereg = r + 1;
  }

  /** e is a local variable (exp2anyreg gives its register without code). */
  private isLocalExpr(e: A.Expr): boolean {
    if (e.kind === 'Paren') e = e.expr;
    return e.kind === 'Name' && this.resolve(e.name).kind === 'local';
  }

  /** A constant index (isK) when e is a constant that fits an 8-bit operand, else a register. */
  private exp2RK(e: A.Expr): RK {
    const v = this.constValue(e);
    if (v !== NOCONST) {
      const idx = this.fs.addK(v);
      if (idx <= MAXARG_C) return { isK: true, idx };
    }
    return { isK: false, idx: this.exp2anyreg(e) };
  }

  private unary(e: A.UnaryExpr, reg: number): void {
    const fs = this.fs;
    const save = fs.freereg;
    const r = this.exp2anyreg(e.operand);
    fs.line = e.line;
    fs.emitABC(UNARY_OPS[e.op], reg, r, 0);
    fs.freereg = save;
  }

  private binary(e: A.BinaryExpr, reg: number, fresh: boolean): void {
    const fs = this.fs;
    const op = e.op;
    if (op === 'and' || op === 'or') {
      const lc = this.constValue(e.left);
      // a constant left operand that does not decide the value disappears
      if (lc !== NOCONST && isTruthy(lc) === (op === 'and')) {
        this.exp2reg(e.right, reg);
        return;
      }
      if (!fresh) {
        this.throughTemp(reg, (t) => this.binary(e, t, true));
        return;
      }
      // value of the left operand decides; it stays in reg when it is the result
      const save = fs.freereg;
      if (isBoolean(e.left)) {
        // left is a boolean: test it with jumps and materialise it only on the exit path
        const jl = this.condJump(e.left, op === 'or');
        this.exp2reg(e.right, reg);
        fs.freereg = save;
        const skip = fs.emitJump();
        fs.patchToHere(jl);
        fs.line = e.line;
        fs.emitABC(op === 'or' ? OP.LOADTRUE : OP.LOADFALSE, reg, 0, 0);
        fs.patchToHere([skip]);
        return;
      }
      // left-deep chains (a or b or c ...) are walked iteratively: each node's exits land
      // right after its own right operand
      const spine: A.BinaryExpr[] = [];
      let x: A.Expr = e;
      while (x.kind === 'Binary' && (x.op === 'and' || x.op === 'or') && spine.length < 1000000) {
        spine.push(x);
        x = x.left;
        if (isBoolean(x)) break;
      }
      if (x.kind === 'Binary' && (x.op === 'and' || x.op === 'or')) this.binary(x, reg, true);
      else this.exp2reg(x, reg);
      fs.freereg = Math.max(save, reg + 1);
      for (let j = spine.length - 1; j >= 0; j--) {
        const node = spine[j];
        fs.line = node.line;
        fs.emitABC(OP.TEST, reg, 0, 0, node.op === 'and' ? 0 : 1);
        const exit = fs.emitJump();
        this.exp2reg(node.right, reg);
        fs.freereg = Math.max(save, reg + 1);
        fs.patchToHere([exit]);
      }
      fs.freereg = save;
    } else if (COMPARISONS.has(op)) {
      const jt = this.condJump(e, true);
      fs.line = e.line;
      fs.emitABC(OP.LFALSESKIP, reg, 0, 0);
      fs.patchToHere(jt);
      fs.emitABC(OP.LOADTRUE, reg, 0, 0);
    } else if (op === '..') {
      this.concat(e, reg, fresh);
    } else {
      this.arithChain(e, reg, fresh);
    }
  }

  /** a .. b .. c ...: the whole right-associative chain in consecutive registers. */
  private concat(e: A.BinaryExpr, reg: number, fresh: boolean): void {
    const fs = this.fs;
    const nodes: A.BinaryExpr[] = [];
    let x: A.Expr = e;
    while (x.kind === 'Binary' && x.op === '..') {
      nodes.push(x);
      x = x.right;
    }
    const save = fs.freereg;
    const base = fresh && reg === fs.freereg - 1 ? reg : fs.reserve(1);
    // an operand is loaded when the '..' after it is read
    let pc0 = fs.pc();
    this.exp2reg(e.left, base);
    for (let i = 0; i < nodes.length; i++) {
      this.operatorLine(nodes[i].left, pc0, nodes[i].line);
      pc0 = fs.pc();
      this.exp2reg(i + 1 < nodes.length ? nodes[i + 1].left : x, fs.reserve(1));
    }
    // the instruction takes the line of the last '..'
    fs.line = nodes[nodes.length - 1].line;
    fs.emitABC(OP.CONCAT, base, nodes.length + 1, 0);
    if (base !== reg) fs.emitABC(OP.MOVE, reg, base, 0);
    fs.freereg = save;
  }

  /**
   * x op1 y op2 z ...: a left-deep chain of arithmetic operators (often one), compiled
   * without recursion; the intermediate results of a chain go to one temporary (reg itself
   * when it is the top register).
   */
  private arithChain(e: A.BinaryExpr, reg: number, fresh: boolean): void {
    const fs = this.fs;
    const spine: A.BinaryExpr[] = [];
    let x: A.Expr = e;
    while (x.kind === 'Binary' && ARITH_OPS.includes(x.op)) {
      spine.push(x);
      x = x.left;
    }
    const save = fs.freereg;
    const top = fresh && reg === fs.freereg - 1;
    const t = top || spine.length === 1 ? reg : fs.reserve(1);
    const pc0 = fs.pc();
    // as in the reference, a left operand that needs a register gets the destination when
    // that is a fresh temporary (debug.getlocal sees the same temporaries)
    let b: number;
    if ((top || spine.length > 1) && !this.isLocalExpr(x)) {
      this.exp2reg(x, t);
      b = t;
    } else {
      b = this.exp2anyreg(x);
    }
    this.operatorLine(x, pc0, spine[spine.length - 1].line);
    for (let j = spine.length - 1; j >= 0; j--) {
      this.arith(spine[j], j === 0 ? reg : t, b);
      b = t;
      fs.freereg = Math.max(save, t + 1);
    }
    fs.freereg = save;
  }

  /**
   * The reference reads a binary operator before it loads a left operand that is a variable
   * or a constant (luaK_infix), so that load takes the operator's line: give it that line
   * when x's code (from pc0) ends with it.
   */
  private operatorLine(x: A.Expr, pc0: number, line: number): void {
    const fs = this.fs;
    if (fs.pc() === pc0) return;
    switch (x.kind) {
      case 'Index': case 'Name': case 'Nil': case 'True': case 'False': case 'Number': case 'String':
        fs.lines[fs.lines.length - 1] = line;
    }
  }

  /** R[reg] := R[b] op right, for an arithmetic/bitwise node whose left value is in b. */
  private arith(e: A.BinaryExpr, reg: number, b: number): void {
    const fs = this.fs;
    const save = fs.freereg;
    const [opcode, c, k] = this.arithOperand(e);
    fs.line = e.line;
    fs.emitABC(opcode, reg, b, c, k);
    fs.freereg = save;
  }

  /**
   * The instruction for an arithmetic/bitwise node with its C and k operands: the right
   * operand as an immediate, a constant or a register (loaded here).
   */
  private arithOperand(e: A.BinaryExpr): [number, number, number] {
    const op = e.op;
    const ar = ARITH_OPS.indexOf(op);
    const cv = this.constValue(e.right);
    const imm = immediate(cv);
    if ((op === '+' || op === '-') && imm !== null && Math.abs(imm) < OFFSET_sC) {
      // x - c is x + (-c) (so -0.0 - 0 is 0.0, as in the reference); k marks a
      // subtraction, whose metamethod is __sub with the original operand
      return [OP.ADDI, (op === '+' ? imm : 0 - imm) + OFFSET_sC, op === '-' ? 1 : 0];
    }
    if (imm !== null && (op === '>>' ? imm >= 0 : op === '<<' && imm > 0)) {
      // SHRI: x >> c with c >= 0, and x << c (c > 0) as a negative right shift; the
      // sign of the immediate tells which metamethod applies (__shr or __shl), so the
      // other cases take the generic instructions
      return [OP.SHRI, (op === '>>' ? imm : -imm) + OFFSET_sC, 0];
    }
    if (isNum(cv) && ar < AR.SHL && (ar < AR.BAND || typeof cv !== 'object')) {
      // a numeric constant (the bitwise operators take integers only)
      const kidx = this.fs.addK(cv);
      if (kidx <= MAXARG_C) return [OP.ADDK + ar, kidx, 0];
    }
    return [OP.ADD + ar, this.exp2anyreg(e.right), 0];
  }

  /**
   * Emit code that jumps when the truthiness of e equals `jumpIf` and falls through
   * otherwise; returns the jumps to patch. A value tested with TEST takes `testLine`.
   */
  condJump(e: A.Expr, jumpIf: boolean, testLine = e.line): number[] {
    const fs = this.fs;
    switch (e.kind) {
      case 'Nil': case 'False': case 'True': case 'Number': case 'String': {
        const truthy = e.kind !== 'Nil' && e.kind !== 'False';
        return truthy === jumpIf ? [fs.emitJump()] : [];
      }
      case 'Paren':
        if (!isMulti(e.expr)) return this.condJump(e.expr, jumpIf);
        break;
      case 'Unary':
        if (e.op === 'not') return this.condJump(e.operand, !jumpIf);
        break;
      case 'Binary': {
        const op = e.op;
        if (op === 'and' || op === 'or') {
          // flatten a left-deep chain of the same operator: x1 op x2 op ... op xn
          const operands: A.Expr[] = [];
          let x: A.Expr = e;
          while (x.kind === 'Binary' && x.op === op) {
            operands.push(x.right);
            x = x.left;
          }
          operands.push(x);
          operands.reverse();
          const last = operands.pop()!;
          // every operand but the last jumps out when it decides the value (when false for
          // 'and', true for 'or'): to the end of the chain if that is not where e jumps
          const decides = op === 'or';
          const exits: number[] = [];
          for (const operand of operands) for (const pc of this.condJump(operand, decides)) exits.push(pc);
          const jumps = this.condJump(last, jumpIf);
          if (jumpIf === decides) return exits.concat(jumps);
          fs.patchToHere(exits);
          return jumps;
        }
        if (COMPARISONS.has(op)) return [this.compare(e, jumpIf)];
        break;
      }
    }
    const save = fs.freereg;
    const r = this.exp2anyreg(e);
    fs.line = testLine;
    fs.emitABC(OP.TEST, r, 0, 0, jumpIf ? 1 : 0);
    fs.freereg = save;
    return [fs.emitJump()];
  }

  /** Emit a comparison followed by its jump; the jump is taken when the result == jumpIf. */
  private compare(e: A.BinaryExpr, jumpIf: boolean): number {
    const fs = this.fs;
    const save = fs.freereg;
    const op = e.op;
    let opcode: number;
    let a: number;
    let b: number;
    if (op === '==' || op === '~=') {
      let l = e.left;
      let r = e.right;
      // a constant goes to the right
      if (this.constValue(l) !== NOCONST && this.constValue(r) === NOCONST) [l, r] = [r, l];
      a = this.exp2anyreg(l);
      const cv = this.constValue(r);
      const imm = immediate(cv);
      fs.line = e.line;
      const kidx = cv === NOCONST || imm !== null ? -1 : fs.addK(cv);
      if (imm !== null) {
        opcode = OP.EQI;
        b = imm + OFFSET_sC;
      } else if (kidx >= 0 && kidx <= MAXARG_C) {
        opcode = OP.EQK;
        b = kidx;
      } else {
        opcode = OP.EQ;
        b = this.exp2anyreg(r);
        // (a constant loaded into a register keeps the line it was loaded with)
        if (cv === NOCONST) fs.line = e.line;
      }
    } else {
      // a > b is b < a, a >= b is b <= a
      const swap = op === '>' || op === '>=';
      const l = swap ? e.right : e.left;
      const r = swap ? e.left : e.right;
      const strict = op === '<' || op === '>';
      const ir = immediate(this.constValue(r));
      const il = immediate(this.constValue(l));
      if (ir !== null) {
        a = this.exp2anyreg(l);
        b = ir + OFFSET_sC;
        opcode = strict ? OP.LTI : OP.LEI;
      } else if (il !== null) {
        // imm < x is x > imm
        a = this.exp2anyreg(r);
        b = il + OFFSET_sC;
        opcode = strict ? OP.GTI : OP.GEI;
      } else {
        // operands are evaluated in source order even when swapped
        const first = this.exp2anyreg(e.left);
        const second = this.exp2anyreg(e.right);
        a = swap ? second : first;
        b = swap ? first : second;
        opcode = strict ? OP.LT : OP.LE;
      }
      fs.line = e.line;
    }
    fs.emitABC(opcode, a, b, 0, jumpIf !== (op === '~=') ? 1 : 0);
    fs.freereg = save;
    return fs.emitJump();
  }

  /**
   * Evaluate an expression list into consecutive registers from `base`. `want` is the number
   * of values wanted (-1: all, leaving the multiple results of a final call/vararg up to the
   * stack top). Returns true when the last expression left an open (multret) result.
   * On return freereg = base + want (or base when want is -1).
   */
  explist(exprs: readonly A.Expr[], base: number, want: number): boolean {
    const fs = this.fs;
    const n = exprs.length;
    fs.freereg = base;
    if (n === 0) {
      if (want > 0) {
        fs.emitABC(OP.LOADNIL, base, want - 1, 0);
        fs.reserve(want);
      }
      return false;
    }
    for (let i = 0; i < n - 1; i++) this.exp2nextreg(exprs[i]);
    const last = exprs[n - 1];
    if (!isMulti(last)) {
      this.exp2nextreg(last);
      if (n < want) fs.emitABC(OP.LOADNIL, base + n, want - n - 1, 0);
    } else if (want >= 0 && want < n) {
      // the value is not used, but the call still runs
      const r = fs.reserve(1);
      if (last.kind !== 'Vararg') {
        fs.freereg = r;
        this.call(last, 0);
      }
    } else {
      this.multiResults(last, want < 0 ? -1 : want - (n - 1));
    }
    if (want < 0) {
      fs.freereg = base;
      return isMulti(last);
    }
    fs.freereg = base + want;
    if (fs.freereg > fs.proto.maxstack) fs.reserve(0);
    return false;
  }

  /**
   * Compile a call or `...` at freereg for `nres` results (-1: all, up to the stack top);
   * leaves freereg past the results.
   */
  private multiResults(e: A.CallExpr | A.MethodCallExpr | A.VarargExpr, nres: number): void {
    const fs = this.fs;
    if (e.kind === 'Vararg') {
      const r = fs.freereg;
      fs.line = e.line;
      fs.emitABC(OP.VARARG, r, 0, nres + 1);
      fs.ensureStack(r + 1);
      if (nres > 0) fs.reserve(nres);
    } else {
      this.call(e, nres);
    }
  }

  /**
   * Compile a call at freereg with `nres` results (-1: all). Returns the base register (where
   * the function was and where the results start). Leaves freereg = base + max(nres, 0).
   */
  call(e: A.CallExpr | A.MethodCallExpr, nres: number): number {
    const fs = this.fs;
    const base = fs.freereg;
    if (e.kind === 'MethodCall') {
      const obj = this.exp2anyreg(e.obj);
      fs.freereg = base;
      fs.reserve(2);
      const kidx = fs.addK(e.name);
      fs.line = e.nameLine;
      if (kidx <= MAXARG_C) {
        fs.emitABC(OP.SELF, base, obj, kidx, 1);
      } else {
        const kr = fs.reserve(1);
        fs.emitLoadK(kr, kidx);
        fs.emitABC(OP.SELF, base, obj, kr, 0);
        fs.freereg = base + 2;
      }
    } else {
      // (not exp2nextreg: a chain of calls f()()... recurses here, one frame less per call)
      this.exp2reg(e.func, fs.reserve(1));
      fs.freereg = base + 1;
    }
    const args = e.args;
    const last = args.length > 0 ? args[args.length - 1] : null;
    const open = last !== null && isMulti(last);
    for (let i = 0; i < args.length - (open ? 1 : 0); i++) this.exp2nextreg(args[i]);
    // B: the function and its arguments, or 0 for arguments up to the stack top
    const b = fs.freereg - base;
    if (open) this.multiResults(last, -1);
    fs.line = e.line;
    fs.emitABC(OP.CALL, base, open ? 0 : b, nres + 1);
    fs.freereg = base + (nres > 0 ? nres : 0);
    fs.ensureStack(fs.freereg);
    return base;
  }

  /** Table constructor into reg (reg is the top register). */
  private table(e: A.TableExpr, reg: number): void {
    const fs = this.fs;
    fs.line = e.line;
    const pc = fs.emitABC(OP.NEWTABLE, reg, 0, 0);
    fs.emit(mkAx(OP.EXTRAARG, 0));
    let narr = 0;
    let nhash = 0;
    let pending = 0; // positional items waiting in registers reg+1..
    let flushed = 0; // positional items already stored
    // R[reg][flushed+i] := R[reg+i], 1 <= i <= n (n = 0: up to the top)
    const flush = (n: number): void => {
      if (flushed <= MAXARG_C) {
        fs.emitABC(OP.SETLIST, reg, n, flushed, 0);
      } else {
        fs.emitABC(OP.SETLIST, reg, n, 0, 1);
        fs.emit(mkAx(OP.EXTRAARG, flushed));
      }
      flushed += n;
      pending = 0;
      fs.freereg = reg + 1;
    };
    const items = e.items;
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      if (it.type !== 'positional') {
        nhash++;
        const save = fs.freereg;
        const key = it.type === 'named' ? { kind: 'String', value: it.key, line: it.line } as const : it.key;
        const target = this.indexTarget(reg, key, null);
        const v = this.exp2RK(it.value);
        fs.line = it.line;
        this.storeRK(target, v);
        fs.freereg = save;
      } else if (i === items.length - 1 && isMulti(it.value)) {
        this.multiResults(it.value, -1);
        fs.line = it.line;
        flush(0);
      } else {
        this.exp2nextreg(it.value);
        pending++;
        narr++;
        if (pending === LFIELDS_PER_FLUSH) {
          fs.line = it.line;
          flush(pending);
        }
      }
    }
    if (pending > 0) flush(pending);
    fs.code[pc] = mkABCk(OP.NEWTABLE, reg, Math.min(nhash, 255), Math.min(narr, 255), 0);
    fs.code[pc + 1] = mkAx(OP.EXTRAARG, narr);
  }
}

/** Compile a parsed chunk into its main Proto. */
export function compile(chunk: A.Chunk): Proto {
  return new Compiler(chunk.chunkname).compileChunk(chunk);
}

