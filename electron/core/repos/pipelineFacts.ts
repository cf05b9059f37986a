/**
 * The Pipeline's stored facts (migration 016): per open deal of an active rep, its flag codes,
 * severities and attention, computed by the same ranking the rest of the app uses (ranked() in
 * metrics.ts, that is shared/domain/flags.ts and attention.ts). Nothing here knows a flag rule.
 *
 * Invariant: the rows equal a fresh ranking as of pipeline_facts_state.as_of. Every write that
 * can change a deal's flags refreshes the deal's rep (its baseline and stakeholder tracking are
 * the rep's) in the write's own transaction, for that same day; a settings change refreshes all.
 * When the day moves on, the first read ranks every open deal again for the new day and writes
 * the rows that changed; rows for no day are rebuilt (ensureFacts).
 */
import { FLAG_CODES, SEVERITY_RANK } from '../../../shared/domain/flags';
import { toCents } from '../../../shared/domain/money';
import { dropIndexes } from '../db/indexes';
import type { Db } from '../db/open';
import { ranked } from './metrics';
import { getSettings, updateSettings } from './settings';

const FLAG_BIT = new Map(FLAG_CODES.map((c, i) => [c, 1 << i]));
/** The bit of a flag code in pipeline_facts.flag_mask. */
export const flagBit = (code: (typeof FLAG_CODES)[number]): number => FLAG_BIT.get(code)!;
/** pipeline_facts.worst for a deal without flags. */
export const NO_FLAG = 3;

/** The day the stored facts were computed for, or null when they must be rebuilt. */
export function factsAsOf(db: Db): string | null {
  return (db.prepare('SELECT as_of FROM pipeline_facts_state WHERE id = 1').pluck().get() as string | null | undefined) ?? null;
}

const COLUMNS = 'deal_id, rep_id, stage, amount_cents, expected_close_date, attention, flag_mask, flags, severities, worst, stakeholder_count';
const INSERT = `INSERT INTO pipeline_facts (${COLUMNS}) VALUES (${COLUMNS.split(', ').map(() => '?').join(', ')})`;
const setFactsAsOf = (db: Db, asOf: string | null): void => void db.prepare('UPDATE pipeline_facts_state SET as_of = ? WHERE id = 1').run(asOf);
/** One stored row, in COLUMNS' order (deal_id first). */
type FactRow = [number, number, string, number, string | null, number, number, string, string, number, number];

/** The rows a fresh ranking gives these reps' open deals (every rep's when undefined), or one deal's, in deal order. */
function computed(db: Db, asOf: string, repId: number | undefined, dealId?: number): FactRow[] {
  const ranking = ranked(db, asOf, getSettings(db), { repId, dealId }).deals;
  // In deal order, the table's own: inserting in ranking order took three times as long.
  ranking.sort((a, b) => a.d.row.id - b.d.row.id);
  return ranking.map(({ d: { row: r }, hits, attention }) => {
    let mask = 0;
    let worst = NO_FLAG;
    for (const h of hits) {
      mask |= flagBit(h.code);
      worst = Math.min(worst, SEVERITY_RANK[h.severity]);
    }
    const flags = hits.map((h) => h.code).join(',');
    return [r.id, r.repId, r.stage, toCents(r.amount), r.expectedCloseDate, attention, mask, flags, hits.map((h) => h.severity).join(','), worst, r.stakeholderCount];
  });
}

/**
 * Writes what changed between the stored rows and the fresh ones: a write moves one deal's or
 * a few deals' facts, so most rows stay as they are. Rewriting all of a rep's rows (six wide
 * indexes each) made closing a deal cost 100 ms at 1,000,000 deals.
 */
function apply(db: Db, before: FactRow[], after: FactRow[]): void {
  const old = new Map(before.map((r) => [r[0], r]));
  const upsert = db.prepare(`${INSERT} ON CONFLICT (deal_id) DO UPDATE SET ${COLUMNS.split(', ').slice(1).map((c) => `${c} = excluded.${c}`).join(', ')}`);
  for (const row of after) {
    const was = old.get(row[0]);
    old.delete(row[0]);
    if (!was || was.some((v, i) => v !== row[i])) upsert.run(...row);
  }
  const del = db.prepare('DELETE FROM pipeline_facts WHERE deal_id = ?');
  for (const dealId of old.keys()) del.run(dealId);
}

const storedOf = (db: Db, where: string, key: number): FactRow[] =>
  db.prepare(`SELECT ${COLUMNS} FROM pipeline_facts WHERE ${where} = ?`).raw().all(key) as FactRow[];

/**
 * Rebuilds every row for asOf. Call inside the caller's transaction (an import's, a demo load's).
 * The six indexes are dropped and built again once from the new rows, and the old rows deleted
 * without them: row by row through the indexes took 11 s at 255,769 open deals (the foreign key
 * rules out SQLite's truncation). The drop is part of the transaction, like everything else.
 */
export function rebuildFacts(db: Db, asOf: string): void {
  const restoreIndexes = dropIndexes(db, ['pipeline_facts']);
  db.prepare('DELETE FROM pipeline_facts').run();
  const insert = db.prepare(INSERT);
  for (const row of computed(db, asOf, undefined)) insert.run(...row);
  restoreIndexes();
  setFactsAsOf(db, asOf);
}

/**
 * Marks every row stale: the next read rebuilds them (ensureFacts). For a bulk import, whose
 * transaction should not also rank every open deal of the store (seconds at a VP's size).
 */
export function forgetFacts(db: Db): void {
  setFactsAsOf(db, null);
}

/**
 * After a write: the facts of these reps' open deals again, for the day the rows are for. Call in
 * the write's transaction. Nothing to do when the rows are stale anyway (the next read rebuilds).
 */
export function refreshFacts(db: Db, repIds: readonly number[]): void {
  const asOf = factsAsOf(db);
  if (asOf === null) return;
  for (const repId of new Set(repIds)) apply(db, storedOf(db, 'rep_id', repId), computed(db, asOf, repId));
}

/**
 * After a write that changes one open deal and nothing its rep's baseline (closed deals) or
 * stakeholder tracking (which open deals have people) reads: that deal's row only.
 */
export function refreshDealFacts(db: Db, dealId: number, repId: number): void {
  const asOf = factsAsOf(db);
  if (asOf === null) return;
  apply(db, storedOf(db, 'deal_id', dealId), computed(db, asOf, repId, dealId));
}

/** After a change that touches every deal (settings): all rows again, for the same day. */
export function refreshAllFacts(db: Db): void {
  const asOf = factsAsOf(db);
  if (asOf !== null) rebuildFacts(db, asOf);
}

/** The settings the flags and the attention read (ranked() via flagPolicy and the thresholds). */
const FLAG_SETTINGS = ['stages', 'thresholds', 'valueProps', 'triage', 'windowMonths'] as const;

/** Saves settings; when the flags read what changed, every stored row again, in the same transaction. */
export function saveSettings(db: Db, patch: Parameters<typeof updateSettings>[1]): ReturnType<typeof updateSettings> {
  return db.transaction(() => {
    const saved = updateSettings(db, patch);
    if (FLAG_SETTINGS.some((k) => patch[k] !== undefined)) refreshAllFacts(db);
    return saved;
  }).immediate();
}

/** The rep of a deal, for the writes that know only the deal (stakeholders, value props). */
export function repOfDeal(db: Db, dealId: number): number[] {
  const rep = db.prepare('SELECT rep_id FROM deals WHERE id = ?').pluck().get(dealId) as number | undefined;
  return rep === undefined ? [] : [rep];
}

/**
 * Moves rows that are right for one day to another. Every open deal is ranked again, but few
 * deals' facts change from one day to the next (0.6 % of 256,069 at 1,000,000 deals), so only
 * those rows are written, through the indexes, instead of all of them rebuilt.
 */
function advanceFacts(db: Db, asOf: string): void {
  apply(db, db.prepare(`SELECT ${COLUMNS} FROM pipeline_facts`).raw().all() as FactRow[], computed(db, asOf, undefined));
  setFactsAsOf(db, asOf);
}

/**
 * Before a read: are the rows for `today`? If not, in one transaction: rows for another day are
 * moved to today; rows for no day (a migrated or restored file, after a bulk import) are rebuilt.
 * False when they cannot be (a read-only file): ask ranked().
 */
export function ensureFacts(db: Db, today: string): boolean {
  if (factsAsOf(db) === today) return true;
  if (db.readonly) return false;
  db.transaction(() => {
    const asOf = factsAsOf(db);
    if (asOf === null) rebuildFacts(db, today);
    else if (asOf !== today) advanceFacts(db, today);
  }).immediate();
  return true;
}
