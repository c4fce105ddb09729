#!/usr/bin/env node
// The `moonbox` command: a drop-in for `lua`. Runs the build in dist/: the one-file bundle
// that `npm run build` makes (scripts/bundle-cli.mjs; it starts about 30 ms sooner), unless
// the modules were rebuilt after it (a bare `tsc`), when it runs those.
import { statSync } from 'node:fs';

const bundle = new URL('../dist/cli.bundle.js', import.meta.url);
const modules = new URL('../dist/cli/main.js', import.meta.url);
let entry = modules;
try {
  if (statSync(bundle).mtimeMs >= statSync(modules).mtimeMs) entry = bundle;
} catch {
  // no bundle: the modules
}
const { main } = await import(entry.href);
const code = main(process.argv.slice(2));
if (code >= 0) process.exitCode = code;
