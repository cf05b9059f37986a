import { useCallback, useMemo, useState } from 'react';
import type { Deal } from '../../../../shared/schemas/deal';
import { REP_ROLE_LABELS, REP_STATUS_LABELS } from '../../../../shared/schemas/rep';
import { useApp } from '../../app/appStore';
import { useApiData } from '../../lib/useApiData';
import { hrefFor, useRouter } from '../../app/router';
import { DataTable, type Column } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { useFormat } from '../../lib/format';
import { useShortcut } from '../../lib/useShortcut';
import { DealForm } from '../deal/DealForm';
import { OutcomeBadge } from '../deal/OutcomeBadge';
import { RepForm } from '../team/RepForm';
import type { PipelineDeal } from '../../../../shared/schemas/pipeline';
import { asOfArg, useAsOf } from '../../lib/useAsOf';
import { topFlag } from '../../../../shared/domain/flags';
import { AttentionBadge, FlagChips } from '../pipeline/FlagChips';
import { RepMetricsPanel } from './RepMetricsPanel';
import { OneOnOnesCard } from '../oneOnOne/OneOnOnesCard';
import { ExportDialog } from '../export/ExportDialog';
import { CoachabilityPanel } from '../coachability/CoachabilityPanel';
import { RepDevelopmentCard } from '../development/RepDevelopmentCard';
import { NotesCard } from '../notes/NotesCard';
import { accountLabel } from '../../../../shared/domain/format';
import { ErrorBoundary } from '../../components/ErrorBoundary';

type Tab = 'open' | 'won' | 'lost' | 'all';
const TABS: { id: Tab; label: string }[] = [
  { id: 'open', label: 'Open' },
  { id: 'won', label: 'Won' },
  { id: 'lost', label: 'Lost' },
  { id: 'all', label: 'All' },
];

export function RepScreen({ id }: { id: number }) {
  const go = useRouter((s) => s.go);
  const fmt = useFormat();
  const asOf = useAsOf((s) => s.asOf);
  const repData = useApiData('reps.get', { id });
  const dealsData = useApiData('deals.listByRep', { repId: id, outcome: 'all' });
  // Archived reps have no live metrics (the call fails); the page still shows their history.
  const dash = useApiData('metrics.rep', { repId: id, ...asOfArg(asOf) }).data;
  const rep = repData.data;
  const deals = dealsData.data;
  const error = repData.error ?? dealsData.error;
  const quotaPeriod = useApp((s) => s.settings?.quotaPeriod ?? 'quarter');
  const [tab, setTab] = useState<Tab>('open');
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(false);
  const [exporting, setExporting] = useState(false);

  const openAdd = useCallback(() => rep?.status !== 'archived' && setAdding(true), [rep]);
  const openEdit = useCallback(() => setEditing(true), []);
  useShortcut('n', openAdd, 'Add a deal');
  useShortcut('e', openEdit, 'Edit this rep');

  const columns = useMemo<Column<Deal>[]>(
    () => [
      {
        accessorKey: 'name',
        header: 'Deal',
        cell: (c) => <DealLink deal={c.row.original} />,
      },
      { id: 'account', accessorFn: (d) => accountLabel(d.accountName), header: 'Account' },
      { accessorKey: 'stage', header: 'Stage' },
      { accessorKey: 'amount', header: 'Amount', meta: { numeric: true }, cell: (c) => fmt.money(c.getValue(), c.row.original.currency) },
      {
        id: 'closeDate',
        accessorFn: (d) => d.closedDate ?? d.expectedCloseDate ?? '',
        header: 'Close date',
        cell: (c) => fmt.date(c.getValue() || null),
      },
      { accessorKey: 'createdDate', header: 'Created', cell: (c) => fmt.date(c.getValue()) },
      { accessorKey: 'outcome', header: 'Outcome', cell: (c) => <OutcomeBadge outcome={c.getValue()} /> },
    ],
    [fmt],
  );
  // Open deals: as of the session's date, ranked by attention, each with why.
  const openColumns = useMemo<Column<PipelineDeal>[]>(
    () => [
      {
        accessorKey: 'attention',
        header: 'Attention',
        meta: { numeric: true },
        cell: (c) => <AttentionBadge score={c.getValue()} severity={topFlag(c.row.original.flags)?.severity ?? null} />,
      },
      {
        accessorKey: 'name',
        header: 'Deal',
        cell: (c) => <DealLink deal={c.row.original} />,
      },
      { id: 'why', accessorKey: 'reason', header: 'Why it ranks here', enableSorting: false, meta: { className: 'why' }, cell: (c) => <span className="why-text">{c.getValue()}</span> },
      { accessorKey: 'stage', header: 'Stage' },
      { accessorKey: 'amount', header: 'Amount', meta: { numeric: true }, cell: (c) => fmt.money(c.getValue(), c.row.original.currency) },
      { accessorKey: 'expectedCloseDate', header: 'Close date', sortUndefined: 'last', cell: (c) => fmt.date(c.getValue()) },
      { id: 'flags', header: 'Flags', enableSorting: false, meta: { priority: 2 }, cell: (c) => <FlagChips flags={c.row.original.flags} max={1} /> },
      { id: 'account', accessorFn: (d) => accountLabel(d.accountName), header: 'Account', meta: { priority: 3 } },
    ],
    [fmt],
  );

  if (error) return <p className="form-error" role="alert">{error}</p>;
  if (!rep || !deals || rep.id !== id) return <p className="loading">Loading…</p>;

  const shown = tab === 'all' ? deals : deals.filter((d) => d.outcome === tab);
  const count = (t: Tab) => (t === 'open' && dash ? dash.ranked.length : t === 'all' ? deals.length : deals.filter((d) => d.outcome === t).length);

  return (
    <section className="screen" aria-labelledby="rep-title">
      <nav className="crumbs" aria-label="Breadcrumb">
        <a href={hrefFor({ name: 'team' })}>Team</a> <span aria-hidden="true">›</span> <span aria-current="page">{rep.name}</span>
      </nav>
      <header className="screen-head">
        <div>
          <h1 id="rep-title" tabIndex={-1}>{rep.name}</h1>
          <p className="subtle">
            {REP_ROLE_LABELS[rep.role]}
            {rep.territory ? ` · ${rep.territory}` : ''} · <span className={`badge badge-${rep.status}`}>{REP_STATUS_LABELS[rep.status]}</span>
          </p>
        </div>
        <div className="head-actions">
          <button type="button" onClick={() => setExporting(true)}>
            Export review…
          </button>
          <button type="button" onClick={openEdit} aria-keyshortcuts="e">
            Edit rep <kbd>E</kbd>
          </button>
          <button type="button" className="primary" onClick={openAdd} disabled={rep.status === 'archived'} aria-keyshortcuts="n">
            Add deal <kbd>N</kbd>
          </button>
        </div>
      </header>

      <dl className="stat-strip" aria-label="Profile">
        <div>
          <dt>Quota per {quotaPeriod}</dt>
          <dd>{fmt.money(rep.quota)}</dd>
        </div>
        <div>
          <dt>Hired</dt>
          <dd>{fmt.date(rep.hireDate)}</dd>
        </div>
        <div>
          <dt>Email</dt>
          <dd className="small">{rep.email ?? '—'}</dd>
        </div>
      </dl>

      <ErrorBoundary label="The one-on-ones">
        <OneOnOnesCard repId={rep.id} repName={rep.name} archived={rep.status === 'archived'} cadenceDays={rep.oneOnOneCadenceDays} meetingMinutes={rep.oneOnOneMinutes} />
      </ErrorBoundary>
      {dash && (
        <ErrorBoundary label="The metrics">
          <RepMetricsPanel data={dash} />
        </ErrorBoundary>
      )}
      <ErrorBoundary label="Coachability">
        <CoachabilityPanel repId={rep.id} repName={rep.name} />
      </ErrorBoundary>
      <ErrorBoundary label="The development plan">
        <RepDevelopmentCard repId={rep.id} repName={rep.name} />
      </ErrorBoundary>
      <ErrorBoundary label="The coaching notes">
        <NotesCard repId={rep.id} repName={rep.name} />
      </ErrorBoundary>

      <h2 className="section-title">Deals</h2>
      <div className="tabs" role="tablist" aria-label="Deals by outcome">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} className={tab === t.id ? 'tab active' : 'tab'} onClick={() => setTab(t.id)}>
            {t.label} <span className="count">{count(t.id)}</span>
          </button>
        ))}
      </div>

      {deals.length === 0 ? (
        <EmptyState title="No deals yet">
          <p>Add {rep.name}'s opportunities to see their pipeline, or import them from your CRM.</p>
          <button type="button" className="primary" onClick={openAdd} disabled={rep.status === 'archived'}>
            Add a deal
          </button>
        </EmptyState>
      ) : tab === 'open' && dash ? (
        <DataTable
          key="open"
          label={`${rep.name}'s open deals`}
          data={dash.ranked}
          columns={openColumns}
          initialSort={[{ id: 'attention', desc: true }]}
          onOpen={(d) => go({ name: 'deal', id: d.id })}
          rowTestId={(d) => `deal-row-${d.id}`}
        />
      ) : (
        <DataTable
          key={tab}
          label={`${rep.name}'s deals`}
          data={shown}
          columns={columns}
          onOpen={(d) => go({ name: 'deal', id: d.id })}
          rowTestId={(d) => `deal-row-${d.id}`}
        />
      )}

      {adding && <DealForm repId={rep.id} onClose={() => setAdding(false)} />}
      {editing && <RepForm rep={rep} onClose={() => setEditing(false)} />}
      {exporting && <ExportDialog kind="repReview" repId={rep.id} repName={rep.name} onClose={() => setExporting(false)} />}
    </section>
  );
}

/** A deal's name, linking to its page (both deal tables of the rep page). */
function DealLink({ deal }: { deal: { id: number; name: string } }) {
  return (
    <a className="strong-link" href={hrefFor({ name: 'deal', id: deal.id })}>
      {deal.name}
    </a>
  );
}
