/**
 * The abstract syntax tree of a Lua 5.4 chunk (manual §3).
 *
 * Invariants:
 * - every node carries `line`, the source line the compiler attributes to the code it emits
 *   for that node (see the per-node comments: binary operators take the operator's line,
 *   calls the line where their prefix expression starts, as the reference interpreter does);
 * - strings are byte strings: every char code is 0..255 (the source was UTF-8 encoded
 *   before lexing), so `"é"` has length 2;
 * - numeric literals are already classified: `isInt` literals hold a JS number when the value
 *   is a safe integer and a `bigint` otherwise (always within 64 bits, wrapped as Lua wraps
 *   hexadecimal literals); float literals hold a JS number;
 * - `function t.a.b:m() end` is kept as a FunctionStat whose `func` has `self` as its first
 *   parameter; the compiler treats it as an assignment.
 */

export type Expr =
  | NilExpr
  | TrueExpr
  | FalseExpr
  | VarargExpr
  | NumberExpr
  | StringExpr
  | FunctionExpr
  | TableExpr
  | BinaryExpr
  | UnaryExpr
  | NameExpr
  | IndexExpr
  | CallExpr
  | MethodCallExpr
  | ParenExpr;

export interface NilExpr { readonly kind: 'Nil'; readonly line: number }
export interface TrueExpr { readonly kind: 'True'; readonly line: number }
export interface FalseExpr { readonly kind: 'False'; readonly line: number }
/** `...` inside a vararg function. */
export interface VarargExpr { readonly kind: 'Vararg'; readonly line: number }

export interface NumberExpr {
  readonly kind: 'Number';
  readonly line: number;
  /** true for integer literals (no '.', no exponent, fits in 64 bits or is hexadecimal). */
  readonly isInt: boolean;
  /** integers: safe JS number or bigint; floats: JS number. */
  readonly value: number | bigint;
}

export interface StringExpr {
  readonly kind: 'String';
  readonly line: number;
  /** byte string */
  readonly value: string;
}

/** `function (params) body end`; also the body of local/global function statements. */
export interface FunctionExpr {
  readonly kind: 'Function';
  /** line of the `function` keyword (linedefined) */
  readonly line: number;
  /** line of the closing `end` (lastlinedefined) */
  readonly endLine: number;
  readonly params: readonly string[];
  readonly isVararg: boolean;
  readonly body: Block;
  /** true when the parser added an implicit `self` first parameter (method definition) */
  readonly isMethod: boolean;
}

export type TableItem =
  | { readonly type: 'positional'; readonly value: Expr; readonly line: number }
  | { readonly type: 'named'; readonly key: string; readonly value: Expr; readonly line: number }
  | { readonly type: 'keyed'; readonly key: Expr; readonly value: Expr; readonly line: number };

/** `{ ... }`; line is the line of `{`. */
export interface TableExpr {
  readonly kind: 'Table';
  readonly line: number;
  readonly items: readonly TableItem[];
}

export type BinaryOp =
  | 'or' | 'and'
  | '<' | '>' | '<=' | '>=' | '~=' | '=='
  | '|' | '~' | '&' | '<<' | '>>'
  | '..'
  | '+' | '-'
  | '*' | '/' | '//' | '%'
  | '^';

/** line = line of the operator token */
export interface BinaryExpr {
  readonly kind: 'Binary';
  readonly line: number;
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
}

export type UnaryOp = 'not' | '-' | '#' | '~';

/** line = line of the operator token */
export interface UnaryExpr {
  readonly kind: 'Unary';
  readonly line: number;
  readonly op: UnaryOp;
  readonly operand: Expr;
}

/** A variable reference; the compiler resolves it as local, upvalue or global (_ENV.name). */
export interface NameExpr {
  readonly kind: 'Name';
  readonly line: number;
  readonly name: string;
}

/** `obj[key]` or `obj.name` (key is then a StringExpr); line = line of the key token. */
export interface IndexExpr {
  readonly kind: 'Index';
  readonly line: number;
  readonly obj: Expr;
  readonly key: Expr;
}

/** `func(args)`, `func "str"`, `func {table}`; line = line where the prefix expression starts. */
export interface CallExpr {
  readonly kind: 'Call';
  readonly line: number;
  readonly func: Expr;
  readonly args: readonly Expr[];
}

/** `obj:name(args)`; line = line where the prefix expression starts. */
export interface MethodCallExpr {
  readonly kind: 'MethodCall';
  readonly line: number;
  readonly obj: Expr;
  readonly name: string;
  /** line of the method name token */
  readonly nameLine: number;
  readonly args: readonly Expr[];
}

/** `(expr)`: truncates calls and varargs to one value. */
export interface ParenExpr {
  readonly kind: 'Paren';
  readonly line: number;
  readonly expr: Expr;
}

export type Stat =
  | LocalStat
  | AssignStat
  | CallStat
  | DoStat
  | WhileStat
  | RepeatStat
  | IfStat
  | NumericForStat
  | GenericForStat
  | FunctionStat
  | LocalFunctionStat
  | ReturnStat
  | BreakStat
  | GotoStat
  | LabelStat;

export type Attrib = 'const' | 'close' | null;

export interface LocalName { readonly name: string; readonly attrib: Attrib }

/** `local a <const>, b = e1, e2`; line = line of `local`. */
export interface LocalStat {
  readonly kind: 'Local';
  readonly line: number;
  readonly names: readonly LocalName[];
  readonly exprs: readonly Expr[];
}

/** `t1, t2 = e1, e2`; targets are Name or Index; line = line of `=`; the stores take
 *  lastLine, the line of the statement's last token. */
export interface AssignStat {
  readonly kind: 'Assign';
  readonly line: number;
  readonly lastLine: number;
  readonly targets: readonly (NameExpr | IndexExpr)[];
  readonly exprs: readonly Expr[];
}

export interface CallStat {
  readonly kind: 'CallStat';
  readonly line: number;
  readonly call: CallExpr | MethodCallExpr;
}

export interface DoStat { readonly kind: 'Do'; readonly line: number; readonly body: Block }

export interface WhileStat {
  readonly kind: 'While';
  readonly line: number;
  readonly cond: Expr;
  readonly body: Block;
}

/** `repeat body until cond`: cond sees the body's locals (§3.3.4). */
export interface RepeatStat {
  readonly kind: 'Repeat';
  readonly line: number;
  readonly body: Block;
  readonly cond: Expr;
}

/** line: of `if`/`elseif`; thenLine: of `then` (where the test of the condition is) */
export interface IfClause { readonly cond: Expr; readonly body: Block; readonly line: number; readonly thenLine: number }

export interface IfStat {
  readonly kind: 'If';
  readonly line: number;
  /** `if` and every `elseif` */
  readonly clauses: readonly IfClause[];
  readonly orelse: Block | null;
}

/** `for v = start, limit [, step] do body end`; line = line of `for`. */
export interface NumericForStat {
  readonly kind: 'NumericFor';
  readonly line: number;
  readonly varName: string;
  readonly start: Expr;
  readonly limit: Expr;
  readonly step: Expr | null;
  readonly body: Block;
}

/** `for n1, n2 in explist do body end`; line = line of `for`. */
export interface GenericForStat {
  readonly kind: 'GenericFor';
  readonly line: number;
  readonly names: readonly string[];
  readonly exprs: readonly Expr[];
  readonly body: Block;
}

/** `function a.b.c:m(...) end`: target is the Name or Index the function is stored to. */
export interface FunctionStat {
  readonly kind: 'FunctionStat';
  readonly line: number;
  readonly target: NameExpr | IndexExpr;
  readonly func: FunctionExpr;
}

/** `local function f(...) end`: f is in scope inside its own body. */
export interface LocalFunctionStat {
  readonly kind: 'LocalFunction';
  readonly line: number;
  readonly name: string;
  readonly func: FunctionExpr;
}

/** `return explist`; always the last statement of its block. */
export interface ReturnStat {
  readonly kind: 'Return';
  readonly line: number;
  readonly exprs: readonly Expr[];
}

export interface BreakStat { readonly kind: 'Break'; readonly line: number }
export interface GotoStat { readonly kind: 'Goto'; readonly line: number; readonly label: string }
export interface LabelStat { readonly kind: 'Label'; readonly line: number; readonly name: string }

export interface Block {
  readonly stats: readonly Stat[];
  /** line of the token that ends the block (`end`, `until`, `else`, `elseif` or EOF) */
  readonly endLine: number;
  /** line of the block's last token (of the token before it when empty): code emitted after
   *  the block, such as a loop's jump back, takes this line */
  readonly lastLine: number;
}

/** A whole chunk: the main function is vararg with no parameters (§3.3.2). */
export interface Chunk {
  readonly body: Block;
  /** the chunk name as given to load (e.g. "@file.lua", "=stdin", or the source text) */
  readonly chunkname: string;
  /** line of the end of the source (lastlinedefined is 0 for the main function) */
  readonly endLine: number;
  /** line of the last token (1 when there is none): the line of the final return */
  readonly lastLine: number;
}
