/**
 * How errors travel.
 *
 * Inside the VM a Lua error is thrown as a LuaThrow (a plain object, cheap to create: no JS
 * stack capture), caught by execute(), and unwound to the nearest pcall/xpcall frame or
 * entry frame. At the host boundary it becomes a LuaError, a real JS Error carrying the Lua
 * error value and the Lua traceback.
 */
import type { LuaValue } from './value.js';

export class LuaThrow {
  value: LuaValue;
  /** traceback text captured at the error point (when a handler asked for it) */
  traceback: string | null;
  constructor(value: LuaValue) {
    this.value = value;
    this.traceback = null;
  }
}

/** A Lua error as seen by the host. */
export class LuaError extends Error {
  /** the Lua error value (any Lua value; a string for most errors) */
  readonly value: LuaValue;
  /** Lua traceback at the point of the error, when available */
  luaTraceback: string | null;
  constructor(message: string, value: LuaValue, traceback: string | null = null) {
    super(message);
    this.name = 'LuaError';
    this.value = value;
    this.luaTraceback = traceback;
  }
}

/** Raised by VM operations for conditions the VM detects itself ("stack overflow", ...). */
export function luaThrow(value: LuaValue): never {
  throw new LuaThrow(value);
}
