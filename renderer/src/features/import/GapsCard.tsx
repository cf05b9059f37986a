import { useEffect, useId, useState } from 'react';
import type { ClosedDateFallback } from '../../../../shared/domain/import/rows';
import type { ImportAnalysis } from '../../../../shared/schemas/imports';
import type { Rep } from '../../../../shared/schemas/rep';
import type { Choices } from './importStore';

const CURRENCIES = ['USD', 'EUR', 'GBP', 'CHF', 'CAD', 'AUD', 'JPY', 'CNY', 'INR', 'BRL', 'MXN', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'RUB', 'TRY', 'ZAR', 'SGD', 'HKD', 'NZD', 'AED'];
const n = (x: number) => x.toLocaleString();

/**
 * What the file leaves out, and what to use instead: an owner, a close date for closed
 * deals, a currency, and what to do with two rows that look like one deal. Each choice is
 * the manager's; the check below counts the rows each one touches.
 */
export function GapsCard({ a, reps, onChoose }: { a: ImportAnalysis; reps: Rep[]; onChoose: (patch: Partial<Choices>) => void }) {
  const listId = useId();
  const [owner, setOwner] = useState(a.defaultOwner.chosen ?? '');
  useEffect(() => setOwner(a.defaultOwner.chosen ?? ''), [a.defaultOwner.chosen]);
  if (a.kind !== 'deals') return null;
  const noOwnerColumn = a.missing.includes('owner') || !a.columns.some((c) => c.field === 'owner');
  const showOwner = noOwnerColumn || a.defaultOwner.rowsWithout > 0 || a.defaultOwner.chosen !== null;
  const showClose = a.closedDate.withoutDate > 0 || a.closedDate.fallback !== null;
  const showSame = a.sameName.conflicts > 0 || a.sameName.chosen === 'separate';
  const showCurrency = a.currency.amountsWithout > 0 || a.currency.chosen !== a.currency.team;
  if (!showOwner && !showClose && !showSame && !showCurrency) return null;
  const commitOwner = () => {
    const v = owner.trim();
    if (v !== (a.defaultOwner.chosen ?? '')) onChoose({ defaultOwner: v || null });
  };
  const fallbackValue = (f: ClosedDateFallback) => (f === null ? '' : String(f));
  const currencies = [...new Set([a.currency.chosen, a.currency.team, ...CURRENCIES])];
  const needsAnswer = (showOwner && noOwnerColumn && !a.defaultOwner.chosen) || (showClose && a.closedDate.fallback === null);

  return (
    <section className={needsAnswer ? 'card attention' : 'card'} aria-labelledby="imp-gaps">
      <h2 id="imp-gaps">What the file leaves out</h2>
      <dl className="gaps">
        {showOwner && (
          <>
            <dt>
              <label htmlFor={`${listId}-owner`}>{noOwnerColumn ? 'The file has no owner column: every row goes to' : `Rows without an owner (${n(a.defaultOwner.rowsWithout)}) go to`}</label>
            </dt>
            <dd>
              <input
                id={`${listId}-owner`}
                type="text"
                list={`${listId}-reps`}
                value={owner}
                placeholder="A rep’s name"
                maxLength={120}
                onChange={(e) => setOwner(e.target.value)}
                onBlur={commitOwner}
                onKeyDown={(e) => e.key === 'Enter' && commitOwner()}
              />
              <datalist id={`${listId}-reps`}>
                {reps.map((r) => (
                  <option key={r.id} value={r.name} />
                ))}
              </datalist>
              <span className="subtle small"> One of your reps, or a new name to create a rep. Empty: such rows are listed, not imported.</span>
            </dd>
          </>
        )}
        {showClose && (
          <>
            <dt>
              <label htmlFor={`${listId}-close`}>Won or lost deals without a close date ({n(a.closedDate.withoutDate)}) take</label>
            </dt>
            <dd>
              <select
                id={`${listId}-close`}
                value={fallbackValue(a.closedDate.fallback)}
                onChange={(e) => onChoose({ closedDateFallback: e.target.value === '' ? null : e.target.value === 'created' ? 'created' : Number(e.target.value) })}
              >
                <option value="">Nothing: list them, do not import them</option>
                {a.closedDate.candidates.map((c) => (
                  <option key={c.index} value={c.index}>
                    the date in “{c.header}”
                  </option>
                ))}
                {a.closedDate.createdMapped && <option value="created">their created date</option>}
              </select>
              <span className="subtle small"> A last-modified or stage-changed date is usually closest to the day they closed.</span>
            </dd>
          </>
        )}
        {showCurrency && (
          <>
            <dt>
              <label htmlFor={`${listId}-currency`}>Amounts that name no currency ({n(a.currency.amountsWithout)}) are in</label>
            </dt>
            <dd>
              <select id={`${listId}-currency`} value={a.currency.chosen} onChange={(e) => onChoose({ currency: e.target.value })}>
                {currencies.map((c) => (
                  <option key={c} value={c}>
                    {c}
                    {c === a.currency.team ? ' (your settings)' : ''}
                  </option>
                ))}
              </select>
            </dd>
          </>
        )}
        {showSame && (
          <>
            <dt>Rows with the same deal name and account but other values ({n(a.sameName.conflicts)})</dt>
            <dd>
              <label className="checkbox">
                <input type="checkbox" checked={a.sameName.chosen === 'separate'} onChange={(e) => onChoose({ sameName: e.target.checked ? 'separate' : 'error' })} />
                Import them as separate deals (the file has no CRM id to tell them apart)
              </label>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
