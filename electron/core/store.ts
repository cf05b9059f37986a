/**
 * The open store, or the reason it could not be opened. At start the file is inspected
 * without changing it; a damaged, foreign or newer file is never migrated or overwritten.
 * Instead only the recovery calls are served, offering the newest backup that passes its own
 * check; recovering moves the bad file aside (kept, renamed) and copies that backup in.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, StoreProblem } from '../../shared/schemas/backups';
import { fail, ok, type Result } from '../../shared/result';
import { dispatchAsync, toFailure } from './api/dispatch';
import { backupFileInput } from '../../shared/schemas/backups';
import type { Clock } from './clock';
import type { Ctx } from './context';
import { backupPath, listBackups } from './db/backup';
import { inspectDatabase } from './db/inspect';
import { openDatabase } from './db/open';
import { InvalidError } from './errors';

export class Store {
  ctx: Ctx | null = null;
  problem: StoreProblem | null = null;

  private constructor(
    readonly dbPath: string,
    readonly clock: Clock,
    readonly shell: Ctx['shell'],
    readonly nativeBinding?: string,
  ) {}

  /** Inspects the file, then opens (and migrates) it, or records why it must not be. */
  static open(dbPath: string, clock: Clock, shell: Ctx['shell'], nativeBinding?: string): Store {
    const store = new Store(dbPath, clock, shell, nativeBinding);
    const found = inspectDatabase(dbPath, nativeBinding);
    if (found.ok) store.open();
    else store.problem = { kind: found.kind, message: found.message, dbPath, latestGood: latestGoodBackup(dbPath, nativeBinding) };
    return store;
  }

  /** A store around a database that is already open (tests, the CLI). */
  static of(ctx: Ctx): Store {
    const store = new Store(ctx.dbPath, ctx.clock, ctx.shell, ctx.nativeBinding);
    store.ctx = ctx;
    return store;
  }

  private open(): void {
    const db = openDatabase(this.dbPath, this.nativeBinding ? { nativeBinding: this.nativeBinding } : {});
    this.ctx = { db, clock: this.clock, dbPath: this.dbPath, shell: this.shell, ...(this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}) };
    this.problem = null;
  }

  /** Every transport's entry: the normal API when open, the recovery calls when not. */
  async dispatch(name: unknown, input: unknown): Promise<Result<unknown>> {
    if (this.ctx) return dispatchAsync(this.ctx, name, input);
    if (name === 'recovery.status') return ok(this.problem);
    if (name === 'recovery.restore') {
      try {
        const { file } = backupFileInput.parse(input ?? {});
        recoverFromBackup(this.dbPath, file, this.nativeBinding, this.clock);
        this.open();
        return ok(null);
      } catch (err) {
        return toFailure(err, 'recovery.restore');
      }
    }
    return fail('conflict', `The database could not be opened: ${this.problem?.message ?? 'unknown problem'}`);
  }
}

/** The newest backup that is itself a healthy workbench database. */
export function latestGoodBackup(dbPath: string, nativeBinding?: string): BackupInfo | null {
  for (const b of listBackups(dbPath)) {
    const found = inspectDatabase(path.join(path.dirname(path.resolve(dbPath)), 'backups', b.file), nativeBinding);
    if (found.ok && !found.empty) return b;
  }
  return null;
}

/** Keeps the bad file (renamed with the time) and puts the chosen backup in its place. */
export function recoverFromBackup(dbPath: string, file: string, nativeBinding: string | undefined, clock: Clock): string {
  const source = backupPath(dbPath, file);
  const found = inspectDatabase(source, nativeBinding);
  if (!found.ok || found.empty) throw new InvalidError(`That backup cannot be used: ${found.ok ? 'it is empty' : found.message}`, 'file');
  const aside = `${dbPath}.damaged-${clock.now().toISOString().slice(0, 19).replace(/:/g, '')}`;
  for (const ext of ['', '-wal', '-shm']) if (fs.existsSync(`${dbPath}${ext}`)) fs.renameSync(`${dbPath}${ext}`, `${aside}${ext}`);
  fs.copyFileSync(source, `${dbPath}.restoring`);
  fs.renameSync(`${dbPath}.restoring`, dbPath);
  return aside;
}
