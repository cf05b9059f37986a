/**
 * What every shell (desktop app, web preview) does at start: clean what a killed run left
 * behind, then, whenever the database is open (at once, or after an unlock or a recovery), run
 * SQLite's full integrity check in the background and take the daily backup. Failures are
 * reported in one line, never fatal; a failed check is also shown on every screen.
 */
import type { Clock } from './clock';
import { cleanLeftovers } from './data/leftovers';
import { backupIfDue } from './db/backup';
import { checkIntegrity } from './db/integrity';
import type { Store } from './store';

export function startupTasks(store: Store, dbPath: string, clock: Clock, nativeBinding?: string): void {
  try {
    const removed = cleanLeftovers(dbPath);
    if (removed.length) console.log(`Removed ${removed.length} leftover file(s) of an interrupted backup or export: ${removed.join(', ')}`);
  } catch (err) {
    console.error(`Could not clean up leftovers: ${(err as Error).message}`);
  }
  const whenOpen = () => {
    const ctx = store.ctx;
    if (!ctx) return;
    void (async () => {
      const found = await checkIntegrity(ctx.db, dbPath, nativeBinding);
      if (found.state === 'failed') console.error(`${found.message} No automatic backup was taken.`);
      if (found.state === 'not-run') console.error(found.message);
      if (found.state === 'failed' || ctx.readOnly || store.ctx !== ctx) return;
      await backupIfDue(ctx.db, dbPath, clock, nativeBinding, true);
    })().catch((err: Error) => console.error(`Automatic backup failed: ${err.message}`));
  };
  store.onOpen(whenOpen);
  whenOpen();
}
