import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The `moonbox` command against the reference interpreter: each case of cli-cases.json is
 * run as `node bin/moonbox.js <args>` and compared with what lua5.4 printed for it
 * (cli-recorded.json, recorded by record-cli-cases.mjs).
 */
const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin/moonbox.js');
const cases = JSON.parse(readFileSync(path.join(__dirname, 'cli-cases.json'), 'utf8')) as {
  name: string; args: string[]; stdin?: string; env?: Record<string, string>; files?: Record<string, string>;
}[];
const recorded = JSON.parse(readFileSync(path.join(__dirname, 'cli-recorded.json'), 'utf8')) as Record<string, { stdout: string; stderr: string; status: number }>;
const pkgVersion = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version as string;

/**
 * The one deliberate difference: the version line (-v, and the banner of the interactive
 * mode) names moonbox instead of the reference interpreter's release and copyright.
 */
function ours(text: string): string {
  return text.split('Lua 5.4.4  Copyright (C) 1994-2022 Lua.org, PUC-Rio\n').join(`moonbox ${pkgVersion} (Lua 5.4)\n`);
}

describe('moonbox command line (recorded from lua5.4)', () => {
  it('the build exists', () => expect(existsSync(path.join(root, 'dist/cli/main.js'))).toBe(true));
  for (const c of cases) {
    it(c.name, () => {
      const rec = recorded[c.name];
      expect(rec, `no recording for ${c.name}: run node test/cli/record-cli-cases.mjs`).toBeDefined();
      const exp = { ...rec, stdout: ours(rec.stdout) };
      const dir = mkdtempSync(path.join(os.tmpdir(), 'moonbox-cli-'));
      try {
        for (const [f, text] of Object.entries(c.files ?? {})) writeFileSync(path.join(dir, f), text, 'latin1');
        const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', ...(c.env ?? {}) };
        const r = spawnSync(process.execPath, [bin, ...c.args], { cwd: dir, env, input: Buffer.from(c.stdin ?? '', 'latin1'), timeout: 20000 });
        expect({ stdout: r.stdout.toString('latin1'), stderr: r.stderr.toString('latin1'), status: r.status }).toEqual(exp);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
