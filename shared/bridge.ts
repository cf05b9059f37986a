import type { CallInput, CallName, CallOutput } from './api';
import type { Result } from './result';

/** What the Electron preload exposes as `window.workbench`: one narrow, typed function. */
export interface WorkbenchBridge {
  shell: 'electron';
  invoke<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>>;
}

/** IPC channel carrying every API call. */
export const API_CHANNEL = 'workbench:api';
