/**
 * The workbench CLI, on the same core as the app:  npm run cli -- <command> [options]
 * Errors go to stderr with a non-zero exit code.
 */
import { runCli } from './run';

Promise.resolve(
  runCli(process.argv.slice(2), {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
  }),
).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
