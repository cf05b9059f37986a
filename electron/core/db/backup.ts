import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { backupsToPrune, DEFAULT_BACKUP_POLICY } from '../../../shared/domain/backupRotation';
import type { BackupInfo, BackupKind } from '../../../shared/schemas/backups';
import type { Clock } from '../clock';
import { ConflictError, InvalidError } from '../errors';
import { keyOf } from './cipher';
import { ownPrivateDir, PRIVATE_FILE_MODE } from './fileModes';
import { checkIntegrity } from './integrity';
import type { Db } from './open';
import { runInWorker } from './worker';

const DAILY = /^workbench-(\d{4}-\d{2}-\d{2})\.db$/;
const EVENT = /^workbench-(\d{4}-\d{2}-\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})-(before-import|before-restore|manual)\.db$/;

export const backupDir = (dbPath: string): string => path.join(path.dirname(path.resolve(dbPath)), 'backups');

/** A copy in progress: `<target>.<pid>.partial`, so a leftover of a killed process can be told apart. */
const PARTIAL = /^(workbench-.+\.db)\.(\d+)\.partial(-journal|-wal|-shm)?$/;

/**
 * A consistent copy of the live database through SQLite's online backup API (never a file
 * copy of a WAL database), switched out of WAL mode so it is one self-contained file, and
 * renamed into place only when complete. An encrypted database is copied with VACUUM INTO on
 * a worker thread instead (the backup API cannot write an encrypted copy): the copy is
 * encrypted with the same passphrase. The copy is owner-only from its first byte.
 */
async function copyLive(db: Db, target: string, nativeBinding?: string): Promise<void> {
  const partial = `${target}.${process.pid}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    const key = keyOf(db);
    // A read-only connection's backup can spin forever on a read-only -shm (seen at 100 % CPU):
    // a read-only database is copied by a fresh connection on a worker instead.
    if (key || db.readonly) {
      const r = await runInWorker({ task: 'vacuumInto', file: db.name, target: partial, ...(key ? { key } : {}), ...(nativeBinding ? { nativeBinding } : {}) });
      if (!r.ok) throw Object.assign(new Error(r.error ?? 'the copy failed'), { code: r.code });
      fs.chmodSync(partial, PRIVATE_FILE_MODE);
    } else {
      fs.writeFileSync(partial, '', { mode: PRIVATE_FILE_MODE });
      await db.backup(partial, { progress: stallGuard() });
      const copy = new Database(partial, nativeBinding ? { nativeBinding } : {}); // Electron's own build in the app
      copy.pragma('journal_mode = DELETE');
      copy.close();
    }
    fs.renameSync(partial, target);
  } catch (err) {
    for (const ext of ['', '-journal', '-wal', '-shm']) fs.rmSync(`${partial}${ext}`, { force: true });
    throw err;
  }
}

/**
 * SQLite's backup API retries a busy step for ever. Give up, with a sentence, when no page has
 * moved for 10 seconds (another program holding the database all that time).
 */
function stallGuard(limitMs = 10_000): (p: { remainingPages: number }) => number {
  let last = -1;
  let since = Date.now();
  return (p) => {
    if (p.remainingPages !== last) {
      last = p.remainingPages;
      since = Date.now();
    } else if (Date.now() - since > limitMs) {
      throw Object.assign(new Error('The backup could not read the database: another program kept it busy. Nothing was changed.'), { code: 'SQLITE_BUSY' });
    }
    return 100;
  };
}

/**
 * Before any backup, SQLite's full integrity check: a backup of a damaged file would rotate
 * the good ones out. When it fails, no backup is taken and the older ones stay as they are.
 */
async function assertHealthy(db: Db, dbPath: string, nativeBinding?: string): Promise<void> {
  const found = await checkIntegrity(db, dbPath, nativeBinding);
  if (found.state === 'failed') {
    throw new ConflictError(`${found.message} No backup was taken, so the older backups are kept as they are. Restore one, or export your data.`);
  }
}

/** Whether a process id is still running (a leftover of a dead one is safe to remove). */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes half-written backups left by a process that was killed while copying. Returns the names. */
export function removeStalePartials(dbPath: string): string[] {
  const dir = backupDir(dbPath);
  if (!fs.existsSync(dir)) return [];
  const removed: string[] = [];
  for (const f of fs.readdirSync(dir)) {
    const m = PARTIAL.exec(f);
    // Older versions wrote "<target>.partial" (no pid): always a leftover by now.
    const legacy = /^workbench-.+\.db\.partial(-journal|-wal|-shm)?$/.test(f);
    if ((m && !processAlive(Number(m[2]))) || legacy) {
      fs.rmSync(path.join(dir, f), { force: true });
      removed.push(f);
    }
  }
  return removed;
}

/**
 * At most one automatic backup a day, then older ones pruned by the rotation policy.
 * Returns the new backup's path, or null when today's already exists.
 */
export async function backupIfDue(db: Db, dbPath: string, clock: Clock, nativeBinding?: string, alreadyChecked = false): Promise<string | null> {
  if (dbPath === ':memory:') return null;
  const dir = backupDir(dbPath);
  ownPrivateDir(dir);
  const today = clock.today();
  const target = path.join(dir, `workbench-${today}.db`);
  if (fs.existsSync(target)) return null;
  if (!alreadyChecked) await assertHealthy(db, dbPath, nativeBinding);
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
  ownPrivateDir(dir);
  await assertHealthy(db, dbPath, nativeBinding);
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
