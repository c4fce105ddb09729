/**
 * moonbox: Lua 5.4 in TypeScript, with an embedding engine.
 *
 * ```ts
 * import { LuaEngine } from 'moonbox';
 * const engine = new LuaEngine();
 * const { values } = await engine.run('return 1 + 1');
 * ```
 */
export { VERSION } from './version.js';
export { LuaEngine, CompiledChunk, MultiValue, multi } from './engine/engine.js';
export type {
  EngineOptions, RunOptions, RunResult, HostFunction, HostFunctionSignature, ParamType,
  LuaFunctionHandle, BridgeSpec, HostContext, Limits, EnginePoolOptions, EngineShutdownReport,
} from './engine/engine.js';
export type { EngineMetrics, ErrorCounts, StageDurations, RunStage } from './engine/metrics.js';
// the pool of a pooled engine (option `pool`): its configuration, figures and errors
export { PoolInitError, PoolShutdownError, PoolAbortError } from './engine/pool.js';
export type {
  StatePool, StatePoolOptions, PooledState, PoolModule, PoolTimers, HealthOptions, PoolMetrics,
  PoolInitStage, HealthReport, RunOutcome, ShutdownReport,
} from './engine/pool.js';
export {
  LuaSyntaxError, LuaRuntimeError, LuaAbortError, LuaLimitError, LuaInstructionLimitError,
  LuaMemoryLimitError, LuaTimeoutError,
} from './engine/errors.js';
export { ConversionError, toJS, toLua } from './engine/convert.js';
export type { ToJSOptions, ToLuaOptions } from './engine/convert.js';
export { MemFs } from './stdlib/io-memfs.js';
export type { OsHost } from './stdlib/os.js';
export type { Policy, PolicyName, CustomPolicy, VirtualFS } from './engine/policy.js';
export { ChunkCache, MemoryChunkStore } from './engine/cache.js';
export type { ChunkCacheOptions, ChunkCacheStats, ChunkStore } from './engine/cache.js';
