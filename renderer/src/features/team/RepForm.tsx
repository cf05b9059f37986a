import { REP_ROLES, REP_ROLE_LABELS, REP_STATUSES, REP_STATUS_LABELS, repInput, repUpdate, type Rep } from '../../../../shared/schemas/rep';
import { parseAmount } from '../../../../shared/domain/money';
import type { CallInput } from '../../../../shared/api';
import { call } from '../../api/client';
import { useApp } from '../../app/appStore';
import { toast } from '../../app/toasts';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormFooter } from '../../components/FormFooter';
import { useZodForm } from '../../lib/useZodForm';

interface Props {
  rep?: Rep;
  onClose: () => void;
  onSaved?: (rep: Rep) => void;
}

/** Add or edit a rep. The same schema as the core checks every field before saving. */
export function RepForm({ rep, onClose, onSaved }: Props) {
  const quotaPeriod = useApp((s) => s.settings?.quotaPeriod ?? 'quarter');
  const form = useZodForm(rep ? repUpdate : repInput, {
    name: rep?.name ?? '',
    email: rep?.email ?? '',
    role: rep?.role ?? 'field',
    territory: rep?.territory ?? '',
    hireDate: rep?.hireDate ?? '',
    quota: rep ? String(rep.quota) : '',
    status: rep?.status ?? 'active',
  });
  const v = form.values;

  const save = () => {
    const payload = {
      ...(rep ? { id: rep.id, status: v.status } : {}),
      name: v.name,
      email: v.email,
      role: v.role,
      territory: v.territory,
      hireDate: v.hireDate,
      quota: v.quota.trim() === '' ? 0 : parseAmount(v.quota),
    };
    void form.submit(payload, async () => {
      const saved = rep
        ? await call('reps.update', payload as CallInput<'reps.update'>)
        : await call('reps.create', payload as CallInput<'reps.create'>);
      toast(rep ? `Saved ${saved.name}.` : `Added ${saved.name} to the team.`);
      onSaved?.(saved);
      onClose();
    });
  };

  return (
    <Dialog title={rep ? `Edit ${rep.name}` : 'Add a rep'} onClose={onClose}>
      <form
        className="dialog-body form-grid"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <Field label="Name" error={form.errors.name}>
          <input value={v.name} onChange={(e) => form.set('name', e.target.value)} data-autofocus autoComplete="off" />
        </Field>
        <Field label="Email" error={form.errors.email}>
          <input type="email" value={v.email} onChange={(e) => form.set('email', e.target.value)} autoComplete="off" />
        </Field>
        <Field label="Role" error={form.errors.role}>
          <select value={v.role} onChange={(e) => form.set('role', e.target.value as Rep['role'])}>
            {REP_ROLES.map((r) => (
              <option key={r} value={r}>
                {REP_ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Territory" error={form.errors.territory}>
          <input value={v.territory} onChange={(e) => form.set('territory', e.target.value)} />
        </Field>
        <Field label="Hire date" error={form.errors.hireDate}>
          <input type="date" value={v.hireDate} onChange={(e) => form.set('hireDate', e.target.value)} />
        </Field>
        <Field label={`Quota per ${quotaPeriod}`} error={form.errors.quota}>
          <input inputMode="decimal" value={v.quota} onChange={(e) => form.set('quota', e.target.value)} placeholder="e.g. 300,000" />
        </Field>
        {rep && (
          <Field label="Status" error={form.errors.status}>
            <select value={v.status} onChange={(e) => form.set('status', e.target.value as Rep['status'])}>
              {REP_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {REP_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </Field>
        )}
        <FormFooter error={form.formError} busy={form.busy} submitLabel={rep ? 'Save changes' : 'Add rep'} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
