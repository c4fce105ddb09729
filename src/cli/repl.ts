/**
 * The interactive loop of the `moonbox` command (as lua.c's): reads a line, tries it as
 * `return <line>` first so expression values are printed, continues incomplete statements
 * (a syntax error at <eof>) with the `>>` prompt, and reports errors with a traceback and no
 * program-name prefix.
 *
 * On a terminal it uses node:readline (line editing, history kept across sessions in
 * ~/.moonbox_history or $MOONBOX_HISTORY); otherwise it reads stdin
 * synchronously and echoes each line after its prompt, so a piped session reads like a
 * terminal transcript (as the reference interpreter built with readline prints it).
 */
import * as fs from 'node:fs';
import * as readline from 'node:readline';
import type { LuaVM } from '../vm/state.js';
import { loadChunk } from '../stdlib/load.js';
import { protectedCall, tracebackHandler } from '../engine/runtime.js';
import { LuaError } from '../vm/errors.js';
import { InterruptSignal } from '../vm/suspend.js';

export interface ReplIO {
  write: (s: string) => void;
  error: (s: string) => void;
  flush: () => void;
  /** a command-line limit stopped a line (it does not return) */
  stopped: (e: InterruptSignal) => never;
}

/** The state of one REPL: pending lines of an incomplete statement. */
class Repl {
  private pending: string | null = null;
  /** the input (all its lines) of the statement the last line completed; null while one is pending */
  completed: string | null = null;
  /** the lines typed for the pending statement, as typed */
  private typed: string[] = [];

  constructor(private readonly vm: LuaVM, private readonly io: ReplIO) {}

  prompt(): string {
    return this.pending === null ? '> ' : '>> ';
  }

  /** Handle one input line (a byte string). */
  line(line: string): void {
    const vm = this.vm;
    this.completed = null;
    this.typed.push(line);
    if (this.pending === null) {
      let src = line;
      if (src.startsWith('=')) src = 'return ' + src.slice(1);
      // an expression? print its values
      const asExpr = loadChunk(vm, 'return ' + src + ';', '=stdin', 't');
      if (typeof asExpr !== 'string') {
        this.done();
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
      this.done();
      this.report(f);
      return;
    }
    this.done();
    this.run(f, true);
  }

  /** The statement `code` is complete (run or rejected). */
  private done(): void {
    this.completed = this.typed.join('\n');
    this.typed = [];
    this.pending = null;
  }

  private run(f: unknown, printResults: boolean): void {
    const vm = this.vm;
    try {
      const res = protectedCall(vm, f, [], tracebackHandler);
      if (printResults && res.length > 0) {
        protectedCall(vm, vm.globals.getStr('print'), res, tracebackHandler);
      }
    } catch (e) {
      if (e instanceof InterruptSignal) this.io.stopped(e);
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

const HISTORY_SIZE = 1000;

/** Where the interactive history is kept: $MOONBOX_HISTORY (empty: nowhere), else ~/.moonbox_history. */
function historyPath(): string | null {
  const env = process.env.MOONBOX_HISTORY;
  if (env !== undefined) return env === '' ? null : env;
  const home = process.env.HOME ?? process.env.USERPROFILE;
  return home ? `${home}/.moonbox_history` : null;
}

/** The saved history, newest first (as readline keeps it); none when unreadable. */
function loadHistory(file: string | null): string[] {
  if (file === null) return [];
  try {
    // one entry per line, oldest first; the newlines of a multi-line entry are stored as \x01
    return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l !== '').reverse().slice(0, HISTORY_SIZE)
      .map((l) => l.replace(/\x01/g, '\n'));
  } catch {
    return [];
  }
}

function saveHistory(file: string | null, h: string[]): void {
  if (file === null) return;
  try {
    fs.writeFileSync(file, h.map((e) => e.replace(/\n/g, '\x01')).reverse().join('\n') + '\n', { mode: 0o600 });
  } catch {
    // a read-only home: the history stays in memory
  }
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
  const historyFile = historyPath();
  // the history is kept here, not by readline: a statement typed over several lines is one
  // entry (recalled whole), added when it is complete
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true, historySize: 0 });
  const history = loadHistory(historyFile);
  (rl as unknown as { history: string[] }).history = history;
  const ask = (): void => {
    io.flush();
    rl.setPrompt(repl.prompt());
    rl.prompt();
  };
  rl.on('line', (line: string) => {
    repl.line(Buffer.from(line, 'utf8').toString('latin1'));
    const entry = repl.completed === null ? '' : Buffer.from(repl.completed, 'latin1').toString('utf8');
    if (entry.trim() !== '' && entry !== history[0]) {
      history.unshift(entry);
      if (history.length > HISTORY_SIZE) history.length = HISTORY_SIZE;
      saveHistory(historyFile, history);
    }
    // (readline does not reset its place in a history it does not keep)
    (rl as unknown as { historyIndex: number }).historyIndex = -1;
    ask();
  });
  rl.on('close', () => {
    io.write('\n');
    io.flush();
    process.exit(0);
  });
  ask();
}
