/**
 * Exploration tool for the differential test (not a test itself).
 *
 *   npx tsx test/differential/explore.ts [firstSeed] [seeds] [runsPerSeed] [--all]
 *     runs `seeds` seeds of `runsPerSeed` snippets each, minimises every difference that no
 *     known difference explains (--all: every difference) and prints the distinct minimal cases
 *     with both outputs.
 *   npx tsx test/differential/explore.ts --stdin < bodies.txt
 *     runs the function bodies given one per line and prints both outputs of each.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { buildProgram, compareBatch, LUA, minimise, runLua, runMoonbox, type Diff } from './harness.js';
import { snippet, type Snippet } from './lua-gen.js';
import { text } from './lua-ast.js';
import { explainAll } from './explain.js';

const BATCH = 500;

async function fromStdin(): Promise<void> {
  const bodies = readFileSync(0, 'latin1').split('\n').filter((l) => l.trim() !== '');
  const lua = await runLua(buildProgram(bodies));
  const mb = runMoonbox(bodies);
  bodies.forEach((b, i) => {
    const l = lua.lines.get(i);
    const m = mb.lines.get(i);
    console.log(`${l === m ? 'same' : 'DIFF'} ${b}\n     ${LUA}: ${l}${l === m ? '' : `\n     moonbox: ${m}`}`);
  });
  if (lua.failure) console.log(`${LUA} failed: ${lua.failure}`);
}

async function explore(argv: string[]): Promise<void> {
  const args = argv.filter((a) => !a.startsWith('--'));
  const all = argv.includes('--all');
  const firstSeed = Number(args[0] ?? 1);
  const seeds = Number(args[1] ?? 1);
  const runs = Number(args[2] ?? 5000);
  const minimal = new Map<string, { diff: Diff; count: number; cat: string }>();
  const knownCount = new Map<string, number>();
  let total = 0;
  let differing = 0;
  const t0 = Date.now();
  for (let seed = firstSeed; seed < firstSeed + seeds; seed++) {
    const snippets: Snippet[] = fc.sample(snippet, { seed, numRuns: runs });
    const texts = snippets.map((s) => text(s.body));
    for (let b = 0; b < texts.length; b += BATCH) {
      const bodies = texts.slice(b, b + BATCH);
      const diffs = await compareBatch(bodies);
      total += bodies.length;
      differing += diffs.size;
      const items = [...diffs].map(([index, diff]) => ({ index, diff, node: snippets[b + index].body }));
      const explained = all ? new Map<number, string>() : await explainAll(items, bodies.length);
      for (const { index: i, diff: d, node } of items) {
        const k = explained.get(i);
        if (k) {
          knownCount.set(k, (knownCount.get(k) ?? 0) + 1);
          continue;
        }
        const m = await minimise(node, d);
        const key = text(m.node);
        const e = minimal.get(key);
        if (e) e.count++;
        else {
          minimal.set(key, { diff: m.diff, count: 1, cat: snippets[b + i].cat });
          console.log(`\n[seed ${seed}] ${snippets[b + i].cat}: ${key}\n  ${LUA}: ${m.diff.lua}\n  moonbox: ${m.diff.moonbox}\n  (generated as: ${d.body})`);
        }
      }
    }
    console.error(`seed ${seed}: ${total} snippets so far, ${differing} differing, ${minimal.size} distinct new minimal cases, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  console.log(`\n${total} snippets, ${differing} differing; explained: ${JSON.stringify(Object.fromEntries(knownCount))}`);
  for (const [k, v] of minimal) console.log(`${v.count}x ${v.cat}: ${k}\n   ${LUA}: ${v.diff.lua}\n   moonbox: ${v.diff.moonbox}`);
}

if (process.argv.includes('--stdin')) await fromStdin();
else await explore(process.argv.slice(2));
