import Database from 'better-sqlite3';
import fs from 'node:fs';
import { LATEST_VERSION } from './migrations';

export type Inspection =
  | { ok: true; version: number; empty: boolean }
  | { ok: false; kind: 'corrupt' | 'foreign' | 'newer'; message: string };

/**
 * Looks at a database file without changing a byte (read-only, no migration, no WAL switch):
 * is it SQLite at all, does it pass SQLite's own check, is it a workbench database, and not
 * one from a newer version? Used at start and before restoring any file.
 */
export function inspectDatabase(file: string, nativeBinding?: string): Inspection {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return { ok: true, version: 0, empty: true };
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
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
    const code = (err as { code?: string }).code ?? '';
    const what = code === 'SQLITE_NOTADB' ? 'is not a database (it may be damaged or another kind of file)' : `could not be read (${(err as Error).message})`;
    return { ok: false, kind: 'corrupt', message: `The file ${what}.` };
  } finally {
    db?.close();
  }
}
