/**
 * Turning source text into a callable closure: parse, compile, and bind the first upvalue
 * (_ENV) to the globals. Shared by load, loadfile, dofile, the engine and the CLI.
 */
import { parse } from '../parser/parser.js';
import { LuaSyntaxError } from '../lexer/errors.js';
import { chunkId } from '../lexer/chunkid.js';
import { compile, CompileError } from '../compiler/compiler.js';
import { LuaClosure, UpVal, upvalCell, generalArray } from '../vm/value.js';
import type { LuaVM } from '../vm/state.js';
import { Proto } from '../vm/proto.js';
import { undumpProto, BadChunk } from '../vm/dump.js';

/**
 * What a file loader reads (luaL_loadfile): a UTF-8 byte-order mark is skipped, then a
 * first line starting with '#' (a shebang) is replaced by an empty line, keeping the line
 * numbers, unless a binary chunk follows it.
 */
export function skipFilePrefix(text: string): string {
  if (text.startsWith('\xef\xbb\xbf')) text = text.slice(3);
  if (text.length > 0 && text[0] === '#') {
    const nl = text.indexOf('\n');
    const rest = nl < 0 ? '' : text.slice(nl + 1);
    return rest.charCodeAt(0) === 27 ? rest : '\n' + rest;
  }
  return text;
}

/** The signature that starts a binary chunk. */
export const BINARY_SIGNATURE = '\x1bLua';

/** Compile source text to a Proto, or return the error message. */
export function compileText(text: string, chunkname: string): Proto | string {
  const r = compileTextDetailed(text, chunkname);
  return r instanceof Proto ? r : r.message;
}

/** Compile source text to a Proto, or describe the error (message, line, column). */
export function compileTextDetailed(text: string, chunkname: string): Proto | { message: string; line: number; column: number } {
  try {
    const ast = parse(text, chunkname);
    return compile(ast);
  } catch (e) {
    if (e instanceof LuaSyntaxError) return { message: e.msg, line: e.line, column: e.column };
    if (e instanceof CompileError) return { message: `${chunkId(chunkname)}:${e.line}: ${e.message}`, line: e.line, column: 0 };
    if (e instanceof RangeError) return { message: 'C stack overflow', line: 0, column: 0 };
    throw e;
  }
}

/** load() semantics: a closure for the chunk, or an error message. */
export function loadChunk(vm: LuaVM, text: string, chunkname: string, mode: string): LuaClosure | string {
  const isBinary = text.charCodeAt(0) === 27; // the first byte of the signature decides (ESC)
  if (isBinary) {
    if (!mode.includes('b')) return `attempt to load a binary chunk (mode is '${mode}')`;
    try {
      return mainClosure(vm, undumpProto(text, chunkname));
    } catch (e) {
      if (!(e instanceof BadChunk)) throw e;
      const name = chunkname.startsWith('@') || chunkname.startsWith('=') ? chunkname.slice(1)
        : chunkname.charCodeAt(0) === 27 ? 'binary string' : chunkname; // LUA_SIGNATURE[0]
      const why = e.message === 'truncated' ? 'truncated chunk' : e.message;
      return `${name}: bad binary format (${why})`;
    }
  }
  if (!mode.includes('t')) return `attempt to load a text chunk (mode is '${mode}')`;
  const p = compileText(text, chunkname);
  if (typeof p === 'string') return p;
  return mainClosure(vm, p);
}

/** A closure for a main Proto with _ENV bound to the globals. */
export function mainClosure(vm: LuaVM, p: Proto): LuaClosure {
  const upvals = generalArray<UpVal>();
  for (let i = 0; i < p.upvalNames.length; i++) {
    const uv = new UpVal(upvalCell(i === 0 ? vm.globals : undefined), 0);
    uv.open = false;
    upvals.push(uv);
  }
  return new LuaClosure(p, upvals);
}
