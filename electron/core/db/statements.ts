/**
 * Prepared statements kept per connection, for the few large reads a write repeats (the open
 * deals behind the Pipeline's facts): compiling that statement took 6 ms of every deal write at
 * 1,000,000 deals. Only for SQL from a fixed set of texts (no values spliced in), so the cache
 * stays small; callers set no mode on a kept statement (raw, pluck) unless every caller does.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from './open';

const kept = new WeakMap<Db, Map<string, Statement>>();

export function prepared(db: Db, sql: string): Statement {
  let byText = kept.get(db);
  if (!byText) kept.set(db, (byText = new Map()));
  let stmt = byText.get(sql);
  if (!stmt) byText.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}
