import type Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';

export class SchemaTooNewError extends Error {
  constructor(found: number, supported: number) {
    super(
      `This database was written by a newer version of the workbench (schema ${found}, ` +
        `this version understands up to ${supported}). Update the app to open it.`,
    );
  }
}

/**
 * Brings the file up to the latest schema. All pending migrations run in one transaction,
 * so a crash leaves the file at its old version, never half-migrated. Versions live in
 * `user_version` and each applied step is recorded in `schema_migrations`.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
  now: () => Date = () => new Date(),
): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  if (from > latest) throw new SchemaTooNewError(from, latest);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${m.name} is out of order`);
  });
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };

  // PRAGMA foreign_keys is a no-op inside a transaction: switch it off before, back after.
  const rebuild = pending.some((m) => m.rebuildsTables);
  const fkWasOn = db.pragma('foreign_keys', { simple: true }) === 1;
  if (rebuild && fkWasOn) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
      const record = db.prepare(
        'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
      );
      for (const m of pending) {
        db.exec(m.sql);
        record.run(m.version, m.name, now().toISOString());
      }
      if (rebuild) {
        const broken = db.pragma('foreign_key_check') as { table: string }[];
        if (broken.length) throw new Error(`Migration left ${broken.length} broken references (first in ${broken[0]!.table}); nothing was changed.`);
      }
      db.pragma(`user_version = ${latest}`);
    }).immediate();
  } finally {
    if (rebuild && fkWasOn) db.pragma('foreign_keys = ON');
  }
  return { from, to: latest };
}
