/**
 * What went wrong with the file, from SQLite's (or the OS's) error code, in words a manager
 * understands. A lock or a full disk is not damage: telling them apart decides whether the
 * app waits and retries or offers a backup.
 */
export type SqliteTrouble = 'busy' | 'full' | 'readonly' | 'corrupt' | 'notadb' | 'cantopen' | 'io' | null;

export function sqliteTrouble(err: unknown): SqliteTrouble {
  const code = String((err as { code?: unknown } | null)?.code ?? '');
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'full';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return 'readonly';
  if (code === 'SQLITE_NOTADB') return 'notadb';
  if (code.startsWith('SQLITE_CORRUPT')) return 'corrupt';
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'EACCES' || code === 'EPERM') return 'cantopen';
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return 'io';
  return null;
}

/** The sentence shown for a write that failed because of the file, or null for other errors. */
export function troubleMessage(trouble: SqliteTrouble): string | null {
  switch (trouble) {
    case 'busy':
      return 'Another program is using the database (another copy of the workbench, a sync or backup tool), so nothing was saved. Try again in a moment.';
    case 'full':
      return 'The disk is full: nothing was saved. Free some space and try again.';
    case 'readonly':
      return 'The database is read-only: changes cannot be saved.';
    case 'corrupt':
    case 'notadb':
      return 'The database file is damaged: nothing was saved. Restart the workbench to check it and restore a backup.';
    case 'cantopen':
      return 'The database file could not be opened (its folder may have moved or its permissions changed): nothing was saved.';
    case 'io':
      return 'The disk reported an error while saving: nothing was saved. Check the disk and try again.';
    default:
      return null;
  }
}
