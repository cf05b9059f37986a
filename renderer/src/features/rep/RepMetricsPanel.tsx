import { METRIC_LABELS } from '../../../../shared/domain/metrics';
import type { RepDashboard } from '../../../../shared/schemas/pipeline';
import { Sparkline } from '../../components/Sparkline';
import { useFormat } from '../../lib/format';
import { Coverage } from '../dashboard/Coverage';
import { DiagnosisBadge } from '../dashboard/DiagnosisBadge';
import { NeedsAttentionList } from '../dashboard/NeedsAttention';
import { WhatIf } from './WhatIf';

export function RepMetricsPanel({ data }: { data: RepDashboard }) {
  const fmt = useFormat();
  const m = data.metrics;
  const flagged = data.ranked.filter((d) => d.flags.length > 0).length;
  return (
    <>
      <section className="card diagnosis-card" aria-labelledby="diag-title">
        <div className="diag-head">
          <h2 id="diag-title">{m.diagnosis.headline}</h2>
          <DiagnosisBadge kind={m.diagnosis.kind} />
        </div>
        <ul className="evidence">
          {m.diagnosis.evidence.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
        <dl className="metric-grid">
          <div>
            <dt>{METRIC_LABELS.winRate}</dt>
            <dd>
              {fmt.percent(m.winRate)} / {fmt.percent(m.winRateByValue)}
            </dd>
          </div>
          <div>
            <dt>Won / lost</dt>
            <dd>
              {m.wonCount} / {m.lostCount}
            </dd>
          </div>
          <div>
            <dt>{METRIC_LABELS.avgWonDeal}</dt>
            <dd>{m.avgWonDealSize === null ? '—' : fmt.money(m.avgWonDealSize)}</dd>
          </div>
          <div>
            <dt>{METRIC_LABELS.avgCycle}</dt>
            <dd>{m.avgCycleDays === null ? '—' : `${Math.round(m.avgCycleDays)} days`}</dd>
          </div>
          <div>
            <dt>
              {METRIC_LABELS.won} {data.period.label}
            </dt>
            <dd>
              {fmt.money(m.wonThisPeriod)} <span className="subtle">({fmt.percent(m.attainment)})</span>
            </dd>
          </div>
          <div>
            <dt>{METRIC_LABELS.coverage}</dt>
            <dd>
              <Coverage required={m.needs.requiredCoverage} actual={m.actualCoverage} />
            </dd>
          </div>
          <div>
            <dt>{METRIC_LABELS.openPipeline}</dt>
            <dd>
              {fmt.money(m.openValue)} <span className="subtle">({m.openCount} deals)</span>
            </dd>
          </div>
          <div>
            <dt>{METRIC_LABELS.newOppsPerWeek}</dt>
            <dd className="spark-cell">
              <Sparkline values={m.weeklyNewOpps} label={`New opportunities per week: ${m.weeklyNewOpps.join(', ')}`} /> {m.newOppsPerWeek.toFixed(1)}
              <span className="subtle">{m.newOppsTrend > 0.05 ? ' rising' : m.newOppsTrend < -0.05 ? ' falling' : ' flat'}</span>
            </dd>
          </div>
        </dl>
      </section>
      <div className="columns">
        <WhatIf data={data} />
        <section className="card" aria-labelledby="flagged-title">
          <h2 id="flagged-title">Needs attention</h2>
          <p className="subtle small">
            {flagged} of {data.ranked.length} open deals flagged. The top {data.needsAttention.length || ''} by attention (severity, size, nearness of the close date); the
            one-on-one agenda takes the same.
          </p>
          {!data.stakeholdersTracked && (
            <p className="notice small">Stakeholders not tracked yet: no stakeholder is recorded on any of their open deals, so stakeholder flags are not raised.</p>
          )}
          {data.needsAttention.length === 0 ? (
            <p className="good-text">No open deal has an integrity flag.</p>
          ) : (
            <NeedsAttentionList deals={data.needsAttention} showRep={false} detail testId="rep-attention" />
          )}
        </section>
      </div>
    </>
  );
}
