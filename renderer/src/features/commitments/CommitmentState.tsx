import { daysOverdue } from '../../../../shared/domain/followThrough';
import type { Commitment } from '../../../../shared/schemas/commitments';
import { useFormat } from '../../lib/format';
import { setCommitmentStatus } from './setCommitmentStatus';

/**
 * Where a promise stands (days overdue said in words), with Done and Drop while it is open, and
 * Reopen for a closed one where the screen allows it. The one place a commitment's state is shown.
 */
export function CommitmentState({ c, today, locked = false, reopen = false }: { c: Commitment; today: string; locked?: boolean; reopen?: boolean }) {
  const fmt = useFormat();
  const late = daysOverdue(c, today);
  return (
    <span className="commitment-meta">
      {c.status === 'open' ? (
        <span className={late ? 'badge tone-bad' : 'badge tone-neutral'}>
          {late ? `Overdue ${late} day${late === 1 ? '' : 's'} (due ${fmt.date(c.dueDate)})` : `Due ${fmt.date(c.dueDate)}`}
        </span>
      ) : (
        <span className={c.status === 'done' ? 'badge tone-good' : 'badge tone-neutral'}>{c.status === 'done' ? `Done ${fmt.date(c.doneDate)}` : 'Dropped'}</span>
      )}
      {c.status === 'open' && !locked && (
        <>
          <button type="button" className="link-button" onClick={() => void setCommitmentStatus(c, 'done')} aria-label={`Mark “${c.text}” done`}>
            Done
          </button>
          <button type="button" className="link-button" onClick={() => void setCommitmentStatus(c, 'dropped')} aria-label={`Drop “${c.text}”`}>
            Drop
          </button>
        </>
      )}
      {c.status !== 'open' && reopen && !locked && (
        <button type="button" className="link-button" onClick={() => void setCommitmentStatus(c, 'open')} aria-label={`Reopen “${c.text}”`}>
          Reopen
        </button>
      )}
    </span>
  );
}
