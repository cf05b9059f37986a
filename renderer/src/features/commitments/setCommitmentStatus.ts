import type { Commitment } from '../../../../shared/schemas/commitments';
import { call } from '../../api/client';
import { toast, toastError } from '../../app/toasts';

/** Mark done, drop or reopen, with an Undo that restores the previous state exactly. */
export async function setCommitmentStatus(c: Commitment, status: Commitment['status']): Promise<void> {
  try {
    await call('commitments.setStatus', { id: c.id, status });
    toast(status === 'done' ? 'Marked done.' : status === 'dropped' ? 'Dropped.' : 'Reopened.', {
      label: 'Undo',
      run: () => void call('commitments.setStatus', { id: c.id, status: c.status, ...(c.doneDate ? { on: c.doneDate } : {}) }).catch(toastError),
    });
  } catch (err) {
    toastError(err);
  }
}
