#!/usr/bin/env node
/**
 * Records the expected behaviour of the `moonbox` command from the reference interpreter:
 * every case of cli-cases.json runs `lua5.4` under the name `moonbox` (a symlink, so its
 * messages say `moonbox:` and arg[0] reads as moonbox reads it) in a fresh folder holding the
 * case's files, with the case's stdin and environment. Writes cli-recorded.json.
 * Usage: node test/cli/record-cli-cases.mjs   (needs lua5.4 on PATH)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, symlinkSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const cases = JSON.parse(readFileSync(path.join(here, 'cli-cases.json'), 'utf8'));
const lua = spawnSync('sh', ['-c', 'command -v lua5.4'], { encoding: 'utf8' }).stdout.trim();
if (!lua) {
  console.error('record-cli-cases: lua5.4 is not installed');
  process.exit(2);
}
const bindir = mkdtempSync(path.join(os.tmpdir(), 'moonbox-ref-'));
symlinkSync(lua, path.join(bindir, 'moonbox'));
const out = {};
for (const c of cases) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'moonbox-cli-'));
  for (const [f, text] of Object.entries(c.files ?? {})) writeFileSync(path.join(dir, f), text, 'latin1');
  const env = { PATH: `${bindir}:/usr/bin:/bin`, LC_ALL: 'C', ...(c.env ?? {}) };
  const r = spawnSync('moonbox', c.args, { cwd: dir, env, input: Buffer.from(c.stdin ?? '', 'latin1') });
  out[c.name] = { stdout: r.stdout.toString('latin1'), stderr: r.stderr.toString('latin1'), status: r.status };
  rmSync(dir, { recursive: true, force: true });
}
rmSync(bindir, { recursive: true, force: true });
writeFileSync(path.join(here, 'cli-recorded.json'), JSON.stringify(out, null, 1) + '\n');
console.log(`recorded ${cases.length} cases`);
