/**
 * Creating a ready-to-run Lua state and running chunks in it: the layer the CLI and the
 * LuaEngine share.
 */
import { LuaVM } from '../vm/state.js';
import type { LuaThread } from '../vm/state.js';
import type { LuaValue } from '../vm/value.js';
import { setChunkIdFn, traceback } from '../vm/debuginfo.js';
import { callValue, closeUpvals, EntryError } from '../vm/interp.js';
import { LuaError } from '../vm/errors.js';
import { chunkId } from '../lexer/chunkid.js';
import { openLibs } from '../stdlib/index.js';
import { loadChunk } from '../stdlib/load.js';
import { tostringFast, runFinalizers } from '../stdlib/base.js';
import { LuaFloat, NativeFunction, SPECIAL } from '../vm/value.js';
import { getTM } from '../vm/meta.js';
import { VMSignal } from '../vm/suspend.js';
import { typeName } from '../vm/value.js';

setChunkIdFn(chunkId);

export interface StateOptions {
  stdout?: (bytes: string) => void;
  stderr?: (bytes: string) => void;
  readFile?: (path: string) => string | null;
  readStdin?: () => string | null;
  /** false: hot functions stay in the interpreter even where the compiling tier is installed */
  compilingTier?: boolean;
}

export function createState(opts: StateOptions = {}): LuaVM {
  const vm = new LuaVM();
  if (opts.stdout) vm.stdout = opts.stdout;
  if (opts.stderr) vm.stderr = opts.stderr;
  if (opts.readFile) vm.readFile = opts.readFile;
  if (opts.readStdin) vm.readStdin = opts.readStdin;
  if (opts.compilingTier === false) vm.jitEnabled = false;
  openLibs(vm);
  return vm;
}

/**
 * The message of an error object that is not a string or number, as the standalone
 * interpreter's handler finds it: what its `__tostring` returns when that is a string, else
 * null. Called while the error is being raised (in a message handler); a limit reached
 * inside `__tostring` still stops the run.
 */
export function errorObjectMessage(L: LuaThread, e: LuaValue): string | null {
  const tm = getTM(L.vm, e, '__tostring');
  if (tm === undefined) return null;
  try {
    const r = callValue(L.vm, tm, [e]);
    return typeof r[0] === 'string' ? r[0] : null;
  } catch (x) {
    if (x instanceof VMSignal) throw x;
    return null;
  }
}

/** Message handler of the standalone interpreter: message plus traceback. */
export function tracebackHandler(L: LuaThread, e: LuaValue): LuaValue {
  let msg: string;
  if (typeof e === 'string') msg = e;
  else if (typeof e === 'number' || typeof e === 'bigint' || e instanceof LuaFloat) {
    msg = tostringFast(L.vm, e)!;
  } else {
    const m = errorObjectMessage(L, e);
    if (m !== null) return m;
    msg = `(error object is a ${typeName(e)} value)`;
  }
  return traceback(L, msg, 0);
}

/** Call a Lua function; errors become LuaError (with the handler's result as value). */
export function protectedCall(vm: LuaVM, fn: LuaValue, args: LuaValue[], handler: ((L: LuaThread, e: LuaValue) => LuaValue) | null): LuaValue[] {
  try {
    return callValue(vm, fn, args, handler);
  } catch (e) {
    if (e instanceof EntryError) {
      const v = e.value;
      throw new LuaError(typeof v === 'string' ? v : `(error object is a ${typeName(v)} value)`, v);
    }
    throw e;
  }
}

/**
 * Close a state (lua_close): close pending to-be-closed variables of the main thread and
 * run the finalizers of every object marked for finalization, in reverse marking order.
 */
export function closeState(vm: LuaVM): void {
  // pending to-be-closed variables of the main thread, innermost first, with no error
  // (lua_close); an error in one of their handlers is dropped and the others still run
  const main = vm.mainThread;
  const tbc = main.tbc;
  while (tbc.length > 0) {
    const idx = tbc.pop()!;
    const v = main.stack[idx];
    closeUpvals(main, idx);
    const tm = getTM(vm, v, '__close');
    if (tm === undefined) continue;
    try {
      callValue(vm, tm, [v, undefined]);
    } catch (e) {
      if (!(e instanceof EntryError)) throw e;
    }
  }
  const objs = vm.finobj;
  vm.finobj = [];
  for (let i = objs.length - 1; i >= 0; i--) vm.tobefnz.push(objs[i]);
  const runner = new NativeFunction('(close)', null, function* (L: LuaThread) {
    yield* runFinalizers(L);
    return 0;
  }, SPECIAL.NONE, null);
  runner.catches = true;
  try {
    callValue(vm, runner, []);
  } catch {
    /* errors in finalizers are warnings */
  }
}

/** Compile and run source text; returns all its results. */
export function runText(vm: LuaVM, text: string, chunkname: string, args: LuaValue[] = []): LuaValue[] {
  const f = loadChunk(vm, text, chunkname, 'bt');
  if (typeof f === 'string') throw new LuaError(f, f);
  return protectedCall(vm, f, args, null);
}
