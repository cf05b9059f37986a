import { useEffect } from 'react';
import { useApp } from './appStore';
import { hrefFor } from './router';

/**
 * What the manager must know about the file itself, above every screen: it is read-only
 * (changes cannot be saved), or SQLite's full integrity check found damage. While the check
 * runs in the background after start, the status is asked again until it has an answer.
 */
export function StoreBanner() {
  const status = useApp((s) => s.status);
  const checking = status?.integrity.state === 'checking' || status?.integrity.state === 'unchecked';
  useEffect(() => {
    if (!checking) return;
    const t = setInterval(() => void useApp.getState().refreshStatus(), 3000);
    return () => clearInterval(t);
  }, [checking]);
  if (!status) return null;
  return (
    <>
      {status.readOnly && (
        <p className="store-banner warn" role="status" data-testid="readonly-banner">
          <strong>Read-only: changes cannot be saved.</strong>
          The database {status.readOnly === 'the file is read-only' ? 'file is read-only' : `cannot be written (${status.readOnly})`}. You can look at
          everything and export it; to make changes, make the file writable and restart the workbench.
        </p>
      )}
      {status.integrity.state === 'failed' && (
        <p className="store-banner bad" role="alert" data-testid="integrity-banner">
          <strong>The database failed its full integrity check.</strong>
          {status.integrity.message} Export your data now and restore a good backup from <a href={hrefFor({ name: 'data' })}>Data and backups</a>. No new
          backups are taken until then, so the good ones are kept.
        </p>
      )}
    </>
  );
}
