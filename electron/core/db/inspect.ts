import Database from 'better-sqlite3';
import fs from 'node:fs';
import { LATEST_VERSION } from './migrations';
import { sqliteTrouble } from './sqliteErrors';
import { applyKey } from './cipher';

export type ProblemKind = 'corrupt' | 'foreign' | 'newer' | 'locked' | 'unreadable' | 'encrypted';

export type Inspection =
  | { ok: true; version: number; empty: boolean }
  | { ok: false; kind: ProblemKind; message: string };

export interface InspectOptions {
  nativeBinding?: string;
  /** How long to wait for another program's lock before calling the file locked (ms). */
  waitMs?: number;
  /** The passphrase of an encrypted database. */
  key?: string;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** The first 16 bytes of the file: SQLite's magic string, or (encrypted files) random-looking bytes. */
function header(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    fs.readSync(fd, buf, 0, 16, 0);
    return buf;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * An encrypted database shows no SQLite header, only whole pages of random-looking bytes. A
 * damaged file can look the same, so the unlock screen says both and still offers backups.
 */
export function looksEncrypted(file: string): boolean {
  try {
    const size = fs.statSync(file).size;
    if (size < 1024 || size % 512 !== 0) return false;
    const h = header(file);
    if (h.equals(SQLITE_MAGIC)) return false;
    // Random bytes: many distinct values, several outside printable ASCII (text or zeros are not).
    return new Set(h).size >= 10 && [...h].filter((b) => b < 0x20 || b > 0x7e).length >= 3;
  } catch {
    return false;
  }
}

/**
 * Looks at a database file without changing a byte (read-only, no migration, no WAL switch):
 * is it SQLite at all, does it pass SQLite's own check, is it a workbench database, and not
 * one from a newer version? Used at start and before restoring any file.
 *
 * Only a file that can be read and then fails its check is damaged. A lock held by another
 * program (another instance, a sync client, a backup tool) is waited out for `waitMs`, then
 * reported as locked; a file that cannot be opened at all (permissions, a missing disk) is
 * unreadable. Neither is ever offered a restore.
 */
export function inspectDatabase(file: string, opts: InspectOptions | string = {}): Inspection {
  const o: InspectOptions = typeof opts === 'string' ? { nativeBinding: opts } : opts;
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return { ok: true, version: 0, empty: true };
  let db: Database.Database | null = null;
  try {
    if (!o.key && looksEncrypted(file)) {
      return { ok: false, kind: 'encrypted', message: 'The database is encrypted (or damaged beyond recognition): it needs its passphrase.' };
    }
    db = new Database(file, { readonly: true, fileMustExist: true, timeout: o.waitMs ?? 3000, ...(o.nativeBinding ? { nativeBinding: o.nativeBinding } : {}) });
    if (o.key) applyKey(db, o.key);
    // The check reads every page once: a small page cache does, and spares allocating one the size
    // of the file (up to 2 MB) for a connection closed right after (a third of the check's time).
    db.pragma('cache_size = -64');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') return { ok: false, kind: 'corrupt', message: `The database failed SQLite's integrity check (${String(check).slice(0, 120)}).` };
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]));
    const version = db.pragma('user_version', { simple: true }) as number;
    if (tables.size === 0 && version === 0) return { ok: true, version: 0, empty: true };
    if (!tables.has('schema_migrations') || !tables.has('reps') || !tables.has('deals')) {
      return { ok: false, kind: 'foreign', message: 'This file is an SQLite database, but not a Sales Manager Workbench one.' };
    }
    if (version > LATEST_VERSION) {
      return { ok: false, kind: 'newer', message: `This database was written by a newer version of the workbench (schema ${version}; this version reads up to ${LATEST_VERSION}).` };
    }
    return { ok: true, version, empty: false };
  } catch (err) {
    const trouble = sqliteTrouble(err);
    if (trouble === 'busy') {
      return {
        ok: false,
        kind: 'locked',
        message: 'Another program is using the database (another copy of the workbench, a sync client or a backup tool). Nothing has been changed.',
      };
    }
    if (trouble === 'notadb' && o.key) return { ok: false, kind: 'encrypted', message: 'The passphrase is not right (or the file is damaged).' };
    if (trouble === 'notadb' || trouble === 'corrupt') {
      const what = trouble === 'notadb' ? 'is not a database (it may be damaged or another kind of file)' : `is damaged (${(err as Error).message})`;
      return { ok: false, kind: 'corrupt', message: `The file ${what}.` };
    }
    return { ok: false, kind: 'unreadable', message: `The file could not be opened (${(err as Error).message}). It may be on a disk that is not available, or its permissions may have changed.` };
  } finally {
    db?.close();
  }
}
