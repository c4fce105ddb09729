// The property names the minifier may shorten in the core's browser module: the fields and
// methods of moonbox's own classes, found in the sources with the TypeScript parser (not
// interface members or object literal keys: those may describe objects the host makes, or
// tables looked up by names that come from outside). A name is left alone when
// - it appears in the text of any string or template literal in src/ (it may be looked up
//   by a computed key, or named in generated code);
// - it is a key of any object literal in src/ (a library table is built from the keys of
//   one: os.rename must not become os.x because some class has a method `rename`);
// - it is the name of a property of any object the JS runtime provides (Array, Map, String,
//   Error, ..., walked from globalThis), or one of the host-facing names below;
// - it belongs to the core entry's public API (StateOptions, LuaError).
// The result is deterministic for a given source tree. test/package/core-bundle.test.ts runs
// every spec program in the bundle made with it and in the modules, and compares.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Names other code gives or reads: public API of the core entry, iteration and host protocols. */
const KEEP = [
  'stdout', 'stderr', 'readFile', 'readStdin', 'compilingTier', 'value', 'luaTraceback', 'message', 'name',
  'then', 'next', 'done', 'return', 'throw', 'length', 'code', 'errno', 'default', 'prototype', 'constructor',
];

function sourceFiles(dir) {
  const out = [];
  for (const f of readdirSync(dir).sort()) {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

function runtimeNames() {
  const names = new Set();
  const seen = new Set();
  const visit = (o, depth) => {
    if (o === null || (typeof o !== 'object' && typeof o !== 'function') || seen.has(o) || depth > 3) return;
    seen.add(o);
    for (let x = o; x !== null; x = Object.getPrototypeOf(x)) {
      for (const k of Object.getOwnPropertyNames(x)) {
        names.add(k);
        const d = Object.getOwnPropertyDescriptor(x, k);
        if (d !== undefined && 'value' in d) visit(d.value, depth + 1);
      }
    }
  };
  visit(globalThis, 0);
  return names;
}

/** Sorted list of the names (see above) for the sources under srcDir. */
export function internalNames(srcDir) {
  const props = new Set();
  const literal = new Set();
  const keys = new Set();
  const addWords = (text) => {
    for (const m of text.matchAll(/[A-Za-z_$][\w$]*/g)) literal.add(m[0]);
  };
  for (const file of sourceFiles(srcDir)) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const walk = (node) => {
      if ((ts.isPropertyDeclaration(node) || ts.isMethodDeclaration(node) || ts.isGetAccessor(node)
        || ts.isSetAccessor(node)) && ts.isClassLike(node.parent) && ts.isIdentifier(node.name)) props.add(node.name.text);
      else if (ts.isParameter(node) && ts.isConstructorDeclaration(node.parent) && ts.isIdentifier(node.name)
        && (ts.getCombinedModifierFlags(node) & ts.ModifierFlags.ParameterPropertyModifier) !== 0) props.add(node.name.text);
      else if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node) || ts.isMethodDeclaration(node)
        || ts.isGetAccessor(node) || ts.isSetAccessor(node)) && ts.isObjectLiteralExpression(node.parent)
        && ts.isIdentifier(node.name)) keys.add(node.name.text);
      else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node)
        || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) addWords(node.text);
      ts.forEachChild(node, walk);
    };
    walk(sf);
  }
  const runtime = runtimeNames();
  for (const k of KEEP) runtime.add(k);
  return [...props].filter((n) => !literal.has(n) && !keys.has(n) && !runtime.has(n)).sort();
}
