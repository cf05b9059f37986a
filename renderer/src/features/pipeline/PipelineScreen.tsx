import type { SortingState } from '@tanstack/react-table';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { attentionReason } from '../../../../shared/domain/attention';
import { FLAG_CODES, FLAG_LABELS, SEVERITY_RANK, type FlagCode, type Severity } from '../../../../shared/domain/flags';
import { accountLabel } from '../../../../shared/domain/format';
import {
  DEFAULT_QUERY,
  SORT_KEYS,
  firstDirectionDesc,
  parsePipelineQuery,
  pipelineQueryString,
  type Level,
  type PipelineQuery,
  type SortKey,
} from '../../../../shared/domain/workingList';
import type { PipelineRow } from '../../../../shared/schemas/pipeline';
import { useApp } from '../../app/appStore';
import { hrefFor, useRouter } from '../../app/router';
import { AsOfPicker } from '../../components/AsOfPicker';
import { DataTable, type Column } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { useFormat } from '../../lib/format';
import { asOfArg, useAsOf } from '../../lib/useAsOf';
import { useApiData } from '../../lib/useApiData';
import { useShortcut } from '../../lib/useShortcut';
import { usePipelineQuery } from './pipelineQuery';
import { pageInput } from './pageInput';
import { usePipelinePages } from './usePipelinePages';
import { AttentionBadge, FlagChips } from './FlagChips';

/** The value after it has stayed the same for `ms` (typing in the filter box). */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

const worst = (s: Severity[]): Severity | null => s.reduce<Severity | null>((w, x) => (w === null || SEVERITY_RANK[x] < SEVERITY_RANK[w] ? x : w), null);

export function PipelineScreen({ query }: { query: string }) {
  const info = useApp((s) => s.info);
  const asOf = useAsOf((s) => s.asOf);
  const go = useRouter((s) => s.go);
  const fmt = useFormat();
  const remember = usePipelineQuery((s) => s.remember);
  const [q, setQ] = useState<PipelineQuery>(() => parsePipelineQuery(query));
  const searchRef = useRef<HTMLInputElement>(null);
  useShortcut('f', () => searchRef.current?.focus(), 'Filter the deals');

  // The filters and sort live in the URL (replaced, not pushed: Back leaves the screen), and the
  // sidebar's link comes back to them.
  const qs = pipelineQueryString(q);
  useEffect(() => {
    const hash = hrefFor({ name: 'pipeline', query: qs });
    if (window.location.hash !== hash) history.replaceState(null, '', hash);
    remember(qs);
  }, [qs, remember]);
  const set = useCallback((patch: Partial<PipelineQuery>) => setQ((old) => ({ ...old, ...patch })), []);

  // Free text asks the store once typing pauses; the other filters at once.
  const text = useDebounced(q.q, 250);
  // The URL names the rep; the call takes its id (asked for only when a rep is chosen).
  const { data: repList } = useApiData('reps.list', q.rep ? {} : null);
  const input = useMemo(() => (q.rep && !repList ? null : pageInput({ ...q, q: text }, repList ?? [], asOfArg(asOf).asOf)), [q, text, repList, asOf]);
  const { data, error, rows: shown, loadMore } = usePipelinePages(input);
  const header = data?.header ?? null;
  const reps = useMemo(() => [...new Set(header?.reps.map((r) => r.name))], [header]);
  const stages = header?.stages ?? [];
  const counts = useMemo(
    () => ({
      byFlag: new Map(Object.entries(header?.byFlag ?? {}) as [FlagCode, number][]),
      flagged: header?.flagged ?? 0,
      critical: header?.critical ?? 0,
      warning: header?.warning ?? 0,
    }),
    [header],
  );

  const reason = useCallback(
    (d: PipelineRow) =>
      data
        ? attentionReason(
            { flags: d.flags.map((code, i) => ({ code, severity: d.severities[i]! })), amount: d.amount, currency: d.currency, expectedCloseDate: d.expectedCloseDate },
            data.asOf,
            data.bigDealAmount,
            data.horizonDays,
          )
        : '',
    [data],
  );

  const review = useCallback((id: number) => hrefFor({ name: 'dealReview', id, list: qs }), [qs]);
  const columns = useMemo<Column<PipelineRow>[]>(
    () => [
      {
        accessorKey: 'attention',
        header: 'Attention',
        meta: { numeric: true, width: '86px' },
        cell: (c) => <AttentionBadge score={c.row.original.attention} severity={worst(c.row.original.severities)} />,
      },
      {
        accessorKey: 'name',
        header: 'Deal',
        meta: { width: '20%', className: 'wrap2' },
        cell: (c) => (
          <a className="strong-link clamp2" href={hrefFor({ name: 'deal', id: c.row.original.id })} title={c.row.original.name}>
            {c.row.original.name}
          </a>
        ),
      },
      {
        id: 'why',
        header: 'Why it ranks here',
        enableSorting: false,
        meta: { width: '27%', className: 'why' },
        cell: (c) => {
          const text = reason(c.row.original);
          return (
            <span className="why-text" title={text}>
              {text}
            </span>
          );
        },
      },
      { accessorKey: 'repName', header: 'Rep', meta: { width: '13%' } },
      { accessorKey: 'stage', header: 'Stage', meta: { width: '108px' } },
      { accessorKey: 'amount', header: 'Amount', meta: { numeric: true, width: '104px' }, cell: (c) => fmt.money(c.getValue(), c.row.original.currency) },
      {
        accessorKey: 'expectedCloseDate',
        header: 'Close date',
        meta: { width: '112px' },
        cell: (c) => <span className={c.getValue() && data && c.getValue() < data.asOf ? 'bad-text' : undefined}>{fmt.date(c.getValue())}</span>,
      },
      {
        id: 'flags',
        header: 'Flags',
        enableSorting: false,
        meta: { width: '15%', priority: 3 },
        cell: (c) => <FlagChips flags={c.row.original.flags} severities={c.row.original.severities} max={1} />,
      },
      { accessorKey: 'ageDays', header: 'Age', meta: { numeric: true, width: '62px', priority: 3 }, cell: (c) => `${c.getValue()} d` },
      { accessorKey: 'daysInStage', header: 'In stage', meta: { numeric: true, width: '72px', priority: 3 }, cell: (c) => `${c.getValue()} d` },
      { id: 'account', accessorFn: (d) => accountLabel(d.accountName), header: 'Account', meta: { width: '12%', priority: 2 } },
      {
        id: 'review',
        header: () => <span className="visually-hidden">Review</span>,
        enableSorting: false,
        meta: { width: '66px' },
        cell: (c) => (
          <a href={review(c.row.original.id)} aria-label={`Review ${c.row.original.name}`}>
            Review
          </a>
        ),
      },
    ],
    [fmt, data, reason, review],
  );

  const sorting = useMemo<SortingState>(() => [{ id: q.sort, desc: q.desc }], [q.sort, q.desc]);
  const onSort = useCallback(
    (s: SortingState) => {
      const next = s[0];
      if (!next || !(SORT_KEYS as readonly string[]).includes(next.id)) return set({ sort: 'attention', desc: true });
      const key = next.id as SortKey;
      set(key === q.sort ? { desc: !q.desc } : { sort: key, desc: firstDirectionDesc(key) });
    },
    [q.sort, q.desc, set],
  );

  if (error) return <p className="form-error" role="alert">{error}</p>;
  if (!data || !header || !info) return <p className="loading">Loading the pipeline…</p>;
  const matching = data.matching ?? { count: 0, amount: 0 };
  const filtered = qs !== '' && qs !== pipelineQueryString({ ...DEFAULT_QUERY, sort: q.sort, desc: q.desc });

  return (
    <section className="screen" aria-labelledby="pipe-title">
      <header className="screen-head">
        <div>
          <h1 id="pipe-title" tabIndex={-1}>
            Pipeline
          </h1>
          <p className="subtle">
            {header.openCount} open deals · {counts.flagged} flagged · {counts.critical} critical, {counts.warning - counts.critical} warning · ranked by attention: ask “How do you
            know?” from the top
          </p>
        </div>
        <AsOfPicker today={info.today} />
      </header>
      {header.untrackedReps.length > 0 && (
        <p className="notice small" data-testid="untracked">
          Stakeholders not tracked yet for {header.untrackedReps.join(', ')}: no stakeholder is recorded on any of their open deals, so single-threaded, no decision maker and
          champion only are not raised for them. Add the people on a deal's page to start.
        </p>
      )}
      {header.openCount === 0 ? (
        <EmptyState title="No open deals">
          <p>Open deals of every active rep appear here with their integrity flags. Add deals from a rep's page.</p>
        </EmptyState>
      ) : (
        <>
          <div className="toolbar wrap">
            <label className="search">
              <span className="visually-hidden">Filter deals</span>
              <input ref={searchRef} type="search" placeholder="Filter deals  ( F )" value={q.q} onChange={(e) => set({ q: e.target.value })} />
            </label>
            <label className="inline-field">
              Rep
              <select aria-label="Filter by rep" value={q.rep} onChange={(e) => set({ rep: e.target.value })}>
                <option value="">All reps</option>
                {reps.map((r) => (
                  <option key={r}>{r}</option>
                ))}
              </select>
            </label>
            <label className="inline-field">
              Stage
              <select aria-label="Filter by stage" value={q.stage} onChange={(e) => set({ stage: e.target.value })}>
                <option value="">All stages</option>
                {stages.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </label>
            <label className="inline-field">
              Severity
              <select aria-label="Filter by severity" value={q.level} onChange={(e) => set({ level: e.target.value as Level })}>
                <option value="">Any</option>
                <option value="critical">Critical ({counts.critical})</option>
                <option value="warning">Warning or critical ({counts.warning})</option>
              </select>
            </label>
            <label className="inline-field">
              Flag
              <select aria-label="Filter by flag" value={q.flag} onChange={(e) => set({ flag: e.target.value as FlagCode | '' | 'any' })}>
                <option value="">Any or none</option>
                <option value="any">Any flag ({counts.flagged})</option>
                {FLAG_CODES.map((f) => (
                  <option key={f} value={f}>
                    {FLAG_LABELS[f]} ({counts.byFlag.get(f) ?? 0})
                  </option>
                ))}
              </select>
            </label>
            {filtered && (
              <button type="button" className="link-button" onClick={() => set({ ...DEFAULT_QUERY, sort: q.sort, desc: q.desc })}>
                Clear filters
              </button>
            )}
            <span className="subtle" aria-live="polite">
              {matching.count} deals · {fmt.money(matching.amount)}
            </span>
          </div>
          <DataTable
            label="Open deals"
            data={shown}
            columns={columns}
            sorting={sorting}
            onSortingChange={onSort}
            onOpen={(d) => go({ name: 'deal', id: d.id })}
            rowTestId={(d) => `pipe-row-${d.id}`}
            fixed
            rowHeight={48}
            height="calc(100vh - 260px)"
            onNearEnd={loadMore}
            rowCount={matching.count}
            resetKey={JSON.stringify(input)}
          />
        </>
      )}
    </section>
  );
}
