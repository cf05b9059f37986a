import { useEffect, useState } from 'react';
import type { CallInput, CallName, CallOutput } from '../../../shared/api';
import { call } from '../api/client';
import { useApp } from '../app/appStore';

/**
 * Loads one API call for a screen and reloads it after any write (the app's version) or when
 * `key` changes. Answers that arrive after the screen has moved on are dropped.
 */
export function useApiData<N extends CallName>(name: N, input: CallInput<N>, key: string): { data: CallOutput<N> | null; error: string | null } {
  const version = useApp((s) => s.version);
  const [state, setState] = useState<{ data: CallOutput<N> | null; error: string | null }>({ data: null, error: null });
  useEffect(() => {
    let live = true;
    call(name, input).then(
      (data) => live && setState({ data, error: null }),
      (err: Error) => live && setState((s) => ({ data: s.data, error: err.message })),
    );
    return () => void (live = false);
  }, [name, key, version]); // eslint-disable-line react-hooks/exhaustive-deps -- `key` stands for `input`, a new object each render
  return state;
}
