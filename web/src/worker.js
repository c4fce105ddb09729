// The playground's Web Worker: runs one Lua script per message, so the page stays
// responsive while a script runs.
//
// in:  { id, source, policy, limits: { instructions?, memoryBytes?, timeoutMs? } }
// out: { id, type: 'output', text }                        while the script runs
//      { id, type: 'done', stats, values }                 it ended normally
//      { id, type: 'error', stats, error }                 it failed (see describe-error.js)
// where stats is { instructions, memoryPeak, durationMs }.
import { LuaEngine } from '../../dist/index.js';
import { CHUNKNAME, describeError } from './describe-error.js';

/** Output is sent to the page in batches at most this often (ms)... */
const FLUSH_MS = 50;
/** ...and no more than this many characters of it per run (a print loop cannot flood the page). */
const MAX_OUTPUT = 1 << 20;

self.onmessage = async (event) => {
  const { id, source, policy, limits } = event.data;
  let pending = '';
  let sent = 0;
  let truncated = false;
  let lastFlush = performance.now();

  const flush = () => {
    if (pending === '') return;
    self.postMessage({ id, type: 'output', text: pending });
    pending = '';
    lastFlush = performance.now();
  };
  // print/io.write and io.stderr go to the same panel, in order
  const write = (text) => {
    if (truncated) return;
    if (sent + text.length > MAX_OUTPUT) {
      truncated = true;
      pending += text.slice(0, MAX_OUTPUT - sent) + '\n[output truncated]\n';
    } else {
      pending += text;
      sent += text.length;
    }
    if (performance.now() - lastFlush >= FLUSH_MS) flush();
  };

  // A fresh engine per run: each run starts from clean globals whatever the previous one
  // did, the policy chosen on the page applies from the start (a policy is fixed when an
  // engine is made), and the engine's metrics (used for the figures of a failed run) and
  // memory peak cover this run alone. Making an engine costs a few milliseconds.
  let engine = null;
  try {
    engine = new LuaEngine({ policy, stdout: write, stderr: write });
    const r = await engine.run(source, { chunkname: CHUNKNAME, limits });
    flush();
    const stats = { instructions: r.instructions, memoryPeak: r.memoryPeak, durationMs: r.durationMs };
    self.postMessage({ id, type: 'done', stats, values: r.values.map(showValue) });
  } catch (e) {
    flush();
    self.postMessage({ id, type: 'error', stats: failedRunStats(engine), error: describeError(e) });
  } finally {
    engine?.close();
  }
};

/**
 * The figures of a run that threw: the thrown error carries none, but the engine ran only
 * this run, so its metrics are this run's (a syntax error never executed: 0 instructions).
 */
function failedRunStats(engine) {
  if (engine === null) return null;
  const m = engine.metrics();
  return { instructions: m.instructions, memoryPeak: m.memoryPeak, durationMs: m.durations.execute.max };
}

/** A returned value as text (values cross to the page as strings: functions cannot be cloned). */
function showValue(v) {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null || v === undefined) return 'nil';
  if (typeof v === 'function') return 'function';
  if (typeof v === 'object') {
    try {
      return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? String(x) : typeof x === 'function' ? 'function' : x));
    } catch {
      return String(v); // a table that contains itself
    }
  }
  return String(v);
}
