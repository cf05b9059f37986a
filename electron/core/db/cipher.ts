/**
 * Optional encryption at rest. The driver is better-sqlite3-multiple-ciphers (installed under
 * the name better-sqlite3: a drop-in build with SQLite3 Multiple Ciphers compiled in), set to
 * SQLCipher 4's format so the file also opens in SQLCipher tools. Without the key the file is
 * "not a database". The passphrase lives only in this process's memory, never on disk.
 */
import type Database from 'better-sqlite3';

type Conn = Database.Database;

const keys = new WeakMap<Conn, string>();

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Must run before the connection's first statement. */
export function applyKey(db: Conn, key: string): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma(`key = ${quote(key)}`);
  keys.set(db, key);
}

/** The passphrase a connection was opened with (backups and snapshots use the same). */
export function keyOf(db: Conn): string | undefined {
  return keys.get(db);
}

/**
 * Encrypts a plain database, changes the passphrase, or (key '') decrypts. SQLite3 Multiple
 * Ciphers cannot rekey a WAL database, so the journal is switched to DELETE and back; the
 * rewrite happens in one step that either completes or leaves the old file.
 */
export function rekey(db: Conn, newKey: string): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  try {
    if (!keys.has(db)) {
      db.pragma("cipher = 'sqlcipher'");
      db.pragma('legacy = 4');
    }
    db.pragma(`rekey = ${quote(newKey)}`);
    if (newKey) keys.set(db, newKey);
    else keys.delete(db);
  } finally {
    db.pragma('journal_mode = WAL');
  }
}

/** A passphrase the manager chooses: long enough to resist guessing offline. */
export const MIN_PASSPHRASE = 8;
