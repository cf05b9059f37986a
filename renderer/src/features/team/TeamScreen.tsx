import { useEffect, useMemo, useRef, useState } from 'react';
import { METRIC_LABELS } from '../../../../shared/domain/metrics';
import { REP_ROLE_LABELS, REP_STATUS_LABELS, type RepRole, type RepStatus } from '../../../../shared/schemas/rep';
import type { TeamRow } from '../../../../shared/schemas/team';
import { call } from '../../api/client';
import { toastError } from '../../app/toasts';
import { hrefFor, useRouter } from '../../app/router';
import { ConfirmDialog } from '../../components/Dialog';
import { DataTable, type Column } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { useShortcut } from '../../lib/useShortcut';
import { useFormat } from '../../lib/format';
import { archiveRep } from './archiveRep';
import { RepForm } from './RepForm';
import { useTeam } from './teamStore';
import { asOfArg, useAsOf } from '../../lib/useAsOf';
import { useApiData } from '../../lib/useApiData';
import { DemoOffer } from './DemoOffer';

export function TeamScreen() {
  const includeArchived = useTeam((s) => s.includeArchived);
  const setIncludeArchived = useTeam((s) => s.setIncludeArchived);
  const go = useRouter((s) => s.go);
  const fmt = useFormat();
  const [filter, setFilter] = useState('');
  const [adding, setAdding] = useState(false);
  const [editingId, setEditingId] = useState<number | null>(null);
  const [archiving, setArchiving] = useState<TeamRow | null>(null);
  const filterRef = useRef<HTMLInputElement>(null);

  const asOf = useAsOf((s) => s.asOf);
  const { data: summary, error } = useApiData('team.summary', { includeArchived, ...asOfArg(asOf) }, { keep: true });
  useShortcut('n', () => setAdding(true), 'Add a rep');
  useShortcut('f', () => filterRef.current?.focus(), 'Filter the reps');

  const periodLabel = summary?.period.label;
  const columns = useMemo<Column<TeamRow>[]>(
    () => [
      {
        accessorKey: 'name',
        header: 'Rep',
        cell: (c) => (
          <>
            <a href={hrefFor({ name: 'rep', id: c.row.original.repId })} className="strong-link">
              {c.row.original.name}
            </a>
            {c.row.original.status !== 'active' && (
              <span className={`badge badge-${c.row.original.status}`}>{REP_STATUS_LABELS[c.row.original.status as RepStatus]}</span>
            )}
          </>
        ),
      },
      { accessorKey: 'role', header: 'Role', cell: (c) => REP_ROLE_LABELS[c.getValue() as RepRole] ?? c.getValue() },
      { accessorKey: 'territory', header: 'Territory', cell: (c) => c.getValue() ?? '—' },
      { accessorKey: 'quota', header: 'Quota', meta: { numeric: true }, cell: (c) => fmt.money(c.getValue()) },
      { accessorKey: 'wonThisPeriod', header: periodLabel ? `Won ${periodLabel}` : 'Won', meta: { numeric: true }, cell: (c) => fmt.money(c.getValue()) },
      {
        accessorKey: 'attainment',
        header: METRIC_LABELS.attainment,
        meta: { numeric: true },
        sortUndefined: 'last',
        cell: (c) => <Attainment value={c.getValue()} label={fmt.percent(c.getValue())} />,
      },
      { accessorKey: 'openPipeline', header: 'Pipeline', meta: { numeric: true }, cell: (c) => fmt.money(c.getValue()) },
      { accessorKey: 'openCount', header: 'Open', meta: { numeric: true } },
      { accessorKey: 'dealCount', header: 'Deals', meta: { numeric: true } },
      {
        id: 'actions',
        header: () => <span className="visually-hidden">Actions</span>,
        enableSorting: false,
        cell: (c) => (
          <span className="row-actions">
            <button type="button" className="link-button" onClick={() => setEditingId(c.row.original.repId)} aria-label={`Edit ${c.row.original.name}`}>
              Edit
            </button>
            {c.row.original.status !== 'archived' ? (
              <button type="button" className="link-button" onClick={() => setArchiving(c.row.original)} aria-label={`Archive ${c.row.original.name}`}>
                Archive
              </button>
            ) : (
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  void call('reps.restore', { id: c.row.original.repId }).catch(toastError)
                }
                aria-label={`Restore ${c.row.original.name}`}
              >
                Restore
              </button>
            )}
          </span>
        ),
      },
    ],
    [fmt, periodLabel],
  );

  if (error) return <p className="form-error" role="alert">{error}</p>;
  if (!summary) return <p className="loading">Loading the team…</p>;

  const totals = summary.rows.reduce(
    (t, r) => ({ quota: t.quota + r.quota, won: t.won + r.wonThisPeriod, open: t.open + r.openPipeline }),
    { quota: 0, won: 0, open: 0 },
  );

  return (
    <section aria-labelledby="team-title" className="screen">
      <header className="screen-head">
        <div>
          <h1 id="team-title" tabIndex={-1}>Team</h1>
          <p className="subtle">
            {summary.period.label} · as of {fmt.date(summary.asOf)} · {summary.rows.length} rep{summary.rows.length === 1 ? '' : 's'}
          </p>
        </div>
        <div className="head-actions">
          <button type="button" className="primary" onClick={() => setAdding(true)} aria-keyshortcuts="n">
            Add rep <kbd>N</kbd>
          </button>
        </div>
      </header>

      {summary.rows.length === 0 && !includeArchived ? (
        <EmptyState title="No reps yet">
          <p>Add the people you manage to start preparing one-on-ones and inspecting their pipeline.</p>
          <div className="empty-actions">
            <button type="button" className="primary" onClick={() => setAdding(true)}>
              Add your first rep
            </button>
            <DemoOffer />
          </div>
        </EmptyState>
      ) : (
        <>
          <dl className="stat-strip" aria-label="Team totals this period">
            <div>
              <dt>Team quota</dt>
              <dd>{fmt.money(totals.quota)}</dd>
            </div>
            <div>
              <dt>Won this period</dt>
              <dd>{fmt.money(totals.won)}</dd>
            </div>
            <div>
              <dt>Attainment</dt>
              <dd>{fmt.percent(totals.quota > 0 ? totals.won / totals.quota : null)}</dd>
            </div>
            <div>
              <dt>Open pipeline</dt>
              <dd>{fmt.money(totals.open)}</dd>
            </div>
          </dl>
          <div className="toolbar">
            <label className="search">
              <span className="visually-hidden">Filter reps</span>
              <input ref={filterRef} type="search" placeholder="Filter reps  ( F )" value={filter} onChange={(e) => setFilter(e.target.value)} />
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)} /> Show archived reps
            </label>
          </div>
          <DataTable
            label="Team"
            data={summary.rows}
            columns={columns}
            filter={filter}
            initialSort={[{ id: 'name', desc: false }]}
            onOpen={(r) => go({ name: 'rep', id: r.repId })}
            rowTestId={(r) => `team-row-${r.name}`}
          />
        </>
      )}

      {adding && <RepForm onClose={() => setAdding(false)} />}
      {editingId !== null && <EditRep id={editingId} onClose={() => setEditingId(null)} />}
      {archiving && (
        <ConfirmDialog
          title={`Archive ${archiving.name}?`}
          message={
            <p>
              {archiving.name} leaves the team list and can no longer be given deals. Their {archiving.dealCount} deals, notes and one-on-ones are
              kept, and you can restore them at any time.
            </p>
          }
          confirmLabel="Archive"
          danger
          onCancel={() => setArchiving(null)}
          onConfirm={() => {
            const r = archiving;
            setArchiving(null);
            void archiveRep(r.repId, r.name);
          }}
        />
      )}
    </section>
  );
}

function Attainment({ value, label }: { value: number | null; label: string }) {
  if (value === null) return <span className="subtle">no quota</span>;
  const pct = Math.min(100, Math.round(value * 100));
  return (
    <span className="attainment">
      <span className="bar" aria-hidden="true">
        <span style={{ width: `${pct}%` }} className={value >= 1 ? 'bar-fill good' : value >= 0.5 ? 'bar-fill' : 'bar-fill low'} />
      </span>
      {label}
    </span>
  );
}

function EditRep({ id, onClose }: { id: number; onClose: () => void }) {
  const { data: rep, error } = useApiData('reps.get', { id });
  // A failed load just closes the form.
  useEffect(() => void (error && onClose()), [error]); // eslint-disable-line react-hooks/exhaustive-deps -- onClose is a new function each render
  return rep ? <RepForm rep={rep} onClose={onClose} /> : null;
}
