import { useState } from 'react';
import { CartesianGrid, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, LabelList } from 'recharts';
import { PLACEMENT_DIFFERS_TEXT, QUADRANT_DEFS, QUADRANTS, placementDiffers, type Quadrant } from '../../../../shared/domain/development';
import type { RepDevelopment, TeamDevelopment } from '../../../../shared/schemas/development';
import { call } from '../../api/client';
import { toast } from '../../app/toasts';

const cap = (x: number | null) => (x === null ? null : Math.min(2.5, x));

/**
 * Talent and effort: where the data puts each rep (effort from new opportunities, skill from
 * win rate and deal size, both against the team median), beside the manager's own judgement.
 */
export function TalentEffortCard({ d }: { d: TeamDevelopment }) {
  const points = d.reps
    .filter((r) => r.data.effort !== null && r.data.effectiveness !== null)
    .map((r) => ({ name: r.name.split(' ')[0], effort: cap(r.data.effort), effectiveness: cap(r.data.effectiveness) }));
  return (
    <section className="card" aria-labelledby="te-title">
      <h2 id="te-title">Talent and effort</h2>
      <p className="subtle">
        Talented people fail when they will not work; hard workers fail when they will not learn. The coaching differs: standards and accountability
        for effort, skill coaching for effectiveness. 1.0 is the team median.
      </p>
      <div className="te-layout">
        <figure className="te-chart" aria-label="Reps by effort and effectiveness">
          <ResponsiveContainer width="100%" height={300}>
            <ScatterChart margin={{ top: 16, right: 24, bottom: 28, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis type="number" dataKey="effort" name="Effort" domain={[0, 2.5]} ticks={[0, 0.5, 1, 1.5, 2, 2.5]} label={{ value: 'Effort: new opportunities vs median', position: 'bottom', offset: 8 }} />
              <YAxis type="number" dataKey="effectiveness" name="Effectiveness" domain={[0, 2.5]} ticks={[0, 0.5, 1, 1.5, 2, 2.5]} label={{ value: 'Effectiveness', angle: -90, position: 'insideLeft' }} />
              <ReferenceLine x={1} stroke="var(--chart-ref)" />
              <ReferenceLine y={1} stroke="var(--chart-ref)" />
              <Tooltip formatter={(v) => Number(v).toFixed(2)} />
              <Scatter data={points} fill="var(--chart-line)" isAnimationActive={false}>
                <LabelList dataKey="name" position="top" fontSize={11} />
              </Scatter>
            </ScatterChart>
          </ResponsiveContainer>
        </figure>
        <dl className="te-guidance">
          {QUADRANTS.map((q) => (
            <div key={q}>
              <dt>{QUADRANT_DEFS[q].label}</dt>
              <dd>{QUADRANT_DEFS[q].guidance}</dd>
            </div>
          ))}
        </dl>
      </div>
      <table className="plain-table te-table" aria-label="Talent and effort per rep">
        <thead>
          <tr>
            <th scope="col">Rep</th>
            <th scope="col">From the data</th>
            <th scope="col">Your judgement</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {d.reps.map((r) => (
            <PlacementRow key={r.repId} r={r} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function PlacementRow({ r }: { r: RepDevelopment }) {
  const [quadrant, setQuadrant] = useState<Quadrant | ''>(r.manager?.quadrant ?? '');
  const [note, setNote] = useState(r.manager?.note ?? '');
  const dirty = quadrant !== (r.manager?.quadrant ?? '') || note !== (r.manager?.note ?? '');
  const save = async () => {
    try {
      await call('development.place', { repId: r.repId, quadrant: quadrant || null, note: note || null });
      toast(quadrant ? `Placed ${r.name}: ${QUADRANT_DEFS[quadrant].label.toLowerCase()}.` : `Cleared your placement of ${r.name}.`);
    } catch (err) {
      toast((err as Error).message);
    }
  };
  return (
    <tr data-testid={`te-${r.name}`}>
      <th scope="row">{r.name}</th>
      <td>
        {r.data.quadrant ? QUADRANT_DEFS[r.data.quadrant].label : 'Not enough data'}
        <div className="subtle small">{r.data.reason}</div>
      </td>
      <td>
        <select aria-label={`Your judgement of ${r.name}`} value={quadrant} onChange={(e) => setQuadrant(e.target.value as Quadrant | '')}>
          <option value="">Not placed</option>
          {QUADRANTS.map((q) => (
            <option key={q} value={q}>
              {QUADRANT_DEFS[q].label}
            </option>
          ))}
        </select>
        {placementDiffers(r.data, r.manager) && <div className="warn small">{PLACEMENT_DIFFERS_TEXT}</div>}
      </td>
      <td>
        <div className="inline-edit">
          <input type="text" aria-label={`Why, for ${r.name}`} value={note} maxLength={1000} placeholder="What you see that the numbers don't" onChange={(e) => setNote(e.target.value)} />
          <button type="button" disabled={!dirty} onClick={() => void save()}>
            Save
          </button>
        </div>
      </td>
    </tr>
  );
}
