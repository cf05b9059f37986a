import { useState } from 'react';
import { FLAG_LABELS, SEVERITY_LABELS, bySeverity, type FlagCode } from '../../../../shared/domain/flags';
import { parsePipelineQuery } from '../../../../shared/domain/workingList';
import type { PastReview } from '../../../../shared/schemas/notes';
import type { PipelineRow } from '../../../../shared/schemas/pipeline';
import { asOfArg, useAsOf } from '../../lib/useAsOf';
import { usePipelineQuery } from '../pipeline/pipelineQuery';
import { pageInput } from '../pipeline/pageInput';
import { ReviewContext, type Loaded } from './ReviewContext';
import { useApiData } from '../../lib/useApiData';
import { addDays } from '../../../../shared/domain/periods';
import type { DealDetail } from '../../../../shared/schemas/deal';
import { dealReviewInput } from '../../../../shared/schemas/notes';
import { call } from '../../api/client';
import { useApp } from '../../app/appStore';
import { hrefFor, useRouter } from '../../app/router';
import { toast } from '../../app/toasts';
import { Field } from '../../components/Field';
import { FormFooter } from '../../components/FormFooter';
import { useFormat } from '../../lib/format';
import { useZodForm } from '../../lib/useZodForm';
import { dealHeading } from '../../../../shared/domain/format';


interface Question {
  flagCode: FlagCode | null;
  /** 'close' for the close-date question, 'own' for the manager's own; null for a flag's. */
  kind: 'flag' | 'close' | 'own';
  label: string;
  reason: string;
  question: string;
  answer: string;
}
interface Step {
  owner: 'rep' | 'manager';
  text: string;
  dueDate: string;
}

/**
 * A deal review: the deal's facts and flags laid out, each flag's "How do you know?" with the
 * rep's answer, the coaching given, and the next steps as commitments. Inspect and coach;
 * never take the deal over.
 */
export function DealReviewScreen({ id, list }: { id: number; list?: string | undefined }) {
  const detail = useApiData('deals.get', { id });
  const flags = useApiData('deals.flags', { id });
  const map = useApiData('stakeholders.map', { dealId: id });
  const vp = useApiData('valueProps.forDeal', { dealId: id });
  const past = useApiData('dealReviews.forDeal', { dealId: id });
  const error = detail.error ?? flags.error ?? map.error ?? vp.error ?? past.error;
  if (error) return <p className="form-error" role="alert">{error}</p>;
  if (!detail.data || !flags.data || !map.data || !vp.data || !past.data) return <p className="loading">Loading the deal…</p>;
  // A new form for another deal; the same form keeps what was typed when the facts reload.
  return <ReviewForm key={id} data={{ detail: detail.data, flags: flags.data, map: map.data, vp: vp.data, past: past.data }} list={list} />;
}

/** The rep's answer to the same question at the latest earlier review that recorded one. */
function earlierAnswer(q: Pick<Question, 'kind' | 'flagCode' | 'question'>, past: PastReview[]): { on: string; answer: string } | null {
  for (const r of past) {
    const hit = r.answers.find((a) =>
      a.answer &&
      (q.kind === 'flag'
        ? a.flagCode === q.flagCode
        : q.kind === 'close'
          ? a.flagCode === null && /^(How do you know the buyer will sign by|What has to happen, and by when)/.test(a.question)
          : a.flagCode === null && a.question === q.question),
    );
    if (hit?.answer) return { on: r.noteDate, answer: hit.answer };
  }
  return null;
}

function ReviewForm({ data, list }: { data: Loaded; list?: string | undefined }) {
  const info = useApp((s) => s.info);
  const settings = useApp((s) => s.settings);
  const fmt = useFormat();
  const today = info?.today ?? '';
  const { deal } = data.detail;
  const [questions, setQuestions] = useState<Question[]>(() => [
    ...bySeverity(data.flags).map((f) => ({ flagCode: f.code, kind: 'flag' as const, label: `${FLAG_LABELS[f.code]} · ${SEVERITY_LABELS[f.severity].toLowerCase()}`, reason: f.reason, question: f.question, answer: '' })),
    {
      flagCode: null,
      kind: 'close' as const,
      label: 'Close',
      reason: deal.expectedCloseDate ? `Expected to close ${fmt.date(deal.expectedCloseDate)}.` : 'No close date.',
      question: deal.expectedCloseDate ? `How do you know the buyer will sign by ${fmt.date(deal.expectedCloseDate)}?` : 'What has to happen, and by when, for this deal to close?',
      answer: '',
    },
  ]);
  const [own, setOwn] = useState('');
  const [steps, setSteps] = useState<Step[]>([{ owner: 'rep', text: '', dueDate: today ? addDays(today, 7) : '' }]);
  const form = useZodForm(dealReviewInput, { coaching: '', skill: '', visibility: 'private' as 'private' | 'shareable' });
  const v = form.values;
  const asOf = useAsOf((s) => s.asOf);
  const lastList = usePipelineQuery((s) => s.last);
  const listQuery = list ?? lastList;
  const [saved, setSaved] = useState<{ steps: number; next: PipelineRow | null; loading: boolean } | null>(null);

  // "Next deal": the row after this one in the Pipeline's filtered, ranked list (the same query
  // and the same call as the Pipeline screen, one row after this deal).
  const findNext = async (steps: number) => {
    setSaved({ steps, next: null, loading: true });
    try {
      const q = parsePipelineQuery(listQuery);
      const reps = q.rep ? await call('reps.list', {}) : [];
      const p = await call('pipeline.page', { ...pageInput(q, reps, asOfArg(asOf).asOf), after: deal.id, limit: 1 });
      setSaved({ steps, next: p.rows[0] ?? null, loading: false });
    } catch {
      setSaved({ steps, next: null, loading: false });
    }
  };

  const setAnswer = (i: number, answer: string) => setQuestions((qs) => qs.map((q, j) => (j === i ? { ...q, answer } : q)));
  const setStep = (i: number, patch: Partial<Step>) => setSteps((ss) => ss.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const save = () => {
    const payload = {
      dealId: deal.id,
      reviewDate: today,
      answers: questions.map((q) => ({ flagCode: q.flagCode, question: q.question, answer: q.answer || null })),
      coaching: v.coaching,
      skill: v.skill || null,
      visibility: v.visibility,
      nextSteps: steps.filter((s) => s.text.trim()),
    };
    void form.submit(payload, async () => {
      await call('dealReviews.create', payload);
      toast(`Deal review saved${payload.nextSteps.length ? ` with ${payload.nextSteps.length} next step${payload.nextSteps.length === 1 ? '' : 's'} as commitments` : ''}.`);
      await findNext(payload.nextSteps.length);
    });
  };

  if (saved) return <SavedPanel deal={deal} saved={saved} listQuery={listQuery} />;

  return (
    <section className="screen" aria-labelledby="review-title">
      <nav className="crumbs" aria-label="Breadcrumb">
        <a href={hrefFor({ name: 'pipeline', query: listQuery })}>Pipeline</a> › <a href={hrefFor({ name: 'deal', id: deal.id })}>{deal.name}</a> › Review
      </nav>
      <header className="screen-head">
        <div>
          <h1 id="review-title" tabIndex={-1}>
            Deal review: {dealHeading(deal.name, deal.accountName)}
          </h1>
          <p className="subtle">
            With {deal.repName}. Ask, listen, coach: the deal stays theirs. {fmt.money(deal.amount, deal.currency)} · {deal.stage} since {fmt.date(deal.stageEnteredDate)}
          </p>
        </div>
      </header>
      <div className="review-layout">
        <ReviewContext data={data} />
        <form
          className="stack"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <section className="card" aria-labelledby="rv-questions">
            <h2 id="rv-questions">How do you know?</h2>
            <ol className="review-flags">
              {questions.map((q, i) => (
                <li key={i}>
                  <p className="small">
                    <span className="chip">{q.label}</span> {q.reason}
                  </p>
                  <p className="review-question">{q.question}</p>
                  {(() => {
                    const before = earlierAnswer(q, data.past);
                    return before ? (
                      <p className="earlier-answer small" data-testid="earlier-answer">
                        Last time ({fmt.date(before.on)}): “{before.answer}”
                      </p>
                    ) : null;
                  })()}
                  <textarea aria-label={`Their answer: ${q.question}`} rows={2} value={q.answer} maxLength={2000} onChange={(e) => setAnswer(i, e.target.value)} placeholder="Their answer, in their words" />
                </li>
              ))}
            </ol>
            <div className="inline-edit">
              <input type="text" aria-label="Your own question" value={own} maxLength={500} placeholder="Ask your own question…" onChange={(e) => setOwn(e.target.value)} />
              <button
                type="button"
                disabled={!own.trim()}
                onClick={() => {
                  setQuestions((qs) => [...qs, { flagCode: null, kind: 'own', label: 'Yours', reason: '', question: own.trim(), answer: '' }]);
                  setOwn('');
                }}
              >
                Add question
              </button>
            </div>
          </section>
          <section className="card" aria-labelledby="rv-coaching">
            <h2 id="rv-coaching">Coaching given</h2>
            <Field label="What you coached" error={form.errors.coaching}>
              <textarea rows={4} value={v.coaching} maxLength={5000} onChange={(e) => form.set('coaching', e.target.value)} placeholder="The strategy you helped them strengthen, in a sentence or two" />
            </Field>
            <div className="form-grid">
              <Field label="Skill or driver" error={form.errors.skill}>
                <select value={v.skill} onChange={(e) => form.set('skill', e.target.value)}>
                  <option value="">None</option>
                  {(settings?.skills ?? []).map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label="Who may see it" error={form.errors.visibility}>
                <select value={v.visibility} onChange={(e) => form.set('visibility', e.target.value as 'private' | 'shareable')}>
                  <option value="private">Private (only you)</option>
                  <option value="shareable">Shareable</option>
                </select>
              </Field>
            </div>
          </section>
          <section className="card" aria-labelledby="rv-steps">
            <h2 id="rv-steps">Agreed next steps</h2>
            <p className="subtle small">Each becomes a commitment and comes up on the next one-on-one agenda.</p>
            {steps.map((s, i) => (
              <div key={i} className="next-steps">
                <select className="step-owner" aria-label={`Next step ${i + 1}: who`} value={s.owner} onChange={(e) => setStep(i, { owner: e.target.value as Step['owner'] })}>
                  <option value="rep">{deal.repName}</option>
                  <option value="manager">Me</option>
                </select>
                <input className="step-text" type="text" aria-label={`Next step ${i + 1}`} value={s.text} maxLength={500} placeholder="e.g. Meet the CFO and confirm the budget" onChange={(e) => setStep(i, { text: e.target.value })} />
                <input className="step-due" type="date" aria-label={`Next step ${i + 1}: due`} value={s.dueDate} min={today} onChange={(e) => setStep(i, { dueDate: e.target.value })} />
                <button type="button" className="icon-button step-remove" aria-label={`Remove next step ${i + 1}`} onClick={() => setSteps((ss) => ss.filter((_, j) => j !== i))}>
                  ×
                </button>
              </div>
            ))}
            {form.errors.nextSteps && (
              <p className="field-error" role="alert">
                {form.errors.nextSteps}
              </p>
            )}
            <button type="button" onClick={() => setSteps((ss) => [...ss, { owner: 'rep', text: '', dueDate: today ? addDays(today, 7) : '' }])}>
              Add a next step
            </button>
          </section>
          <FormFooter error={form.formError} busy={form.busy} submitLabel="Save the review" onCancel={() => useRouter.getState().go({ name: 'deal', id: deal.id })} />
        </form>
      </div>
    </section>
  );
}

/** After saving: the next deal of the working list, one key away. */
function SavedPanel({ deal, saved, listQuery }: { deal: DealDetail['deal']; saved: { steps: number; next: PipelineRow | null; loading: boolean }; listQuery: string }) {
  const fmt = useFormat();
  const next = saved.next;
  return (
    <section className="screen" aria-labelledby="saved-title">
      <nav className="crumbs" aria-label="Breadcrumb">
        <a href={hrefFor({ name: 'pipeline', query: listQuery })}>Pipeline</a> › <a href={hrefFor({ name: 'deal', id: deal.id })}>{deal.name}</a> › Review saved
      </nav>
      <header className="screen-head">
        <div>
          <h1 id="saved-title" tabIndex={-1}>
            Review of {dealHeading(deal.name, deal.accountName)} saved
          </h1>
          <p className="subtle">
            {saved.steps ? `${saved.steps} next step${saved.steps === 1 ? '' : 's'} saved as commitments; they come up on the next one-on-one.` : 'Saved as a coaching note of kind deal review.'}
          </p>
        </div>
      </header>
      <div className="card next-deal" data-testid="next-deal">
        {saved.loading ? (
          <p className="loading">Finding the next deal in your list…</p>
        ) : next ? (
          <>
            <p>
              Next in your list: <strong>{next.name}</strong> <span className="subtle">· {next.repName} · {next.stage} · {fmt.money(next.amount, next.currency)} · attention {next.attention}</span>
            </p>
            <a className="button primary" href={hrefFor({ name: 'dealReview', id: next.id, list: listQuery })} data-autofocus ref={(el) => el?.focus()}>
              Next deal: review {next.name}
            </a>
          </>
        ) : (
          <p>That was the last deal in your list.</p>
        )}
        <p className="small">
          <a href={hrefFor({ name: 'pipeline', query: listQuery })}>Back to the list</a> · <a href={hrefFor({ name: 'deal', id: deal.id })}>This deal's page</a>
        </p>
      </div>
    </section>
  );
}
