import type { Deal } from '../../../../shared/schemas/deal';
import { daysBetween } from '../../../../shared/domain/periods';
import { countOf } from '../../../../shared/domain/format';
import { hrefFor } from '../../app/router';
import { useFormat } from '../../lib/format';

/** The deal's facts: amount, rep, age, close date and how often it moved, stage, activity. */
export function DealFacts({ deal, today }: { deal: Deal; today: string }) {
  const fmt = useFormat();
  const isOpen = deal.outcome === 'open';
  const overdue = isOpen && deal.expectedCloseDate !== null && today !== '' && deal.expectedCloseDate < today;
  return (
    <section className="card" aria-labelledby="facts">
      <h2 id="facts">Facts</h2>
      <dl className="facts">
        <dt>Amount</dt>
        <dd>{fmt.money(deal.amount, deal.currency)}</dd>
        <dt>Rep</dt>
        <dd>
          <a href={hrefFor({ name: 'rep', id: deal.repId })}>{deal.repName}</a>
        </dd>
        <dt>Created</dt>
        <dd>
          {fmt.date(deal.createdDate)}
          {today && <span className="subtle"> · {countOf(daysBetween(deal.createdDate, deal.closedDate ?? today), 'day')} {isOpen ? 'old' : 'to close'}</span>}
        </dd>
        <dt>Expected close</dt>
        <dd className={overdue ? 'warn' : undefined}>
          {fmt.date(deal.expectedCloseDate)}
          {overdue && ' · in the past'}
          {deal.closeDateChanges > 0 && (
            <span className="subtle">
              {' '}
              · moved {deal.closeDateChanges} time{deal.closeDateChanges > 1 ? 's' : ''}
            </span>
          )}
        </dd>
        {!isOpen && (
          <>
            <dt>Closed</dt>
            <dd>{fmt.date(deal.closedDate)}</dd>
          </>
        )}
        <dt>In stage since</dt>
        <dd>
          {fmt.date(deal.stageEnteredDate)}
          {isOpen && today && <span className="subtle"> · {countOf(daysBetween(deal.stageEnteredDate, today), 'day')}</span>}
        </dd>
        <dt>Last activity</dt>
        <dd>{fmt.date(deal.lastActivityDate)}</dd>
        <dt>Next step</dt>
        <dd>{deal.nextStep ?? '—'}</dd>
        <dt>Source</dt>
        <dd>{deal.source ?? '—'}</dd>
        <dt>CRM id</dt>
        <dd>{deal.externalId ?? '—'}</dd>
      </dl>
    </section>
  );
}
