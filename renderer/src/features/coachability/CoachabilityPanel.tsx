import { useState } from 'react';
import { CAUTION_QUESTIONS, CAUTIONS, SIGN_LABELS, type CautionAnswer, type CautionAnswers, type CoachabilityStatus } from '../../../../shared/domain/coachability';
import { call } from '../../api/client';
import { toast, toastError } from '../../app/toasts';
import { useFormat } from '../../lib/format';
import { useApiData } from '../../lib/useApiData';
import { asOfArg, useAsOf } from '../../lib/useAsOf';
import { ObservationDialog } from './ObservationDialog';
import { SignCharts } from './SignCharts';

export const STATUS_TONE: Record<CoachabilityStatus, string> = {
  uncoachable: 'bad',
  pattern_check_cautions: 'warn',
  other_cause: 'warn',
  watch: 'neutral',
  no_data: 'neutral',
  fine: 'good',
};
export const STATUS_LABEL: Record<CoachabilityStatus, string> = {
  uncoachable: 'Uncoachable pattern',
  pattern_check_cautions: 'Pattern: check cautions',
  other_cause: 'Other cause open',
  watch: 'Watch',
  no_data: 'No recent data',
  fine: 'Coachable',
};

/** Rep page: status with reasons, the cautions checklist, a chart per sign, quick entry. */
export function CoachabilityPanel({ repId, repName }: { repId: number; repName: string }) {
  const fmt = useFormat();
  const asOf = useAsOf((s) => s.asOf);
  const { data } = useApiData('coachability.rep', { repId, ...asOfArg(asOf) });
  const [recording, setRecording] = useState(false);
  if (!data) return null;
  const j = data.judgement;
  return (
    <section className="card" aria-labelledby="coach-h">
      <div className="card-head">
        <h2 id="coach-h">
          Coachability <span className={`badge tone-${STATUS_TONE[j.status]}`}>{STATUS_LABEL[j.status]}</span>
        </h2>
        <button type="button" onClick={() => setRecording(true)}>
          Record observation
        </button>
      </div>
      <p>
        <strong>{j.headline}</strong>
        {j.lastObservedOn && <span className="subtle"> · last observation {fmt.date(j.lastObservedOn)}</span>}
      </p>
      {j.topPerformerRisk && <p className="risk">A top performer with this pattern is a risk to the team, not an exception.</p>}
      <ul className="evidence">
        {j.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
        {j.signs.length > 0 && <li>Signs seen often: {j.signs.map((s) => SIGN_LABELS[s]).join(', ')}.</li>}
      </ul>
      {(j.status === 'pattern_check_cautions' || j.status === 'other_cause' || j.status === 'uncoachable' || Object.keys(data.cautions).length > 0) && (
        <Cautions repId={repId} answers={data.cautions} note={data.cautionsNote} />
      )}
      <SignCharts observations={data.observations} />
      {recording && <ObservationDialog repId={repId} repName={repName} onClose={() => setRecording(false)} />}
    </section>
  );
}

function Cautions({ repId, answers, note }: { repId: number; answers: CautionAnswers; note: string | null }) {
  const [a, setA] = useState<CautionAnswers>(answers);
  const [n, setN] = useState(note ?? '');
  return (
    <form
      className="cautions"
      aria-label="Cautions before concluding"
      onSubmit={(e) => {
        e.preventDefault();
        void call('coachability.setCautions', { repId, answers: a, note: n })
          .then(() => {
            toast('Cautions recorded.');
          })
          .catch(toastError);
      }}
    >
      <strong>Before concluding, rule these out:</strong>
      {CAUTIONS.map((c) => (
        <label key={c}>
          <span>{CAUTION_QUESTIONS[c]}</span>
          <select value={a[c] ?? ''} onChange={(e) => setA({ ...a, [c]: (e.target.value || undefined) as CautionAnswer | undefined })}>
            <option value="">Not answered</option>
            <option value="yes">Yes</option>
            <option value="no">No</option>
            <option value="unsure">Not sure</option>
          </select>
        </label>
      ))}
      <label>
        <span>Note</span>
        <input value={n} onChange={(e) => setN(e.target.value)} />
      </label>
      <div>
        <button type="submit">Save answers</button>
      </div>
    </form>
  );
}
