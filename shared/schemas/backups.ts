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

export const dataExportInput = z.object({ what: z.enum(['reps-csv', 'deals-csv', 'json'], { error: 'must be reps-csv, deals-csv or json' }) });
export type DataExportKind = z.infer<typeof dataExportInput>['what'];

export interface RestoreResult {
  /** The safety copy taken just before. */
  backup: string;
  reps: number;
  deals: number;
  schemaVersion: number;
}

/** What the app found when it opened the database file. */
export interface StoreProblem {
  kind: 'corrupt' | 'foreign' | 'newer';
  message: string;
  dbPath: string;
  /** The newest backup that passed its own check, if any. */
  latestGood: BackupInfo | null;
}
