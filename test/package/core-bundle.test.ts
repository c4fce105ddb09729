// The minified browser module of the core (dist/moonbox-core.min.js: esbuild, then terser)
// against the ES modules it is built from (dist/core.js): every program of spec/ runs in
// both, in this process, and must print the same bytes, raise the same error and return the
// same results. A difference is a minification bug (a class or property name something
// relied on, a reordering terser was wrong to make). Needs the build (`npm test` builds).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SPEC = path.join(ROOT, 'spec');

interface Core {
  createState(o: object): unknown;
  runText(vm: unknown, text: string, chunkname: string): unknown[];
  closeState(vm: unknown): void;
}

function programs(): string[] {
  const out: string[] = [];
  for (const area of readdirSync(SPEC).sort()) {
    const dir = path.join(SPEC, area);
    if (!statSync(dir).isDirectory()) continue;
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.lua')) out.push(path.join(dir, f));
  }
  return out;
}

/** What a program does in one implementation: output, error, and its results' types and primitive values. */
function runIn(core: Core, file: string): string {
  const dir = path.dirname(file);
  let out = '';
  let err = '';
  const vm = core.createState({
    stdout: (s: string) => { out += s; },
    stderr: (s: string) => { err += s; },
    readFile: (p: string) => {
      try {
        return readFileSync(path.resolve(dir, p), 'latin1');
      } catch {
        return null;
      }
    },
    readStdin: () => '',
  });
  let result: unknown;
  try {
    const values = core.runText(vm, readFileSync(file, 'latin1'), '@' + path.basename(file));
    result = values.map((v) => (typeof v === 'object' || typeof v === 'function' ? typeof v : String(v)));
  } catch (e) {
    result = { error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
  try {
    core.closeState(vm);
  } catch (e) {
    result = { result, close: String(e) };
  }
  return JSON.stringify({ out, err, result });
}

describe('dist/moonbox-core.min.js runs like the modules it is built from', async () => {
  const modules = (await import(pathToFileURL(path.join(ROOT, 'dist/core.js')).href)) as Core;
  const bundle = (await import(pathToFileURL(path.join(ROOT, 'dist/moonbox-core.min.js')).href)) as Core;
  const files = programs();

  it('finds the spec programs', () => {
    expect(files.length).toBeGreaterThan(300);
  });

  it('every spec program: same output, errors and results', () => {
    const differ: string[] = [];
    for (const f of files) {
      const a = runIn(modules, f);
      const b = runIn(bundle, f);
      if (a !== b) differ.push(`${path.relative(ROOT, f)}\n  modules: ${a.slice(0, 300)}\n  bundle:  ${b.slice(0, 300)}`);
    }
    expect(differ).toEqual([]);
  }, 120000);
});
