/**
 * Telling known differences from new ones. A difference is explained by a set of known
 * differences when, after their transformations (see known-differences.ts), the two outputs
 * agree: lua5.4 runs the snippet neutralised and rewritten, moonbox runs it neutralised, and
 * the fixes are applied to moonbox's line. Each known
 * difference is tried alone, then all of them together (a snippet may hit several bugs).
 */
import { buildProgram, runLua, runMoonbox, type Diff } from './harness.js';
import { text, type Node } from './lua-ast.js';
import { KNOWN_DIFFERENCES, type KnownDifference } from './known-differences.js';

export interface Item {
  /** the line of the snippet in its batch */
  index: number;
  node: Node;
  diff: Diff;
}

interface Variant {
  lua: Node;
  moonbox: Node;
  /** the ids whose transformation changed something */
  ids: Set<string>;
}

function variant(n: Node, set: readonly KnownDifference[]): Variant {
  const ids = new Set<string>();
  let both = n;
  for (const k of set) {
    const r = k.neutralise?.(both);
    if (r) {
      both = r;
      ids.add(k.id);
    }
  }
  let lua = both;
  for (const k of set) {
    const r = k.rewrite?.(lua);
    if (r) {
      lua = r;
      ids.add(k.id);
    }
  }
  return { lua, moonbox: both, ids };
}

/** The items that the set explains, with the ids of the entries that took part. */
async function tryExplain(items: readonly Item[], batchSize: number, set: readonly KnownDifference[]): Promise<Map<number, string>> {
  const variants = items.map((it) => variant(it.node, set));
  const luaBodies: (string | null)[] = new Array(batchSize).fill(null);
  const mbBodies: (string | null)[] = new Array(batchSize).fill(null);
  let rerunLua = false;
  let rerunMb = false;
  items.forEach((it, j) => {
    const v = variants[j];
    if (v.lua !== it.node) rerunLua = true;
    if (v.moonbox !== it.node) rerunMb = true;
    luaBodies[it.index] = text(v.lua);
    mbBodies[it.index] = text(v.moonbox);
  });
  let luaLines: Map<number, string> | null = null;
  if (rerunLua) {
    const out = await runLua(buildProgram(luaBodies));
    if (out.failure !== null) throw new Error(`lua5.4 did not run rewritten snippets: ${out.failure}`);
    luaLines = out.lines;
  }
  const mbLines = rerunMb ? runMoonbox(mbBodies).lines : null;
  const result = new Map<number, string>();
  items.forEach((it, j) => {
    const v = variants[j];
    const ids = new Set(v.ids);
    // an unchanged snippet keeps its first lines (a rerun could only hide a flaky result)
    const l = luaLines && v.lua !== it.node ? luaLines.get(it.index) ?? '' : it.diff.lua;
    let m = mbLines && v.moonbox !== it.node ? mbLines.get(it.index) ?? '' : it.diff.moonbox;
    for (const k of set) {
      const f = k.fix?.(m);
      if (f != null && f !== m) {
        m = f;
        ids.add(k.id);
      }
    }
    if (l === m && ids.size > 0) result.set(it.index, [...ids].join('+'));
  });
  return result;
}

/** For each explained item (by index): the ids of the known differences that explain it, joined with '+'. */
export async function explainAll(items: readonly Item[], batchSize: number, known: readonly KnownDifference[] = KNOWN_DIFFERENCES): Promise<Map<number, string>> {
  const result = new Map<number, string>();
  const sets = [...known.map((k) => [k]), known];
  for (const set of sets) {
    const rest = items.filter((it) => !result.has(it.index));
    if (rest.length === 0) break;
    for (const [i, ids] of await tryExplain(rest, batchSize, set)) result.set(i, ids);
  }
  return result;
}
