/**
 * Sandbox policies: which parts of the standard library a script can reach.
 *
 * A policy is applied once to a fresh state (the one createState() makes, every library
 * open) and only takes away: it removes the functions and libraries it does not grant,
 * replaces `load` and `collectgarbage` with restricted forms where it says so, and, for
 * `strict`, hides each library table behind a read-only proxy. docs/sandbox.md describes the
 * policies for users; this file is the single source of truth for what each one holds.
 *
 * Names. A policy is a set of granted names:
 *   - a base-library global:        'print', 'load', 'require', '_G', ...
 *   - a library field:              'os.time', 'io.write', 'package.preload', ...
 *   - a pseudo-name below a global: 'load.binary' (load accepts binary chunks; implies
 *     'load') and 'collectgarbage.count' (collectgarbage accepting only "count")
 * A library name in `allow`/`deny` ('os') stands for every field of that library. `deny`
 * of a name also takes away the names below it ('load' takes 'load.binary' too).
 *
 * Invariants after applyPolicy:
 *   - a library field that is not granted is absent from the library's real table (so
 *     `("x").dump` is nil as well as `string.dump`); a library with no granted field is
 *     absent from _G and package.loaded;
 *   - with `package.path` not granted, the require searchers are the preload searcher only,
 *     so require never reads a file;
 *   - in a read-only policy, _G (and package.loaded, when a script can reach it) hold for
 *     each library a proxy: an empty table whose metatable reads from the real table and
 *     refuses writes; the real tables stay where the VM uses them directly (the string
 *     metatable's __index), so method calls on strings cost nothing more.
 */
import type { LuaThread, LuaVM } from '../vm/state.js';
import { LuaTable } from '../vm/table.js';
import { NativeFunction, SPECIAL, nativeFn } from '../vm/value.js';
import type { LuaValue } from '../vm/value.js';
import { LuaThrow } from '../vm/errors.js';
import { checkOption, nativeError } from '../vm/auxlib.js';
import { newLoad } from '../stdlib/base.js';
import { MemFs } from '../stdlib/io-memfs.js';
import { isOsError } from '../stdlib/io-host.js';
import type { OsHost } from '../stdlib/os.js';

/** The built-in policies (see docs/sandbox.md). */
export type PolicyName = 'minimal' | 'standard' | 'strict' | 'full';

/**
 * A file system granted to the script's io and os functions: a MemFs, or any OsHost (open,
 * tmpfile, remove, rename, tmpname...). It decides where file operations go, not which
 * functions exist: those still have to be granted (`allow: ['io.open']`).
 */
export type VirtualFS = MemFs | OsHost;

/** A built-in policy with names added and taken away. */
export interface CustomPolicy {
  /** the policy to start from (default 'minimal') */
  extends?: PolicyName;
  /** names to add: libraries ('os'), fields ('os.getenv'), globals ('dofile'), 'load.binary' */
  allow?: readonly string[];
  /** names to take away; deny wins over allow */
  deny?: readonly string[];
  /** where io.open, io.lines, loadfile, os.remove... find files (when those are granted) */
  fs?: VirtualFS;
}

export type Policy = PolicyName | CustomPolicy;

/** The libraries a state has, by global name. */
const LIBRARIES = ['coroutine', 'debug', 'io', 'math', 'os', 'package', 'string', 'table', 'utf8'] as const;

/** Names below a base global that are capabilities, not fields. */
const PSEUDO_NAMES = ['load.binary', 'collectgarbage.count'] as const;

/** The base library of minimal (everything but dofile, loadfile and require; load text-only). */
const MINIMAL_BASE = [
  '_G', '_VERSION', 'assert', 'collectgarbage', 'error', 'getmetatable', 'ipairs', 'load', 'next',
  'pairs', 'pcall', 'print', 'rawequal', 'rawget', 'rawlen', 'rawset', 'select', 'setmetatable',
  'tonumber', 'tostring', 'type', 'warn', 'xpcall',
] as const;

/** Libraries minimal grants whole (string: all but dump). */
const MINIMAL_LIBRARIES = ['coroutine', 'math', 'string', 'table', 'utf8'] as const;

/** What standard adds to minimal. */
const STANDARD_EXTRA = [
  'os.time', 'os.clock', 'os.date', 'os.difftime', 'io.write', 'debug.traceback',
  'require', 'package.loaded', 'package.preload', 'package.searchers',
] as const;

/** The fields of each library and the base globals of a state, before the policy. */
interface Snapshot {
  libs: Map<string, LuaTable>;
  /** library -> its string keys */
  fields: Map<string, string[]>;
  /** globals that are not libraries */
  base: string[];
}

function snapshot(vm: LuaVM): Snapshot {
  const libs = new Map<string, LuaTable>();
  const fields = new Map<string, string[]>();
  const base: string[] = [];
  for (const lib of LIBRARIES) {
    const t = vm.globals.getStr(lib);
    if (t instanceof LuaTable) {
      libs.set(lib, t);
      fields.set(lib, stringKeys(t));
    }
  }
  for (const k of stringKeys(vm.globals)) if (!libs.has(k)) base.push(k);
  return { libs, fields, base };
}

function stringKeys(t: LuaTable): string[] {
  const keys: string[] = [];
  const out: LuaValue[] = [undefined, undefined];
  for (let p = t.nextFrom(0, out); p !== 0; p = t.nextFrom(p, out)) {
    if (typeof out[0] === 'string') keys.push(out[0]);
  }
  return keys;
}

/** The names a built-in policy grants, in terms of what the state has. */
function builtinGrants(name: PolicyName, snap: Snapshot): Set<string> {
  const g = new Set<string>();
  const addLib = (lib: string): void => {
    for (const f of snap.fields.get(lib) ?? []) g.add(`${lib}.${f}`);
  };
  if (name === 'full') {
    for (const b of snap.base) g.add(b);
    for (const lib of snap.libs.keys()) addLib(lib);
    g.add('load.binary');
    return g;
  }
  for (const b of MINIMAL_BASE) g.add(b);
  for (const lib of MINIMAL_LIBRARIES) addLib(lib);
  g.delete('string.dump');
  if (name === 'standard') for (const n of STANDARD_EXTRA) g.add(n);
  if (name === 'strict') {
    g.delete('load');
    g.delete('collectgarbage');
    g.add('collectgarbage.count');
  }
  return g;
}

function policyName(p: unknown): p is PolicyName {
  return p === 'minimal' || p === 'standard' || p === 'strict' || p === 'full';
}

/** Add (allow) or take away (deny) one name; throws on a name the state does not know. */
function edit(g: Set<string>, name: string, snap: Snapshot, add: boolean): void {
  const dot = name.indexOf('.');
  const head = dot < 0 ? name : name.slice(0, dot);
  const fields = snap.fields.get(head);
  let known: boolean;
  if (dot < 0) known = fields !== undefined || snap.base.includes(name);
  else if (fields !== undefined) known = fields.includes(name.slice(dot + 1));
  else known = (PSEUDO_NAMES as readonly string[]).includes(name);
  if (!known) throw new TypeError(`moonbox policy: unknown name '${name}'`);
  if (add) {
    if (dot < 0 && fields !== undefined) {
      for (const f of fields) g.add(`${head}.${f}`);
    } else {
      g.add(name);
      if (name === 'load.binary') g.add('load');
    }
  } else {
    g.delete(name);
    const prefix = name + '.';
    for (const n of [...g]) if (n.startsWith(prefix)) g.delete(n);
  }
}

/** How applyPolicy applies a policy. */
export interface ApplyPolicyOptions {
  /**
   * Put the read-only proxies of a read-only policy in place (default true). A state of a
   * StatePool is given false: the pool hands every run read-only views of all the shared
   * tables itself, and a proxy of a proxy would hide the library from `pairs` and `#`.
   */
  readOnlyProxies?: boolean;
}

/**
 * Restrict a fresh state (right after createState) to a policy. Throws a TypeError for a
 * policy it does not know or a name in allow/deny that the state does not have.
 */
export function applyPolicy(vm: LuaVM, policy: Policy, options: ApplyPolicyOptions = {}): void {
  let name: PolicyName;
  let allow: readonly string[] = [];
  let deny: readonly string[] = [];
  let fs: VirtualFS | undefined;
  if (typeof policy === 'string') {
    if (!policyName(policy)) throw new TypeError(`moonbox policy: unknown policy '${String(policy)}'`);
    if (policy === 'full') return; // nothing to take away
    name = policy;
  } else if (typeof policy === 'object' && policy !== null) {
    const base = policy.extends ?? 'minimal';
    if (!policyName(base)) throw new TypeError(`moonbox policy: unknown policy '${String(base)}'`);
    name = base;
    allow = policy.allow ?? [];
    deny = policy.deny ?? [];
    fs = policy.fs;
  } else {
    throw new TypeError('moonbox policy: expected a policy name or object');
  }

  const snap = snapshot(vm);
  const grants = builtinGrants(name, snap);
  for (const n of allow) edit(grants, n, snap, true);
  for (const n of deny) edit(grants, n, snap, false);
  if (fs !== undefined) attachFs(vm, fs);
  restrict(vm, snap, grants, name === 'strict' && options.readOnlyProxies !== false);
}

/** Take away what is not granted; then, for a read-only policy, put the proxies in place. */
function restrict(vm: LuaVM, snap: Snapshot, g: Set<string>, readOnly: boolean): void {
  const G = vm.globals;
  const loaded = vm.loaded;

  // require's searchers: the file searchers only where package.path is granted. The
  // internal package table (vm.packageTable) is what require reads, whatever the script
  // does with its own `package`.
  const pkg = vm.packageTable;
  if (pkg !== null && !g.has('package.path')) {
    const all = pkg.getStr('searchers');
    const only = new LuaTable();
    if (all instanceof LuaTable) only.setInt(1, all.getInt(1));
    pkg.setStr('searchers', only);
  }

  // libraries: fields removed in place (the VM and other tables refer to the same objects)
  const present = new Map<string, LuaTable>();
  for (const [lib, t] of snap.libs) {
    const fields = snap.fields.get(lib)!;
    const kept = fields.filter((f) => g.has(`${lib}.${f}`));
    let visible: LuaTable = t;
    if (lib === 'package') {
      // the script's package holds the granted fields; the internal one stays whole
      if (kept.length < fields.length) {
        visible = new LuaTable();
        for (const f of kept) visible.setStr(f, t.getStr(f));
      }
    } else {
      for (const f of fields) if (!g.has(`${lib}.${f}`)) t.setStr(f, undefined);
    }
    if (kept.length === 0) {
      G.setStr(lib, undefined);
      loaded.setStr(lib, undefined);
    } else {
      G.setStr(lib, visible);
      loaded.setStr(lib, visible);
      present.set(lib, visible);
    }
  }

  // base globals
  const cg = G.getStr('collectgarbage');
  for (const b of snap.base) if (!g.has(b)) G.setStr(b, undefined);
  if (g.has('load') && !g.has('load.binary')) G.setStr('load', newLoad(false));
  if (!g.has('collectgarbage') && g.has('collectgarbage.count') && cg instanceof NativeFunction) {
    G.setStr('collectgarbage', countOnlyCollect(cg));
  }

  if (!readOnly) return;

  // read-only: every library behind a proxy, the string metatable protected
  const proxies = new Map<string, LuaTable>();
  for (const [lib, t] of present) {
    const p = readOnlyProxy(t, lib);
    proxies.set(lib, p);
    G.setStr(lib, p);
  }
  // package.loaded keeps the real tables (tracebacks name functions from them) unless a
  // script can reach it
  if (G.getStr('require') !== undefined || present.has('package')) {
    for (const [lib, p] of proxies) loaded.setStr(lib, p);
  }
  const smeta = vm.stringMeta;
  if (smeta !== null) {
    const idx = smeta.getStr('__index');
    const view = new LuaTable();
    for (const k of stringKeys(smeta)) view.setStr(k, smeta.getStr(k));
    if (idx instanceof LuaTable) view.setStr('__index', proxies.get('string') ?? readOnlyProxy(idx, 'string'));
    smeta.setStr('__metatable', readOnlyProxy(view, 'string metatable'));
  }
  const rawset = G.getStr('rawset');
  if (rawset instanceof NativeFunction && rawset.fn !== null) G.setStr('rawset', checkedRawset(rawset.fn));
}

// ---------------------------------------------------------------------------------------
// read-only tables

/** proxy -> the name its errors use */
const readOnlyNames = new WeakMap<LuaTable, string>();

/**
 * A read-only view of `real`: an empty table whose metatable reads from `real` (__index),
 * refuses writes (__newindex), iterates `real` (__pairs, without handing `real` out), gives
 * its length (__len) and is protected (__metatable), so neither the metatable nor `real`
 * is reachable from a script.
 */
function readOnlyProxy(real: LuaTable, name: string): LuaTable {
  const proxy = new LuaTable();
  const mt = new LuaTable();
  const message = `attempt to modify read-only table '${name}'`;
  const out: LuaValue[] = [undefined, undefined];
  const next = nativeFn('next', (L, base, n) => {
    const s = L.stack;
    const p = real.nextIndex(n >= 2 ? s[base + 1] : undefined);
    if (p < 0) throw new LuaThrow("invalid key to 'next'");
    const q = real.nextFrom(p, out);
    if (q === 0) {
      s[base] = undefined;
      return 1;
    }
    s[base] = out[0];
    s[base + 1] = out[1];
    return 2;
  });
  mt.setStr('__index', real);
  // raised at the caller of the metamethod: the assignment's chunk and line
  mt.setStr('__newindex', nativeFn('__newindex', (L) => nativeError(L, message)));
  mt.setStr('__pairs', nativeFn('__pairs', (L, base) => {
    const s = L.stack;
    s[base] = next;
    s[base + 1] = proxy;
    s[base + 2] = undefined;
    return 3;
  }));
  mt.setStr('__len', nativeFn('__len', (L, base) => {
    L.stack[base] = real.length();
    return 1;
  }));
  mt.setStr('__metatable', false);
  proxy.metatable = mt;
  readOnlyNames.set(proxy, name);
  return proxy;
}

/** rawset that refuses read-only proxies (and is otherwise the base library's). */
function checkedRawset(raw: (L: LuaThread, base: number, n: number) => number): NativeFunction {
  return new NativeFunction('rawset', (L, base, n) => {
    const t = L.stack[base];
    if (n >= 3 && t instanceof LuaTable) {
      const name = readOnlyNames.get(t);
      if (name !== undefined) nativeError(L, `attempt to modify read-only table '${name}'`);
    }
    return raw(L, base, n);
  }, null, SPECIAL.NONE, null);
}

const COUNT_ONLY = ['count'] as const;

/** collectgarbage accepting only "count" (any other option: "invalid option 'x'"). */
function countOnlyCollect(cg: NativeFunction): NativeFunction {
  const plain = cg.fn!;
  return new NativeFunction('collectgarbage', (L, base, n) => {
    checkOption(L, base, n, 1, 'collect', COUNT_ONLY);
    return plain(L, base, n);
  }, null, SPECIAL.NONE, null);
}

// ---------------------------------------------------------------------------------------
// file systems

/** Serve io, os and loadfile/dofile/require file access from a virtual file system. */
function attachFs(vm: LuaVM, fs: VirtualFS): void {
  if (fs instanceof MemFs) {
    vm.host = fs.host();
    vm.readFile = fs.readFile;
    return;
  }
  vm.host = fs;
  vm.readFile = (path: string): string | null => {
    const f = fs.open !== undefined ? fs.open(path, 'r') : null;
    if (f === null || isOsError(f)) {
      vm.fileError = f !== null ? f.message : 'Function not implemented';
      return null;
    }
    let text = '';
    for (;;) {
      const piece = f.read(65536);
      if (isOsError(piece)) {
        f.close();
        vm.fileError = piece.message;
        return null;
      }
      if (piece === '') break;
      text += piece;
    }
    f.close();
    return text;
  };
}
