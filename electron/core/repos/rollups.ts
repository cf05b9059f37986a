/**
 * Reads the per-rep rollups (migration 015) the way the deals would answer: a range of dates
 * is its whole months from rep_months plus its loose days from rep_days. Deals created after
 * the as-of date are taken back out, so a past date sees only what existed then.
 */
import { splitByMonths } from '../../../shared/domain/periods';
import { fill } from '../db/migrations/015_rep_rollups';
import type { Db } from '../db/open';

/** What a rep's deals closed in a range of dates. */
export interface ClosedSums {
  wonCount: number;
  lostCount: number;
  wonCents: number;
  lostCents: number;
  cycleDays: number;
  cycleCount: number;
}

export interface OpenTotals {
  /** Deals created by the as-of date. */
  dealCount: number;
  openCount: number;
  openCents: number;
}

const CLOSED_KEYS = ['wonCount', 'lostCount', 'wonCents', 'lostCents', 'cycleDays', 'cycleCount'] as const;
const CLOSED_SUMS = `SUM(won_count) AS wonCount, SUM(lost_count) AS lostCount, SUM(won_cents) AS wonCents,
  SUM(lost_cents) AS lostCents, SUM(cycle_days) AS cycleDays, SUM(cycle_count) AS cycleCount`;

const zeroClosed = (): ClosedSums => ({ wonCount: 0, lostCount: 0, wonCents: 0, lostCents: 0, cycleDays: 0, cycleCount: 0 });

function addInto(into: Map<number, ClosedSums>, rows: (ClosedSums & { repId: number })[], sign: 1 | -1): void {
  for (const r of rows) {
    let s = into.get(r.repId);
    if (!s) into.set(r.repId, (s = zeroClosed()));
    for (const k of CLOSED_KEYS) s[k] += sign * r[k];
  }
}

/**
 * Won and lost deals closed from..to (inclusive) per rep, counting only deals created by asOf.
 * repId null: every rep (archived ones too: callers choose whom to show).
 */
export function closedSums(db: Db, from: string, to: string, asOf: string, repId: number | null): Map<number, ClosedSums> {
  const out = new Map<number, ClosedSums>();
  const split = splitByMonths(from, to);
  // Per rep, a primary-key range: reps drive the join so each rep's rows are one seek.
  const reps = `FROM reps r JOIN %T t ON t.rep_id = r.id AND t.%K BETWEEN @from AND @to WHERE (@repId IS NULL OR r.id = @repId) GROUP BY r.id`;
  if (split.months) {
    const q = `SELECT r.id AS repId, ${CLOSED_SUMS} ${reps.replace('%T', 'rep_months').replace('%K', 'month')}`;
    addInto(out, db.prepare(q).all({ ...split.months, repId }) as (ClosedSums & { repId: number })[], 1);
  }
  const dayQuery = db.prepare(`SELECT r.id AS repId, ${CLOSED_SUMS} ${reps.replace('%T', 'rep_days').replace('%K', 'day')}`);
  for (const d of split.days) addInto(out, dayQuery.all({ ...d, repId }) as (ClosedSums & { repId: number })[], 1);
  // Closed in the range but created after asOf (a migrated record whose created date is its
  // load date): it did not exist yet. An index range that is empty when asOf is today.
  const late = db
    .prepare(
      `SELECT rep_id AS repId, SUM(outcome = 'won') AS wonCount, SUM(outcome = 'lost') AS lostCount,
         SUM(CASE WHEN outcome = 'won' THEN amount_cents ELSE 0 END) AS wonCents,
         SUM(CASE WHEN outcome = 'lost' THEN amount_cents ELSE 0 END) AS lostCents, 0 AS cycleDays, 0 AS cycleCount
       FROM deals WHERE created_date > @asOf AND outcome <> 'open' AND closed_date BETWEEN @from AND @to
         AND (@repId IS NULL OR rep_id = @repId)
       GROUP BY rep_id`,
    )
    .all({ asOf, from, to, repId }) as (ClosedSums & { repId: number })[];
  addInto(out, late, -1);
  return out;
}

/**
 * Per rep: deals created by asOf, and those open that day with their value. Today's answer is
 * rep_totals; a past date takes out what was created later and adds back what closed later.
 */
export function openTotals(db: Db, asOf: string, repId: number | null): Map<number, OpenTotals> {
  const out = new Map<number, OpenTotals>();
  const rows = db
    .prepare(
      `SELECT rep_id AS repId, deal_count AS dealCount, open_count AS openCount, open_cents AS openCents
       FROM rep_totals WHERE (@repId IS NULL OR rep_id = @repId)`,
    )
    .all({ repId }) as (OpenTotals & { repId: number })[];
  for (const r of rows) out.set(r.repId, { dealCount: r.dealCount, openCount: r.openCount, openCents: r.openCents });
  const adjust = (r: OpenTotals & { repId: number }) => {
    const t = out.get(r.repId) ?? { dealCount: 0, openCount: 0, openCents: 0 };
    t.dealCount += r.dealCount;
    t.openCount += r.openCount;
    t.openCents += r.openCents;
    out.set(r.repId, t);
  };
  const createdLater = db.prepare(
    `SELECT rep_id AS repId, -COUNT(*) AS dealCount, -SUM(outcome = 'open') AS openCount,
       -SUM(CASE WHEN outcome = 'open' THEN amount_cents ELSE 0 END) AS openCents
     FROM deals WHERE created_date > @asOf AND (@repId IS NULL OR rep_id = @repId) GROUP BY rep_id`,
  );
  const closedLater = db.prepare(
    `SELECT rep_id AS repId, 0 AS dealCount, COUNT(*) AS openCount, SUM(amount_cents) AS openCents
     FROM deals WHERE outcome IN ('won', 'lost') AND closed_date > @asOf AND created_date <= @asOf
       AND (@repId IS NULL OR rep_id = @repId)
     GROUP BY rep_id`,
  );
  for (const r of createdLater.all({ asOf, repId }) as (OpenTotals & { repId: number })[]) adjust(r);
  for (const r of closedLater.all({ asOf, repId }) as (OpenTotals & { repId: number })[]) adjust(r);
  return out;
}

/** New deals per rep per week, oldest first: `weeks` weeks of 7 days, the last one ending on asOf. */
export function newDealsByWeek(db: Db, asOf: string, weeks: number, repId: number | null): Map<number, number[]> {
  const rows = db
    .prepare(
      `SELECT r.id AS repId, CAST((julianday(@asOf) - julianday(t.day)) / 7 AS INTEGER) AS weeksAgo, SUM(t.created_count) AS n
       FROM reps r JOIN rep_days t ON t.rep_id = r.id AND t.day > date(@asOf, '-${weeks * 7} days') AND t.day <= @asOf
       WHERE (@repId IS NULL OR r.id = @repId)
       GROUP BY r.id, weeksAgo`,
    )
    .all({ asOf, repId }) as { repId: number; weeksAgo: number; n: number }[];
  const series = new Map<number, number[]>();
  for (const w of rows) {
    if (w.n === 0) continue;
    const s = series.get(w.repId) ?? new Array<number>(weeks).fill(0);
    s[weeks - 1 - w.weeksAgo] = w.n;
    series.set(w.repId, s);
  }
  return series;
}

/** The rollup tables: derived from the deals, so left out of the JSON export and rebuilt on restore. */
export const ROLLUP_TABLES = ['rep_totals', 'rep_days', 'rep_months'] as const;

/**
 * Rebuilds every rollup from the deals. A bulk import calls it inside its own transaction after
 * writing with the triggers dropped (dropRollupTriggers), then puts the triggers back.
 */
export function rebuildRollups(db: Db): void {
  for (const t of ROLLUP_TABLES) db.exec(`DELETE FROM ${t}`);
  db.exec(fill);
}

/** Drops the rollup triggers and returns how to put them back (their SQL as stored). */
export function dropRollupTriggers(db: Db): () => void {
  const triggers = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rollup\\_%' ESCAPE '\\'")
    .all() as { name: string; sql: string }[];
  for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
  return () => {
    for (const t of triggers) db.exec(t.sql);
  };
}
