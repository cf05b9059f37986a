import type { Clock } from './clock';
import type { Db } from './db/open';

/**
 * What every core function needs: the open database, the clock, and where it runs. `db` is
 * replaced when the manager restores a backup, so handlers always read it from here.
 */
export interface Ctx {
  db: Db;
  clock: Clock;
  dbPath: string;
  shell: 'electron' | 'web';
  /** Electron's own build of the SQLite driver, when running in the app. */
  nativeBinding?: string;
  /** Why the file cannot be written (it was opened read-only), or null. */
  readOnly?: string | null;
}
