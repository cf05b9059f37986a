import { z } from 'zod';

export type BackupKind = 'daily' | 'before-import' | 'before-restore' | 'manual';

export interface BackupInfo {
  /** File name inside the backups folder. */
  file: string;
  kind: BackupKind;
  /** When it was taken (ISO, UTC). */
  takenAt: string;
  day: string;
  size: number;
}

export interface BackupsView {
  dir: string;
  keep: number;
  backups: BackupInfo[];
}

export const backupFileInput = z.object({
  file: z.string({ error: 'must be chosen' }).min(1, { error: 'must be chosen' }).max(200),
});

/** A JSON export, staged like a CSV (see electron/core/files/staging.ts), to restore from. */
export const restoreJsonInput = z.object({ fileId: z.uuid({ error: 'is not a loaded file: choose the file again' }) });

export const dataExportInput = z.object({
  what: z.enum(['reps-csv', 'deals-csv', 'json', 'calendar'], { error: 'must be reps-csv, deals-csv, json or calendar' }),
});
export type DataExportKind = z.infer<typeof dataExportInput>['what'];

export interface RestoreResult {
  /** The safety copy taken just before. */
  backup: string;
  reps: number;
  deals: number;
  schemaVersion: number;
}

/**
 * What the app found when it opened the database file. Only `corrupt` (read, and failed its
 * check), `foreign`, `newer` and `empty` offer a backup; a `locked` or `unreadable` file is
 * retried, never replaced; `encrypted` asks for the passphrase; `readonly` (a read-only file
 * that also needs an update) is refused.
 */
export interface StoreProblem {
  kind: 'corrupt' | 'foreign' | 'newer' | 'locked' | 'unreadable' | 'readonly' | 'empty' | 'encrypted';
  message: string;
  dbPath: string;
  /** The newest backup that passed its own check, if any. */
  latestGood: BackupInfo | null;
}

/** The last full integrity check of the open database (run after start and before each backup). */
export interface IntegrityStatus {
  state: 'unchecked' | 'checking' | 'ok' | 'failed' | 'not-run';
  message: string | null;
  checkedAt: string | null;
}

/** Encryption at rest: the passphrase the manager chooses (and never stored). */
export const MIN_PASSPHRASE = 8;
export const passphrase = z
  .string({ error: 'must be typed' })
  .min(MIN_PASSPHRASE, { error: `must be at least ${MIN_PASSPHRASE} characters` })
  .max(200, { error: 'must be at most 200 characters' });
export const passphraseInput = z.object({ passphrase: z.string({ error: 'must be typed' }).min(1, { error: 'must be typed' }).max(200) });
export const encryptionInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('encrypt'), passphrase, understood: z.literal(true, { error: 'must be ticked: a lost passphrase cannot be recovered' }) }),
  z.object({ action: z.literal('change'), current: z.string().max(200), passphrase }),
  z.object({ action: z.literal('decrypt'), current: z.string().max(200) }),
]);
export type EncryptionInput = z.infer<typeof encryptionInput>;

export interface EncryptionResult {
  encrypted: boolean;
  /** Backups brought to the same state (encrypted with the new passphrase, or decrypted). */
  backupsUpdated: number;
  /** Backups that could not be (another passphrase, damaged): listed so the manager can delete them. */
  backupsSkipped: string[];
}

/** The state of the open store that the screens show around the data. */
export interface StoreStatus {
  /** Why changes cannot be saved (a read-only file), or null. */
  readOnly: string | null;
  integrity: IntegrityStatus;
  encrypted: boolean;
}
