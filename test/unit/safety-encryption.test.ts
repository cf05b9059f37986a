/**
 * Issue 14, item 11: encryption at rest as a setting (SQLCipher-compatible, through
 * better-sqlite3-multiple-ciphers): encrypt, change the passphrase, decrypt; backups follow;
 * the store locks itself after the idle time; without the passphrase the file is not a database.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../../electron/core/clock';
import { backupDir, listBackups } from '../../electron/core/db/backup';
import { exportDataFile } from '../../electron/core/data/exportData';
import { stageFile } from '../../electron/core/files/staging';
import { Store } from '../../electron/core/store';
import type { EncryptionResult } from '../../shared/schemas/backups';
import { TODAY } from './helpers';
import { demoFile } from './safetyHelpers';

const clock = fixedClock(TODAY);
const PASS = 'correct horse battery';
const SECRET = 'Private: Grace asked about the team lead role';
const plainHeader = (f: string) => fs.readFileSync(f).subarray(0, 15).toString('latin1') === 'SQLite format 3';
const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  vi.useRealTimers();
});
const open = (dbPath: string) => {
  const s = Store.open(dbPath, clock, 'web');
  stores.push(s);
  return s;
};
async function ok<T>(store: Store, name: string, input: unknown = {}): Promise<T> {
  const r = await store.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}

describe('11. encryption at rest', () => {
  it('encrypts the database and its backups; without the passphrase the file is not a database; the passphrase unlocks it', async () => {
    const dbPath = demoFile();
    const store = open(dbPath);
    await ok(store, 'notes.create', { repId: 1, kind: 'feedback', noteDate: TODAY, body: SECRET });
    await ok(store, 'backups.create');
    expect(await store.dispatch('security.encryption', { action: 'encrypt', passphrase: PASS })).toMatchObject({ ok: false, error: { code: 'invalid', field: 'understood' } });
    expect(await store.dispatch('security.encryption', { action: 'encrypt', passphrase: 'short', understood: true })).toMatchObject({ ok: false, error: { field: 'passphrase' } });
    const r = await ok<EncryptionResult>(store, 'security.encryption', { action: 'encrypt', passphrase: PASS, understood: true });
    expect(r).toEqual({ encrypted: true, backupsUpdated: 2, backupsSkipped: [] });
    expect(await ok(store, 'store.status')).toMatchObject({ encrypted: true });
    // A backup taken now is encrypted too.
    await ok(store, 'backups.create');
    store.close();

    expect(plainHeader(dbPath)).toBe(false);
    expect(fs.readFileSync(dbPath).includes(SECRET)).toBe(false);
    for (const b of listBackups(dbPath)) {
      const file = path.join(backupDir(dbPath), b.file);
      expect(plainHeader(file), b.file).toBe(false);
      expect(fs.readFileSync(file).includes('Grace Okafor'), b.file).toBe(false);
    }
    const raw = new Database(dbPath, { readonly: true });
    expect(() => raw.prepare('SELECT COUNT(*) FROM reps').get()).toThrow('file is not a database');
    raw.close();

    const locked = open(dbPath);
    expect(locked.problem).toMatchObject({ kind: 'encrypted' });
    expect(await locked.dispatch('reps.list', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await locked.dispatch('recovery.unlock', { passphrase: 'not the passphrase' })).toMatchObject({ ok: false, error: { field: 'passphrase', message: 'That passphrase does not open this database.' } });
    expect(await ok(locked, 'recovery.unlock', { passphrase: PASS })).toBeNull();
    const notes = await ok<{ body: string }[]>(locked, 'notes.list', { repId: 1 });
    expect(notes.map((n) => n.body)).toContain(SECRET);
    // An encrypted backup restores into the encrypted workbench, and it stays encrypted.
    const restored = await locked.dispatch('backups.restore', { file: listBackups(dbPath).find((b) => b.kind === 'manual')!.file });
    expect(restored).toMatchObject({ ok: true, value: { reps: 9 } });
    // So does a JSON export restored into it: the temporary database is encrypted from its first page.
    const json = path.join(path.dirname(dbPath), 'all.json');
    exportDataFile(locked.ctx!, 'json', json);
    const fromJson = await locked.dispatch('data.restoreJson', { fileId: stageFile('all.json', fs.readFileSync(json)).fileId });
    expect(fromJson).toMatchObject({ ok: true, value: { reps: 9 } });
    locked.close();
    expect(plainHeader(dbPath)).toBe(false);
    expect(open(dbPath).problem).toMatchObject({ kind: 'encrypted' });
  }, 60_000);

  it('changes the passphrase (database and backups) and decrypts again', async () => {
    const dbPath = demoFile();
    const store = open(dbPath);
    await ok(store, 'security.encryption', { action: 'encrypt', passphrase: PASS, understood: true });
    expect(await store.dispatch('security.encryption', { action: 'change', current: 'wrong passphrase', passphrase: 'a new passphrase' })).toMatchObject({ ok: false, error: { field: 'current' } });
    expect(await ok(store, 'security.encryption', { action: 'change', current: PASS, passphrase: 'a new passphrase' })).toMatchObject({ encrypted: true, backupsUpdated: 1 });
    store.close();
    const again = open(dbPath);
    expect(await again.dispatch('recovery.unlock', { passphrase: PASS })).toMatchObject({ ok: false });
    await ok(again, 'recovery.unlock', { passphrase: 'a new passphrase' });
    const backup = path.join(backupDir(dbPath), listBackups(dbPath)[0]!.file);
    const b = new Database(backup, { readonly: true });
    b.pragma("cipher = 'sqlcipher'");
    b.pragma('legacy = 4');
    b.pragma("key = 'a new passphrase'");
    expect(b.prepare('SELECT COUNT(*) FROM reps').pluck().get()).toBe(9);
    b.close();
    expect(await ok(again, 'security.encryption', { action: 'decrypt', current: 'a new passphrase' })).toMatchObject({ encrypted: false, backupsUpdated: 1 });
    again.close();
    expect(plainHeader(dbPath)).toBe(true);
    expect(plainHeader(backup)).toBe(true);
    expect(open(dbPath).problem).toBeNull();
  }, 60_000);

  it('locks itself after the idle time set in Settings, forgetting the passphrase', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const dbPath = demoFile(undefined, false);
    const store = open(dbPath);
    await ok(store, 'settings.update', { idleLockMinutes: 5 });
    await ok(store, 'security.encryption', { action: 'encrypt', passphrase: PASS, understood: true });
    await ok(store, 'reps.list'); // use restarts the clock
    vi.advanceTimersByTime(4 * 60_000);
    await ok(store, 'reps.list');
    vi.advanceTimersByTime(4 * 60_000);
    expect(store.ctx).not.toBeNull(); // 4 minutes since the last use
    await ok(store, 'store.status'); // the screens asking for status is not use
    vi.advanceTimersByTime(61_000);
    expect(store.ctx).toBeNull();
    expect(await store.dispatch('reps.list', {})).toMatchObject({ ok: false, error: { code: 'unavailable', message: 'The workbench is locked.' } });
    expect(await ok(store, 'recovery.status')).toMatchObject({ kind: 'encrypted' });
    await ok(store, 'recovery.unlock', { passphrase: PASS });
    expect(await ok<unknown[]>(store, 'reps.list')).toHaveLength(9);
  }, 60_000);
});
