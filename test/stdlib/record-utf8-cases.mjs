#!/usr/bin/env node
// Records test/stdlib/utf8-cases.json from lua5.4 (see record-table-cases.mjs).
import { recordCases } from './record-table-cases.mjs';

recordCases('utf8');
