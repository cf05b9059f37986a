import { useMemo } from 'react';
import { METRIC_LABELS, type RepMetrics } from '../../../../shared/domain/metrics';
import { useApp } from '../../app/appStore';
import { hrefFor, useRouter } from '../../app/router';
import { AsOfPicker } from '../../components/AsOfPicker';
import { DataTable, type Column } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { Sparkline } from '../../components/Sparkline';
import { useFormat } from '../../lib/format';
import { asOfArg, useAsOf } from '../../lib/useAsOf';
import { NeedsAttentionList } from './NeedsAttention';
import { useApiData } from '../../lib/useApiData';
import { DemoOffer } from '../team/DemoOffer';
import { Coverage } from './Coverage';
import { DiagnosisBadge } from './DiagnosisBadge';
import { NeglectRadar } from './NeglectRadar';
import { TeamValueProps } from '../valueProps/TeamValueProps';

const x = (n: number | null) => (n === null ? '—' : `${n.toFixed(1)}x`);

export function DashboardScreen() {
  const info = useApp((s) => s.info);
  const asOf = useAsOf((s) => s.asOf);
  const go = useRouter((s) => s.go);
  const fmt = useFormat();
  const { data, error } = useApiData('metrics.team', asOfArg(asOf), { keep: true });
  // Loaded on its own: ranking the whole pipeline must not hold up the team's numbers.
  const attention = useApiData('pipeline.attention', asOfArg(asOf), { keep: true }).data;

  const columns = useMemo<Column<RepMetrics>[]>(
    () => [
      {
        accessorKey: 'name',
        header: 'Rep',
        cell: (c) => (
          <a className="strong-link" href={hrefFor({ name: 'rep', id: c.row.original.repId })}>
            {c.row.original.name}
          </a>
        ),
      },
      {
        id: 'diagnosis',
        accessorFn: (m) => m.diagnosis.kind,
        header: 'Diagnosis',
        cell: (c) => <DiagnosisBadge kind={c.row.original.diagnosis.kind} evidence={c.row.original.diagnosis.evidence} />,
      },
      { accessorKey: 'winRate', header: 'Win rate', meta: { numeric: true }, sortUndefined: 'last', cell: (c) => fmt.percent(c.getValue()) },
      { accessorKey: 'avgWonDealSize', header: 'Avg deal', meta: { numeric: true, priority: 2 }, sortUndefined: 'last', cell: (c) => (c.getValue() === null ? '—' : fmt.compactMoney(c.getValue())) },
      { accessorKey: 'avgCycleDays', header: 'Cycle', meta: { numeric: true, priority: 2 }, sortUndefined: 'last', cell: (c) => (c.getValue() === null ? '—' : `${Math.round(c.getValue())} d`) },
      { accessorKey: 'openValue', header: 'Pipeline', meta: { numeric: true }, cell: (c) => fmt.compactMoney(c.getValue()) },
      {
        id: 'coverage',
        accessorFn: (m) => (m.actualCoverage ?? 0) - (m.needs.requiredCoverage ?? 0),
        header: 'Coverage need / has',
        cell: (c) => <Coverage required={c.row.original.needs.requiredCoverage} actual={c.row.original.actualCoverage} />,
      },
      {
        id: 'dealsNeeded',
        accessorFn: (m) => m.needs.dealsNeeded,
        header: 'Opps needed',
        meta: { numeric: true },
        sortUndefined: 'last',
        cell: (c) => (c.getValue() === null ? '—' : Math.ceil(c.getValue())),
      },
      {
        accessorKey: 'newOppsPerWeek',
        header: 'New opps / wk',
        meta: { numeric: true },
        cell: (c) => (
          <span className="spark-cell">
            <Sparkline width={64} values={c.row.original.weeklyNewOpps} label={`New opportunities per week, last 12 weeks: ${c.row.original.weeklyNewOpps.join(', ')}`} />
            {c.getValue().toFixed(1)}
          </span>
        ),
      },
      { accessorKey: 'attainment', header: METRIC_LABELS.attainment, meta: { numeric: true }, sortUndefined: 'last', cell: (c) => fmt.percent(c.getValue()) },
    ],
    [fmt],
  );

  if (error) return <p className="form-error" role="alert">{error}</p>;
  if (!data || !info) return <p className="loading">Working out the numbers…</p>;
  const t = data.team;

  return (
    <section className="screen" aria-labelledby="dash-title">
      <header className="screen-head">
        <div>
          <h1 id="dash-title" tabIndex={-1}>
            Dashboard
          </h1>
          <p className="subtle">
            {data.period.label} · win rates over {fmt.date(data.windowStart)} – {fmt.date(data.asOf)} · coverage needed is set per rep from their own win rate
          </p>
        </div>
        <AsOfPicker today={info.today} />
      </header>

      {data.reps.length === 0 ? (
        <EmptyState title="Nothing to measure yet">
          <p>Add reps and their deals (or load the demo team) to see win rates, coverage and who needs what kind of coaching.</p>
          <DemoOffer />
        </EmptyState>
      ) : (
        <>
          <dl className="stat-strip" aria-label="Team">
            <div>
              <dt>Team win rate</dt>
              <dd>{fmt.percent(t.winRate)}</dd>
              <dd className="stat-note">
                {t.wonCount} won of {t.closedCount} closed
              </dd>
            </div>
            <div>
              <dt>{METRIC_LABELS.coverage}</dt>
              <dd>
                {x(t.needs.requiredCoverage)} / {x(t.actualCoverage)}
              </dd>
              <dd className="stat-note">open {fmt.money(t.openValue)} vs {fmt.money(t.remainingQuota)} to go</dd>
            </div>
            <div>
              <dt>Won {data.period.label}</dt>
              <dd>{fmt.money(t.wonThisPeriod)}</dd>
              <dd className="stat-note">{fmt.percent(t.attainment)} of {fmt.money(t.quota)}</dd>
            </div>
            <div>
              <dt>{METRIC_LABELS.newOppsPerWeek}</dt>
              <dd>{t.newOppsPerWeek.toFixed(1)}</dd>
              <dd className="stat-note">
                <Sparkline values={t.weeklyNewOpps} label="Team new opportunities per week" width={120} />
              </dd>
            </div>
          </dl>

          <section className="card" aria-labelledby="attention-title">
            <div className="card-head">
              <h2 id="attention-title">Needs attention</h2>
              <a href={hrefFor({ name: 'pipeline' })}>The whole pipeline, ranked</a>
            </div>
            {!attention ? (
              <p className="loading">Ranking the open deals…</p>
            ) : attention.deals.length === 0 ? (
              <p className="good-text">No open deal carries a flag.</p>
            ) : (
              <>
                <p className="subtle small">
                  The team's {attention.deals.length} open deals with the highest attention: the severity of their flags, their size and how near the close date is.{' '}
                  {attention.warningOrWorse} of {attention.openCount} open deals ({fmt.percent(attention.openCount ? attention.warningOrWorse / attention.openCount : null)}) carry a
                  warning or critical flag.
                </p>
                <NeedsAttentionList deals={attention.deals} showRep detail={false} testId="team-attention" />
              </>
            )}
          </section>
          <DataTable
            label="Reps"
            data={data.reps}
            columns={columns}
            initialSort={[{ id: 'name', desc: false }]}
            onOpen={(m) => go({ name: 'rep', id: m.repId })}
            rowTestId={(m) => `metrics-row-${m.name}`}
            height="none"
          />
          <NeglectRadar rows={data.neglect} days={data.neglectDays} />
          <TeamValueProps />
        </>
      )}
    </section>
  );
}
