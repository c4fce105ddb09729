// docs/api.md documents every name the package exports: each exported name of the main entry
// (src/index.ts) and of the core entry (src/core.ts), and each name the node entry
// (src/node.ts) adds, has a `###` or `####` heading in docs/api.md that holds the name in
// backticks. A new export without its reference entry
// fails here.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const API_MD = path.join(ROOT, 'docs/api.md');

/** The source without comments (string literals in export statements hold no comment markers). */
function stripComments(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
}

/**
 * The names a module exports itself: `export { a, b as c } [from '...']`,
 * `export type { ... }`, and exported declarations (`export function f`, `export class C`,
 * `export const x`, `export interface I`, `export type T =`, `export enum E`...).
 * `export * from` re-exports are not followed (the names they bring are checked with the
 * module they come from).
 */
function exportedNames(src: string): string[] {
  const code = stripComments(src);
  const names = new Set<string>();
  for (const m of code.matchAll(/\bexport\s+(?:type\s+)?\{([^}]*)\}/g)) {
    for (const part of m[1].split(',')) {
      const spec = part.trim().replace(/^type\s+/, '');
      if (spec === '') continue;
      const as = /^[\w$]+\s+as\s+([\w$]+)$/.exec(spec);
      names.add(as !== null ? as[1] : spec);
    }
  }
  const decl = /\bexport\s+(?:declare\s+)?(?:default\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\s*\*?|class|const|let|var|interface|type|enum|namespace)\s+([\w$]+)/g;
  for (const m of code.matchAll(decl)) names.add(m[1]);
  return [...names];
}

/** The text of every `###` and `####` heading of a Markdown document (outside code blocks). */
function headings(md: string): string[] {
  const out: string[] = [];
  let fenced = false;
  for (const line of md.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    else if (!fenced && /^#{3,4}\s/.test(line)) out.push(line);
  }
  return out;
}

function undocumented(names: string[], md: string): string[] {
  const hs = headings(md);
  return names.filter((n) => !hs.some((h) => h.includes('`' + n + '`')));
}

describe('exportedNames', () => {
  it('reads export lists (with `as` and inline `type`), type lists and declarations', () => {
    const src = [
      "export { A, B as C, type D } from './x.js';",
      '// export { Commented } from "./y.js";',
      "export type {\n  E, // a comment\n  F as G,\n} from './z.js';",
      "export * from './index.js';",
      'export async function h() {}',
      'export class K {}',
      'export interface L {}',
      'export type M = string;',
      'export const n = 1;',
    ].join('\n');
    expect(exportedNames(src).sort()).toEqual(['A', 'C', 'D', 'E', 'G', 'K', 'L', 'M', 'h', 'n'].sort());
  });
});

describe('docs/api.md', () => {
  const md = readFileSync(API_MD, 'utf8');

  it('has a heading for every name exported by src/index.ts', () => {
    const names = exportedNames(readFileSync(path.join(ROOT, 'src/index.ts'), 'utf8'));
    // the parse found the API (guards against a silently empty list)
    expect(names).toEqual(expect.arrayContaining(['LuaEngine', 'LuaRuntimeError', 'toJS', 'EngineOptions', 'ChunkCache']));
    expect(undocumented(names, md)).toEqual([]);
  });

  it('has a heading for every name src/core.ts (moonbox/core) exports', () => {
    const names = exportedNames(readFileSync(path.join(ROOT, 'src/core.ts'), 'utf8'));
    expect(names).toEqual(expect.arrayContaining(['createState', 'runText', 'LuaError']));
    expect(undocumented(names, md)).toEqual([]);
  });

  const nodeEntry = path.join(ROOT, 'src/node.ts');
  it.runIf(existsSync(nodeEntry))('has a heading for every name src/node.ts (moonbox/node) adds', () => {
    const names = exportedNames(readFileSync(nodeEntry, 'utf8'));
    expect(names).toEqual(expect.arrayContaining(['runFile']));
    expect(undocumented(names, md)).toEqual([]);
  });
});
