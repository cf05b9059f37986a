#!/usr/bin/env node
// The package's `bin` and `npm run cli`: the CLI bundled at build time (out/cli/main.cjs), run
// in this process. Bundled again first when any source is newer, so it never runs stale code.
import { createRequire } from 'node:module';
import { buildCli, cliStale, CLI_BUNDLE } from '../scripts/lib.mjs';

if (cliStale()) buildCli();
createRequire(import.meta.url)(CLI_BUNDLE);
