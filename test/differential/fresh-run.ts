/**
 * Runs one batch program (read from stdin) with moonbox in this new process and writes the
 * outcome as JSON: for known differences that show only in a fresh VM process (see
 * known-differences.ts, `freshProcess`). Used by harness.ts runMoonboxFresh.
 */
import { readFileSync } from 'node:fs';
import { runMoonboxOnce } from './harness.js';

const r = runMoonboxOnce(readFileSync(0, 'latin1'));
process.stdout.write(JSON.stringify({ lines: [...r.lines], failure: r.failure }));
