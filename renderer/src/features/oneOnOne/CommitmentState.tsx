import { daysOverdue } from '../../../../shared/domain/followThrough';
import type { Commitment } from '../../../../shared/schemas/commitments';
import { useFormat } from '../../lib/format';
import { setCommitmentStatus } from '../commitments/setCommitmentStatus';

/** Where a promise stands (days overdue said in words), with Done and Drop while it is open. */
export function CommitmentState({ c, today, locked }: { c: Commitment; today: string; locked: boolean }) {
  const fmt = useFormat();
  const late = daysOverdue(c, today);
  return (
    <span className="commitment-meta">
      {c.status === 'open' ? (
        <span className={late ? 'badge tone-bad' : 'badge tone-neutral'}>
          {late ? `Overdue ${late} day${late === 1 ? '' : 's'} (due ${fmt.date(c.dueDate)})` : `Due ${fmt.date(c.dueDate)}`}
        </span>
      ) : (
        <span className="badge tone-good">{c.status === 'done' ? `Done ${fmt.date(c.doneDate)}` : 'Dropped'}</span>
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
    </span>
  );
}
