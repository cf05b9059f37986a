/**
 * The open store, or the reason it could not be opened. At start the file is inspected
 * without changing it; a damaged, foreign or newer file is never migrated or overwritten.
 * Instead only the recovery calls are served, offering the newest backup that passes its own
 * check; recovering moves the bad file aside (kept, renamed) and copies that backup in.
 *
 * A file that is merely busy (another program holds its lock) or cannot be opened is not
 * damaged: the manager is told so and offered to try again, never a restore. A read-only file
 * opens read-only. An encrypted file waits for its passphrase, and locks itself again after
 * the idle time set in Settings.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, StoreProblem } from '../../shared/schemas/backups';
import { backupFileInput, passphraseInput } from '../../shared/schemas/backups';
import { fail, ok, type Result } from '../../shared/result';
import { dispatchAsync, toFailure } from './api/dispatch';
import type { Clock } from './clock';
import type { Ctx } from './context';
import { backupPath, listBackups } from './db/backup';
import { keyOf } from './db/cipher';
import { inspectDatabase, type InspectOptions } from './db/inspect';
import { forgetIntegrity } from './db/integrity';
import { LATEST_VERSION } from './db/migrations';
import { closeDatabase, openDatabase } from './db/open';
import { sqliteTrouble } from './db/sqliteErrors';
import { InvalidError } from './errors';
import { getSettings } from './repos/settings';

export interface StoreOptions {
  /** How long to wait for another program's lock at start (ms). */
  waitMs?: number;
}

/** Calls that only look at the store's state: they do not count as use for the idle lock. */
const PASSIVE = new Set(['recovery.status', 'store.status', 'import.progress']);

/** The kinds of problem for which restoring a backup is offered (the file was read and is wrong). */
const RESTORABLE = new Set<StoreProblem['kind']>(['corrupt', 'foreign', 'newer', 'empty', 'encrypted']);

export class Store {
  ctx: Ctx | null = null;
  problem: StoreProblem | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private opened: (() => void) | null = null;

  private constructor(
    readonly dbPath: string,
    readonly clock: Clock,
    readonly shell: Ctx['shell'],
    readonly nativeBinding?: string,
    private readonly opts: StoreOptions = {},
  ) {}

  /** Inspects the file, then opens (and migrates) it, or records why it must not be. */
  static open(dbPath: string, clock: Clock, shell: Ctx['shell'], nativeBinding?: string, opts: StoreOptions = {}): Store {
    const store = new Store(dbPath, clock, shell, nativeBinding, opts);
    store.tryOpen();
    return store;
  }

  /** A store around a database that is already open (tests, the CLI). */
  static of(ctx: Ctx): Store {
    const store = new Store(ctx.dbPath, ctx.clock, ctx.shell, ctx.nativeBinding);
    store.ctx = ctx;
    return store;
  }

  /** Called each time the database is opened after a recovery, an unlock or a retry. */
  onOpen(fn: () => void): void {
    this.opened = fn;
  }

  private inspectOptions(key?: string): InspectOptions {
    return { waitMs: this.opts.waitMs ?? 3000, ...(this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}), ...(key ? { key } : {}) };
  }

  private setProblem(kind: StoreProblem['kind'], message: string, key?: string): void {
    this.ctx = null;
    this.problem = { kind, message, dbPath: this.dbPath, latestGood: RESTORABLE.has(kind) ? latestGoodBackup(this.dbPath, this.nativeBinding, key) : null };
  }

  /** Decides what to do with the file: open it (read-only if it must), or say why not. */
  private tryOpen(key?: string): void {
    const exists = fs.existsSync(this.dbPath);
    if (exists && fs.statSync(this.dbPath).size === 0) {
      // A zero-byte file beside good backups is far more likely a lost file than a new start.
      const good = latestGoodBackup(this.dbPath, this.nativeBinding, key);
      if (good) {
        this.problem = {
          kind: 'empty',
          message: 'The database file is empty (0 bytes), but there are backups beside it. Restore the newest, or start a new, empty workbench.',
          dbPath: this.dbPath,
          latestGood: good,
        };
        return;
      }
    }
    const readOnly = exists ? readOnlyReason(this.dbPath) : null;
    const found = inspectDatabase(this.dbPath, this.inspectOptions(key));
    if (!found.ok && readOnly && found.kind === 'unreadable') {
      // A WAL database in a folder that cannot be written cannot be read either (no -shm file).
      return this.setProblem('readonly', `The database is read-only (${readOnly}) and cannot be opened from here. Copy it to a folder you can write to.`);
    }
    if (!found.ok) return this.setProblem(found.kind, found.message, key);
    if (readOnly && found.version !== 0 && found.version < LATEST_VERSION) {
      return this.setProblem('readonly', `The database is read-only (${readOnly}) and this version needs to update it before it can be opened. Make it writable, or copy it to a folder you can write to.`);
    }
    try {
      this.open(readOnly, key);
    } catch (err) {
      const trouble = sqliteTrouble(err);
      if (trouble === 'busy') return this.setProblem('locked', 'Another program is using the database (another copy of the workbench, a sync client or a backup tool). Nothing has been changed.');
      if (readOnly || trouble === 'readonly') return this.setProblem('readonly', `The database is read-only (${readOnly ?? 'the disk refused to write'}) and cannot be opened from here. Copy it to a folder you can write to.`);
      return this.setProblem('unreadable', `The database could not be opened (${(err as Error).message}). Nothing has been changed.`);
    }
  }

  private open(readOnly: string | null = null, key?: string): void {
    const db = openDatabase(this.dbPath, {
      ...(this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}),
      ...(readOnly ? { readonly: true } : {}),
      ...(key ? { key } : {}),
    });
    forgetIntegrity(this.dbPath);
    this.ctx = { db, clock: this.clock, dbPath: this.dbPath, shell: this.shell, readOnly, ...(this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}) };
    this.problem = null;
    this.touch();
    this.opened?.();
  }

  /** Closes the database and forgets the passphrase: the next call must unlock it again. */
  lock(): void {
    if (!this.ctx) return;
    closeDatabase(this.ctx.db);
    this.ctx = null;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.problem = { kind: 'encrypted', message: 'The workbench is locked. Type the passphrase to open it.', dbPath: this.dbPath, latestGood: null };
  }

  close(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.ctx) closeDatabase(this.ctx.db);
    this.ctx = null;
  }

  /** Restarts the idle lock of an encrypted database (the minutes are a setting). */
  private touch(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const ctx = this.ctx;
    if (!ctx || !keyOf(ctx.db)) return;
    const minutes = getSettings(ctx.db).idleLockMinutes;
    if (minutes <= 0) return;
    this.idleTimer = setTimeout(() => {
      // Never in the middle of an import: check again later.
      if (this.ctx?.db.inTransaction) return this.touch();
      this.lock();
    }, minutes * 60_000);
    this.idleTimer.unref();
  }

  /** Every transport's entry: the normal API when open, the recovery calls when not. */
  async dispatch(name: unknown, input: unknown): Promise<Result<unknown>> {
    if (this.ctx) {
      if (name === 'security.lock') {
        if (!keyOf(this.ctx.db)) return fail('invalid', 'Only an encrypted workbench can be locked: encrypt it first.');
        this.lock();
        return ok(null);
      }
      const result = await dispatchAsync(this.ctx, name, input);
      if (this.ctx && !PASSIVE.has(String(name))) this.touch();
      return result;
    }
    if (name === 'recovery.status') return ok(this.problem);
    if (name === 'recovery.retry') {
      this.tryOpen();
      return ok(this.problem);
    }
    if (name === 'recovery.unlock') {
      try {
        const { passphrase } = passphraseInput.parse(input ?? {});
        const found = inspectDatabase(this.dbPath, this.inspectOptions(passphrase));
        if (!found.ok) return fail('invalid', found.kind === 'encrypted' ? 'That passphrase does not open this database.' : found.message, 'passphrase');
        this.tryOpen(passphrase);
        return ok(this.problem);
      } catch (err) {
        return toFailure(err, 'recovery.unlock');
      }
    }
    if (name === 'recovery.startFresh') {
      if (this.problem?.kind !== 'empty') return fail('conflict', 'Only an empty database file can be started afresh.');
      this.open();
      return ok(null);
    }
    if (name === 'recovery.restore') {
      try {
        const kind = this.problem?.kind;
        if (!kind || !RESTORABLE.has(kind)) {
          return fail('conflict', 'The database is not damaged, only unavailable for now: try again rather than restoring an older backup.');
        }
        const { file } = backupFileInput.parse(input ?? {});
        // Look again right before replacing: a file that opens now is never set aside.
        const now = inspectDatabase(this.dbPath, this.inspectOptions());
        if (now.ok && !now.empty) return fail('conflict', 'The database opens normally now: nothing was replaced. Choose “Try again”.');
        if (!now.ok && (now.kind === 'locked' || now.kind === 'unreadable')) return fail('conflict', now.message);
        recoverFromBackup(this.dbPath, file, this.nativeBinding, this.clock);
        this.open();
        return ok(null);
      } catch (err) {
        return toFailure(err, 'recovery.restore');
      }
    }
    return fail('unavailable', this.problem?.kind === 'encrypted' ? 'The workbench is locked.' : `The database could not be opened: ${this.problem?.message ?? 'unknown problem'}`);
  }
}

/**
 * Why the file cannot be written (null when it can): a read-only file, a folder the -wal and
 * -shm files cannot be created in, or a read-only disk.
 */
export function readOnlyReason(dbPath: string): string | null {
  const dir = path.dirname(path.resolve(dbPath));
  const why = (err: unknown, what: string) => ((err as NodeJS.ErrnoException).code === 'EROFS' ? 'the disk is read-only' : what);
  try {
    if (fs.existsSync(dbPath)) fs.accessSync(dbPath, fs.constants.W_OK);
  } catch (err) {
    return why(err, 'the file is read-only');
  }
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (err) {
    return why(err, 'its folder cannot be written to');
  }
  return null;
}

/** The newest backup that is itself a healthy workbench database (with the passphrase, if any). */
export function latestGoodBackup(dbPath: string, nativeBinding?: string, key?: string): BackupInfo | null {
  for (const b of listBackups(dbPath)) {
    const file = path.join(path.dirname(path.resolve(dbPath)), 'backups', b.file);
    const base = { waitMs: 1000, ...(nativeBinding ? { nativeBinding } : {}) };
    let found = inspectDatabase(file, key ? { ...base, key } : base);
    if (!found.ok && key) found = inspectDatabase(file, base);
    if (found.ok && !found.empty) return b;
  }
  return null;
}

/** Keeps the bad file (renamed with the time) and puts the chosen (plain) backup in its place. */
export function recoverFromBackup(dbPath: string, file: string, nativeBinding: string | undefined, clock: Clock): string {
  const source = backupPath(dbPath, file);
  const found = inspectDatabase(source, nativeBinding ? { nativeBinding } : {});
  if (!found.ok || found.empty) throw new InvalidError(`That backup cannot be used: ${found.ok ? 'it is empty' : found.message}`, 'file');
  const aside = `${dbPath}.damaged-${clock.now().toISOString().slice(0, 19).replace(/:/g, '')}`;
  for (const ext of ['', '-wal', '-shm']) if (fs.existsSync(`${dbPath}${ext}`)) fs.renameSync(`${dbPath}${ext}`, `${aside}${ext}`);
  fs.copyFileSync(source, `${dbPath}.restoring`);
  fs.chmodSync(`${dbPath}.restoring`, 0o600);
  fs.renameSync(`${dbPath}.restoring`, dbPath);
  return aside;
}
