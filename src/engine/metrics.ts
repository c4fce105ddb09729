/**
 * Engine metrics: what `engine.metrics()` reports. Counters of runs and of their errors by
 * class, the instructions they executed, the highest heap seen, and the durations of the
 * stages of the run pipeline (compile, acquire, prepare, execute, convert, release, and the
 * total), each kept as a bounded reservoir of its most recent samples from which p50 and
 * p99 are read.
 *
 * What counts as a run: each call of `run` or `runSync` (a pooled engine's included, and
 * `runFile` of moonbox/node once its file is read and compiled), counted when it ends. Calls into Lua that are not runs (`call`, function
 * handles, `callAsync`) are not counted. Invariants, once no run is in flight:
 *
 *   runs = ok + (sum of errors)        durations.total.count = runs
 *
 * and every stage a run reached has one sample for it (a run rejected at compile time has
 * a compile sample and no other stage sample, one that waited for a pooled state and was
 * aborted has compile and acquire samples).
 */
import {
  LuaAbortError, LuaInstructionLimitError, LuaMemoryLimitError, LuaRuntimeError, LuaSyntaxError,
  LuaTimeoutError,
} from './errors.js';
import type { ChunkCacheStats } from './cache.js';
import type { PoolMetrics } from './pool.js';

/** The stages of a run, in pipeline order; `total` is the whole run. */
export const RUN_STAGES = ['compile', 'acquire', 'prepare', 'execute', 'convert', 'release', 'total'] as const;
export type RunStage = typeof RUN_STAGES[number];

/** Stage numbers for the recorder (indices into RUN_STAGES). */
export const STAGE = {
  compile: 0, acquire: 1, prepare: 2, execute: 3, convert: 4, release: 5, total: 6,
} as const;

/** The error classes counted by metrics, and `other` for anything else (host errors...). */
export interface ErrorCounts {
  LuaSyntaxError: number;
  LuaRuntimeError: number;
  LuaInstructionLimitError: number;
  LuaMemoryLimitError: number;
  LuaTimeoutError: number;
  LuaAbortError: number;
  /** errors of other classes: a host function's own Error, ConversionError, pool errors */
  other: number;
}

export interface StageDurations {
  /** samples recorded since the engine was made (the percentiles cover the last `window`) */
  count: number;
  /** how many recent samples the percentiles are taken over */
  window: number;
  /** milliseconds; 0 when there is no sample */
  p50: number;
  p99: number;
  max: number;
}

export interface EngineMetrics {
  /** runs ended (ok or not) */
  runs: number;
  ok: number;
  /** runs started and not ended yet */
  inFlight: number;
  errors: ErrorCounts;
  /** VM instructions executed by the runs, library work charged included (failed runs too) */
  instructions: number;
  /** the highest accounted heap seen at the end of a run (or during a run that had a memory
   *  limit, which measures it throughout), in bytes */
  memoryPeak: number;
  /** durations by stage (stages a run does not go through have count 0: a non-pooled
   *  engine has no acquire, prepare or release) */
  durations: Record<RunStage, StageDurations>;
  /** the chunk cache's figures, when the engine has one */
  cache?: ChunkCacheStats;
  /** the pool's figures, when the engine is pooled */
  pool?: PoolMetrics;
}

/**
 * The last `size` samples of one stage, in a ring: `buf[i % size]` holds sample i, so the
 * reservoir is `buf[0 .. min(count, size))` in some order.
 */
class Reservoir {
  readonly buf: Float64Array;
  count = 0;
  max = 0;
  constructor(size: number) {
    this.buf = new Float64Array(size);
  }

  add(ms: number): void {
    this.buf[this.count % this.buf.length] = ms;
    this.count++;
    if (ms > this.max) this.max = ms;
  }

  summary(): StageDurations {
    const n = Math.min(this.count, this.buf.length);
    if (n === 0) return { count: 0, window: 0, p50: 0, p99: 0, max: 0 };
    const s = this.buf.slice(0, n).sort();
    // nearest rank: the smallest sample with at least q of the samples at or below it
    const rank = (q: number): number => s[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))];
    return { count: this.count, window: n, p50: rank(0.5), p99: rank(0.99), max: this.max };
  }
}

/** What the engine records; `snapshot` gives the figures without the cache and pool parts. */
export class MetricsRecorder {
  runs = 0;
  ok = 0;
  inFlight = 0;
  instructions = 0;
  memoryPeak = 0;
  readonly errors: ErrorCounts = {
    LuaSyntaxError: 0, LuaRuntimeError: 0, LuaInstructionLimitError: 0, LuaMemoryLimitError: 0,
    LuaTimeoutError: 0, LuaAbortError: 0, other: 0,
  };
  private readonly stages: Reservoir[] = [];

  constructor(samples: number) {
    const size = Math.max(1, Math.floor(samples));
    for (let i = 0; i < RUN_STAGES.length; i++) this.stages.push(new Reservoir(size));
  }

  /** One sample of stage `i` (a STAGE number), in ms. */
  stage(i: number, ms: number): void {
    this.stages[i].add(ms);
  }

  /** A run ended: its outcome, instructions and the heap it saw. */
  end(error: unknown, instructions: number, memory: number, totalMs: number): void {
    this.inFlight--;
    this.runs++;
    if (error === null) this.ok++;
    else this.errors[errorKind(error)]++;
    this.instructions += instructions;
    if (memory > this.memoryPeak) this.memoryPeak = memory;
    this.stages[STAGE.total].add(totalMs);
  }

  snapshot(): EngineMetrics {
    const durations = {} as Record<RunStage, StageDurations>;
    for (let i = 0; i < RUN_STAGES.length; i++) durations[RUN_STAGES[i]] = this.stages[i].summary();
    return {
      runs: this.runs,
      ok: this.ok,
      inFlight: this.inFlight,
      errors: { ...this.errors },
      instructions: this.instructions,
      memoryPeak: this.memoryPeak,
      durations,
    };
  }
}

function errorKind(e: unknown): keyof ErrorCounts {
  // the limit classes before their base class; LuaLimitError itself is never raised
  if (e instanceof LuaInstructionLimitError) return 'LuaInstructionLimitError';
  if (e instanceof LuaMemoryLimitError) return 'LuaMemoryLimitError';
  if (e instanceof LuaTimeoutError) return 'LuaTimeoutError';
  if (e instanceof LuaAbortError) return 'LuaAbortError';
  if (e instanceof LuaRuntimeError) return 'LuaRuntimeError';
  if (e instanceof LuaSyntaxError) return 'LuaSyntaxError';
  return 'other';
}
