/**
 * The interactive loop of the `moonbox` command (as lua.c's): reads a line, tries it as
 * `return <line>` first so expression values are printed, continues incomplete statements
 * (a syntax error at <eof>) with the `>>` prompt, and reports errors with a traceback and no
 * program-name prefix.
 *
 * On a terminal it uses node:readline (line editing, history); otherwise it reads stdin
 * synchronously and echoes each line after its prompt, so a piped session reads like a
 * terminal transcript (as the reference interpreter built with readline prints it).
 */
import * as fs from 'node:fs';
import * as readline from 'node:readline';
import type { LuaVM } from '../vm/state.js';
import { loadChunk } from '../stdlib/load.js';
import { protectedCall, tracebackHandler } from '../engine/runtime.js';
import { LuaError } from '../vm/errors.js';

export interface ReplIO {
  write: (s: string) => void;
  error: (s: string) => void;
  flush: () => void;
}

/** The state of one REPL: pending lines of an incomplete statement. */
class Repl {
  private pending: string | null = null;

  constructor(private readonly vm: LuaVM, private readonly io: ReplIO) {}

  prompt(): string {
    return this.pending === null ? '> ' : '>> ';
  }

  /** Handle one input line (a byte string). */
  line(line: string): void {
    const vm = this.vm;
    if (this.pending === null) {
      let src = line;
      if (src.startsWith('=')) src = 'return ' + src.slice(1);
      // an expression? print its values
      const asExpr = loadChunk(vm, 'return ' + src + ';', '=stdin', 't');
      if (typeof asExpr !== 'string') {
        this.run(asExpr, true);
        return;
      }
      this.statement(src);
      return;
    }
    this.statement(this.pending + '\n' + line);
  }

  private statement(code: string): void {
    const f = loadChunk(this.vm, code, '=stdin', 't');
    if (typeof f === 'string') {
      if (f.endsWith('<eof>')) {
        this.pending = code;
        return;
      }
      this.pending = null;
      this.report(f);
      return;
    }
    this.pending = null;
    this.run(f, true);
  }

  private run(f: unknown, printResults: boolean): void {
    const vm = this.vm;
    try {
      const res = protectedCall(vm, f, [], tracebackHandler);
      if (printResults && res.length > 0) {
        protectedCall(vm, vm.globals.getStr('print'), res, tracebackHandler);
      }
    } catch (e) {
      if (!(e instanceof LuaError)) throw e;
      const v = e.value;
      this.report(typeof v === 'string' ? v : e.message);
    }
  }

  private report(msg: string): void {
    this.io.flush();
    this.io.error(msg + '\n');
  }
}

/** Read stdin synchronously, line by line (byte strings), until EOF. */
function* stdinLines(): Generator<string> {
  const buf = Buffer.alloc(65536);
  let pending = '';
  for (;;) {
    let n = 0;
    try {
      n = fs.readSync(0, buf, 0, buf.length, null);
    } catch (e: any) {
      if (e.code === 'EAGAIN') continue;
      if (e.code === 'EOF') n = 0;
      else throw e;
    }
    if (n === 0) break;
    pending += buf.toString('latin1', 0, n);
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      yield pending.slice(0, nl);
      pending = pending.slice(nl + 1);
    }
  }
  if (pending.length > 0) yield pending;
}

/** Run the REPL; returns when stdin ends (or never returns on a terminal: exit on close). */
export function startRepl(vm: LuaVM, io: ReplIO): void {
  const repl = new Repl(vm, io);
  if (process.stdin.isTTY !== true) {
    for (const line of stdinLines()) {
      io.write(repl.prompt() + line + '\n');
      io.flush();
      repl.line(line);
      io.flush();
    }
    io.write(repl.prompt() + '\n');
    io.flush();
    return;
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true, historySize: 1000 });
  const ask = (): void => {
    io.flush();
    rl.setPrompt(repl.prompt());
    rl.prompt();
  };
  rl.on('line', (line: string) => {
    repl.line(Buffer.from(line, 'utf8').toString('latin1'));
    ask();
  });
  rl.on('close', () => {
    io.write('\n');
    io.flush();
    process.exit(0);
  });
  ask();
}
