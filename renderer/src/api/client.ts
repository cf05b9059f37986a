import type { CallInput, CallName, CallOutput } from '../../../shared/api';
import type { WorkbenchBridge } from '../../../shared/bridge';
import type { ApiError, Result } from '../../../shared/result';
import { writesOf } from '../../../shared/apiTopics';
import { invalidate } from '../lib/topics';

declare global {
  interface Window {
    workbench?: WorkbenchBridge;
  }
}

/** A failed call, carrying the manager-readable message and the field it is about. */
export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

type Transport = <N extends CallName>(name: N, input: CallInput<N>) => Promise<Result<CallOutput<N>>>;

/** Picked once at start: Electron's preload bridge if present, else the web preview's HTTP API. */
const transport: Transport = window.workbench
  ? (name, input) => window.workbench!.invoke(name, input)
  : async (name, input) => {
      const res = await fetch(`/api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
      try {
        return (await res.json()) as Result<CallOutput<typeof name>>;
      } catch {
        return { ok: false, error: { code: 'internal', message: `The workbench did not answer (HTTP ${res.status}).` } };
      }
    };

export const shell: 'electron' | 'web' = window.workbench ? 'electron' : 'web';

/** Told when the store stops answering (locked after idle, or needing recovery): the app reloads its state. */
let onUnavailable: (() => void) | null = null;
export function whenUnavailable(fn: () => void): void {
  onUnavailable = fn;
}

/** Calls the API; after a write, reloads the data of every screen that reads what it changed. */
export async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  let result: Result<CallOutput<N>>;
  try {
    result = await transport(name, input);
  } catch {
    throw new ApiFailure({ code: 'internal', message: 'The workbench could not be reached. Is it still running?' });
  }
  if (!result.ok) {
    if (result.error.code === 'unavailable') onUnavailable?.();
    throw new ApiFailure(result.error);
  }
  // A write says what it changed (shared/apiTopics): the screens that read it reload.
  invalidate(writesOf(name));
  return result.value;
}
