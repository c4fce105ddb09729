/**
 * A directory as the persistent store of a ChunkCache (Node, Deno, Bun). The file system
 * module is given by the caller (`dirChunkStore(fs, dir)`); `openChunkDir(dir)` of the
 * `moonbox/node` entry (src/node.ts) passes node:fs.
 *
 * Files are written whole to a temporary name and renamed into place, so a reader (another
 * process sharing the directory) sees the old file or the new one, never half of one; the
 * cache itself rejects anything that does not check out (src/engine/cache.ts, FILE FORMAT).
 */
import type { ChunkStore } from './cache.js';

/** The part of node:fs the store uses. */
export interface ChunkDirFs {
  readFileSync(path: string): { toString(encoding: 'latin1'): string };
  writeFileSync(path: string, data: Uint8Array): void;
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
  mkdirSync(path: string, options: { recursive: true }): unknown;
  readdirSync(path: string): string[];
}

export interface DirChunkStore extends ChunkStore {
  readonly dir: string;
  /** names of the cache files in the directory */
  list(): string[];
  /** remove every cache file; returns how many */
  clear(): number;
}

const NAME = /^[0-9a-f]{16}\.mbc$/;

function check(name: string): string {
  if (!NAME.test(name)) throw new Error(`bad cache file name: ${name}`);
  return name;
}

function bytesOf(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

/** A store in `dir` (created if missing) using the given fs module. */
export function dirChunkStore(fs: ChunkDirFs, dir: string): DirChunkStore {
  fs.mkdirSync(dir, { recursive: true });
  const at = (name: string): string => `${dir}/${check(name)}`;
  return {
    dir,
    read(name: string): string | undefined {
      try {
        return fs.readFileSync(at(name)).toString('latin1');
      } catch (e) {
        if ((e as { code?: string }).code === 'ENOENT') return undefined;
        throw e;
      }
    },
    write(name: string, data: string): void {
      const tmp = `${at(name)}.${Math.random().toString(36).slice(2)}.tmp`;
      try {
        fs.writeFileSync(tmp, bytesOf(data));
        fs.renameSync(tmp, at(name));
      } catch (e) {
        try { fs.unlinkSync(tmp); } catch { /* not created */ }
        throw e;
      }
    },
    remove(name: string): void {
      try {
        fs.unlinkSync(at(name));
      } catch (e) {
        if ((e as { code?: string }).code !== 'ENOENT') throw e;
      }
    },
    list(): string[] {
      return fs.readdirSync(dir).filter((n) => NAME.test(n)).sort();
    },
    clear(): number {
      let n = 0;
      for (const name of this.list()) {
        this.remove(name);
        n++;
      }
      return n;
    },
  };
}
