/**
 * The package library (manual §6.3): require with package.loaded, package.preload and the
 * searchers (preload, Lua files along package.path; C libraries are not loadable, so cpath is
 * empty and the C searchers only report what they would have tried).
 */
import { NativeFunction, SPECIAL, nativeFn, isFunction, isNumber, numberToString } from '../vm/value.js';
import type { LuaValue } from '../vm/value.js';
import { LuaTable } from '../vm/table.js';
import type { LuaThread, LuaVM } from '../vm/state.js';
import { LuaThrow } from '../vm/errors.js';
import { CallRequest } from '../vm/interp.js';
import { checkString, optString, nativeError, cString } from '../vm/auxlib.js';
import { loadChunk, skipFilePrefix } from './load.js';

export const LUA_PATH_DEFAULT =
  '/usr/local/share/lua/5.4/?.lua;/usr/local/share/lua/5.4/?/init.lua;' +
  '/usr/local/lib/lua/5.4/?.lua;/usr/local/lib/lua/5.4/?/init.lua;' +
  './?.lua;./?/init.lua';

/** package.searchpath: the first readable file for `name` along `path`, or the list tried. */
function searchPath(vm: LuaVM, name: string, path: string, sep: string, rep: string): { file: string | null; tried: string } {
  if (sep !== '') name = name.split(sep).join(rep);
  const files = path.split('?').join(name).split(';');
  for (const file of files) {
    if (file === '') continue;
    if (vm.readFile !== null && vm.fileExists(file)) return { file, tried: '' };
  }
  // the message lists every template of the path, empty ones included (pusherrornotfound)
  return { file: null, tried: `no file '${files.join("'\n\tno file '")}'` };
}

/** package.path or package.cpath as findfile reads it (lua_tostring: a number is converted). */
function pathField(L: LuaThread, pkg: LuaTable, field: 'path' | 'cpath'): string {
  const v = pkg.getStr(field);
  if (typeof v === 'string') return v;
  if (isNumber(v)) return numberToString(v);
  nativeError(L, `'package.${field}' must be a string`);
}

function* requireGen(L: LuaThread, base: number, n: number): Generator<CallRequest, number, LuaValue> {
  const name = checkString(L, base, n, 1);
  const vm = L.vm;
  const loaded = vm.loaded;
  const s = L.stack;
  const have = loaded.getStr(name);
  if (have !== undefined && have !== false) {
    s[base] = have;
    return 1;
  }
  const pkg = vm.packageTable;
  const searchers = pkg !== null ? pkg.getStr('searchers') : undefined;
  if (!(searchers instanceof LuaTable)) nativeError(L, "'package.searchers' must be a table");
  let msg = '';
  let loader: LuaValue;
  let data: LuaValue;
  for (let i = 1; ; i++) {
    const searcher = searchers.getInt(i);
    if (searcher === undefined) {
      nativeError(L, `module '${name}' not found:${msg}`);
    }
    const r = (yield new CallRequest(searcher, [name], -1)) as LuaValue[];
    if (isFunction(r[0])) {
      loader = r[0];
      data = r[1];
      break;
    }
    // findloader: each searcher's message on a line of its own
    if (typeof r[0] === 'string') msg += '\n\t' + r[0];
    else if (typeof r[0] === 'number') msg += '\n\t' + numberToString(r[0]);
  }
  const res = (yield new CallRequest(loader, [name, data], 1)) as LuaValue;
  if (res !== undefined) loaded.setStr(name, res);
  else if (loaded.getStr(name) === undefined) loaded.setStr(name, true);
  s[base] = loaded.getStr(name);
  s[base + 1] = data;
  return 2;
}

export function openPackage(vm: LuaVM): void {
  const pkg = new LuaTable();
  vm.packageTable = pkg;
  pkg.setStr('loaded', vm.loaded);
  const preload = new LuaTable();
  pkg.setStr('preload', preload);
  vm.registry.setStr('_PRELOAD', preload); // LUA_PRELOAD_TABLE
  vm.registry.setStr('_CLIBS', new LuaTable()); // loaded C libraries: always empty here
  pkg.setStr('path', LUA_PATH_DEFAULT);
  pkg.setStr('cpath', '');
  pkg.setStr('config', '/\n;\n?\n!\n-\n');
  const searchers = new LuaTable();
  searchers.setInt(1, nativeFn('searcher_preload', (L, base, n) => {
    const name = checkString(L, base, n, 1);
    const pl = pkg.getStr('preload');
    if (!(pl instanceof LuaTable)) nativeError(L, "'package.preload' must be a table");
    const f = pl.getStr(name);
    if (f === undefined) {
      L.stack[base] = `no field package.preload['${name}']`;
      return 1;
    }
    L.stack[base] = f;
    L.stack[base + 1] = ':preload:';
    return 2;
  }));
  searchers.setInt(2, nativeFn('searcher_Lua', (L, base, n) => {
    const name = checkString(L, base, n, 1);
    const r = searchPath(L.vm, name, pathField(L, pkg, 'path'), '.', '/');
    if (r.file === null) {
      L.stack[base] = r.tried;
      return 1;
    }
    const text = L.vm.readFile!(r.file);
    const src = skipFilePrefix(text ?? '');
    const f = loadChunk(L.vm, src, '@' + r.file, 'bt');
    if (typeof f === 'string') {
      throw new LuaThrow(`error loading module '${name}' from file '${r.file}':\n\t${f}`);
    }
    L.stack[base] = f;
    L.stack[base + 1] = r.file;
    return 2;
  }));
  searchers.setInt(3, nativeFn('searcher_C', (L, base, n) => {
    const name = checkString(L, base, n, 1);
    const r = searchPath(L.vm, name, pathField(L, pkg, 'cpath'), '.', '/');
    L.stack[base] = r.tried;
    return 1;
  }));
  searchers.setInt(4, nativeFn('searcher_Croot', (L, base, n) => {
    const name = checkString(L, base, n, 1);
    const dot = name.indexOf('.');
    if (dot < 0) return 0;
    const r = searchPath(L.vm, name.slice(0, dot), pathField(L, pkg, 'cpath'), '.', '/');
    L.stack[base] = r.tried;
    return 1;
  }));
  pkg.setStr('searchers', searchers);
  pkg.setStr('searchpath', nativeFn('searchpath', (L, base, n) => {
    // the reference evaluates these arguments right to left
    // (as C strings: each ends at its first zero byte)
    const rep = cString(optString(L, base, n, 4, '/'));
    const sep = cString(optString(L, base, n, 3, '.'));
    const path = cString(checkString(L, base, n, 2));
    const name = cString(checkString(L, base, n, 1));
    const r = searchPath(L.vm, name, path, sep, rep);
    if (r.file !== null) {
      L.stack[base] = r.file;
      return 1;
    }
    L.stack[base] = undefined;
    L.stack[base + 1] = r.tried;
    return 2;
  }));
  pkg.setStr('loadlib', nativeFn('loadlib', (L, base, n) => {
    checkString(L, base, n, 1);
    checkString(L, base, n, 2);
    L.stack[base] = undefined;
    L.stack[base + 1] = 'dynamic libraries not enabled; check your Lua installation';
    L.stack[base + 2] = 'absent';
    return 3;
  }));
  vm.globals.setStr('package', pkg);
  vm.loaded.setStr('package', pkg);
  vm.globals.setStr('require', new NativeFunction('require', null, requireGen, SPECIAL.NONE, null));
}
