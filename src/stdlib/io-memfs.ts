/**
 * An in-memory file system for the io and os libraries: a Map from path to bytes, for
 * embedders without a real file system (browsers, sandboxes) and for tests.
 *
 *   const mem = new MemFs({ 'data.txt': 'hello\n' });
 *   vm.host = mem.host();              // io.open, io.tmpfile, os.remove, os.rename, os.tmpname
 *   vm.readFile = mem.readFile;        // loadfile, dofile, require see the same files
 *   ... run Lua ...
 *   mem.readText('out.txt');           // what the script wrote
 *
 * The name space is flat: a path is any byte string, there are no directories (a path that
 * names no file cannot be read; any path can be created). Contents are byte strings (one
 * char code 0..255 per byte) or Uint8Arrays. As with POSIX files, a file removed while open
 * stays usable through its open handles.
 */
import type { OsError, OsHost } from './os.js';
import { EINVAL, ENOENT, bytesToString, lazyTextFile, readerFile, stringToBytes } from './io-host.js';
import type { HostFile, OpenMode, Whence } from './io-host.js';

/**
 * One file's contents: bytes[0..size-1] (the array has spare room at the end, so appends do
 * not copy).
 */
export class MemNode {
  bytes: Uint8Array;
  size: number;
  constructor(bytes: Uint8Array = new Uint8Array(0), size: number = bytes.length) {
    this.bytes = bytes;
    this.size = size;
  }

  /** Make room for `end` bytes (zero-filling a gap, as a write past the end does). */
  ensure(end: number): void {
    if (end <= this.bytes.length) return;
    const nb = new Uint8Array(Math.max(end, this.bytes.length * 2, 64));
    nb.set(this.bytes.subarray(0, this.size));
    this.bytes = nb;
  }
}

/** An open file of a MemFs: a node and a position. */
class MemFile implements HostFile {
  private pos: number;
  constructor(private readonly node: MemNode, private readonly append: boolean, atEnd: boolean) {
    this.pos = atEnd ? node.size : 0;
  }

  read(n: number): string {
    const node = this.node;
    const end = Math.min(node.size, this.pos + n);
    if (end <= this.pos) return '';
    const r = bytesToString(node.bytes, this.pos, end);
    this.pos = end;
    return r;
  }

  write(bytes: string): null {
    const node = this.node;
    const at = this.append ? node.size : this.pos;
    const end = at + bytes.length;
    node.ensure(end);
    const b = node.bytes;
    if (at > node.size) b.fill(0, node.size, at);
    for (let i = 0; i < bytes.length; i++) b[at + i] = bytes.charCodeAt(i);
    if (end > node.size) node.size = end;
    this.pos = end;
    return null;
  }

  seek(whence: Whence, offset: number): number | OsError {
    const start = whence === 'set' ? 0 : whence === 'cur' ? this.pos : this.node.size;
    const p = start + offset;
    if (p < 0 || p > Number.MAX_SAFE_INTEGER) return EINVAL;
    this.pos = p;
    return p;
  }

  close(): null {
    return null;
  }
}

export type MemContents = string | Uint8Array;

export class MemFs {
  /** path -> file */
  readonly files: Map<string, MemNode>;
  private tmpCounter = 0;

  constructor(init?: Record<string, MemContents> | Map<string, MemContents>) {
    this.files = new Map();
    if (init) {
      const entries = init instanceof Map ? init.entries() : Object.entries(init);
      for (const [p, c] of entries) this.writeFile(p, c);
    }
  }

  /** Create or replace a file. */
  writeFile(path: string, contents: MemContents): void {
    const bytes = typeof contents === 'string' ? stringToBytes(contents) : contents.slice();
    this.files.set(path, new MemNode(bytes));
  }

  /** A file's contents as bytes, or null. */
  readBytes(path: string): Uint8Array | null {
    const n = this.files.get(path);
    return n === undefined ? null : n.bytes.slice(0, n.size);
  }

  /** A file's contents as a byte string (what vm.readFile expects), or null. */
  readFile = (path: string): string | null => {
    const n = this.files.get(path);
    return n === undefined ? null : bytesToString(n.bytes, 0, n.size);
  };

  /** Alias of readFile, for reading what a script wrote. */
  readText(path: string): string | null {
    return this.readFile(path);
  }

  exists(path: string): boolean {
    return this.files.has(path);
  }

  /** Open a file as io.open does; an error when it does not exist and the mode reads. */
  open(path: string, mode: OpenMode): HostFile | OsError {
    let node = this.files.get(path);
    if (path === '') return ENOENT;
    if (node === undefined) {
      if (mode === 'r' || mode === 'r+') return ENOENT;
      node = new MemNode();
      this.files.set(path, node);
    } else if (mode[0] === 'w') {
      node.size = 0;
    }
    return new MemFile(node, mode[0] === 'a', mode === 'a');
  }

  remove(path: string): OsError | null {
    if (!this.files.delete(path)) return ENOENT;
    return null;
  }

  rename(from: string, to: string): OsError | null {
    const n = this.files.get(from);
    if (n === undefined) return ENOENT;
    this.files.delete(from);
    this.files.set(to, n);
    return null;
  }

  /** A new empty file with an unused name (os.tmpname). */
  tmpname(): string {
    let name: string;
    do {
      name = `/tmp/lua_${(++this.tmpCounter).toString(36).padStart(6, '0')}`;
    } while (this.files.has(name));
    this.files.set(name, new MemNode());
    return name;
  }

  /**
   * The OsHost that serves io and os file operations from this file system. `stdin` is the
   * standard input: a text, or a chunk reader (max bytes -> bytes, '' at the end).
   */
  host(opts: { stdin?: string | ((max: number) => string | null) } = {}): OsHost {
    const h: OsHost = {
      open: (path, mode) => this.open(path, mode),
      tmpfile: memTmpfile,
      remove: (path) => this.remove(path),
      rename: (from, to) => this.rename(from, to),
      tmpname: () => this.tmpname(),
    };
    const stdin = opts.stdin;
    if (typeof stdin === 'string') h.stdin = lazyTextFile(() => stdin);
    else if (typeof stdin === 'function') h.stdin = readerFile(stdin);
    return h;
  }
}

/** An anonymous in-memory read/write file (io.tmpfile when the host has none). */
export function memTmpfile(): HostFile {
  return new MemFile(new MemNode(), false, false);
}
