import { useCallback, useState } from 'react';
import type { Commitment } from '../../../../shared/schemas/commitments';
import { hrefFor } from '../../app/router';
import { EmptyState } from '../../components/EmptyState';
import { useFormat } from '../../lib/format';
import { useShortcut } from '../../lib/useShortcut';
import { useApiData } from '../../lib/useApiData';
import { asOfArg, useAsOf } from '../../lib/useAsOf';
import { CommitmentForm } from './CommitmentForm';
import { CommitmentState } from './CommitmentState';

/** Follow through: every promise across the team, overdue first, the manager's own included. */
export function CommitmentsScreen() {
  const fmt = useFormat();
  const [repId, setRepId] = useState('');
  const [include, setInclude] = useState<'open' | 'all'>('open');
  const [adding, setAdding] = useState(false);
  useShortcut('n', useCallback(() => setAdding(true), []), 'New commitment');

  const reps = useApiData('reps.list', {}).data ?? [];
  const asOf = useAsOf((s) => s.asOf);
  const { data, error } = useApiData('commitments.list', { include, ...asOfArg(asOf), ...(repId ? { repId: Number(repId) } : {}) }, { keep: true });

  if (error) return <p className="form-error" role="alert">{error}</p>;
  if (!data) return <p className="loading">Loading…</p>;
  const groups: { owner: Commitment['owner']; title: string }[] = [
    { owner: 'manager', title: 'Your commitments to your reps' },
    { owner: 'rep', title: 'Your reps’ commitments' },
  ];

  return (
    <section className="screen" aria-labelledby="cm-title">
      <header className="screen-head">
        <div>
          <h1 id="cm-title" tabIndex={-1}>
            Commitments
          </h1>
          <p className="subtle">Meet every commitment, small ones included. Follow-through = kept on time ÷ due, counted up to {fmt.date(data.asOf)}.</p>
        </div>
        <div className="head-actions">
          <button type="button" className="primary" onClick={() => setAdding(true)} aria-keyshortcuts="n">
            Add commitment <kbd>N</kbd>
          </button>
        </div>
      </header>

      <section className="card" aria-labelledby="ft-title">
        <h2 id="ft-title">Follow-through</h2>
        <table className="plain-table" aria-label="Follow-through">
          <thead>
            <tr>
              <th>Who</th>
              <th className="num">Rate</th>
              <th className="num">Due</th>
              <th className="num">Kept on time</th>
              <th className="num">Kept late</th>
              <th className="num">Dropped</th>
              <th className="num">Still open</th>
            </tr>
          </thead>
          <tbody>
            {data.followThrough.map((f) => (
              <tr key={`${f.owner}-${f.repId ?? 'me'}`} data-testid={`ft-${f.repId === null ? 'manager' : f.name}`} className={f.repId === null ? 'strong-row' : undefined}>
                <td>{f.repId === null ? f.name : <a href={hrefFor({ name: 'rep', id: f.repId })}>{f.name}</a>}</td>
                <td className="num">
                  <strong className={f.rate !== null && f.rate < 0.6 ? 'bad-text' : undefined}>{fmt.percent(f.rate)}</strong>
                </td>
                <td className="num">{f.due}</td>
                <td className="num">{f.keptOnTime}</td>
                <td className="num">{f.keptLate}</td>
                <td className="num">{f.dropped}</td>
                <td className="num">{f.openOverdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <div className="toolbar">
        <label className="inline-field">
          Rep
          <select aria-label="Filter commitments by rep" value={repId} onChange={(e) => setRepId(e.target.value)}>
            <option value="">All reps</option>
            {reps.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={include === 'all'} onChange={(e) => setInclude(e.target.checked ? 'all' : 'open')} /> Show done and dropped
        </label>
      </div>

      {data.commitments.length === 0 ? (
        <EmptyState title={include === 'open' ? 'Nothing open' : 'No commitments yet'}>
          <p>Commitments made in one-on-ones and deal reviews appear here until they are kept or dropped, yours as well as your reps’.</p>
        </EmptyState>
      ) : (
        <div className="columns">
          {groups.map((g) => {
            const list = data.commitments.filter((c) => c.owner === g.owner);
            return (
              <section key={g.owner} className="card" aria-labelledby={`cm-${g.owner}`}>
                <h2 id={`cm-${g.owner}`}>
                  {g.title} ({list.length})
                </h2>
                {list.length === 0 ? (
                  <p className="subtle">None.</p>
                ) : (
                  <ul className="commitment-list">
                    {list.map((c) => (
                      <li key={c.id} data-testid={`commitment-${c.id}`} className={c.overdue ? 'overdue' : undefined}>
                        <div className="commitment-text">
                          {c.text}
                          <span className="subtle">
                            {' '}
                            · <a href={hrefFor({ name: 'rep', id: c.repId })}>{c.repName}</a>
                            {c.dealId && c.dealName && (
                              <>
                                {' '}
                                · <a href={hrefFor({ name: 'deal', id: c.dealId })}>{c.dealName}</a>
                              </>
                            )}
                          </span>
                        </div>
                        <CommitmentState c={c} today={data.asOf} reopen />
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}
      {adding && <CommitmentForm onClose={() => setAdding(false)} />}
    </section>
  );
}
