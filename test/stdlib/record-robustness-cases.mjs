#!/usr/bin/env node
// Records test/stdlib/robustness-cases.json from lua5.4 (see record-table-cases.mjs).
import { recordCases } from './record-table-cases.mjs';

recordCases('robustness');
