import type { Clock } from './clock';
import type { Db } from './db/open';

/** What every core function needs: the open database, the clock, and where it runs. */
export interface Ctx {
  db: Db;
  clock: Clock;
  dbPath: string;
  shell: 'electron' | 'web';
}
