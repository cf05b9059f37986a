import type { Outcome } from '../../../../shared/schemas/deal';
import type { ImportAnalysis, StageChoice } from '../../../../shared/schemas/imports';

/** How each stage value was read, in the manager's words. */
const HOW: Record<StageChoice['how'], string> = {
  'won word': 'Won, from its name',
  'lost word': 'Lost, from its name',
  'your stage': 'One of your stages',
  'open stage': 'An open stage',
  answered: 'Your answer',
  unknown: 'Needs your answer',
};

export interface StageAnswer {
  outcome: Outcome;
  /** For an open stage: the name it is filed under. */
  stage?: string;
}

/** Every row of this stage took its outcome from the IsClosed / IsWon columns: nothing to ask. */
const byFlags = (s: StageChoice) => s.outcome === null && s.fromFlags === s.count;

/** The select's value: "won", "lost", "open" (kept as written) or "open:<stage on the list>". */
const valueOf = (s: StageChoice): string =>
  s.outcome === null ? '' : s.outcome !== 'open' ? s.outcome : s.stage && s.stage !== s.value ? `open:${s.stage}` : 'open';

/**
 * Every stage value in the file with its row count and the outcome it gets. A value that
 * cannot be read is a question: it is never imported as open without the manager's say.
 */
export function StagesCard({ a, onAnswer, onRestOpen }: { a: ImportAnalysis; onAnswer: (stage: string, answer: StageAnswer) => void; onRestOpen: () => void }) {
  if (!a.stages.length) return null;
  const open = a.stages.filter((s) => s.outcome === null && s.fromFlags < s.count);
  const flagged = a.stages.some((s) => s.fromFlags > 0);
  return (
    <section className={open.length ? 'card attention' : 'card'} aria-labelledby="imp-stages">
      <h2 id="imp-stages">Stages</h2>
      <p className="subtle">
        Won and lost stages close the deal on its close date; open ones can keep their name or be filed under one of your stages.
        {flagged && ' Rows with a yes/no in the closed and won columns take their outcome from those.'}
      </p>
      {open.length > 0 && (
        <p className="callout" role="status">
          {open.length === 1 ? '1 stage needs' : `${open.length} stages need`} your answer before anything is imported.{' '}
          <button type="button" className="link-button" onClick={onRestOpen}>
            Import {open.length === 1 ? 'it' : 'them all'} as open
          </button>
        </p>
      )}
      <table className="plain-table">
        <thead>
          <tr>
            <th scope="col">Stage in the file</th>
            <th scope="col" className="num">
              Rows
            </th>
            <th scope="col">Read as</th>
            <th scope="col">Imports as</th>
          </tr>
        </thead>
        <tbody>
          {a.stages.map((s) => (
            <tr key={s.value} className={s.outcome === null && !byFlags(s) ? 'needs-answer' : undefined}>
              <th scope="row">{s.value}</th>
              <td className="num">{s.count.toLocaleString()}</td>
              <td className="subtle">
                {byFlags(s) ? 'From the closed/won columns' : s.outcome === null ? <span className="badge badge-warn">{HOW.unknown}</span> : HOW[s.how]}
                {s.fromFlags > 0 && !byFlags(s) && ` · ${s.fromFlags.toLocaleString()} from the closed/won columns`}
              </td>
              <td>
                <select
                  aria-label={`Outcome of stage “${s.value}”`}
                  value={valueOf(s)}
                  onChange={(e) => {
                    const v = e.target.value;
                    if (v === 'won' || v === 'lost') onAnswer(s.value, { outcome: v });
                    else onAnswer(s.value, { outcome: 'open', stage: v.startsWith('open:') ? v.slice(5) : s.value });
                  }}
                >
                  {s.outcome === null && (
                    <option value="" disabled>
                      {byFlags(s) ? 'As the closed/won columns say' : 'Choose: open, won or lost'}
                    </option>
                  )}
                  <option value="open">Open, as “{s.value}”</option>
                  {a.teamStages
                    .filter((t) => t !== s.value)
                    .map((t) => (
                      <option key={t} value={`open:${t}`}>
                        Open, as {t}
                      </option>
                    ))}
                  <option value="won">Won</option>
                  <option value="lost">Lost</option>
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
