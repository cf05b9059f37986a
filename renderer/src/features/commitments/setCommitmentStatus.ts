import type { Commitment } from '../../../../shared/schemas/commitments';
import { call } from '../../api/client';
import { useApp } from '../../app/appStore';
import { toast, toastError } from '../../app/toasts';

/** Mark done, drop or reopen, with an Undo that restores the previous state exactly. */
export async function setCommitmentStatus(c: Commitment, status: Commitment['status']): Promise<void> {
  const changed = useApp.getState().changed;
  try {
    await call('commitments.setStatus', { id: c.id, status });
    changed();
    toast(status === 'done' ? 'Marked done.' : status === 'dropped' ? 'Dropped.' : 'Reopened.', {
      label: 'Undo',
      run: () => void call('commitments.setStatus', { id: c.id, status: c.status, ...(c.doneDate ? { on: c.doneDate } : {}) }).then(changed, toastError),
    });
  } catch (err) {
    toastError(err);
  }
}
