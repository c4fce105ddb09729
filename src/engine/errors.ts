/**
 * The errors the host sees. Every error moonbox raises to the host is one of these (or the
 * host's own Error thrown by a host function, given back unchanged with `luaTraceback`).
 */
import { numberToString, LuaFloat, typeName } from '../vm/value.js';
import type { LuaValue } from '../vm/value.js';
import { fromLuaString } from './convert.js';

/** Source text that does not compile. `message` is worded as Lua prints it. */
export class LuaSyntaxError extends Error {
  readonly chunkname: string;
  /** line of the error (0 when unknown, e.g. "C stack overflow") */
  readonly line: number;
  /** column of the error (0 when unknown) */
  readonly column: number;
  constructor(message: string, chunkname: string, column = 0) {
    super(fromLuaString(message));
    this.name = 'LuaSyntaxError';
    this.chunkname = chunkname;
    const m = /^[^\n]*?:(\d+): /.exec(this.message);
    this.line = m !== null ? Number(m[1]) : 0;
    this.column = column;
  }
}

/** A Lua error that reached the host. */
export class LuaRuntimeError extends Error {
  /** the Lua error value, converted to JS (`error({code = 42})` gives { code: 42 }) */
  readonly value: unknown;
  /** chunk and line of the error when the message carries them */
  readonly chunkname: string | null;
  readonly line: number;
  /** the Lua traceback at the point of the error */
  readonly luaTraceback: string | null;
  constructor(message: string, value: unknown, traceback: string | null) {
    super(message);
    this.name = 'LuaRuntimeError';
    this.value = value;
    this.luaTraceback = traceback;
    const m = /^(.*?):(\d+): /.exec(message);
    this.chunkname = m !== null ? m[1] : null;
    this.line = m !== null ? Number(m[2]) : 0;
  }
}

/** A run stopped by its AbortSignal (not catchable by the script). */
export class LuaAbortError extends Error {
  constructor(message = 'the run was aborted') {
    super(message);
    this.name = 'LuaAbortError';
  }
}

/**
 * A run stopped by one of its limits (see `Limits`). The script cannot catch these: no
 * pcall, xpcall or coroutine sees them; pending `<close>` variables of the run are closed
 * (under a small extra budget) before the host gets the error.
 */
export class LuaLimitError extends Error {
  /** which limit: 'instructions', 'memory' (also a string longer than `stringBytes`), 'time' */
  readonly limit: 'instructions' | 'memory' | 'time';
  constructor(limit: 'instructions' | 'memory' | 'time', message: string) {
    super(message);
    this.name = 'LuaLimitError';
    this.limit = limit;
  }
}

/** The run executed more instructions (library work included) than `limits.instructions`. */
export class LuaInstructionLimitError extends LuaLimitError {
  constructor(message: string) {
    super('instructions', message);
    this.name = 'LuaInstructionLimitError';
  }
}

/** The run's heap would have grown past `limits.memoryBytes`, or a string past `limits.stringBytes`. */
export class LuaMemoryLimitError extends LuaLimitError {
  constructor(message: string) {
    super('memory', message);
    this.name = 'LuaMemoryLimitError';
  }
}

/** The run took longer than `limits.timeoutMs`. */
export class LuaTimeoutError extends LuaLimitError {
  constructor(message: string) {
    super('time', message);
    this.name = 'LuaTimeoutError';
  }
}

/** The message of a Lua error value, as the standalone interpreter would print it. */
export function errorMessageOf(v: LuaValue): string {
  if (typeof v === 'string') return fromLuaString(v);
  if (typeof v === 'number' || typeof v === 'bigint' || v instanceof LuaFloat) return numberToString(v);
  return `(error object is a ${typeName(v)} value)`;
}
