// The io library's standard streams through the moonbox command, against lua5.4
// (test/stdlib/io-cli-cases.lua -> io-cli-cases.json by record-io-cases.mjs): each case runs
// as `node bin/moonbox.js -e <loader>` in a fresh directory with its stdin piped in and
// stderr merged into stdout, exactly as it was recorded. Needs the build (dist/), as the
// spec suite does.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs helper without types
import { runCase } from './record-io-cases.mjs';

interface CliCase {
  name: string;
  stdin: string;
  code: string;
  out: string;
  status: number;
  files: Record<string, string>;
}

const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/moonbox.js');
const data = JSON.parse(readFileSync(new URL('./io-cli-cases.json', import.meta.url), 'utf8')) as { cases: CliCase[] };

describe('io through the moonbox command matches lua5.4', () => {
  for (const c of data.cases) {
    it(c.name, () => {
      const r = runCase([process.execPath, CLI], c.code, c.stdin, true);
      expect(r.stdout).toBe(c.out);
      expect(r.status).toBe(c.status);
      expect(r.files).toEqual(c.files);
    });
  }
});
