import { useState } from 'react';
import { VP_QUESTIONS, VP_RESULT_LABELS, VP_RESULTS, VP_TEST_LABELS, VP_TESTS, vpScoreText, type VpResult, type VpTest } from '../../../../shared/domain/valueProps';
import type { DealValueProps } from '../../../../shared/schemas/valueProps';
import { assessInput } from '../../../../shared/schemas/valueProps';
import { ROLE_LABELS } from '../../../../shared/schemas/stakeholders';
import { call } from '../../api/client';
import { toast } from '../../app/toasts';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormFooter } from '../../components/FormFooter';
import { useFormat } from '../../lib/format';
import { useApiData } from '../../lib/useApiData';
import { useZodForm } from '../../lib/useZodForm';

const TONE: Record<VpResult, string> = { pass: 'good', partial: 'warn', fail: 'bad', not_assessed: 'neutral' };

/** The seven tests on a deal's value proposition, with the question to ask for each and the history. */
export function ValuePropCard({ dealId, asOf = '' }: { dealId: number; asOf?: string }) {
  const fmt = useFormat();
  // With the session's "as of" date, only the assessments made by then (as the flags use them).
  const { data } = useApiData('valueProps.forDeal', { dealId, ...(asOf ? { asOf } : {}) });
  const [assessing, setAssessing] = useState(false);
  if (!data) return null;
  const latest = data.checks[0];
  return (
    <section className="card" aria-labelledby="vp-h">
      <div className="card-head">
        <h2 id="vp-h">
          Value proposition {latest && <span className="badge tone-neutral">{vpScoreText(latest.score)}</span>}
        </h2>
        <button type="button" onClick={() => setAssessing(true)}>
          {latest ? 'Re-assess' : 'Assess'}
        </button>
      </div>
      {!latest ? (
        <p className="subtle">
          Not assessed yet.{data.required && ' This is a big deal late in the pipeline: inspect its value proposition with the rep.'}
        </p>
      ) : (
        <>
          <blockquote className="vp-statement">{latest.statement}</blockquote>
          {latest.versions.length > 0 && (
            <ul className="plain-list">
              {latest.versions.map((v) => (
                <li key={v.stakeholderId}>
                  <strong>For {v.name}:</strong> {v.text}
                </li>
              ))}
            </ul>
          )}
          <p className="subtle">Assessed {fmt.date(latest.assessedOn)}</p>
          <ul className="vp-tests">
            {VP_TESTS.map((t) => (
              <li key={t} data-testid={`vp-${t}`}>
                <span className={`badge tone-${TONE[latest.results[t].result]}`}>{VP_RESULT_LABELS[latest.results[t].result]}</span> <strong>{VP_TEST_LABELS[t]}</strong>
                {latest.results[t].evidence && <span className="subtle"> · {latest.results[t].evidence}</span>}
                {latest.results[t].result !== 'pass' && <p className="coach-question">Ask: {VP_QUESTIONS[t]}</p>}
              </li>
            ))}
          </ul>
          {data.checks.length > 1 && (
            <p className="subtle">History: {data.checks.map((c) => `${fmt.date(c.assessedOn)} ${vpScoreText(c.score)}`).join(' · ')}</p>
          )}
        </>
      )}
      {asOf && <p className="subtle small">Assessments made by {fmt.date(asOf)} only.</p>}
      {assessing && <AssessDialog dealId={dealId} previous={latest ?? null} onClose={() => setAssessing(false)} />}
    </section>
  );
}

function AssessDialog({ dealId, previous, onClose }: { dealId: number; previous: DealValueProps['checks'][number] | null; onClose: () => void }) {
  const [results, setResults] = useState<Record<VpTest, { result: VpResult; evidence: string }>>(
    () => Object.fromEntries(VP_TESTS.map((t) => [t, { result: previous?.results[t].result ?? 'not_assessed', evidence: previous?.results[t].evidence ?? '' }])) as Record<VpTest, { result: VpResult; evidence: string }>,
  );
  const form = useZodForm(assessInput, { statement: previous?.statement ?? '' });
  const [versions, setVersions] = useState<Record<number, string>>(() => Object.fromEntries((previous?.versions ?? []).map((v) => [v.stakeholderId, v.text])));
  const people = useApiData('stakeholders.map', { dealId }).data?.stakeholders ?? [];
  const save = () => {
    const payload = {
      dealId,
      statement: form.values.statement,
      results,
      versions: Object.entries(versions).map(([stakeholderId, text]) => ({ stakeholderId: Number(stakeholderId), text })),
    };
    void form.submit(payload, async () => {
      await call('valueProps.assess', payload);
      toast('Value proposition assessed. Earlier assessments are kept.');
      onClose();
    });
  };
  return (
    <Dialog title="Assess the value proposition" onClose={onClose} wide>
      <form
        className="dialog-body"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <Field label="The value proposition, as the rep puts it" error={form.errors.statement}>
          <textarea rows={3} value={form.values.statement} onChange={(e) => form.set('statement', e.target.value)} data-autofocus />
        </Field>
        {people.length > 0 && (
          <fieldset className="vp-versions">
            <legend>Tailored: the version for each stakeholder (optional)</legend>
            {people.map((p) => (
              <label key={p.id}>
                <span>
                  {p.name} <span className="subtle">({ROLE_LABELS[p.role]})</span>
                </span>
                <input value={versions[p.id] ?? ''} onChange={(e) => setVersions({ ...versions, [p.id]: e.target.value })} />
              </label>
            ))}
          </fieldset>
        )}
        <table className="plain-table sign-grid">
          <thead>
            <tr>
              <th>Test and question</th>
              {VP_RESULTS.map((r) => (
                <th key={r} className="center">
                  {VP_RESULT_LABELS[r]}
                </th>
              ))}
              <th>Evidence</th>
            </tr>
          </thead>
          <tbody>
            {VP_TESTS.map((t) => (
              <tr key={t}>
                <th scope="row" className="vp-q">
                  {VP_TEST_LABELS[t]}
                  <span className="subtle">{VP_QUESTIONS[t]}</span>
                </th>
                {VP_RESULTS.map((r) => (
                  <td key={r} className="center">
                    <input
                      type="radio"
                      name={`vp-${t}`}
                      aria-label={`${VP_TEST_LABELS[t]}: ${VP_RESULT_LABELS[r]}`}
                      checked={results[t].result === r}
                      onChange={() => setResults({ ...results, [t]: { ...results[t], result: r } })}
                    />
                  </td>
                ))}
                <td>
                  <input aria-label={`Evidence for ${VP_TEST_LABELS[t]}`} value={results[t].evidence} onChange={(e) => setResults({ ...results, [t]: { ...results[t], evidence: e.target.value } })} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <FormFooter error={form.formError} busy={form.busy} submitLabel="Save assessment" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
