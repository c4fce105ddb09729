/**
 * Metatables and metamethod lookup (manual §2.4).
 *
 * The events most often absent (index, newindex, gc, mode, len, eq) are cached per metatable
 * in LuaTable.flags: a set bit means "this metatable has no such field", so a plain table
 * access never looks the name up twice. Any string-keyed store into the metatable clears the
 * cache.
 */
import { LuaTable } from './table.js';
import { LuaUserdata, typeName } from './value.js';
import type { LuaValue } from './value.js';
import type { LuaVM } from './state.js';

export const TM = { INDEX: 0, NEWINDEX: 1, GC: 2, MODE: 3, LEN: 4, EQ: 5 } as const;
const TM_NAMES = ['__index', '__newindex', '__gc', '__mode', '__len', '__eq'];

/** The metatable of any value (strings and other basic types share one per type). */
export function getMetatable(vm: LuaVM, v: LuaValue): LuaTable | null {
  if (v instanceof LuaTable) return v.metatable;
  if (v instanceof LuaUserdata) return v.metatable;
  if (typeof v === 'string') return vm.stringMeta;
  if (vm.typeMeta.size === 0) return null;
  return vm.typeMeta.get(typeName(v)) ?? null;
}

/** mt[event] for one of the cached events, using the absence cache. */
export function fastTM(mt: LuaTable | null, e: number): LuaValue {
  if (mt === null) return undefined;
  const bit = 1 << e;
  if ((mt.flags & bit) !== 0) return undefined;
  const v = mt.getStr(TM_NAMES[e]);
  if (v === undefined) mt.flags |= bit;
  return v;
}

/** The metamethod `event` (e.g. "__add") of value v, or undefined. */
export function getTM(vm: LuaVM, v: LuaValue, event: string): LuaValue {
  const mt = getMetatable(vm, v);
  if (mt === null) return undefined;
  return mt.getStr(event);
}

/** __name of a value's metatable when it is a string (used in messages), or null. */
export function metaName(vm: LuaVM, v: LuaValue): string | null {
  const mt = getMetatable(vm, v);
  if (mt === null) return null;
  const n = mt.getStr('__name');
  return typeof n === 'string' ? n : null;
}

/** Type name as error messages print it: __name for tables/userdata when set (luaT_objtypename). */
export function objTypeName(vm: LuaVM, v: LuaValue): string {
  if (v instanceof LuaTable || v instanceof LuaUserdata) {
    const n = metaName(vm, v);
    if (n !== null) return n;
  }
  return typeName(v);
}
