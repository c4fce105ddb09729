#!/usr/bin/env node
// One minified ES module per browser entry, run by `npm run build` after tsc:
//   dist/moonbox.min.js       the main entry (dist/index.js: engine, compiler, VM, compiling
//                             tier, standard library), package export "moonbox/browser";
//   dist/moonbox-core.min.js  the core entry (dist/core.js: compiler, interpreter, standard
//                             library), package export "moonbox/browser-core".
// esbuild bundles and minifies (for the core also shortening internal property names), terser
// then compresses and mangles further (about 5 % less after gzip; only its options that keep
// semantics exact). A bundle must not reference any
// runtime module: the entries import none, and the build fails if the output names a
// `node:` module. `--size` prints the sizes.
import { build } from 'esbuild';
import { minify } from 'terser';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { internalNames } from './internal-names.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const BUNDLES = [
  { entry: 'dist/index.js', out: 'dist/moonbox.min.js', mangle: false },
  { entry: 'dist/core.js', out: 'dist/moonbox-core.min.js', mangle: true },
];

/**
 * The minified module for one entry. With `mangle`, moonbox's internal property names
 * (scripts/internal-names.mjs) are shortened too: only for the core, whose public API is
 * small; the engine's option and result objects are named by its users.
 */
export async function browserBundle(entry, mangle) {
  let mangleProps;
  if (mangle) {
    const names = internalNames(path.join(ROOT, 'src')).map((n) => n.replace(/\$/g, '\\$'));
    mangleProps = new RegExp(`^(${names.join('|')})$`);
  }
  const r = await build({
    mangleProps,
    entryPoints: [path.join(ROOT, entry)],
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'warning',
    write: false,
    outfile: 'out.js',
  });
  const t = await minify(r.outputFiles[0].text, {
    module: true,
    ecma: 2020,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
  });
  return t.code;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const b of BUNDLES) {
    const code = await browserBundle(b.entry, b.mangle);
    const bad = /\bnode:[a-z_/]+/.exec(code);
    if (bad !== null) {
      console.error(`${b.out} references ${bad[0]}: ${b.entry} must stay runtime-neutral`);
      process.exit(1);
    }
    writeFileSync(path.join(ROOT, b.out), code);
    if (process.argv.includes('--size')) {
      const bytes = Buffer.from(code);
      console.log(`${b.out}: ${bytes.length} bytes, ${gzipSync(bytes, { level: 9 }).length} gzipped`);
    }
  }
}
