import { useEffect, useState } from 'react';
import type { CallInput, CallName, CallOutput } from '../../../shared/api';
import { readsOf } from '../../../shared/apiTopics';
import { call } from '../api/client';
import { takePrefetched } from './prefetch';
import { useTopics, versionOf } from './topics';

export interface Loaded<T> {
  /** The answer for this input; null until it arrives (or, with `keep`, the previous input's). */
  data: T | null;
  error: string | null;
  /** With `keep`: the data on hand was asked for another input and its answer is still to come. */
  stale: boolean;
  /** Replaces the data on hand until the next answer (a change shown before the save returns). */
  setData: (fn: (d: T) => T) => void;
}

/**
 * The one way a screen loads data: `call(name, input)` now, again when the input changes and
 * whenever a write changes a topic the call reads (shared/apiTopics). A null input loads nothing.
 * Answers that arrive after the input changed or the screen went away are dropped.
 * `keep`: show the previous input's data while the new answer loads (`stale` says so).
 */
export function useApiData<N extends CallName>(name: N, input: CallInput<N> | null, opts: { keep?: boolean } = {}): Loaded<CallOutput<N>> {
  const key = input === null ? null : JSON.stringify(input);
  const version = useTopics((s) => versionOf(s.versions, readsOf(name)));
  const [state, setState] = useState<{ key: string | null; data: CallOutput<N> | null; error: string | null }>({ key: null, data: null, error: null });
  useEffect(() => {
    if (key === null) return;
    let live = true;
    // eslint-disable-next-line no-restricted-syntax -- the one place a load runs in an effect
    (takePrefetched(name, key) ?? call(name, JSON.parse(key) as CallInput<N>)).then(
      (data) => live && setState({ key, data, error: null }),
      (err: Error) => live && setState((s) => ({ key, data: s.key === key || opts.keep ? s.data : null, error: err.message })),
    );
    return () => void (live = false);
  }, [name, key, version, opts.keep]);
  const current = state.key === key;
  return {
    data: current || opts.keep ? state.data : null,
    error: current ? state.error : null,
    stale: !current,
    setData: (fn) => setState((s) => (s.data === null ? s : { ...s, data: fn(s.data) })),
  };
}
