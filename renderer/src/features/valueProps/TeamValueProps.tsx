import { VP_QUESTIONS, VP_TEST_LABELS } from '../../../../shared/domain/valueProps';
import { hrefFor } from '../../app/router';
import { useApiData } from '../../lib/useApiData';
import { asOfArg, useAsOf } from '../../lib/useAsOf';

/** Which of the seven tests fail most across the team and for each rep: a coaching focus. */
export function TeamValueProps() {
  const asOf = useAsOf((s) => s.asOf);
  const { data } = useApiData('valueProps.team', asOfArg(asOf), { keep: true });
  if (!data) return null;
  const checked = data.byTest[0]?.checked ?? 0;
  return (
    <section className="card" aria-labelledby="tvp-h">
      <h2 id="tvp-h">Value propositions: what fails most</h2>
      {checked === 0 ? (
        <p className="subtle">No value proposition assessed on an open deal yet. Assess them from a deal's page, starting with the big late-stage ones.</p>
      ) : (
        <div className="columns">
          <table className="plain-table" aria-label="Value-proposition tests across the team">
            <thead>
              <tr>
                <th>Test</th>
                <th className="num">Fail</th>
                <th className="num">Partial</th>
                <th className="num">Not assessed</th>
              </tr>
            </thead>
            <tbody>
              {data.byTest.map((t) => (
                <tr key={t.test} title={VP_QUESTIONS[t.test]}>
                  <td>{VP_TEST_LABELS[t.test]}</td>
                  <td className="num">{t.failing}</td>
                  <td className="num">{t.partial}</td>
                  <td className="num">{t.notAssessed}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="plain-table" aria-label="Weakest test per rep">
            <thead>
              <tr>
                <th>Rep</th>
                <th className="num">Deals assessed</th>
                <th>Weakest test</th>
              </tr>
            </thead>
            <tbody>
              {data.byRep.map((r) => (
                <tr key={r.repId}>
                  <td>
                    <a href={hrefFor({ name: 'rep', id: r.repId })}>{r.name}</a>
                  </td>
                  <td className="num">{r.checked}</td>
                  <td>{r.weakest ? `${VP_TEST_LABELS[r.weakest]} (${r.failingByTest[r.weakest]} not passing)` : 'All passing'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
