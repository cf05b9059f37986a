/**
 * A read asked for before the screen that shows it exists: the screen the window opens on asks
 * for its first data alongside the app's first calls (boot.ts), and useApiData takes that answer
 * when the screen mounts instead of asking again (React's first render and the screen's code would
 * otherwise come first). Kept for one taker, a few seconds, and only while nothing it reads has
 * been written since; a failed one is dropped, so the screen asks again and shows its own error.
 */
import type { CallInput, CallName, CallOutput } from '../../../shared/api';
import { readsOf } from '../../../shared/apiTopics';
import { call } from '../api/client';
import { useTopics, versionOf } from './topics';

const KEPT_MS = 5000;

interface Early {
  version: number;
  promise: Promise<unknown>;
  at: number;
}
/** By call and input (useApiData's key). */
const early = new Map<string, Early>();

const keyOf = (name: CallName, inputKey: string) => `${name} ${inputKey}`;
const versionNow = (name: CallName) => versionOf(useTopics.getState().versions, readsOf(name));

export function prefetch<N extends CallName>(name: N, input: CallInput<N>): void {
  const key = keyOf(name, JSON.stringify(input));
  const promise = call(name, input);
  early.set(key, { version: versionNow(name), promise, at: Date.now() });
  promise.catch(() => {
    if (early.get(key)?.promise === promise) early.delete(key);
  });
}

/** The early answer for this call and input (useApiData's key), once; null when there is none fit to use. */
export function takePrefetched<N extends CallName>(name: N, inputKey: string): Promise<CallOutput<N>> | null {
  const key = keyOf(name, inputKey);
  const e = early.get(key);
  if (!e) return null;
  early.delete(key);
  if (e.version !== versionNow(name) || Date.now() - e.at > KEPT_MS) return null;
  return e.promise as Promise<CallOutput<N>>;
}
