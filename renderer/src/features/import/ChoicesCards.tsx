import type { DateOrder } from '../../../../shared/domain/import/dates';
import type { Outcome } from '../../../../shared/schemas/deal';
import type { ImportAnalysis } from '../../../../shared/schemas/imports';
import type { Rep } from '../../../../shared/schemas/rep';

const OUTCOME_LABEL: Record<Outcome, string> = { open: 'Open', won: 'Won', lost: 'Lost' };

/** Asked only when the file's slash dates read differently day-first and month-first. */
export function DateOrderCard({ a, onChoose }: { a: ImportAnalysis; onChoose: (o: DateOrder) => void }) {
  const ex = a.dateOrder.examples[0] ?? '03/04/2026';
  const [p1, p2, y] = ex.split(/[/-]/);
  const monthName = (m: number) => new Date(Date.UTC(2026, m - 1, 1)).toLocaleDateString(undefined, { month: 'long', timeZone: 'UTC' });
  return (
    <section className="card attention" aria-labelledby="imp-dates">
      <h2 id="imp-dates">How are dates written?</h2>
      <p className="subtle">Dates such as {a.dateOrder.examples.join(', ')} read differently day-first and month-first, and nothing else in the file tells which.</p>
      <fieldset className="radio-row">
        <legend className="visually-hidden">Date order</legend>
        <label className="checkbox">
          <input type="radio" name="date-order" checked={a.dateOrder.chosen === 'dmy'} onChange={() => onChoose('dmy')} />
          Day first: {ex} is {Number(p1)} {monthName(Number(p2))} {y}
        </label>
        <label className="checkbox">
          <input type="radio" name="date-order" checked={a.dateOrder.chosen === 'mdy'} onChange={() => onChoose('mdy')} />
          Month first: {ex} is {monthName(Number(p1))} {Number(p2)}, {y}
        </label>
      </fieldset>
    </section>
  );
}

/** Stage values as written in the file and the outcome each one means. */
export function StagesCard({ a, onOutcome }: { a: ImportAnalysis; onOutcome: (stage: string, o: Outcome) => void }) {
  if (!a.stages.length) return null;
  return (
    <section className="card" aria-labelledby="imp-stages">
      <h2 id="imp-stages">Stages</h2>
      <p className="subtle">Won and lost stages close the deal on its close date; every other stage is open.</p>
      <table className="plain-table">
        <thead>
          <tr>
            <th scope="col">Stage in the file</th>
            <th scope="col" className="num">Rows</th>
            <th scope="col">Means</th>
          </tr>
        </thead>
        <tbody>
          {a.stages.map((s) => (
            <tr key={s.value}>
              <th scope="row">{s.value}</th>
              <td className="num">{s.count.toLocaleString()}</td>
              <td>
                <select aria-label={`Outcome of stage “${s.value}”`} value={s.outcome} onChange={(e) => onOutcome(s.value, e.target.value as Outcome)}>
                  {(['open', 'won', 'lost'] as const).map((o) => (
                    <option key={o} value={o}>
                      {OUTCOME_LABEL[o]}
                      {o === s.suggested && o !== 'open' ? ' (recognised)' : ''}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Deal owners: matched to reps by name; the others become new reps unless matched by hand. */
export function OwnersCard({ a, reps, onOwner }: { a: ImportAnalysis; reps: Rep[]; onOwner: (name: string, d: number | 'create') => void }) {
  if (!a.owners.length) return null;
  const unknown = a.owners.filter((o) => o.matchedRepId === null).length;
  return (
    <section className="card" aria-labelledby="imp-owners">
      <h2 id="imp-owners">Owners</h2>
      <p className="subtle">
        {unknown === 0 ? 'Every owner is one of your reps.' : `${unknown} owner${unknown === 1 ? ' is' : 's are'} not one of your reps yet: create them, or choose who they are.`}
      </p>
      <table className="plain-table">
        <thead>
          <tr>
            <th scope="col">Owner in the file</th>
            <th scope="col" className="num">Deals</th>
            <th scope="col">Becomes</th>
          </tr>
        </thead>
        <tbody>
          {a.owners.map((o) => (
            <tr key={o.name}>
              <th scope="row">
                {o.name} {o.matchedRepId === null && <span className="badge badge-open">new</span>}
              </th>
              <td className="num">{o.count.toLocaleString()}</td>
              <td>
                <select
                  aria-label={`Rep for owner “${o.name}”`}
                  value={String(o.decision ?? 'create')}
                  onChange={(e) => onOwner(o.name, e.target.value === 'create' ? 'create' : Number(e.target.value))}
                >
                  {o.matchedRepId === null && <option value="create">Create a new rep “{o.name}”</option>}
                  {reps.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
