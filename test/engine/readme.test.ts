// The "Embedding" example of README.md runs, and prints what the README says it prints.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The first ```lang block after `heading` in README.md (and before the next heading). */
function block(text: string, heading: string, lang: string, from = 0): { code: string; end: number } {
  const h = text.indexOf(`\n${heading}\n`);
  if (h < 0) throw new Error(`README.md has no '${heading}' section`);
  const next = text.indexOf('\n## ', h + 1);
  const sectionEnd = next < 0 ? text.length : next;
  const open = `\n\`\`\`${lang}\n`;
  const start = text.indexOf(open, Math.max(h, from));
  if (start < 0 || start > sectionEnd) throw new Error(`no \`\`\`${lang} block in '${heading}'`);
  const end = text.indexOf('\n```\n', start + open.length - 1);
  return { code: text.slice(start + open.length, end + 1), end };
}

describe('README', () => {
  for (const heading of ['## Embedding', '## Sandbox']) {
    it(`the ${heading.slice(3)} example runs and prints what the README shows`, () => {
      const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
      const ts = block(readme, heading, 'ts');
      const expected = block(readme, heading, 'text', ts.end);
      expect(ts.code).toContain("from 'moonbox'");
      // run it against the build (dist/, made by `npm run build`) from a temporary file
      const dir = mkdtempSync(path.join(os.tmpdir(), 'moonbox-readme-'));
      try {
        const file = path.join(dir, 'example.mts');
        const dist = pathToFileURL(path.join(ROOT, 'dist/index.js')).href;
        writeFileSync(file, ts.code.replace(/from 'moonbox'/g, `from '${dist}'`));
        const out = execFileSync(process.execPath, ['--import', 'tsx', file], { cwd: ROOT, encoding: 'utf8' });
        expect(out).toBe(expected.code);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
