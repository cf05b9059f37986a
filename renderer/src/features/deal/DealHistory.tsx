import type { DealDetail } from '../../../../shared/schemas/deal';
import { useFormat } from '../../lib/format';

/** Every stage move and every change of the expected close date, as the store recorded them. */
export function DealHistory({ stageHistory, closeDateChanges }: Pick<DealDetail, 'stageHistory' | 'closeDateChanges'>) {
  const fmt = useFormat();
  return (
    <>
      <section className="card" aria-labelledby="stages">
        <h2 id="stages">Stage history</h2>
        <ol className="timeline">
          {stageHistory.map((s) => (
            <li key={s.id}>
              <time dateTime={s.changedOn}>{fmt.date(s.changedOn)}</time>
              <span>{s.fromStage ? `${s.fromStage} → ${s.toStage}` : `Created in ${s.toStage}`}</span>
            </li>
          ))}
        </ol>
      </section>
      <section className="card" aria-labelledby="closedates">
        <h2 id="closedates">Close-date changes</h2>
        {closeDateChanges.length === 0 ? (
          <p className="subtle">The expected close date has never moved.</p>
        ) : (
          <table className="plain-table">
            <thead>
              <tr>
                <th>Changed on</th>
                <th>From</th>
                <th>To</th>
              </tr>
            </thead>
            <tbody>
              {closeDateChanges.map((c) => (
                <tr key={c.id}>
                  <td>{fmt.date(c.changedOn)}</td>
                  <td>{fmt.date(c.fromDate)}</td>
                  <td>{fmt.date(c.toDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
