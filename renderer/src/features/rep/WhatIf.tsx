import { useEffect, useState } from 'react';
import { computeNeeds } from '../../../../shared/domain/metrics';
import { countOf } from '../../../../shared/domain/format';
import type { RepDashboard } from '../../../../shared/schemas/pipeline';
import { useFormat } from '../../lib/format';

/**
 * "The numbers are not fate": change this rep's win rate, deal size or cycle and see what
 * they would need instead. Nothing is saved; the same pure function as the dashboard runs here.
 */
export function WhatIf({ data }: { data: RepDashboard }) {
  const fmt = useFormat();
  const m = data.metrics;
  // Start from the exact actuals, so an untouched what-if equals the dashboard's numbers.
  const start = {
    winRate: m.winRate !== null ? m.winRate * 100 : 25,
    dealSize: m.avgWonDealSize ?? 0,
    cycle: m.avgCycleDays ?? 60,
  };
  const [v, setV] = useState(start);
  useEffect(() => setV(start), [m.repId, data.asOf]); // eslint-disable-line react-hooks/exhaustive-deps -- reset for another rep or date only, not on every reload

  const input = (winRate: number, dealSize: number, cycle: number) => ({
    remainingQuota: m.remainingQuota,
    winRate: winRate > 0 ? winRate / 100 : null,
    avgDealSize: dealSize > 0 ? dealSize : null,
    cycleDays: cycle > 0 ? cycle : null,
    openValue: m.openValue,
    prospectsPerOpp: data.prospectsPerOpp,
    daysLeft: data.daysLeftInPeriod,
  });
  const now = m.needs;
  const next = computeNeeds(input(v.winRate, v.dealSize, v.cycle));
  const n = (x: number | null) => (x === null ? '—' : Math.ceil(x).toLocaleString());
  const changed = v.winRate !== start.winRate || v.dealSize !== start.dealSize || v.cycle !== start.cycle;

  return (
    <section className="card" aria-labelledby="whatif-title">
      <h2 id="whatif-title">What if…</h2>
      <p className="subtle">
        {fmt.money(m.remainingQuota)} of quota left with {countOf(data.daysLeftInPeriod, 'day')} in {data.period.label}. Change a driver to see what {m.name} would need.
      </p>
      <div className="whatif-inputs">
        <label>
          Win rate <strong>{Math.round(v.winRate)}%</strong>
          <input type="range" aria-label="What-if win rate" min={1} max={90} value={Math.round(v.winRate)} onChange={(e) => setV({ ...v, winRate: Number(e.target.value) })} aria-valuetext={`${Math.round(v.winRate)} percent`} />
        </label>
        <label>
          Average deal size
          <input type="number" min={0} step={1000} value={Math.round(v.dealSize)} onChange={(e) => setV({ ...v, dealSize: Number(e.target.value) })} />
        </label>
        <label>
          Sales cycle (days)
          <input type="number" min={1} value={Math.round(v.cycle)} onChange={(e) => setV({ ...v, cycle: Number(e.target.value) })} />
        </label>
        <button type="button" onClick={() => setV(start)} disabled={!changed}>
          Reset to actuals
        </button>
      </div>
      <table className="plain-table whatif-table" aria-label="What-if results">
        <thead>
          <tr>
            <th />
            <th className="num">Now</th>
            <th className="num">What if</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Coverage needed</th>
            <td className="num">{now.requiredCoverage === null ? '—' : `${now.requiredCoverage.toFixed(1)}x`}</td>
            <td className="num" data-testid="whatif-coverage">{next.requiredCoverage === null ? '—' : `${next.requiredCoverage.toFixed(1)}x`}</td>
          </tr>
          <tr>
            <th scope="row">Wins needed</th>
            <td className="num">{n(now.winsNeeded)}</td>
            <td className="num">{n(next.winsNeeded)}</td>
          </tr>
          <tr>
            <th scope="row">Opportunities needed</th>
            <td className="num">{n(now.dealsNeeded)}</td>
            <td className="num" data-testid="whatif-deals">{n(next.dealsNeeded)}</td>
          </tr>
          <tr>
            <th scope="row">Pipeline value needed</th>
            <td className="num">{now.valueNeeded === null ? '—' : fmt.money(now.valueNeeded)}</td>
            <td className="num">{next.valueNeeded === null ? '—' : fmt.money(next.valueNeeded)}</td>
          </tr>
          <tr>
            <th scope="row">New opportunities to add</th>
            <td className="num">{n(now.oppsToAdd)}</td>
            <td className="num">{n(next.oppsToAdd)}</td>
          </tr>
          <tr>
            <th scope="row">Prospects to work (1 in {data.prospectsPerOpp})</th>
            <td className="num">{n(now.prospectsNeeded)}</td>
            <td className="num" data-testid="whatif-prospects">{n(next.prospectsNeeded)}</td>
          </tr>
          <tr>
            <th scope="row">New opps can close this period</th>
            <td className="num">{now.newOppsCanCloseThisPeriod === null ? '—' : now.newOppsCanCloseThisPeriod ? 'yes' : 'no'}</td>
            <td className="num">{next.newOppsCanCloseThisPeriod === null ? '—' : next.newOppsCanCloseThisPeriod ? 'yes' : 'no'}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
