import type Database from 'better-sqlite3';

/**
 * Gives SQLite's query planner statistics for the tables that have none or have grown a lot
 * (a new file, a migration, a bulk import), reading at most 400 rows per index. Without them
 * the planner may read a million deals where a thousand rollup rows would do (measured: the
 * Dashboard 0.3 s against 0.1 s at 1,000,000 deals). Costs a few ms when nothing changed.
 */
export function refreshPlannerStats(db: Database.Database): void {
  db.pragma('analysis_limit = 400');
  db.pragma('optimize = 0x10002');
}
