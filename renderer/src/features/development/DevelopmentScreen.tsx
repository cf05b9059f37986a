import { useCallback, useState } from 'react';
import { useApp } from '../../app/appStore';
import { EmptyState } from '../../components/EmptyState';
import { useApiData } from '../../lib/useApiData';
import { useFormat } from '../../lib/format';
import { useShortcut } from '../../lib/useShortcut';
import { ExportDialog } from '../export/ExportDialog';
import { PlansCard } from './PlansCard';
import { TalentEffortCard } from './TalentEffortCard';
import { TopVsRestCard } from './TopVsRestCard';

/** Team development: learn from the top performers, talent vs effort, 60-day plans. */
export function DevelopmentScreen() {
  const fmt = useFormat();
  const today = useApp((s) => s.info?.today ?? '');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [exporting, setExporting] = useState(false);
  useShortcut('e', useCallback(() => setExporting(true), []), 'Export a team review');
  const period = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const { data, error } = useApiData('development.team', period, { keep: true });

  return (
    <section className="screen" aria-labelledby="dev-title">
      <header className="screen-head">
        <div>
          <h1 id="dev-title" tabIndex={-1}>
            Team development
          </h1>
          <p className="subtle">
            {data ? `${fmt.date(data.from)} – ${fmt.date(data.to)}. ` : ''}Do not accept that a few reps make most of the number: see what they do differently, and coach the rest
            toward it.
          </p>
        </div>
        <div className="head-actions">
          <label className="inline-field">
            From
            <input type="date" value={from || data?.from || ''} max={to || today} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label className="inline-field">
            To
            <input type="date" value={to || data?.to || ''} max={today} onChange={(e) => setTo(e.target.value)} />
          </label>
          <button type="button" className="primary" onClick={() => setExporting(true)} aria-keyshortcuts="e">
            Export team review <kbd>E</kbd>
          </button>
        </div>
      </header>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!data && !error && <p className="loading">Loading…</p>}
      {data && data.reps.length === 0 && (
        <EmptyState title="No reps yet">
          <p>Add your reps on the Team screen, or import them from your CRM, to compare the top performers with the rest.</p>
        </EmptyState>
      )}
      {data && data.reps.length > 0 && (
        <>
          <TopVsRestCard d={data} />
          <PlansCard d={data} />
          <TalentEffortCard d={data} />
        </>
      )}
      {exporting && <ExportDialog kind="teamReview" {...(data ? { from: data.from, to: data.to } : {})} onClose={() => setExporting(false)} />}
    </section>
  );
}
