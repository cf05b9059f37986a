import { useState } from 'react';
import type { BackupInfo, BackupsView } from '../../../../shared/schemas/backups';
import { call } from '../../api/client';
import { useApp } from '../../app/appStore';
import { toast } from '../../app/toasts';
import { ConfirmDialog } from '../../components/Dialog';

const KIND: Record<BackupInfo['kind'], string> = {
  daily: 'Daily, automatic',
  'before-import': 'Before an import',
  'before-restore': 'Before a restore',
  manual: 'Taken by you',
};
const size = (b: number) => (b < 1024 * 1024 ? `${Math.max(1, Math.round(b / 1024))} KB` : `${(b / 1024 / 1024).toFixed(1)} MB`);
const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The backups beside the database, newest first, each one restorable (after a confirmation). */
export function BackupsCard({ view, busy, onRestore }: { view: BackupsView; busy: boolean; onRestore: (b: BackupInfo) => void }) {
  const settings = useApp((s) => s.settings);
  const [confirm, setConfirm] = useState<BackupInfo | null>(null);
  const [keep, setKeep] = useState(String(view.keep));
  const backUp = async () => {
    try {
      const b = await call('backups.create', {});
      toast(`Backed up: ${b.file}.`);
    } catch (err) {
      toast((err as Error).message);
    }
  };
  const saveKeep = async () => {
    try {
      await call('settings.update', { backupKeep: Number(keep) });
      toast(`Keeping the last ${keep} backups taken before imports, restores and by hand.`);
    } catch (err) {
      toast((err as Error).message);
    }
  };
  return (
    <section className="card" aria-labelledby="data-backups">
      <div className="card-head">
        <h2 id="data-backups">Backups</h2>
        <button type="button" className="primary" onClick={() => void backUp()} disabled={busy}>
          Back up now
        </button>
      </div>
      <p className="subtle">
        Taken with SQLite&apos;s online backup into <span className="path">{view.dir}</span>: once a day when the app starts (the last 7 days and one a week for
        4 weeks), and before every import and restore.
      </p>
      <form
        className="inline-field keep-form"
        onSubmit={(e) => {
          e.preventDefault();
          void saveKeep();
        }}
      >
        <label htmlFor="backup-keep">Keep the last</label>
        <input id="backup-keep" type="number" min={1} max={100} value={keep} onChange={(e) => setKeep(e.target.value)} />
        <span>backups taken before imports, restores and by hand</span>
        <button type="submit" disabled={Number(keep) === (settings?.backupKeep ?? view.keep)}>
          Save
        </button>
      </form>
      {view.backups.length === 0 ? (
        <p className="empty-note">No backups yet. The first is taken the next time the app starts, or now with “Back up now”.</p>
      ) : (
        <table className="plain-table" aria-label="Backups">
          <thead>
            <tr>
              <th scope="col">Taken</th>
              <th scope="col">Kind</th>
              <th scope="col" className="num">
                Size
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {view.backups.map((b) => (
              <tr key={b.file} data-testid={`backup-${b.file}`}>
                <td>{when(b.takenAt)}</td>
                <td>{KIND[b.kind]}</td>
                <td className="num">{size(b.size)}</td>
                <td>
                  <button type="button" onClick={() => setConfirm(b)} disabled={busy} aria-label={`Restore the backup taken ${when(b.takenAt)}`}>
                    Restore
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirm && (
        <ConfirmDialog
          title="Restore this backup?"
          message={`The workbench goes back to how it was on ${when(confirm.takenAt)}. Everything since then is set aside in a new backup first, so you can come back to it.`}
          confirmLabel="Restore the backup"
          danger
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            const b = confirm;
            setConfirm(null);
            onRestore(b);
          }}
        />
      )}
    </section>
  );
}
