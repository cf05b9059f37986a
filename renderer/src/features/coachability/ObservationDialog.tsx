import { useState } from 'react';
import { FREQUENCY_LABELS, SIGN_LABELS, SIGNS, type Sign } from '../../../../shared/domain/coachability';
import { CONTEXT_LABELS, OBSERVATION_CONTEXTS, observationInput } from '../../../../shared/schemas/coachability';
import { call } from '../../api/client';
import { useApp } from '../../app/appStore';
import { toast } from '../../app/toasts';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormFooter } from '../../components/FormFooter';
import { useZodForm } from '../../lib/useZodForm';

type Context = (typeof OBSERVATION_CONTEXTS)[number];

/**
 * One observation in under a minute: each of the seven signs on a fixed scale (arrow keys move
 * along a row), optional evidence, and the positive side. `repId` null = your self-assessment.
 */
export function ObservationDialog({ repId, repName, context = 'one_on_one', onClose }: { repId: number | null; repName: string; context?: Context; onClose: () => void }) {
  const info = useApp((s) => s.info);
  const [ratings, setRatings] = useState<Record<Sign, number>>(() => Object.fromEntries(SIGNS.map((s) => [s, 0])) as Record<Sign, number>);
  const [evidence, setEvidence] = useState<Partial<Record<Sign, string>>>({});
  const form = useZodForm(observationInput, {
    observedOn: info?.today ?? '',
    context: (repId === null ? 'self' : context) as Context | 'self',
    feedbackApplied: false,
    newApproachTried: false,
    note: '',
  });
  const v = form.values;
  const self = repId === null;
  const save = () => {
    const payload = { repId, observedOn: v.observedOn, context: v.context, ratings, evidence, feedbackApplied: v.feedbackApplied, newApproachTried: v.newApproachTried, note: v.note };
    void form.submit(payload, async () => {
      await call('coachability.record', payload);
      toast(self ? 'Self-assessment recorded.' : `Observation of ${repName} recorded.`);
      onClose();
    });
  };
  return (
    <Dialog title={self ? 'Assess yourself' : `Observation: ${repName}`} onClose={onClose} wide>
      <form
        className="dialog-body"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <p className="subtle">
          {self
            ? 'Turn the mirror on yourself: the same seven signs, as honestly as you would judge a rep.'
            : 'Everyone shows some of these some of the time. Record what you saw; a pattern is only raised over several observations and weeks.'}
        </p>
        <div className="form-grid compact">
          <Field label="Date" error={form.errors.observedOn}>
            <input type="date" value={v.observedOn} max={info?.today} onChange={(e) => form.set('observedOn', e.target.value)} />
          </Field>
          {!self && (
            <Field label="Where" error={form.errors.context}>
              <select value={v.context} onChange={(e) => form.set('context', e.target.value as Context)}>
                {OBSERVATION_CONTEXTS.map((c) => (
                  <option key={c} value={c}>
                    {CONTEXT_LABELS[c]}
                  </option>
                ))}
              </select>
            </Field>
          )}
        </div>
        <table className="plain-table sign-grid">
          <thead>
            <tr>
              <th>Sign</th>
              {FREQUENCY_LABELS.map((f) => (
                <th key={f} className="center">
                  {f}
                </th>
              ))}
              <th>Evidence (optional)</th>
            </tr>
          </thead>
          <tbody>
            {SIGNS.map((s, row) => (
              <tr key={s}>
                <th scope="row" id={`sign-${s}`}>
                  {SIGN_LABELS[s]}
                </th>
                {FREQUENCY_LABELS.map((f, k) => (
                  <td key={f} className="center">
                    <input
                      type="radio"
                      name={`sign-${s}`}
                      aria-label={`${SIGN_LABELS[s]}: ${f}`}
                      checked={ratings[s] === k}
                      onChange={() => setRatings({ ...ratings, [s]: k })}
                      data-autofocus={row === 0 && k === 0 ? true : undefined}
                    />
                  </td>
                ))}
                <td>
                  <input
                    aria-label={`Evidence for ${SIGN_LABELS[s]}`}
                    value={evidence[s] ?? ''}
                    onChange={(e) => setEvidence({ ...evidence, [s]: e.target.value })}
                    placeholder={ratings[s] >= 2 ? 'What did you see?' : ''}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="positives">
          <label className="checkbox">
            <input type="checkbox" checked={v.feedbackApplied} onChange={(e) => form.set('feedbackApplied', e.target.checked)} /> Applied earlier feedback
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={v.newApproachTried} onChange={(e) => form.set('newApproachTried', e.target.checked)} /> Tried a new approach
          </label>
        </div>
        <Field label="Note (optional)" error={form.errors.note}>
          <input value={v.note} onChange={(e) => form.set('note', e.target.value)} />
        </Field>
        <FormFooter error={form.formError} busy={form.busy} submitLabel="Record" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
