/**
 * Reads the per-rep rollups (migration 015) the way the deals would answer: a range of dates
 * is its whole months from rep_months plus its loose days from rep_days. Deals created after
 * the as-of date are taken back out, so a past date sees only what existed then.
 */
import { addDays, DATE_MAX, splitByMonths } from '../../../shared/domain/periods';
import { fill } from '../db/migrations/015_rep_rollups';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';

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

/**
 * The corrections below read deals by a date range (empty when asOf is today). Left to itself the
 * planner may skip-scan another index on all deals instead (measured: 2 s at 1,000,000 deals), so
 * only the range column is left indexable ("+col" is not), or the rep when there is one.
 */
const ofRep = (repId: number | null) => (repId === null ? '' : 'AND rep_id = @repId');

const zeroClosed = (): ClosedSums => ({ wonCount: 0, lostCount: 0, wonCents: 0, lostCents: 0, cycleDays: 0, cycleCount: 0 });

function addInto(into: Map<number, ClosedSums>, rows: (ClosedSums & { repId: number })[], sign: 1 | -1): void {
  for (const r of rows) {
    let s = into.get(r.repId);
    if (!s) into.set(r.repId, (s = zeroClosed()));
    for (const k of CLOSED_KEYS) s[k] += sign * r[k];
  }
}

/**
 * Whose sums: every rep (archived ones too: callers choose whom to show), one rep, or the active
 * team as one total (keyed 0) for the rep page's yardstick, which needs no per-rep rows.
 */
export type Scope = { repId: number } | 'each rep' | 'active team';

/** SQL pieces for a scope: the rep filter on the reps join, and what to group by. */
function scoped(scope: Scope) {
  if (scope === 'active team') return { id: '0', where: "WHERE r.status <> 'archived'", group: '' };
  if (scope === 'each rep') return { id: 'r.id', where: '', group: 'GROUP BY r.id' };
  return { id: 'r.id', where: 'WHERE r.id = @repId', group: 'GROUP BY r.id' };
}

const repIdOf = (scope: Scope) => (typeof scope === 'object' ? scope.repId : null);

/** Won and lost deals closed from..to (inclusive), counting only deals created by asOf. */
export function closedSums(db: Db, from: string, to: string, asOf: string, scope: Scope): Map<number, ClosedSums> {
  const out = rollupClosed(db, from, to, scope);
  const { id, where, group } = scoped(scope);
  // Closed in the range but created after asOf (a migrated record whose created date is its
  // load date): it did not exist yet. An index range that is empty when asOf is today.
  const late = prepared(
    db,
      `SELECT ${id} AS repId, SUM(d.outcome = 'won') AS wonCount, SUM(d.outcome = 'lost') AS lostCount,
         SUM(CASE WHEN d.outcome = 'won' THEN d.amount_cents ELSE 0 END) AS wonCents,
         SUM(CASE WHEN d.outcome = 'lost' THEN d.amount_cents ELSE 0 END) AS lostCents, 0 AS cycleDays, 0 AS cycleCount
       FROM deals d JOIN reps r ON r.id = d.rep_id
       ${where || 'WHERE 1'} AND d.created_date > @asOf AND +d.outcome <> 'open' AND +d.closed_date BETWEEN @from AND @to
       ${group}`,
    )
    .all({ asOf, from, to, repId: repIdOf(scope) }) as (ClosedSums & { repId: number })[];
  addInto(out, late, -1);
  return out;
}

/** What the rollups say closed from..to (every deal, whenever created). */
function rollupClosed(db: Db, from: string, to: string, scope: Scope): Map<number, ClosedSums> {
  const out = new Map<number, ClosedSums>();
  const split = splitByMonths(from, to);
  const { id, where, group } = scoped(scope);
  const repId = repIdOf(scope);
  // Per rep, a primary-key range: reps drive the join so each rep's rows are one seek.
  const query = (table: string, key: string) =>
    prepared(db, `SELECT ${id} AS repId, ${CLOSED_SUMS} FROM reps r CROSS JOIN ${table} t ON t.rep_id = r.id AND t.${key} BETWEEN @from AND @to ${where} ${group}`);
  const rows = (stmt: ReturnType<typeof query>, range: { from: string; to: string }) =>
    (stmt.all({ ...range, repId }) as (ClosedSums & { repId: number | null })[]).filter((r): r is ClosedSums & { repId: number } => r.wonCount !== null);
  if (split.months) addInto(out, rows(query('rep_months', 'month'), split.months), 1);
  const dayQuery = query('rep_days', 'day');
  for (const d of split.days) addInto(out, rows(dayQuery, d), 1);
  return out;
}

/**
 * Per rep: deals created by asOf, and those open that day with their value. Today's answer is
 * rep_totals; a past date adds back what closed later (from the rollups) and takes out what was
 * created later.
 */
export function openTotals(db: Db, asOf: string, repId: number | null): Map<number, OpenTotals> {
  const out = new Map<number, OpenTotals>();
  const rows = prepared(
    db,
      `SELECT rep_id AS repId, deal_count AS dealCount, open_count AS openCount, open_cents AS openCents
       FROM rep_totals WHERE (@repId IS NULL OR rep_id = @repId)`,
    )
    .all({ repId }) as (OpenTotals & { repId: number })[];
  for (const r of rows) out.set(r.repId, { dealCount: r.dealCount, openCount: r.openCount, openCents: r.openCents });
  const add = (repId: number, dealCount: number, openCount: number, openCents: number) => {
    const t = out.get(repId) ?? { dealCount: 0, openCount: 0, openCents: 0 };
    t.dealCount += dealCount;
    t.openCount += openCount;
    t.openCents += openCents;
    out.set(repId, t);
  };
  if (asOf >= DATE_MAX) return out;
  // Open on asOf = open now, less those created later, plus those closed later but created by then.
  for (const [id, c] of rollupClosed(db, addDays(asOf, 1), DATE_MAX, repId === null ? 'each rep' : { repId })) add(id, 0, c.wonCount + c.lostCount, c.wonCents + c.lostCents);
  // Created later: one range of a covering index (rep, created, outcome, closed, amount), empty for today.
  const later = prepared(
    db,
      `SELECT rep_id AS repId, COUNT(*) AS n, SUM(outcome = 'open') AS openN, SUM(CASE WHEN outcome = 'open' THEN amount_cents ELSE 0 END) AS openCents,
         SUM(outcome <> 'open' AND closed_date > @asOf) AS closedN, SUM(CASE WHEN outcome <> 'open' AND closed_date > @asOf THEN amount_cents ELSE 0 END) AS closedCents
       FROM deals WHERE created_date > @asOf ${ofRep(repId)} GROUP BY rep_id`,
    )
    .all({ asOf, repId }) as { repId: number; n: number; openN: number; openCents: number; closedN: number; closedCents: number }[];
  for (const r of later) add(r.repId, -r.n, -r.openN - r.closedN, -r.openCents - r.closedCents);
  return out;
}

/**
 * New deals per rep per week, oldest first: `weeks` weeks of 7 days, the last one ending on asOf.
 * One seek per rep and week into rep_days (a thousand reps: 12 ms), not a grouping of every day
 * in the span by a computed week number (40-70 ms).
 */
export function newDealsByWeek(db: Db, asOf: string, weeks: number, repId: number | null): Map<number, number[]> {
  // ends[k]: the last day of the week k weeks ago; week k is (ends[k + 1], ends[k]].
  const ends = Array.from({ length: weeks + 1 }, (_, k) => addDays(asOf, -7 * k));
  const perWeek = Array.from(
    { length: weeks },
    (_, k) => `(SELECT SUM(created_count) FROM rep_days t WHERE t.rep_id = r.id AND t.day > @e${k + 1} AND t.day <= @e${k})`,
  );
  const rows = prepared(db, `SELECT r.id, ${perWeek.join(', ')} FROM reps r ${repId === null ? '' : 'WHERE r.id = @repId'}`)
    .raw()
    .all({ ...Object.fromEntries(ends.map((e, k) => [`e${k}`, e])), ...(repId === null ? {} : { repId }) }) as (number | null)[][];
  const series = new Map<number, number[]>();
  for (const [id, ...counts] of rows) series.set(id!, counts.reverse().map((n) => n ?? 0));
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
