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
  OP, mkABCk, getOp, getA, getB, getC, MAXARG_Bx, MAXARG_C, OFFSET_sBx, OFFSET_sC, LFIELDS_PER_FLUSH,
  mkAx,
} from '../vm/opcodes.js';
import {
  FuncState, CompileError, VAR_REGULAR, VAR_CONST, VAR_CLOSE, MAXUPVAL,
} from './funcstate.js';
import type { BlockCnt, LabelDesc, VarDesc } from './funcstate.js';

export { CompileError } from './funcstate.js';

type Resolved =
  | { kind: 'local'; v: VarDesc }
  | { kind: 'upval'; idx: number }
  | { kind: 'global' };

/** An assignment target after its prefix (table and key) has been evaluated. */
type Target =
  | { kind: 'local'; reg: number; name: string }
  | { kind: 'upval'; idx: number }
  | { kind: 'index'; t: number; tIsUp: boolean; key: number; keyKind: 'str' | 'int' | 'reg' };

const ARITH_OPS: Record<string, number> = {
  '+': OP.ADD, '-': OP.SUB, '*': OP.MUL, '%': OP.MOD, '^': OP.POW, '/': OP.DIV, '//': OP.IDIV,
  '&': OP.BAND, '|': OP.BOR, '~': OP.BXOR, '<<': OP.SHL, '>>': OP.SHR,
};
const ARITHK_OPS: Record<string, number> = {
  '+': OP.ADDK, '-': OP.SUBK, '*': OP.MULK, '%': OP.MODK, '^': OP.POWK, '/': OP.DIVK, '//': OP.IDIVK,
  '&': OP.BANDK, '|': OP.BORK, '~': OP.BXORK,
};

const FOLD_OPS: Record<string, number> = {
  '+': AR.ADD, '-': AR.SUB, '*': AR.MUL, '%': AR.MOD, '^': AR.POW, '/': AR.DIV, '//': AR.IDIV,
  '&': AR.BAND, '|': AR.BOR, '~': AR.BXOR, '<<': AR.SHL, '>>': AR.SHR,
};

/** a op b on numeric constants, or NOCONST when folding could change what happens. */
function foldArith(op: number, a: LuaValue, b: LuaValue): LuaValue | typeof NOCONST {
  if (!isNum(a) || !isNum(b)) return NOCONST;
  let r: LuaValue;
  try {
    r = arith(op, a, b);
  } catch {
    return NOCONST; // division by zero: raised at run time
  }
  if (typeof r === 'symbol') return NOCONST;
  if (r instanceof LuaFloat ? r.n === 0 : (typeof r === 'number' && !Number.isInteger(r) && r !== r)) return NOCONST;
  return r;
}

function isMulti(e: A.Expr): boolean {
  return e.kind === 'Call' || e.kind === 'MethodCall' || e.kind === 'Vararg';
}

/** Value of a constant expression, or NOCONST. */
const NOCONST = Symbol('noconst');

function numberValue(e: A.NumberExpr): LuaValue {
  if (e.isInt) return e.value;
  const n = e.value as number;
  return Number.isInteger(n) ? new LuaFloat(n) : n;
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
    fs.proto.linedefined = 0;
    fs.proto.lastlinedefined = 0;
    // the main function's only upvalue is _ENV
    fs.proto.upvalNames.push('_ENV');
    fs.proto.upvalInStack.push(true);
    fs.proto.upvalIdx.push(0);
    fs.proto.upvalKind.push(VAR_REGULAR);
    const bl = this.enterBlock(false);
    fs.line = 1;
    fs.emitABC(OP.VARARGPREP, 0, 0, 0);
    this.block(chunk.body);
    // the final return takes the line of the last token (not of the end of the source)
    fs.line = chunk.lastLine;
    this.leaveBlock(bl, chunk.endLine);
    fs.line = chunk.lastLine;
    fs.emitABC(OP.RETURN, 0, 1, 0);
    return this.closeFunction();
  }

  // ---- functions -------------------------------------------------------------------------

  private openFunction(prev: FuncState | null, line: number): FuncState {
    const labels: LabelDesc[] = [];
    const gotos: LabelDesc[] = [];
    const fs = new FuncState(prev, this.source, labels, gotos);
    fs.proto.linedefined = line;
    fs.line = line;
    this.fs = fs;
    return fs;
  }

  private closeFunction(): Proto {
    const fs = this.fs;
    if (fs.needclose) {
      // returns must close upvalues: turn the fast forms into the general one
      const code = fs.code;
      for (let pc = 0; pc < code.length; pc++) {
        const op = getOp(code[pc]);
        if (op === OP.RETURN0) code[pc] = mkABCk(OP.RETURN, 0, 1, 0, 1);
        else if (op === OP.RETURN1) code[pc] = mkABCk(OP.RETURN, getA(code[pc]), 2, 0, 1);
        else if (op === OP.RETURN || op === OP.TAILCALL) {
          const i = code[pc];
          code[pc] = mkABCk(op, getA(i), getB(i), getC(i), 1);
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
    const params = f.params.map((n) => fs.newLocal(n, VAR_REGULAR));
    fs.activate(params);
    p.numparams = params.length;
    fs.reserve(params.length);
    if (f.isVararg) fs.emitABC(OP.VARARGPREP, params.length, 0, 0);
    this.block(f.body);
    fs.line = f.endLine;
    this.leaveBlock(bl, f.endLine);
    fs.emitABC(OP.RETURN0, 0, 1, 0);
    const child = this.closeFunction();
    const idx = parent.proto.p.length;
    parent.proto.p.push(child);
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
    let hasClose = false;
    if (bl.isLoop) hasClose = this.createLabel('break', 0, false);
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

  /**
   * Define a label at the current pc and resolve the pending gotos of the current block that
   * jump to it. `last`: the label is the last statement of its block, so it counts as outside
   * the scope of the block's locals (§3.3.4). Returns true when it emitted a CLOSE.
   */
  private createLabel(name: string, line: number, last: boolean): boolean {
    const fs = this.fs;
    const bl = fs.bl!;
    const l: LabelDesc = {
      name, pc: fs.label(), line, nactvar: last ? bl.nactvar : fs.actvar.length, close: false,
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

  private findLabel(name: string): LabelDesc | null {
    const fs = this.fs;
    for (let i = fs.labels.length - 1; i >= 0; i--) {
      if (fs.labels[i].name === name) return fs.labels[i];
    }
    return null;
  }

  // ---- statements ------------------------------------------------------------------------

  private block(b: A.Block): void {
    const stats = b.stats;
    for (let i = 0; i < stats.length; i++) {
      const s = stats[i];
      if (s.kind === 'Label') {
        // a label followed only by void statements (labels) is at the end of the block
        let last = true;
        for (let j = i + 1; j < stats.length; j++) {
          if (stats[j].kind !== 'Label') { last = false; break; }
        }
        this.labelStat(s, last && !this.inRepeatBody);
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
      case 'CallStat': {
        const base = this.call(s.call, 0);
        fs.freereg = base;
        break;
      }
      case 'Do': {
        const bl = this.enterBlock(false);
        this.block(s.body);
        this.leaveBlock(bl, s.body.endLine);
        break;
      }
      case 'While': this.whileStat(s); break;
      case 'Repeat': this.repeatStat(s); break;
      case 'If': this.ifStat(s); break;
      case 'NumericFor': this.numericFor(s); break;
      case 'GenericFor': this.genericFor(s); break;
      case 'FunctionStat': {
        if (s.target.kind === 'Name') this.checkReadonly(s.target);
        const target = this.evalTarget(s.target, null);
        const r = fs.reserve(1);
        this.functionBody(s.func, r);
        fs.line = s.func.line;
        this.store(target, r, false);
        break;
      }
      case 'LocalFunction': {
        const v = fs.newLocal(s.name, VAR_REGULAR);
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
      case 'Label': this.labelStat(s, false); break;
    }
    this.inRepeatBody = saveRepeat;
  }

  private labelStat(s: A.LabelStat, last: boolean): void {
    const prev = this.findLabel(s.name);
    if (prev !== null) {
      throw new CompileError(`label '${s.name}' already defined on line ${prev.line}`, s.line);
    }
    this.fs.line = s.line;
    this.createLabel(s.name, s.line, last);
  }

  private gotoStat(name: string, line: number): void {
    const fs = this.fs;
    fs.line = line;
    const lb = name === 'break' ? null : this.findLabel(name);
    if (lb === null) {
      // forward jump (or break): resolved when the label appears
      const pc = fs.emitJump();
      fs.gotos.push({ name, pc, line, nactvar: fs.actvar.length, close: false });
    } else {
      // backward jump: close the variables it leaves
      if (fs.actvar.length > lb.nactvar) fs.emitABC(OP.CLOSE, lb.nactvar, 0, 0);
      const pc = fs.emitJump();
      fs.patchJump(pc, lb.pc);
    }
  }

  private localStat(s: A.LocalStat): void {
    const fs = this.fs;
    const vars: VarDesc[] = [];
    let tbc = -1;
    for (let i = 0; i < s.names.length; i++) {
      const n = s.names[i];
      const kind = n.attrib === 'const' ? VAR_CONST : n.attrib === 'close' ? VAR_CLOSE : VAR_REGULAR;
      if (kind === VAR_CLOSE) tbc = i;
      vars.push(fs.newLocal(n.name, kind));
    }
    const base = fs.freereg;
    this.explist(s.exprs, base, vars.length);
    fs.line = s.line;
    fs.activate(vars);
    fs.freereg = fs.nvarstack();
    if (tbc >= 0) {
      const bl = fs.bl!;
      bl.upval = true;
      bl.insideTbc = true;
      fs.needclose = true;
      fs.emitABC(OP.TBC, vars[tbc].reg, 0, 0);
    }
  }

  private checkReadonly(e: A.NameExpr): void {
    const r = this.resolve(this.fs, e.name, true);
    let kind = VAR_REGULAR;
    if (r.kind === 'local') kind = r.v.kind;
    else if (r.kind === 'upval') kind = this.fs.proto.upvalKind[r.idx];
    if (kind !== VAR_REGULAR) {
      throw new CompileError(`attempt to assign to const variable '${e.name}'`, e.line);
    }
  }

  private assignStat(s: A.AssignStat): void {
    const fs = this.fs;
    for (const t of s.targets) if (t.kind === 'Name') this.checkReadonly(t);
    if (s.targets.length === 1 && s.exprs.length === 1) {
      const t = s.targets[0];
      const e = s.exprs[0];
      if (t.kind === 'Name') {
        const r = this.resolve(fs, t.name, true);
        if (r.kind === 'local') {
          this.exp2reg(e, r.v.reg);
          return;
        }
      }
      const target = this.evalTarget(t, null);
      const save = fs.freereg;
      const rk = this.exp2RK(e);
      fs.line = s.lastLine;
      this.storeRK(target, rk);
      fs.freereg = save;
      return;
    }
    // general case: locals assigned by this statement must not be read by later targets'
    // prefixes after they change, so prefixes that are such locals are copied first
    const assignedLocals = new Set<number>();
    for (const t of s.targets) {
      if (t.kind === 'Name') {
        const r = this.resolve(fs, t.name, true);
        if (r.kind === 'local') assignedLocals.add(r.v.reg);
      }
    }
    const targets: Target[] = [];
    for (const t of s.targets) targets.push(this.evalTarget(t, assignedLocals));
    const base = fs.freereg;
    const n = targets.length;
    this.explist(s.exprs, base, n);
    fs.line = s.lastLine;
    for (let i = n - 1; i >= 0; i--) this.store(targets[i], base + i, false);
  }

  /** Evaluate the prefix of an assignment target (table and key). */
  private evalTarget(t: A.NameExpr | A.IndexExpr, conflict: Set<number> | null): Target {
    const fs = this.fs;
    if (t.kind === 'Name') {
      const r = this.resolve(fs, t.name, true);
      if (r.kind === 'local') return { kind: 'local', reg: r.v.reg, name: t.name };
      if (r.kind === 'upval') return { kind: 'upval', idx: r.idx };
      const env = this.resolve(fs, '_ENV', true);
      const kidx = fs.addK(t.name);
      if (env.kind === 'upval' && kidx <= MAXARG_C) {
        return { kind: 'index', t: env.idx, tIsUp: true, key: kidx, keyKind: 'str' };
      }
      let treg: number;
      if (env.kind === 'local') treg = env.v.reg;
      else {
        treg = fs.reserve(1);
        this.loadVar(env, '_ENV', treg);
      }
      return this.indexTarget(treg, { kind: 'String', value: t.name, line: t.line }, conflict);
    }
    let treg = this.exp2anyreg(t.obj);
    if (conflict !== null && conflict.has(treg)) {
      const r = fs.reserve(1);
      fs.emitABC(OP.MOVE, r, treg, 0);
      treg = r;
    }
    return this.indexTarget(treg, t.key, conflict);
  }

  private indexTarget(treg: number, key: A.Expr, conflict: Set<number> | null): Target {
    const fs = this.fs;
    if (key.kind === 'String') {
      const kidx = fs.addK(key.value);
      if (kidx <= MAXARG_C) return { kind: 'index', t: treg, tIsUp: false, key: kidx, keyKind: 'str' };
    }
    if (key.kind === 'Number' && key.isInt && typeof key.value === 'number' && key.value >= 0 && key.value <= MAXARG_C) {
      return { kind: 'index', t: treg, tIsUp: false, key: key.value, keyKind: 'int' };
    }
    let kreg = this.exp2anyreg(key);
    if (conflict !== null && conflict.has(kreg)) {
      const r = fs.reserve(1);
      fs.emitABC(OP.MOVE, r, kreg, 0);
      kreg = r;
    }
    return { kind: 'index', t: treg, tIsUp: false, key: kreg, keyKind: 'reg' };
  }

  /** Store register `src` into a target. */
  private store(t: Target, src: number, _k: boolean): void {
    this.storeRK(t, { isK: false, idx: src });
  }

  private storeRK(t: Target, v: { isK: boolean; idx: number }): void {
    const fs = this.fs;
    const k = v.isK ? 1 : 0;
    switch (t.kind) {
      case 'local':
        if (v.isK) fs.emitLoadK(t.reg, v.idx);
        else if (t.reg !== v.idx) fs.emitABC(OP.MOVE, t.reg, v.idx, 0);
        return;
      case 'upval': {
        let src = v.idx;
        if (v.isK) {
          src = fs.reserve(1);
          fs.emitLoadK(src, v.idx);
        }
        fs.emitABC(OP.SETUPVAL, src, t.idx, 0);
        return;
      }
      case 'index':
        if (t.tIsUp) fs.emitABC(OP.SETTABUP, t.t, t.key, v.idx, k);
        else if (t.keyKind === 'str') fs.emitABC(OP.SETFIELD, t.t, t.key, v.idx, k);
        else if (t.keyKind === 'int') fs.emitABC(OP.SETI, t.t, t.key, v.idx, k);
        else fs.emitABC(OP.SETTABLE, t.t, t.key, v.idx, k);
    }
  }

  private whileStat(s: A.WhileStat): void {
    const fs = this.fs;
    const top = fs.label();
    const exits = this.condJump(s.cond, false);
    const bl = this.enterBlock(true);
    const inner = this.enterBlock(false);
    this.block(s.body);
    // the jump back takes the line of the body's last token
    fs.line = s.body.lastLine;
    this.leaveBlock(inner, s.body.endLine);
    fs.line = s.body.lastLine;
    fs.patchJump(fs.emitJump(), top);
    fs.patchToHere(exits);
    this.leaveBlock(bl, s.body.endLine);
  }

  private repeatStat(s: A.RepeatStat): void {
    const fs = this.fs;
    const top = fs.label();
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
      fs.patchJump(fs.emitJump(), top);
      fs.patchToHere(exits);
    } else {
      const back = this.condJump(s.cond, false);
      for (const pc of back) fs.patchJump(pc, top);
    }
    this.leaveBlock(scope, s.body.endLine);
    this.leaveBlock(loop, s.body.endLine);
  }

  private ifStat(s: A.IfStat): void {
    const fs = this.fs;
    const ends: number[] = [];
    for (let i = 0; i < s.clauses.length; i++) {
      const c = s.clauses[i];
      fs.line = c.line;
      let next: number[];
      let bl: BlockCnt;
      const first = c.body.stats.length > 0 ? c.body.stats[0] : null;
      if (first !== null && first.kind === 'Break') {
        // 'if cond then break': the jumps taken when cond is true are the break itself
        // (test_then_block of the reference), so no jump skips over a jump
        const brk = this.condJump(c.cond, true, c.thenLine);
        bl = this.enterBlock(false);
        for (const pc of brk) {
          fs.gotos.push({ name: 'break', pc, line: first.line, nactvar: fs.actvar.length, close: false });
        }
        if (c.body.stats.length === 1) {
          // a false condition falls through to what follows the clause
          this.leaveBlock(bl, c.body.endLine);
          continue;
        }
        fs.line = first.line;
        next = [fs.emitJump()];
        this.block({ stats: c.body.stats.slice(1), endLine: c.body.endLine, lastLine: c.body.lastLine });
      } else {
        // the test of the condition takes the line of 'then'
        next = this.condJump(c.cond, false, c.thenLine);
        bl = this.enterBlock(false);
        this.block(c.body);
      }
      this.leaveBlock(bl, c.body.endLine);
      const more = i < s.clauses.length - 1 || s.orelse !== null;
      fs.line = c.body.lastLine;
      if (more && !this.endsWithJump(c.body)) ends.push(fs.emitJump());
      fs.patchToHere(next);
    }
    if (s.orelse !== null) {
      const bl = this.enterBlock(false);
      this.block(s.orelse);
      this.leaveBlock(bl, s.orelse.endLine);
    }
    fs.patchToHere(ends);
  }

  /** The block ends with an unconditional jump (return/break/goto): no jump over the rest. */
  private endsWithJump(b: A.Block): boolean {
    const last = b.stats[b.stats.length - 1];
    return last !== undefined && (last.kind === 'Return' || last.kind === 'Break' || last.kind === 'Goto')
      && false;
  }

  private numericFor(s: A.NumericForStat): void {
    const fs = this.fs;
    const loop = this.enterBlock(true);
    const base = fs.freereg;
    const hidden = [
      fs.newLocal('(for state)', VAR_REGULAR),
      fs.newLocal('(for state)', VAR_REGULAR),
      fs.newLocal('(for state)', VAR_REGULAR),
    ];
    this.exp2reg(s.start, fs.reserve(1));
    fs.freereg = base + 1;
    this.exp2reg(s.limit, fs.reserve(1));
    fs.freereg = base + 2;
    if (s.step !== null) {
      this.exp2reg(s.step, fs.reserve(1));
      fs.freereg = base + 3;
    }
    else {
      const r = fs.reserve(1);
      fs.line = s.line;
      fs.emitAsBx(OP.LOADI, r, 1);
    }
    fs.activate(hidden);
    fs.line = s.line;
    const prep = fs.emitABx(OP.FORPREP, base, 0);
    const body = this.enterBlock(false);
    const v = fs.newLocal(s.varName, VAR_REGULAR);
    fs.activate([v]);
    fs.reserve(1);
    this.block(s.body);
    this.leaveBlock(body, s.body.endLine);
    fs.line = s.line;
    const loopPc = fs.emitABx(OP.FORLOOP, base, 0);
    // FORLOOP jumps back to prep+1; FORPREP skips past FORLOOP
    fs.code[loopPc] = mkABCk(OP.FORLOOP, base, 0, 0, 0) | ((loopPc - prep) << 15);
    fs.code[prep] = mkABCk(OP.FORPREP, base, 0, 0, 0) | ((loopPc - prep - 1) << 15);
    if (loopPc - prep > MAXARG_Bx) throw new CompileError('control structure too long', s.line);
    this.leaveBlock(loop, s.body.endLine);
  }

  private genericFor(s: A.GenericForStat): void {
    const fs = this.fs;
    const loop = this.enterBlock(true);
    const base = fs.freereg;
    const hidden = [
      fs.newLocal('(for state)', VAR_REGULAR),
      fs.newLocal('(for state)', VAR_REGULAR),
      fs.newLocal('(for state)', VAR_REGULAR),
      fs.newLocal('(for state)', VAR_REGULAR),
    ];
    this.explist(s.exprs, base, 4);
    fs.activate(hidden);
    fs.freereg = fs.nvarstack();
    // the closing value (4th) is to be closed when the loop ends
    loop.upval = true;
    loop.insideTbc = true;
    fs.needclose = true;
    // the loop instructions take the line where the expression list starts
    const line = s.exprs.length > 0 ? s.exprs[0].line : s.line;
    fs.line = line;
    const prep = fs.emitABx(OP.TFORPREP, base, 0);
    const body = this.enterBlock(false);
    const vars = s.names.map((n) => fs.newLocal(n, VAR_REGULAR));
    fs.activate(vars);
    fs.reserve(vars.length);
    this.block(s.body);
    this.leaveBlock(body, s.body.endLine);
    fs.line = line;
    // TFORCALL copies the iterator, state and control to R[A+4..A+6] to call it
    if (fs.proto.maxstack < base + 7) fs.proto.maxstack = base + 7;
    const callPc = fs.emitABC(OP.TFORCALL, base, 0, vars.length);
    fs.code[prep] = mkABCk(OP.TFORPREP, base, 0, 0, 0) | ((callPc - prep - 1) << 15);
    const loopPc = fs.pc();
    fs.emitABx(OP.TFORLOOP, base, loopPc - prep);
    this.leaveBlock(loop, s.body.endLine);
  }

  private returnStat(s: A.ReturnStat): void {
    const fs = this.fs;
    const exprs = s.exprs;
    fs.line = s.line;
    if (exprs.length === 0) {
      fs.emitABC(OP.RETURN0, 0, 1, 0);
      return;
    }
    const base = fs.freereg;
    if (exprs.length === 1) {
      const e = exprs[0];
      if ((e.kind === 'Call' || e.kind === 'MethodCall') && !fs.bl!.insideTbc) {
        // tail call
        const cbase = this.call(e, -1);
        const pc = fs.pc() - 1;
        const i = fs.code[pc];
        fs.code[pc] = mkABCk(OP.TAILCALL, getA(i), getB(i), 0, 0);
        fs.line = s.line;
        fs.emitABC(OP.RETURN, cbase, 0, 0);
        return;
      }
      if (!isMulti(e)) {
        const r = this.exp2anyreg(e);
        fs.line = s.line;
        fs.emitABC(OP.RETURN1, r, 2, 0);
        return;
      }
    }
    const multi = this.explist(exprs, base, -1);
    fs.line = s.line;
    fs.emitABC(OP.RETURN, base, multi ? 0 : exprs.length + 1, 0);
  }

  // ---- name resolution -------------------------------------------------------------------

  private resolve(fs: FuncState, name: string, base: boolean): Resolved {
    const vars = fs.actvar;
    for (let i = vars.length - 1; i >= 0; i--) {
      if (vars[i].name === name) {
        if (!base) this.markUpval(fs, vars[i].reg);
        return { kind: 'local', v: vars[i] };
      }
    }
    const names = fs.proto.upvalNames;
    for (let i = 0; i < names.length; i++) {
      if (names[i] === name) return { kind: 'upval', idx: i };
    }
    if (fs.prev === null) return { kind: 'global' };
    const r = this.resolve(fs.prev, name, false);
    if (r.kind === 'global') return r;
    const p = fs.proto;
    if (p.upvalNames.length >= MAXUPVAL) {
      throw new CompileError(`too many upvalues (limit is ${MAXUPVAL}) in ${fs.funcDesc()}`, fs.line);
    }
    p.upvalNames.push(name);
    if (r.kind === 'local') {
      p.upvalInStack.push(true);
      p.upvalIdx.push(r.v.reg);
      p.upvalKind.push(r.v.kind);
    } else {
      p.upvalInStack.push(false);
      p.upvalIdx.push(r.idx);
      p.upvalKind.push(fs.prev.proto.upvalKind[r.idx]);
    }
    return { kind: 'upval', idx: p.upvalNames.length - 1 };
  }

  private markUpval(fs: FuncState, reg: number): void {
    let bl = fs.bl;
    while (bl !== null && bl.nactvar > reg) bl = bl.prev;
    if (bl !== null) bl.upval = true;
    fs.needclose = true;
  }

  private loadVar(r: Resolved, name: string, reg: number): void {
    const fs = this.fs;
    if (r.kind === 'local') {
      if (r.v.reg !== reg) fs.emitABC(OP.MOVE, reg, r.v.reg, 0);
    } else if (r.kind === 'upval') {
      fs.emitABC(OP.GETUPVAL, reg, r.idx, 0);
    } else {
      const env = this.resolve(fs, '_ENV', true);
      const kidx = fs.addK(name);
      if (env.kind === 'upval' && kidx <= MAXARG_C) {
        fs.emitABC(OP.GETTABUP, reg, env.idx, kidx);
      } else {
        const save = fs.freereg;
        let er: number;
        if (env.kind === 'local') er = env.v.reg;
        else {
          er = fs.reserve(1);
          this.loadVar(env, '_ENV', er);
        }
        this.getIndexed(reg, er, { kind: 'String', value: name, line: fs.line });
        fs.freereg = save;
      }
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
        if (e.op === '-' && e.operand.kind === 'Number') {
          const v = this.foldNeg(e.operand);
          return v === null ? NOCONST : v;
        }
        const v = this.constValue(e.operand, depth + 1);
        if (v === NOCONST) return NOCONST;
        if (e.op === 'not') return v === undefined || v === false;
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
          const truthy = l !== undefined && l !== false;
          if (op === 'and' ? !truthy : truthy) return NOCONST;
          return this.constValue(e.right, depth + 1);
        }
        const arop = FOLD_OPS[op];
        if (arop === undefined) return NOCONST;
        const l = this.constValue(e.left, depth + 1);
        if (l === NOCONST) return NOCONST;
        const r = this.constValue(e.right, depth + 1);
        if (r === NOCONST) return NOCONST;
        return foldArith(arop, l, r);
      }
      default: return NOCONST;
    }
  }

  /** -n for a numeric literal, when folding cannot change the result. */
  private foldNeg(n: A.NumberExpr): LuaValue | null {
    if (n.isInt) {
      const v = n.value;
      if (typeof v === 'number') return v === 0 ? 0 : -v;
      const r = BigInt.asIntN(64, -v);
      return r >= -9007199254740991n && r <= 9007199254740991n ? Number(r) : r;
    }
    const f = -(n.value as number);
    return Number.isInteger(f) ? new LuaFloat(f) : f;
  }

  /** Put the value of e into register reg (see rule 2 at the top). */
  exp2reg(e: A.Expr, reg: number): void {
    const fs = this.fs;
    const fresh = reg >= fs.freereg - 1 && reg >= fs.nvarstack();
    switch (e.kind) {
      case 'Nil': fs.line = e.line; fs.emitABC(OP.LOADNIL, reg, 0, 0); return;
      case 'True': fs.line = e.line; fs.emitABC(OP.LOADTRUE, reg, 0, 0); return;
      case 'False': fs.line = e.line; fs.emitABC(OP.LOADFALSE, reg, 0, 0); return;
      case 'Number': fs.line = e.line; this.loadNumber(reg, numberValue(e)); return;
      case 'String': fs.line = e.line; fs.emitLoadK(reg, fs.addK(e.value)); return;
      case 'Vararg': fs.line = e.line; fs.emitABC(OP.VARARG, reg, 0, 2); return;
      case 'Function': this.functionBody(e, reg); return;
      case 'Paren': this.exp2reg(e.expr, reg); return;
      case 'Name': {
        const r = this.resolve(fs, e.name, true);
        fs.line = e.line;
        this.loadVar(r, e.name, reg);
        return;
      }
      case 'Index': {
        const save = fs.freereg;
        const obj = e.obj;
        if (obj.kind === 'Name' && e.key.kind === 'String') {
          const r = this.resolve(fs, obj.name, true);
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
          const t = fresh && reg === fs.freereg - 1 ? reg : fs.reserve(1);
          this.exp2reg(spine[spine.length - 1], t);
          for (let j = spine.length - 2; j >= 0; j--) this.getIndexed(t, t, spine[j].key);
          this.getIndexed(reg, t, e.key);
          fs.freereg = save;
          return;
        }
        const t = this.exp2anyreg(obj);
        this.getIndexed(reg, t, e.key);
        fs.freereg = save;
        return;
      }
      case 'Call': case 'MethodCall': {
        if (fresh && reg === fs.freereg - 1) {
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
        if (fresh && reg === fs.freereg - 1) this.table(e, reg);
        else {
          const save = fs.freereg;
          const r = fs.reserve(1);
          this.table(e, r);
          fs.emitABC(OP.MOVE, reg, r, 0);
          fs.freereg = save;
        }
        return;
      }
      case 'Unary': case 'Binary': {
        const cv = this.constValue(e);
        if (cv !== NOCONST) {
          fs.line = e.line;
          this.loadConst(reg, cv);
          return;
        }
        if (e.kind === 'Unary') this.unary(e, reg);
        else this.binary(e, reg, fresh);
        return;
      }
    }
  }

  private loadConst(reg: number, v: LuaValue): void {
    const fs = this.fs;
    if (v === undefined) fs.emitABC(OP.LOADNIL, reg, 0, 0);
    else if (v === true) fs.emitABC(OP.LOADTRUE, reg, 0, 0);
    else if (v === false) fs.emitABC(OP.LOADFALSE, reg, 0, 0);
    else if (typeof v === 'string') fs.emitLoadK(reg, fs.addK(v));
    else this.loadNumber(reg, v);
  }

  private loadNumber(reg: number, v: LuaValue): void {
    const fs = this.fs;
    if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < OFFSET_sBx) {
      fs.emitAsBx(OP.LOADI, reg, v);
    } else {
      // integral floats are constants too: LOADK shares one immutable box
      fs.emitLoadK(reg, fs.addK(v));
    }
  }

  /** R[reg] := R[t][key] */
  private getIndexed(reg: number, t: number, key: A.Expr): void {
    const fs = this.fs;
    if (key.kind === 'String') {
      const kidx = fs.addK(key.value);
      if (kidx <= MAXARG_C) {
        fs.line = key.line;
        fs.emitABC(OP.GETFIELD, reg, t, kidx);
        return;
      }
    }
    if (key.kind === 'Number' && key.isInt && typeof key.value === 'number' && key.value >= 0 && key.value <= MAXARG_C) {
      fs.line = key.line;
      fs.emitABC(OP.GETI, reg, t, key.value);
      return;
    }
    const save = fs.freereg;
    const k = this.exp2anyreg(key);
    fs.line = key.line;
    fs.emitABC(OP.GETTABLE, reg, t, k);
    fs.freereg = save;
  }

  /** A register holding e's value: a local's own register, or a new temporary. */
  exp2anyreg(e: A.Expr): number {
    const fs = this.fs;
    if (e.kind === 'Name') {
      const r = this.resolve(fs, e.name, true);
      if (r.kind === 'local') return r.v.reg;
    } else if (e.kind === 'Paren' && e.expr.kind === 'Name') {
      return this.exp2anyreg(e.expr);
    }
    const reg = fs.reserve(1);
    this.exp2reg(e, reg);
    return reg;
  }

  /** e is a local variable (exp2anyreg gives its register without code). */
  private isLocalExpr(e: A.Expr): boolean {
    if (e.kind === 'Paren') e = e.expr;
    return e.kind === 'Name' && this.resolve(this.fs, e.name, true).kind === 'local';
  }

  /** A constant index (isK) when e is a constant that fits an 8-bit operand, else a register. */
  private exp2RK(e: A.Expr): { isK: boolean; idx: number } {
    const v = this.constValue(e);
    if (v !== NOCONST) {
      const idx = this.fs.addK(v);
      if (idx <= MAXARG_C) return { isK: true, idx };
    }
    return { isK: false, idx: this.exp2anyreg(e) };
  }

  private unary(e: A.UnaryExpr, reg: number): void {
    const fs = this.fs;
    if (e.op === '-' && e.operand.kind === 'Number') {
      const v = this.foldNeg(e.operand);
      fs.line = e.line;
      this.loadNumber(reg, v);
      return;
    }
    if (e.op === 'not') {
      const c = this.constValue(e.operand);
      if (c !== NOCONST) {
        fs.line = e.line;
        fs.emitABC(c === undefined || c === false ? OP.LOADTRUE : OP.LOADFALSE, reg, 0, 0);
        return;
      }
    }
    const save = fs.freereg;
    const r = this.exp2anyreg(e.operand);
    fs.line = e.line;
    const op = e.op === '-' ? OP.UNM : e.op === 'not' ? OP.NOT : e.op === '#' ? OP.LEN : OP.BNOT;
    fs.emitABC(op, reg, r, 0);
    fs.freereg = save;
  }

  private binary(e: A.BinaryExpr, reg: number, fresh: boolean): void {
    const fs = this.fs;
    const op = e.op;
    switch (op) {
      case 'and': case 'or': {
        const lc = this.constValue(e.left);
        if (lc !== NOCONST) {
          // a constant left operand that does not decide the value disappears
          const truthy = lc !== undefined && lc !== false;
          if (op === 'and' ? truthy : !truthy) {
            this.exp2reg(e.right, reg);
            return;
          }
        }
        if (!fresh) {
          const save = fs.freereg;
          const t = fs.reserve(1);
          this.binary(e, t, true);
          fs.emitABC(OP.MOVE, reg, t, 0);
          fs.freereg = save;
          return;
        }
        // value of the left operand decides; it stays in reg when it is the result
        const save = fs.freereg;
        let exits: number[];
        if (this.isComparison(e.left) || e.left.kind === 'Unary' && e.left.op === 'not') {
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
          if (this.isComparison(x) || (x.kind === 'Unary' && x.op === 'not')) break;
        }
        if (x.kind === 'Binary' && (x.op === 'and' || x.op === 'or')) this.binary(x, reg, true);
        else this.exp2reg(x, reg);
        fs.freereg = Math.max(save, reg + 1);
        for (let j = spine.length - 1; j >= 0; j--) {
          const node = spine[j];
          fs.line = node.line;
          fs.emitABC(OP.TEST, reg, 0, 0, node.op === 'and' ? 0 : 1);
          exits = [fs.emitJump()];
          this.exp2reg(node.right, reg);
          fs.freereg = Math.max(save, reg + 1);
          fs.patchToHere(exits);
        }
        fs.freereg = save;
        return;
      }
      case '==': case '~=': case '<': case '<=': case '>': case '>=': {
        const jt = this.condJump(e, true);
        fs.line = e.line;
        fs.emitABC(OP.LFALSESKIP, reg, 0, 0);
        fs.patchToHere(jt);
        fs.emitABC(OP.LOADTRUE, reg, 0, 0);
        return;
      }
      case '..': {
        // gather the whole right-associative chain into consecutive registers
        const operands: A.Expr[] = [];
        let x: A.Expr = e;
        let line = e.line;
        while (x.kind === 'Binary' && x.op === '..') {
          operands.push(x.left);
          line = x.line; // the instruction takes the line of the last '..'
          x = x.right;
        }
        operands.push(x);
        const save = fs.freereg;
        const base = fresh && reg === fs.freereg - 1 ? reg : fs.reserve(1);
        // an operand is loaded when the '..' after it is read
        let opx: A.Expr = e;
        let pc0 = fs.pc();
        this.exp2reg(operands[0], base);
        for (let i = 1; i < operands.length; i++) {
          this.operatorLine(operands[i - 1], pc0, (opx as A.BinaryExpr).line);
          opx = (opx as A.BinaryExpr).right;
          pc0 = fs.pc();
          this.exp2reg(operands[i], fs.reserve(1));
        }
        fs.line = line;
        fs.emitABC(OP.CONCAT, base, operands.length, 0);
        if (base !== reg) fs.emitABC(OP.MOVE, reg, base, 0);
        fs.freereg = save;
        return;
      }
      default: {
        if (e.left.kind === 'Binary' && ARITH_OPS[e.left.op] !== undefined) {
          this.arithChain(e, reg, fresh);
          return;
        }
        const save = fs.freereg;
        const pc0 = fs.pc();
        // as in the reference, a left operand that needs a register gets the destination
        // when that is a fresh temporary (debug.getlocal sees the same temporaries)
        let b: number;
        if (fresh && reg === fs.freereg - 1 && !this.isLocalExpr(e.left)) {
          this.exp2reg(e.left, reg);
          b = reg;
        } else {
          b = this.exp2anyreg(e.left);
        }
        this.operatorLine(e.left, pc0, e.line);
        this.arith(e, reg, b);
        fs.freereg = save;
      }
    }
  }

  /** ((x op1 y) op2 z) ...: left-deep arithmetic chains, compiled without recursion. */
  private arithChain(e: A.BinaryExpr, reg: number, fresh: boolean): void {
    const fs = this.fs;
    const spine: A.BinaryExpr[] = [];
    let x: A.Expr = e;
    while (x.kind === 'Binary' && ARITH_OPS[x.op] !== undefined) {
      spine.push(x);
      x = x.left;
    }
    const save = fs.freereg;
    const t = fresh && reg === fs.freereg - 1 ? reg : fs.reserve(1);
    const pc0 = fs.pc();
    let b: number;
    if (t === fs.freereg - 1 && !this.isLocalExpr(x)) {
      this.exp2reg(x, t);
      b = t;
    } else {
      b = this.exp2anyreg(x);
    }
    this.operatorLine(x, pc0, spine[spine.length - 1].line);
    this.arith(spine[spine.length - 1], t, b);
    fs.freereg = Math.max(save, t + 1);
    for (let j = spine.length - 2; j >= 1; j--) {
      this.arith(spine[j], t, t);
      fs.freereg = Math.max(save, t + 1);
    }
    this.arith(e, reg, t);
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
        break;
      default:
        break;
    }
  }

  /** R[reg] := R[b] op right, for an arithmetic/bitwise node whose left value is in b. */
  private arith(e: A.BinaryExpr, reg: number, b: number): void {
    const fs = this.fs;
    const op = e.op;
    {
      {
        const save = fs.freereg;
        const right = e.right;
        const cv = this.constValue(right);
        if (cv !== NOCONST && (typeof cv === 'number' || typeof cv === 'bigint' || cv instanceof LuaFloat)) {
          if ((op === '+' || op === '-') && typeof cv === 'number' && Number.isInteger(cv) && Math.abs(cv) < OFFSET_sC) {
            // x - c is x + (-c) (so -0.0 - 0 is 0.0, as in the reference); k marks a
            // subtraction, whose metamethod is __sub with the original operand
            fs.line = e.line;
            fs.emitABC(OP.ADDI, reg, b, (op === '+' ? cv : 0 - cv) + OFFSET_sC, op === '-' ? 1 : 0);
            fs.freereg = save;
            return;
          }
          // SHRI: x >> c with c >= 0, and x << c (c > 0) as a negative right shift; the
          // sign of the immediate tells which metamethod applies (__shr or __shl), so the
          // other cases take the generic instructions
          if (((op === '>>' && typeof cv === 'number' && cv >= 0) || (op === '<<' && typeof cv === 'number' && cv > 0))
              && Number.isInteger(cv) && Math.abs(cv) <= OFFSET_sC) {
            fs.line = e.line;
            fs.emitABC(OP.SHRI, reg, b, (op === '>>' ? cv : -cv) + OFFSET_sC);
            fs.freereg = save;
            return;
          }
          const kop = ARITHK_OPS[op];
          if (kop !== undefined && ((op !== '&' && op !== '|' && op !== '~') || typeof cv !== 'object')) {
            const kidx = fs.addK(cv);
            if (kidx <= MAXARG_C) {
              fs.line = e.line;
              fs.emitABC(kop, reg, b, kidx);
              fs.freereg = save;
              return;
            }
          }
        }
        const c = this.exp2anyreg(right);
        fs.line = e.line;
        fs.emitABC(ARITH_OPS[op], reg, b, c);
        fs.freereg = save;
      }
    }
  }

  private isComparison(e: A.Expr): boolean {
    if (e.kind !== 'Binary') return false;
    const op = e.op;
    return op === '==' || op === '~=' || op === '<' || op === '<=' || op === '>' || op === '>=';
  }

  /**
   * Emit code that jumps when the truthiness of e equals `jumpIf` and falls through
   * otherwise; returns the jumps to patch.
   */
  condJump(e: A.Expr, jumpIf: boolean, testLine = -1): number[] {
    const fs = this.fs;
    switch (e.kind) {
      case 'Nil': case 'False':
        return jumpIf ? [] : [fs.emitJump()];
      case 'True': case 'Number': case 'String':
        return jumpIf ? [fs.emitJump()] : [];
      case 'Paren':
        if (e.expr.kind !== 'Call' && e.expr.kind !== 'MethodCall' && e.expr.kind !== 'Vararg') {
          return this.condJump(e.expr, jumpIf);
        }
        break;
      case 'Unary':
        if (e.op === 'not') return this.condJump(e.operand, !jumpIf);
        break;
      case 'Binary': {
        const op = e.op;
        if (op === 'and' || op === 'or') {
          // flatten a left-deep chain of the same operator: x1 op x2 op ... op xn
          const operands: A.Expr[] = [e.right];
          let x: A.Expr = e.left;
          while (x.kind === 'Binary' && x.op === op) {
            operands.push(x.right);
            x = x.left;
          }
          operands.push(x);
          operands.reverse();
          const last = operands.length - 1;
          if (op === 'and') {
            if (jumpIf) {
              const f: number[] = [];
              for (let j = 0; j < last; j++) for (const pc of this.condJump(operands[j], false)) f.push(pc);
              const t = this.condJump(operands[last], true);
              fs.patchToHere(f);
              return t;
            }
            const all: number[] = [];
            for (let j = 0; j <= last; j++) for (const pc of this.condJump(operands[j], false)) all.push(pc);
            return all;
          }
          if (jumpIf) {
            const all: number[] = [];
            for (let j = 0; j <= last; j++) for (const pc of this.condJump(operands[j], true)) all.push(pc);
            return all;
          }
          const t: number[] = [];
          for (let j = 0; j < last; j++) for (const pc of this.condJump(operands[j], true)) t.push(pc);
          const f = this.condJump(operands[last], false);
          fs.patchToHere(t);
          return f;
        }
        if (this.isComparison(e)) return [this.compare(e, jumpIf)];
        break;
      }
      default:
        break;
    }
    const save = fs.freereg;
    const r = this.exp2anyreg(e);
    fs.line = testLine >= 0 ? testLine : e.line;
    fs.emitABC(OP.TEST, r, 0, 0, jumpIf ? 1 : 0);
    fs.freereg = save;
    return [fs.emitJump()];
  }

  /** Emit a comparison followed by its jump; the jump is taken when the result == jumpIf. */
  private compare(e: A.BinaryExpr, jumpIf: boolean): number {
    const fs = this.fs;
    const save = fs.freereg;
    let op = e.op;
    let k = jumpIf ? 1 : 0;
    if (op === '==' || op === '~=') {
      if (op === '~=') k ^= 1;
      let l = e.left;
      let r = e.right;
      // a constant goes to the right
      if (this.constValue(l) !== NOCONST && this.constValue(r) === NOCONST) { const t = l; l = r; r = t; }
      const a = this.exp2anyreg(l);
      const cv = this.constValue(r);
      fs.line = e.line;
      if (cv !== NOCONST) {
        if (typeof cv === 'number' && Number.isInteger(cv) && Math.abs(cv) <= OFFSET_sC) {
          fs.emitABC(OP.EQI, a, cv + OFFSET_sC, 0, k);
        } else {
          const kidx = fs.addK(cv);
          if (kidx <= 255) fs.emitABC(OP.EQK, a, kidx, 0, k);
          else {
            const b = this.exp2anyreg(r);
            fs.emitABC(OP.EQ, a, b, 0, k);
          }
        }
      } else {
        const b = this.exp2anyreg(r);
        fs.line = e.line;
        fs.emitABC(OP.EQ, a, b, 0, k);
      }
    } else {
      let l = e.left;
      let r = e.right;
      // a > b  is  b < a;  a >= b  is  b <= a
      if (op === '>' || op === '>=') {
        const lc = this.immValue(l);
        if (lc === null) {
          const rc = this.immValue(r);
          if (rc !== null) {
            // x > imm: GTI / GEI
            const a = this.exp2anyreg(l);
            fs.line = e.line;
            fs.emitABC(op === '>' ? OP.GTI : OP.GEI, a, rc + OFFSET_sC, 0, k);
            fs.freereg = save;
            return fs.emitJump();
          }
        }
        const t = l; l = r; r = t;
        op = op === '>' ? '<' : '<=';
      }
      const rc = this.immValue(r);
      if (rc !== null) {
        const a = this.exp2anyreg(l);
        fs.line = e.line;
        fs.emitABC(op === '<' ? OP.LTI : OP.LEI, a, rc + OFFSET_sC, 0, k);
      } else {
        const lc = this.immValue(l);
        if (lc !== null) {
          // imm < x  is  x > imm
          const b = this.exp2anyreg(r);
          fs.line = e.line;
          fs.emitABC(op === '<' ? OP.GTI : OP.GEI, b, lc + OFFSET_sC, 0, k);
        } else {
          // operands are evaluated in source order even when swapped (a > b is b < a)
          let a: number;
          let b: number;
          if (e.op === '>' || e.op === '>=') {
            b = this.exp2anyreg(r);
            a = this.exp2anyreg(l);
          } else {
            a = this.exp2anyreg(l);
            b = this.exp2anyreg(r);
          }
          fs.line = e.line;
          fs.emitABC(op === '<' ? OP.LT : OP.LE, a, b, 0, k);
        }
      }
    }
    fs.freereg = save;
    return fs.emitJump();
  }

  /** A small integer constant usable as an immediate operand, or null. */
  private immValue(e: A.Expr): number | null {
    const v = this.constValue(e);
    if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= OFFSET_sC) return v;
    return null;
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
    for (let i = 0; i < n - 1; i++) {
      const r = fs.reserve(1);
      this.exp2reg(exprs[i], r);
      fs.freereg = r + 1;
    }
    const last = exprs[n - 1];
    if (isMulti(last)) {
      const need = want < 0 ? -1 : want - (n - 1);
      if (want >= 0 && need <= 0) {
        // the value is not used, but the call still runs
        const r = fs.reserve(1);
        if (last.kind === 'Vararg') { /* no side effects */ } else {
          fs.freereg = r;
          this.call(last as A.CallExpr | A.MethodCallExpr, 0);
        }
        fs.freereg = base + want;
        return false;
      }
      const r = fs.freereg;
      if (last.kind === 'Vararg') {
        fs.line = last.line;
        fs.emitABC(OP.VARARG, r, 0, need < 0 ? 0 : need + 1);
        if (r + 1 > fs.proto.maxstack) fs.proto.maxstack = r + 1;
        if (need > 0) fs.reserve(need);
      } else {
        this.call(last as A.CallExpr | A.MethodCallExpr, need);
        fs.freereg = r + (need < 0 ? 0 : need);
        if (need > 0 && fs.freereg > fs.proto.maxstack) fs.proto.maxstack = fs.freereg;
      }
      if (want < 0) {
        fs.freereg = base;
        return true;
      }
      fs.freereg = base + want;
      if (fs.freereg > fs.proto.maxstack) fs.reserve(0);
      return false;
    }
    const r = fs.reserve(1);
    this.exp2reg(last, r);
    fs.freereg = r + 1;
    if (want < 0) {
      fs.freereg = base;
      return false;
    }
    if (n < want) {
      const first = base + n;
      fs.emitABC(OP.LOADNIL, first, want - n - 1, 0);
      fs.freereg = base + want;
      if (fs.freereg > fs.proto.maxstack) fs.reserve(0);
    } else {
      fs.freereg = base + want;
    }
    return false;
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
      this.exp2reg(e.func, fs.reserve(1));
      fs.freereg = base + 1;
    }
    const args = e.args;
    let nargs = e.kind === 'MethodCall' ? 1 : 0;
    let open = false;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (i === args.length - 1 && isMulti(a)) {
        const r = fs.freereg;
        if (a.kind === 'Vararg') {
          fs.line = a.line;
          fs.emitABC(OP.VARARG, r, 0, 0);
          if (r + 1 > fs.proto.maxstack) fs.proto.maxstack = r + 1;
        } else {
          this.call(a as A.CallExpr | A.MethodCallExpr, -1);
        }
        open = true;
      } else {
        const r = fs.reserve(1);
        this.exp2reg(a, r);
        fs.freereg = r + 1;
        nargs++;
      }
    }
    fs.line = e.line;
    fs.emitABC(OP.CALL, base, open ? 0 : nargs + 1, nres + 1);
    fs.freereg = base + (nres > 0 ? nres : 0);
    if (fs.freereg > fs.proto.maxstack) fs.proto.maxstack = fs.freereg;
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
    const items = e.items;
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      if (it.type === 'positional') {
        if (i === items.length - 1 && isMulti(it.value)) {
          const r = fs.freereg;
          if (it.value.kind === 'Vararg') {
            fs.line = it.value.line;
            fs.emitABC(OP.VARARG, r, 0, 0);
            if (r + 1 > fs.proto.maxstack) fs.proto.maxstack = r + 1;
          if (r + 1 > fs.proto.maxstack) fs.proto.maxstack = r + 1;
          } else {
            this.call(it.value as A.CallExpr | A.MethodCallExpr, -1);
          }
          fs.line = it.line;
          this.setList(reg, flushed, 0);
          fs.freereg = reg + 1;
          pending = 0;
          continue;
        }
        const r = fs.reserve(1);
        this.exp2reg(it.value, r);
        fs.freereg = r + 1;
        pending++;
        narr++;
        if (pending === LFIELDS_PER_FLUSH) {
          fs.line = it.line;
          this.setList(reg, flushed, pending);
          flushed += pending;
          pending = 0;
          fs.freereg = reg + 1;
        }
      } else {
        nhash++;
        const save = fs.freereg;
        const target = it.type === 'named'
          ? this.indexTarget(reg, { kind: 'String', value: it.key, line: it.line }, null)
          : this.indexTarget(reg, it.key, null);
        const v = this.exp2RK(it.value);
        fs.line = it.line;
        this.storeRK(target, v);
        fs.freereg = save;
      }
    }
    if (pending > 0) {
      this.setList(reg, flushed, pending);
      fs.freereg = reg + 1;
    }
    fs.code[pc] = mkABCk(OP.NEWTABLE, reg, Math.min(nhash, 255), Math.min(narr, 255), 0);
    fs.code[pc + 1] = mkAx(OP.EXTRAARG, narr);
  }

  /** R[t][start+i] := R[t+i], 1 <= i <= n (n = 0: up to the top) */
  private setList(t: number, start: number, n: number): void {
    const fs = this.fs;
    if (start <= MAXARG_C) {
      fs.emitABC(OP.SETLIST, t, n, start, 0);
    } else {
      fs.emitABC(OP.SETLIST, t, n, 0, 1);
      fs.emit(mkAx(OP.EXTRAARG, start));
    }
  }
}

/** Compile a parsed chunk into its main Proto. */
export function compile(chunk: A.Chunk): Proto {
  return new Compiler(chunk.chunkname).compileChunk(chunk);
}

export { VAR_CONST, VAR_CLOSE };
