#!/usr/bin/env node
// Bundles the main entry (dist/index.js: engine, VM, compiler, standard library) into one
// minified ES module for browsers, dist/moonbox.min.js (package export "moonbox/browser").
// It must not reference any runtime module: the main entry imports none, and the build fails
// if the output names a `node:` module. Run by `npm run build` after tsc.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(ROOT, 'dist/moonbox.min.js');

await build({
  entryPoints: [path.join(ROOT, 'dist/index.js')],
  outfile,
  bundle: true,
  minify: true,
  platform: 'browser',
  format: 'esm',
  target: 'es2020',
  legalComments: 'none',
  logLevel: 'warning',
});

const code = readFileSync(outfile);
const bad = /\bnode:[a-z_/]+/.exec(code.toString('latin1'));
if (bad !== null) {
  console.error(`dist/moonbox.min.js references ${bad[0]}: the main entry must stay runtime-neutral`);
  process.exit(1);
}
if (process.argv.includes('--size')) {
  console.log(`dist/moonbox.min.js: ${code.length} bytes, ${gzipSync(code, { level: 9 }).length} gzipped`);
}
