import { DRIVER_DEFS, explainShiftTheNumerator, formatDriver } from '../../../../shared/domain/development';
import type { TeamDevelopment } from '../../../../shared/schemas/development';
import { hrefFor } from '../../app/router';
import { useFormat } from '../../lib/format';

/** Pareto as something to change: who brings the won value, and where the rest trail. */
export function TopVsRestCard({ d }: { d: TeamDevelopment }) {
  const fmt = useFormat();
  const c = d.comparison;
  const top = c.shares.filter((s) => s.top);
  const p = d.projection;
  return (
    <section className="card" aria-labelledby="tvr-title">
      <h2 id="tvr-title">Top performers and the rest</h2>
      <p>
        <strong>
          The top {top.length} of {c.shares.length} reps ({Math.round(d.topShare * 100)} %)
        </strong>{' '}
        brought in <strong>{fmt.percent(c.topShareOfValue)}</strong> of the won value.{' '}
        {c.focus.length > 0 ? (
          <>
            The rest trail most on <strong>{c.focus.map((f) => DRIVER_DEFS[f].label.toLowerCase()).join(' and ')}</strong>: that is the team&apos;s coaching focus.
          </>
        ) : (
          'The rest do not trail the top group by more than 5 % on any driver.'
        )}
      </p>
      <div className="columns">
        <div>
          <h3 className="section-title">Share of won value</h3>
          <ul className="share-list" aria-label="Share of won value per rep">
            {c.shares.map((s) => (
              <li key={s.repId} data-testid={`share-${s.name}`}>
                <a href={hrefFor({ name: 'rep', id: s.repId })}>{s.name}</a>
                {s.top && <span className="badge badge-won">top</span>}
                <span className="bar wide" aria-hidden="true">
                  <span className="bar-fill" style={{ width: `${Math.round((s.share ?? 0) * 100)}%` }} />
                </span>
                <span className="num">
                  {fmt.percent(s.share)} · {fmt.compactMoney(s.wonValue)}
                </span>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3 className="section-title">Drivers, top group vs the rest</h3>
          <table className="plain-table" aria-label="Drivers, top group vs the rest">
            <thead>
              <tr>
                <th scope="col">Driver</th>
                <th scope="col" className="num">
                  Top group
                </th>
                <th scope="col" className="num">
                  The rest
                </th>
                <th scope="col" className="num">
                  Rest behind by
                </th>
              </tr>
            </thead>
            <tbody>
              {c.drivers.map((g) => (
                <tr key={g.driver} className={c.focus.includes(g.driver) ? 'strong-row' : undefined}>
                  <th scope="row">
                    {DRIVER_DEFS[g.driver].label}
                    {c.focus.includes(g.driver) && <span className="badge tone-warn">focus</span>}
                  </th>
                  <td className="num">{formatDriver(g.driver, g.top, d.currency)}</td>
                  <td className="num">{formatDriver(g.driver, g.rest, d.currency)}</td>
                  <td className="num">{g.gap === null ? '—' : g.gap <= 0 ? 'not behind' : fmt.percent(g.gap)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <h3 className="section-title">Shift the numerator</h3>
      <dl className="stat-strip">
        <div>
          <dt>Won in the period</dt>
          <dd data-testid="proj-current">{fmt.money(p.current)}</dd>
        </div>
        <div>
          <dt>If the rest matched the top group</dt>
          <dd data-testid="proj-matched">
            {fmt.money(p.ifRestMatchedTop)}
            {p.multiple ? <span className="stat-note">{p.multiple.toFixed(1)}× today</span> : null}
          </dd>
        </div>
        <div>
          <dt>If they closed half the gap</dt>
          <dd data-testid="proj-half">{fmt.money(p.ifHalfTheGap)}</dd>
        </div>
      </dl>
      <p className="subtle small">{explainShiftTheNumerator(p, (n) => fmt.money(n))}</p>
    </section>
  );
}
