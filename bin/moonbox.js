#!/usr/bin/env node
// The `moonbox` command: a drop-in for `lua`. Runs the compiled build in dist/.
import { main } from '../dist/cli/main.js';

const code = main(process.argv.slice(2));
if (code >= 0) process.exitCode = code;
