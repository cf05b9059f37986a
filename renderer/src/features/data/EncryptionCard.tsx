import { useState } from 'react';
import { MIN_PASSPHRASE } from '../../../../shared/schemas/backups';
import { call } from '../../api/client';
import { useApp } from '../../app/appStore';
import { toast } from '../../app/toasts';

type Mode = 'encrypt' | 'change' | 'decrypt' | null;

/**
 * Encryption at rest (optional): a passphrase locks the database file and its backups. It is
 * never stored, so a lost passphrase cannot be recovered; the first encryption asks the manager
 * to confirm they understood that. An encrypted workbench locks itself after the idle time.
 */
export function EncryptionCard({ busy }: { busy: boolean }) {
  const status = useApp((s) => s.status);
  const settings = useApp((s) => s.settings);
  const [mode, setMode] = useState<Mode>(null);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [idle, setIdle] = useState(String(settings?.idleLockMinutes ?? 15));
  if (!status) return null;
  const encrypted = status.encrypted;
  const reset = () => {
    setMode(null);
    setCurrent('');
    setNext('');
    setAgain('');
    setUnderstood(false);
    setError(null);
  };
  const submit = async () => {
    if (mode !== 'decrypt' && next !== again) return setError('The two new passphrases are not the same.');
    setWorking(true);
    setError(null);
    try {
      const r =
        mode === 'encrypt'
          ? await call('security.encryption', { action: 'encrypt', passphrase: next, understood: understood as true })
          : mode === 'change'
            ? await call('security.encryption', { action: 'change', current, passphrase: next })
            : await call('security.encryption', { action: 'decrypt', current });
      const skipped = r.backupsSkipped.length ? ` ${r.backupsSkipped.length} backup(s) could not be changed: ${r.backupsSkipped.join(', ')}.` : '';
      toast(`${r.encrypted ? 'Encrypted' : 'Decrypted'}: the database and ${r.backupsUpdated} backup(s).${skipped}`);
      reset();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setWorking(false);
    }
  };
  const saveIdle = async () => {
    try {
      await call('settings.update', { idleLockMinutes: Number(idle) });
      toast(Number(idle) === 0 ? 'The workbench no longer locks itself.' : `The workbench locks itself after ${idle} minutes without use.`);
    } catch (err) {
      toast((err as Error).message);
    }
  };
  const lockNow = async () => {
    try {
      await call('security.lock', {});
    } finally {
      await useApp.getState().load();
    }
  };
  return (
    <section className="card" aria-labelledby="data-encryption">
      <div className="card-head">
        <h2 id="data-encryption">Encryption</h2>
        {encrypted && (
          <button type="button" onClick={() => void lockNow()} disabled={busy || working}>
            Lock now
          </button>
        )}
      </div>
      <p className="subtle" data-testid="encryption-state">
        {encrypted
          ? 'The database and its backups are encrypted with your passphrase (SQLCipher format). Without it, the file cannot be read.'
          : 'The database is not encrypted: anyone who can read the file (an administrator, a copy on a USB stick) can read your notes. The file is readable by your account only.'}
      </p>
      {status.readOnly ? null : mode === null ? (
        <div className="button-row">
          {encrypted ? (
            <>
              <button type="button" onClick={() => setMode('change')} disabled={busy}>
                Change the passphrase…
              </button>
              <button type="button" onClick={() => setMode('decrypt')} disabled={busy}>
                Decrypt…
              </button>
            </>
          ) : (
            <button type="button" onClick={() => setMode('encrypt')} disabled={busy}>
              Encrypt with a passphrase…
            </button>
          )}
        </div>
      ) : (
        <form
          className="encryption-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          {mode === 'encrypt' && (
            <p className="store-banner warn" role="note">
              <strong>A lost passphrase cannot be recovered.</strong> Nobody, not even the makers of the workbench, can open the database or its backups without
              it. Write it down somewhere safe.
            </p>
          )}
          {mode !== 'encrypt' && (
            <label>
              Current passphrase
              <input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
            </label>
          )}
          {mode !== 'decrypt' && (
            <>
              <label>
                New passphrase (at least {MIN_PASSPHRASE} characters)
                <input type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
              </label>
              <label>
                The new passphrase again
                <input type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />
              </label>
            </>
          )}
          {mode === 'encrypt' && (
            <label className="checkbox">
              <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} /> I understand that a lost passphrase cannot be
              recovered
            </label>
          )}
          {mode === 'decrypt' && <p>The database and its backups will be stored unencrypted again.</p>}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <div className="button-row">
            <button type="submit" className="primary" disabled={working || (mode === 'encrypt' && !understood)}>
              {working ? 'Working…' : mode === 'encrypt' ? 'Encrypt' : mode === 'change' ? 'Change the passphrase' : 'Decrypt'}
            </button>
            <button type="button" onClick={reset} disabled={working}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {encrypted && (
        <form
          className="inline-field keep-form"
          onSubmit={(e) => {
            e.preventDefault();
            void saveIdle();
          }}
        >
          <label htmlFor="idle-lock">Lock after</label>
          <input id="idle-lock" type="number" min={0} max={1440} value={idle} onChange={(e) => setIdle(e.target.value)} />
          <span>minutes without use (0 = never)</span>
          <button type="submit" disabled={Number(idle) === settings?.idleLockMinutes}>
            Save
          </button>
        </form>
      )}
    </section>
  );
}
