#!/usr/bin/env node
// The package's `bin`: the same CLI as `npm run cli -- ...`.
import { runTs } from '../scripts/lib.mjs';

runTs('electron/cli/main.ts', process.argv.slice(2));
