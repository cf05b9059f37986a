import type { CallInput, CallName, CallOutput } from './api';
import type { Result } from './result';
import type { ExportRequest } from './schemas/exports';
import type { DataExportKind } from './schemas/backups';

/** What the Electron preload exposes as `window.workbench`: one narrow, typed function. */
export interface WorkbenchBridge {
  shell: 'electron';
  invoke<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>>;
  /**
   * Builds the requested document or data file in the main process, asks where to save it
   * (native dialog) and writes it (a PDF is printed). Null when the manager cancels.
   */
  save(file: SaveRequest): Promise<Result<{ path: string } | null>>;
  /**
   * Hands a file the manager picked or dropped (a CRM export, a JSON copy) to the main
   * process, which keeps it in memory under an id for the import/restore calls.
   */
  stage(name: string, bytes: ArrayBuffer): Promise<Result<StagedInfo>>;
}

/** A file held by the core for later calls (see electron/core/files/staging.ts). */
export interface StagedInfo {
  fileId: string;
  name: string;
  size: number;
}

/** A review document as Markdown or PDF, or the manager's data (reps / deals CSV, everything as JSON). */
export type SaveRequest = { request: ExportRequest; format: 'md' | 'pdf' } | { data: DataExportKind };

/** IPC channel carrying every API call. */
export const API_CHANNEL = 'workbench:api';
export const SAVE_CHANNEL = 'workbench:save';
export const STAGE_CHANNEL = 'workbench:stage';
