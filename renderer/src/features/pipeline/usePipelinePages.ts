import { useCallback, useMemo, useState } from 'react';
import type { CallInput } from '../../../../shared/api';
import type { PipelineRow } from '../../../../shared/schemas/pipeline';
import type { PipelinePage } from '../../../../shared/schemas/pipelinePage';
import { call } from '../../api/client';
import { useApiData } from '../../lib/useApiData';

export type PageInput = Omit<CallInput<'pipeline.page'>, 'after'>;

interface Pages {
  /** The first page these rows continue (a new first page starts over). */
  first: PipelinePage | null;
  rows: PipelineRow[];
  next: number | null;
  loading: boolean;
}

/**
 * The Pipeline's rows a page at a time: the first page through useApiData (reloaded when the
 * input changes or a write changes what it reads), the next ones appended as the table asks.
 * A page that arrives after the list started over is dropped.
 */
export function usePipelinePages(input: PageInput | null) {
  const { data, error } = useApiData('pipeline.page', input, { keep: true });
  const [pages, setPages] = useState<Pages>({ first: null, rows: [], next: null, loading: false });
  const current = useMemo<Pages>(() => (pages.first === data ? pages : { first: data, rows: data?.rows ?? [], next: data?.next ?? null, loading: false }), [pages, data]);
  const loadMore = useCallback(() => {
    if (!data || !input || current.loading || current.next === null) return;
    const first = data;
    setPages({ ...current, loading: true });
    call('pipeline.page', { ...input, after: current.next }).then(
      (p) => setPages((s) => (s.first === first ? { first, rows: [...s.rows, ...p.rows], next: p.next, loading: false } : s)),
      () => setPages((s) => (s.first === first ? { ...s, loading: false } : s)),
    );
  }, [data, input, current]);
  return { data, error, rows: current.rows, loadMore };
}
