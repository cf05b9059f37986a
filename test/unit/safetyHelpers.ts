import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import { fixedClock } from '../../electron/core/clock';
import { closeDatabase, openDatabase } from '../../electron/core/db/open';
import { loadDemo } from '../../electron/core/demo/load';
import { tempDir, TODAY } from './helpers';

export const root = path.resolve(__dirname, '../..');
const children: ChildProcess[] = [];
const mounts: string[] = [];

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  for (const m of mounts.splice(0)) spawnSync('umount', ['-l', m]);
});

/** A demo workbench in a real file, closed, with one good daily backup beside it. */
export function demoFile(dir = tempDir(), withBackup = true): string {
  const dbPath = path.join(dir, 'workbench.db');
  const db = openDatabase(dbPath);
  loadDemo(db, fixedClock(TODAY), 42);
  closeDatabase(db);
  if (withBackup) {
    fs.mkdirSync(path.join(dir, 'backups'), { recursive: true });
    fs.copyFileSync(dbPath, path.join(dir, 'backups', 'workbench-2026-11-23.db'));
  }
  return dbPath;
}

type ChildOptions = { uid?: number; gid?: number; env?: NodeJS.ProcessEnv };

/** A TypeScript script of the project run through tsx, as another user if asked; killed after the test. */
function spawnTs(script: string, args: string[], opts: ChildOptions): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, script), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.gid ?? opts.uid } : {}),
    env: { ...process.env, ...opts.env },
  });
  children.push(child);
  return child;
}

/** Starts a TypeScript child (through tsx) and resolves once it printed `ready`. */
export function startChild(script: string, args: string[], ready = 'locked', opts: ChildOptions = {}): Promise<ChildProcess & { out: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawnTs(script, args, opts);
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${script} did not get ready:\n${out}`)), 20_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      if (out.includes(ready)) {
        clearTimeout(timer);
        resolve(Object.assign(child, { out: () => out }));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!out.includes(ready)) reject(new Error(`${script} exited (${code}) before it was ready:\n${out}`));
    });
  });
}

/** Runs a TypeScript child to the end; returns its exit code and output. */
export function runChild(script: string, args: string[], opts: { uid?: number; gid?: number; env?: NodeJS.ProcessEnv; timeout?: number } = {}): { status: number | null; stdout: string; stderr: string; ms: number } {
  const t = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, script), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: opts.timeout ?? 60_000,
    ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.gid ?? opts.uid } : {}),
    env: { ...process.env, ...opts.env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - t };
}

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
/** The unprivileged account the tests use as "another local user" (nobody). */
export const OTHER_UID = 65534;

/** Mounts a small tmpfs (root only); null where that is not possible. Unmounted after the test. */
export function mountTmpfs(sizeKb: number, options = ''): string | null {
  if (!isRoot) return null;
  const dir = tempDir();
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k${options ? `,${options}` : ''}`, 'tmpfs', dir]);
  if (r.status !== 0) return null;
  mounts.push(dir);
  return dir;
}

/** Remounts a mounted folder read-only (root only). */
export function remountReadOnly(dir: string): boolean {
  return spawnSync('mount', ['-o', 'remount,ro', dir]).status === 0;
}

/** The same without blocking this process (for a child that talks to a server running here). */
export function runChildAsync(script: string, args: string[], opts: ChildOptions = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawnTs(script, args, opts);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}
