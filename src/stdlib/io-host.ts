/**
 * The host file interface of the io library (manual §6.8).
 *
 * The io library never touches an operating system itself: every file it opens comes from
 * `vm.host` (an OsHost, stdlib/os.ts, which extends FileHost below). A host file is a plain,
 * unbuffered byte channel; the io library puts C-stdio-like buffering on top of it
 * (io-stream.ts), so a host only has to move bytes.
 *
 *   FileHost.open(path, mode)    a file by name; mode is one of r w a r+ w+ a+ (the 'b'
 *                                flag is dropped: files are always bytes)
 *   FileHost.tmpfile()           an anonymous read/write file, gone when closed
 *   FileHost.popen(cmd, mode)    a command's stdout ('r') or stdin ('w')
 *   FileHost.stdin               the process's standard input
 *
 * Every member is optional. Without `open` io.open fails with ENOSYS ("Function not
 * implemented"); without `tmpfile` io.tmpfile gives an anonymous in-memory file; without
 * `popen` io.popen raises "'popen' not supported"; without `stdin` standard input is the
 * text of vm.readStdin (read whole, on first use), or empty.
 *
 * Standard output and standard error are not host files: they go to vm.stdout and
 * vm.stderr, the sinks print uses, so the order of print and io.write output is kept.
 *
 * Implementations shipped here: io-node.ts (node:fs and node:child_process, passed in by the
 * caller) and io-memfs.ts (an in-memory file system for embedders, browsers and tests).
 *
 * Strings are Lua byte strings: one char code 0..255 per byte, both for paths and data.
 */
import type { LuaThread } from '../vm/state.js';
import type { ExecResult, OsError, OsHost } from './os.js';

/** How io.open opens a file (its mode argument without 'b'). */
export type OpenMode = 'r' | 'w' | 'a' | 'r+' | 'w+' | 'a+';

/** Where a seek offset counts from. */
export type Whence = 'set' | 'cur' | 'end';

/** Buffering modes of file:setvbuf. */
export type BufferMode = 'no' | 'full' | 'line';

/**
 * An open file as the host provides it: unbuffered byte I/O at a current position that the
 * host keeps. Access rights are checked by the io library (from the open mode) before it
 * calls read or write, so a host file may assume calls that fit its mode.
 */
export interface HostFile {
  /**
   * Read up to `n` (> 0) bytes at the current position and advance it. Returns the bytes
   * ('' only at end of file; fewer than n bytes are fine, e.g. what a pipe has ready), or
   * an error.
   */
  read(n: number): string | OsError;
  /** Write all of `bytes` at the current position (at the end of the file in append mode). */
  write(bytes: string): OsError | null;
  /**
   * Move the current position to `offset` from the start, the current position or the end;
   * returns the new position. Absent for channels that cannot seek (pipes, terminals): the
   * io library then reports ESPIPE ("Illegal seek").
   */
  seek?(whence: Whence, offset: number): number | OsError;
  /** Release the file. A file from popen returns how its command ended. */
  close(): OsError | ExecResult | null;
  /**
   * Present when the host does its own buffering (standard output): the io library then
   * passes writes straight through and forwards setvbuf and flush to the host.
   */
  setvbuf?(mode: BufferMode, size: number): void;
  flush?(): OsError | null;
}

/** The file operations of the host (the io part of OsHost). */
export interface FileHost {
  open?(path: string, mode: OpenMode): HostFile | OsError;
  tmpfile?(): HostFile | OsError;
  popen?(command: string, mode: 'r' | 'w'): HostFile | OsError;
  /** standard input, read lazily */
  stdin?: HostFile | null;
}

/** errno values and strerror texts (Linux) of the errors the io library reports itself. */
export const EBADF: OsError = { errno: 9, message: 'Bad file descriptor' };
export const EINVAL: OsError = { errno: 22, message: 'Invalid argument' };
export const ESPIPE: OsError = { errno: 29, message: 'Illegal seek' };
export const ENOENT: OsError = { errno: 2, message: 'No such file or directory' };
export const ENOSYS: OsError = { errno: 38, message: 'Function not implemented' };

export function isOsError(v: unknown): v is OsError {
  return typeof v === 'object' && v !== null && typeof (v as OsError).errno === 'number';
}

/** The bytes of a byte string. */
export function stringToBytes(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

/** The byte string of b[start..end) (in chunks: apply takes a limited number of arguments). */
export function bytesToString(b: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i += 8192) {
    s += String.fromCharCode.apply(null, b.subarray(i, Math.min(end, i + 8192)) as unknown as number[]);
  }
  return s;
}

/** The host of the VM (an empty one when there is none). */
export function hostOf(L: LuaThread): OsHost {
  return (L.vm.host ?? {}) as OsHost;
}

/** luaL_fileresult: true, or nil, message (prefixed by the file name if any), errno. */
export function fileResult(L: LuaThread, base: number, err: OsError | null, fname: string | null): number {
  const s = L.stack;
  if (err === null) {
    s[base] = true;
    return 1;
  }
  s[base] = undefined;
  s[base + 1] = fname !== null ? `${fname}: ${err.message}` : err.message;
  s[base + 2] = err.errno;
  return 3;
}

/**
 * luaL_execresult: as fileResult for a failure (or null), else how the command ended: true
 * or nil, then "exit" or "signal", and the code.
 */
export function execResult(L: LuaThread, base: number, r: ExecResult | OsError | null): number {
  if (r === null || isOsError(r)) return fileResult(L, base, r, null);
  const s = L.stack;
  s[base] = r.kind === 'exit' && r.code === 0 ? true : undefined;
  s[base + 1] = r.kind;
  s[base + 2] = r.code;
  return 3;
}

/**
 * A read-only host file over a chunk reader: `read(max)` returns up to max bytes, '' at the
 * end (null: the same as the end). Used for standard input.
 */
export function readerFile(read: (max: number) => string | null): HostFile {
  return {
    read(n) {
      // not sticky: a terminal gives more input after an end of file (^D)
      const r = read(n);
      return r === null ? '' : r;
    },
    write() {
      return EBADF;
    },
    close() {
      return null;
    },
  };
}

/** A read-only host file over a text produced on first read (vm.readStdin). */
export function lazyTextFile(produce: () => string | null): HostFile {
  let text: string | null = null;
  let pos = 0;
  return readerFile((max) => {
    if (text === null) text = produce() ?? '';
    const r = text.slice(pos, pos + max);
    pos += r.length;
    return r;
  });
}
