// Runs one Lua file on fengari (Lua 5.3 in pure JS), as `lua file args...` would:
//   node bench/peers/fengari.mjs prog.lua [args...]
// Sets the global `arg` table (arg[0] = script, arg[1..] = args) and passes the
// args as the chunk's `...`. print goes to stdout through fengari's own print
// (process.stdout.write). Errors go to stderr with exit status 1.
// The in-process time (load + run, without node/fengari startup) is written to
// stderr as a line `@@inproc <ms>` for bench/run.mjs.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { lua, lauxlib, lualib, to_luastring, to_jsstring } = require('fengari');

const [file, ...args] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node bench/peers/fengari.mjs file.lua [args...]\n');
  process.exit(2);
}

const L = lauxlib.luaL_newstate();
lualib.luaL_openlibs(L);

lua.lua_createtable(L, args.length, 1);
lua.lua_pushstring(L, to_luastring(file));
lua.lua_rawseti(L, -2, 0);
for (let i = 0; i < args.length; i++) {
  lua.lua_pushstring(L, to_luastring(args[i]));
  lua.lua_rawseti(L, -2, i + 1);
}
lua.lua_setglobal(L, to_luastring('arg'));

// message handler: error value + traceback, like lua.c's msghandler
lua.lua_pushcfunction(L, (state) => {
  const msg = lua.lua_tostring(state, 1);
  lauxlib.luaL_traceback(state, state, msg === null ? to_luastring('(error object is not a string)') : msg, 1);
  return 1;
});
const handler = lua.lua_gettop(L);

const t0 = performance.now();
let status = lauxlib.luaL_loadfile(L, to_luastring(file));
if (status === lua.LUA_OK) {
  for (const a of args) lua.lua_pushstring(L, to_luastring(a));
  status = lua.lua_pcall(L, args.length, 0, handler);
}
const ms = performance.now() - t0;

if (status !== lua.LUA_OK) {
  const msg = lua.lua_tostring(L, -1);
  process.stderr.write('fengari: ' + (msg === null ? '(non-string error)' : to_jsstring(msg)) + '\n');
  process.exitCode = 1;
} else {
  process.stderr.write(`@@inproc ${ms.toFixed(3)}\n`);
}
