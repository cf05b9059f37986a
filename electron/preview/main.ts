/**
 * The web preview: the real renderer in any browser, against the real core, on 127.0.0.1.
 *   npm run preview:web -- [--db FILE] [--port N]
 * It prints a link with a per-launch secret; only that link opens it.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock } from '../core/clock';
import { Store } from '../core/store';
import { defaultDbPath, userDataDir } from '../core/paths';
import { startupTasks } from '../core/startup';
import { ownPrivateDir } from '../core/db/fileModes';
import { createPreviewServer } from './server';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    port: { type: 'string', default: '5180' },
    static: { type: 'string', default: path.resolve(__dirname, '../../out/renderer') },
  },
  allowPositionals: false,
});

const dbPath = path.resolve(values.db ?? defaultDbPath());
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number between 0 and 65535 (got “${values.port}”).`);
  process.exit(2);
}

// The desktop app's own data folder is owner-only (a folder given with --db is left as it is).
if (!values.db) ownPrivateDir(userDataDir());

let store: Store;
try {
  store = Store.open(dbPath, systemClock, 'web');
} catch (err) {
  console.error(`Could not open the database at ${dbPath}: ${(err as Error).message}`);
  process.exit(1);
}
if (store.problem) {
  const what = store.problem.kind === 'encrypted' ? 'The database is encrypted: open the link to type its passphrase.' : `${store.problem.message} The preview opens in recovery mode; nothing has been changed.`;
  console.error(what);
}
if (store.ctx?.readOnly) console.error(`Read-only: changes cannot be saved (${store.ctx.readOnly}).`);

const token = randomBytes(24).toString('base64url');
const server = createPreviewServer({ store, staticDir: values.static!, token });

server.on('error', (err: NodeJS.ErrnoException) => {
  console.error(
    err.code === 'EADDRINUSE'
      ? `Port ${port} is already in use. Try --port ${port + 1}.`
      : `The preview server failed: ${err.message}`,
  );
  store.close();
  process.exit(1);
});

// Leftovers of a killed run, then (in the background) the full integrity check and the daily copy.
startupTasks(store, dbPath, systemClock);

server.listen(port, '127.0.0.1', () => {
  const actual = (server.address() as { port: number }).port;
  console.log(`Web preview: http://127.0.0.1:${actual}/?token=${token}  (database: ${dbPath})`);
  console.log('Open that link: it carries this session\'s secret, and the preview answers nothing without it.');
});

const stop = () => {
  server.close();
  try {
    store.close();
  } catch (err) {
    console.error(`Closing the database: ${(err as Error).message}`);
  }
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
