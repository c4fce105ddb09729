/**
 * The interactive loop of the `moonbox` command (lua.c's doREPL): reads a line, tries it as
 * `return <line>` first to print expression values, continues incomplete statements with
 * the `>>` prompt, prints errors with a traceback.
 */
import * as readline from 'node:readline';
import type { LuaVM } from '../vm/state.js';
import { loadChunk } from '../stdlib/load.js';
import { protectedCall, tracebackHandler } from '../engine/runtime.js';
import { LuaError } from '../vm/errors.js';

export function startRepl(vm: LuaVM, progname: string, _banner: boolean): void {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY === true });
  let pending: string | null = null;
  const prompt = (): void => {
    rl.setPrompt(pending === null ? '> ' : '>> ');
    rl.prompt();
  };
  const flush = (): void => { (vm as any).flushOutput?.(); };
  rl.on('line', (line0: string) => {
    const line = Buffer.from(line0, 'utf8').toString('latin1');
    let code = pending === null ? line : pending + '\n' + line;
    if (pending === null && line.startsWith('=')) code = 'return ' + line.slice(1);
    let f = pending === null ? loadChunk(vm, 'return ' + code + ';', '=stdin', 't') : loadChunk(vm, code, '=stdin', 't');
    if (typeof f === 'string') f = loadChunk(vm, code, '=stdin', 't');
    if (typeof f === 'string') {
      if (f.endsWith('<eof>')) {
        pending = code;
        prompt();
        return;
      }
      pending = null;
      flush();
      process.stderr.write(`${progname}: ${f}\n`);
      prompt();
      return;
    }
    pending = null;
    try {
      const res = protectedCall(vm, f, [], tracebackHandler);
      if (res.length > 0) {
        const print = vm.globals.getStr('print');
        protectedCall(vm, print, res, tracebackHandler);
      }
    } catch (e) {
      if (e instanceof LuaError) {
        flush();
        const v = e.value;
        process.stderr.write(`${progname}: ${typeof v === 'string' ? v : e.message}\n`);
      } else {
        throw e;
      }
    }
    flush();
    prompt();
  });
  rl.on('close', () => {
    flush();
    process.stdout.write('\n');
    process.exit(0);
  });
  prompt();
}
