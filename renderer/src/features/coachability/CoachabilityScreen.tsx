import { useState } from 'react';
import { SIGN_LABELS } from '../../../../shared/domain/coachability';
import { hrefFor } from '../../app/router';
import { useApiData } from '../../lib/useApiData';
import { asOfArg, useAsOf } from '../../lib/useAsOf';
import { useFormat } from '../../lib/format';
import { STATUS_LABEL, STATUS_TONE } from './CoachabilityPanel';
import { ObservationDialog } from './ObservationDialog';
import { SignCharts } from './SignCharts';

/** Everyone's status at a glance, most concerning first, and the manager's own mirror. */
export function CoachabilityScreen() {
  const fmt = useFormat();
  const asOf = useAsOf((s) => s.asOf);
  const team = useApiData('coachability.team', asOfArg(asOf), { keep: true });
  const self = useApiData('coachability.self', asOfArg(asOf), { keep: true });
  const [assessing, setAssessing] = useState(false);
  if (team.error) return <p className="form-error" role="alert">{team.error}</p>;
  if (!team.data) return <p className="loading">Loading…</p>;
  return (
    <section className="screen" aria-labelledby="cb-h">
      <header className="screen-head">
        <div>
          <h1 id="cb-h" tabIndex={-1}>
            Coachability
          </h1>
          <p className="subtle">Judged as a pattern over several observations and weeks, never from one entry, and only after the cautions are ruled out.</p>
        </div>
      </header>
      <table className="plain-table card-table" aria-label="Team coachability">
        <thead>
          <tr>
            <th>Rep</th>
            <th>Status</th>
            <th>Why</th>
            <th className="num">Concerning / observations</th>
            <th>Last observation</th>
          </tr>
        </thead>
        <tbody>
          {team.data.map((r) => (
            <tr key={r.repId} data-testid={`coach-${r.name}`}>
              <td>
                <a className="strong-link" href={hrefFor({ name: 'rep', id: r.repId })}>
                  {r.name}
                </a>
              </td>
              <td>
                <span className={`badge tone-${STATUS_TONE[r.judgement.status]}`}>{STATUS_LABEL[r.judgement.status]}</span>
                {r.judgement.topPerformerRisk && <span className="badge tone-bad">top performer: team risk</span>}
              </td>
              <td className="why">
                {r.judgement.headline}
                {r.judgement.signs.length > 0 && <span className="subtle"> · {r.judgement.signs.map((s) => SIGN_LABELS[s]).join(', ')}</span>}
              </td>
              <td className="num">
                {r.judgement.concerning} / {r.judgement.observationsInWindow}
              </td>
              <td>{fmt.date(r.judgement.lastObservedOn)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section className="card" aria-labelledby="mirror-h">
        <div className="card-head">
          <h2 id="mirror-h">Your own mirror</h2>
          <button type="button" onClick={() => setAssessing(true)}>
            Assess myself
          </button>
        </div>
        {self.data && (
          <>
            <p>
              <strong>{self.data.judgement.headline}</strong>
              {self.data.judgement.lastObservedOn && <span className="subtle"> · last self-assessment {fmt.date(self.data.judgement.lastObservedOn)}</span>}
            </p>
            <SignCharts observations={self.data.observations} />
          </>
        )}
      </section>
      {assessing && <ObservationDialog repId={null} repName="you" onClose={() => setAssessing(false)} />}
    </section>
  );
}
