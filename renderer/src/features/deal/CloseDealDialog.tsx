import type { Deal } from '../../../../shared/schemas/deal';
import { dealClose } from '../../../../shared/schemas/deal';
import { call } from '../../api/client';
import { useApp } from '../../app/appStore';
import { toast } from '../../app/toasts';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useZodForm } from '../../lib/useZodForm';

export function CloseDealDialog({ deal, outcome, onClose }: { deal: Deal; outcome: 'won' | 'lost'; onClose: () => void }) {
  const { info, changed } = useApp();
  const form = useZodForm(dealClose, { closedDate: info?.today ?? '' });
  const save = () => {
    const payload = { id: deal.id, outcome, closedDate: form.values.closedDate };
    void form.submit(payload, async () => {
      await call('deals.close', payload);
      changed();
      toast(`“${deal.name}” closed as ${outcome}.`);
      onClose();
    });
  };
  return (
    <Dialog title={`Close “${deal.name}” as ${outcome}`} onClose={onClose}>
      <form
        className="dialog-body"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <Field label="Closed date" error={form.errors.closedDate}>
          <input type="date" value={form.values.closedDate} onChange={(e) => form.set('closedDate', e.target.value)} data-autofocus />
        </Field>
        {form.formError && (
          <p className="form-error" role="alert">
            {form.formError}
          </p>
        )}
        <footer className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className={outcome === 'won' ? 'primary' : 'danger'} disabled={form.busy}>
            Close as {outcome}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
