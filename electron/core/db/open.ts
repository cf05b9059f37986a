import Database from 'better-sqlite3';
import path from 'node:path';
import { applyKey } from './cipher';
import { ensurePrivateDir, makePrivateFile } from './fileModes';
import { migrate } from './migrate';
import { refreshPlannerStats } from './plannerStats';
import { completeSearchBacklog } from './searchBacklog';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for another runtime (Electron's ABI). */
  nativeBinding?: string;
  readonly?: boolean;
  /** The passphrase of an encrypted database. */
  key?: string;
}

/** How long a write waits for another program's lock before it gives up (ms). */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (creating if needed) the workbench database with the pragmas every connection
 * needs, then migrates it. WAL keeps readers and the writer apart and survives crashes;
 * synchronous=FULL because these are a manager's only copy of their notes; secure_delete so
 * a deleted note's text is overwritten in the file, not left in a free page. A new file (and
 * a folder the workbench creates for it) is readable by its owner only.
 */
export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  if (file !== ':memory:') {
    ensurePrivateDir(path.dirname(path.resolve(file)));
    if (!opts.readonly) makePrivateFile(file);
  }
  const db = new Database(file, {
    timeout: BUSY_TIMEOUT_MS,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    ...(opts.readonly ? { readonly: true, fileMustExist: true } : {}),
  });
  try {
    if (opts.key) applyKey(db, opts.key);
    if (!opts.readonly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('secure_delete = ON');
    // A VP's org is a few hundred MB: a 64 MB page cache and memory-mapped reads keep the
    // pipeline queries from re-reading scattered pages (measured with scripts/bench.ts).
    db.pragma('cache_size = -65536');
    db.pragma('mmap_size = 268435456');
    db.pragma('temp_store = MEMORY');
    if (!opts.readonly) {
      migrate(db);
      completeSearchBacklog(db); // search entries an import committed without, if it was cut short
      refreshPlannerStats(db);
    }
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

export function closeDatabase(db: Db): void {
  if (!db.open) return;
  try {
    if (!db.readonly) db.pragma('optimize');
  } catch {
    // A read-only or vanished file cannot be optimised; closing still matters.
  } finally {
    db.close();
  }
}
