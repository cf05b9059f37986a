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
    <div className="sign-charts">
      {SIGNS.map((s) => (
        <figure key={s} className="sign-chart" aria-label={`${SIGN_LABELS[s]} over time: ${observations.map((o) => `${fmt.date(o.observedOn)} ${FREQUENCY_LABELS[o.ratings[s]]}`).join('; ')}`}>
          <h3>{SIGN_LABELS[s]}</h3>
          <ResponsiveContainer width="100%" height={96}>
            <LineChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: -28 }}>
              <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
              <XAxis dataKey="date" tick={{ fontSize: 10 }} tickFormatter={(d: string) => d.slice(5)} minTickGap={16} />
              <YAxis domain={[0, 3]} ticks={[0, 1, 2, 3]} tick={{ fontSize: 10 }} />
              <Tooltip formatter={(v) => FREQUENCY_LABELS[Number(v)] ?? String(v)} labelFormatter={(d) => fmt.date(String(d))} />
              <Line type="linear" dataKey={s} stroke="var(--chart-line)" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </figure>
      ))}
    </div>
  );
}
