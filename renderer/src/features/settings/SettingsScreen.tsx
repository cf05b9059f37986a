import { QUOTA_PERIODS, type QuotaPeriod } from '../../../../shared/domain/periods';
import { settingsPatch } from '../../../../shared/schemas/team';
import { call } from '../../api/client';
import { useApp } from '../../app/appStore';
import { toast } from '../../app/toasts';
import { Field } from '../../components/Field';
import { FormFooter } from '../../components/FormFooter';
import { useZodForm } from '../../lib/useZodForm';
import { ThresholdsForm } from './ThresholdsForm';
import { CoachabilityForm } from './CoachabilityForm';
import { TriageForm } from './TriageForm';
import { PrivacyCard } from './PrivacyCard';

const PERIOD_LABEL: Record<QuotaPeriod, string> = { month: 'Monthly', quarter: 'Quarterly', year: 'Yearly' };

export function SettingsScreen() {
  const settings = useApp((s) => s.settings);
  if (!settings) return <p className="loading">Loading…</p>;
  const general = [settings.managerName, settings.currency, settings.quotaPeriod, settings.stages, settings.skills];
  return <SettingsForm key={JSON.stringify(general)} thresholdsKey={JSON.stringify([settings.thresholds, settings.windowMonths, settings.prospectsPerOpp, settings.stages])} />;
}

function SettingsForm({ thresholdsKey }: { thresholdsKey: string }) {
  const settings = useApp((s) => s.settings);
  const info = useApp((s) => s.info);
  const form = useZodForm(settingsPatch, {
    managerName: settings!.managerName,
    currency: settings!.currency,
    quotaPeriod: settings!.quotaPeriod,
    stages: settings!.stages.join('\n'),
    skills: settings!.skills.join('\n'),
  });
  const v = form.values;
  const lines = (text: string) =>
    text
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
  const save = () => {
    const payload = {
      managerName: v.managerName,
      currency: v.currency,
      quotaPeriod: v.quotaPeriod,
      stages: lines(v.stages),
      skills: lines(v.skills),
    };
    void form.submit(payload, async () => {
      await call('settings.update', payload);
      toast('Settings saved.');
    });
  };
  return (
    <section className="screen" aria-labelledby="settings-title">
      <header className="screen-head">
        <div>
          <h1 id="settings-title" tabIndex={-1}>
            Settings
          </h1>
          <p className="subtle">Your data stays on this computer: {info?.dbPath}</p>
        </div>
      </header>
      <form
        className="card form-grid narrow"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <Field label="Your name" error={form.errors.managerName}>
          <input value={v.managerName} onChange={(e) => form.set('managerName', e.target.value)} />
        </Field>
        <Field label="Team currency" error={form.errors.currency}>
          <input value={v.currency} maxLength={3} onChange={(e) => form.set('currency', e.target.value.toUpperCase())} />
        </Field>
        <Field label="Quota period" error={form.errors.quotaPeriod}>
          <select value={v.quotaPeriod} onChange={(e) => form.set('quotaPeriod', e.target.value as QuotaPeriod)}>
            {QUOTA_PERIODS.map((p) => (
              <option key={p} value={p}>
                {PERIOD_LABEL[p]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Open stages, in order (one per line)" error={form.errors.stages} hint="Won and lost are outcomes, not stages.">
          <textarea rows={6} value={v.stages} onChange={(e) => form.set('stages', e.target.value)} />
        </Field>
        <Field label="Skills coaching notes are filed under (one per line)" error={form.errors.skills} hint="Used to filter the notes timeline; notes keep the skill they were filed under.">
          <textarea rows={6} value={v.skills} onChange={(e) => form.set('skills', e.target.value)} />
        </Field>
        <FormFooter error={form.formError} busy={form.busy} submitLabel={'Save settings'} />
      </form>
      <ThresholdsForm key={thresholdsKey} settings={settings!} />
      <TriageForm key={JSON.stringify([settings!.triage, settings!.valueProps, settings!.stages])} settings={settings!} />
      <CoachabilityForm key={JSON.stringify(settings!.coachability)} settings={settings!} />
      <PrivacyCard />
    </section>
  );
}
