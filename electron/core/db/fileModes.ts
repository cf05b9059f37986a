/**
 * Owner-only files: on Linux and macOS a manager's notes are not for the other accounts on the
 * machine. Folders the workbench creates are 0700, its database, backups and exports 0600, and
 * its own files found looser (from an older version) are tightened. Windows keeps its ACLs.
 */
import fs from 'node:fs';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const posix = process.platform !== 'win32';
const mine = (st: fs.Stats) => typeof process.getuid !== 'function' || st.uid === process.getuid();

/** Creates the folder (and any missing parents) owner-only; an existing folder is left as it is. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** Creates the folder owner-only, or tightens it if it exists: for the workbench's own folders. */
export function ownPrivateDir(dir: string): void {
  ensurePrivateDir(dir);
  tighten(dir, PRIVATE_DIR_MODE);
}

/** Creates an empty owner-only file if there is none, or tightens the file and its WAL companions. */
export function makePrivateFile(file: string): void {
  if (!posix) return;
  try {
    fs.writeFileSync(file, '', { flag: 'wx', mode: PRIVATE_FILE_MODE });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  for (const f of [file, `${file}-wal`, `${file}-shm`]) tighten(f, PRIVATE_FILE_MODE);
}

/** Takes group and other permissions away from one of our own files or folders. */
export function tighten(target: string, mode: number): void {
  if (!posix) return;
  try {
    const st = fs.statSync(target);
    if ((st.mode & 0o077) !== 0 && mine(st)) fs.chmodSync(target, mode);
  } catch {
    // Missing, or not ours to change (a read-only disk): opening reports what matters.
  }
}
