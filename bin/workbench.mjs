#!/usr/bin/env node
// The package's `bin` and `npm run cli`: the CLI bundled at build time (out/cli/main.cjs), run
// in this process with V8's code cache. Bundled again first when any file it was built from has
// changed since, so it never runs stale code.
import { startCli } from '../scripts/cliBundle.mjs';

await startCli();
