import { useId } from 'react';
import type { CallInput } from '../../../../shared/api';
import { parseAmount } from '../../../../shared/domain/money';
import { dealInput, dealUpdate, type Deal } from '../../../../shared/schemas/deal';
import { call } from '../../api/client';
import { useApp } from '../../app/appStore';
import { toast } from '../../app/toasts';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormFooter } from '../../components/FormFooter';
import { useZodForm } from '../../lib/useZodForm';
import { useApiData } from '../../lib/useApiData';

interface Props {
  repId: number;
  deal?: Deal;
  onClose: () => void;
  onSaved?: (deal: Deal) => void;
}

/** Add or edit a deal; stage and close-date changes are recorded by the core automatically. */
export function DealForm({ repId, deal, onClose, onSaved }: Props) {
  const settings = useApp((s) => s.settings);
  const info = useApp((s) => s.info);
  const accounts = useApiData('accounts.names', {}).data ?? [];
  // Only an existing deal can move to another rep.
  const reps = useApiData('reps.list', deal ? {} : null).data ?? [];
  const listId = useId();

  const stages = settings?.stages ?? [];
  const today = info?.today ?? new Date().toISOString().slice(0, 10);
  const form = useZodForm(deal ? dealUpdate : dealInput, {
    repId: String(deal?.repId ?? repId),
    accountName: deal?.accountName ?? '',
    name: deal?.name ?? '',
    stage: deal?.stage ?? stages[0] ?? '',
    amount: deal ? String(deal.amount) : '',
    currency: deal?.currency ?? settings?.currency ?? 'USD',
    createdDate: deal?.createdDate ?? today,
    expectedCloseDate: deal?.expectedCloseDate ?? '',
    lastActivityDate: deal?.lastActivityDate ?? '',
    nextStep: deal?.nextStep ?? '',
    source: deal?.source ?? '',
    externalId: deal?.externalId ?? '',
  });
  const v = form.values;
  const stageOptions = deal && !stages.includes(deal.stage) ? [deal.stage, ...stages] : stages;
  const closed = deal && deal.outcome !== 'open';

  const save = () => {
    const payload = {
      ...(deal ? { id: deal.id } : {}),
      repId: Number(v.repId),
      accountName: v.accountName,
      name: v.name,
      stage: v.stage,
      amount: v.amount.trim() === '' ? Number.NaN : parseAmount(v.amount),
      currency: v.currency,
      createdDate: v.createdDate,
      expectedCloseDate: v.expectedCloseDate,
      lastActivityDate: v.lastActivityDate,
      nextStep: v.nextStep,
      source: v.source,
      externalId: v.externalId,
    };
    void form.submit(payload, async () => {
      const saved = deal
        ? await call('deals.update', payload as CallInput<'deals.update'>)
        : await call('deals.create', payload as CallInput<'deals.create'>);
      toast(deal ? `Saved “${saved.name}”.` : `Added “${saved.name}”.`);
      onSaved?.(saved);
      onClose();
    });
  };

  return (
    <Dialog title={deal ? `Edit ${deal.name}` : 'Add a deal'} onClose={onClose} wide>
      <form
        className="dialog-body form-grid"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <Field label="Account" error={form.errors.accountName} hint="Leave empty while the deal has no account yet.">
          <input list={listId} value={v.accountName} onChange={(e) => form.set('accountName', e.target.value)} data-autofocus autoComplete="off" />
        </Field>
        <datalist id={listId}>
          {accounts.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <Field label="Deal name" error={form.errors.name}>
          <input value={v.name} onChange={(e) => form.set('name', e.target.value)} autoComplete="off" />
        </Field>
        <Field label="Stage" error={form.errors.stage} {...(closed ? { hint: 'Reopen the deal to move its stage.' } : {})}>
          <select value={v.stage} onChange={(e) => form.set('stage', e.target.value)} disabled={!!closed}>
            {(closed ? [deal.stage] : stageOptions).map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Amount" error={form.errors.amount}>
          <input inputMode="decimal" value={v.amount} onChange={(e) => form.set('amount', e.target.value)} placeholder="e.g. 48,000" />
        </Field>
        <Field label="Currency" error={form.errors.currency}>
          <input value={v.currency} maxLength={3} onChange={(e) => form.set('currency', e.target.value.toUpperCase())} />
        </Field>
        <Field label="Created date" error={form.errors.createdDate}>
          <input type="date" value={v.createdDate} onChange={(e) => form.set('createdDate', e.target.value)} />
        </Field>
        <Field label="Expected close date" error={form.errors.expectedCloseDate}>
          <input type="date" value={v.expectedCloseDate} onChange={(e) => form.set('expectedCloseDate', e.target.value)} />
        </Field>
        <Field label="Last activity date" error={form.errors.lastActivityDate}>
          <input type="date" value={v.lastActivityDate} onChange={(e) => form.set('lastActivityDate', e.target.value)} />
        </Field>
        <Field label="Next step" error={form.errors.nextStep}>
          <input value={v.nextStep} onChange={(e) => form.set('nextStep', e.target.value)} />
        </Field>
        <Field label="Source" error={form.errors.source}>
          <input value={v.source} onChange={(e) => form.set('source', e.target.value)} placeholder="Inbound, Outbound, Partner…" />
        </Field>
        <Field label="CRM id" error={form.errors.externalId}>
          <input value={v.externalId} onChange={(e) => form.set('externalId', e.target.value)} />
        </Field>
        {deal && reps.length > 0 && (
          <Field label="Rep" error={form.errors.repId}>
            <select value={v.repId} onChange={(e) => form.set('repId', e.target.value)}>
              {reps.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        <FormFooter error={form.formError} busy={form.busy} submitLabel={deal ? 'Save changes' : 'Add deal'} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
