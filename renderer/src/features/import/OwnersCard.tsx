import { useState } from 'react';
import type { ImportAnalysis, OwnerChoice, OwnerDecision } from '../../../../shared/schemas/imports';
import type { Rep } from '../../../../shared/schemas/rep';

const KIND: Record<OwnerChoice['kind'], string | null> = { name: null, email: 'e-mail', id: 'CRM id' };
const MATCHED: Record<NonNullable<OwnerChoice['matchedBy']>, string> = {
  name: 'same name',
  email: 'same e-mail',
  'name in the e-mail': 'the name in the e-mail',
  'earlier import': 'as in an earlier import',
};

/** What a "new rep" choice means for this owner: the owner's own name, or the one offered for an e-mail. */
const newRep = (o: OwnerChoice): OwnerDecision => (o.kind === 'name' ? 'create' : { create: o.newName });

/** The select's value for a decision: a rep id, "new", "other" (a typed name) or "" (not answered). */
function valueOf(o: OwnerChoice): string {
  const d = o.decision;
  if (d === null) return '';
  if (typeof d === 'number') return String(d);
  if (d === 'create') return 'new';
  return d.create === o.newName ? 'new' : 'other';
}

/**
 * Deal owners: matched to reps by name, by e-mail, or as an earlier import matched them.
 * Other names become new reps unless matched by hand; ids and e-mails nobody matched wait
 * for the manager: a rep is never named after a CRM id without a word.
 */
export function OwnersCard({ a, reps, onOwner }: { a: ImportAnalysis; reps: Rep[]; onOwner: (name: string, d: OwnerDecision) => void }) {
  const [typing, setTyping] = useState<Record<string, string>>({});
  if (!a.owners.length) return null;
  const waiting = a.owners.filter((o) => o.decision === null).length;
  const fresh = a.owners.filter((o) => o.matchedRepId === null && o.decision !== null && typeof o.decision !== 'number').length;
  const commit = (o: OwnerChoice) => {
    const name = typing[o.name]?.trim();
    const now = o.decision && typeof o.decision === 'object' ? o.decision.create : null;
    if (name && name !== now) onOwner(o.name, { create: name });
  };
  return (
    <section className={waiting ? 'card attention' : 'card'} aria-labelledby="imp-owners">
      <h2 id="imp-owners">Owners</h2>
      <p className="subtle">
        {waiting > 0
          ? `${waiting} owner${waiting === 1 ? ' is' : 's are'} a CRM id or e-mail: choose the rep for each (remembered for the next export).`
          : fresh > 0
            ? `${fresh} owner${fresh === 1 ? ' is' : 's are'} not one of your reps yet: ${fresh === 1 ? 'it becomes a new rep' : 'they become new reps'} unless you choose who ${fresh === 1 ? 'it is' : 'they are'}.`
            : 'Every owner is one of your reps.'}
      </p>
      <table className="plain-table">
        <thead>
          <tr>
            <th scope="col">Owner in the file</th>
            <th scope="col" className="num">
              Deals
            </th>
            <th scope="col">Becomes</th>
          </tr>
        </thead>
        <tbody>
          {a.owners.map((o) => {
            const value = valueOf(o);
            const other = value === 'other' || o.name in typing;
            return (
              <tr key={o.name} className={o.decision === null ? 'needs-answer' : undefined}>
                <th scope="row">
                  {o.name} {KIND[o.kind] && <span className="badge">{KIND[o.kind]}</span>}{' '}
                  {o.matchedBy ? <span className="subtle small">({MATCHED[o.matchedBy]})</span> : o.decision !== null && typeof o.decision !== 'number' && <span className="badge badge-open">new</span>}
                </th>
                <td className="num">{o.count.toLocaleString()}</td>
                <td>
                  <div className="owner-choice">
                    <select
                      aria-label={`Rep for owner “${o.name}”`}
                      value={other ? 'other' : value}
                      onChange={(e) => {
                        const v = e.target.value;
                        if (v === 'other') return setTyping({ ...typing, [o.name]: o.decision && typeof o.decision === 'object' ? o.decision.create : o.newName });
                        const { [o.name]: _, ...rest } = typing;
                        setTyping(rest);
                        onOwner(o.name, v === 'new' ? newRep(o) : Number(v));
                      }}
                    >
                      {o.decision === null && (
                        <option value="" disabled>
                          Choose a rep…
                        </option>
                      )}
                      {reps.map((r) => (
                        <option key={r.id} value={r.id}>
                          {r.name}
                        </option>
                      ))}
                      {o.matchedRepId === null && <option value="new">New rep “{o.newName}”</option>}
                      <option value="other">New rep with another name…</option>
                    </select>
                    {other && (
                      <input
                        type="text"
                        aria-label={`Name of the new rep for “${o.name}”`}
                        value={typing[o.name] ?? (o.decision && typeof o.decision === 'object' ? o.decision.create : '')}
                        maxLength={120}
                        onChange={(e) => setTyping({ ...typing, [o.name]: e.target.value })}
                        onBlur={() => commit(o)}
                        onKeyDown={(e) => e.key === 'Enter' && commit(o)}
                      />
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
