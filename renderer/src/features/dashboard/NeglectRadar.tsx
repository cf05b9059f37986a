import type { NeglectRow } from '../../../../shared/schemas/pipeline';
import { hrefFor } from '../../app/router';
import { useFormat } from '../../lib/format';
import { countOf } from '../../../../shared/domain/format';

/** "There is no benign neglect": who has had no one-on-one, coaching note or deal review lately. */
export function NeglectRadar({ rows, days }: { rows: NeglectRow[]; days: number }) {
  const fmt = useFormat();
  const neglected = rows.filter((r) => r.daysSince === null || r.daysSince > days);
  return (
    <section className="card" aria-labelledby="neglect-title">
      <h2 id="neglect-title">Neglect radar</h2>
      <p className="subtle">Reps with no one-on-one, coaching note or deal review in the last {days} days. Top performers included.</p>
      {neglected.length === 0 ? (
        <p className="good-text">Everyone has had your attention in the last {days} days.</p>
      ) : (
        <ul className="radar">
          {neglected.map((r) => (
            <li key={r.repId} data-testid={`neglect-${r.name}`}>
              <a className="strong-link" href={hrefFor({ name: 'rep', id: r.repId })}>
                {r.name}
              </a>
              {r.isTopPerformer && <span className="badge tone-neutral">top performer</span>}
              <span className="bad-text">{r.daysSince === null ? 'never' : countOf(r.daysSince, 'day')}</span>
              <span className="subtle">
                last one-on-one {fmt.date(r.lastOneOnOne)} · note {fmt.date(r.lastNote)} · deal review {fmt.date(r.lastDealReview)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
