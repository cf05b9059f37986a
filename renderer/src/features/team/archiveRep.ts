import { call } from '../../api/client';
import { toast, toastError } from '../../app/toasts';

/** Archive with an Undo in the toast: history stays, the rep leaves the team list. */
export async function archiveRep(id: number, name: string): Promise<void> {
  try {
    await call('reps.archive', { id });
    toast(`${name} archived. Their deals and notes are kept.`, {
      label: 'Undo',
      run: () =>
        void call('reps.restore', { id })
          .then(() => {
            toast(`${name} restored.`);
          })
          .catch(toastError),
    });
  } catch (err) {
    toastError(err);
  }
}
