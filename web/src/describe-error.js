// Turns an error thrown by engine.run into a plain object the worker can post to the page:
// { kind, name, message, line, traceback }. `line` is the line of the playground's own
// source (0 when the error has none there).
import { LuaSyntaxError, LuaRuntimeError, LuaLimitError } from '../../dist/index.js';

/** The chunk name the playground runs its source under; messages show it as "playground:3:". */
export const CHUNKNAME = '=playground';

/** How the chunk shows in messages and tracebacks: "=name" is shown as "name". */
const SHOWN = CHUNKNAME.startsWith('=') ? CHUNKNAME.slice(1) : CHUNKNAME;

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "playground:12:" at the start of a message or of a traceback line. */
const POSITION = new RegExp(`^\\s*${escapeRegExp(SHOWN)}:(\\d+):`);

/**
 * The playground line an error points at. The message comes first ("playground:3: ..."); a
 * message that names another chunk (a string given to load) or no position at all (an error
 * value raised with level 0, or a table) falls back to the innermost traceback entry in the
 * playground's source.
 */
export function errorLine(message, traceback) {
  const m = POSITION.exec(message ?? '');
  if (m !== null) return Number(m[1]);
  for (const entry of (traceback ?? '').split('\n')) {
    const t = POSITION.exec(entry);
    if (t !== null) return Number(t[1]);
  }
  return 0;
}

/** The kind of failure: 'syntax', 'runtime', 'limit' (with the limit's name) or 'host'. */
export function describeError(e) {
  if (e instanceof LuaSyntaxError) {
    return { kind: 'syntax', name: e.name, message: e.message, line: errorLine(e.message, null), traceback: null };
  }
  if (e instanceof LuaRuntimeError) {
    const traceback = e.luaTraceback ?? null;
    return { kind: 'runtime', name: e.name, message: e.message, line: errorLine(e.message, traceback), traceback };
  }
  if (e instanceof LuaLimitError) {
    return { kind: 'limit', limit: e.limit, name: e.name, message: e.message, line: 0, traceback: null };
  }
  const err = e instanceof Error ? e : new Error(String(e));
  return { kind: 'host', name: err.name, message: err.message, line: 0, traceback: null };
}
