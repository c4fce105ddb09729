// Every program in examples/ runs (against the build in dist/, through the package name
// `moonbox`) and prints exactly what is expected.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function run(example: string): string {
  return execFileSync(process.execPath, ['--import', 'tsx', path.join('examples', example)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

describe('examples', () => {
  it('config-scripting.ts: a Lua config file becomes a typed JS object', () => {
    expect(run('config-scripting.ts')).toBe(`shop listens on port 9000 with 4 workers
{
  "name": "shop",
  "port": 9000,
  "debug": true,
  "workers": 4,
  "mirrors": [
    {
      "url": "https://eu.mirror.example.com",
      "weight": 1
    },
    {
      "url": "https://us.mirror.example.com",
      "weight": 3
    }
  ],
  "limits": {
    "maxUploadBytes": 10485760,
    "timeoutMs": 2500
  }
}
rejected: port must be an integer, got string
failed: broken.lua:1: bad argument #1 to 'env' (string expected, got number)
`);
  });

  it('plugin-bridge.ts: a plugin reaches the host only through the bridge', () => {
    expect(run('plugin-bridge.ts')).toBe(`[host] loaded plugin restock 1.2
restock sees owner=acme currency=EUR
[host] plugin ordered 25 units; currency is now USD
[host] stock: bolt=20, nut=40, washer=20
wipe:\tfalse\trestock.plugin.lua:23: attempt to call a nil value (method 'wipe')
owner:\tfalse\trestock.plugin.lua:24: cannot assign to field 'owner' of inventory
hidden:\tnil\tnil\tnil\tfalse
remove:\tfalse\tRangeError: cannot remove 1000 bolt: only 20 left
[host] inventory bridge released
`);
  });

  it('error-handling.ts: syntax, runtime and host errors', () => {
    expect(run('error-handling.ts')).toBe(`syntax error in =sum.lua at line 5, column 1
  sum.lua:5: 'end' expected (to close 'for' at line 2) near <eof>
validate: inline:1: unexpected symbol near '='
total: 6
runtime error in orders.lua at line 4: orders.lua:4: not a number: two
stack traceback:
\t[C]: in function 'error'
\torders.lua:4: in upvalue 'parse'
\torders.lua:10: in function 'total'
\t[C]: in ?
error value: {"code":404,"reason":"no such order"}
pcall:\tfalse\tRangeError: no user with id 7
fields:\tRangeError\tno user with id 7
user 1:\tada
host got back its RangeError (same class: true): no user with id 42
stack traceback:
\t[C]: in function 'fetchUser'
\tlookup.lua:1: in main chunk
\t[C]: in ?
`);
  });

  it('async-host.ts: host Promises inside sort and pcall, concurrent runs, abort', () => {
    expect(run('async-host.ts')).toBe(`plum < apple < pear | false | Error: no price for kiwi
2 4 6
aborted: the run was aborted
`);
  });
});
