#!/usr/bin/env node
// The `moonbox` command: a drop-in for `lua`. Runs the build in dist/: the one-file bundle
// that `npm run build` makes, with V8's code cache for it (scripts/bundle-cli.mjs; together
// they start about 40 ms sooner than the modules), unless the modules were rebuilt after it
// (a bare `tsc`), when it runs those.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const bundle = path.join(dist, 'cli.bundle.cjs');

/** main() of the bundle: its function compiled with the code cache when V8 accepts it. */
function loadBundle() {
  const source = readFileSync(bundle, 'utf8');
  let cachedData;
  try {
    cachedData = readFileSync(path.join(dist, 'cli.bundle.cache'));
  } catch {
    // no cache: compiled from the source
  }
  const script = new Script(source, { filename: bundle, cachedData });
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, createRequire(bundle), mod, bundle, dist);
  return mod.exports.main;
}

let main = null;
try {
  if (statSync(bundle).mtimeMs >= statSync(path.join(dist, 'cli/main.js')).mtimeMs) main = loadBundle();
} catch {
  // no bundle: the modules
}
if (main === null) ({ main } = await import(new URL('../dist/cli/main.js', import.meta.url).href));
const code = main(process.argv.slice(2));
if (code >= 0) process.exitCode = code;
