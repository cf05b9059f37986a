/**
 * The web preview: the real renderer in any browser, against the real core, on 127.0.0.1.
 *   npm run preview:web -- [--db FILE] [--port N]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock } from '../core/clock';
import { closeDatabase } from '../core/db/open';
import { Store } from '../core/store';
import { defaultDbPath } from '../core/paths';
import { backupIfDue } from '../core/db/backup';
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

let store: Store;
try {
  store = Store.open(dbPath, systemClock, 'web');
} catch (err) {
  console.error(`Could not open the database at ${dbPath}: ${(err as Error).message}`);
  process.exit(1);
}
if (store.problem) console.error(`${store.problem.message} The preview opens in recovery mode; nothing has been changed.`);
const server = createPreviewServer({ store, staticDir: values.static! });

server.on('error', (err: NodeJS.ErrnoException) => {
  console.error(
    err.code === 'EADDRINUSE'
      ? `Port ${port} is already in use. Try --port ${port + 1}.`
      : `The preview server failed: ${err.message}`,
  );
  if (store.ctx) closeDatabase(store.ctx.db);
  process.exit(1);
});

// Daily safety copy in the background; a failure is reported, never fatal.
if (store.ctx) backupIfDue(store.ctx.db, dbPath, systemClock).catch((err: Error) => console.error(`Automatic backup failed: ${err.message}`));

server.listen(port, '127.0.0.1', () => {
  const actual = (server.address() as { port: number }).port;
  console.log(`Web preview: http://127.0.0.1:${actual}/  (database: ${dbPath})`);
});

const stop = () => {
  server.close();
  if (store.ctx) closeDatabase(store.ctx.db);
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
