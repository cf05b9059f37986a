import { VP_RESULT_LABELS, VP_TEST_LABELS, VP_TESTS, vpScoreText } from '../../../../shared/domain/valueProps';
import { useFormat } from '../../lib/format';
import { ReviewAnswers } from './ReviewAnswers';
import type { Flag } from '../../../../shared/domain/flags';
import type { DealDetail } from '../../../../shared/schemas/deal';
import type { PastReview } from '../../../../shared/schemas/notes';
import type { StakeholderMap } from '../../../../shared/schemas/stakeholders';
import type { DealValueProps } from '../../../../shared/schemas/valueProps';

/** Everything the review screen loads for one deal. */
export interface Loaded {
  detail: DealDetail;
  flags: Flag[];
  map: StakeholderMap;
  vp: DealValueProps;
  past: PastReview[];
}

/** What the manager reads before asking: the facts and history, the people, the value proposition, earlier reviews. */
export function ReviewContext({ data }: { data: Loaded }) {
  const fmt = useFormat();
  const { deal, stageHistory, closeDateChanges } = data.detail;
  const vpCheck = data.vp.checks[0];
  return (
    <div className="stack">
      <section className="card" aria-labelledby="rv-facts">
        <h2 id="rv-facts">The facts</h2>
        <dl className="facts">
          <dt>Created</dt>
          <dd>{fmt.date(deal.createdDate)}</dd>
          <dt>Close date</dt>
          <dd>
            {fmt.date(deal.expectedCloseDate)}
            {deal.closeDateChanges > 0 && <span className="warn"> · moved {deal.closeDateChanges}×</span>}
          </dd>
          <dt>Last activity</dt>
          <dd>{fmt.date(deal.lastActivityDate)}</dd>
          <dt>Next step</dt>
          <dd>{deal.nextStep ?? '—'}</dd>
        </dl>
        <h3 className="section-title">Stage history</h3>
        <ul className="plain-list small">
          {stageHistory.map((s) => (
            <li key={s.id}>
              {fmt.date(s.changedOn)}: {s.fromStage ? `${s.fromStage} → ` : ''}
              {s.toStage}
            </li>
          ))}
        </ul>
        {closeDateChanges.length > 0 && (
          <>
            <h3 className="section-title">Close-date changes</h3>
            <ul className="plain-list small">
              {closeDateChanges.map((c) => (
                <li key={c.id}>
                  {fmt.date(c.changedOn)}: {fmt.date(c.fromDate)} → {fmt.date(c.toDate)}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="rv-people">
        <h2 id="rv-people">Stakeholders</h2>
        {data.map.stakeholders.length === 0 ? (
          <p className="subtle">None recorded.</p>
        ) : (
          <ul className="plain-list small">
            {data.map.stakeholders.map((s) => (
              <li key={s.id}>
                <strong>{s.name}</strong> · {s.role.replace('_', ' ')} · {s.stance}
                {s.lastContactDate ? ` · last contact ${fmt.date(s.lastContactDate)}` : ''}
              </li>
            ))}
          </ul>
        )}
        {data.map.warnings.map((w) => (
          <p key={w} className="warn small">
            {w}
          </p>
        ))}
      </section>
      {vpCheck && (
        <section className="card" aria-labelledby="rv-vp">
          <h2 id="rv-vp">Value proposition ({vpScoreText(vpCheck.score)})</h2>
          <p className="small">“{vpCheck.statement}”</p>
          <ul className="plain-list small">
            {VP_TESTS.map((t) => (
              <li key={t}>
                {VP_TEST_LABELS[t]}: <strong>{VP_RESULT_LABELS[vpCheck.results[t].result]}</strong>
              </li>
            ))}
          </ul>
        </section>
      )}
      {data.past.length > 0 && (
        <section className="card" aria-labelledby="rv-past">
          <h2 id="rv-past">Earlier reviews ({data.past.length})</h2>
          {data.past.map((r) => (
            <article key={r.id} className="past-review">
              <h3>{fmt.date(r.noteDate)}</h3>
              <ReviewAnswers answers={r.answers} />
              <p className={`verdict tone-${r.verdict.tone} small`}>{r.verdict.text}</p>
            </article>
          ))}
        </section>
      )}
    </div>
  );
}
