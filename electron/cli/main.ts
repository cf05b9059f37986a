/**
 * The workbench CLI, on the same core as the app:  npm run cli -- <command> [options]
 * Errors go to stderr with a non-zero exit code.
 */
import fs from 'node:fs';
import { runCli } from './run';

/** Windows' console takes its text as UTF-16 (WriteConsoleW), which only process.stdout does. */
let viaStream = process.platform === 'win32';

/**
 * Standard output written to the descriptor itself: creating process.stdout loads Node's streams
 * first (4-8 ms of every start, measured). A write that would block (a non-blocking pipe) goes to
 * process.stdout, which waits for it, and so does everything after it, in order.
 */
function writeOut(s: string): void {
  if (viaStream) {
    process.stdout.write(s);
    return;
  }
  const bytes = Buffer.from(s);
  let written = 0;
  try {
    while (written < bytes.length) written += fs.writeSync(1, bytes, written);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
    viaStream = true;
    process.stdout.write(bytes.subarray(written));
  }
}

Promise.resolve(
  runCli(process.argv.slice(2), {
    out: writeOut,
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
