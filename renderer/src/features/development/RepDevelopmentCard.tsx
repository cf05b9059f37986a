import { DRIVER_DEFS, PLAN_OUTCOME_TEXT, formatDriver } from '../../../../shared/domain/development';
import { useApp } from '../../app/appStore';
import { hrefFor } from '../../app/router';
import { useApiData } from '../../lib/useApiData';
import { useFormat } from '../../lib/format';
import { PlanSummary } from './PlansCard';

/** The rep page's view of development: the running plan and how earlier ones ended. */
export function RepDevelopmentCard({ repId, repName }: { repId: number; repName: string }) {
  const fmt = useFormat();
  const currency = useApp((s) => s.settings?.currency ?? 'USD');
  const { data } = useApiData('development.plans', { repId });
  if (!data) return null;
  const active = data.find((p) => p.status === 'active');
  const past = data.filter((p) => p.status !== 'active');
  return (
    <section className="card" aria-labelledby="rep-dev-title">
      <div className="card-head">
        <h2 id="rep-dev-title">Development plan</h2>
        <a href={hrefFor({ name: 'development' })}>Team development</a>
      </div>
      {active ? (
        <PlanSummary plan={active} currency={currency} />
      ) : (
        <p className="subtle">
          No plan running. Start one on the Team development screen: it suggests the two drivers where {repName} trails the top performers most.
        </p>
      )}
      {past.length > 0 && (
        <>
          <h3 className="section-title">Earlier plans</h3>
          <ul className="plain-list">
            {past.map((p) => (
              <li key={p.id}>
                <strong>{p.drivers.map((d) => DRIVER_DEFS[d].label).join(' and ')}</strong>{' '}
                <span className="subtle">
                  ({fmt.date(p.startDate)} – {fmt.date(p.closedOn ?? p.endDate)}, {p.status})
                </span>
                : {DRIVER_DEFS[p.metric].label.toLowerCase()} {formatDriver(p.metric, p.baseline, currency)} → {formatDriver(p.metric, p.resultValue, currency)}, {PLAN_OUTCOME_TEXT[p.outcome]}.
                {p.resultNote ? ` ${p.resultNote}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
