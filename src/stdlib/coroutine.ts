/**
 * The coroutine library (manual §6.2). resume, yield and the functions made by wrap are
 * served by the interpreter loop itself (SPECIAL natives), which switches threads without
 * JS recursion; the rest are plain natives.
 */
import { NativeFunction, SPECIAL, LuaClosure, nativeFn, nativeGen } from '../vm/value.js';
import type { LuaValue } from '../vm/value.js';
import { LuaTable } from '../vm/table.js';
import { LuaThread, CO_RUNNING, CO_SUSPENDED, CO_NORMAL, CO_DEAD } from '../vm/state.js';
import type { LuaVM } from '../vm/state.js';
import { CallRequest, closeUpvals, canYield } from '../vm/interp.js';
import { getTM, objTypeName } from '../vm/meta.js';
import { argError, typeErrorArg, checkAny, nativeError } from '../vm/auxlib.js';
import { LuaThrow } from '../vm/errors.js';

function checkCo(L: LuaThread, base: number, n: number, narg: number): LuaThread {
  const v = narg <= n ? L.stack[base + narg - 1] : undefined;
  if (!(v instanceof LuaThread)) typeErrorArg(L, base, n, narg, 'thread');
  return v;
}

function statusOf(L: LuaThread, co: LuaThread): string {
  if (co === L) return 'running';
  switch (co.status) {
    case CO_RUNNING: return 'running';
    case CO_SUSPENDED: return 'suspended';
    case CO_NORMAL: return 'normal';
    default: return 'dead';
  }
}

/** A new coroutine running function f. */
export function newCoroutine(vm: LuaVM, f: LuaValue): LuaThread {
  const co = new LuaThread(vm);
  // lua_newthread copies the hook mask and count; the hook function (debug.sethook's, kept
  // per thread) is not there, so none runs until debug.sethook sets one for the coroutine
  co.hookMaskStr = vm.current.hookMaskStr;
  co.hookCount = vm.current.hookCount;
  co.body = f;
  co.status = CO_SUSPENDED;
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
  let err: LuaValue = co.status === CO_DEAD ? co.errValue : undefined;
  let ok = co.errValue === undefined || co.status !== CO_DEAD;
  // while its closing methods run, the coroutine counts as running (closing it again from
  // one of them is an error)
  co.status = CO_RUNNING;
  const tbc = co.tbc;
  while (tbc.length > 0) {
    const idx = tbc.pop()!;
    const v = co.stack[idx];
    closeUpvals(co, idx);
    const tm = getTM(L.vm, v, '__close');
    if (!(tm instanceof LuaClosure || tm instanceof NativeFunction) && getTM(L.vm, tm, '__call') === undefined) {
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
  const co = new LuaTable();
  co.setStr('create', nativeFn('create', (L, base, n) => {
    const f = n >= 1 ? L.stack[base] : undefined;
    if (!(f instanceof LuaClosure) && !(f instanceof NativeFunction)) typeErrorArg(L, base, n, 1, 'function');
    L.stack[base] = newCoroutine(L.vm, f);
    return 1;
  }));
  co.setStr('resume', new NativeFunction('resume', null, null, SPECIAL.RESUME, null));
  co.setStr('yield', new NativeFunction('yield', null, null, SPECIAL.YIELD, null));
  co.setStr('status', nativeFn('status', (L, base, n) => {
    const c = checkCo(L, base, n, 1);
    L.stack[base] = statusOf(L.vm.current, c);
    return 1;
  }));
  co.setStr('running', nativeFn('running', (L, base) => {
    const cur = L.vm.current;
    L.stack[base] = cur;
    L.stack[base + 1] = cur === L.vm.mainThread;
    return 2;
  }));
  co.setStr('isyieldable', nativeFn('isyieldable', (L, base, n) => {
    const c = n >= 1 ? checkCo(L, base, n, 1) : L.vm.current;
    L.stack[base] = c !== L.vm.mainThread && c.nyci === 0 && canYield(c);
    return 1;
  }));
  co.setStr('wrap', nativeFn('wrap', (L, base, n) => {
    const f = n >= 1 ? L.stack[base] : undefined;
    if (!(f instanceof LuaClosure) && !(f instanceof NativeFunction)) typeErrorArg(L, base, n, 1, 'function');
    const c = newCoroutine(L.vm, f);
    L.stack[base] = new NativeFunction('wrap', null, null, SPECIAL.WRAPCALL, c);
    return 1;
  }));
  const close = nativeGen('close', closeGen);
  close.catches = true;
  co.setStr('close', close);
  vm.globals.setStr('coroutine', co);
  vm.loaded.setStr('coroutine', co);
  void checkAny;
}
