/**
 * SQLite's full integrity_check, which (unlike the quick_check at start) also compares every
 * index with its table: a flipped byte in an index page passes quick_check and is only found
 * here. It runs on a worker thread after start and before each backup; the last result is
 * kept per database so the screens can say when it failed.
 */
import type { IntegrityStatus } from '../../../shared/schemas/backups';
import { keyOf } from './cipher';
import type { Db } from './open';
import { runInWorker } from './worker';

const status = new Map<string, IntegrityStatus>();

export function integrityStatus(dbPath: string): IntegrityStatus {
  return status.get(dbPath) ?? { state: 'unchecked', message: null, checkedAt: null };
}

export function forgetIntegrity(dbPath: string): void {
  status.delete(dbPath);
}

/** Runs the full check on the committed state of `db`'s file; records and returns the result. */
export async function checkIntegrity(db: Db, dbPath: string, nativeBinding?: string): Promise<IntegrityStatus> {
  if (dbPath === ':memory:') return { state: 'ok', message: null, checkedAt: new Date().toISOString() };
  status.set(dbPath, { ...integrityStatus(dbPath), state: 'checking' });
  const key = keyOf(db);
  const r = await runInWorker({ task: 'integrity', file: db.name, ...(key ? { key } : {}), ...(nativeBinding ? { nativeBinding } : {}) });
  const checkedAt = new Date().toISOString();
  const found: IntegrityStatus = r.ok
    ? { state: 'ok', message: null, checkedAt }
    : r.lines?.length
      ? { state: 'failed', message: `SQLite's full integrity check found a problem: ${r.lines.slice(0, 3).join('; ').slice(0, 300)}.`, checkedAt }
      : { state: 'not-run', message: `The full integrity check could not run: ${r.error ?? 'unknown reason'}.`, checkedAt };
  status.set(dbPath, found);
  return found;
}
