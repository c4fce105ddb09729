#!/usr/bin/env node
// Bundles the `moonbox` command (dist/cli/main.js and everything it imports) into one file,
// dist/cli.bundle.js, which bin/moonbox.js loads: one module instead of about sixty makes
// the command start about 30 ms sooner (Node's module loader, not our code, was most of
// the startup). Run by `npm run build` after tsc.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

await build({
  entryPoints: [path.join(ROOT, 'dist/cli/main.js')],
  outfile: path.join(ROOT, 'dist/cli.bundle.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node18',
  logLevel: 'warning',
});
