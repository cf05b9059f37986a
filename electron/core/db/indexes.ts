/**
 * For a bulk write inside one transaction: drop tables' indexes first and build them again once
 * at the end (a sorted build), instead of updating them row by row. The drop is part of the
 * transaction: a failure or a crash rolls it back with everything else.
 */
import type { Db } from './open';

/** Drops these tables' indexes (not the automatic ones) and returns how to build them again. */
export function dropIndexes(db: Db, tables: readonly string[]): () => void {
  const indexes = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN (${tables.map(() => '?').join(', ')}) AND sql IS NOT NULL`)
    .all(...tables) as { name: string; sql: string }[];
  for (const ix of indexes) db.exec(`DROP INDEX ${ix.name}`);
  return () => {
    for (const ix of indexes) db.exec(ix.sql);
  };
}
