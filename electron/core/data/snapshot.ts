/**
 * Exports read a committed snapshot. An import holds the one writing connection's transaction
 * open across many event-loop turns; anything read through that connection would include rows
 * that may never commit. A second, read-only connection in one read transaction sees exactly
 * the last committed state (WAL keeps it apart from the writer), so an export taken during an
 * import is the store as it was before the import, and consistent across tables.
 */
import Database from 'better-sqlite3';
import type { Ctx } from '../context';
import { applyKey, keyOf } from '../db/cipher';
import type { Db } from '../db/open';
import { ConflictError } from '../errors';

export function withSnapshot<T>(ctx: Ctx, read: (db: Db) => T): T {
  if (ctx.dbPath === ':memory:' || !ctx.db.name || ctx.db.memory) {
    if (ctx.db.inTransaction) throw new ConflictError('An import is being written. Export when it has finished.');
    return read(ctx.db);
  }
  const db = new Database(ctx.db.name, { readonly: true, fileMustExist: true, timeout: 5000, ...(ctx.nativeBinding ? { nativeBinding: ctx.nativeBinding } : {}) });
  try {
    const key = keyOf(ctx.db);
    if (key) applyKey(db, key);
    db.pragma('foreign_keys = ON');
    db.exec('BEGIN');
    db.prepare('SELECT COUNT(*) FROM sqlite_master').get(); // the snapshot starts at the first read
    try {
      return read(db);
    } finally {
      db.exec('COMMIT');
    }
  } finally {
    db.close();
  }
}
