import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { RowError } from '../../../../shared/domain/import/rows';
import type { ImportAnalysis } from '../../../../shared/schemas/imports';
import { DataTable } from '../../components/DataTable';

const col = createColumnHelper<RowError>();
const n = (x: number) => x.toLocaleString();
const plural = (x: number, word: string) => `${n(x)} ${word}${x === 1 ? '' : 's'}`;

/**
 * What the import would do, before anything is written: counts, notes, every row that
 * cannot be imported (row, column, value, reason), and the choice to import the valid rows
 * or nothing.
 */
export function CheckCard({
  a,
  busy,
  onImport,
  onCancel,
}: {
  a: ImportAnalysis;
  busy: boolean;
  onImport: (opts: { skipInvalid: boolean; saveMappingAs?: string }) => void;
  onCancel: () => void;
}) {
  const [save, setSave] = useState(false);
  const [name, setName] = useState(a.savedMapping?.name ?? a.fileName.replace(/\.[^.]+$/, ''));
  const columns = useMemo(
    () => [
      col.accessor('row', { header: 'Row', meta: { numeric: true, width: '70px' } }),
      col.accessor('column', { header: 'Column', meta: { width: '180px' } }),
      col.accessor('value', { header: 'Value', meta: { width: '220px' }, cell: (c) => <span className="cell-value">{c.getValue() || '(empty)'}</span> }),
      col.accessor('reason', { header: 'Reason', cell: (c) => <span title={c.getValue()}>{c.getValue()}</span> }),
    ],
    [],
  );
  const c = a.counts;
  const blocked = a.blockers.length > 0;
  const what = a.kind === 'deals' ? 'deal' : a.kind === 'reps' ? 'rep' : 'account';
  const saveAs = save && name.trim() ? name.trim() : undefined;
  return (
    <section className="card" aria-labelledby="imp-check">
      <h2 id="imp-check">Check before importing</h2>
      <dl className="stat-strip import-counts" aria-busy={busy}>
        <div>
          <dt>Rows read</dt>
          <dd data-testid="count-rows">{n(c.rows)}</dd>
        </div>
        <div>
          <dt>New {what}s</dt>
          <dd data-testid="count-create">{n(c.create)}</dd>
        </div>
        <div>
          <dt>Updates</dt>
          <dd data-testid="count-update">{n(c.update)}</dd>
        </div>
        <div>
          <dt>Rows with errors</dt>
          <dd data-testid="count-errors" className={c.errors ? 'bad-text' : undefined}>
            {n(c.errors)}
          </dd>
        </div>
        <div>
          <dt>Duplicate rows ignored</dt>
          <dd data-testid="count-duplicates">{n(c.duplicates)}</dd>
        </div>
        {c.waiting > 0 && (
          <div>
            <dt>Waiting for your answer</dt>
            <dd data-testid="count-waiting" className="warn">
              {n(c.waiting)}
            </dd>
          </div>
        )}
      </dl>
      {a.fallbacks.length > 0 && (
        <ul className="plain-list fallbacks" aria-label="What was filled in or read for you">
          {a.fallbacks.map((f) => (
            <li key={f.code} data-testid={`fallback-${f.code}`}>
              {f.text}
            </li>
          ))}
        </ul>
      )}
      {a.warnings.length > 0 && (
        <ul className="plain-list notes" aria-label="Notes about this file">
          {a.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {a.blockers.length > 0 && (
        <div className="callout" role="status" aria-label="Before importing">
          <strong>Before importing:</strong>
          <ul className="plain-list">
            {a.blockers.map((b) => (
              <li key={b.message}>{b.message}</li>
            ))}
          </ul>
        </div>
      )}
      {a.errors.length > 0 && (
        <>
          <h3 className="section-title">
            {plural(c.errors, 'row')} cannot be imported
            {a.errors.length < a.counts.errors ? ` (the first ${n(a.errors.length)} problems are listed)` : ''}
          </h3>
          <DataTable label="Rows that cannot be imported" data={a.errors} columns={columns} height="320px" fixed rowTestId={(e) => `error-${e.row}-${e.column}`} />
        </>
      )}
      <div className="import-actions">
        <label className="checkbox">
          <input type="checkbox" checked={save} onChange={(e) => setSave(e.target.checked)} /> Save this mapping for the next export as
        </label>
        <input type="text" aria-label="Name of the saved mapping" value={name} maxLength={80} disabled={!save} onChange={(e) => setName(e.target.value)} />
        <span className="spacer" />
        <button type="button" onClick={onCancel}>
          Import nothing
        </button>
        {c.errors > 0 ? (
          <button type="button" className="primary" disabled={blocked} onClick={() => onImport({ skipInvalid: true, saveMappingAs: saveAs })}>
            Import {plural(c.valid, 'valid row')}, skip {n(c.errors)}
          </button>
        ) : (
          <button type="button" className="primary" disabled={blocked} onClick={() => onImport({ skipInvalid: false, saveMappingAs: saveAs })}>
            Import {plural(c.valid, 'row')}
          </button>
        )}
      </div>
      <p className="subtle small">A backup of your database is taken first. The import is written as one step: all of it or, if anything goes wrong, none of it.</p>
    </section>
  );
}
