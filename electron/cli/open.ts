import fs from 'node:fs';
import path from 'node:path';
import { inspectDatabase } from '../core/db/inspect';
import { LATEST_VERSION } from '../core/db/migrations';
import { openDatabase, type Db } from '../core/db/open';
import { latestGoodBackup, readOnlyReason } from '../core/store';

/**
 * better-sqlite3's compiled addon, named by its path. Without one, better-sqlite3 asks the
 * `bindings` package, which tries a dozen places and reads a stack trace to find it, at every
 * start. Undefined (better-sqlite3 then looks itself) when it is not where a build puts it.
 */
export function sqliteAddon(): string | undefined {
  try {
    const file = path.join(path.dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
    return fs.existsSync(file) ? file : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Opens the database for a CLI command, refusing (in one line, naming the newest good backup)
 * a damaged, foreign or newer file instead of migrating it. A busy file is reported as busy,
 * never as damaged; an encrypted one is opened with WORKBENCH_PASSPHRASE; a read-only one is
 * opened read-only (reports work, changes are refused).
 */
export function openForCli(dbPath: string): Db {
  const key = process.env.WORKBENCH_PASSPHRASE || undefined;
  const addon = sqliteAddon();
  const found = inspectDatabase(dbPath, { ...(key ? { key } : {}), ...(addon ? { nativeBinding: addon } : {}) });
  if (!found.ok) {
    if (found.kind === 'encrypted' && !key) throw new Error('The database is encrypted: set WORKBENCH_PASSPHRASE to its passphrase. Nothing was changed.');
    if (found.kind === 'locked' || found.kind === 'unreadable') throw new Error(`${found.message} Try again when it is free.`);
    const backup = latestGoodBackup(dbPath, addon, key);
    throw new Error(`${found.message} Nothing was changed.${backup ? ` The newest good backup is backups/${backup.file}: restore it from the app's recovery screen.` : ''}`);
  }
  const readOnly = readOnlyReason(dbPath);
  if (readOnly && found.ok && !found.empty) {
    if (found.version < LATEST_VERSION) throw new Error(`The database is read-only (${readOnly}) and needs an update this version cannot write. Nothing was changed.`);
    return openDatabase(dbPath, { readonly: true, ...(key ? { key } : {}), ...(addon ? { nativeBinding: addon } : {}) });
  }
  return openDatabase(dbPath, { ...(key ? { key } : {}), ...(addon ? { nativeBinding: addon } : {}) });
}
