/**
 * Encryption at rest as a setting: encrypt the database with a passphrase, change it, or
 * decrypt. The backups beside it follow (encrypted with the same passphrase, or decrypted),
 * each rewritten on a worker thread. A lost passphrase cannot be recovered: the screen says so
 * and the manager ticks that they understood before the first encryption.
 */
import { timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import type { EncryptionInput, EncryptionResult } from '../../../shared/schemas/backups';
import type { Ctx } from '../context';
import { backupDir, listBackups } from '../db/backup';
import { keyOf, rekey } from '../db/cipher';
import { runInWorker } from '../db/worker';
import { ConflictError, InvalidError } from '../errors';
import { importRunning } from '../import/jobs';

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export async function setEncryption(ctx: Ctx, input: EncryptionInput): Promise<EncryptionResult> {
  if (ctx.readOnly) throw new ConflictError(`The database is read-only (${ctx.readOnly}): it cannot be encrypted or decrypted.`);
  if (importRunning() || ctx.db.inTransaction) throw new ConflictError('An import is running. Change the encryption when it has finished.');
  const current = keyOf(ctx.db);
  if (input.action === 'encrypt' && current) throw new InvalidError('The database is already encrypted: change the passphrase instead.', 'passphrase');
  if (input.action !== 'encrypt') {
    if (!current) throw new InvalidError('The database is not encrypted.', 'current');
    if (!same(input.current, current)) throw new InvalidError('That is not the current passphrase.', 'current');
  }
  const next = input.action === 'decrypt' ? '' : input.passphrase;
  if (ctx.dbPath === ':memory:') throw new InvalidError('An in-memory database cannot be encrypted.');
  rekey(ctx.db, next);
  // The backups follow, so an old plain copy does not undo the encryption.
  const result: EncryptionResult = { encrypted: !!next, backupsUpdated: 0, backupsSkipped: [] };
  for (const b of listBackups(ctx.dbPath)) {
    const file = path.join(backupDir(ctx.dbPath), b.file);
    const native = ctx.nativeBinding ? { nativeBinding: ctx.nativeBinding } : {};
    let r = await runInWorker({ task: 'rekey', file, newKey: next, ...(current ? { key: current } : {}), ...native });
    // A backup from before the last change may be plain while the database was encrypted.
    if (!r.ok && current) r = await runInWorker({ task: 'rekey', file, newKey: next, ...native });
    if (r.ok) result.backupsUpdated++;
    else result.backupsSkipped.push(b.file);
  }
  return result;
}
