/**
 * The one writer of a deal's history (stage moves and close-date changes): the app's edits, the
 * import and the demo all record through it, so the rows always mean the same thing.
 */
import type { Db } from '../db/open';

export interface DealHistory {
  /** The deal moved from one stage to another (from null: created in that stage) on `on`. */
  stageMoved(dealId: number, from: string | null, to: string, on: string, recordedAt: string): void;
  /** The expected close date moved on `on`. */
  closeDateMoved(dealId: number, from: string | null, to: string | null, on: string, recordedAt: string): void;
}

// Prepared once per connection: the import records thousands of moves in one run.
const writers = new WeakMap<Db, DealHistory>();

export function dealHistory(db: Db): DealHistory {
  let w = writers.get(db);
  if (!w) {
    const stage = db.prepare('INSERT INTO deal_stage_history (deal_id, from_stage, to_stage, changed_on, recorded_at) VALUES (?, ?, ?, ?, ?)');
    const close = db.prepare('INSERT INTO deal_close_date_changes (deal_id, from_date, to_date, changed_on, recorded_at) VALUES (?, ?, ?, ?, ?)');
    w = {
      stageMoved: (dealId, from, to, on, recordedAt) => void stage.run(dealId, from, to, on, recordedAt),
      closeDateMoved: (dealId, from, to, on, recordedAt) => void close.run(dealId, from, to, on, recordedAt),
    };
    writers.set(db, w);
  }
  return w;
}

/**
 * Every deal above `afterId` gets its first row, "created in its stage" on the day it entered
 * it, in one statement: what stageMoved(id, null, stage, entered) does row by row, for a bulk import.
 */
export function recordFirstStages(db: Db, afterId: number, recordedAt: string): void {
  db.prepare(
    `INSERT INTO deal_stage_history (deal_id, from_stage, to_stage, changed_on, recorded_at)
     SELECT id, NULL, stage, stage_entered_date, ? FROM deals WHERE id > ? ORDER BY id`,
  ).run(recordedAt, afterId);
}
