#!/usr/bin/env node
// Builds and serves the playground (web/).
//
//   node scripts/web.mjs [--port 8080] [--build-only]
//
// buildWeb() bundles web/src/main.js and web/src/worker.js (which import the engine from
// dist/index.js: run `npm run build` first) into web/dist/ as minified ES modules for
// browsers, and copies the static files (index.html, style.css) beside them, so web/dist/ is
// the whole site. serveWeb() serves that folder with node:http on 127.0.0.1.
import { build } from 'esbuild';
import { copyFileSync, createReadStream, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WEB_DIR = path.join(ROOT, 'web');
export const OUT_DIR = path.join(WEB_DIR, 'dist');

/** files of web/ copied as they are */
const STATIC_FILES = ['index.html', 'style.css'];

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Build the site into web/dist/. Throws when the engine build (dist/index.js) is missing or
 * when a bundle names a `node:` module (the page and the worker must run in any browser).
 * Resolves with the output folder.
 */
export async function buildWeb({ outDir = OUT_DIR, quiet = false } = {}) {
  if (!existsSync(path.join(ROOT, 'dist/index.js'))) {
    throw new Error('dist/index.js is missing: run `npm run build` first');
  }
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: {
      main: path.join(WEB_DIR, 'src/main.js'),
      worker: path.join(WEB_DIR, 'src/worker.js'),
    },
    outdir: outDir,
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2020',
    legalComments: 'none',
    logLevel: quiet ? 'silent' : 'warning',
  });
  for (const f of ['main.js', 'worker.js']) {
    const code = readFileSync(path.join(outDir, f), 'latin1');
    const bad = /\bnode:[a-z_/]+/.exec(code);
    if (bad !== null) throw new Error(`web/dist/${f} references ${bad[0]}: the playground must not need Node modules`);
  }
  for (const f of STATIC_FILES) copyFileSync(path.join(WEB_DIR, f), path.join(outDir, f));
  return outDir;
}

/**
 * The file a request path names inside `root`, or null when it names nothing there (a path
 * that leaves the folder, a malformed escape, a NUL byte). "/" and folders give index.html.
 */
export function resolveRequestPath(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = path.resolve(root);
  const file = path.resolve(base, '.' + path.posix.normalize('/' + decoded.replace(/\\/g, '/')));
  if (file !== base && !file.startsWith(base + path.sep)) return null;
  try {
    return statSync(file).isDirectory() ? path.join(file, 'index.html') : file;
  } catch {
    return file; // absent: answered 404
  }
}

/**
 * Serve a folder (default web/dist/) on 127.0.0.1. `port: 0` takes a free port. Resolves
 * with { url, port, close() } once listening; close() resolves when the server has stopped.
 */
export function serveWeb({ port = 8080, root = OUT_DIR, host = '127.0.0.1' } = {}) {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('method not allowed\n');
      return;
    }
    const file = resolveRequestPath(root, req.url ?? '/');
    if (file === null) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('forbidden\n');
      return;
    }
    let size;
    try {
      const st = statSync(file);
      if (!st.isFile()) throw new Error('not a file');
      size = st.size;
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found\n');
      return;
    }
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': size,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const actual = server.address().port;
      resolve({
        url: `http://${host}:${actual}/`,
        port: actual,
        close: () => new Promise((done) => {
          server.close(() => done());
          server.closeAllConnections?.();
        }),
      });
    });
  });
}

// ---- command line ------------------------------------------------------------------------------

function parseArgs(argv) {
  const opts = { port: 8080, buildOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--build-only') opts.buildOnly = true;
    else if (a === '--port' || a.startsWith('--port=')) {
      const v = a === '--port' ? argv[++i] : a.slice('--port='.length);
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port: not a port number: ${v}`);
      opts.port = n;
    } else throw new Error(`unknown option: ${a} (usage: node scripts/web.mjs [--port N] [--build-only])`);
  }
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const out = await buildWeb();
  console.log(`built ${path.relative(process.cwd(), out) || out}`);
  if (opts.buildOnly) return;
  const { url, close } = await serveWeb({ port: opts.port });
  console.log(`moonbox playground: ${url}  (Ctrl+C to stop)`);
  const stop = () => close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
