/**
 * moonbox/core: Lua 5.4 alone (compiler, interpreter, standard library), without the
 * embedding engine (`LuaEngine`: sandbox policies, limits, the state pool, the chunk cache,
 * JS <-> Lua converters, async host functions) and without the compiling tier. It is the
 * smallest download: `moonbox/browser-core` is this entry as one minified file.
 *
 * ```ts
 * import { createState, runText } from 'moonbox/core';
 * let out = '';
 * const vm = createState({ stdout: (bytes) => { out += bytes; } });
 * const results = runText(vm, 'print("hi") return 6 * 7', '=demo'); // out: "hi\n"; results: [42]
 * ```
 *
 * Values are the VM's own (docs/architecture.md, "Values"): nil is `undefined`, booleans are
 * booleans, integers are JS numbers (or a `bigint` beyond 2^53), floats are JS numbers when
 * not integral (integral floats such as 1.0 are boxed), strings are byte strings (one char
 * code 0-255 per byte). Errors are thrown as `LuaError` with the Lua error value.
 */
export { VERSION } from './version.js';
export { createState, runText, closeState } from './engine/runtime.js';
export type { StateOptions } from './engine/runtime.js';
export { LuaError } from './vm/errors.js';
export type { LuaVM } from './vm/state.js';
export type { LuaValue } from './vm/value.js';
