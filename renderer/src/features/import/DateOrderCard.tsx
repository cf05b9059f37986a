import type { DateOrder } from '../../../../shared/domain/import/dates';
import type { ImportAnalysis } from '../../../../shared/schemas/imports';

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
