import { useCallback, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ImportKind } from '../../../../shared/domain/import/fields';
import type { ImportAnalysis, SavedMapping } from '../../../../shared/schemas/imports';
import { call } from '../../api/client';
import { useApiData } from '../../lib/useApiData';
import { hrefFor } from '../../app/router';
import { toast } from '../../app/toasts';
import { ConfirmDialog } from '../../components/Dialog';
import { useShortcut } from '../../lib/useShortcut';
import { ColumnsCard } from './ColumnsCard';
import { CheckCard } from './CheckCard';
import { DateOrderCard } from './DateOrderCard';
import { FileDrop } from './FileDrop';
import { GapsCard } from './GapsCard';
import { OwnersCard } from './OwnersCard';
import { StagesCard } from './StagesCard';
import { useImport, type ImportState } from './importStore';

const KINDS: { kind: ImportKind; label: string }[] = [
  { kind: 'deals', label: 'Deals (opportunities)' },
  { kind: 'reps', label: 'Reps' },
  { kind: 'accounts', label: 'Accounts' },
];
const sizeText = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
const separatorName = (d: string) => ({ ',': 'commas', ';': 'semicolons', '\t': 'tabs', '|': 'bars' })[d] ?? `“${d}”`;

/** The analysis with the manager's latest choices shown at once, before the re-analysis answers. */
function withPending(a: ImportAnalysis, c: ImportState['choices']): ImportAnalysis {
  return {
    ...a,
    columns: c.mapping && c.mapping.length === a.columns.length ? a.columns.map((col, i) => ({ ...col, field: c.mapping![i] ?? null })) : a.columns,
    dateOrder: { ...a.dateOrder, chosen: c.dateOrder ?? a.dateOrder.chosen },
    stages: a.stages.map((st) => {
      const outcome = c.stageOutcomes[st.value] ?? st.outcome;
      return { ...st, outcome, stage: outcome === 'open' ? (c.stageNames[st.value] ?? st.stage) : null };
    }),
    owners: a.owners.map((o) => ({ ...o, decision: c.owners[o.name] ?? o.decision })),
    closedDate: { ...a.closedDate, fallback: c.closedDateFallback !== undefined ? c.closedDateFallback : a.closedDate.fallback },
    currency: { ...a.currency, chosen: c.currency ?? a.currency.chosen },
    sameName: { ...a.sameName, chosen: c.sameName ?? a.sameName.chosen },
    defaultOwner: { ...a.defaultOwner, chosen: c.defaultOwner !== undefined ? c.defaultOwner : a.defaultOwner.chosen },
  };
}

/** Import from the CRM: pick a file, check the mapping and the rows, then write them in one go. */
export function ImportScreen() {
  // The screen shows each of these; a shallow compare re-renders it only when one changes.
  const s = useImport(
    useShallow(({ file, uploading, analysis, analyzing, error, choices, job, pick, choose, setField, start, reset }) => ({
      file, uploading, analysis, analyzing, error, choices, job, pick, choose, setField, start, reset,
    })),
  );
  const reps = useApiData('reps.list', {}).data ?? [];
  const saved = useApiData('import.mappings', {}).data ?? [];
  const [forget, setForget] = useState<SavedMapping | null>(null);
  const pickWithKeyboard = useCallback(() => document.querySelector<HTMLButtonElement>('.drop-zone button')?.click(), []);
  useShortcut('o', pickWithKeyboard, 'Open a file to import');

  // Show the manager's latest choices at once, before the re-analysis answers.
  const a = s.analysis && withPending(s.analysis, s.choices);
  const job = s.job;
  const writing = job?.phase === 'writing' || job?.phase === 'checking';

  return (
    <section className="screen" aria-labelledby="imp-title">
      <header className="screen-head">
        <div>
          <h1 id="imp-title" tabIndex={-1}>
            Import from your CRM
          </h1>
          <p className="subtle">Deals, reps or accounts from a CSV export. Nothing is written until you press Import; re-importing an updated export updates the same deals.</p>
        </div>
        {s.file && !writing && (
          <div className="head-actions">
            <button type="button" onClick={s.reset}>
              Choose another file
            </button>
          </div>
        )}
      </header>

      {s.error && (
        <p className="form-error" role="alert">
          {s.error}
        </p>
      )}

      {!s.file && (
        <>
          <FileDrop onFile={(f) => void s.pick(f)} busy={s.uploading !== null} />
          {s.uploading !== null && (
            <div className="progress-block">
              <label htmlFor="upload-progress">Reading the file…</label>
              <progress id="upload-progress" max={1} value={s.uploading} />
            </div>
          )}
          {saved.length > 0 && (
            <section className="card" aria-labelledby="imp-saved">
              <h2 id="imp-saved">Saved mappings</h2>
              <p className="subtle">Used automatically when a file with the same columns comes again.</p>
              <ul className="plain-list">
                {saved.map((m) => (
                  <li key={m.id}>
                    {m.name} <span className="subtle">({m.kind})</span>{' '}
                    <button type="button" className="link-button" onClick={() => setForget(m)}>
                      Forget
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}

      {s.file && !a && !s.error && <p className="loading">Reading {s.file.name}…</p>}

      {s.file && a && !job && (
        <>
          <section className="card file-facts" aria-label="The file">
            <p>
              <strong>{a.fileName}</strong> · {sizeText(s.file.size)} · {a.counts.rows.toLocaleString()} rows · {a.encoding}, separated by {separatorName(a.delimiter)}
              {a.savedMapping ? (
                <span className="badge badge-open">Your saved mapping “{a.savedMapping.name}”</span>
              ) : a.preset ? (
                <span className="badge badge-open">Recognised: {a.preset.label}</span>
              ) : null}
              {s.analyzing && <span className="subtle"> Updating…</span>}
            </p>
            <fieldset className="radio-row">
              <legend>This file holds</legend>
              {KINDS.map((k) => (
                <label key={k.kind} className="checkbox">
                  <input type="radio" name="import-kind" checked={a.kind === k.kind} onChange={() => s.choose({ kind: k.kind })} />
                  {k.label}
                </label>
              ))}
            </fieldset>
            <label className="checkbox">
              <input type="checkbox" checked={a.header.hasHeader} onChange={(e) => s.choose({ hasHeader: e.target.checked })} />
              The first row holds column names
              {!a.header.detected && <span className="subtle"> (it looks like data, so the columns are numbered: say what each one is below)</span>}
            </label>
          </section>
          {a.dateOrder.needed && <DateOrderCard a={a} onChoose={(dateOrder) => s.choose({ dateOrder })} />}
          <ColumnsCard a={a} onField={s.setField} />
          <GapsCard a={a} reps={reps} onChoose={s.choose} />
          <StagesCard
            a={a}
            onAnswer={(stage, answer) =>
              s.choose({
                stageOutcomes: { ...s.choices.stageOutcomes, [stage]: answer.outcome },
                stageNames: answer.stage ? { ...s.choices.stageNames, [stage]: answer.stage } : s.choices.stageNames,
              })
            }
            onRestOpen={() =>
              s.choose({
                stageOutcomes: { ...s.choices.stageOutcomes, ...Object.fromEntries(a.stages.filter((st) => st.outcome === null).map((st) => [st.value, 'open' as const])) },
              })
            }
          />
          <OwnersCard a={a} reps={reps} onOwner={(name, d) => s.choose({ owners: { ...s.choices.owners, [name]: d } })} />
          <CheckCard key={a.fileId} a={a} busy={s.analyzing} onImport={(o) => void s.start(o)} onCancel={s.reset} />
        </>
      )}

      {job && writing && (
        <section className="card" aria-labelledby="imp-progress">
          <h2 id="imp-progress">Importing {a?.fileName}</h2>
          <progress max={job.total} value={job.done} aria-describedby="imp-progress-text" />
          <p id="imp-progress-text" aria-live="polite">
            {job.done.toLocaleString()} of {job.total.toLocaleString()} rows written
          </p>
        </section>
      )}

      {job?.phase === 'failed' && (
        <section className="card" aria-labelledby="imp-failed">
          <h2 id="imp-failed">The import did not happen</h2>
          <p className="form-error" role="alert">
            {job.error}
          </p>
          <button type="button" onClick={s.reset}>
            Start again
          </button>
        </section>
      )}

      {job?.phase === 'done' && job.result && (
        <section className="card" aria-labelledby="imp-done" data-testid="import-result">
          <h2 id="imp-done">Imported {a?.fileName}</h2>
          <p>
            {job.result.created.toLocaleString()} new, {job.result.updated.toLocaleString()} updated, {job.result.unchanged.toLocaleString()} unchanged,{' '}
            {job.result.skipped.toLocaleString()} rows skipped{job.result.repsCreated ? `, ${job.result.repsCreated} new rep${job.result.repsCreated === 1 ? '' : 's'}` : ''}.
          </p>
          {job.result.fallbacks.length > 0 && (
            <ul className="plain-list fallbacks" aria-label="What was filled in or read for you">
              {job.result.fallbacks.map((f) => (
                <li key={f.code}>{f.text}</li>
              ))}
            </ul>
          )}
          {job.result.backup && <p className="subtle small">Backup taken before the import: {job.result.backup}</p>}
          <div className="head-actions">
            {a?.kind === 'deals' && (
              <a className="button primary" href={hrefFor({ name: 'pipeline' })}>
                Open the pipeline
              </a>
            )}
            <a className="button" href={hrefFor({ name: 'team' })}>
              Open the team
            </a>
            <button type="button" onClick={s.reset}>
              Import another file
            </button>
          </div>
        </section>
      )}

      {forget && (
        <ConfirmDialog
          title="Forget this saved mapping?"
          message="Files with the same columns will be mapped from their headers again. Imported data is not touched."
          confirmLabel="Forget mapping"
          onCancel={() => setForget(null)}
          onConfirm={() => {
            const m = forget;
            setForget(null);
            call('import.deleteMapping', { id: m.id }).then(
              () => toast(`Forgot the mapping “${m.name}”.`),
              (err: Error) => toast(err.message),
            );
          }}
        />
      )}
    </section>
  );
}
