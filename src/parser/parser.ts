/**
 * Recursive-descent parser for Lua 5.4 (manual §3, grammar in §9): tokens -> AST (ast.ts).
 *
 * Invariants and conventions:
 * - `lex.token` is always the first token not yet consumed; every parse function is entered
 *   with its first token current and leaves the token after its construct current.
 * - Nesting is counted as the reference counts its C stack (LUAI_MAXCCALLS = 200): one level
 *   per statement being parsed, one per subexpression being parsed (every expression, and
 *   inside it the operand of each unary operator and the right operand of each binary
 *   operator; so parentheses, table fields, call arguments, indexes, `not not x`, `a .. b ..
 *   c` and `a ^ b ^ c` nest, while `a + b + c` loops), one per extra target of a multiple
 *   assignment, and one per label that directly follows a label. The count starts at
 *   `cLevel` (the C calls already active when the reference parser starts: 1 for a script
 *   run by the standalone interpreter, 2 for `load` called from a main chunk, 3 under
 *   pcall...). Reaching 200 throws "C stack overflow" (no position), so the JS stack is
 *   never the limit: depth stays below ~200 parse frames of a few JS frames each.
 *   Left-associative operator chains (`a + b + c ...`) loop instead of recursing.
 * - Per function, the parser counts declared local variables (MAXVARS = 200, for-loop
 *   control variables included, as the reference declares them) and reports "too many local
 *   variables" at the same token as the reference. Everything that needs name resolution
 *   (upvalue limits, goto/label/break validation, assignment to const variables, register
 *   limits) is the compiler's job.
 * - Syntax errors are worded byte for byte as the reference words them (see the tests).
 * - Lines follow the comments of ast.ts. Where the reference's own choice differs from
 *   "the token's line", we follow the reference: FunctionExpr.line is `linedefined`, which is
 *   the line of `function` for function statements but the line of the token after
 *   `function` (anonymous functions) or after the name (`local function f`) otherwise;
 *   Index.line is the line of the name after '.', or of the closing ']' for `[exp]`.
 */

import type {
  Attrib, BinaryOp, Block, CallExpr, Chunk, Expr, FunctionExpr, IfClause, IndexExpr,
  LocalName, MethodCallExpr, NameExpr, Stat, StringExpr, TableItem, UnaryOp,
} from './ast.js';
import { Lexer } from '../lexer/lexer.js';
import { LuaSyntaxError } from '../lexer/errors.js';
import { TK, token2str } from '../lexer/tokens.js';

/** LUAI_MAXCCALLS: nesting levels (C calls in the reference) before "C stack overflow" */
const MAX_C_CALLS = 200;
/** MAXVARS: local variables active at once in one function */
const MAX_VARS = 200;

/** binary operators, by index: their text and priorities (§3.4.8, low to high) */
const BINOP_NAME: readonly BinaryOp[] = [
  '+', '-', '*', '%', '^', '/', '//', '&', '|', '~', '<<', '>>', '..',
  '~=', '==', '<', '<=', '>', '>=', 'and', 'or',
];
/** priority on the left: an operator continues an expression parsed at a lower limit */
const BINOP_LEFT: readonly number[] = [
  10, 10, 11, 11, 14, 11, 11, 6, 4, 5, 7, 7, 9,
  3, 3, 3, 3, 3, 3, 2, 1,
];
/** priority for its right operand: lower than left = right associative ('^', '..') */
const BINOP_RIGHT: readonly number[] = [
  10, 10, 11, 11, 13, 11, 11, 6, 4, 5, 7, 7, 8,
  3, 3, 3, 3, 3, 3, 2, 1,
];
/** priority of unary operators: above everything but '^' (so -x^2 is -(x^2)) */
const UNARY_PRIORITY = 12;

/** index into BINOP_* of the binary operator `token`, or -1 */
function binaryOp(token: number): number {
  switch (token) {
    case 43: return 0; // '+'
    case 45: return 1; // '-'
    case 42: return 2; // '*'
    case 37: return 3; // '%'
    case 94: return 4; // '^'
    case 47: return 5; // '/'
    case TK.IDIV: return 6; // '//'
    case 38: return 7; // '&'
    case 124: return 8; // '|'
    case 126: return 9; // '~'
    case TK.SHL: return 10; // '<<'
    case TK.SHR: return 11; // '>>'
    case TK.CONCAT: return 12; // '..'
    case TK.NE: return 13; // '~='
    case TK.EQ: return 14; // '=='
    case 60: return 15; // '<'
    case TK.LE: return 16; // '<='
    case 62: return 17; // '>'
    case TK.GE: return 18; // '>='
    case TK.AND: return 19;
    case TK.OR: return 20;
    default: return -1;
  }
}

function unaryOp(token: number): UnaryOp | null {
  switch (token) {
    case TK.NOT: return 'not';
    case 45: return '-'; // '-'
    case 35: return '#'; // '#'
    case 126: return '~'; // '~'
    default: return null;
  }
}

export interface ParseOptions {
  /**
   * Nesting levels already in use when parsing starts (the reference's C call count);
   * default 1, as for a file run by the standalone interpreter.
   */
  readonly cLevel?: number;
}

/**
 * Parses a whole chunk. `source` is a byte string; `chunkname` is the name given to load
 * ("=stdin", "@file.lua", or the source itself). Throws LuaSyntaxError.
 */
export function parse(source: string, chunkname: string, options?: ParseOptions): Chunk {
  const p = new Parser(new Lexer(source, chunkname), options?.cLevel ?? 1);
  return p.mainfunc();
}

class Parser {
  private readonly lex: Lexer;
  /** nesting levels in use (see the header) */
  private level: number;
  // state of the function being parsed; saved and restored around nested function bodies
  /** local variables declared and still in scope in the current function */
  private nvars: number;
  /** whether the current function is vararg (may use '...') */
  private vararg: boolean;
  /** linedefined of the current function (0 for the main chunk) */
  private fnLine: number;

  constructor(lex: Lexer, cLevel: number) {
    this.lex = lex;
    this.level = cLevel;
    this.nvars = 0;
    this.vararg = true;
    this.fnLine = 0;
  }

  // ---------------------------------------------------------------------------------------
  // helpers

  private enterLevel(): void {
    if (++this.level >= MAX_C_CALLS) {
      throw new LuaSyntaxError(this.lex.chunkname, this.lex.line, 'C stack overflow');
    }
  }

  private errorExpected(token: number): never {
    return this.lex.syntaxError(token2str(token) + ' expected');
  }

  private testNext(token: number): boolean {
    if (this.lex.token !== token) return false;
    this.lex.next();
    return true;
  }

  private check(token: number): void {
    if (this.lex.token !== token) this.errorExpected(token);
  }

  private checkNext(token: number): void {
    this.check(token);
    this.lex.next();
  }

  /** `what` closes the construct `who` opened at line `where` */
  private checkMatch(what: number, who: number, where: number): void {
    if (this.lex.token === what) {
      this.lex.next();
      return;
    }
    if (where === this.lex.line) this.errorExpected(what);
    this.lex.syntaxError(token2str(what) + ' expected (to close ' + token2str(who) + ' at line ' + where + ')');
  }

  private checkName(): string {
    if (this.lex.token !== TK.NAME) this.errorExpected(TK.NAME);
    const name = this.lex.sval;
    this.lex.next();
    return name;
  }

  /** declares one more local variable in the current function (only counted here) */
  private newLocal(): void {
    if (this.nvars + 1 > MAX_VARS) {
      const where = this.fnLine === 0 ? 'main function' : 'function at line ' + this.fnLine;
      this.lex.syntaxError('too many local variables (limit is ' + MAX_VARS + ') in ' + where);
    }
    this.nvars++;
  }

  /** block_follow: tokens that end a block */
  private blockFollow(withUntil: boolean): boolean {
    switch (this.lex.token) {
      case TK.ELSE: case TK.ELSEIF: case TK.END: case TK.EOS:
        return true;
      case TK.UNTIL:
        return withUntil;
      default:
        return false;
    }
  }

  // ---------------------------------------------------------------------------------------
  // chunks, blocks and statements

  /** mainfunc -> statlist EOS  (the main function is vararg, §3.3.2) */
  mainfunc(): Chunk {
    const lex = this.lex;
    lex.next();
    const stats: Stat[] = [];
    this.statlist(stats);
    this.check(TK.EOS);
    const body: Block = { stats, endLine: lex.tokLine, lastLine: lex.lastLine };
    return { body, chunkname: lex.chunkname, endLine: lex.tokLine, lastLine: lex.lastLine };
  }

  /** statlist -> { stat [';'] }  ('return' must be the last statement) */
  private statlist(stats: Stat[]): void {
    while (!this.blockFollow(true)) {
      if (this.lex.token === TK.RETURN) {
        this.statement(stats);
        return;
      }
      this.statement(stats);
    }
  }

  /** block -> statlist  (a scope: its locals end with it) */
  private block(): Block {
    const nvars = this.nvars;
    const stats: Stat[] = [];
    this.statlist(stats);
    this.nvars = nvars;
    return { stats, endLine: this.lex.tokLine, lastLine: this.lex.lastLine };
  }

  /**
   * stat -> ';' | ifstat | whilestat | DO block END | forstat | repeatstat | funcstat
   *       | localstat | localfunc | label | retstat | BREAK | GOTO NAME | exprstat
   * Appends what it parses to `stats` (a label may pull in the labels after it).
   */
  private statement(stats: Stat[]): void {
    const lex = this.lex;
    const line = lex.tokLine;
    this.enterLevel();
    switch (lex.token) {
      case 59: // ';'  (empty statement)
        lex.next();
        break;
      case TK.IF:
        stats.push(this.ifstat(line));
        break;
      case TK.WHILE:
        stats.push(this.whilestat(line));
        break;
      case TK.DO: {
        lex.next();
        const body = this.block();
        this.checkMatch(TK.END, TK.DO, line);
        stats.push({ kind: 'Do', line, body });
        break;
      }
      case TK.FOR:
        stats.push(this.forstat(line));
        break;
      case TK.REPEAT:
        stats.push(this.repeatstat(line));
        break;
      case TK.FUNCTION:
        stats.push(this.funcstat(line));
        break;
      case TK.LOCAL:
        lex.next();
        if (this.testNext(TK.FUNCTION)) stats.push(this.localfunc(line));
        else stats.push(this.localstat(line));
        break;
      case TK.DBCOLON:
        lex.next();
        this.labelstat(this.checkName(), line, stats);
        break;
      case TK.RETURN:
        lex.next();
        stats.push(this.retstat(line));
        break;
      case TK.BREAK:
        lex.next();
        stats.push({ kind: 'Break', line });
        break;
      case TK.GOTO: {
        lex.next();
        const nameLine = lex.tokLine; // the reference reports gotos at the label name's line
        stats.push({ kind: 'Goto', line: nameLine, label: this.checkName() });
        break;
      }
      default:
        stats.push(this.exprstat());
        break;
    }
    this.level--;
  }

  /** ifstat -> IF cond THEN block {ELSEIF cond THEN block} [ELSE block] END */
  private ifstat(line: number): Stat {
    const clauses: IfClause[] = [this.testThenBlock()];
    while (this.lex.token === TK.ELSEIF) clauses.push(this.testThenBlock());
    let orelse: Block | null = null;
    if (this.testNext(TK.ELSE)) orelse = this.block();
    this.checkMatch(TK.END, TK.IF, line);
    return { kind: 'If', line, clauses, orelse };
  }

  /** test_then_block -> [IF | ELSEIF] cond THEN block */
  private testThenBlock(): IfClause {
    const line = this.lex.tokLine;
    this.lex.next(); // skip IF or ELSEIF
    const cond = this.expr();
    const thenLine = this.lex.tokLine;
    this.checkNext(TK.THEN);
    const body = this.block();
    return { cond, body, line, thenLine };
  }

  /** whilestat -> WHILE cond DO block END */
  private whilestat(line: number): Stat {
    this.lex.next();
    const cond = this.expr();
    this.checkNext(TK.DO);
    const body = this.block();
    this.checkMatch(TK.END, TK.WHILE, line);
    return { kind: 'While', line, cond, body };
  }

  /** forstat -> FOR (fornum | forlist) END */
  private forstat(line: number): Stat {
    const lex = this.lex;
    const nvars = this.nvars;
    lex.next(); // skip 'for'
    const varName = this.checkName();
    let stat: Stat;
    switch (lex.token) {
      case 61: // '='
        stat = this.fornum(varName, line);
        break;
      case 44: // ','
      case TK.IN:
        stat = this.forlist(varName, line);
        break;
      default:
        return lex.syntaxError("'=' or 'in' expected");
    }
    this.checkMatch(TK.END, TK.FOR, line);
    this.nvars = nvars;
    return stat;
  }

  /** fornum -> NAME = exp ',' exp [',' exp] forbody */
  private fornum(varName: string, line: number): Stat {
    // three hidden control variables, then the loop variable
    this.newLocal();
    this.newLocal();
    this.newLocal();
    this.newLocal();
    this.checkNext(61); // '='
    const start = this.expr();
    this.checkNext(44); // ','
    const limit = this.expr();
    const step = this.testNext(44) ? this.expr() : null;
    const body = this.forbody();
    return { kind: 'NumericFor', line, varName, start, limit, step, body };
  }

  /** forlist -> NAME {',' NAME} IN explist forbody */
  private forlist(firstName: string, line: number): Stat {
    // four hidden control variables, then the declared ones
    this.newLocal();
    this.newLocal();
    this.newLocal();
    this.newLocal();
    this.newLocal();
    const names: string[] = [firstName];
    while (this.testNext(44)) { // ','
      names.push(this.checkName());
      this.newLocal();
    }
    this.checkNext(TK.IN);
    const exprs = this.explist();
    const body = this.forbody();
    return { kind: 'GenericFor', line, names, exprs, body };
  }

  /** forbody -> DO block */
  private forbody(): Block {
    this.checkNext(TK.DO);
    return this.block();
  }

  /** repeatstat -> REPEAT block UNTIL cond  (cond sees the block's locals, §3.3.4) */
  private repeatstat(line: number): Stat {
    const nvars = this.nvars;
    this.lex.next();
    const stats: Stat[] = [];
    this.statlist(stats);
    const body: Block = { stats, endLine: this.lex.tokLine, lastLine: this.lex.lastLine };
    this.checkMatch(TK.UNTIL, TK.REPEAT, line);
    const cond = this.expr();
    this.nvars = nvars;
    return { kind: 'Repeat', line, body, cond };
  }

  /** funcstat -> FUNCTION funcname body;  funcname -> NAME {'.' NAME} [':' NAME] */
  private funcstat(line: number): Stat {
    const lex = this.lex;
    lex.next(); // skip 'function'
    const nameLine = lex.tokLine;
    let target: NameExpr | IndexExpr = { kind: 'Name', line: nameLine, name: this.checkName() };
    let isMethod = false;
    while (lex.token === 46) target = this.fieldsel(target); // '.'
    if (lex.token === 58) { // ':'
      isMethod = true;
      target = this.fieldsel(target);
    }
    const func = this.body(isMethod, line);
    return { kind: 'FunctionStat', line, target, func };
  }

  /** fieldsel -> ['.' | ':'] NAME */
  private fieldsel(obj: Expr): IndexExpr {
    const lex = this.lex;
    lex.next(); // skip the dot or colon
    const line = lex.tokLine;
    const key: StringExpr = { kind: 'String', line, value: this.checkName() };
    return { kind: 'Index', line, obj, key };
  }

  /** localfunc -> LOCAL FUNCTION NAME body */
  private localfunc(line: number): Stat {
    const name = this.checkName();
    this.newLocal();
    const func = this.body(false, this.lex.line);
    return { kind: 'LocalFunction', line, name, func };
  }

  /** localstat -> LOCAL attnamelist ['=' explist];  attnamelist -> NAME attrib {',' NAME attrib} */
  private localstat(line: number): Stat {
    const names: LocalName[] = [];
    let hasClose = false;
    do {
      const name = this.checkName();
      this.newLocal();
      const attrib = this.attrib();
      if (attrib === 'close') {
        if (hasClose) this.lex.semError('multiple to-be-closed variables in local list');
        hasClose = true;
      }
      names.push({ name, attrib });
    } while (this.testNext(44)); // ','
    const exprs = this.testNext(61) ? this.explist() : []; // '='
    return { kind: 'Local', line, names, exprs };
  }

  /** attrib -> ['<' NAME '>'] */
  private attrib(): Attrib {
    if (!this.testNext(60)) return null; // '<'
    const name = this.checkName();
    this.checkNext(62); // '>'
    if (name === 'const') return 'const';
    if (name === 'close') return 'close';
    return this.lex.semError("unknown attribute '" + name + "'");
  }

  /**
   * label -> '::' NAME '::'
   * As the reference does, the ';' and labels that follow are parsed from here (so a run of
   * labels nests one level per label).
   */
  private labelstat(name: string, line: number, stats: Stat[]): void {
    this.checkNext(TK.DBCOLON);
    stats.push({ kind: 'Label', line, name });
    while (this.lex.token === 59 || this.lex.token === TK.DBCOLON) this.statement(stats); // ';' '::'
  }

  /** retstat -> RETURN [explist] [';'] */
  private retstat(line: number): Stat {
    let exprs: Expr[] = [];
    if (!this.blockFollow(true) && this.lex.token !== 59) exprs = this.explist(); // ';'
    this.testNext(59);
    return { kind: 'Return', line, exprs };
  }

  /**
   * exprstat -> func | assignment
   * assignment -> suffixedexp {',' suffixedexp} '=' explist
   */
  private exprstat(): Stat {
    const lex = this.lex;
    const first = this.suffixedexp();
    if (lex.token !== 61 && lex.token !== 44) { // '=' ','
      if (first.kind === 'Call' || first.kind === 'MethodCall') {
        return { kind: 'CallStat', line: first.line, call: first };
      }
      return lex.syntaxError('syntax error');
    }
    // every further target costs one nesting level until the assignment ends
    const targets: (NameExpr | IndexExpr)[] = [this.assignTarget(first)];
    const level = this.level;
    while (this.testNext(44)) { // ','
      const t = this.suffixedexp();
      this.enterLevel();
      targets.push(this.assignTarget(t));
    }
    const line = lex.tokLine;
    this.checkNext(61); // '='
    const exprs = this.explist();
    this.level = level;
    return { kind: 'Assign', line, lastLine: lex.lastLine, targets, exprs };
  }

  /** only variables can be assigned to */
  private assignTarget(e: Expr): NameExpr | IndexExpr {
    if (e.kind === 'Name' || e.kind === 'Index') return e;
    return this.lex.syntaxError('syntax error');
  }

  // ---------------------------------------------------------------------------------------
  // functions

  /**
   * body -> '(' parlist ')' block END
   * `line` is the function's linedefined.
   */
  private body(isMethod: boolean, line: number): FunctionExpr {
    const lex = this.lex;
    // enter a new function
    const nvars = this.nvars;
    const vararg = this.vararg;
    const fnLine = this.fnLine;
    this.nvars = 0;
    this.vararg = false;
    this.fnLine = line;
    this.checkNext(40); // '('
    const params: string[] = [];
    if (isMethod) {
      params.push('self');
      this.newLocal();
    }
    this.parlist(params);
    this.checkNext(41); // ')'
    const stats: Stat[] = [];
    this.statlist(stats);
    const endLine = lex.tokLine;
    const body: Block = { stats, endLine, lastLine: lex.lastLine };
    const isVararg = this.vararg;
    this.checkMatch(TK.END, TK.FUNCTION, line);
    this.nvars = nvars;
    this.vararg = vararg;
    this.fnLine = fnLine;
    return { kind: 'Function', line, endLine, params, isVararg, body, isMethod };
  }

  /** parlist -> [ {NAME ','} (NAME | '...') ] */
  private parlist(params: string[]): void {
    const lex = this.lex;
    if (lex.token === 41) return; // ')'
    do {
      if (lex.token === TK.NAME) {
        params.push(lex.sval);
        lex.next();
        this.newLocal();
      } else if (lex.token === TK.DOTS) {
        lex.next();
        this.vararg = true;
      } else {
        lex.syntaxError("<name> or '...' expected");
      }
    } while (!this.vararg && this.testNext(44)); // ','
  }

  // ---------------------------------------------------------------------------------------
  // expressions

  /** explist -> expr {',' expr} */
  private explist(): Expr[] {
    const list: Expr[] = [this.expr()];
    while (this.testNext(44)) list.push(this.expr()); // ','
    return list;
  }

  /** expr -> subexpr */
  private expr(): Expr {
    return this.subexpr(0);
  }

  /**
   * subexpr -> (simpleexp | unop subexpr) {binop subexpr}
   * Reads operators whose left priority is above `limit` (precedence climbing).
   */
  private subexpr(limit: number): Expr {
    const lex = this.lex;
    this.enterLevel();
    let e: Expr;
    const uop = unaryOp(lex.token);
    if (uop !== null) {
      const line = lex.tokLine;
      lex.next();
      const operand = this.subexpr(UNARY_PRIORITY);
      e = { kind: 'Unary', line, op: uop, operand };
    } else {
      e = this.simpleexp();
    }
    let op = binaryOp(lex.token);
    while (op >= 0 && BINOP_LEFT[op]! > limit) {
      const line = lex.tokLine;
      lex.next();
      const right = this.subexpr(BINOP_RIGHT[op]!);
      e = { kind: 'Binary', line, op: BINOP_NAME[op]!, left: e, right };
      op = binaryOp(lex.token);
    }
    this.level--;
    return e;
  }

  /**
   * simpleexp -> FLT | INT | STRING | NIL | TRUE | FALSE | '...' | constructor
   *            | FUNCTION body | suffixedexp
   */
  private simpleexp(): Expr {
    const lex = this.lex;
    const line = lex.tokLine;
    let e: Expr;
    switch (lex.token) {
      case TK.FLT:
        e = { kind: 'Number', line, isInt: false, value: lex.nval };
        break;
      case TK.INT:
        e = { kind: 'Number', line, isInt: true, value: lex.nval };
        break;
      case TK.STRING:
        e = { kind: 'String', line, value: lex.sval };
        break;
      case TK.NIL:
        e = { kind: 'Nil', line };
        break;
      case TK.TRUE:
        e = { kind: 'True', line };
        break;
      case TK.FALSE:
        e = { kind: 'False', line };
        break;
      case TK.DOTS:
        if (!this.vararg) lex.syntaxError("cannot use '...' outside a vararg function");
        e = { kind: 'Vararg', line };
        break;
      case 123: // '{'
        return this.constructor_();
      case TK.FUNCTION:
        lex.next();
        return this.body(false, lex.line);
      default:
        return this.suffixedexp();
    }
    lex.next();
    return e;
  }

  /** primaryexp -> NAME | '(' expr ')' */
  private primaryexp(): Expr {
    const lex = this.lex;
    const line = lex.tokLine;
    switch (lex.token) {
      case TK.NAME: {
        const name = lex.sval;
        lex.next();
        return { kind: 'Name', line, name };
      }
      case 40: { // '('
        lex.next();
        const expr = this.expr();
        this.checkMatch(41, 40, line); // ')' '('
        return { kind: 'Paren', line, expr };
      }
      default:
        return lex.syntaxError('unexpected symbol');
    }
  }

  /** suffixedexp -> primaryexp { '.' NAME | '[' exp ']' | ':' NAME funcargs | funcargs } */
  private suffixedexp(): Expr {
    const lex = this.lex;
    const line = lex.tokLine;
    let e = this.primaryexp();
    for (;;) {
      switch (lex.token) {
        case 46: // '.'
          e = this.fieldsel(e);
          break;
        case 91: { // '['
          lex.next();
          const key = this.expr();
          const keyLine = lex.tokLine;
          this.checkNext(93); // ']'
          e = { kind: 'Index', line: keyLine, obj: e, key };
          break;
        }
        case 58: { // ':'
          lex.next();
          const nameLine = lex.tokLine;
          const name = this.checkName();
          const args = this.funcargs(line);
          const call: MethodCallExpr = { kind: 'MethodCall', line, obj: e, name, nameLine, args };
          e = call;
          break;
        }
        case 40: // '('
        case TK.STRING:
        case 123: { // '{'
          const args = this.funcargs(line);
          const call: CallExpr = { kind: 'Call', line, func: e, args };
          e = call;
          break;
        }
        default:
          return e;
      }
    }
  }

  /** funcargs -> '(' [explist] ')' | constructor | STRING;  `line`: where the call starts */
  private funcargs(line: number): Expr[] {
    const lex = this.lex;
    switch (lex.token) {
      case 40: { // '('
        lex.next();
        const args = (lex.token as number) === 41 ? [] : this.explist(); // ')'
        this.checkMatch(41, 40, line);
        return args;
      }
      case 123: // '{'
        return [this.constructor_()];
      case TK.STRING: {
        const s: StringExpr = { kind: 'String', line: lex.tokLine, value: lex.sval };
        lex.next();
        return [s];
      }
      default:
        return lex.syntaxError('function arguments expected');
    }
  }

  /**
   * constructor -> '{' [field {sep field} [sep]] '}';  sep -> ',' | ';'
   * field -> NAME '=' exp | '[' exp ']' '=' exp | exp
   */
  private constructor_(): Expr {
    const lex = this.lex;
    const line = lex.tokLine;
    this.checkNext(123); // '{'
    const items: TableItem[] = [];
    do {
      if (lex.token === 125) break; // '}'
      const itemLine = lex.tokLine;
      if (lex.token === TK.NAME && lex.lookahead() === 61) { // NAME '='
        const key = lex.sval;
        lex.next();
        lex.next(); // '='
        items.push({ type: 'named', key, value: this.expr(), line: itemLine });
      } else if (lex.token === 91) { // '['
        lex.next();
        const key = this.expr();
        this.checkNext(93); // ']'
        this.checkNext(61); // '='
        items.push({ type: 'keyed', key, value: this.expr(), line: itemLine });
      } else {
        items.push({ type: 'positional', value: this.expr(), line: itemLine });
      }
    } while (this.testNext(44) || this.testNext(59)); // ',' ';'
    this.checkMatch(125, 123, line); // '}' '{'
    return { kind: 'Table', line, items };
  }
}
