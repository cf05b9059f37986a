import { useState } from 'react';
import type { StoreProblem } from '../../../../shared/schemas/backups';
import { call } from '../../api/client';
import { useApp } from '../../app/appStore';
import { ConfirmDialog } from '../../components/Dialog';

const TITLE: Record<StoreProblem['kind'], string> = {
  corrupt: 'The database is damaged',
  foreign: 'This is not a workbench database',
  newer: 'This database is from a newer version',
  locked: 'Another program is using the database',
  unreadable: 'The database could not be opened',
  readonly: 'The database is read-only',
  empty: 'The database file is empty',
  encrypted: 'The workbench is locked',
};

/** Kinds where the file itself is fine (or unknown): waiting and trying again is the answer, never a restore. */
const RETRY = new Set<StoreProblem['kind']>(['locked', 'unreadable', 'readonly']);

/**
 * Shown instead of the app when the database file could not be opened safely. Nothing has
 * been changed. A busy or unreadable file is tried again, never replaced; a damaged one can be
 * replaced by the newest good backup (the bad file is kept); an empty one can also start a new
 * workbench; an encrypted one asks for its passphrase.
 */
export function RecoveryScreen({ problem }: { problem: StoreProblem }) {
  const load = useApp((s) => s.load);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const b = problem.latestGood;
  const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  const act = async (what: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      const still = await what();
      if (still && typeof still === 'object' && 'message' in still) setError(`Still not available: ${(still as StoreProblem).message}`);
      await load();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const restore = () => {
    setConfirming(false);
    void act(() => call('recovery.restore', { file: b!.file }));
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
        {problem.kind === 'locked' && (
          <p>
            Close the other program (another window of the workbench, or wait for the sync or backup tool to finish), then try again. Your data is intact: no
            backup is needed.
          </p>
        )}
        {problem.kind === 'encrypted' && (
          <form
            className="unlock-form"
            onSubmit={(e) => {
              e.preventDefault();
              const p = passphrase;
              setPassphrase('');
              void act(() => call('recovery.unlock', { passphrase: p }));
            }}
          >
            <label htmlFor="unlock-pass">Passphrase</label>
            <input id="unlock-pass" type="password" autoComplete="current-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} data-autofocus />
            <button type="submit" className="primary" disabled={busy || !passphrase}>
              Unlock
            </button>
          </form>
        )}
        {RETRY.has(problem.kind) && (
          <button type="button" className="primary" onClick={() => void act(() => call('recovery.retry', {}))} disabled={busy} data-autofocus>
            Try again
          </button>
        )}
        {problem.kind === 'empty' && (
          <p>
            A database file does not empty itself: it may have been cut short by a sync tool or a full disk. Restore the newest backup unless you meant to start
            over.
          </p>
        )}
        {!RETRY.has(problem.kind) &&
          (b ? (
            <>
              <p>
                {problem.kind === 'encrypted' ? 'If the passphrase is lost, the newest backup that opens without it was taken ' : 'The newest good backup was taken '}
                <strong>{when(b.takenAt)}</strong>. Restoring it puts it in place of this file; the file itself is kept beside it, renamed with today&apos;s date,
                so nothing is lost.
              </p>
              <button type="button" className={problem.kind === 'encrypted' ? '' : 'primary'} onClick={() => setConfirming(true)} disabled={busy} data-autofocus={problem.kind !== 'encrypted' || undefined}>
                Restore the backup of {when(b.takenAt)}
              </button>
            </>
          ) : problem.kind === 'encrypted' ? null : (
            <p>No good backup was found in the backups folder beside it. Move the file somewhere safe to start a new workbench, or open another database.</p>
          ))}
        {problem.kind === 'empty' && (
          <p>
            <button type="button" onClick={() => void act(() => call('recovery.startFresh', {}))} disabled={busy}>
              Start a new, empty workbench
            </button>
          </p>
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
          onConfirm={restore}
        />
      )}
    </main>
  );
}
