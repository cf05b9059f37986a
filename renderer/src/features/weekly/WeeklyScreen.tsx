import { useApp } from '../../app/appStore';
import { hrefFor } from '../../app/router';
import { AsOfPicker } from '../../components/AsOfPicker';
import { useFormat } from '../../lib/format';
import { useAsOf } from '../../lib/useAsOf';
import { useApiData } from '../../lib/useApiData';
import { accountLabel } from '../../../../shared/domain/format';

/**
 * The weekly pipeline meeting. The first sign of an activity problem: a rep talking about the
 * same accounts as last week, with nothing new created since.
 */
export function WeeklyScreen() {
  const info = useApp((s) => s.info);
  const asOf = useAsOf((s) => s.asOf);
  const fmt = useFormat();
  const { data, error } = useApiData('pipeline.weekly', asOf ? { asOf } : {}, { keep: true });

  if (error) return <p className="form-error" role="alert">{error}</p>;
  if (!data || !info) return <p className="loading">Loading…</p>;
  const idle = data.reps.filter((r) => r.newDeals.length === 0).length;

  return (
    <section className="screen" aria-labelledby="week-title">
      <header className="screen-head">
        <div>
          <h1 id="week-title" tabIndex={-1}>
            Weekly pipeline meeting
          </h1>
          <p className="subtle">
            What changed from {fmt.date(data.since)} to {fmt.date(data.asOf)}
            {idle > 0 && ` · ${idle} rep${idle > 1 ? 's' : ''} created nothing new`}
          </p>
        </div>
        <AsOfPicker today={info.today} />
      </header>
      {data.reps.length === 0 && <p className="subtle">No active reps yet.</p>}
      <div className="weekly-grid">
        {data.reps.map((r) => (
          <section key={r.repId} className="card" aria-labelledby={`wk-${r.repId}`} data-testid={`weekly-${r.name}`}>
            <h2 id={`wk-${r.repId}`}>
              <a href={hrefFor({ name: 'rep', id: r.repId })}>{r.name}</a>
            </h2>
            <h3>New opportunities</h3>
            {r.newDeals.length === 0 ? (
              <p className="callout">None created this week. Ask: what are you doing to create new opportunities?</p>
            ) : (
              <ul className="plain-list">
                {r.newDeals.map((d) => (
                  <li key={d.id}>
                    <a href={hrefFor({ name: 'deal', id: d.id })}>{d.name}</a> <span className="subtle">· {accountLabel(d.accountName)} · {fmt.money(d.amount)} · {d.stage}</span>
                  </li>
                ))}
              </ul>
            )}
            <h3>Moved this week</h3>
            {r.changes.length === 0 ? (
              <p className="subtle">No stage or close-date changes.</p>
            ) : (
              <ul className="plain-list">
                {r.changes.map((c, i) => (
                  <li key={`${c.dealId}-${c.kind}-${i}`}>
                    <a href={hrefFor({ name: 'deal', id: c.dealId })}>{c.dealName}</a>{' '}
                    <span className="subtle">
                      {c.kind === 'stage' ? `${c.from} → ${c.to}` : `close date ${fmt.date(c.from)} → ${fmt.date(c.to)}`}
                      {c.kind === 'close_date' && c.from && c.to && c.to > c.from && <strong className="bad-text"> (pushed)</strong>}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </section>
  );
}
