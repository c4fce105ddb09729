/**
 * moonbox: Lua 5.4 in TypeScript, with an embedding engine.
 *
 * ```ts
 * import { LuaEngine } from 'moonbox';
 * const engine = new LuaEngine();
 * const { values } = await engine.run('return 1 + 1');
 * ```
 */
export { LuaEngine, CompiledChunk, MultiValue, multi } from './engine/engine.js';
export type {
  EngineOptions, RunOptions, RunResult, HostFunction, HostFunctionSignature, ParamType,
  LuaFunctionHandle, BridgeSpec,
} from './engine/engine.js';
export { LuaSyntaxError, LuaRuntimeError } from './engine/errors.js';
export { ConversionError, toJS, toLua } from './engine/convert.js';
export type { ToJSOptions, ToLuaOptions } from './engine/convert.js';
export { MemFs } from './stdlib/io-memfs.js';
