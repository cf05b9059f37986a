import { settingsPatch, type Settings } from '../../../../shared/schemas/team';
import { call } from '../../api/client';
import { toast } from '../../app/toasts';
import { Field } from '../../components/Field';
import { FormFooter } from '../../components/FormFooter';
import { useZodForm } from '../../lib/useZodForm';

const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

/** When observations add up to a pattern: never one entry, always several over weeks. */
export function CoachabilityForm({ settings }: { settings: Settings }) {
  const c = settings.coachability;
  const form = useZodForm(settingsPatch, {
    windowWeeks: String(c.windowWeeks),
    signsPerObservation: String(c.signsPerObservation),
    minObservations: String(c.minObservations),
    minSpanWeeks: String(c.minSpanWeeks),
    minShare: String(Math.round(c.minShare * 100)),
  });
  const v = form.values;
  const save = () => {
    const payload = {
      coachability: {
        windowWeeks: num(v.windowWeeks),
        signsPerObservation: num(v.signsPerObservation),
        minObservations: num(v.minObservations),
        minSpanWeeks: num(v.minSpanWeeks),
        minShare: num(v.minShare) / 100,
      },
    };
    void form.submit(payload, async () => {
      await call('settings.update', payload);
      toast('Coachability thresholds saved.');
    });
  };
  const input = (k: keyof typeof v, label: string, hint: string) => (
    <Field label={label} error={form.errors[k]} hint={hint}>
      <input inputMode="numeric" value={v[k]} onChange={(e) => form.set(k, e.target.value)} />
    </Field>
  );
  return (
    <form
      className="card form-grid"
      aria-labelledby="coach-settings-h"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <h2 id="coach-settings-h" className="span-all">
        Coachability pattern
      </h2>
      {input('windowWeeks', 'Look back (weeks)', 'Default 12')}
      {input('signsPerObservation', 'Signs “often” in one observation', 'Default 2: makes it a concerning observation')}
      {input('minObservations', 'Concerning observations needed', 'Default 3; never fewer than 2')}
      {input('minSpanWeeks', 'Spread over at least (weeks)', 'Default 4')}
      {input('minShare', 'Share of all observations (%)', 'Default 60')}
      <FormFooter error={form.formError} busy={form.busy} submitLabel="Save coachability thresholds" />
    </form>
  );
}
