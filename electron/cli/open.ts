import { inspectDatabase } from '../core/db/inspect';
import { openDatabase, type Db } from '../core/db/open';
import { latestGoodBackup } from '../core/store';

/**
 * Opens the database for a CLI command, refusing (in one line, naming the newest good backup)
 * a damaged, foreign or newer file instead of migrating it.
 */
export function openForCli(dbPath: string): Db {
  const found = inspectDatabase(dbPath);
  if (!found.ok) {
    const backup = latestGoodBackup(dbPath);
    throw new Error(`${found.message} Nothing was changed.${backup ? ` The newest good backup is backups/${backup.file}: restore it from the app's recovery screen.` : ''}`);
  }
  return openDatabase(dbPath);
}
