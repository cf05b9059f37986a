/**
 * What a killed process leaves behind, cleaned at start: half-written backups (each a whole
 * copy of the database) and the temporary files of exports and restores (a JSON export is
 * every private note in plain text). Temporary files live in a private folder beside the
 * database, named after the process that made them, so only those of dead processes go.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { processAlive, removeStalePartials } from '../db/backup';
import { ensurePrivateDir } from '../db/fileModes';

const TMP = '.workbench-tmp';
const OWNED = /^(\d+)-/;
const OLD_RESTORE = /^\.restore-.*\.db(-wal|-shm|-journal)?$/;

export const tempRoot = (dbPath: string): string => path.join(path.dirname(path.resolve(dbPath)), TMP);

/** A new owner-only folder for one export or restore; remove it when done. */
export function privateTempDir(dbPath: string): string {
  const dir = path.join(tempRoot(dbPath), `${process.pid}-${randomUUID()}`);
  ensurePrivateDir(dir);
  return dir;
}

/** Removes the leftovers of killed processes; returns what was removed (for the log). */
export function cleanLeftovers(dbPath: string): string[] {
  if (dbPath === ':memory:') return [];
  const removed = removeStalePartials(dbPath).map((f) => path.join('backups', f));
  const root = tempRoot(dbPath);
  if (fs.existsSync(root)) {
    for (const f of fs.readdirSync(root)) {
      const pid = OWNED.exec(f)?.[1];
      if (pid && processAlive(Number(pid))) continue;
      fs.rmSync(path.join(root, f), { recursive: true, force: true });
      removed.push(path.join(TMP, f));
    }
  }
  const dir = path.dirname(path.resolve(dbPath));
  for (const f of fs.readdirSync(dir)) {
    // Restores from older versions built their temporary database beside the live one.
    if (OLD_RESTORE.test(f) || f === `${path.basename(dbPath)}.restoring`) {
      fs.rmSync(path.join(dir, f), { force: true });
      removed.push(f);
    }
  }
  // Exports of older versions of the web preview went to the system's temp folder.
  const tmp = os.tmpdir();
  for (const f of safeList(tmp)) {
    if (!/^wb-(data|pdf)-/.test(f)) continue;
    const full = path.join(tmp, f);
    try {
      const st = fs.statSync(full);
      const mine = typeof process.getuid !== 'function' || st.uid === process.getuid();
      if (mine && Date.now() - st.mtimeMs > 60 * 60_000) {
        fs.rmSync(full, { recursive: true, force: true });
        removed.push(full);
      }
    } catch {
      // gone meanwhile
    }
  }
  return removed;
}

function safeList(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}
