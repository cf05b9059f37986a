import type { CallInput, CallName, CallOutput } from './api';
import type { Result } from './result';

/** What the Electron preload exposes as `window.workbench`: one narrow, typed function. */
export interface WorkbenchBridge {
  shell: 'electron';
  invoke<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>>;
  /** Asks where to save (native dialog) and writes Markdown, or prints HTML to PDF. */
  save(file: SaveRequest): Promise<Result<{ path: string } | null>>;
}

export interface SaveRequest {
  filename: string;
  format: 'md' | 'pdf';
  /** Markdown text, or the printable HTML page for a PDF. */
  content: string;
}

/** IPC channel carrying every API call. */
export const API_CHANNEL = 'workbench:api';
export const SAVE_CHANNEL = 'workbench:save';
