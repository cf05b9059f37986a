import { useCallback, useState } from 'react';
import type { BackupInfo, DataExportKind, RestoreResult } from '../../../../shared/schemas/backups';
import { call } from '../../api/client';
import { stageFile } from '../../api/files';
import { saveData } from '../../api/saveData';
import { useApp } from '../../app/appStore';
import { hrefFor } from '../../app/router';
import { toast } from '../../app/toasts';
import { ConfirmDialog } from '../../components/Dialog';
import { FilePickerButton } from '../../components/FilePickerButton';
import { useApiData } from '../../lib/useApiData';
import { useFormat } from '../../lib/format';
import { BackupsCard } from './BackupsCard';
import { EncryptionCard } from './EncryptionCard';

const EXPORTS: { what: DataExportKind; label: string; hint: string }[] = [
  { what: 'deals-csv', label: 'Deals as CSV', hint: 'Every deal with its CRM id, owner, account, stage, outcome, amount and dates.' },
  { what: 'reps-csv', label: 'Reps as CSV', hint: 'Name, email, role, territory, hire date, status and quota.' },
  { what: 'json', label: 'Everything as JSON', hint: 'The whole store, coaching notes included: restores into any workbench.' },
  { what: 'calendar', label: 'One-on-ones calendar (.ics)', hint: 'The planned one-on-ones from today on, for Outlook or Google Calendar: rep and length, nothing private.' },
];

/** Your data: export it, restore it from a JSON export, and the backups kept beside it. */
export function DataScreen() {
  const { info, changed } = useApp();
  const fmt = useFormat();
  const [busy, setBusy] = useState<string | null>(null);
  const [pendingJson, setPendingJson] = useState<{ fileId: string; name: string } | null>(null);
  const [result, setResult] = useState<RestoreResult | null>(null);
  const { data: backups } = useApiData('backups.list', {}, 'backups');

  const runExport = async (what: DataExportKind) => {
    setBusy(what);
    try {
      const where = await saveData(what);
      if (where) toast(`Saved ${where}.`);
    } catch (err) {
      toast((err as Error).message);
    } finally {
      setBusy(null);
    }
  };
  const pickJson = async (file: File) => {
    try {
      const staged = await stageFile(file);
      setPendingJson({ fileId: staged.fileId, name: staged.name });
    } catch (err) {
      toast((err as Error).message);
    }
  };
  const restore = useCallback(
    async (run: () => Promise<RestoreResult>, what: string, fromJson: boolean) => {
      setBusy('restore');
      setResult(null);
      try {
        const r = await run();
        if (fromJson) setResult(r);
        toast(`Restored ${what}: ${r.reps} reps, ${r.deals} deals.`);
        changed();
      } catch (err) {
        toast((err as Error).message);
      } finally {
        setBusy(null);
      }
    },
    [changed],
  );

  return (
    <section className="screen" aria-labelledby="data-title">
      <header className="screen-head">
        <div>
          <h1 id="data-title" tabIndex={-1}>
            Your data
          </h1>
          <p className="subtle">
            Everything lives in one file on this computer: <span className="path">{info?.dbPath}</span>. Bring deals in with{' '}
            <a href={hrefFor({ name: 'import' })}>Import from your CRM…</a>
          </p>
        </div>
      </header>

      <section className="card" aria-labelledby="data-export">
        <h2 id="data-export">Export</h2>
        <ul className="export-list">
          {EXPORTS.map((e) => (
            <li key={e.what}>
              <button type="button" onClick={() => void runExport(e.what)} disabled={busy !== null}>
                {busy === e.what ? 'Exporting…' : e.label}
              </button>
              <span className="subtle small">{e.hint}</span>
            </li>
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="data-restore">
        <h2 id="data-restore">Restore from a JSON export</h2>
        <p className="subtle">Replaces everything in this workbench with the export. A backup of what is here now is taken first, so this can be undone from the list below.</p>
        <FilePickerButton inputLabel="JSON export to restore" accept=".json,application/json" onFile={(f) => void pickJson(f)} disabled={busy !== null}>
          Choose a JSON export…
        </FilePickerButton>
        {busy === 'restore' && (
          <div className="progress-block">
            <label htmlFor="restore-progress">Restoring…</label>
            <progress id="restore-progress" />
          </div>
        )}
        {result && (
          <p role="status" data-testid="restore-result">
            Restored: {result.reps} reps and {result.deals} deals (schema {result.schemaVersion}). The previous data is in the backup{' '}
            <span className="path">{result.backup.split(/[\\/]/).pop()}</span>.
          </p>
        )}
      </section>

      {backups && (
        <BackupsCard
          view={backups}
          busy={busy !== null}
          onRestore={(b: BackupInfo) => void restore(() => call('backups.restore', { file: b.file }), `the backup of ${fmt.date(b.day)}`, false)}
        />
      )}

      <EncryptionCard busy={busy !== null} />

      {pendingJson && (
        <ConfirmDialog
          title="Replace everything with this export?"
          message={`Every rep, deal, note and setting in this workbench will be replaced by “${pendingJson.name}”. A backup of what is here now is taken first.`}
          confirmLabel="Replace and restore"
          danger
          onCancel={() => setPendingJson(null)}
          onConfirm={() => {
            const p = pendingJson;
            setPendingJson(null);
            void restore(() => call('data.restoreJson', { fileId: p.fileId }), `“${p.name}”`, true);
          }}
        />
      )}
    </section>
  );
}
