#!/usr/bin/env node
// The package's `bin` and `npm run cli`: the CLI bundled at build time (out/cli/main.cjs), run
// in this process with V8's code cache. Bundled again first when any source is newer, so it
// never runs stale code.
import { buildCli, cliStale, CLI_BUNDLE, runBundle } from '../scripts/lib.mjs';

if (cliStale()) buildCli();
runBundle(CLI_BUNDLE);
