/**
 * The error thrown for every lexical and syntax error.
 *
 * `msg` is the complete message exactly as the reference interpreter words it, e.g.
 * `input:3: unexpected symbol near 'x'`, `input:1: unknown attribute 'foo'` (semantic
 * errors carry no `near` part) or `C stack overflow` (nesting too deep: no position).
 * `line` is the line the message names (for "C stack overflow", the line being read).
 */
export class LuaSyntaxError extends Error {
  /** the chunk name as given to load ("=stdin", "@file.lua", or source text) */
  readonly chunkname: string;
  readonly line: number;
  /** the full message, identical to `message` */
  readonly msg: string;

  /** column (1-based, in bytes) of the token the error is about; 0 when unknown */
  readonly column: number;

  constructor(chunkname: string, line: number, msg: string, column = 0) {
    super(msg);
    this.name = 'LuaSyntaxError';
    this.chunkname = chunkname;
    this.line = line;
    this.msg = msg;
    this.column = column;
  }
}
