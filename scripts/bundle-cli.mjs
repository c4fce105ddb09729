#!/usr/bin/env node
// Bundles the `moonbox` command (dist/cli/main.js and everything it imports) into one file,
// dist/cli.bundle.cjs, and records V8's code cache for it, dist/cli.bundle.cache; bin/moonbox.js
// loads both. Run by `npm run build` after tsc. Two things of Node's startup work are avoided:
// - the module loader resolving and reading some sixty modules (one file instead);
// - V8 parsing the file and compiling the functions a run needs (the cache holds their
//   bytecode, recorded after a warm-up run below).
// The file is one function expression, `(function (exports, require, module, __filename,
// __dirname) { ... })`, compiled with node:vm's Script (which takes a code cache, where
// import() of an ES module does not in Node 18-20). The cache is only an accelerator: V8
// checks it against the source, its own version and flags, and when it does not match (a
// different Node, a flag such as --cpu-prof) the file is compiled as if there were none.
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(ROOT, 'dist/cli.bundle.cjs');
const cachefile = path.join(ROOT, 'dist/cli.bundle.cache');

const result = await build({
  entryPoints: [path.join(ROOT, 'dist/cli/main.js')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  write: false,
  logLevel: 'warning',
});
const source = `(function (exports, require, module, __filename, __dirname) {\n${result.outputFiles[0].text}\n})`;
writeFileSync(outfile, source);
// (the ES module bundle of earlier builds)
rmSync(path.join(ROOT, 'dist/cli.bundle.js'), { force: true });

// The warm-up: what most runs of the command do (compile a chunk, run a loop hot enough for
// the compiling tier, call the common library functions), printing nothing.
const WARMUP = `
local t, s = {}, 0
for i = 1, 3000 do t[#t + 1] = tostring(i) .. "x"; s = s + #t[i] end
local o = setmetatable({ n = 0 }, { __index = { inc = function(self) self.n = self.n + 1 end } })
for _ = 1, 2000 do o:inc() end
local u = table.concat(t, ","):sub(1, 40):upper():gsub("%d+", "#")
assert(string.format("%d %s %5.2f", s, u, 1.5) ~= "" and select("#", pcall(error, "e")) == 2)
`;
const script = new Script(source, { filename: outfile });
const mod = { exports: {} };
script.runInThisContext()(mod.exports, createRequire(outfile), mod, outfile, path.dirname(outfile));
const code = mod.exports.main(['-e', WARMUP]);
if (code !== 0) {
  console.error(`bundle-cli: the warm-up run of ${path.relative(ROOT, outfile)} failed (status ${code})`);
  process.exit(1);
}
writeFileSync(cachefile, script.createCachedData());
