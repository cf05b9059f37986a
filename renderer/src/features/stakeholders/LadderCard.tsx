import { useEffect, useState } from 'react';
import { ADVISOR_SIGN_LABELS, ADVISOR_SIGNS, LADDER, LADDER_LABELS, type AdvisorSign, type LadderLevel } from '../../../../shared/domain/advisorLadder';
import { call } from '../../api/client';
import { toast, toastError } from '../../app/toasts';
import { useFormat } from '../../lib/format';
import { useApiData } from '../../lib/useApiData';

/** Where we stand with the account, from vendor to trusted advisor, with the signs and the history. */
export function LadderCard({ accountId, accountName }: { accountId: number; accountName: string }) {
  const fmt = useFormat();
  const { data } = useApiData('accounts.ladder', { accountId });
  const [level, setLevel] = useState<LadderLevel | ''>('');
  const [signs, setSigns] = useState<Record<AdvisorSign, boolean> | null>(null);
  // The form starts from what is saved, again after each save.
  useEffect(() => {
    setLevel(data?.level ?? '');
    setSigns(data?.signs ?? null);
  }, [data]);
  if (!data || !signs) return null;
  const dirty = level !== (data.level ?? '') || ADVISOR_SIGNS.some((s) => signs[s] !== data.signs[s]);
  return (
    <section className="card" aria-labelledby="ladder-h">
      <h2 id="ladder-h">{accountName}: from vendor to trusted advisor</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!level) return;
          void call('accounts.setLadder', { accountId, level, signs })
            .then(() => {
              toast('Ladder updated; the change is kept in the history.');
            })
            .catch(toastError);
        }}
      >
        <label className="inline-field">
          Level
          <select aria-label="Ladder level" value={level} onChange={(e) => setLevel(e.target.value as LadderLevel)}>
            <option value="">Not assessed</option>
            {LADDER.map((l) => (
              <option key={l} value={l}>
                {LADDER_LABELS[l]}
              </option>
            ))}
          </select>
        </label>
        <ul className="plain-list ladder-signs">
          {ADVISOR_SIGNS.map((s) => (
            <li key={s}>
              <label className="checkbox">
                <input type="checkbox" checked={signs[s]} onChange={(e) => setSigns({ ...signs, [s]: e.target.checked })} /> {ADVISOR_SIGN_LABELS[s]}
              </label>
            </li>
          ))}
        </ul>
        {data.hint && <p className="callout">{data.hint}</p>}
        <button type="submit" disabled={!level || !dirty}>
          Save
        </button>
      </form>
      {data.history.length > 0 && (
        <p className="subtle">History: {data.history.map((h) => `${fmt.date(h.changedOn)} ${LADDER_LABELS[h.level]}`).join(' · ')}</p>
      )}
    </section>
  );
}
