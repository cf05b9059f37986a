import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useRef, useState } from 'react';
import { FLAG_CODES, FLAG_LABELS, type FlagCode } from '../../../../shared/domain/flags';
import type { PipelineRow } from '../../../../shared/schemas/pipeline';
import { useApp } from '../../app/appStore';
import { hrefFor, useRouter } from '../../app/router';
import { AsOfPicker } from '../../components/AsOfPicker';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { useFormat } from '../../lib/format';
import { useAsOf } from '../../lib/useAsOf';
import { useApiData } from '../../lib/useApiData';
import { useShortcut } from '../../lib/useShortcut';
import { FlagChips } from './FlagChips';
import { accountLabel } from '../../../../shared/domain/format';

export function PipelineScreen() {
  const info = useApp((s) => s.info);
  const asOf = useAsOf((s) => s.asOf);
  const go = useRouter((s) => s.go);
  const fmt = useFormat();
  const [rep, setRep] = useState('');
  const [stage, setStage] = useState('');
  const [flag, setFlag] = useState<FlagCode | '' | 'any'>('');
  const [text, setText] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  useShortcut('f', () => searchRef.current?.focus(), 'Filter the deals');

  const { data, error } = useApiData('pipeline.open', asOf ? { asOf } : {}, asOf);

  const reps = useMemo(() => [...new Set(data?.deals.map((d) => d.repName))].sort(), [data]);
  const stages = useMemo(() => {
    const inUse = new Set(data?.deals.map((d) => d.stage));
    return [...(data?.stages ?? []).filter((s) => inUse.has(s)), ...[...inUse].filter((s) => !data?.stages.includes(s)).sort()];
  }, [data]);
  const shown = useMemo(
    () =>
      (data?.deals ?? []).filter(
        (d) =>
          (!rep || d.repName === rep) &&
          (!stage || d.stage === stage) &&
          (!flag || (flag === 'any' ? d.flags.length > 0 : d.flags.includes(flag))),
      ),
    [data, rep, stage, flag],
  );
  const flagCounts = useMemo(() => {
    const counts = new Map<FlagCode, number>();
    for (const d of data?.deals ?? []) for (const f of d.flags) counts.set(f, (counts.get(f) ?? 0) + 1);
    return counts;
  }, [data]);

  const columns = useMemo<ColumnDef<PipelineRow, any>[]>(
    () => [
      {
        accessorKey: 'name',
        header: 'Deal',
        meta: { width: '19%' },
        cell: (c) => (
          <a className="strong-link" href={hrefFor({ name: 'deal', id: c.row.original.id })}>
            {c.row.original.name}
          </a>
        ),
      },
      { accessorKey: 'repName', header: 'Rep', meta: { width: '11%' } },
      { accessorKey: 'stage', header: 'Stage', meta: { width: '9%' } },
      { accessorKey: 'amount', header: 'Amount', meta: { numeric: true, width: '8%' }, cell: (c) => fmt.money(c.getValue(), c.row.original.currency) },
      {
        accessorKey: 'expectedCloseDate',
        header: 'Close date',
        meta: { width: '9%' },
        sortUndefined: 'last',
        cell: (c) => <span className={c.getValue() && data && c.getValue() < data.asOf ? 'bad-text' : undefined}>{fmt.date(c.getValue())}</span>,
      },
      {
        id: 'flags',
        meta: { width: '18%' },
        accessorFn: (d) => d.flags.length,
        header: 'Flags',
        cell: (c) => <FlagChips flags={c.row.original.flags} max={2} />,
      },
      { accessorKey: 'ageDays', header: 'Age', meta: { numeric: true, width: '5%' }, cell: (c) => `${c.getValue()} d` },
      { accessorKey: 'daysInStage', header: 'In stage', meta: { numeric: true, width: '6%' }, cell: (c) => `${c.getValue()} d` },
      { id: 'account', accessorFn: (d) => accountLabel(d.accountName), header: 'Account' },
      {
        id: 'review',
        header: () => <span className="visually-hidden">Review</span>,
        enableSorting: false,
        meta: { width: '5%' },
        cell: (c) => (
          <a href={hrefFor({ name: 'dealReview', id: c.row.original.id })} aria-label={`Review ${c.row.original.name}`}>
            Review
          </a>
        ),
      },
    ],
    [fmt, data],
  );

  if (error) return <p className="form-error" role="alert">{error}</p>;
  if (!data || !info) return <p className="loading">Loading the pipeline…</p>;
  const total = shown.reduce((s, d) => s + d.amount, 0);
  const flagged = data.deals.filter((d) => d.flags.length > 0).length;

  return (
    <section className="screen" aria-labelledby="pipe-title">
      <header className="screen-head">
        <div>
          <h1 id="pipe-title" tabIndex={-1}>
            Pipeline
          </h1>
          <p className="subtle">
            {data.deals.length} open deals · {flagged} flagged · reports are the start: drill into the line items and ask “How do you know?”
          </p>
        </div>
        <AsOfPicker today={info.today} />
      </header>
      {data.deals.length === 0 ? (
        <EmptyState title="No open deals">
          <p>Open deals of every active rep appear here with their integrity flags. Add deals from a rep's page.</p>
        </EmptyState>
      ) : (
        <>
          <div className="toolbar wrap">
            <label className="search">
              <span className="visually-hidden">Search deals</span>
              <input ref={searchRef} type="search" placeholder="Filter deals  ( F )" value={text} onChange={(e) => setText(e.target.value)} />
            </label>
            <label className="inline-field">
              Rep
              <select aria-label="Filter by rep" value={rep} onChange={(e) => setRep(e.target.value)}>
                <option value="">All reps</option>
                {reps.map((r) => (
                  <option key={r}>{r}</option>
                ))}
              </select>
            </label>
            <label className="inline-field">
              Stage
              <select aria-label="Filter by stage" value={stage} onChange={(e) => setStage(e.target.value)}>
                <option value="">All stages</option>
                {stages.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </label>
            <label className="inline-field">
              Flag
              <select aria-label="Filter by flag" value={flag} onChange={(e) => setFlag(e.target.value as FlagCode | '' | 'any')}>
                <option value="">Any or none</option>
                <option value="any">Any flag ({flagged})</option>
                {FLAG_CODES.map((f) => (
                  <option key={f} value={f}>
                    {FLAG_LABELS[f]} ({flagCounts.get(f) ?? 0})
                  </option>
                ))}
              </select>
            </label>
            <span className="subtle" aria-live="polite">
              {shown.length} deals · {fmt.money(total)}
            </span>
          </div>
          <DataTable
            label="Open deals"
            data={shown}
            columns={columns}
            filter={text}
            initialSort={[{ id: 'expectedCloseDate', desc: false }]}
            onOpen={(d) => go({ name: 'deal', id: d.id })}
            rowTestId={(d) => `pipe-row-${d.id}`}
            fixed
            height="calc(100vh - 230px)"
          />
        </>
      )}
    </section>
  );
}
