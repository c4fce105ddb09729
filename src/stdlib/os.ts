/**
 * The operating system library (manual §6.9): clock, date, difftime, execute, exit, getenv,
 * remove, rename, setlocale, time, tmpname.
 *
 * Time is computed here, not with JS Date arithmetic: dates are proleptic Gregorian over the
 * whole range glibc accepts (years that fit a C int after subtracting 1900), seconds are
 * Lua integers. Local time uses the offset JS reports for the process time zone (TZ), at
 * the instant in question; os.date formats every conversion glibc's strftime has in the C
 * locale, validated as lua5.4 validates them.
 *
 * Whatever touches the host system goes through `vm.host` (an OsHost, see below), so this
 * module imports nothing from Node and a browser build never references 'fs' or
 * 'child_process'. createNodeOsHost builds the Node implementation from modules the caller
 * passes in. os.exit calls `vm.exit(code, close)`, a hook the embedder (the CLI) sets.
 * Environment variables and CPU time come from `globalThis.process` when it exists.
 */
import {
  NativeFunction, SPECIAL, mkfloat, nativeFn, normInt, toIntegerCoerce, truthy,
} from '../vm/value.js';
import type { LuaValue, NativeFn } from '../vm/value.js';
import { LuaTable } from '../vm/table.js';
import type { LuaThread, LuaVM } from '../vm/state.js';
import type { CallRequest } from '../vm/interp.js';
import { TM, fastTM } from '../vm/meta.js';
import {
  arg, argError, checkInteger, checkOption, checkString, cString, nativeError, optInteger, optString,
  typeErrorArg,
} from '../vm/auxlib.js';
import { indexGen, newindexGen } from './base.js';
import {
  ENOSYS, bytesToString, execResult, fileResult, hostOf, stringToBytes,
} from './io-host.js';
import type { FileHost } from './io-host.js';
import { flushFiles } from './io.js';
import { createNodeFileHost } from './io-node.js';

// ---------------------------------------------------------------------------------------
// host interface

/** A failed system call: errno and its strerror text (Linux wording). */
export interface OsError {
  errno: number;
  message: string;
}

/** How a command run by os.execute ended. */
export interface ExecResult {
  kind: 'exit' | 'signal';
  code: number;
}

/**
 * What the os library needs from the host. Paths and commands are Lua byte strings. Every
 * member is optional; a missing one makes the function behave as on a system without that
 * facility (remove/rename fail with ENOSYS, tmpname raises, execute() returns false).
 * The file operations of the io library (open, tmpfile, popen, stdin) are in FileHost
 * (io-host.ts).
 */
export interface OsHost extends FileHost {
  /** delete a file or an empty directory; null on success */
  remove?(path: string): OsError | null;
  rename?(from: string, to: string): OsError | null;
  /** create a new empty file with a unique name and return the name (null: failure) */
  tmpname?(): string | null;
  /** run a command with the system shell, or (command null) tell whether one exists */
  execute?(command: string | null): ExecResult | OsError | boolean;
  /** environment variable (a byte string), overriding process.env */
  getenv?(name: string): string | null;
  /** CPU time used by the program, in seconds, overriding process.cpuUsage */
  clock?(): number;
}

/** errno and strerror of the error codes file operations report (Linux values). */
const ERRNO: Record<string, [number, string]> = {
  EPERM: [1, 'Operation not permitted'],
  ENOENT: [2, 'No such file or directory'],
  EIO: [5, 'Input/output error'],
  EBADF: [9, 'Bad file descriptor'],
  EACCES: [13, 'Permission denied'],
  EBUSY: [16, 'Device or resource busy'],
  EEXIST: [17, 'File exists'],
  EXDEV: [18, 'Invalid cross-device link'],
  ENXIO: [6, 'No such device or address'],
  EAGAIN: [11, 'Resource temporarily unavailable'],
  ENOTDIR: [20, 'Not a directory'],
  EISDIR: [21, 'Is a directory'],
  EINVAL: [22, 'Invalid argument'],
  EMFILE: [24, 'Too many open files'],
  ETXTBSY: [26, 'Text file busy'],
  EFBIG: [27, 'File too large'],
  ENOSPC: [28, 'No space left on device'],
  ESPIPE: [29, 'Illegal seek'],
  EROFS: [30, 'Read-only file system'],
  EMLINK: [31, 'Too many links'],
  EPIPE: [32, 'Broken pipe'],
  ENAMETOOLONG: [36, 'File name too long'],
  ENOSYS: [38, 'Function not implemented'],
  ENOTEMPTY: [39, 'Directory not empty'],
  ELOOP: [40, 'Too many levels of symbolic links'],
};

/** An OsError from a Node system error (code 'ENOENT', errno -2, ...). */
export function osErrorFromNode(e: unknown): OsError {
  const err = e as { code?: unknown; errno?: unknown; message?: unknown };
  const known = typeof err.code === 'string' ? ERRNO[err.code] : undefined;
  if (known !== undefined) return { errno: known[0], message: known[1] };
  const n = typeof err.errno === 'number' ? Math.abs(err.errno) : 0;
  return { errno: n, message: typeof err.message === 'string' ? err.message : 'Unknown error' };
}

/** The parts of node:fs and node:child_process the Node host uses. */
export interface NodeOsModules {
  fs: {
    unlinkSync(path: any): void;
    rmdirSync(path: any): void;
    renameSync(from: any, to: any): void;
    openSync(path: any, flags: string, mode?: number): number;
    closeSync(fd: number): void;
    existsSync(path: any): boolean;
    /** for the io library's files (io-node.ts); without them io.open is not available */
    readSync?(fd: number, buffer: Uint8Array, offset: number, length: number, position: number | null): number;
    writeSync?(fd: number, buffer: Uint8Array, offset: number, length: number, position: number | null): number;
    fstatSync?(fd: number): { size: number; isFile(): boolean; isDirectory(): boolean };
  };
  childProcess?: {
    spawnSync(command: string, args: string[], options: any): {
      status: number | null; signal: string | null; error?: unknown; stdout?: Uint8Array | null;
    };
  };
  /** standard input for io.stdin as a chunk reader ('' at the end; see io-node.ts nodeStdinReader) */
  stdin?: ((max: number) => string | null) | null;
  /** called before a command runs (flush buffered output so it comes first) */
  beforeExecute?: () => void;
  /** directory for os.tmpname (default /tmp) */
  tmpdir?: string;
}

const SIGNALS: Record<string, number> = {
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGBUS: 7, SIGFPE: 8,
  SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15,
  SIGSTKFLT: 16, SIGCHLD: 17, SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21, SIGTTOU: 22,
  SIGURG: 23, SIGXCPU: 24, SIGXFSZ: 25, SIGVTALRM: 26, SIGPROF: 27, SIGWINCH: 28, SIGIO: 29,
  SIGPWR: 30, SIGSYS: 31,
};

/** The OsHost of a Node process, from the modules the caller imported. */
export function createNodeOsHost(mods: NodeOsModules): OsHost {
  const fs = mods.fs;
  const cp = mods.childProcess;
  const tmpdir = mods.tmpdir ?? '/tmp';
  const host: OsHost = {
    remove(path) {
      const p = stringToBytes(path);
      try {
        fs.unlinkSync(p);
        return null;
      } catch (e) {
        const err = osErrorFromNode(e);
        if (err.errno !== 21 && err.errno !== 1) return err; // C's remove(): rmdir on EISDIR
        try {
          fs.rmdirSync(p);
          return null;
        } catch (e2) {
          return osErrorFromNode(e2);
        }
      }
    },
    rename(from, to) {
      try {
        fs.renameSync(stringToBytes(from), stringToBytes(to));
        return null;
      } catch (e) {
        return osErrorFromNode(e);
      }
    },
    tmpname() {
      const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
      for (let attempt = 0; attempt < 100; attempt++) {
        let name = `${tmpdir}/lua_`;
        for (let i = 0; i < 6; i++) name += chars[Math.floor(Math.random() * chars.length)];
        try {
          fs.closeSync(fs.openSync(name, 'wx', 0o600));
          return name;
        } catch {
          /* exists: try another name */
        }
      }
      return null;
    },
    execute(command) {
      if (cp === undefined) return command === null ? false : ENOSYS;
      if (command === null) return fs.existsSync('/bin/sh');
      if (mods.beforeExecute) mods.beforeExecute();
      const r = cp.spawnSync('/bin/sh', ['-c', new TextDecoder().decode(stringToBytes(command))], { stdio: 'inherit' });
      if (r.error) return osErrorFromNode(r.error);
      if (r.signal !== null) return { kind: 'signal', code: SIGNALS[r.signal] ?? 0 };
      return { kind: 'exit', code: r.status ?? 0 };
    },
  };
  // the io library's files (io-node.ts)
  const { readSync, writeSync, fstatSync } = fs;
  if (readSync && writeSync && fstatSync) {
    const files = createNodeFileHost({
      fs: { openSync: fs.openSync, closeSync: fs.closeSync, unlinkSync: fs.unlinkSync, readSync, writeSync, fstatSync },
      childProcess: cp,
      beforeExecute: mods.beforeExecute,
      tmpdir,
      stdin: mods.stdin,
    }, { toOsError: osErrorFromNode, signalNumber: (name) => SIGNALS[name] ?? 0 });
    Object.assign(host, files);
  }
  return host;
}

/** JS string -> UTF-8 byte string */
function toBytes(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  const b = new TextEncoder().encode(s);
  return bytesToString(b, 0, b.length);
}

/** UTF-8 byte string -> JS string */
function fromBytes(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  return new TextDecoder().decode(stringToBytes(s));
}

// ---------------------------------------------------------------------------------------
// calendar: proleptic Gregorian, days counted from 1970-01-01

const INT_MAX = 2147483647;
const INT_MIN = -2147483648;

/** Does year y fit a struct tm (tm_year, y - 1900, is a C int)? */
function yearFits(y: number): boolean {
  return y - 1900 <= INT_MAX && y - 1900 >= INT_MIN;
}

function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

/** Days from 1970-01-01 to y-m-d (m 1..12). Exact for |y| up to ~2^40. */
function daysFromCivil(y: number, m: number, d: number): number {
  if (m <= 2) y -= 1;
  const era = floorDiv(y, 400);
  const yoe = y - era * 400; // 0..399
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1; // 0..365, from March 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Broken-down time (struct tm with full values: year not minus 1900, month 1..12). */
interface Tm {
  year: number;
  month: number;
  day: number;
  hour: number;
  min: number;
  sec: number;
  /** 0 = Sunday */
  wday: number;
  /** 0-based day of the year */
  yday: number;
  isdst: boolean;
  /** seconds east of UTC */
  gmtoff: number;
  zone: string;
}

/** The date of a day number: [year, month 1..12, day]. */
function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = floorDiv(z, 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function daysInYear(y: number): number {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 366 : 365;
}

/** Split seconds (a Lua integer) into whole days and the second of the day. */
function splitSeconds(t: number | bigint): [number, number] {
  if (typeof t === 'number') {
    const days = Math.floor(t / 86400);
    return [days, t - days * 86400];
  }
  let days = t / 86400n;
  let rem = t % 86400n;
  if (rem < 0n) {
    rem += 86400n;
    days -= 1n;
  }
  return [Number(days), Number(rem)];
}

/** Broken-down UTC time of t shifted by `off` seconds; null when the year does not fit. */
function breakDown(t: number | bigint, off: number): Tm | null {
  const [days0, sod0] = splitSeconds(t);
  const days = days0 + floorDiv(sod0 + off, 86400);
  const sod = floorMod(sod0 + off, 86400);
  const [y, m, d] = civilFromDays(days);
  if (!yearFits(y)) return null;
  return {
    year: y,
    month: m,
    day: d,
    hour: Math.floor(sod / 3600),
    min: Math.floor(sod / 60) % 60,
    sec: sod % 60,
    wday: ((days % 7) + 11) % 7, // 1970-01-01 was a Thursday
    yday: days - daysFromCivil(y, 1, 1),
    isdst: false,
    gmtoff: off,
    zone: 'GMT',
  };
}

/** Milliseconds for a JS Date, clamped to the range Date accepts. */
function dateMs(t: number | bigint): number {
  const ms = Number(t) * 1000;
  return ms > 8.64e15 ? 8.64e15 : ms < -8.64e15 ? -8.64e15 : ms;
}

/** Offset of local time from UTC at instant t, in seconds. */
function localOffset(t: number | bigint): number {
  return Math.round(-new Date(dateMs(t)).getTimezoneOffset() * 60) + 0;
}

/** Offsets of local time from UTC (seconds) on January 1 and July 1 of the year of t. */
function yearOffsets(t: number | bigint): [number, number] {
  const y = new Date(dateMs(t)).getFullYear();
  return [-new Date(y, 0, 1).getTimezoneOffset() * 60, -new Date(y, 6, 1).getTimezoneOffset() * 60];
}

/** Is daylight saving time in effect at t (offset above the year's standard offset)? */
function localIsDst(t: number | bigint, off: number): boolean {
  const [jan, jul] = yearOffsets(t);
  return jan !== jul && off > Math.min(jan, jul);
}

/** The year's DST shift in seconds (3600 when the zone has none, as glibc assumes). */
function dstShift(t: number | bigint): number {
  const [jan, jul] = yearOffsets(t);
  return jan !== jul ? Math.abs(jan - jul) : 3600;
}

function localZoneName(t: number | bigint): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' }).formatToParts(new Date(dateMs(t)));
    for (const p of parts) if (p.type === 'timeZoneName') return p.value;
  } catch {
    /* no Intl */
  }
  return 'UTC';
}

/** gmtime / localtime */
function timeToTm(t: number | bigint, utc: boolean): Tm | null {
  const off = utc ? 0 : localOffset(t);
  const tm = breakDown(t, off);
  if (tm !== null && !utc) {
    tm.isdst = localIsDst(t, off);
    tm.zone = localZoneName(t);
  }
  return tm;
}

// ---------------------------------------------------------------------------------------
// os.date: strftime in the C locale

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

/**
 * A conversion lua5.4 accepts (in the group): a plain one, or an E- or O-modified one (the
 * modifiers change nothing in the C locale). A '%' without one is invalid.
 */
const CONVERSION = /%(E[cCxXyY]|O[deHImMSuUVwWy]|[aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%])?/g;

/** Conversions that are a sequence of others (their definitions in the C locale). */
const COMPOSITES: Record<string, string> = {
  c: '%a %b %e %T %Y', D: '%m/%d/%y', F: '%Y-%m-%d', h: '%b', r: '%I:%M:%S %p', R: '%H:%M',
  T: '%H:%M:%S', x: '%D', X: '%T',
};

/** n (never negative here) in decimal, padded on the left with ch to `width` characters. */
function pad(n: number, width = 2, ch = '0'): string {
  return String(n).padStart(width, ch);
}

/**
 * C int arithmetic for printed years: glibc computes tm_year + 1900 in an int for %Y, %C, %G
 * (and %c, %F, %g), so years beyond 2^31-1 wrap around; %y uses the true year.
 */
function wrap32(n: number): number {
  return n | 0;
}

/** ISO 8601 week-based year and week number of tm. */
function isoWeek(tm: Tm): [number, number] {
  const wdayMon = (tm.wday + 6) % 7; // Monday = 0
  let year = tm.year;
  let thu = tm.yday - wdayMon + 3; // day of the year of this week's Thursday
  if (thu < 0) {
    year--;
    thu += daysInYear(year);
  } else if (thu >= daysInYear(year)) {
    thu -= daysInYear(year);
    year++;
  }
  return [year, Math.floor(thu / 7) + 1];
}

function floorMod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

/** One conversion (its letter, modifiers dropped: they change nothing in the C locale). */
function strftime1(c: string, tm: Tm): string {
  const composite = COMPOSITES[c];
  if (composite !== undefined) return composite.replace(/%(.)/g, (_, part: string) => strftime1(part, tm));
  const year = wrap32(tm.year);
  switch (c) {
    case 'a': return DAYS[tm.wday].slice(0, 3);
    case 'A': return DAYS[tm.wday];
    case 'b': return MONTHS[tm.month - 1].slice(0, 3);
    case 'B': return MONTHS[tm.month - 1];
    case 'C': return String(Math.floor(year / 100));
    case 'd': return pad(tm.day);
    case 'e': return pad(tm.day, 2, ' ');
    case 'g': return pad(floorMod(wrap32(isoWeek(tm)[0]), 100));
    case 'G': return String(wrap32(isoWeek(tm)[0]));
    case 'H': return pad(tm.hour);
    case 'I': return pad(tm.hour % 12 === 0 ? 12 : tm.hour % 12);
    case 'j': return pad(tm.yday + 1, 3);
    case 'm': return pad(tm.month);
    case 'M': return pad(tm.min);
    case 'n': return '\n';
    case 'p': return tm.hour < 12 ? 'AM' : 'PM';
    case 'S': return pad(tm.sec);
    case 't': return '\t';
    case 'u': return String(tm.wday === 0 ? 7 : tm.wday);
    case 'U': return pad(Math.floor((tm.yday + 7 - tm.wday) / 7));
    case 'V': return pad(isoWeek(tm)[1]);
    case 'w': return String(tm.wday);
    case 'W': return pad(Math.floor((tm.yday + 7 - ((tm.wday + 6) % 7)) / 7));
    case 'y': return pad(floorMod(tm.year, 100)); // from the true year, unlike %Y
    case 'Y': return String(year);
    case 'z': {
      const off = tm.gmtoff;
      const a = Math.abs(off);
      return (off < 0 ? '-' : '+') + pad(Math.floor(a / 3600)) + pad(Math.floor(a / 60) % 60);
    }
    case 'Z': return tm.zone;
    default: return '%';
  }
}

/** strftime: every conversion of fmt replaced (by its letter, after any modifier). */
function formatDate(L: LuaThread, fmt: string, tm: Tm): string {
  return fmt.replace(CONVERSION, (_, conv: string | undefined, at: number) => {
    if (conv === undefined) argError(L, 1, `invalid conversion specifier '%${cString(fmt.slice(at + 1))}'`);
    return strftime1(conv[conv.length - 1], tm);
  });
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

function osDate(L: LuaThread, base: number, nargs: number): number {
  let fmt = optString(L, base, nargs, 1, '%c');
  const t = optInteger(L, base, nargs, 2, nowSeconds());
  const utc = fmt[0] === '!';
  if (utc) fmt = fmt.slice(1);
  const tm = timeToTm(t, utc);
  if (tm === null) nativeError(L, 'date result cannot be represented in this installation');
  if (fmt === '*t') {
    const r = new LuaTable();
    for (const [k, v] of tmFields(tm)) r.setStr(k, v);
    L.stack[base] = r;
  } else {
    L.stack[base] = formatDate(L, fmt, tm);
  }
  return 1;
}

/** The fields of a date table, in the order lua5.4 stores them. */
function tmFields(tm: Tm): [string, LuaValue][] {
  return [
    ['year', tm.year], ['month', tm.month], ['day', tm.day], ['hour', tm.hour], ['min', tm.min],
    ['sec', tm.sec], ['yday', tm.yday + 1], ['wday', tm.wday + 1], ['isdst', tm.isdst],
  ];
}

// ---------------------------------------------------------------------------------------
// os.time

type Gen<T> = Generator<CallRequest, T, LuaValue>;

function isPlainTable(v: LuaValue): v is LuaTable {
  if (!(v instanceof LuaTable)) return false;
  const mt = v.metatable;
  return mt === null || (fastTM(mt, TM.INDEX) === undefined && fastTM(mt, TM.NEWINDEX) === undefined);
}

/** t[key], through __index when t has one. */
function* getValue(L: LuaThread, t: LuaTable, key: string): Gen<LuaValue> {
  return isPlainTable(t) ? t.getStr(key) : yield* indexGen(L, t, key);
}

/** getfield: an integer field of the date table, minus delta, within a C int. */
function* getField(L: LuaThread, t: LuaTable, key: string, d: number, delta: number): Gen<number> {
  const v = yield* getValue(L, t, key);
  const i = toIntegerCoerce(v);
  if (i === undefined) {
    if (v !== undefined) nativeError(L, `field '${key}' is not an integer`);
    if (d < 0) nativeError(L, `field '${key}' missing in date table`);
    return d;
  }
  if (typeof i === 'bigint' || !(i >= 0 ? i - delta <= INT_MAX : INT_MIN + delta <= i)) {
    nativeError(L, `field '${key}' is out-of-bound`);
  }
  return i - delta;
}

/** mktime: seconds of the (normalised) local or UTC date, or null when out of range. */
function mktime(year: number, mon: number, day: number, hour: number, min: number, sec: number,
  isdst: boolean | undefined): number | bigint | null {
  // year is tm_year (minus 1900), mon 0-based; every field may be out of its range
  const y = year + 1900 + Math.floor(mon / 12);
  const m = floorMod(mon, 12);
  if (!yearFits(y)) return null;
  const days = daysFromCivil(y, m + 1, 1) + day - 1;
  const local = BigInt(days) * 86400n + BigInt(hour) * 3600n + BigInt(min) * 60n + BigInt(sec);
  // local time: an offset in effect around that wall-clock time that is consistent with
  // the instant it gives; when none is (a gap) or both are (an overlap), standard time
  // (the smaller offset), as glibc's mktime chooses with tm_isdst < 0 in these cases
  const oA = localOffset(local - 43200n);
  const oB = localOffset(local + 43200n);
  const okA = localOffset(local - BigInt(oA)) === oA;
  const okB = localOffset(local - BigInt(oB)) === oB;
  const off = okA && !okB ? oA : okB && !okA ? oB : Math.min(oA, oB);
  let t = local - BigInt(off);
  // an explicit isdst that disagrees moves the result by the zone's DST shift
  if (isdst !== undefined && localIsDst(t, off) !== isdst) {
    const shift = BigInt(dstShift(t));
    t = isdst ? t - shift : t + shift;
  }
  const [dd] = splitSeconds(t);
  const [ny] = civilFromDays(dd);
  if (!yearFits(ny)) return null;
  return normInt(t);
}

function* osTimeGen(L: LuaThread, base: number, nargs: number): Gen<number> {
  const t = arg(L, base, nargs, 1);
  if (t === undefined) {
    L.stack[base] = nowSeconds();
    return 1;
  }
  if (!(t instanceof LuaTable)) typeErrorArg(L, base, nargs, 1, 'table');
  const year = yield* getField(L, t, 'year', -1, 1900);
  const mon = yield* getField(L, t, 'month', -1, 1);
  const day = yield* getField(L, t, 'day', -1, 0);
  const hour = yield* getField(L, t, 'hour', 12, 0);
  const min = yield* getField(L, t, 'min', 0, 0);
  const sec = yield* getField(L, t, 'sec', 0, 0);
  const dv = yield* getValue(L, t, 'isdst');
  const isdst = dv === undefined ? undefined : dv !== false;
  const r = mktime(year, mon, day, hour, min, sec, isdst);
  if (r === null) nativeError(L, 'time result cannot be represented in this installation');
  // update the table with the normalised fields
  const tm = timeToTm(r, false);
  if (tm !== null) {
    for (const [k, v] of tmFields(tm)) {
      if (isPlainTable(t)) t.setStr(k, v);
      else yield* newindexGen(L, t, k, v);
    }
  }
  if (r === -1) nativeError(L, 'time result cannot be represented in this installation');
  L.stack[base] = r;
  return 1;
}

function osTime(L: LuaThread, base: number, nargs: number): number {
  const t = arg(L, base, nargs, 1);
  if (t instanceof LuaTable && !isPlainTable(t)) return -1;
  // nothing here calls Lua: run the generator to its end
  const r = osTimeGen(L, base, nargs).next();
  return r.value as number;
}

// ---------------------------------------------------------------------------------------
// the other functions

function osClock(L: LuaThread, base: number): number {
  const h = hostOf(L);
  let secs: number;
  if (h.clock) {
    secs = h.clock();
  } else {
    const p = (globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } }).process;
    if (typeof p?.cpuUsage === 'function') {
      const u = p.cpuUsage();
      secs = (u.user + u.system) / 1e6;
    } else {
      secs = ((globalThis as { performance?: { now(): number } }).performance?.now() ?? Date.now()) / 1000;
    }
  }
  L.stack[base] = mkfloat(secs);
  return 1;
}

function osDifftime(L: LuaThread, base: number, nargs: number): number {
  const t1 = checkInteger(L, base, nargs, 1);
  const t2 = checkInteger(L, base, nargs, 2);
  const d = typeof t1 === 'number' && typeof t2 === 'number' ? t1 - t2 : Number(BigInt(t1) - BigInt(t2));
  L.stack[base] = mkfloat(d);
  return 1;
}

function osGetenv(L: LuaThread, base: number, nargs: number): number {
  const name = cString(checkString(L, base, nargs, 1));
  const h = hostOf(L);
  let v: string | null | undefined;
  if (h.getenv) {
    v = h.getenv(name);
  } else {
    const p = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
    const raw = p?.env?.[fromBytes(name)];
    v = raw === undefined ? undefined : toBytes(raw);
  }
  L.stack[base] = v ?? undefined;
  return 1;
}

function osRemove(L: LuaThread, base: number, nargs: number): number {
  const name = cString(checkString(L, base, nargs, 1));
  const h = hostOf(L);
  return fileResult(L, base, h.remove ? h.remove(name) : ENOSYS, name);
}

function osRename(L: LuaThread, base: number, nargs: number): number {
  const from = cString(checkString(L, base, nargs, 1));
  const to = cString(checkString(L, base, nargs, 2));
  const h = hostOf(L);
  return fileResult(L, base, h.rename ? h.rename(from, to) : ENOSYS, null);
}

function osTmpname(L: LuaThread, base: number): number {
  const h = hostOf(L);
  const name = h.tmpname ? h.tmpname() : null;
  if (name === null) nativeError(L, 'unable to generate a unique filename');
  L.stack[base] = name;
  return 1;
}

function osExecute(L: LuaThread, base: number, nargs: number): number {
  const cmd = arg(L, base, nargs, 1) !== undefined ? checkString(L, base, nargs, 1) : null;
  const h = hostOf(L);
  const r = h.execute ? h.execute(cmd) : cmd === null ? false : ENOSYS;
  // execute() (no command) tells whether a shell exists
  if (cmd === null || typeof r === 'boolean') {
    L.stack[base] = r === true;
    return 1;
  }
  return execResult(L, base, r);
}

function osExit(L: LuaThread, base: number, nargs: number): number {
  const v = arg(L, base, nargs, 1);
  const code = typeof v === 'boolean' ? (v ? 0 : 1) : Number(BigInt.asIntN(32, BigInt(optInteger(L, base, nargs, 1, 0))));
  const close = truthy(arg(L, base, nargs, 2));
  const exit = L.vm.exit;
  if (typeof exit !== 'function') nativeError(L, 'os.exit not available');
  // like C's exit(), even without closing the state: buffered file output is written out
  flushFiles(L.vm);
  exit(code, close);
  return 0;
}

const LOCALE_CATEGORIES = ['all', 'collate', 'ctype', 'monetary', 'numeric', 'time'] as const;

function osSetlocale(L: LuaThread, base: number, nargs: number): number {
  // nil queries the current locale: C
  const locale = cString(optString(L, base, nargs, 1, 'C'));
  checkOption(L, base, nargs, 2, 'all', LOCALE_CATEGORIES);
  // only the C locale exists here ("" selects the environment's, which is C too)
  L.stack[base] = locale === 'C' || locale === 'POSIX' || locale === '' ? 'C' : undefined;
  return 1;
}

export function openOs(vm: LuaVM): void {
  const OS = new LuaTable();
  const fns: Record<string, NativeFn | NativeFunction> = {
    clock: osClock, date: osDate, difftime: osDifftime, execute: osExecute, exit: osExit, getenv: osGetenv,
    remove: osRemove, rename: osRename, setlocale: osSetlocale,
    time: new NativeFunction('time', osTime, osTimeGen, SPECIAL.NONE, null),
    tmpname: osTmpname,
  };
  for (const name in fns) {
    const fn = fns[name];
    OS.setStr(name, fn instanceof NativeFunction ? fn : nativeFn(name, fn));
  }
  vm.globals.setStr('os', OS);
  vm.loaded.setStr('os', OS);
}
