// Runs one Lua file on wasmoon (the C Lua 5.4 compiled to WebAssembly):
//   node bench/peers/wasmoon.mjs prog.lua [args...]
// The global `arg` table is built by a small Lua runner chunk (wasmoon would convert
// a JS array on its own terms), which then loadfile()s the script and calls it with
// the args as `...`. The script is first mounted into wasmoon's virtual file system
// under its own path, so its chunk name matches `lua5.4 file`.
// print is the C Lua print, writing to emscripten's stdout, which wasmoon routes
// to console.log (line-buffered): output reaches our stdout unchanged.
// The in-process time (doFile only, not WASM instantiation) is written to stderr
// as `@@inproc <ms>`. The process exits explicitly after the run.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { LuaFactory } = require('wasmoon');

const [file, ...args] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node bench/peers/wasmoon.mjs file.lua [args...]\n');
  process.exit(2);
}

// Lua string literal for an arbitrary JS string (bytes outside printable ASCII as \ddd)
function luaQuote(s) {
  let out = '"';
  for (const byte of Buffer.from(s, 'utf8')) {
    if (byte >= 0x20 && byte < 0x7f && byte !== 0x22 && byte !== 0x5c) out += String.fromCharCode(byte);
    else out += '\\' + String(byte).padStart(3, '0');
  }
  return out + '"';
}

// Output of io.write/print sits first in the C FILE buffer of stdout (flushed by
// io.stdout:flush()), then in emscripten's TTY buffer until a newline; flush both
// at the end (console.log then ends a partial last line with a newline).
async function flushStdout(engine, luaWasm) {
  try {
    await engine.doString('io.stdout:flush()');
    engine.global.close();
  } catch {
    // keep going: flush what reached the TTY
  }
  try {
    const stream = luaWasm.module.FS.streams[1];
    for (const v of Object.values(stream)) {
      if (v && typeof v === 'object' && typeof v.fsync === 'function') { v.fsync(stream); return; }
    }
  } catch {
    // best effort only: the benchmark programs end their output with a newline
  }
}

let code = 0;
let luaWasm;
let engine;
try {
  const factory = new LuaFactory();
  luaWasm = await factory.getLuaModule();
  await factory.mountFile(file, readFileSync(file));
  engine = await factory.createEngine();
  const argTable = [`[0] = ${luaQuote(file)}`, ...args.map(luaQuote)].join(', ');
  // like lua.c: the script gets the arguments both in `arg` and as `...`
  const runner = `arg = { ${argTable} }\n` +
    `local chunk = assert(loadfile(${luaQuote(file)}))\n` +
    'return chunk(table.unpack(arg, 1, #arg))';
  const t0 = performance.now();
  await engine.doString(runner);
  const ms = performance.now() - t0;
  process.stderr.write(`@@inproc ${ms.toFixed(3)}\n`);
} catch (err) {
  process.stderr.write('wasmoon: ' + (err && err.message ? err.message : String(err)) + '\n');
  code = 1;
}
if (engine) await flushStdout(engine, luaWasm);
process.exit(code);
