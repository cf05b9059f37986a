import type { Deal } from '../../../../shared/schemas/deal';
import { dealClose } from '../../../../shared/schemas/deal';
import { call } from '../../api/client';
import { useApp } from '../../app/appStore';
import { toast } from '../../app/toasts';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormFooter } from '../../components/FormFooter';
import { useZodForm } from '../../lib/useZodForm';

export function CloseDealDialog({ deal, outcome, onClose }: { deal: Deal; outcome: 'won' | 'lost'; onClose: () => void }) {
  const info = useApp((s) => s.info);
  const form = useZodForm(dealClose, { closedDate: info?.today ?? '' });
  const save = () => {
    const payload = { id: deal.id, outcome, closedDate: form.values.closedDate };
    void form.submit(payload, async () => {
      await call('deals.close', payload);
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
        <FormFooter error={form.formError} busy={form.busy} submitLabel={`Close as ${outcome}`} onCancel={onClose} submitClass={outcome === 'won' ? 'primary' : 'danger'} />
      </form>
    </Dialog>
  );
}
