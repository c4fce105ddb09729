/**
 * VM state: the global state shared by all coroutines (LuaVM), threads (LuaThread) with
 * their register stacks and call frames (Frame).
 *
 * Register window invariant: a Lua frame's registers are stack[base .. base+maxstack-1];
 * its function value sits at stack[func] (func < base; for vararg functions the extra
 * arguments lie between: stack[func+1+numparams .. func+nextra+numparams]). A native frame's
 * arguments are stack[base .. top-1]. The stack array only grows, by pushing undefined, so
 * it never becomes holey.
 */
import type { LuaValue, UpVal, LuaClosure, NativeFunction } from './value.js';
import { LuaTable } from './table.js';
import { jitAvailable } from './jit-env.js';

/**
 * Instructions in a new state's first slice. Short, so that the end-of-slice path of the
 * interpreter loop runs early: V8 then has type feedback for it before it optimises the
 * loop, instead of discarding the optimised loop when the first full slice ends.
 */
const FIRST_CHUNK = 1000;

/** Slices at the start of a state kept short while V8 warms up (see limits.ts WARM_CHUNK). */
const WARM_SLICES = 2000;

export const FRAME_LUA = 0;
export const FRAME_NATIVE = 1;
export const FRAME_GEN = 2;
/** marker frame of a pcall/xpcall: errors unwind to it */
export const FRAME_PCALL = 3;
/** marker frame of a host entry (vm.call): errors unwinding to it leave execute() */
export const FRAME_ENTRY = 4;

/** What the VM does with the results of a frame when it returns (its continuation). */
export const CONT = {
  /** results go to stack[func..], adjusted to nresults, for the Lua caller (OP_CALL) */
  CALL: 0,
  /** first result goes to register contA of the Lua caller (metamethods of GETFIELD etc.) */
  STORE: 1,
  /** first result, as a boolean, decides the conditional jump of the caller's instruction */
  COND: 2,
  /** results are discarded (__newindex, __close on normal exit) */
  DISCARD: 3,
  /** first result continues the CONCAT of the caller's instruction */
  CONCAT: 4,
  /** results are sent into the generator of the native frame below */
  GEN: 5,
  /** results of a pcall'd function: true, results... to the pcall frame's func */
  PCALL: 6,
  /** bottom frame of a coroutine: the coroutine finishes */
  COEND: 7,
  /** results of a __close handler run while unwinding an error */
  UNWIND: 8,
  /** results of an xpcall message handler */
  HANDLER: 9,
  /** results of a __close handler run by RETURN: re-execute the RETURN */
  RETCLOSE: 10,
  /** results of a close handler run by CLOSE/TFORLOOP exits etc.: re-execute the instruction */
  REEXEC: 11,
  /** results of a __close handler run by coroutine.close: continue closing */
  COCLOSE: 12,
  /** results of the function called by a host entry (vm.call) */
  ENTRY: 13,
} as const;

export class Frame {
  kind = FRAME_LUA;
  closure: LuaClosure | null = null;
  native: NativeFunction | null = null;
  /** stack index of the function value */
  func = 0;
  /** first register (Lua) or first argument (native) */
  base = 0;
  /** end of arguments (native frames) */
  top = 0;
  /** saved program counter (Lua frames): index of the next instruction */
  pc = 0;
  /** number of results the caller wants (-1: all) */
  nresults = 0;
  /** continuation applied to the results when this frame returns (CONT.*) */
  cont = 0;
  /** continuation operand (target register, jump sense, ...) */
  contA = 0;
  /** number of extra (vararg) arguments */
  nextra = 0;
  /** generator of a FRAME_GEN frame */
  gen: Generator<any, number, any> | null = null;
  /** pcall frames: xpcall message handler (or undefined) */
  handler: LuaValue = undefined;
  /** pcall/entry frames: height of the tbc list when the frame was pushed */
  tbcLevel = 0;
  /** counts as a "C call" for the C-stack limit */
  ccall = 0;
  /** pcall status while unwinding: error value being delivered */
  errValue: LuaValue = undefined;
  /** what the generator wants from a call: 1 = first result, -1 = all as an array */
  genWant = 1;
  /** generator frames: a request is being served synchronously by genResult */
  genBusy = false;
  /** ... and its result arrived (genValue) */
  genHasValue = false;
  genValue: LuaValue = undefined;
  /** entry frames: JS message handler run at the error point (before unwinding) */
  entryHandler: ((L: LuaThread, e: LuaValue) => LuaValue) | null = null;
  /** results of a finished entry frame */
  results: LuaValue[] | null = null;
  /** hook state: the last line reported by a line hook */
  lastLine = -1;
  /** while a call/return hook runs for this frame: its transferred values (getinfo 'r'),
   *  as local indices ftransfer .. ftransfer+ntransfer-1 of the frame */
  ftransfer = 0;
  ntransfer = 0;
  /** entry frames invisible to stack levels and tracebacks: 1 = the call of a debug hook
   *  (HOOKCALL_HOOK), 2 = a message handler run for an error raised in a hook (HOOKCALL_HANDLER) */
  hookCall = 0;
  /** this frame replaced its caller's frame (tail call) */
  tailcall = false;
  /** RETURN waiting for __close handlers: its number of values (-1: none pending) */
  pendingRet = -1;
  /** CONCAT interrupted by a metamethod: number of values still to concatenate */
  concatN = 0;
  /** pcall frames: 0 running, 1 running the message handler, 2 closing after an error */
  pstatus = 0;
}

export const CO_RUNNING = 0;
export const CO_SUSPENDED = 1;
export const CO_NORMAL = 2;
export const CO_DEAD = 3;

/** LUAI_MAXSTACK: the largest register stack of one thread */
export const MAXSTACK = 1000000;
/** frames of one thread when no call-depth limit is set (the stack-slot limit comes first) */
export const MAXFRAMES = 1 << 30;
/** What a limit counts (see limits.ts). */
export type LimitKind = 'instructions' | 'memory' | 'string' | 'time';
/** LUAI_MAXCCALLS: nesting limit of calls that cross a host boundary */
export const MAXCCALLS = 200;
/** stack slots added above MAXSTACK while a "stack overflow" error is being handled, so that
 *  a message handler can run (the reference's ERRORSTACKSIZE - LUAI_MAXSTACK) */
export const EXTRA_STACK = 200;

/** Debug hook events (lua_sethook masks): bits of LuaThread.hookMask. */
export const HOOK_CALL = 1;
export const HOOK_RET = 2;
export const HOOK_LINE = 4;
export const HOOK_COUNT = 8;

export class LuaThread {
  readonly vm: LuaVM;
  stack: LuaValue[];
  frames: Frame[];
  /** index of the current frame */
  ci: number;
  /** first free slot after the last multiple results (valid right after multret ops) */
  top: number;
  openupval: UpVal | null;
  /** stack indices of pending to-be-closed variables, innermost last */
  tbc: number[];
  status: number;
  /** coroutine that resumed this one (while running/normal) */
  resumer: LuaThread | null;
  /** the body function of a coroutine, until its first resume */
  body: LuaValue;
  /** nesting of calls across host boundaries (the C-stack limit) */
  nccalls: number;
  /** resumed through coroutine.wrap: errors propagate to the resumer */
  isWrap: boolean;
  /** the coroutine cannot yield (main thread, or inside a non-yieldable host call) */
  nyci: number;
  /** error value of a coroutine that died by error */
  errValue: LuaValue;
  /** debug hook (per thread, §6.10 debug.sethook): the Lua function, or undefined */
  hook: LuaValue;
  /** events the hook runs for (HOOK_* bits); 0 when there is no hook function, so that a
   *  nonzero mask means "this thread runs with the loop trapping every instruction" */
  hookMask: number;
  /** the count given to sethook (gethook reports it) and the instructions left until the
   *  next count event */
  hookCount: number;
  hookCounter: number;
  /** the mask as gethook reports it (a new coroutine inherits it without the function) */
  hookMaskStr: string;
  /** a hook is running on this thread: hooks do not fire (lua_State.allowhook) */
  inHook: boolean;
  /** line hooks: index of the instruction last traced in this thread (lua_State.oldpc) */
  oldpc: number;
  /** the next trapped instruction is a re-execution (after a __close or __concat call it
   *  continues): it is not counted or traced again */
  hookSkip: boolean;
  /** stack size allowed; raised by EXTRA_STACK while a "stack overflow" error is handled */
  stackLimit: number;

  constructor(vm: LuaVM) {
    this.vm = vm;
    this.stack = [];
    for (let i = 0; i < 64; i++) this.stack.push(undefined);
    this.frames = [];
    for (let i = 0; i < 8; i++) this.frames.push(new Frame());
    this.ci = 0;
    this.frames[0].kind = FRAME_ENTRY;
    this.top = 0;
    this.openupval = null;
    this.tbc = [];
    this.status = CO_SUSPENDED;
    this.resumer = null;
    this.body = undefined;
    this.nccalls = 0;
    this.isWrap = false;
    this.nyci = 0;
    this.errValue = undefined;
    this.hook = undefined;
    this.hookMask = 0;
    this.hookCount = 0;
    this.hookMaskStr = "";
    this.inHook = false;
    this.hookCounter = 0;
    this.oldpc = 0;
    this.hookSkip = false;
    this.stackLimit = MAXSTACK;
  }

  /** Make sure stack[0..n-1] exist. */
  ensureStack(n: number): void {
    const s = this.stack;
    if (n > s.length) {
      // doubling stops at MAXSTACK, so that a Lua call that needs more finds the stack too
      // short and checks the limit (pushLua)
      let want = Math.min(s.length * 2, MAXSTACK);
      if (want < n) want = n;
      while (s.length < want) s.push(undefined);
    }
  }

  /** Push a fresh frame (reusing frame objects) and return it. */
  pushFrame(): Frame {
    const ci = ++this.ci;
    const frames = this.frames;
    if (ci === frames.length) frames.push(new Frame());
    return frames[ci];
  }

  get frame(): Frame {
    return this.frames[this.ci];
  }
}

/** Output sink for print/io.write: receives byte strings. */
export type WriteFn = (bytes: string) => void;

export class LuaVM {
  globals: LuaTable;
  registry: LuaTable;
  /** metatables of the basic types (string, number, ...), by type name */
  typeMeta: Map<string, LuaTable>;
  stringMeta: LuaTable | null;
  mainThread: LuaThread;
  /** the running thread */
  current: LuaThread;
  stdout: WriteFn;
  stderr: WriteFn;
  /** instructions executed so far (exact, updated when execute() returns) */
  instructions: number;
  /** instructions left before the budget hook runs */
  budget: number;
  /** the budget given at each hook run (instructions = hooks run * budgetChunk + consumed) */
  budgetChunk: number;
  /** slices left that are kept short while V8 warms up (WARM_SLICES; see limits.ts WARM_CHUNK) */
  warmSlices: number;
  /** limit on instructions (Infinity: none) */
  instructionLimit: number;
  /** called when the budget runs out: may throw (limits) or run count hooks */
  onBudget: ((vm: LuaVM) => void) | null;
  /** limit on the accounted heap in bytes (Infinity: none; see limits.ts) */
  memoryLimit: number;
  /** limit on the length of one string (Infinity: none) */
  stringLimit: number;
  /** limit on the number of frames of one thread (Lua and host calls; "stack overflow") */
  frameLimit: number;
  /** highest accounted heap seen at a check (bytes) */
  memoryPeak: number;
  /** the Error a limit of this kind raises (the host's typed errors); null: a plain Error */
  limitError: ((kind: LimitKind, detail: string) => Error) | null;
  /** library work charged since the last check (see limits.ts charge) */
  chargeTicks: number;
  /** instructions a thread with a debug hook runs (trapping each) before the slice ends */
  hookTicks: number;
  /** accounted allocation debt in bytes since the last collection */
  gcdebt: number;
  /** estimate of the live heap in bytes (collectgarbage "count") */
  gcestimate: number;
  gcrunning: boolean;
  /** debt that triggers the next automatic collection */
  gcthreshold: number;
  /** the last collection found something a script can observe (weak tables, finalizers) */
  gcobservable: boolean;
  /** how much later than the pause says automatic collections come while nothing is
   *  observable (1, 2, 4 ... 16; see autoCollect) */
  gcquiet: number;
  /** the most gcquiet may grow to (1: automatic collections always at the usual pause) */
  gcquietMax: number;
  /** runs queued finalizers (installed by the base library) */
  runFinalizers: (() => void) | null;
  /** warn() state */
  warnOn: boolean;
  warnPartial: string;
  /** generation counter for coroutines etc. */
  idCounter: number;
  /** objects given an address for tostring (%p) */
  addresses: WeakMap<object, number>;
  nextAddress: number;
  /** loaded modules (package.loaded) */
  loaded: LuaTable;
  /** host file access for loadfile/dofile/io (byte strings), null when unavailable */
  readFile: ((path: string) => string | null) | null;
  /** why the last readFile returned null (an strerror text such as "No such file or directory") */
  fileError: string;
  readStdin: (() => string | null) | null;
  gcpause: number;
  gcstepmul: number;
  /** objects the host holds references to: roots for collections (object -> count) */
  hostRoots: Map<object, number>;
  /** objects marked for finalization (setmetatable with __gc), in marking order */
  finobj: object[];
  finset: WeakSet<object>;
  /** unreachable finalizable objects waiting for their __gc call, in calling order */
  tobefnz: object[];
  /** the package table (require's searchers, path) */
  packageTable: LuaTable | null;
  /** os.exit hook (set by the host) */
  exit: ((code: number, close: boolean) => void) | null;
  /** host services for the os/io libraries (an OsHost, see stdlib/os.ts), or null */
  host: unknown;
  gcmode: string;
  /** Finalizers running (the collector is not reentrant: collectgarbage fails meanwhile). */
  gcInFinalizer: number;
  /** Nesting of execute() on the JS stack */
  execDepth: number;
  /** The execute() depth at which a host Promise may suspend the run (0: none may) */
  suspendDepth: number;
  /** A host function's Promise, between its plain form and its generator form */
  pendingAwait: PromiseLike<unknown> | null;
  /** JIT (src/vm/jit.ts): compile hot functions to JS; off when `new Function` is unavailable */
  jitEnabled: boolean;
  /** JIT: nesting of compiled functions calling compiled functions directly (JS stack) */
  jitDepth: number;

  constructor() {
    this.globals = new LuaTable();
    this.registry = new LuaTable();
    this.typeMeta = new Map();
    this.stringMeta = null;
    this.stdout = () => {};
    this.stderr = () => {};
    this.instructions = 0;
    this.budgetChunk = FIRST_CHUNK;
    this.budget = this.budgetChunk;
    this.warmSlices = WARM_SLICES;
    this.instructionLimit = Infinity;
    this.onBudget = null;
    this.memoryLimit = Infinity;
    this.stringLimit = Infinity;
    this.frameLimit = MAXFRAMES;
    this.memoryPeak = 0;
    this.limitError = null;
    this.chargeTicks = 20000;
    this.hookTicks = this.budgetChunk;
    this.gcdebt = 0;
    this.gcestimate = 20000;
    this.gcrunning = true;
    this.gcthreshold = 256 * 1024;
    this.gcobservable = true;
    this.gcquiet = 1;
    this.gcquietMax = 16;
    this.runFinalizers = null;
    this.warnOn = false;
    this.warnPartial = '';
    this.idCounter = 0;
    this.addresses = new WeakMap();
    this.nextAddress = 0x5583a4c0d2a0;
    this.loaded = new LuaTable();
    this.readFile = null;
    this.fileError = 'No such file or directory';
    this.readStdin = null;
    this.packageTable = null;
    this.hostRoots = new Map();
    this.finobj = [];
    this.finset = new WeakSet();
    this.tobefnz = [];
    this.exit = null;
    this.host = null;
    this.gcpause = 200;
    this.gcstepmul = 100;
    this.gcmode = 'incremental';
    this.gcInFinalizer = 0;
    this.execDepth = 0;
    this.suspendDepth = 0;
    this.pendingAwait = null;
    this.jitEnabled = jitAvailable();
    this.jitDepth = 0;
    this.mainThread = new LuaThread(this);
    this.mainThread.status = CO_RUNNING;
    this.mainThread.nyci = 1;
    this.current = this.mainThread;
  }

  fileExists(path: string): boolean {
    return this.readFile !== null && this.readFile(path) !== null;
  }

  /** collectgarbage("count"): an estimate of the live heap in KB. */
  gcCount(): number {
    return (this.gcestimate + this.gcdebt) / 1024;
  }


  /** Mark o for finalization (setmetatable with a __gc field). */
  markFinalizable(o: object): void {
    if (this.finset.has(o)) return;
    this.finset.add(o);
    this.finobj.push(o);
  }

  /** A stable fake address for an object, printed by tostring as 0x%014x. */
  addressOf(o: object): string {
    let a = this.addresses.get(o);
    if (a === undefined) {
      a = this.nextAddress;
      this.nextAddress += 0x40;
      this.addresses.set(o, a);
    }
    return '0x' + a.toString(16);
  }
}
