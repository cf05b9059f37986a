import { hrefFor } from '../../app/router';
import { useApiData } from '../../lib/useApiData';
import { useFormat } from '../../lib/format';
import { ReviewAnswers } from './ReviewAnswers';

/** Earlier reviews of this deal, each with what happened since: did the answers hold up? */
export function PastReviewsCard({ dealId }: { dealId: number }) {
  const fmt = useFormat();
  const { data } = useApiData('dealReviews.forDeal', { dealId });
  return (
    <section className="card" aria-labelledby="past-reviews">
      <div className="card-head">
        <h2 id="past-reviews">Deal reviews</h2>
        <a className="button" href={hrefFor({ name: 'dealReview', id: dealId })} aria-keyshortcuts="r">
          Start a deal review <kbd>R</kbd>
        </a>
      </div>
      {data && data.length === 0 && <p className="empty-note">Not reviewed yet. A review asks the rep “How do you know?” for each flag and records their answers and the next steps.</p>}
      {data?.map((r) => (
        <article key={r.id} className="past-review" data-testid={`review-${r.id}`}>
          <h3>
            {fmt.date(r.noteDate)} {r.visibility === 'private' && <span className="badge tone-warn">private</span>}
          </h3>
          <ReviewAnswers answers={r.answers} />
          <p className="note-body">{r.body}</p>
          {r.commitments.length > 0 && (
            <p className="small">
              Next steps:{' '}
              {r.commitments.map((c) => `${c.text} (${c.owner === 'manager' ? 'you' : 'rep'}, due ${fmt.date(c.dueDate)}, ${c.status})`).join('; ')}
            </p>
          )}
          <p className={`verdict tone-${r.verdict.tone}`} data-testid="review-verdict">
            {r.verdict.text}
          </p>
          {r.since.length > 0 && <p className="subtle small">Since then: {r.since.map((s) => `${fmt.date(s.on)} ${s.what}`).join('; ')}.</p>}
        </article>
      ))}
    </section>
  );
}
