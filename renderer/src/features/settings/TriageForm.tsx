import { useState } from 'react';
import { SIZE_CAP } from '../../../../shared/domain/attention';
import { settingsPatch, type Settings } from '../../../../shared/schemas/team';
import { call } from '../../api/client';
import { toast } from '../../app/toasts';
import { Field } from '../../components/Field';
import { FormFooter } from '../../components/FormFooter';
import { useZodForm } from '../../lib/useZodForm';

const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

/**
 * Big deals, late stages, where stakeholder flags start, and the weights of the attention score:
 * what decides how severe a flag is and which deals come first.
 */
export function TriageForm({ settings }: { settings: Settings }) {
  const t = settings.triage;
  const [late, setLate] = useState<Set<string>>(() => new Set(settings.valueProps.lateStages));
  const form = useZodForm(settingsPatch, {
    bigDealAmount: String(settings.valueProps.bigDealAmount),
    stakeholdersFromStage: t.stakeholdersFromStage,
    critical: String(t.points.critical),
    warning: String(t.points.warning),
    info: String(t.points.info),
    amountWeight: String(t.amountWeight),
    closeWeight: String(t.closeWeight),
    horizonDays: String(t.horizonDays),
    perRep: String(t.perRep),
  });
  const v = form.values;
  const save = () => {
    const payload = {
      valueProps: { bigDealAmount: num(v.bigDealAmount), lateStages: settings.stages.filter((s) => late.has(s)) },
      triage: {
        stakeholdersFromStage: v.stakeholdersFromStage,
        points: { critical: num(v.critical), warning: num(v.warning), info: num(v.info) },
        amountWeight: num(v.amountWeight),
        closeWeight: num(v.closeWeight),
        horizonDays: num(v.horizonDays),
        perRep: num(v.perRep),
      },
    };
    void form.submit(payload, async () => {
      await call('settings.update', payload);
      toast('Triage settings saved. Severity and attention now use them.');
    });
  };
  const input = (k: keyof typeof v, label: string, hint?: string) => (
    <Field label={label} error={form.errors[k]} {...(hint ? { hint } : {})}>
      <input inputMode="decimal" value={v[k]} onChange={(e) => form.set(k, e.target.value)} />
    </Field>
  );
  return (
    <form
      className="card form-grid"
      aria-labelledby="triage-h"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <h2 id="triage-h" className="span-all">
        Severity and attention
      </h2>
      <p className="subtle span-all" data-testid="attention-formula">
        Attention = points × (1 + amount weight × size) × (1 + close weight × nearness). Points: the sum over the deal's flags by severity. Size: amount ÷ the big-deal
        amount, at most {SIZE_CAP}. Nearness: 1 when the close date is today or past, 0 at the horizon or with no date, in a straight line between.
      </p>
      {input('bigDealAmount', `Big deal from (${settings.currency})`, 'Big deals get value-proposition checks and stakeholder flags in any stage')}
      <Field label="Stakeholder flags from stage" error={form.errors.stakeholdersFromStage} hint="Earlier, small deals raise no single-threaded or no-decision-maker flag">
        <select value={v.stakeholdersFromStage} onChange={(e) => form.set('stakeholdersFromStage', e.target.value)}>
          {[...new Set([...settings.stages, v.stakeholdersFromStage])].map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </Field>
      <fieldset className="span-all stage-days">
        <legend>Late stages (in the forecast: flags there are more severe)</legend>
        {settings.stages.map((s) => (
          <label key={s} className="check">
            <input type="checkbox" checked={late.has(s)} onChange={(e) => setLate((old) => (e.target.checked ? new Set([...old, s]) : new Set([...old].filter((x) => x !== s))))} /> {s}
          </label>
        ))}
      </fieldset>
      {input('critical', 'Points per critical flag', 'Default 10')}
      {input('warning', 'Points per warning', 'Default 3')}
      {input('info', 'Points per info flag', 'Default 1')}
      {input('amountWeight', 'Amount weight', 'Default 1: a deal twice the big-deal size counts 3×')}
      {input('closeWeight', 'Close-date weight', 'Default 1: an overdue deal counts 2×')}
      {input('horizonDays', 'Close-date horizon (days)', 'Default 90')}
      {input('perRep', 'Needs attention per rep', 'Default 3: the rep page and the one-on-one agenda')}
      <FormFooter error={form.formError} busy={form.busy} submitLabel="Save severity and attention" />
    </form>
  );
}
