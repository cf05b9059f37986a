import type { RepDashboard } from '../../../../shared/schemas/pipeline';
import { hrefFor } from '../../app/router';
import { Sparkline } from '../../components/Sparkline';
import { useFormat } from '../../lib/format';
import { Coverage } from '../dashboard/Coverage';
import { DiagnosisBadge } from '../dashboard/DiagnosisBadge';
import { FlagChips } from '../pipeline/FlagChips';
import { WhatIf } from './WhatIf';
import { accountLabel } from '../../../../shared/domain/format';

export function RepMetricsPanel({ data }: { data: RepDashboard }) {
  const fmt = useFormat();
  const m = data.metrics;
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
            <dt>Win rate (count / value)</dt>
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
            <dt>Avg won deal</dt>
            <dd>{m.avgWonDealSize === null ? '—' : fmt.money(m.avgWonDealSize)}</dd>
          </div>
          <div>
            <dt>Avg cycle</dt>
            <dd>{m.avgCycleDays === null ? '—' : `${Math.round(m.avgCycleDays)} days`}</dd>
          </div>
          <div>
            <dt>Won {data.period.label}</dt>
            <dd>
              {fmt.money(m.wonThisPeriod)} <span className="subtle">({fmt.percent(m.attainment)})</span>
            </dd>
          </div>
          <div>
            <dt>Coverage needed / actual</dt>
            <dd>
              <Coverage required={m.needs.requiredCoverage} actual={m.actualCoverage} />
            </dd>
          </div>
          <div>
            <dt>Open pipeline</dt>
            <dd>
              {fmt.money(m.openValue)} <span className="subtle">({m.openCount} deals)</span>
            </dd>
          </div>
          <div>
            <dt>New opps / week</dt>
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
          <h2 id="flagged-title">Flagged deals ({data.needsAttention.length})</h2>
          {data.needsAttention.length === 0 ? (
            <p className="good-text">No open deal has an integrity flag.</p>
          ) : (
            <ul className="flagged-list">
              {data.needsAttention.map((d) => (
                <li key={d.id}>
                  <div>
                    <a className="strong-link" href={hrefFor({ name: 'deal', id: d.id })}>
                      {d.name}
                    </a>{' '}
                    <span className="subtle">
                      {accountLabel(d.accountName)} · {fmt.money(d.amount, d.currency)} · {d.stage}
                    </span>
                  </div>
                  <FlagChips flags={d.flags} />
                  <p className="coach-question">Ask: {d.flags[0]!.question}</p>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
