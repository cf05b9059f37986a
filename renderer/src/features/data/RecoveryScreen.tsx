import { useState } from 'react';
import type { StoreProblem } from '../../../../shared/schemas/backups';
import { call } from '../../api/client';
import { useApp } from '../../app/appStore';
import { ConfirmDialog } from '../../components/Dialog';

const TITLE: Record<StoreProblem['kind'], string> = {
  corrupt: 'The database is damaged',
  foreign: 'This is not a workbench database',
  newer: 'This database is from a newer version',
};

/**
 * Shown instead of the app when the database file could not be opened safely. Nothing has
 * been changed; the manager chooses to restore the newest good backup (the bad file is kept).
 */
export function RecoveryScreen({ problem }: { problem: StoreProblem }) {
  const load = useApp((s) => s.load);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const b = problem.latestGood;
  const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  const restore = async () => {
    setConfirming(false);
    try {
      await call('recovery.restore', { file: b!.file });
      await load();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <main id="main" className="recovery">
      <section className="card" aria-labelledby="rec-title">
        <h1 id="rec-title" tabIndex={-1}>
          {TITLE[problem.kind]}
        </h1>
        <p>{problem.message}</p>
        <p className="subtle">
          File: <span className="path">{problem.dbPath}</span>. Nothing has been changed or overwritten.
        </p>
        {problem.kind === 'newer' ? (
          <p>Update the Sales Manager Workbench to open it. Restoring an older backup would leave out everything since.</p>
        ) : null}
        {b ? (
          <>
            <p>
              The newest good backup was taken <strong>{when(b.takenAt)}</strong>. Restoring it puts it in place of this file; the file itself is kept beside it, renamed
              with today&apos;s date, so nothing is lost.
            </p>
            <button type="button" className="primary" onClick={() => setConfirming(true)} data-autofocus>
              Restore the backup of {when(b.takenAt)}
            </button>
          </>
        ) : (
          <p>No good backup was found in the backups folder beside it. Move the file somewhere safe to start a new workbench, or open another database.</p>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </section>
      {confirming && b && (
        <ConfirmDialog
          title="Restore the newest good backup?"
          message={`The current file is renamed (kept, not deleted) and the backup of ${when(b.takenAt)} takes its place. Changes made after that backup are not in it.`}
          confirmLabel="Restore the backup"
          onCancel={() => setConfirming(false)}
          onConfirm={() => void restore()}
        />
      )}
    </main>
  );
}
