/**
 * The workbench CLI, on the same core as the app:  npm run cli -- <command> [options]
 * Errors go to stderr with a non-zero exit code.
 */
import { runCli } from './run';

const code = runCli(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
});
process.exitCode = code;
