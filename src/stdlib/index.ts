/**
 * Opening the standard libraries into a VM.
 */
import type { LuaVM } from '../vm/state.js';
import { openBase } from './base.js';
import { openCoroutine } from './coroutine.js';
import { openString } from './string.js';
import { openTable } from './table.js';
import { openMath } from './math.js';
import { openIo } from './io.js';
import { openOs } from './os.js';
import { openPackage } from './package.js';
import { openDebug } from './debug.js';
import { openUtf8 } from './utf8.js';

export function openLibs(vm: LuaVM): void {
  // the registry slots lua_newstate and luaL_openlibs fill (LUA_RIDX_MAINTHREAD,
  // LUA_RIDX_GLOBALS, LUA_LOADED_TABLE), as debug.getregistry() shows them
  vm.registry.setInt(1, vm.mainThread);
  vm.registry.setInt(2, vm.globals);
  vm.registry.setStr('_LOADED', vm.loaded);
  openBase(vm);
  openPackage(vm);
  openCoroutine(vm);
  openString(vm);
  openTable(vm);
  openMath(vm);
  openUtf8(vm);
  openIo(vm);
  openOs(vm);
  openDebug(vm);
}
