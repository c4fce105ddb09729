/**
 * moonbox/node: everything of the main entry (`moonbox`) plus what needs a file system
 * (Node, Deno, Bun). The main entry imports no runtime module, so browser bundles of it
 * never reference `fs`; this one imports node:fs directly.
 *
 * ```ts
 * import { LuaEngine, runFile, openChunkDir, ChunkCache } from 'moonbox/node';
 * const engine = new LuaEngine({ cache: new ChunkCache({ store: await openChunkDir('.cache') }) });
 * const { values } = await runFile(engine, 'script.lua', { args: [1, 2] });
 * ```
 */
import * as fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { LuaEngine, RunOptions, RunResult } from './engine/engine.js';
import { dirChunkStore } from './engine/cache-node.js';
import type { ChunkDirFs, DirChunkStore } from './engine/cache-node.js';

export * from './index.js';
export { dirChunkStore } from './engine/cache-node.js';
export type { DirChunkStore, ChunkDirFs } from './engine/cache-node.js';

/**
 * Run a Lua file on an engine, as `engine.run` runs source text. The file is read as bytes
 * (Lua source is bytes: string literals keep whatever encoding the file has); a first line
 * starting with `#` is skipped, as the standalone interpreter does, keeping line numbers.
 * The chunk is named `@path`, so messages read `path:line: ...`.
 *
 * Rejects with an Error "cannot open <path> (...)" when the file cannot be read, and as
 * `engine.run` does otherwise (LuaSyntaxError, LuaRuntimeError, limit errors).
 */
export async function runFile(engine: LuaEngine, path: string, options: RunOptions = {}): Promise<RunResult> {
  let text: string;
  try {
    text = (await readFile(path)).toString('latin1');
  } catch (e) {
    throw new Error(`cannot open ${path}${e instanceof Error ? ` (${e.message})` : ''}`);
  }
  if (text.startsWith('#')) text = text.replace(/^#[^\n]*/, '');
  return engine.run(engine.compileBytes(text, '@' + path), options);
}

/** A chunk-cache store in the directory `dir` (created if missing); see ChunkCache. */
export async function openChunkDir(dir: string): Promise<DirChunkStore> {
  return dirChunkStore(fs as unknown as ChunkDirFs, dir);
}
