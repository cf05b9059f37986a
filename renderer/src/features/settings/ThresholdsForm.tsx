import { useState } from 'react';
import { settingsPatch, type Settings } from '../../../../shared/schemas/team';
import { call } from '../../api/client';
import { toast } from '../../app/toasts';
import { Field } from '../../components/Field';
import { FormFooter } from '../../components/FormFooter';
import { useZodForm } from '../../lib/useZodForm';

const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

/** The numbers behind the flags and the diagnosis. Each stage gets its own "stuck" limit. */
export function ThresholdsForm({ settings }: { settings: Settings }) {
  const t = settings.thresholds;
  const [stageDays, setStageDays] = useState<Record<string, string>>(
    Object.fromEntries(settings.stages.map((s) => [s, String(t.stageDays[s] ?? t.defaultStageDays)])),
  );
  const form = useZodForm(settingsPatch, {
    windowMonths: String(settings.windowMonths),
    prospectsPerOpp: String(settings.prospectsPerOpp),
    defaultStageDays: String(t.defaultStageDays),
    noActivityDays: String(t.noActivityDays),
    ageCycleFactor: String(t.ageCycleFactor),
    outlierFactor: String(t.outlierFactor),
    minWinRate: String(Math.round(t.minWinRate * 100)),
    activityShare: String(Math.round(t.activityShare * 100)),
    newHireDays: String(t.newHireDays),
    neglectDays: String(t.neglectDays),
  });
  const v = form.values;
  const err = (k: string) => form.errors[k];

  const save = () => {
    const payload = {
      windowMonths: num(v.windowMonths),
      prospectsPerOpp: num(v.prospectsPerOpp),
      thresholds: {
        stageDays: Object.fromEntries(Object.entries(stageDays).map(([k, d]) => [k, num(d)])),
        defaultStageDays: num(v.defaultStageDays),
        noActivityDays: num(v.noActivityDays),
        ageCycleFactor: num(v.ageCycleFactor),
        outlierFactor: num(v.outlierFactor),
        minWinRate: num(v.minWinRate) / 100,
        activityShare: num(v.activityShare) / 100,
        newHireDays: num(v.newHireDays),
        neglectDays: num(v.neglectDays),
      },
    };
    void form.submit(payload, async () => {
      await call('settings.update', payload);
      toast('Thresholds saved. Flags and diagnoses now use them.');
    });
  };

  const input = (k: keyof typeof v, label: string, hint?: string) => (
    <Field label={label} error={err(k)} {...(hint ? { hint } : {})}>
      <input inputMode="decimal" value={v[k]} onChange={(e) => form.set(k, e.target.value)} />
    </Field>
  );

  return (
    <form
      className="card form-grid"
      aria-labelledby="thresholds-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <h2 id="thresholds-title" className="span-all">
        Pipeline thresholds
      </h2>
      {input('windowMonths', 'Win-rate window (months)')}
      {input('prospectsPerOpp', 'Prospects per opportunity', '10 means 1 prospect in 10 becomes an opportunity')}
      {input('minWinRate', 'Win-rate floor (%)', 'Below it the diagnosis is “win rate too low”')}
      {input('activityShare', 'Activity floor (% of needed new opps)', 'Below it the diagnosis is “too few opportunities”')}
      {input('noActivityDays', 'No activity after (days)')}
      {input('ageCycleFactor', 'Too old after (× rep’s cycle)')}
      {input('outlierFactor', 'Unusual amount above (× rep’s average)')}
      {input('newHireDays', 'New-hire period (days)')}
      {input('neglectDays', 'Neglect radar after (days)')}
      <fieldset className="span-all stage-days">
        <legend>Stuck in stage after (days)</legend>
        {settings.stages.map((s) => (
          <label key={s}>
            {s}
            <input
              inputMode="numeric"
              value={stageDays[s] ?? ''}
              aria-invalid={form.errors[s] ? true : undefined}
              onChange={(e) => setStageDays({ ...stageDays, [s]: e.target.value })}
            />
            {form.errors[s] && <span className="field-error">{form.errors[s]}</span>}
          </label>
        ))}
        <label>
          Other stages
          <input inputMode="numeric" value={v.defaultStageDays} onChange={(e) => form.set('defaultStageDays', e.target.value)} />
        </label>
      </fieldset>
      <FormFooter error={form.formError} busy={form.busy} submitLabel="Save thresholds" />
    </form>
  );
}
