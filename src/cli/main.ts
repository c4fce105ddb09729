/**
 * The `moonbox` command: a drop-in for the standalone `lua` interpreter
 * (`moonbox [options] [script [args]]`).
 */
import * as fs from 'node:fs';
import * as childProcess from 'node:child_process';
import { createNodeOsHost } from '../stdlib/os.js';
import { nodeStdinReader } from '../stdlib/io-node.js';
import { createState, tracebackHandler, protectedCall, closeState } from '../engine/runtime.js';
import { loadChunk, skipFilePrefix } from '../stdlib/load.js';
import { LuaError } from '../vm/errors.js';
import { LuaTable } from '../vm/table.js';
import type { LuaVM } from '../vm/state.js';
import type { LuaValue } from '../vm/value.js';
import { startRepl } from './repl.js';
import { enableTier, setJitThreshold } from '../vm/jit.js';
import { InterruptSignal } from '../vm/suspend.js';
import { applyPolicy } from '../engine/policy.js';
import type { PolicyName } from '../engine/policy.js';
import { makeGuard, enterGuard, stopRun } from '../engine/guard.js';
import type { Limits } from '../engine/guard.js';
import { VERSION } from '../version.js';

enableTier();

const PROGNAME = 'moonbox';
/** What -v prints, and the banner of the interactive mode. */
export const VERSION_LINE = `moonbox ${VERSION} (Lua 5.4)`;

/** The options of lua.c, as its usage message lists them. */
const LUA_USAGE = `usage: ${PROGNAME} [options] [script [args]]\n` +
  'Available options are:\n' +
  "  -e stat   execute string 'stat'\n" +
  "  -i        enter interactive mode after executing 'script'\n" +
  "  -l mod    require library 'mod' into global 'mod'\n" +
  "  -l g=mod  require library 'mod' into global 'g'\n" +
  '  -v        show version information\n' +
  '  -E        ignore environment variables\n' +
  '  -W        turn warnings on\n' +
  "  --        stop handling options\n" +
  "  -         stop handling options and execute stdin\n";

/** --help: lua's options and moonbox's own. */
const HELP = LUA_USAGE +
  'Sandbox options (moonbox; they apply to everything the command runs):\n' +
  '  --sandbox=POLICY        restrict the libraries: minimal, standard, strict or full\n' +
  '  --max-instructions=N    stop after N VM instructions (library work included)\n' +
  '  --max-memory=N          stop when the Lua heap passes N bytes (suffix k, m or g)\n' +
  '  --timeout=MS            stop after MS milliseconds of wall-clock time\n' +
  '  --help                  show this help and exit\n' +
  'Environment: LUA_INIT, LUA_PATH, LUA_CPATH (and their _5_4 forms) as lua reads them;\n' +
  'MOONBOX_JIT=0 turns the compiling tier off.\n';

/** Buffered byte output to a file descriptor. */
class Out {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly fd: number) {}
  write = (s: string): void => {
    this.parts.push(s);
    this.size += s.length;
    if (this.size > 1 << 16) this.flush();
  };
  flush(): void {
    if (this.parts.length === 0) return;
    const data = Buffer.from(this.parts.join(''), 'latin1');
    this.parts = [];
    this.size = 0;
    let off = 0;
    while (off < data.length) {
      try {
        off += fs.writeSync(this.fd, data, off);
      } catch (e: any) {
        if (e.code === 'EAGAIN') continue;
        if (e.code === 'EPIPE') return;
        throw e;
      }
    }
  }
}

let lastFileError = 'No such file or directory';

/** strerror() text for a Node error code. */
export function errnoText(code: string | undefined): string {
  switch (code) {
    case 'ENOENT': return 'No such file or directory';
    case 'EACCES': return 'Permission denied';
    case 'EISDIR': return 'Is a directory';
    case 'ENOTDIR': return 'Not a directory';
    case 'EEXIST': return 'File exists';
    case 'EMFILE': return 'Too many open files';
    default: return 'Input/output error';
  }
}

function readFileBytes(path: string): string | null {
  try {
    return fs.readFileSync(path).toString('latin1');
  } catch (e: any) {
    lastFileError = errnoText(e?.code);
    return null;
  }
}

function readStdinBytes(): string | null {
  try {
    return fs.readFileSync(0).toString('latin1');
  } catch {
    return '';
  }
}

interface Args {
  script: number; // index in argv of the script, or -1
  hasE: boolean;
  hasI: boolean;
  hasV: boolean;
  noEnv: boolean;
  warn: boolean;
  bad: string | null;
  /** a moonbox option with a value it cannot take: the message */
  badValue: string | null;
  help: boolean;
  policy: PolicyName | null;
  limits: Limits;
  /** argv indices taken by moonbox's own options (and their separate values) */
  own: Set<number>;
}

const POLICIES: readonly string[] = ['minimal', 'standard', 'strict', 'full'];

/** A count with an optional k/m/g suffix (powers of 1024), or NaN. */
function parseSize(v: string): number {
  const m = /^(\d+(?:\.\d+)?)([kmg]?)b?$/i.exec(v.trim());
  if (m === null) return NaN;
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Math.floor(Number(m[1]) * mult);
}

/** A moonbox long option (`--name=value` or `--name value`) at argv[i]; returns the next index. */
function longOption(argv: string[], i: number, a: Args): number {
  const o = argv[i];
  const eq = o.indexOf('=');
  const name = eq >= 0 ? o.slice(2, eq) : o.slice(2);
  a.own.add(i);
  if (name === 'help' && eq < 0) { a.help = true; return i + 1; }
  if (!['sandbox', 'max-instructions', 'max-memory', 'timeout'].includes(name)) { a.bad = o; return -1; }
  let value: string;
  if (eq >= 0) value = o.slice(eq + 1);
  else if (i + 1 < argv.length) { value = argv[i + 1]; a.own.add(i + 1); i++; }
  else { a.badValue = `'--${name}' needs argument`; return -1; }
  if (name === 'sandbox') {
    if (!POLICIES.includes(value)) { a.badValue = `unknown sandbox policy '${value}' (minimal, standard, strict or full)`; return -1; }
    a.policy = value as PolicyName;
    return i + 1;
  }
  const n = name === 'max-memory' ? parseSize(value) : /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= 0) || !Number.isSafeInteger(n)) { a.badValue = `bad value for '--${name}': '${value}'`; return -1; }
  if (name === 'max-instructions') a.limits.instructions = n;
  else if (name === 'max-memory') a.limits.memoryBytes = n;
  else a.limits.timeoutMs = n;
  return i + 1;
}

/** Scan options as lua.c does (plus moonbox's long options); returns where the script is. */
function collectArgs(argv: string[]): Args {
  const a: Args = {
    script: -1, hasE: false, hasI: false, hasV: false, noEnv: false, warn: false, bad: null,
    badValue: null, help: false, policy: null, limits: {}, own: new Set(),
  };
  let i = 1;
  for (; i < argv.length; i++) {
    const o = argv[i];
    if (o[0] !== '-') { a.script = i; return a; }
    if (o === '-') { a.script = i; return a; }
    if (o === '--') {
      if (i + 1 < argv.length) a.script = i + 1;
      return a;
    }
    if (o.startsWith('--')) {
      const next = longOption(argv, i, a);
      if (next < 0) return a;
      i = next - 1;
      continue;
    }
    if (o === '-h') { a.help = true; a.own.add(i); continue; }
    switch (o[1]) {
      case 'E': if (o.length !== 2) { a.bad = o; return a; } a.noEnv = true; break;
      case 'W': if (o.length !== 2) { a.bad = o; return a; } a.warn = true; break;
      case 'i': if (o.length !== 2) { a.bad = o; return a; } a.hasI = true; a.hasV = true; break;
      case 'v': if (o.length !== 2) { a.bad = o; return a; } a.hasV = true; break;
      case 'e': case 'l':
        if (o[1] === 'e') a.hasE = true;
        if (o.length === 2) {
          i++;
          if (i >= argv.length || argv[i][0] === '-') { a.bad = o; return a; }
        }
        break;
      default:
        a.bad = o;
        return a;
    }
  }
  return a;
}

export function main(rawArgv: string[]): number {
  const argv = [PROGNAME, ...rawArgv];
  const out = new Out(1);
  const err = new Out(2);
  const vm = createState({
    stdout: out.write,
    stderr: (s) => { out.flush(); err.write(s); err.flush(); },
    readFile: (p) => {
      const r = readFileBytes(p);
      if (r === null) vm.fileError = lastFileError;
      return r;
    },
    readStdin: readStdinBytes,
  });
  // lua.c's pmain switches the collector to generational mode before running anything
  // (collectgarbage("incremental") first returns "generational")
  vm.gcmode = 'generational';
  // the compiling tier (src/vm/jit.ts): MOONBOX_JIT=0 turns it off; MOONBOX_JIT_THRESHOLD=n
  // compiles a function after n calls and loop iterations (1: at once; for testing)
  if (process.env.MOONBOX_JIT === '0') vm.jitEnabled = false;
  const jitThreshold = Number(process.env.MOONBOX_JIT_THRESHOLD);
  if (jitThreshold > 0) setJitThreshold(jitThreshold);
  (vm as any).flushOutput = () => out.flush();
  // io.stdin reads file descriptor 0 lazily, in chunks, as the script asks for input
  vm.host = createNodeOsHost({ fs, childProcess, beforeExecute: () => out.flush(), stdin: nodeStdinReader(fs) });
  vm.exit = (code: number, close: boolean): void => {
    if (close) closeState(vm);
    out.flush();
    err.flush();
    process.exit(code);
  };
  const message = (msg: string): void => {
    out.flush();
    err.write(`${PROGNAME}: ${msg}\n`);
    err.flush();
  };
  const report = (e: unknown): number => {
    if (e instanceof LuaError) {
      const v = e.value;
      message(typeof v === 'string' ? v : e.message);
      return 1;
    }
    throw e;
  };
  const args = collectArgs(argv);
  if (args.badValue !== null) {
    message(args.badValue);
    return 1;
  }
  if (args.bad !== null) {
    const o = args.bad;
    if (o[1] === 'e' || o[1] === 'l') message(`'${o}' needs argument`);
    else message(`unrecognized option '${o}'`);
    err.write(LUA_USAGE);
    err.flush();
    return 1;
  }
  if (args.help) {
    out.write(HELP);
    out.flush();
    return 0;
  }
  // --sandbox: the engine's policy over the full libraries opened above
  if (args.policy !== null) applyPolicy(vm, args.policy);
  // --max-*/--timeout: one set of limits over everything run from here on
  const guard = makeGuard(args.limits, Object.keys(args.limits).length > 0, undefined, undefined);
  if (guard !== null) enterGuard(guard, vm);
  // every chunk runs as a call from the main thread's base level
  const topEci = vm.mainThread.ci + 1;
  /** Everything stopped by a limit: pending <close> variables closed, the message printed. */
  const stopped = (e: InterruptSignal): number => {
    message(stopRun(e, vm.mainThread, topEci).message);
    return exit(1);
  };
  if (args.hasV) {
    out.write(VERSION_LINE + '\n');
  }
  if (args.warn) vm.warnOn = true;
  if (!args.noEnv) setPathsFromEnv(vm);
  // the arg table
  const script = args.script;
  const argt = new LuaTable();
  const base = script >= 0 ? script : 0;
  for (let i = 0; i < argv.length; i++) argt.set(i - base, argv[i]);
  vm.globals.setStr('arg', argt);
  let status = 0;
  const dochunk = (text: string | null, chunkname: string, scriptArgs: LuaValue[]): boolean => {
    if (text === null) {
      message(`cannot open ${chunkname.slice(1)}: ${lastFileError}`);
      return false;
    }
    const f = loadChunk(vm, text, chunkname, 'bt');
    if (typeof f === 'string') {
      message(f);
      return false;
    }
    try {
      protectedCall(vm, f, scriptArgs, tracebackHandler);
      return true;
    } catch (e) {
      report(e);
      return false;
    }
  };
  try {
    if (!args.noEnv) {
      const init = process.env.LUA_INIT_5_4 ?? process.env.LUA_INIT;
      if (init !== undefined) {
        const ok = init[0] === '@'
          ? dochunk(readFileBytes(init.slice(1)), '@' + init.slice(1), [])
          : dochunk(init, '=LUA_INIT', []);
        if (!ok) return exit(1);
      }
    }
    // -e and -l in order
    const last = script >= 0 ? script : argv.length;
    for (let i = 1; i < last; i++) {
      const o = argv[i];
      if (o === '--') break;
      if (args.own.has(i)) continue;
      if (o[1] === 'e' || o[1] === 'l') {
        let extra = o.slice(2);
        if (extra === '') extra = argv[++i];
        if (o[1] === 'e') {
          if (!dochunk(extra, '=(command line)', [])) return exit(1);
        } else {
          let gname = extra;
          let mod = extra;
          const eq = extra.indexOf('=');
          if (eq >= 0) { gname = extra.slice(0, eq); mod = extra.slice(eq + 1); }
          const req = vm.globals.getStr('require');
          try {
            const r = protectedCall(vm, req, [mod], tracebackHandler);
            vm.globals.setStr(gname, r[0]);
          } catch (e) {
            report(e);
            return exit(1);
          }
        }
      }
    }
    if (script >= 0) {
      const name = argv[script];
      const scriptArgs = argv.slice(script + 1);
      let text: string | null;
      let chunkname: string;
      if (name === '-' && argv[script - 1] !== '--') {
        text = readStdinBytes();
        chunkname = '=stdin';
      } else {
        text = readFileBytes(name);
        chunkname = '@' + name;
      }
      if (text !== null) text = skipFilePrefix(text);
      if (!dochunk(text, chunkname, scriptArgs)) return exit(1);
    }
    const replIO = {
      write: out.write,
      error: (s: string) => { out.flush(); err.write(s); err.flush(); },
      flush: () => out.flush(),
      // a limit reached in the interactive loop ends the command
      stopped: (e: InterruptSignal) => process.exit(stopped(e)),
    };
    if (args.hasI) {
      out.flush();
      startRepl(vm, replIO);
      if (process.stdin.isTTY === true) return -1;
    } else if (script < 0 && !args.hasE && !args.hasV) {
      if (process.stdin.isTTY) {
        out.write(VERSION_LINE + '\n');
        out.flush();
        startRepl(vm, replIO);
        return -1;
      }
      const text = readStdinBytes();
      if (!dochunk(text, '=stdin', [])) return exit(1);
    }
  } catch (e) {
    if (e instanceof ExitRequest) {
      status = e.code;
      return exit(status);
    }
    if (e instanceof InterruptSignal) return stopped(e);
    throw e;
  }
  return exit(status);

  function exit(code: number): number {
    closeState(vm);
    out.flush();
    err.flush();
    return code;
  }
}

/** package.path/cpath from LUA_PATH_5_4/LUA_PATH (";;" stands for the default path). */
function setPathsFromEnv(vm: LuaVM): void {
  const pkg = vm.packageTable;
  if (pkg === null) return;
  for (const [field, names] of [['path', ['LUA_PATH_5_4', 'LUA_PATH']], ['cpath', ['LUA_CPATH_5_4', 'LUA_CPATH']]] as const) {
    let v: string | undefined;
    for (const n of names) {
      v = process.env[n];
      if (v !== undefined) break;
    }
    if (v === undefined) continue;
    const def = pkg.getStr(field);
    let p = Buffer.from(v, 'utf8').toString('latin1');
    if (p.includes(';;')) p = p.replace(';;', `;${typeof def === 'string' ? def : ''};`).replace(/^;|;$/g, '');
    pkg.setStr(field, p);
  }
}

/** Thrown by os.exit to leave the interpreter. */
export class ExitRequest {
  constructor(readonly code: number) {}
}

export function getVM(): LuaVM | null {
  return null;
}
