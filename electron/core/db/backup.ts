import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { backupsToPrune, DEFAULT_BACKUP_POLICY } from '../../../shared/domain/backupRotation';
import type { BackupInfo, BackupKind } from '../../../shared/schemas/backups';
import type { Clock } from '../clock';
import { InvalidError } from '../errors';
import type { Db } from './open';

const DAILY = /^workbench-(\d{4}-\d{2}-\d{2})\.db$/;
const EVENT = /^workbench-(\d{4}-\d{2}-\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})-(before-import|before-restore|manual)\.db$/;

export const backupDir = (dbPath: string): string => path.join(path.dirname(path.resolve(dbPath)), 'backups');

/**
 * A consistent copy of the live database through SQLite's online backup API (never a file
 * copy of a WAL database), switched out of WAL mode so it is one self-contained file, and
 * renamed into place only when complete.
 */
async function copyLive(db: Db, target: string, nativeBinding?: string): Promise<void> {
  const partial = `${target}.partial`;
  await db.backup(partial);
  const copy = new Database(partial, nativeBinding ? { nativeBinding } : {}); // Electron's own build in the app
  copy.pragma('journal_mode = DELETE');
  copy.close();
  fs.renameSync(partial, target);
}

/**
 * At most one automatic backup a day, then older ones pruned by the rotation policy.
 * Returns the new backup's path, or null when today's already exists.
 */
export async function backupIfDue(db: Db, dbPath: string, clock: Clock, nativeBinding?: string): Promise<string | null> {
  if (dbPath === ':memory:') return null;
  const dir = backupDir(dbPath);
  fs.mkdirSync(dir, { recursive: true });
  const today = clock.today();
  const target = path.join(dir, `workbench-${today}.db`);
  if (fs.existsSync(target)) return null;
  await copyLive(db, target, nativeBinding);
  const dates = fs.readdirSync(dir).flatMap((f) => DAILY.exec(f)?.slice(1, 2) ?? []);
  for (const d of backupsToPrune(dates, today, DEFAULT_BACKUP_POLICY)) fs.rmSync(path.join(dir, `workbench-${d}.db`), { force: true });
  return target;
}

/**
 * A backup right now, before an import or a restore or because the manager asked; the
 * newest `keep` of these are kept (the daily ones rotate on their own).
 */
export async function backupNow(db: Db, dbPath: string, clock: Clock, kind: Exclude<BackupKind, 'daily'>, keep: number, nativeBinding?: string): Promise<string> {
  const dir = backupDir(dbPath);
  fs.mkdirSync(dir, { recursive: true });
  // Milliseconds in the name, never before the newest existing one (a clock that stepped back
  // would otherwise make the new backup the oldest, and the rotation would delete it at once).
  const newest = listBackups(dbPath).find((b) => b.kind !== 'daily');
  let at = Math.max(clock.now().getTime(), newest ? Date.parse(newest.takenAt) + 1 : 0);
  const name = () => `workbench-${new Date(at).toISOString().slice(0, 23).replace(/[:.]/g, '')}-${kind}.db`;
  while (fs.existsSync(path.join(dir, name()))) at++;
  const target = path.join(dir, name());
  await copyLive(db, target, nativeBinding);
  const events = listBackups(dbPath).filter((b) => b.kind !== 'daily');
  for (const old of events.slice(Math.max(1, keep))) fs.rmSync(path.join(dir, old.file), { force: true });
  return target;
}

/** Every backup beside the database, newest first. */
export function listBackups(dbPath: string): BackupInfo[] {
  const dir = backupDir(dbPath);
  if (!fs.existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const file of fs.readdirSync(dir)) {
    const d = DAILY.exec(file);
    const e = EVENT.exec(file);
    if (!d && !e) continue;
    const stat = fs.statSync(path.join(dir, file));
    out.push(
      d
        ? { file, kind: 'daily', takenAt: stat.mtime.toISOString(), day: d[1]!, size: stat.size }
        : { file, kind: e![6] as BackupKind, takenAt: `${e![1]}T${e![2]}:${e![3]}:${e![4]}.${e![5]}Z`, day: e![1]!, size: stat.size },
    );
  }
  return out.sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.file.localeCompare(a.file));
}

/** The full path of a listed backup; anything else (another folder, a made-up name) is refused. */
export function backupPath(dbPath: string, file: string): string {
  if (!DAILY.test(file) && !EVENT.test(file)) throw new InvalidError(`“${file}” is not one of the workbench's backups.`, 'file');
  const full = path.join(backupDir(dbPath), file);
  if (!fs.existsSync(full)) throw new InvalidError(`The backup “${file}” is no longer there.`, 'file');
  return full;
}
