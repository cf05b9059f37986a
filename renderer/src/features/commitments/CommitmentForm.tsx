import { commitmentInput, type CommitmentOwner } from '../../../../shared/schemas/commitments';
import { addDays } from '../../../../shared/domain/periods';
import { call } from '../../api/client';
import { useApp } from '../../app/appStore';
import { toast } from '../../app/toasts';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormFooter } from '../../components/FormFooter';
import { useZodForm } from '../../lib/useZodForm';
import { useApiData } from '../../lib/useApiData';

/** Record a promise, the rep's or your own: both are tracked the same way. */
export function CommitmentForm({ repId, onClose }: { repId?: number; onClose: () => void }) {
  const info = useApp((s) => s.info);
  const reps = useApiData('reps.list', {}).data ?? [];
  const today = info?.today ?? '';
  const form = useZodForm(commitmentInput, {
    repId: repId ? String(repId) : '',
    owner: 'rep' as CommitmentOwner,
    text: '',
    dueDate: today ? addDays(today, 7) : '',
  });
  const v = form.values;
  const save = () => {
    const payload = { repId: Number(v.repId) || Number.NaN, owner: v.owner, text: v.text, dueDate: v.dueDate };
    void form.submit(payload, async () => {
      await call('commitments.create', payload);
      toast('Commitment recorded.');
      onClose();
    });
  };
  return (
    <Dialog title="Add a commitment" onClose={onClose}>
      <form
        className="dialog-body form-grid"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <Field label="Rep" error={form.errors.repId}>
          <select value={v.repId} onChange={(e) => form.set('repId', e.target.value)} data-autofocus>
            <option value="">Choose a rep…</option>
            {reps.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Who promised" error={form.errors.owner}>
          <select value={v.owner} onChange={(e) => form.set('owner', e.target.value as CommitmentOwner)}>
            <option value="rep">The rep</option>
            <option value="manager">Me</option>
          </select>
        </Field>
        <div className="span-all">
          <Field label="Commitment" error={form.errors.text}>
            <input value={v.text} onChange={(e) => form.set('text', e.target.value)} placeholder="e.g. Book the meeting with the CFO" />
          </Field>
        </div>
        <Field label="Due date" error={form.errors.dueDate}>
          <input type="date" value={v.dueDate} min={today} onChange={(e) => form.set('dueDate', e.target.value)} />
        </Field>
        <FormFooter error={form.formError} busy={form.busy} submitLabel="Add commitment" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
