import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { backupsToPrune, DEFAULT_BACKUP_POLICY } from '../../../shared/domain/backupRotation';
import type { Clock } from '../clock';
import type { Db } from './open';

const NAME = /^workbench-(\d{4}-\d{2}-\d{2})\.db$/;

export const backupDir = (dbPath: string): string => path.join(path.dirname(path.resolve(dbPath)), 'backups');

/**
 * At most one automatic backup a day, taken with SQLite's online backup API (a consistent copy
 * of a live WAL database, never a file copy), then older ones pruned by the rotation policy.
 * Returns the new backup's path, or null when today's already exists.
 */
export async function backupIfDue(db: Db, dbPath: string, clock: Clock, nativeBinding?: string): Promise<string | null> {
  if (dbPath === ':memory:') return null;
  const dir = backupDir(dbPath);
  fs.mkdirSync(dir, { recursive: true });
  const today = clock.today();
  const target = path.join(dir, `workbench-${today}.db`);
  if (fs.existsSync(target)) return null;
  const partial = `${target}.partial`;
  await db.backup(partial);
  // A backup should be one self-contained file: switch the copy out of WAL mode.
  const copy = new Database(partial, nativeBinding ? { nativeBinding } : {}); // Electron's own build in the app
  copy.pragma('journal_mode = DELETE');
  copy.close();
  fs.renameSync(partial, target);
  const dates = fs.readdirSync(dir).flatMap((f) => NAME.exec(f)?.slice(1, 2) ?? []);
  for (const d of backupsToPrune(dates, today, DEFAULT_BACKUP_POLICY)) fs.rmSync(path.join(dir, `workbench-${d}.db`), { force: true });
  return target;
}
