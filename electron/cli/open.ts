import { inspectDatabase } from '../core/db/inspect';
import { LATEST_VERSION } from '../core/db/migrations';
import { openDatabase, type Db } from '../core/db/open';
import { latestGoodBackup, readOnlyReason } from '../core/store';

/**
 * Opens the database for a CLI command, refusing (in one line, naming the newest good backup)
 * a damaged, foreign or newer file instead of migrating it. A busy file is reported as busy,
 * never as damaged; an encrypted one is opened with WORKBENCH_PASSPHRASE; a read-only one is
 * opened read-only (reports work, changes are refused).
 */
export function openForCli(dbPath: string): Db {
  const key = process.env.WORKBENCH_PASSPHRASE || undefined;
  const found = inspectDatabase(dbPath, key ? { key } : {});
  if (!found.ok) {
    if (found.kind === 'encrypted' && !key) throw new Error('The database is encrypted: set WORKBENCH_PASSPHRASE to its passphrase. Nothing was changed.');
    if (found.kind === 'locked' || found.kind === 'unreadable') throw new Error(`${found.message} Try again when it is free.`);
    const backup = latestGoodBackup(dbPath, undefined, key);
    throw new Error(`${found.message} Nothing was changed.${backup ? ` The newest good backup is backups/${backup.file}: restore it from the app's recovery screen.` : ''}`);
  }
  const readOnly = readOnlyReason(dbPath);
  if (readOnly && found.ok && !found.empty) {
    if (found.version < LATEST_VERSION) throw new Error(`The database is read-only (${readOnly}) and needs an update this version cannot write. Nothing was changed.`);
    return openDatabase(dbPath, { readonly: true, ...(key ? { key } : {}) });
  }
  return openDatabase(dbPath, key ? { key } : {});
}
