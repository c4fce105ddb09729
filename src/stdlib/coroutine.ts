/**
 * The coroutine library (manual §6.2). resume, yield and the functions made by wrap are
 * served by the interpreter loop itself (SPECIAL natives), which switches threads without
 * JS recursion; the rest are plain natives.
 */
import { NativeFunction, SPECIAL, nativeFn, nativeGen, isFunction } from '../vm/value.js';
import type { LuaValue } from '../vm/value.js';
import { LuaTable } from '../vm/table.js';
import { LuaThread, CO_RUNNING, CO_DEAD } from '../vm/state.js';
import type { LuaVM } from '../vm/state.js';
import { CallRequest, closeUpvals, canYield } from '../vm/interp.js';
import { getTM, objTypeName } from '../vm/meta.js';
import {
  arg, typeErrorArg, checkFunction, nativeError, setFuncs, registerLib,
} from '../vm/auxlib.js';
import { LuaThrow } from '../vm/errors.js';

function checkCo(L: LuaThread, base: number, n: number, narg: number): LuaThread {
  const v = arg(L, base, n, narg);
  if (!(v instanceof LuaThread)) typeErrorArg(L, base, n, narg, 'thread');
  return v;
}

/** Status names, indexed by a thread's status (CO_RUNNING, CO_SUSPENDED, CO_NORMAL, CO_DEAD). */
const STATUS_NAMES = ['running', 'suspended', 'normal', 'dead'];

function statusOf(L: LuaThread, co: LuaThread): string {
  return co === L ? 'running' : STATUS_NAMES[co.status];
}

/** A new coroutine running function f (suspended, as a new thread is). */
export function newCoroutine(vm: LuaVM, f: LuaValue): LuaThread {
  const co = new LuaThread(vm);
  // lua_newthread copies the hook mask and count; the hook function (debug.sethook's, kept
  // per thread) is not there, so none runs until debug.sethook sets one for the coroutine
  co.hookMaskStr = vm.current.hookMaskStr;
  co.hookCount = vm.current.hookCount;
  co.body = f;
  vm.gcdebt += 1000; // as the collector counts a thread (gc.ts SIZE_THREAD)
  return co;
}

/** coroutine.close: close pending to-be-closed variables of a suspended or dead coroutine. */
function* closeGen(L: LuaThread, base: number, n: number): Generator<CallRequest, number, LuaValue> {
  const co = checkCo(L, base, n, 1);
  const st = statusOf(L, co);
  if (st !== 'suspended' && st !== 'dead') {
    nativeError(L, `cannot close a ${st} coroutine`);
  }
  // a coroutine that died by an error gives false and its error
  let err: LuaValue = co.status === CO_DEAD ? co.errValue : undefined;
  let ok = err === undefined;
  // while its closing methods run, the coroutine counts as running (closing it again from
  // one of them is an error)
  co.status = CO_RUNNING;
  const tbc = co.tbc;
  while (tbc.length > 0) {
    const idx = tbc.pop()!;
    const v = co.stack[idx];
    closeUpvals(co, idx);
    const tm = getTM(L.vm, v, '__close');
    if (!isFunction(tm) && getTM(L.vm, tm, '__call') === undefined) {
      // the metamethod was removed or replaced after the variable was marked: the call fails
      ok = false;
      err = `attempt to call a ${objTypeName(L.vm, tm)} value`;
      continue;
    }
    try {
      yield new CallRequest(tm, [v, err], 1);
    } catch (e) {
      // an error in a closing method becomes the new error (the method ran in a catching
      // generator, see NativeFunction.catches)
      ok = false;
      err = e instanceof LuaThrow ? e.value : e;
    }
  }
  closeUpvals(co, 0);
  co.status = CO_DEAD;
  co.body = undefined;
  co.errValue = undefined;
  co.ci = 0;
  const s = L.stack;
  if (ok) {
    s[base] = true;
    return 1;
  }
  s[base] = false;
  s[base + 1] = err;
  return 2;
}

export function openCoroutine(vm: LuaVM): void {
  const close = nativeGen('close', closeGen);
  close.catches = true;
  registerLib(vm, 'coroutine', setFuncs(new LuaTable(), [
    nativeFn('create', (L, base, n) => {
      L.stack[base] = newCoroutine(L.vm, checkFunction(L, base, n, 1));
      return 1;
    }),
    new NativeFunction('resume', null, null, SPECIAL.RESUME, null),
    new NativeFunction('yield', null, null, SPECIAL.YIELD, null),
    nativeFn('status', (L, base, n) => {
      const c = checkCo(L, base, n, 1);
      L.stack[base] = statusOf(L.vm.current, c);
      return 1;
    }),
    nativeFn('running', (L, base) => {
      const cur = L.vm.current;
      L.stack[base] = cur;
      L.stack[base + 1] = cur === L.vm.mainThread;
      return 2;
    }),
    nativeFn('isyieldable', (L, base, n) => {
      const c = n >= 1 ? checkCo(L, base, n, 1) : L.vm.current;
      L.stack[base] = c !== L.vm.mainThread && c.nyci === 0 && canYield(c);
      return 1;
    }),
    nativeFn('wrap', (L, base, n) => {
      const c = newCoroutine(L.vm, checkFunction(L, base, n, 1));
      L.stack[base] = new NativeFunction('wrap', null, null, SPECIAL.WRAPCALL, c);
      return 1;
    }),
    close,
  ]));
}
