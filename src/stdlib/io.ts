/**
 * The io library (manual §6.8): io.open, close, read, write, lines, input, output, popen,
 * tmpfile, type, flush, the standard files, and the methods of file handles.
 *
 * A file handle is a userdata whose value is a Stream (io-stream.ts: stdio-like buffering
 * over a HostFile) and whose metatable is the registry's "FILE*" (methods in __index, __gc
 * and __close close it, __tostring, __name). Files come from the host (`vm.host`, a FileHost,
 * see io-host.ts); io.stdout and io.stderr write to vm.stdout and vm.stderr, so their output
 * stays in order with print's.
 *
 * The default input and output files live in the registry ("_IO_input", "_IO_output") so
 * the collector sees them as reachable. Results and messages follow lua5.4: failures return
 * `nil, message, errno` (`nil, "name: No such file or directory", 2` from io.open), misuse
 * raises ("attempt to use a closed file", "default output file is closed", ...).
 */
import {
  NativeFunction, SPECIAL, nativeFn, numberToString, LuaUserdata, isNumber,
  toIntegerStrict, strToNumber,
} from '../vm/value.js';
import type { LuaValue, NativeFn } from '../vm/value.js';
import { LuaTable } from '../vm/table.js';
import type { LuaThread, LuaVM } from '../vm/state.js';
import { LuaThrow } from '../vm/errors.js';
import {
  arg, argError, argTypeName, checkAny, checkOption, checkString, cString, nativeError, optInteger,
  optString, typeErrorArg,
} from '../vm/auxlib.js';
import type { OsError, OsHost } from './os.js';
import {
  EBADF, EINVAL, ENOSYS, ESPIPE, execResult, fileResult, hostOf, isOsError, lazyTextFile,
} from './io-host.js';
import type { BufferMode, HostFile, OpenMode } from './io-host.js';
import { Stream } from './io-stream.js';
import { memTmpfile } from './io-memfs.js';

/**
 * How io.write prints a number: "%d" for integers, "%.14g" for floats, which is tostring
 * without the ".0" it adds to a float that looks like an integer (%.14g never ends in ".0").
 */
export function numberToText(v: LuaValue): string {
  const s = numberToString(v);
  return s.endsWith('.0') ? s.slice(0, -2) : s;
}

/** Registry keys of the metatable and the default files. */
const FILEHANDLE = 'FILE*';
const IO_INPUT = '_IO_input';
const IO_OUTPUT = '_IO_output';

/** Most formats io.lines / file:lines accept (the reference's MAXARGLINE). */
const MAXARGLINE = 250;

/** The parts of the VM the io library reads besides its public fields. */
interface IoVM {
  /** set by the CLI: write out what vm.stdout buffered */
  flushOutput?: () => void;
}

/** Files opened in each VM and not yet seen closed (written out by flushFiles). */
const openStreams = new WeakMap<LuaVM, Set<Stream>>();

/** Remember an open stream (the closed ones are dropped at every 64th). */
function trackStream(vm: LuaVM, st: Stream): void {
  let set = openStreams.get(vm);
  if (set === undefined) {
    set = new Set();
    openStreams.set(vm, set);
  }
  if (set.size >= 64 && (set.size & 63) === 0) {
    for (const s of set) if (s.closed) set.delete(s);
  }
  set.add(st);
}

/**
 * Write out the buffered output of every open file of a VM (errors are ignored). os.exit
 * calls it, as C's exit() flushes the open files even when the state is not closed.
 */
export function flushFiles(vm: LuaVM): void {
  const set = openStreams.get(vm);
  if (set === undefined) return;
  for (const st of set) {
    if (st.closed) set.delete(st);
    else st.flush();
  }
}

function flushStdout(vm: LuaVM): void {
  const f = (vm as unknown as IoVM).flushOutput;
  if (typeof f === 'function') f();
}

// ---------------------------------------------------------------------------------------
// handles

/** The "FILE*" metatable of each VM (also in its registry). */
const fileMetas = new WeakMap<LuaVM, LuaTable>();

function fileMeta(L: LuaThread): LuaTable {
  return fileMetas.get(L.vm)!;
}

function isFileHandle(L: LuaThread, v: LuaValue): v is LuaUserdata {
  return v instanceof LuaUserdata && v.metatable === fileMeta(L) && v.value instanceof Stream;
}

/** A new file handle for a host file (collected handles are closed by __gc). */
function newHandle(L: LuaThread, file: HostFile, mode: OpenMode): LuaUserdata {
  const st = new Stream(file, mode);
  const ud = new LuaUserdata(st, fileMeta(L));
  L.vm.markFinalizable(ud);
  trackStream(L.vm, st);
  return ud;
}

/** luaL_checkudata(narg, "FILE*"): the handle's stream, closed or not. */
function checkHandle(L: LuaThread, base: number, nargs: number, narg: number): Stream {
  const v = arg(L, base, nargs, narg);
  if (!isFileHandle(L, v)) typeErrorArg(L, base, nargs, narg, FILEHANDLE);
  return v.value as Stream;
}

/** tofile: argument 1 must be an open file. */
function checkFile(L: LuaThread, base: number, nargs: number): Stream {
  const st = checkHandle(L, base, nargs, 1);
  if (st.closed) nativeError(L, 'attempt to use a closed file');
  return st;
}

/** The default input or output file (registry key IO_INPUT or IO_OUTPUT), which must be open. */
function defaultFile(L: LuaThread, key: string): LuaUserdata {
  const ud = L.vm.registry.getStr(key) as LuaUserdata;
  if ((ud.value as Stream).closed) nativeError(L, `default ${key.slice(4)} file is closed`);
  return ud;
}

/** Close the file of a handle (aux_close): standard files stay open. */
function closeHandle(L: LuaThread, base: number, st: Stream): number {
  if (st.std) {
    L.stack[base] = undefined;
    L.stack[base + 1] = 'cannot close standard file';
    return 2;
  }
  // true, a failure, or (popen) how the command ended
  return execResult(L, base, st.close());
}

// ---------------------------------------------------------------------------------------
// opening

/** Open a file through the host: the host file or its error. */
function hostOpen(L: LuaThread, name: string, mode: OpenMode): HostFile | OsError {
  const h = hostOf(L);
  return h.open ? h.open(name, mode) : ENOSYS;
}

/** The results of opening a file: a new handle, or nil, message, errno. */
function openResult(L: LuaThread, base: number, r: HostFile | OsError, mode: OpenMode, fname: string | null): number {
  if (isOsError(r)) return fileResult(L, base, r, fname);
  L.stack[base] = newHandle(L, r, mode);
  return 1;
}

/** io.open's mode check: [rwa] then an optional '+' then only 'b's. */
function parseMode(mode: string): OpenMode | null {
  const m = /^([rwa])(\+?)b*$/.exec(mode);
  return m === null ? null : (m[1] + m[2]) as OpenMode;
}

/** Open or raise "cannot open file 'name' (reason)" (io.lines, io.input, io.output). */
function openOrRaise(L: LuaThread, fname: string, mode: OpenMode): LuaUserdata {
  const name = cString(fname);
  const r = hostOpen(L, name, mode);
  if (isOsError(r)) nativeError(L, `cannot open file '${name}' (${r.message})`);
  return newHandle(L, r, mode);
}

function ioOpen(L: LuaThread, base: number, nargs: number): number {
  const name = cString(checkString(L, base, nargs, 1));
  const mode = parseMode(cString(optString(L, base, nargs, 2, 'r')));
  if (mode === null) argError(L, 2, 'invalid mode');
  return openResult(L, base, hostOpen(L, name, mode), mode, name);
}

function ioPopen(L: LuaThread, base: number, nargs: number): number {
  const prog = cString(checkString(L, base, nargs, 1));
  const mode = cString(optString(L, base, nargs, 2, 'r'));
  if (mode !== 'r' && mode !== 'w') argError(L, 2, 'invalid mode');
  const h = hostOf(L);
  if (!h.popen) nativeError(L, "'popen' not supported");
  return openResult(L, base, h.popen(prog, mode), mode, prog);
}

function ioTmpfile(L: LuaThread, base: number): number {
  const h = hostOf(L);
  return openResult(L, base, h.tmpfile ? h.tmpfile() : memTmpfile(), 'w+', null);
}

// ---------------------------------------------------------------------------------------
// closing, type, default files

function ioClose(L: LuaThread, base: number, nargs: number): number {
  if (nargs === 0) {
    L.stack[base] = L.vm.registry.getStr(IO_OUTPUT);
    nargs = 1;
  }
  return fClose(L, base, nargs);
}

function fClose(L: LuaThread, base: number, nargs: number): number {
  return closeHandle(L, base, checkFile(L, base, nargs));
}

/** __gc and __close: close a handle that is still open (standard files stay open). */
function fGc(L: LuaThread, base: number, nargs: number): number {
  const st = checkHandle(L, base, nargs, 1);
  if (!st.closed && !st.std) st.close();
  return 0;
}

function fTostring(L: LuaThread, base: number, nargs: number): number {
  const st = checkHandle(L, base, nargs, 1);
  const ud = L.stack[base] as LuaUserdata;
  L.stack[base] = st.closed ? 'file (closed)' : `file (${L.vm.addressOf(ud)})`;
  return 1;
}

function ioType(L: LuaThread, base: number, nargs: number): number {
  const v = checkAny(L, base, nargs, 1);
  L.stack[base] = isFileHandle(L, v) ? ((v.value as Stream).closed ? 'closed file' : 'file') : undefined;
  return 1;
}

/** io.input / io.output: set the default file (by name or handle); return the current one. */
function ioFile(L: LuaThread, base: number, nargs: number, key: string, mode: OpenMode): number {
  const v = arg(L, base, nargs, 1);
  if (v !== undefined) {
    let ud: LuaUserdata;
    if (typeof v === 'string' || isNumber(v)) ud = openOrRaise(L, checkString(L, base, nargs, 1), mode);
    else {
      checkFile(L, base, nargs);
      ud = v as LuaUserdata;
    }
    L.vm.registry.setStr(key, ud);
  }
  L.stack[base] = L.vm.registry.getStr(key);
  return 1;
}

// ---------------------------------------------------------------------------------------
// reading

/**
 * Read with a list of formats (g_read): `count` formats from fmts[start..], the first of them
 * argument `firstArg` (for messages). Stops at the first format that fails, which gives nil.
 * If the stream had an error, the results are `nil, message, errno` instead. Results go to
 * stack[base..]; the formats may be on the stack at or after base (result i is stored after
 * format i was read).
 */
function readFormats(L: LuaThread, st: Stream, fmts: LuaValue[], start: number, count: number, firstArg: number, base: number): number {
  st.clearError();
  L.ensureStack(base + count + 3);
  const s = L.stack;
  let nres = 0;
  if (count === 0) {
    s[base] = st.readLine(false);
    nres = 1;
  }
  while (nres < count) {
    const v = readFormat(L, st, fmts[start + nres], firstArg + nres);
    s[base + nres] = v;
    nres++;
    if (v === undefined) break;
  }
  return st.err !== null ? fileResult(L, base, st.err, null) : nres;
}

/** What one format (argument narg) reads: a value, or nil when it fails. */
function readFormat(L: LuaThread, st: Stream, f: LuaValue, narg: number): LuaValue {
  if (isNumber(f)) {
    const k = toIntegerStrict(f);
    if (k === undefined) argError(L, narg, 'number has no integer representation');
    // a negative count is a huge size_t in C: the buffer cannot be allocated
    if (k < 0 || k > 0xffffffff) throw new LuaThrow('not enough memory');
    const n = Number(k);
    if (n === 0) return st.atEof() ? undefined : '';
    const r = st.readChars(n);
    return r !== '' ? r : undefined;
  }
  if (typeof f !== 'string') argError(L, narg, `string expected, got ${argTypeName(L, narg, narg, f)}`);
  switch (f.charCodeAt(0) === 42 ? f.charAt(1) : f.charAt(0)) { // an old-style '*' prefix
    case 'n': {
      const text = st.readNumeral();
      return text === undefined ? undefined : strToNumber(text);
    }
    case 'l': return st.readLine(false);
    case 'L': return st.readLine(true);
    case 'a': return st.readAll();
    default: argError(L, narg, 'invalid format');
  }
}

function ioRead(L: LuaThread, base: number, nargs: number): number {
  const st = defaultFile(L, IO_INPUT).value as Stream;
  return readFormats(L, st, L.stack, base, nargs, 1, base);
}

function fRead(L: LuaThread, base: number, nargs: number): number {
  const st = checkFile(L, base, nargs);
  return readFormats(L, st, L.stack, base + 1, nargs - 1, 2, base);
}

/**
 * The iterator of io.lines / file:lines. Its data: [handle, close at the end?, formats...].
 * At the end of the file it returns nothing (and closes a file io.lines opened); a read
 * error is raised.
 */
function linesIterator(L: LuaThread, base: number): number {
  const d = L.frames[L.ci].native!.data as LuaValue[];
  const st = (d[0] as LuaUserdata).value as Stream;
  if (st.closed) nativeError(L, 'file is already closed');
  const n = readFormats(L, st, d, 2, d.length - 2, 2, base);
  if (L.stack[base] !== undefined) return n; // a value (results are never false)
  if (n > 1) nativeError(L, L.stack[base + 1] as string);
  if (d[1] === true) st.close();
  return 0;
}

/** The iterator for a handle and the formats at stack[base + 1 ..]. */
function makeLines(L: LuaThread, handle: LuaValue, base: number, nargs: number, toclose: boolean): NativeFunction {
  if (nargs - 1 > MAXARGLINE) argError(L, MAXARGLINE + 2, 'too many arguments');
  const data = [handle, toclose, ...L.stack.slice(base + 1, base + nargs)];
  return new NativeFunction('lines', linesIterator, null, SPECIAL.NONE, data);
}

function fLines(L: LuaThread, base: number, nargs: number): number {
  checkFile(L, base, nargs);
  L.stack[base] = makeLines(L, L.stack[base], base, nargs, false);
  return 1;
}

function ioLines(L: LuaThread, base: number, nargs: number): number {
  const s = L.stack;
  if (nargs === 0) {
    s[base] = undefined;
    nargs = 1;
  }
  if (s[base] === undefined) {
    s[base] = L.vm.registry.getStr(IO_INPUT);
    return fLines(L, base, nargs);
  }
  const ud = openOrRaise(L, checkString(L, base, nargs, 1), 'r');
  s[base] = makeLines(L, ud, base, nargs, true);
  s[base + 1] = undefined;
  s[base + 2] = undefined;
  s[base + 3] = ud; // the to-be-closed variable of the for loop
  return 4;
}

// ---------------------------------------------------------------------------------------
// writing, seeking, buffering

/** Write arguments firstArg..nargs (g_write); results: the handle, or nil, message, errno. */
function writeValues(L: LuaThread, st: Stream, base: number, nargs: number, firstArg: number, handle: LuaUserdata): number {
  const s = L.stack;
  let err: OsError | null = null;
  for (let i = firstArg; i <= nargs; i++) {
    const v = s[base + i - 1];
    const text = typeof v === 'string' ? v : isNumber(v) ? numberToText(v) : checkString(L, base, nargs, i);
    if (err === null) err = st.write(text);
  }
  if (err !== null) return fileResult(L, base, err, null);
  s[base] = handle;
  return 1;
}

function ioWrite(L: LuaThread, base: number, nargs: number): number {
  const ud = defaultFile(L, IO_OUTPUT);
  return writeValues(L, ud.value as Stream, base, nargs, 1, ud);
}

function fWrite(L: LuaThread, base: number, nargs: number): number {
  const st = checkFile(L, base, nargs);
  return writeValues(L, st, base, nargs, 2, L.stack[base] as LuaUserdata);
}

const WHENCE = ['set', 'cur', 'end'] as const;

function fSeek(L: LuaThread, base: number, nargs: number): number {
  const st = checkFile(L, base, nargs);
  const whence = WHENCE[checkOption(L, base, nargs, 2, 'cur', WHENCE)];
  const off = optInteger(L, base, nargs, 3, 0);
  const r = typeof off === 'bigint' ? EINVAL : st.seek(whence, off);
  if (isOsError(r)) return fileResult(L, base, r, null);
  L.stack[base] = r;
  return 1;
}

const BUFMODES = ['no', 'full', 'line'] as const;

function fSetvbuf(L: LuaThread, base: number, nargs: number): number {
  const st = checkFile(L, base, nargs);
  const mode: BufferMode = BUFMODES[checkOption(L, base, nargs, 2, null, BUFMODES)];
  const size = optInteger(L, base, nargs, 3, 1024);
  st.setvbuf(mode, Number(size));
  L.stack[base] = true;
  return 1;
}

function ioFlush(L: LuaThread, base: number): number {
  const st = defaultFile(L, IO_OUTPUT).value as Stream;
  return fileResult(L, base, st.flush(), null);
}

function fFlush(L: LuaThread, base: number, nargs: number): number {
  return fileResult(L, base, checkFile(L, base, nargs).flush(), null);
}

// ---------------------------------------------------------------------------------------
// standard files

/**
 * io.stdout / io.stderr: writes go to vm.stdout / vm.stderr (looked up at each write, so an
 * embedder may replace them). The sink does its own buffering (the CLI's), so setvbuf
 * applies to the sink: "no" and "line" wrap vm.stdout so that every write (print's too) is
 * flushed at once or at each newline.
 */
function stdSink(vm: LuaVM, which: 'stdout' | 'stderr'): HostFile {
  let plain: ((s: string) => void) | null = null;
  let wrapped: ((s: string) => void) | null = null;
  return {
    read: () => EBADF,
    write(bytes) {
      vm[which](bytes);
      return null;
    },
    close: () => null,
    setvbuf(mode) {
      if (which !== 'stdout') return;
      if (wrapped !== null && vm.stdout === wrapped) vm.stdout = plain!;
      wrapped = null;
      if (mode === 'full') return;
      const out = vm.stdout;
      plain = out;
      wrapped = (s: string) => {
        out(s);
        if (mode === 'no' || s.indexOf('\n') >= 0) flushStdout(vm);
      };
      vm.stdout = wrapped;
      flushStdout(vm);
    },
    flush() {
      if (which === 'stdout') flushStdout(vm);
      return null;
    },
  };
}

/**
 * io.stdin: the host's stdin, found on first use (the CLI sets vm.host after the libraries
 * are open), else the text of vm.readStdin, else nothing. Reading it first writes out what
 * vm.stdout buffered, so a prompt shows before the program waits for input.
 */
function stdinSource(vm: LuaVM): HostFile {
  let src: HostFile | null = null;
  const get = (): HostFile => {
    src ??= (vm.host as OsHost | null)?.stdin ?? lazyTextFile(vm.readStdin ?? (() => null));
    return src;
  };
  return {
    read(n) {
      flushStdout(vm);
      return get().read(n);
    },
    write: () => EBADF,
    seek(whence, offset) {
      const f = get();
      return f.seek ? f.seek(whence, offset) : ESPIPE;
    },
    close: () => null,
  };
}

/** Store native functions in a table, in the order given; the table. */
function setFunctions(t: LuaTable, fns: Record<string, NativeFn>): LuaTable {
  for (const name in fns) t.setStr(name, nativeFn(name, fns[name]));
  return t;
}

export function openIo(vm: LuaVM): void {
  const methods = setFunctions(new LuaTable(), {
    close: fClose, flush: fFlush, lines: fLines, read: fRead, seek: fSeek, setvbuf: fSetvbuf, write: fWrite,
  });
  const meta = new LuaTable();
  meta.setStr('__index', methods);
  setFunctions(meta, { __gc: fGc, __close: fGc, __tostring: fTostring });
  meta.setStr('__name', FILEHANDLE);
  vm.registry.setStr(FILEHANDLE, meta);
  fileMetas.set(vm, meta);

  const IO = setFunctions(new LuaTable(), {
    close: ioClose,
    flush: ioFlush,
    input: (L, base, nargs) => ioFile(L, base, nargs, IO_INPUT, 'r'),
    lines: ioLines,
    open: ioOpen,
    output: (L, base, nargs) => ioFile(L, base, nargs, IO_OUTPUT, 'w'),
    popen: ioPopen,
    read: ioRead,
    tmpfile: ioTmpfile,
    type: ioType,
    write: ioWrite,
  });

  const std = (host: HostFile, mode: 'r' | 'w'): LuaUserdata => new LuaUserdata(new Stream(host, mode, true), meta);
  const stdin = std(stdinSource(vm), 'r');
  const stdout = std(stdSink(vm, 'stdout'), 'w');
  const stderr = std(stdSink(vm, 'stderr'), 'w');
  IO.setStr('stdin', stdin);
  IO.setStr('stdout', stdout);
  IO.setStr('stderr', stderr);
  vm.registry.setStr(IO_INPUT, stdin);
  vm.registry.setStr(IO_OUTPUT, stdout);

  vm.globals.setStr('io', IO);
  vm.loaded.setStr('io', IO);
}

