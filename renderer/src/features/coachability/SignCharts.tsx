import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { FREQUENCY_LABELS, SIGN_LABELS, SIGNS } from '../../../../shared/domain/coachability';
import type { ObservationRow } from '../../../../shared/schemas/coachability';
import { useFormat } from '../../lib/format';

/** One small chart per sign: its frequency at each observation over time (the pattern, or not). */
export function SignCharts({ observations }: { observations: ObservationRow[] }) {
  const fmt = useFormat();
  if (observations.length === 0) return <p className="subtle">No observations yet: record one after your next one-on-one, deal review or call.</p>;
  const data = observations.map((o) => ({ date: o.observedOn, ...o.ratings }));
  return (
    <>
    <p className="subtle small">How often each sign was seen at each observation, from “{FREQUENCY_LABELS[0]}” to “{FREQUENCY_LABELS[3]}”, by the day it was observed.</p>
    <div className="sign-charts">
      {SIGNS.map((s) => (
        <figure key={s} className="sign-chart" aria-label={`${SIGN_LABELS[s]} over time: ${observations.map((o) => `${fmt.date(o.observedOn)} ${FREQUENCY_LABELS[o.ratings[s]]}`).join('; ')}`}>
          <h3>{SIGN_LABELS[s]}</h3>
          <ResponsiveContainer width="100%" height={132}>
            <LineChart data={data} margin={{ top: 10, right: 8, bottom: 14, left: 0 }}>
              <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
              {/* Both axes say what they measure: the day observed, and how often the sign was seen (its ticks). */}
              <XAxis
                dataKey="date"
                tick={{ fontSize: 10, fill: 'var(--ink-2)' }}
                tickFormatter={(d: string) => fmt.shortDate(d)}
                minTickGap={16}
                label={{ value: 'Day observed', position: 'insideBottom', offset: -10, fontSize: 10, fill: 'var(--ink-2)' }}
              />
              <YAxis
                domain={[0, 3]}
                ticks={[0, 1, 2, 3]}
                width={90}
                tick={{ fontSize: 10, fill: 'var(--ink-2)' }}
                tickFormatter={(v: number) => FREQUENCY_LABELS[v] ?? String(v)}
              />
              <Tooltip formatter={(v) => FREQUENCY_LABELS[Number(v)] ?? String(v)} labelFormatter={(d) => fmt.date(String(d))} />
              <Line type="linear" dataKey={s} stroke="var(--chart-line)" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </figure>
      ))}
    </div>
    </>
  );
}
