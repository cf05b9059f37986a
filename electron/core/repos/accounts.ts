import type { Db } from '../db/open';

/** Finds an account by name (case-insensitive) or creates it; returns its id (null: no account yet). */
export function ensureAccount(db: Db, name: string | null, nowIso: string): number | null {
  if (!name) return null;
  const found = db.prepare('SELECT id FROM accounts WHERE name = ?').get(name) as
    | { id: number }
    | undefined;
  if (found) return found.id;
  const info = db
    .prepare('INSERT INTO accounts (name, created_at, updated_at) VALUES (?, ?, ?)')
    .run(name, nowIso, nowIso);
  return Number(info.lastInsertRowid);
}

export function accountNames(db: Db): string[] {
  return (db.prepare('SELECT name FROM accounts ORDER BY name').all() as { name: string }[]).map(
    (r) => r.name,
  );
}
