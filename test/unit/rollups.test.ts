import fc from 'fast-check';
import { LATEST_VERSION } from '../../electron/core/db/migrations';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import type { Ctx } from '../../electron/core/context';
import { fill } from '../../electron/core/db/migrations/015_rep_rollups';
import { pipelineList, repAggregates, windowStart, WEEKS_SHOWN, WON_WITH_CYCLE } from '../../electron/core/repos/metrics';
import { factsAsOf } from '../../electron/core/repos/pipelineFacts';
import type { PipelinePage } from '../../shared/schemas/pipelinePage';
import { getSettings } from '../../electron/core/repos/settings';
import { ROLLUP_TABLES } from '../../electron/core/repos/rollups';
import { addDays, daysBetween, periodContaining, splitByMonths } from '../../shared/domain/periods';
import { closeDatabase, openDatabase } from '../../electron/core/db/open';
import { testCtx, track } from './helpers';
import { ok, runImport, stage } from './importHelpers';

/**
 * The per-rep rollups (migration 015) are never wrong: after every kind of write they equal a
 * rebuild from the deals, and the metrics read from them equal the same sums taken straight from
 * the deals table (the query the Dashboard ran before the rollups), on any as-of date.
 */

const TODAY = '2026-11-24';
const day = (daysAgo: number) => addDays(TODAY, -daysAgo);

/** The rollup tables' rows that are not all zero, as text, sorted. */
function nonZeroRows(ctx: Ctx, tables: readonly string[]): string[] {
  return tables.flatMap((t) =>
    (ctx.db.prepare(`SELECT * FROM ${t}`).all() as Record<string, unknown>[])
      .filter((r) => Object.entries(r).some(([k, v]) => !['rep_id', 'day', 'month'].includes(k) && v !== 0))
      .map((r) => `${t} ${JSON.stringify(r)}`),
  ).sort();
}

/** Rebuilds the rollups from the deals into a scratch copy of the tables and returns their rows. */
function recomputed(ctx: Ctx): string[] {
  const db = ctx.db;
  db.exec('SAVEPOINT recompute');
  try {
    for (const t of ROLLUP_TABLES) db.exec(`DELETE FROM ${t}`);
    db.exec(fill);
    return nonZeroRows(ctx, ROLLUP_TABLES);
  } finally {
    db.exec('ROLLBACK TO recompute; RELEASE recompute');
  }
}

/** The per-rep sums straight from the deals: the pre-rollup query, kept here as the reference. */
function fromDeals(ctx: Ctx, asOf: string) {
  const settings = getSettings(ctx.db);
  const period = periodContaining(asOf, settings.quotaPeriod);
  const params = { asOf, ws: windowStart(asOf, settings.windowMonths), ps: period.start, pe: asOf < period.end ? asOf : period.end };
  const rows = ctx.db
    .prepare(
      `WITH d AS (
         SELECT rep_id, amount_cents, outcome, created_date, closed_date,
           (outcome <> 'open' AND closed_date BETWEEN @ws AND @asOf) AS w,
           (created_date <= @asOf AND (outcome = 'open' OR closed_date > @asOf)) AS open_then,
           (${WON_WITH_CYCLE}) AS has_cycle
         FROM deals WHERE created_date <= @asOf
       )
       SELECT r.id AS repId,
         COALESCE(SUM(d.w AND d.outcome = 'won'), 0) AS wonCount,
         COALESCE(SUM(d.w AND d.outcome = 'lost'), 0) AS lostCount,
         COALESCE(SUM(CASE WHEN d.w AND d.outcome = 'won' THEN d.amount_cents END), 0) / 100.0 AS wonValue,
         COALESCE(SUM(CASE WHEN d.w AND d.outcome = 'lost' THEN d.amount_cents END), 0) / 100.0 AS lostValue,
         COALESCE(SUM(CASE WHEN d.w AND d.has_cycle THEN julianday(d.closed_date) - julianday(d.created_date) END), 0) AS wonCycleDays,
         COALESCE(SUM(d.w AND d.has_cycle), 0) AS cycleCount,
         COALESCE(SUM(d.open_then), 0) AS openCount,
         COALESCE(SUM(CASE WHEN d.open_then THEN d.amount_cents END), 0) / 100.0 AS openValue,
         COALESCE(SUM(CASE WHEN d.outcome = 'won' AND d.closed_date BETWEEN @ps AND @pe THEN d.amount_cents END), 0) / 100.0 AS wonThisPeriod
       FROM reps r LEFT JOIN d ON d.rep_id = r.id
       WHERE r.status <> 'archived' GROUP BY r.id ORDER BY r.id`,
    )
    .all(params) as Record<string, number>[];
  const weekly = ctx.db
    .prepare(
      `SELECT rep_id AS repId, CAST((julianday(@asOf) - julianday(created_date)) / 7 AS INTEGER) AS weeksAgo, COUNT(*) AS n
       FROM deals WHERE created_date > date(@asOf, '-${WEEKS_SHOWN * 7} days') AND created_date <= @asOf GROUP BY rep_id, weeksAgo`,
    )
    .all({ asOf }) as { repId: number; weeksAgo: number; n: number }[];
  return rows.map((r) => {
    const series = new Array<number>(WEEKS_SHOWN).fill(0);
    for (const w of weekly) if (w.repId === r.repId) series[WEEKS_SHOWN - 1 - w.weeksAgo] = w.n;
    return { ...r, weeklyNewOpps: series };
  });
}

function viaRollups(ctx: Ctx, asOf: string) {
  return repAggregates(ctx.db, asOf, getSettings(ctx.db))
    .sort((a, b) => a.repId - b.repId)
    .map(({ name: _n, hireDate: _h, quota: _q, ...sums }) => sums);
}

function expectInStep(ctx: Ctx, asOfDates: string[]): void {
  expect(nonZeroRows(ctx, ROLLUP_TABLES)).toEqual(recomputed(ctx));
  for (const asOf of asOfDates) expect(viaRollups(ctx, asOf), `as of ${asOf}`).toEqual(fromDeals(ctx, asOf));
}

const REPS = ['Ana', 'Ben', 'Chloé'];
const HEADER = 'deal_id,deal_name,account,owner,stage,amount,created_date,close_date';

type Op =
  | { kind: 'create'; rep: number; amount: number; created: number }
  | { kind: 'update'; deal: number; rep: number; amount: number; created: number }
  | { kind: 'close'; deal: number; won: boolean; closed: number }
  | { kind: 'reopen'; deal: number }
  | { kind: 'archive' | 'restore'; rep: number }
  | { kind: 'import'; rows: { id: number; rep: number; outcome: 'open' | 'won' | 'lost'; amount: number; created: number; closed: number }[] };

const daysAgo = fc.integer({ min: 0, max: 500 });
const amount = fc.integer({ min: 0, max: 200_000 });
const rep = fc.integer({ min: 0, max: REPS.length - 1 });
const dealPick = fc.nat({ max: 1000 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), rep, amount, created: daysAgo }),
  fc.record({ kind: fc.constant('update' as const), deal: dealPick, rep, amount, created: daysAgo }),
  fc.record({ kind: fc.constant('close' as const), deal: dealPick, won: fc.boolean(), closed: daysAgo }),
  fc.record({ kind: fc.constant('reopen' as const), deal: dealPick }),
  fc.record({ kind: fc.constantFrom('archive' as const, 'restore' as const), rep }),
  fc.record({
    kind: fc.constant('import' as const),
    rows: fc.array(
      // Ids from a small range, so re-imports update deals (and may close or move them); a closed
      // date before the created one is a migrated record, imported with a note.
      fc.record({ id: fc.integer({ min: 1, max: 12 }), rep, outcome: fc.constantFrom('open' as const, 'won' as const, 'lost' as const), amount, created: daysAgo, closed: daysAgo }),
      { minLength: 1, maxLength: 6 },
    ),
  }),
);

/** How many writes of each kind took effect over the whole run (so the property is not vacuous). */
const written = { imports: 0, closes: 0, updates: 0, reopens: 0 };

async function apply(ctx: Ctx, o: Op): Promise<void> {
  const ids = ctx.db.prepare('SELECT id FROM deals ORDER BY id').pluck().all() as number[];
  const repIds = ctx.db.prepare('SELECT id FROM reps ORDER BY id').pluck().all() as number[];
  const pick = (n: number) => ids[n % Math.max(1, ids.length)];
  // A write the API refuses (a close before the created date, an archived rep…) must change nothing.
  switch (o.kind) {
    case 'create':
      dispatch(ctx, 'deals.create', { repId: repIds[o.rep % repIds.length], name: `Deal ${ids.length + 1}`, stage: 'Discovery', amount: o.amount, createdDate: day(o.created) });
      break;
    case 'update': {
      const id = pick(o.deal);
      if (id === undefined) break;
      const d = ok<Record<string, unknown>>(ctx, 'deals.get', { id });
      const deal = d['deal'] as Record<string, unknown>;
      const r = dispatch(ctx, 'deals.update', { id, repId: repIds[o.rep % repIds.length], name: deal['name'], stage: deal['stage'], amount: o.amount, createdDate: day(o.created), expectedCloseDate: null });
      if (r.ok) written.updates++;
      break;
    }
    case 'close': {
      const open = ctx.db.prepare("SELECT id FROM deals WHERE outcome = 'open' ORDER BY id").pluck().all() as number[];
      const id = open[o.deal % Math.max(1, open.length)];
      if (id === undefined) break;
      // Mostly on or after the created date (a close before it is refused, and must change nothing).
      const created = ctx.db.prepare('SELECT created_date FROM deals WHERE id = ?').pluck().get(id) as string;
      const closedDate = day(o.closed % (daysBetween(created, TODAY) + 2));
      if (dispatch(ctx, 'deals.close', { id, outcome: o.won ? 'won' : 'lost', closedDate }).ok) written.closes++;
      break;
    }
    case 'reopen': {
      const closed = ctx.db.prepare("SELECT id FROM deals WHERE outcome <> 'open' ORDER BY id").pluck().all() as number[];
      const id = closed[o.deal % Math.max(1, closed.length)];
      if (id !== undefined && dispatch(ctx, 'deals.reopen', { id, stage: 'Proposal' }).ok) written.reopens++;
      break;
    }
    case 'archive':
    case 'restore': {
      const id = repIds[o.rep % repIds.length];
      if (id !== undefined) dispatch(ctx, o.kind === 'archive' ? 'reps.archive' : 'reps.restore', { id });
      break;
    }
    case 'import': {
      const lines = o.rows.map((r) => {
        const stageName = r.outcome === 'open' ? 'Proposal' : r.outcome === 'won' ? 'Closed Won' : 'Closed Lost';
        const close = r.outcome === 'open' ? day(Math.max(0, r.created - 30)) : day(r.closed);
        return `X${r.id},Imported ${r.id},Acme,${REPS[r.rep]},${stageName},${r.amount},${day(r.created)},${close}`;
      });
      const fileId = stage('rollups.csv', Buffer.from(`${HEADER}\n${lines.join('\n')}\n`));
      // Rows the import refuses (a repeated id, a date after today) are skipped; the rest go in.
      const p = await runImport(ctx, { fileId, skipInvalid: true });
      if (p.phase === 'done') written.imports++;
      break;
    }
  }
}

describe('per-rep rollups', () => {
  it('splits a span of dates into whole months and the days at either end', () => {
    expect(splitByMonths('2025-11-25', '2026-11-24')).toEqual({
      months: { from: '2025-12', to: '2026-10' },
      days: [{ from: '2025-11-25', to: '2025-11-30' }, { from: '2026-11-01', to: '2026-11-24' }],
    });
    expect(splitByMonths('2026-10-01', '2026-12-31')).toEqual({ months: { from: '2026-10', to: '2026-12' }, days: [] });
    expect(splitByMonths('2024-02-01', '2024-02-29')).toEqual({ months: { from: '2024-02', to: '2024-02' }, days: [] });
    expect(splitByMonths('2026-11-03', '2026-12-30')).toEqual({ months: null, days: [{ from: '2026-11-03', to: '2026-12-30' }] });
    expect(splitByMonths('2026-12-02', '2027-01-31')).toEqual({ months: { from: '2027-01', to: '2027-01' }, days: [{ from: '2026-12-02', to: '2026-12-31' }] });
    expect(splitByMonths('2026-11-25', '2026-11-24')).toEqual({ months: null, days: [] });
  });

  it('the demo team: the rollups equal a rebuild, and the metrics equal the sums taken from the deals', () => {
    const ctx = testCtx(TODAY);
    ok(ctx, 'demo.load', {});
    expectInStep(ctx, [TODAY, '2026-11-01', '2026-08-26', '2026-02-28', '2025-12-31']);
  });

  it('a file from before the rollups gets them filled from its deals when it is opened', () => {
    const ctx = testCtx(TODAY);
    ok(ctx, 'demo.load', {});
    // Back to schema 14: no rollup tables or triggers.
    ctx.db.exec(`DROP TRIGGER rollup_deals_insert; DROP TRIGGER rollup_deals_update; DROP TRIGGER rollup_deals_delete;
      DROP TABLE rep_totals; DROP TABLE rep_days; DROP TABLE rep_months; DROP INDEX coaching_notes_rep_kind_date;
      DROP TABLE pipeline_facts; DROP TABLE pipeline_facts_state;
      DELETE FROM schema_migrations WHERE version >= 15;`);
    ctx.db.pragma('user_version = 14');
    closeDatabase(ctx.db);
    const upgraded = { ...ctx, db: track(openDatabase(ctx.dbPath)) };
    expect(upgraded.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(nonZeroRows(upgraded, ROLLUP_TABLES).length).toBeGreaterThan(100);
    expectInStep(upgraded, [TODAY, '2026-06-30']);
  });

  it('random creates, updates, closes, reopens, archives and imports: in step after every one', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), fc.array(daysAgo, { minLength: 1, maxLength: 2 }), async (ops, pasts) => {
        const ctx = testCtx(TODAY);
        for (const name of REPS) ok(ctx, 'reps.create', { name, role: 'field', quota: 100_000 });
        for (const o of ops) {
          await apply(ctx, o);
          expectInStep(ctx, [TODAY, ...pasts.map(day)]);
        }
      }),
      // A fixed seed: the same 30 cases every run, so the counts below cannot fall short by chance
      // (ROLLUP_SEED and ROLLUP_RUNS explore others).
      { numRuns: Number(process.env.ROLLUP_RUNS ?? 30), seed: Number(process.env.ROLLUP_SEED ?? 18) },
    );
    expect(written.imports).toBeGreaterThan(5);
    expect(written.closes).toBeGreaterThan(5);
    expect(written.updates).toBeGreaterThan(5);
    expect(written.reopens).toBeGreaterThan(5);
  }, 600_000);

  it('a bulk import rebuilds them once, inside its own transaction', async () => {
    const ctx = testCtx(TODAY);
    // 20,000 new deals into an empty store: the import drops the triggers and indexes and rebuilds.
    const rows = Array.from({ length: 20_000 }, (_, i) => {
      const outcome = i % 3;
      const created = day(30 + (i % 400));
      const closed = day(i % 29);
      return `B${i},Bulk ${i},Account ${i % 50},${REPS[i % 3]},${outcome === 0 ? 'Proposal' : outcome === 1 ? 'Closed Won' : 'Closed Lost'},${1000 + i},${created},${closed}`;
    });
    await runImport(ctx, { fileId: stage('bulk.csv', Buffer.from(`${HEADER}\n${rows.join('\n')}\n`)) });
    expect(ctx.db.prepare('SELECT COUNT(*) FROM deals').pluck().get()).toBe(20_000);
    expect(ctx.db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rollup%'").pluck().get()).toBe(3);
    expectInStep(ctx, [TODAY, day(45)]);
    // The Pipeline's stored facts are left to the first read, which builds them for today.
    expect(factsAsOf(ctx.db)).toBeNull();
    const page = ok<PipelinePage>(ctx, 'pipeline.page', {});
    expect(page.header!.openCount).toBe(pipelineList(ctx.db, TODAY).deals.length);
    expect(page.header!.openCount).toBeGreaterThan(6000);
    expect(factsAsOf(ctx.db)).toBe(TODAY);
    // The triggers are back: the next single write keeps them in step.
    const repId = ctx.db.prepare("SELECT id FROM reps WHERE name = 'Ana'").pluck().get();
    ok(ctx, 'deals.create', { repId, name: 'After the bulk', stage: 'Discovery', amount: 500, createdDate: TODAY });
    expectInStep(ctx, [TODAY]);
  }, 120_000);
});
