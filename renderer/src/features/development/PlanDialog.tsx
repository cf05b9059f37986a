import { useState } from 'react';
import { DRIVER_DEFS, DRIVERS, MIN_PLAN_DAYS, type Driver } from '../../../../shared/domain/development';
import type { RepDevelopment } from '../../../../shared/schemas/development';
import { ApiFailure, call } from '../../api/client';
import { useApp } from '../../app/appStore';
import { toast } from '../../app/toasts';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';

/** Start a plan: the top two drivers (suggested from the gaps), the metric to watch, 60+ days. */
export function PlanDialog({ rep, onClose }: { rep: RepDevelopment; onClose: () => void }) {
  const info = useApp((s) => s.info);
  const [drivers, setDrivers] = useState<Driver[]>(rep.suggested.length ? rep.suggested : ['win_rate']);
  const [metric, setMetric] = useState<Driver>(rep.suggested[0] ?? 'win_rate');
  const [startDate, setStart] = useState(info?.today ?? '');
  const [days, setDays] = useState(String(MIN_PLAN_DAYS));
  const [actions, setActions] = useState('');
  const [error, setError] = useState<{ message: string; field?: string | undefined } | null>(null);
  const [busy, setBusy] = useState(false);

  const toggle = (d: Driver) => {
    const next = drivers.includes(d) ? drivers.filter((x) => x !== d) : [...drivers, d];
    setDrivers(next);
    if (!next.includes(metric) && next[0]) setMetric(next[0]);
  };
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('development.startPlan', { repId: rep.repId, drivers, metric, startDate, lengthDays: Number(days), actions: actions || null });
      toast(`Started a ${days}-day plan for ${rep.name}.`);
      onClose();
    } catch (err) {
      setError({ message: (err as Error).message, field: err instanceof ApiFailure ? err.error.field : undefined });
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (f: string) => (error?.field === f ? error.message : undefined);
  return (
    <Dialog title={`Development plan for ${rep.name}`} onClose={onClose} wide>
      <form
        className="dialog-body form-grid"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset className="span-all driver-pick" aria-describedby="drivers-hint">
          <legend>The top two drivers to work on</legend>
          <p id="drivers-hint" className="field-hint">
            {rep.suggested.length
              ? `Suggested from where ${rep.name} trails the top group most: ${rep.suggested.map((d) => DRIVER_DEFS[d].label.toLowerCase()).join(' and ')}.`
              : `${rep.name} does not trail the top group on any driver; pick what you want to grow.`}{' '}
            Pick one or two.
          </p>
          {DRIVERS.map((d) => (
            <label key={d} className="checkbox">
              <input type="checkbox" checked={drivers.includes(d)} disabled={!drivers.includes(d) && drivers.length >= 2} onChange={() => toggle(d)} />
              {DRIVER_DEFS[d].label}
              {rep.suggested.includes(d) && <span className="badge tone-warn">suggested</span>}
            </label>
          ))}
          {fieldError('drivers') && (
            <span className="field-error" role="alert">
              {fieldError('drivers')}
            </span>
          )}
        </fieldset>
        <Field label="Metric to watch" error={fieldError('metric')} hint={drivers[0] ? DRIVER_DEFS[metric]?.coaching : undefined}>
          <select value={metric} onChange={(e) => setMetric(e.target.value as Driver)}>
            {drivers.map((d) => (
              <option key={d} value={d}>
                {DRIVER_DEFS[d].label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Start" error={fieldError('startDate')}>
          <input type="date" required value={startDate} onChange={(e) => setStart(e.target.value)} />
        </Field>
        <Field label="Length in days" error={fieldError('lengthDays')} hint="At least 60 days: a driver takes time to move.">
          <input type="number" min={MIN_PLAN_DAYS} max={365} required value={days} onChange={(e) => setDays(e.target.value)} />
        </Field>
        <Field label="What you will both do" error={fieldError('actions')}>
          <textarea rows={3} value={actions} maxLength={2000} onChange={(e) => setActions(e.target.value)} placeholder="e.g. Assess the value proposition of every deal over $50k before Proposal" />
        </Field>
        {error && !['drivers', 'metric', 'startDate', 'lengthDays', 'actions'].includes(error.field ?? '') && (
          <p className="form-error span-all" role="alert">
            {error.message}
          </p>
        )}
        <footer className="dialog-actions span-all">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || drivers.length === 0}>
            Start the plan
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
