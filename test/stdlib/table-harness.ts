/**
 * Runs the recorded library cases (test/stdlib/<lib>-cases.json, written from lua5.4 by
 * record-<lib>-cases.mjs) in moonbox: each case in a fresh state, chunk name "stdin", the
 * same TZ and MOONBOX_TEST_VAR as the recording, print output captured as bytes.
 */
import { readFileSync } from 'node:fs';
import * as fs from 'node:fs';
import * as childProcess from 'node:child_process';
import { createState, runText } from '../../src/engine/runtime.js';
import { LuaError } from '../../src/vm/errors.js';
import { createNodeOsHost } from '../../src/stdlib/os.js';
import { openUtf8 } from '../../src/stdlib/utf8.js';

export interface Case {
  name: string;
  tz: string;
  code: string;
  out: string;
  err: string | null;
}

export function loadCases(lib: string): { lua: string; cases: Case[] } {
  return JSON.parse(readFileSync(new URL(`./${lib}-cases.json`, import.meta.url), 'utf8'));
}

export interface RunResult {
  out: string;
  err: string | null;
}

/** Runs one case; `exit` receives os.exit calls (else os.exit is not available). */
export function runCase(c: Case, exit?: (code: number, close: boolean) => void): RunResult {
  process.env.TZ = c.tz;
  process.env.MOONBOX_TEST_VAR = 'hello';
  let out = '';
  const vm = createState({ stdout: (s) => { out += s; } });
  if (vm.globals.getStr('utf8') === undefined) openUtf8(vm); // until stdlib/index.ts opens it
  (vm as any).host = createNodeOsHost({ fs, childProcess });
  if (exit) (vm as any).exit = exit;
  let err: string | null = null;
  try {
    runText(vm, c.code, '=stdin');
  } catch (e) {
    if (!(e instanceof LuaError)) throw e;
    err = e.message.split('\n')[0];
  }
  return { out, err };
}
