/**
 * Restoring the whole store, from a backup or from a JSON export. Either way the new database
 * is built and checked in a separate file first, a backup of the current one is taken, and
 * only then is the live file swapped: a restore is complete or it did not happen.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { RestoreResult } from '../../../shared/schemas/backups';
import type { Ctx } from '../context';
import { backupNow, backupPath } from '../db/backup';
import { inspectDatabase } from '../db/inspect';
import { migrate } from '../db/migrate';
import { LATEST_VERSION, MIGRATIONS } from '../db/migrations';
import { closeDatabase, openDatabase } from '../db/open';
import { InvalidError } from '../errors';
import { importRunning } from '../import/jobs';
import { stagedFile } from '../files/staging';
import { getSettings } from '../repos/settings';
import { JSON_FORMAT } from './exportData';
import { applyKey, keyOf, rekey } from '../db/cipher';
import { PRIVATE_FILE_MODE } from '../db/fileModes';
import { privateTempDir } from './leftovers';

const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const exportFile = z.object({
  format: z.literal(JSON_FORMAT, { error: 'This file is not a workbench export (its “format” is not “sales-manager-workbench”).' }),
  schemaVersion: z.number({ error: 'The export does not say its schema version.' }).int().min(1, { error: 'The export’s schema version is not valid.' }),
  exportedAt: z.string().optional(),
  tables: z.record(z.string(), z.array(z.record(z.string(), cell), { error: 'Each table must be a list of rows.' }), { error: 'The export has no tables.' }),
});

// In the private temp folder beside the database, named after this process: a kill leaves it to cleanLeftovers.
const tempPath = (dbPath: string) => path.join(privateTempDir(dbPath), `restore-${randomUUID()}.db`);

/**
 * Swaps the live file for a checked one: close, replace, reopen (which migrates it). An
 * encrypted workbench stays encrypted: a plain source is encrypted with the same passphrase
 * before it takes the live file's place.
 */
function replaceLive(ctx: Ctx, source: string): void {
  const key = keyOf(ctx.db);
  closeDatabase(ctx.db);
  const staging = `${ctx.dbPath}.restoring`;
  try {
    fs.copyFileSync(source, staging);
    fs.chmodSync(staging, PRIVATE_FILE_MODE);
    if (key && !inspectDatabase(staging, { key, ...(ctx.nativeBinding ? { nativeBinding: ctx.nativeBinding } : {}) }).ok) {
      const plain = new Database(staging, ctx.nativeBinding ? { nativeBinding: ctx.nativeBinding } : {});
      try {
        rekey(plain, key);
        plain.pragma('journal_mode = DELETE');
      } finally {
        plain.close();
      }
    }
    const fd = fs.openSync(staging, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    for (const ext of ['-wal', '-shm']) fs.rmSync(`${ctx.dbPath}${ext}`, { force: true });
    fs.renameSync(staging, ctx.dbPath);
  } finally {
    fs.rmSync(staging, { force: true });
    ctx.db = openDatabase(ctx.dbPath, { ...(ctx.nativeBinding ? { nativeBinding: ctx.nativeBinding } : {}), ...(key ? { key } : {}) });
  }
}

function assertIdle(ctx: Ctx): void {
  if (importRunning()) throw new InvalidError('An import is running. Restore when it has finished.', 'file');
  if (ctx.readOnly) throw new InvalidError(`The database is read-only (${ctx.readOnly}): nothing can be restored into it.`, 'file');
}

function summary(ctx: Ctx, backup: string): RestoreResult {
  const count = (t: string) => ctx.db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get() as number;
  return { backup, reps: count('reps'), deals: count('deals'), schemaVersion: ctx.db.pragma('user_version', { simple: true }) as number };
}

/** Restores one of the listed backups (an older one is migrated on the way in). */
export async function restoreBackup(ctx: Ctx, file: string): Promise<RestoreResult> {
  assertIdle(ctx);
  const source = backupPath(ctx.dbPath, file);
  const key = keyOf(ctx.db);
  const native = ctx.nativeBinding ? { nativeBinding: ctx.nativeBinding } : {};
  let found = inspectDatabase(source, key ? { ...native, key } : native);
  if (!found.ok && key) found = inspectDatabase(source, native); // a backup from before the encryption
  if (!found.ok) throw new InvalidError(`That backup cannot be restored: ${found.message}`, 'file');
  const safety = await backupNow(ctx.db, ctx.dbPath, ctx.clock, 'before-restore', getSettings(ctx.db).backupKeep, ctx.nativeBinding);
  replaceLive(ctx, source);
  return summary(ctx, safety);
}

/** Restores a JSON export: built in a temporary database at the export's schema, then brought up to date. */
export async function restoreJson(ctx: Ctx, fileId: string): Promise<RestoreResult> {
  assertIdle(ctx);
  const staged = stagedFile(fileId);
  let raw: unknown;
  try {
    raw = JSON.parse(staged.bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    throw new InvalidError(`“${staged.name}” is not a JSON file.`, 'file');
  }
  const parsed = exportFile.safeParse(raw);
  if (!parsed.success) throw new InvalidError(parsed.error.issues[0]?.message ?? 'This file is not a workbench export.', 'file');
  const data = parsed.data;
  if (data.schemaVersion > LATEST_VERSION) {
    throw new InvalidError(`This export was written by a newer version of the workbench (schema ${data.schemaVersion}; this version reads up to ${LATEST_VERSION}). Update the app first.`, 'file');
  }
  const temp = tempPath(ctx.dbPath);
  try {
    buildFromExport(temp, data, ctx.nativeBinding, keyOf(ctx.db));
    const safety = await backupNow(ctx.db, ctx.dbPath, ctx.clock, 'before-restore', getSettings(ctx.db).backupKeep, ctx.nativeBinding);
    replaceLive(ctx, temp);
    return summary(ctx, safety);
  } finally {
    fs.rmSync(path.dirname(temp), { recursive: true, force: true });
  }
}

function buildFromExport(file: string, data: z.output<typeof exportFile>, nativeBinding?: string, key?: string): void {
  const db = new Database(file, nativeBinding ? { nativeBinding } : {});
  try {
    if (key) applyKey(db, key); // never a plain copy on disk of an encrypted workbench
    db.pragma('secure_delete = ON');
    migrate(db, MIGRATIONS.slice(0, data.schemaVersion));
    db.pragma('foreign_keys = OFF'); // rows arrive table by table; checked as a whole below
    db.transaction(() => {
      for (const [table, rows] of Object.entries(data.tables)) {
        const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]);
        if (columns.length === 0 || table === 'schema_migrations') {
          throw new InvalidError(`The export has a table “${table}” that a workbench database at schema ${data.schemaVersion} does not have.`, 'file');
        }
        const known = new Set(columns);
        const inserts = new Map<string, Database.Statement>();
        rows.forEach((row, i) => {
          const keys = Object.keys(row);
          const stray = keys.find((k) => !known.has(k));
          if (stray) throw new InvalidError(`Row ${i + 1} of “${table}” has a column “${stray}” that the table does not have.`, 'file');
          const sig = keys.join(',');
          let stmt = inserts.get(sig);
          if (!stmt) {
            stmt = db.prepare(`INSERT INTO "${table}" (${keys.map((k) => `"${k}"`).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`);
            inserts.set(sig, stmt);
          }
          try {
            stmt.run(...keys.map((k) => (typeof row[k] === 'boolean' ? Number(row[k]) : row[k])));
          } catch (err) {
            throw new InvalidError(`Row ${i + 1} of “${table}” cannot be restored: ${(err as Error).message}.`, 'file');
          }
        });
      }
    })();
    const broken = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
    if (broken.length) {
      const b = broken[0]!;
      throw new InvalidError(`The row with id ${b.rowid} in “${b.table}” refers to a “${b.parent}” row that is not in the export (${broken.length} such row${broken.length === 1 ? '' : 's'}).`, 'file');
    }
    db.pragma('foreign_keys = ON');
    migrate(db);
    if (db.pragma('integrity_check', { simple: true }) !== 'ok') throw new InvalidError('The restored database failed its integrity check.', 'file');
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}
