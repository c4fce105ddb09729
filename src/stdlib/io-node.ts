/**
 * The FileHost of a Node process (see io-host.ts), built from node:fs and
 * node:child_process passed in by the caller, so that nothing here imports Node modules and
 * a browser build never references them. createNodeOsHost (os.ts) includes it.
 *
 * Files are file descriptors. Node has no lseek, so a NodeFile keeps its own position and
 * reads and writes at it (pread/pwrite); channels that are not regular files (pipes,
 * terminals, devices) are read and written sequentially and cannot seek. Bytes cross as
 * latin1 (one char code per byte).
 *
 * popen runs the command synchronously: for "r" when it is opened, capturing its output,
 * which is then read from memory; for "w" when it is closed, with everything written to the
 * handle as its standard input. close returns how the command ended, as os.execute does.
 */
import type { ExecResult, OsError } from './os.js';
import { EINVAL, ESPIPE, bytesToString, readerFile, stringToBytes } from './io-host.js';
import type { FileHost, HostFile, OpenMode, Whence } from './io-host.js';

/** The parts of node:fs the file host uses. */
export interface NodeFileFs {
  openSync(path: any, flags: string, mode?: number): number;
  closeSync(fd: number): void;
  readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: number | null): number;
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: number | null): number;
  fstatSync(fd: number): { size: number; isFile(): boolean; isDirectory(): boolean };
  unlinkSync(path: any): void;
}

export interface NodeFileModules {
  fs: NodeFileFs;
  childProcess?: {
    spawnSync(command: string, args: string[], options: any): {
      status: number | null; signal: string | null; error?: unknown; stdout?: Uint8Array | null;
    };
  };
  /** called before a command runs (flush buffered output so it comes first) */
  beforeExecute?: () => void;
  /** directory for io.tmpfile's files (default /tmp) */
  tmpdir?: string;
  /** standard input as a chunk reader ('' at the end); absent: none */
  stdin?: ((max: number) => string | null) | null;
}

/** How the os library converts a Node error and a signal name (passed in by os.ts). */
export interface NodeErrorMapping {
  toOsError(e: unknown): OsError;
  signalNumber(name: string): number;
}

/** Byte string -> bytes. */
function toBuffer(s: string): Uint8Array {
  const g = globalThis as { Buffer?: { from(s: string, enc: string): Uint8Array } };
  return g.Buffer ? g.Buffer.from(s, 'latin1') : stringToBytes(s);
}

/** Bytes -> byte string. */
function fromBuffer(b: Uint8Array, start: number, end: number): string {
  const g = globalThis as { Buffer?: { from(a: ArrayBufferLike, off: number, len: number): { toString(enc: string): string } } };
  if (g.Buffer) return g.Buffer.from(b.buffer, b.byteOffset + start, end - start).toString('latin1');
  return bytesToString(b, start, end);
}

/** Node's flags for each io.open mode (the same letters as fopen). */
const FLAGS: Record<OpenMode, string> = { r: 'r', w: 'w', a: 'a', 'r+': 'r+', 'w+': 'w+', 'a+': 'a+' };

/** A reused buffer for reads (their bytes are copied into a string at once). */
const SCRATCH = new Uint8Array(1 << 16);

/** Sleep briefly (for EAGAIN on a non-blocking descriptor). */
function pause(): void {
  const sab = new Int32Array(new SharedArrayBuffer(4));
  Atomics.wait(sab, 0, 0, 5);
}

class NodeFile implements HostFile {
  private pos: number;
  /** regular file: positional reads and writes; else sequential */
  private readonly positional: boolean;
  seek?: (whence: Whence, offset: number) => number | OsError;

  constructor(
    private readonly fs: NodeFileFs,
    private readonly fd: number,
    private readonly append: boolean,
    private readonly map: NodeErrorMapping,
    atEnd: boolean,
  ) {
    let positional = false;
    let size = 0;
    try {
      const st = fs.fstatSync(fd);
      positional = st.isFile();
      size = st.size;
    } catch {
      /* unknown kind: sequential */
    }
    this.positional = positional;
    this.pos = positional && atEnd ? size : 0;
    if (positional) this.seek = (whence, offset) => this.doSeek(whence, offset);
  }

  read(n: number): string | OsError {
    const buf = n <= SCRATCH.length ? SCRATCH : new Uint8Array(n);
    for (;;) {
      try {
        const got = this.fs.readSync(this.fd, buf, 0, n, this.positional ? this.pos : null);
        if (this.positional) this.pos += got;
        return fromBuffer(buf, 0, got);
      } catch (e) {
        if ((e as { code?: string }).code === 'EAGAIN') {
          pause();
          continue;
        }
        return this.map.toOsError(e);
      }
    }
  }

  write(bytes: string): OsError | null {
    const data = toBuffer(bytes);
    let off = 0;
    try {
      while (off < data.length) {
        let n: number;
        try {
          n = this.fs.writeSync(this.fd, data, off, data.length - off, this.positional && !this.append ? this.pos : null);
        } catch (e) {
          if ((e as { code?: string }).code === 'EAGAIN') {
            pause();
            continue;
          }
          throw e;
        }
        off += n;
        if (this.positional && !this.append) this.pos += n;
      }
      if (this.positional && this.append) this.pos = this.fs.fstatSync(this.fd).size;
      return null;
    } catch (e) {
      return this.map.toOsError(e);
    }
  }

  private doSeek(whence: Whence, offset: number): number | OsError {
    let start = 0;
    if (whence === 'cur') start = this.pos;
    else if (whence === 'end') {
      try {
        start = this.fs.fstatSync(this.fd).size;
      } catch (e) {
        return this.map.toOsError(e);
      }
    }
    const p = start + offset;
    if (p < 0 || p > Number.MAX_SAFE_INTEGER) return EINVAL;
    this.pos = p;
    return p;
  }

  close(): OsError | null {
    try {
      this.fs.closeSync(this.fd);
      return null;
    } catch (e) {
      return this.map.toOsError(e);
    }
  }
}

/** A byte string read from memory (the captured output of a popen "r" command). */
class CapturedOutput implements HostFile {
  private pos = 0;
  constructor(private readonly data: string, private readonly result: ExecResult | OsError) {}
  read(n: number): string {
    const r = this.data.slice(this.pos, this.pos + n);
    this.pos += r.length;
    return r;
  }
  write(): OsError | null {
    return ESPIPE;
  }
  close(): ExecResult | OsError {
    return this.result;
  }
}

/** Everything written to a popen "w" handle, given to the command when it is closed. */
class PendingInput implements HostFile {
  private parts: string[] = [];
  constructor(private readonly run: (input: string) => ExecResult | OsError) {}
  read(): string | OsError {
    return '';
  }
  write(bytes: string): null {
    this.parts.push(bytes);
    return null;
  }
  close(): ExecResult | OsError {
    return this.run(this.parts.join(''));
  }
}

/** A stdin chunk reader over file descriptor 0 (blocking reads, '' at the end). */
export function nodeStdinReader(fs: Pick<NodeFileFs, 'readSync'>): (max: number) => string {
  return (max) => {
    const buf = new Uint8Array(max);
    for (;;) {
      try {
        const n = fs.readSync(0, buf, 0, max, null);
        return fromBuffer(buf, 0, n);
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code === 'EAGAIN') {
          pause();
          continue;
        }
        return ''; // EOF (closed descriptor and the like)
      }
    }
  };
}

/** Node's file operations for the io library. */
export function createNodeFileHost(mods: NodeFileModules, map: NodeErrorMapping): FileHost {
  const fs = mods.fs;
  const cp = mods.childProcess;
  const tmpdir = mods.tmpdir ?? '/tmp';
  const host: FileHost = {
    open(path, mode) {
      try {
        const fd = fs.openSync(toBuffer(path), FLAGS[mode], 0o666);
        return new NodeFile(fs, fd, mode[0] === 'a', map, mode === 'a');
      } catch (e) {
        return map.toOsError(e);
      }
    },
    tmpfile() {
      const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
      let last: unknown = null;
      for (let attempt = 0; attempt < 100; attempt++) {
        let name = `${tmpdir}/tmpf`;
        for (let i = 0; i < 6; i++) name += chars[Math.floor(Math.random() * chars.length)];
        try {
          const fd = fs.openSync(name, 'wx+', 0o600);
          try {
            fs.unlinkSync(name);
          } catch {
            /* still usable; the name stays behind */
          }
          return new NodeFile(fs, fd, false, map, false);
        } catch (e) {
          last = e;
          if ((e as { code?: string }).code !== 'EEXIST') break;
        }
      }
      return map.toOsError(last);
    },
  };
  if (cp !== undefined) {
    const status = (r: { status: number | null; signal: string | null; error?: unknown }): ExecResult | OsError => {
      if (r.error) return map.toOsError(r.error);
      if (r.signal !== null) return { kind: 'signal', code: map.signalNumber(r.signal) };
      return { kind: 'exit', code: r.status ?? 0 };
    };
    host.popen = (command, mode) => {
      const cmd = new TextDecoder().decode(toBuffer(command));
      if (mode === 'r') {
        if (mods.beforeExecute) mods.beforeExecute();
        const r = cp.spawnSync('/bin/sh', ['-c', cmd], { argv0: 'sh', stdio: ['inherit', 'pipe', 'inherit'], maxBuffer: 1 << 28 });
        const out = r.stdout ? fromBuffer(r.stdout, 0, r.stdout.length) : '';
        return new CapturedOutput(out, status(r));
      }
      return new PendingInput((input) => {
        if (mods.beforeExecute) mods.beforeExecute();
        const r = cp.spawnSync('/bin/sh', ['-c', cmd], { argv0: 'sh', input: toBuffer(input), stdio: ['pipe', 'inherit', 'inherit'] });
        return status(r);
      });
    };
  }
  if (mods.stdin) host.stdin = readerFile(mods.stdin);
  return host;
}
