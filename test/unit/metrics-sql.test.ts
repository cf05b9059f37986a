/**
 * The SQL side of the pipeline screens (electron/core/repos/metrics.ts, weekly.ts,
 * repDashboard.ts) and their API calls, on a real temp SQLite file. Reps and deals are made
 * through dispatch(); history rows, stakeholders, one-on-ones and notes by direct INSERT
 * where a specific date is needed. Every number is worked by hand next to it.
 *
 * Default settings: quarterly quota period, 12-month window, 10 prospects per opportunity.
 * As of 2026-11-24 (the test clock): Q4 2026 = Oct 1 .. Dec 31 (92 days = 13.142857 weeks),
 * 38 days left counting today (Nov 24 -> Dec 31 is 37 days, + 1).
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { fixedClock } from '../../electron/core/clock';
import type { Ctx } from '../../electron/core/context';
import { pipeline, repAggregates, repMetrics, windowStart } from '../../electron/core/repos/metrics';
import { repDashboard } from '../../electron/core/repos/repDashboard';
import { weeklyReview } from '../../electron/core/repos/weekly';
import type { RepMetrics } from '../../shared/domain/metrics';
import { DEFAULT_SETTINGS } from '../../shared/schemas/team';
import { testCtx } from './helpers';

const AS_OF = '2026-11-24';
const WEEKS_IN_Q4 = 92 / 7; // Oct 31 + Nov 30 + Dec 31 = 92 days

function v<T = any>(r: ReturnType<typeof dispatch>): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

/** Paths of every number that is NaN/±Infinity and every string that prints one. */
function nonFinite(x: unknown, path = '$'): string[] {
  if (typeof x === 'number') return Number.isFinite(x) ? [] : [`${path}=${x}`];
  if (typeof x === 'string') return /NaN|Infinity/.test(x) ? [`${path}="${x}"`] : [];
  if (Array.isArray(x)) return x.flatMap((y, i) => nonFinite(y, `${path}[${i}]`));
  if (x !== null && typeof x === 'object') return Object.entries(x).flatMap(([k, y]) => nonFinite(y, `${path}.${k}`));
  return [];
}

function addRep(ctx: Ctx, name: string, quota = 100000, hireDate: string | null = '2024-01-01'): number {
  return v<{ id: number }>(dispatch(ctx, 'reps.create', { name, role: 'field', quota, hireDate })).id;
}

interface DealOpts {
  stage?: string;
  expectedCloseDate?: string | null;
  lastActivityDate?: string | null;
}

/** The full input of a deal, kept so deals.update can be called with it. */
const dealInput = (repId: number, name: string, amount: number, createdDate: string, o: DealOpts = {}) => ({
  repId,
  accountName: `${name} Co`,
  name,
  stage: o.stage ?? 'Proposal',
  amount,
  createdDate,
  expectedCloseDate: o.expectedCloseDate ?? null,
  lastActivityDate: o.lastActivityDate ?? null,
});

function addDeal(ctx: Ctx, repId: number, name: string, amount: number, createdDate: string, o: DealOpts = {}): number {
  return v<{ id: number }>(dispatch(ctx, 'deals.create', dealInput(repId, name, amount, createdDate, o))).id;
}

function close(ctx: Ctx, id: number, outcome: 'won' | 'lost', closedDate: string): void {
  v(dispatch(ctx, 'deals.close', { id, outcome, closedDate }));
}

function addStakeholder(ctx: Ctx, dealId: number, name: string, role: string): void {
  ctx.db
    .prepare(`INSERT INTO stakeholders (deal_id, name, role, created_at, updated_at) VALUES (?, ?, ?, '2026-11-01T09:00:00.000Z', '2026-11-01T09:00:00.000Z')`)
    .run(dealId, name, role);
}

function addOneOnOne(ctx: Ctx, repId: number, date: string, status: 'planned' | 'closed'): void {
  ctx.db
    .prepare(`INSERT INTO one_on_ones (rep_id, meeting_date, status, created_at, updated_at) VALUES (?, ?, ?, 'x', 'x')`)
    .run(repId, date, status);
}

function addNote(ctx: Ctx, repId: number, date: string, kind: string): void {
  ctx.db
    .prepare(`INSERT INTO coaching_notes (rep_id, kind, note_date, body, created_at, updated_at) VALUES (?, ?, ?, 'note', 'x', 'x')`)
    .run(repId, kind, date);
}

const byName = (ms: RepMetrics[], name: string): RepMetrics => {
  const m = ms.find((x) => x.name === name);
  if (!m) throw new Error(`no metrics for ${name}`);
  return m;
};

/**
 * Ana, quota 100,000:
 *   w1 50,000  created 2026-06-01, won 2026-07-31 (Q3)   cycle 60 days (Jun 30 + Jul 30)
 *   w2 30,000  created 2026-09-01, won 2026-10-11 (Q4)   cycle 40 days (Sep 30 + 10)
 *   w3 10,000  created 2026-10-01, won 2026-11-20 (Q4)   cycle 50 days (Oct 31 + 19)
 *   l1 60,000  created 2026-03-01, lost 2026-05-01
 *   o1 40,000  created 2026-10-15, open
 *   o2 20,000  created 2026-11-20, open
 */
function anaScenario() {
  const ctx = testCtx();
  const ana = addRep(ctx, 'Ana', 100000);
  const ids = {
    w1: addDeal(ctx, ana, 'w1', 50000, '2026-06-01'),
    w2: addDeal(ctx, ana, 'w2', 30000, '2026-09-01'),
    w3: addDeal(ctx, ana, 'w3', 10000, '2026-10-01'),
    l1: addDeal(ctx, ana, 'l1', 60000, '2026-03-01'),
    o1: addDeal(ctx, ana, 'o1', 40000, '2026-10-15'),
    o2: addDeal(ctx, ana, 'o2', 20000, '2026-11-20'),
  };
  close(ctx, ids.w1, 'won', '2026-07-31');
  close(ctx, ids.w2, 'won', '2026-10-11');
  close(ctx, ids.w3, 'won', '2026-11-20');
  close(ctx, ids.l1, 'lost', '2026-05-01');
  return { ctx, ana, ids };
}

describe('windowStart', () => {
  it('is the day after the same date N months back', () => {
    expect(windowStart('2026-11-24', 12)).toBe('2025-11-25'); // 2025-11-24 + 1 day
    expect(windowStart('2026-11-24', 6)).toBe('2026-05-25'); // 2026-05-24 + 1 day
    expect(windowStart('2026-11-24', 1)).toBe('2026-10-25'); // 2026-10-24 + 1 day
    expect(windowStart('2026-01-15', 1)).toBe('2025-12-16'); // crosses the year: 2025-12-15 + 1
  });

  it('does not skip days when the month back is shorter (31st, leap day)', () => {
    // One month back from Mar 31 is Feb 28 (no Feb 31); the window starts the next day, Mar 1.
    // A deal won on Mar 1-3 is inside "the last month" ending Mar 31.
    expect.soft(windowStart('2026-03-31', 1)).toBe('2026-03-01');
    // Twelve months back from 2028-02-29 is 2027-02-28; the window starts 2027-03-01.
    expect.soft(windowStart('2028-02-29', 12)).toBe('2027-03-01');
  });
});

describe('repAggregates and repMetrics', () => {
  it('sums one rep’s deals in SQL, by hand', () => {
    const { ctx, ana } = anaScenario();
    expect(repAggregates(ctx.db, AS_OF, DEFAULT_SETTINGS)).toEqual([
      {
        repId: ana,
        name: 'Ana',
        hireDate: '2024-01-01',
        quota: 100000,
        wonCount: 3, // w1, w2, w3 (all after the window start 2025-11-25)
        lostCount: 1, // l1
        wonValue: 90000, // 50,000 + 30,000 + 10,000
        lostValue: 60000,
        wonCycleDays: 150, // 60 + 40 + 50
        cycleCount: 3,
        openCount: 2, // o1, o2
        openValue: 60000, // 40,000 + 20,000
        wonThisPeriod: 40000, // w2 + w3 won in Q4; w1 was Q3
        // 84 days back is 2026-09-01: w2 (created that day) is just outside the 12 weeks.
        // w3 54 days ago -> week 7 -> index 11-7 = 4; o1 40 days ago -> week 5 -> index 6;
        // o2 4 days ago -> week 0 -> index 11 (this week, last).
        weeklyNewOpps: [0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1],
      },
    ]);
  });

  it('turns the sums into rates, coverage and needs per rep', () => {
    const { ctx } = anaScenario();
    const [m] = repMetrics(ctx.db, AS_OF);
    expect(m).toBeDefined();
    if (!m) return;
    expect(m.winRate).toBeCloseTo(0.75, 10); // 3 won / (3 won + 1 lost)
    expect(m.winRateByValue).toBeCloseTo(0.6, 10); // 90,000 / (90,000 + 60,000)
    expect(m.avgWonDealSize).toBeCloseTo(30000, 6); // 90,000 / 3
    expect(m.avgCycleDays).toBeCloseTo(50, 10); // 150 / 3
    expect(m.attainment).toBeCloseTo(0.4, 10); // 40,000 / 100,000
    expect(m.remainingQuota).toBe(60000); // 100,000 - 40,000
    expect(m.actualCoverage).toBeCloseTo(1, 10); // 60,000 open / 60,000 remaining
    expect(m.needs.requiredCoverage).toBeCloseTo(1.3333, 4); // 1 / 0.75
    expect(m.needs.winsNeeded).toBeCloseTo(2, 10); // 60,000 / 30,000
    expect(m.needs.dealsNeeded).toBeCloseTo(2.6667, 4); // 60,000 / 30,000 / 0.75
    expect(m.needs.valueNeeded).toBeCloseTo(80000, 6); // 60,000 / 0.75
    expect(m.needs.gapValue).toBeCloseTo(20000, 6); // 80,000 - 60,000
    expect(m.needs.oppsToAdd).toBe(1); // ceil(20,000 / 30,000 = 0.67)
    expect(m.needs.prospectsNeeded).toBe(10); // 1 x 10
    expect(m.needs.newOppsCanCloseThisPeriod).toBe(false); // 50-day cycle > 38 days left
    expect(m.newOppsPerWeek).toBeCloseTo(0.25, 10); // 3 new / 12 weeks
    // slope: x 0..11 (mean 5.5), y mean 0.25; num = (4-5.5) + (6-5.5) + (11-5.5) = 4.5;
    // den = 2 x (0.25 + 2.25 + 6.25 + 12.25 + 20.25 + 30.25) = 143 -> 4.5 / 143
    expect(m.newOppsTrend).toBeCloseTo(4.5 / 143, 10);
    // 100,000 / 30,000 / 0.75 = 4.444 a quarter / 13.142857 weeks = 0.338 a week;
    // 0.25 < 0.8 x 0.338 = 0.271 -> too few opportunities
    expect(m.neededOppsPerWeek).toBeCloseTo(0.33816, 4);
    expect(m.diagnosis.kind).toBe('activity');
    expect(m.diagnosis.evidence[0]).toBe('0.3 new opportunities a week over the last 12 weeks; the quota needs about 0.3 at their deal size.');
    expect(m.diagnosis.evidence[1]).toBe('Win rate 75% (3 won of 4 closed); the floor is 20%.');
    expect(nonFinite(m)).toEqual([]);
  });

  it('a won deal recorded as closing before it was created counts for won and value, not for the cycle', () => {
    const { ctx, ana } = anaScenario();
    // A CRM migration: created (loaded) on Oct 1, closed on Aug 1, 20,000.
    const m = addDeal(ctx, ana, 'migrated', 20000, '2026-10-01');
    ctx.db.prepare("UPDATE deals SET outcome = 'won', stage = 'Closed Won', closed_date = '2026-08-01' WHERE id = ?").run(m);
    const [a] = repAggregates(ctx.db, AS_OF, DEFAULT_SETTINGS);
    expect(a).toMatchObject({
      wonCount: 4, // w1, w2, w3 + migrated
      wonValue: 110000, // 90,000 + 20,000
      wonCycleDays: 150, // unchanged: 60 + 40 + 50, never 150 - 61
      cycleCount: 3,
    });
    expect(repMetrics(ctx.db, AS_OF)[0]!.avgCycleDays).toBeCloseTo(50, 10); // 150 / 3, not 89 / 4
  });

  it('is the same through dispatch(metrics.list) with the clock’s today', () => {
    const { ctx } = anaScenario();
    expect(v(dispatch(ctx, 'metrics.list', {}))).toEqual(repMetrics(ctx.db, AS_OF));
  });

  it('as of a past date: a deal closed later was still open, a deal created later does not exist', () => {
    const { ctx } = anaScenario();
    const [a] = repAggregates(ctx.db, '2026-10-31', DEFAULT_SETTINGS);
    expect(a).toMatchObject({
      wonCount: 2, // w1 (Jul 31), w2 (Oct 11); w3 closes only on Nov 20
      lostCount: 1, // l1
      wonValue: 80000, // 50,000 + 30,000
      wonCycleDays: 100, // 60 + 40
      cycleCount: 2,
      openCount: 2, // w3 (open until Nov 20) + o1; o2 is created Nov 20, after the as-of date
      openValue: 50000, // 10,000 + 40,000
      wonThisPeriod: 30000, // w2 only: Oct 1 .. Oct 31
      // 84 days before Oct 31 is Aug 8. w2 Sep 1: 60 days ago -> week 8 -> index 3;
      // w3 Oct 1: 30 days -> week 4 -> index 7; o1 Oct 15: 16 days -> week 2 -> index 9; o2 not yet
      weeklyNewOpps: [0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0],
    });
    const m = v<RepMetrics[]>(dispatch(ctx, 'metrics.list', { asOf: '2026-10-31' }))[0];
    expect(m?.winRate).toBeCloseTo(2 / 3, 10); // 2 won / 3 closed
    expect(m?.attainment).toBeCloseTo(0.3, 10); // 30,000 / 100,000
  });

  it('keeps won deals outside the trailing 12 months out of the win rate', () => {
    const ctx = testCtx();
    const old = addRep(ctx, 'Old', 100000);
    const e1 = addDeal(ctx, old, 'e1', 1000, '2025-01-01');
    const e2 = addDeal(ctx, old, 'e2', 2000, '2025-01-01');
    const e3 = addDeal(ctx, old, 'e3', 4000, '2025-01-01');
    close(ctx, e1, 'won', '2025-11-24'); // the day before the window start 2025-11-25: out
    close(ctx, e2, 'won', '2025-11-25'); // the first day of the window: in
    close(ctx, e3, 'lost', '2026-01-10'); // in
    const [m] = repMetrics(ctx.db, AS_OF);
    expect(m).toMatchObject({ wonCount: 1, lostCount: 1, wonValue: 2000, lostValue: 4000, openCount: 0 });
    expect(m?.winRate).toBeCloseTo(0.5, 10); // 1 / 2 (with e1 it would be 2 / 3)
    expect(m?.avgCycleDays).toBe(328); // 2025-01-01 -> 2025-11-25: day 329 of the year - 1
    // A 6-month window starts 2026-05-25: e2 and e3 drop out, no closed deals left.
    v(dispatch(ctx, 'settings.update', { windowMonths: 6 }));
    const [six] = repMetrics(ctx.db, AS_OF);
    expect(six).toMatchObject({ wonCount: 0, lostCount: 0, winRate: null });
    expect(six?.diagnosis.kind).toBe('no_data');
    expect(six?.diagnosis.evidence[0]).toBe('No deals won or lost in the last 6 months, so win rate and required coverage are unknown.');
    expect(nonFinite(six)).toEqual([]);
  });

  it('counts every win of the quota period in attainment, even with a window shorter than the period', () => {
    const ctx = testCtx();
    const ana = addRep(ctx, 'Ana', 100000);
    const w = addDeal(ctx, ana, 'w', 30000, '2026-09-01');
    close(ctx, w, 'won', '2026-10-10'); // in Q4, before the 1-month window start 2026-10-25
    v(dispatch(ctx, 'settings.update', { windowMonths: 1 }));
    // The team screen counts it: 30,000 / 100,000 = 0.3
    expect(v(dispatch(ctx, 'team.summary', {})).rows[0]).toMatchObject({ wonThisPeriod: 30000, attainment: 0.3 });
    // So must the metrics: attainment is about the quota period, not the win-rate window.
    const [m] = repMetrics(ctx.db, AS_OF);
    expect(m?.wonThisPeriod).toBe(30000);
    expect(m?.attainment).toBeCloseTo(0.3, 10);
    expect(m?.remainingQuota).toBe(70000); // 100,000 - 30,000
  });

  it('builds a 12-week new-opportunity series, oldest first, this week last', () => {
    const ctx = testCtx();
    const wes = addRep(ctx, 'Wes');
    addDeal(ctx, wes, 'today', 1, '2026-11-24'); // 0 days ago -> week 0 -> index 11
    addDeal(ctx, wes, 'six', 1, '2026-11-18'); // 6 days ago -> week 0 -> index 11
    addDeal(ctx, wes, 'seven', 1, '2026-11-17'); // 7 days ago -> week 1 -> index 10
    addDeal(ctx, wes, 'd83', 1, '2026-09-02'); // 83 days ago -> week 11 -> index 0
    addDeal(ctx, wes, 'd84', 1, '2026-09-01'); // 84 days ago: outside the 12 weeks
    addDeal(ctx, wes, 'future', 1, '2026-11-25'); // after the as-of date: does not exist yet
    const [a] = repAggregates(ctx.db, AS_OF, DEFAULT_SETTINGS);
    expect(a?.weeklyNewOpps).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2]);
    expect(a?.openCount).toBe(5); // all but 'future'
    const [m] = repMetrics(ctx.db, AS_OF);
    expect(m?.newOppsPerWeek).toBeCloseTo(4 / 12, 10);
    // A rep with no deals still gets 12 zero weeks
    addRep(ctx, 'Zed');
    expect(repAggregates(ctx.db, AS_OF, DEFAULT_SETTINGS).find((x) => x.name === 'Zed')?.weeklyNewOpps).toEqual(new Array(12).fill(0));
  });

  it('judges a rep hired 54 days ago as a new hire; an unknown hire date is not', () => {
    const ctx = testCtx();
    addRep(ctx, 'Nia', 100000, '2026-10-01'); // Oct 1 -> Nov 24 = 31 + 23 = 54 days < 90
    addRep(ctx, 'Unk', 100000, null);
    const ms = repMetrics(ctx.db, AS_OF);
    expect(byName(ms, 'Nia').diagnosis.kind).toBe('new_hire');
    expect(byName(ms, 'Nia').diagnosis.evidence[0]).toBe('Hired 54 days ago (new-hire period: 90 days).');
    expect(byName(ms, 'Unk').diagnosis.kind).toBe('no_data');
  });
});

/**
 * Ana (quota 100,000): a1 40,000 won 2026-10-01 (created Aug 1: 31 + 30 = 61 days), a2 10,000 lost,
 *   a3 60,000 open.  -> 1 won / 2 closed = 50%.
 * Ben (quota 50,000): b1 20,000 won 2026-07-31 (created Jul 1: 30 days, Q3), b2..b5 5,000 each lost,
 *   b6 25,000 open.  -> 1 won / 5 closed = 20%.
 * Cy (archived): one 1,000,000 win and an open deal; must not count anywhere.
 */
function teamScenario() {
  const ctx = testCtx();
  const ana = addRep(ctx, 'Ana', 100000);
  const ben = addRep(ctx, 'Ben', 50000);
  const cy = addRep(ctx, 'Cy', 100000);
  close(ctx, addDeal(ctx, ana, 'a1', 40000, '2026-08-01'), 'won', '2026-10-01');
  close(ctx, addDeal(ctx, ana, 'a2', 10000, '2026-08-01'), 'lost', '2026-09-15');
  addDeal(ctx, ana, 'a3', 60000, '2026-11-10');
  close(ctx, addDeal(ctx, ben, 'b1', 20000, '2026-07-01'), 'won', '2026-07-31');
  for (const n of ['b2', 'b3', 'b4', 'b5']) close(ctx, addDeal(ctx, ben, n, 5000, '2026-07-01'), 'lost', '2026-08-01');
  addDeal(ctx, ben, 'b6', 25000, '2026-11-01');
  close(ctx, addDeal(ctx, cy, 'c1', 1000000, '2026-09-01'), 'won', '2026-10-05');
  addDeal(ctx, cy, 'c2', 500000, '2026-11-20');
  v(dispatch(ctx, 'reps.archive', { id: cy }));
  return { ctx, ana, ben, cy };
}

describe('teamMetrics (metrics.team)', () => {
  it('sets required coverage per rep from each rep’s own win rate', () => {
    const { ctx } = teamScenario();
    const ms = v<RepMetrics[]>(dispatch(ctx, 'metrics.list', {}));
    expect(ms.map((m) => m.name)).toEqual(['Ana', 'Ben']); // Cy is archived
    const ana = byName(ms, 'Ana');
    const ben = byName(ms, 'Ben');
    expect(ana.winRate).toBeCloseTo(0.5, 10); // 1 / 2
    expect(ana.needs.requiredCoverage).toBeCloseTo(2, 10); // 1 / 0.5
    expect(ben.winRate).toBeCloseTo(0.2, 10); // 1 / 5
    expect(ben.needs.requiredCoverage).toBeCloseTo(5, 10); // 1 / 0.2
    expect(ben.winRateByValue).toBeCloseTo(0.5, 10); // 20,000 / (20,000 + 4 x 5,000)
    expect(ana.actualCoverage).toBeCloseTo(1, 10); // 60,000 open / (100,000 - 40,000)
    expect(ben.actualCoverage).toBeCloseTo(0.5, 10); // 25,000 open / (50,000 - 0)
    // Activity is judged at the better of the rep's and the team's win rate (2 / 7 = 0.2857):
    // Ana: 100,000 / 40,000 / max(0.5, 0.2857) = 5 a quarter / 13.142857 weeks = 0.3804
    // Ben: 50,000 / 20,000 / max(0.2, 0.2857) = 8.75 a quarter / 13.142857 weeks = 0.6658
    expect(ana.neededOppsPerWeek).toBeCloseTo(5 / WEEKS_IN_Q4, 10);
    expect(ben.neededOppsPerWeek).toBeCloseTo(8.75 / WEEKS_IN_Q4, 10);
    // Asking for Ben alone still uses the whole team's win rate as the yardstick
    expect(repMetrics(ctx.db, AS_OF, ben.repId)).toEqual([ben]);
  });

  it('sums the team from counts (not averaged rates) and leaves archived reps out', () => {
    const { ctx } = teamScenario();
    const t = v(dispatch(ctx, 'metrics.team', {}));
    expect(t).toMatchObject({
      asOf: AS_OF,
      windowStart: '2025-11-25',
      period: { kind: 'quarter', start: '2026-10-01', end: '2026-12-31', label: 'Q4 2026' },
      currency: 'USD',
      neglectDays: 21,
    });
    expect(t.reps.map((r: RepMetrics) => r.name)).toEqual(['Ana', 'Ben']);
    const team: RepMetrics = t.team;
    expect(team).toMatchObject({
      name: 'Team',
      quota: 150000, // 100,000 + 50,000 (Cy's 100,000 left out)
      wonCount: 2, // a1 + b1
      lostCount: 5, // a2 + b2..b5
      wonValue: 60000, // 40,000 + 20,000 (not Cy's 1,000,000)
      lostValue: 30000, // 10,000 + 4 x 5,000
      openCount: 2, // a3, b6
      openValue: 85000, // 60,000 + 25,000
      wonThisPeriod: 40000, // a1 on Oct 1; b1 was Q3
      remainingQuota: 110000, // 150,000 - 40,000
    });
    expect(team.winRate).toBeCloseTo(2 / 7, 10); // 2 won / 7 closed = 0.2857, not (0.5 + 0.2) / 2 = 0.35
    expect(team.winRateByValue).toBeCloseTo(2 / 3, 10); // 60,000 / 90,000
    expect(team.avgWonDealSize).toBeCloseTo(30000, 6); // 60,000 / 2
    expect(team.avgCycleDays).toBeCloseTo(45.5, 10); // (61 + 30) / 2
    expect(team.attainment).toBeCloseTo(40000 / 150000, 10); // 0.2667
    expect(team.actualCoverage).toBeCloseTo(85000 / 110000, 10); // 0.7727
    expect(team.needs.requiredCoverage).toBeCloseTo(3.5, 10); // 1 / (2/7)
    expect(t.neglect.map((n: { name: string }) => n.name).sort()).toEqual(['Ana', 'Ben']);
    expect(nonFinite(t)).toEqual([]);
  });

  it('has no NaN or Infinity with an empty team, or reps without any deals', () => {
    const ctx = testCtx();
    const empty = v(dispatch(ctx, 'metrics.team', {}));
    expect(empty.reps).toEqual([]);
    expect(empty.team).toMatchObject({ winRate: null, attainment: null, actualCoverage: null });
    expect(nonFinite(empty)).toEqual([]);
    addRep(ctx, 'Zero', 0);
    addRep(ctx, 'Quota', 80000);
    const t = v(dispatch(ctx, 'metrics.team', {}));
    expect(t.reps.map((r: RepMetrics) => [r.name, r.winRate, r.attainment, r.actualCoverage])).toEqual([
      ['Quota', null, 0, 0], // 0 / 80,000 won; 0 open / 80,000 remaining
      ['Zero', null, null, null], // quota 0: nothing to attain or cover
    ]);
    expect(nonFinite(t)).toEqual([]);
  });
});

describe('neglectRadar', () => {
  it('orders the most neglected first, counts closed one-on-ones, notes and deal reviews, marks the top performer', () => {
    const ctx = testCtx();
    const ana = addRep(ctx, 'Ana');
    const ben = addRep(ctx, 'Ben');
    addRep(ctx, 'Cy');
    const di = addRep(ctx, 'Di');
    const eve = addRep(ctx, 'Eve');
    close(ctx, addDeal(ctx, ana, 'aw', 20000, '2026-09-01'), 'won', '2026-10-01');
    close(ctx, addDeal(ctx, ben, 'bw', 50000, '2026-09-01'), 'won', '2026-10-01'); // Ben: top by won value
    addOneOnOne(ctx, ana, '2026-11-20', 'closed'); // 4 days ago
    addOneOnOne(ctx, ana, '2026-11-23', 'planned'); // planned, not held: does not count
    addNote(ctx, ana, '2026-10-01', 'observation');
    addNote(ctx, ben, '2026-10-25', 'deal_review'); // 30 days ago (Oct 25 -> Nov 24)
    addNote(ctx, ben, '2026-10-20', 'observation');
    addOneOnOne(ctx, ben, '2026-12-01', 'closed'); // after the as-of date: does not count
    addNote(ctx, di, '2026-11-14', 'feedback'); // 10 days ago
    addNote(ctx, di, '2026-11-25', 'ride_along'); // after the as-of date
    addOneOnOne(ctx, eve, '2025-01-01', 'closed');
    v(dispatch(ctx, 'reps.archive', { id: eve }));

    const n = v(dispatch(ctx, 'metrics.team', {})).neglect;
    expect(n).toEqual([
      // Cy: never met, coached or reviewed -> most neglected
      { repId: expect.any(Number), name: 'Cy', lastOneOnOne: null, lastNote: null, lastDealReview: null, lastTouch: null, daysSince: null, isTopPerformer: false },
      // Ben: the top performer is neglected too (30 days)
      { repId: ben, name: 'Ben', lastOneOnOne: null, lastNote: '2026-10-20', lastDealReview: '2026-10-25', lastTouch: '2026-10-25', daysSince: 30, isTopPerformer: true },
      { repId: di, name: 'Di', lastOneOnOne: null, lastNote: '2026-11-14', lastDealReview: null, lastTouch: '2026-11-14', daysSince: 10, isTopPerformer: false },
      { repId: ana, name: 'Ana', lastOneOnOne: '2026-11-20', lastNote: '2026-10-01', lastDealReview: null, lastTouch: '2026-11-20', daysSince: 4, isTopPerformer: false },
    ]); // Eve is archived: not listed
  });
});

/**
 * Pipeline flags use each rep's own baseline. Ana won one 20,000 deal in 30 days
 * (Aug 1 -> Aug 31); Ben one 20,000 deal in 120 days (Jan 1 -> May 1: 31 + 28 + 31 + 30).
 * Each has an open 30,000 deal created 2026-09-01: 84 days old (Sep 30 + Oct 31 + 23).
 */
describe('pipeline (pipeline.open)', () => {
  function scenario() {
    const ctx = testCtx();
    const ana = addRep(ctx, 'Ana');
    const ben = addRep(ctx, 'Ben');
    const cy = addRep(ctx, 'Cy');
    close(ctx, addDeal(ctx, ana, 'aw', 20000, '2026-08-01'), 'won', '2026-08-31');
    close(ctx, addDeal(ctx, ben, 'bw', 20000, '2026-01-01'), 'won', '2026-05-01');
    const open = { expectedCloseDate: '2026-12-20', lastActivityDate: '2026-11-20' };
    const ao = addDeal(ctx, ana, 'ao', 30000, '2026-09-01', open);
    const bo = addDeal(ctx, ben, 'bo', 30000, '2026-09-01', open);
    addStakeholder(ctx, ao, 'Dana', 'decision_maker');
    addStakeholder(ctx, ao, 'Chad', 'champion');
    addDeal(ctx, cy, 'co', 30000, '2026-09-01', open);
    v(dispatch(ctx, 'reps.archive', { id: cy }));
    return { ctx, ana, ben, ao, bo };
  }

  it('flags the same deal age too_old for one rep and not the other', () => {
    const { ctx, ana, ben, ao, bo } = scenario();
    const p = v(dispatch(ctx, 'pipeline.open', {}));
    expect(p.asOf).toBe(AS_OF);
    expect(p.stages).toEqual(DEFAULT_SETTINGS.stages);
    expect(p.deals.map((d: { name: string }) => d.name)).toEqual(['ao', 'bo']); // Cy's deal: archived rep
    const [a, b] = p.deals;
    expect(a).toMatchObject({ id: ao, repId: ana, repName: 'Ana', accountName: 'ao Co', amount: 30000, ageDays: 84, daysInStage: 84 });
    expect(b).toMatchObject({ id: bo, repId: ben, repName: 'Ben', ageDays: 84 });
    // The full rows (rep page, CLI) carry the facts behind the flags too.
    const [fa, fb] = pipeline(ctx.db, AS_OF).deals;
    expect(fa).toMatchObject({ id: ao, stakeholderCount: 2, closeDateChanges: 0 });
    expect(fb).toMatchObject({ id: bo, stakeholderCount: 0, stakeholdersTracked: false });
    // Ana: 84 > 2 x 30 -> too old; 84 days in Proposal > 30 -> stuck; DM + champion recorded
    // The list carries codes only; the full wording comes per deal (deals.flags) or from pipeline().
    expect(a.flags).toEqual(['too_old', 'stuck_in_stage']);
    // Ben: 84 < 2 x 120 -> not too old; stuck. He has no stakeholder recorded on any open deal, so
    // stakeholder flags are "not tracked yet" for him rather than raised on every deal.
    expect(b.flags).toEqual(['stuck_in_stage']);
    expect(p.untrackedReps).toEqual(['Ben']);
    // Ranked by attention: Ana's two info flags (1 + 1 points) outrank Ben's one.
    expect(p.deals.map((d: { attention: number }) => d.attention)).toEqual([4, 2]);
    // 30,000 < 3 x 20,000 for both: no outlier
    for (const d of pipeline(ctx.db, AS_OF).deals) for (const f of d.flags) expect(f.question).toMatch(/^How do you know/);
    const aFlags = v(dispatch(ctx, 'deals.flags', { id: ao }));
    expect(aFlags.map((f: { code: string }) => f.code)).toEqual(a.flags);
    expect(aFlags[0].reason).toBe("84 days old, more than 2x the rep's average sales cycle of 30 days.");
    // A deal that is not open has no flags; an unknown deal is not found.
    expect(v(dispatch(ctx, 'deals.flags', { id: bo, asOf: '2026-01-01' }))).toEqual([]);
    expect(dispatch(ctx, 'deals.flags', { id: 99999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('filters by rep and flags an outlier against that rep’s average won deal', () => {
    const { ctx, ben } = scenario();
    addDeal(ctx, ben, 'big', 60000.01, '2026-11-20', { expectedCloseDate: '2026-12-30', lastActivityDate: '2026-11-22' });
    const p = v(dispatch(ctx, 'pipeline.open', { repId: ben }));
    // 60,000.01 > 3 x 20,000; 4 days old and in stage; Ben's stakeholders are not tracked.
    // Attention: big: 1 info point x (1 + 0.6) x (1 + (90 - 36) / 90 = 1.6) = 2.56 -> 3;
    // bo: 1 x (1 + 0.3) x (1 + (90 - 26) / 90) = 1.3 x 1.711 = 2.22 -> 2.
    expect(p.deals.map((d: { name: string }) => d.name)).toEqual(['big', 'bo']);
    expect(p.deals[0].flags).toEqual(['amount_outlier']);
    expect(p.deals.map((d: { attention: number }) => d.attention)).toEqual([3, 2]);
  });

  it('raises no too_old or outlier flag for a rep with no won deals in the window', () => {
    const ctx = testCtx();
    const nob = addRep(ctx, 'Nob');
    addDeal(ctx, nob, 'ancient', 9e6, '2024-01-01', { expectedCloseDate: '2026-12-31', lastActivityDate: '2026-11-23', stage: 'Negotiation' });
    const [d] = pipeline(ctx.db, AS_OF).deals;
    expect(d?.ageDays).toBe(1058); // 2024-01-01 -> 2026-11-24: 366 + 365 + 327 (Nov 24 is day 328 of 2026)
    // 9,000,000 in Negotiation with no value-proposition check: also a value-prop gap. No stakeholder
    // recorded on any of Nob's deals: stakeholder flags are not tracked yet.
    expect(d?.flags.map((f) => f.code)).toEqual(['stuck_in_stage', 'value_prop_gap']);
    expect(d?.flags.map((f) => f.severity)).toEqual(['warning', 'warning']); // big and late
  });

  it('as of a past date shows the pipeline as it stood: closed-later deals in, later-created deals out', () => {
    const { ctx, ids } = anaScenario();
    const p = pipeline(ctx.db, '2026-10-31');
    // Open on Oct 31: w3 (won only on Nov 20) and o1. o2 is created on Nov 20.
    expect(p.deals.map((d) => d.name).sort()).toEqual(['o1', 'w3']);
    expect(p.deals.every((d) => d.ageDays >= 0)).toBe(true);
    expect(p.deals.map((d) => d.id)).not.toContain(ids.o2);
  });
});

describe('weeklyReview (pipeline.weekly)', () => {
  it('lists deals created in the 7 days ending as-of, a rep with none, and stage / close-date changes in that window', () => {
    const ctx = testCtx();
    const ana = addRep(ctx, 'Ana');
    const ben = addRep(ctx, 'Ben');
    const cy = addRep(ctx, 'Cy');
    // since = 2026-11-17; the window is Nov 18 .. Nov 24
    addDeal(ctx, ana, 'A1', 1000, '2026-11-17'); // exactly 7 days before: last week's
    const a2 = addDeal(ctx, ana, 'A2', 12000, '2026-11-18', { stage: 'Prospecting' });
    const a3 = addDeal(ctx, ana, 'A3', 8000.5, '2026-11-24', { stage: 'Qualification' });
    addDeal(ctx, ana, 'A5', 1000, '2026-11-25'); // after the as-of date
    const a4Input = dealInput(ana, 'A4', 50000, '2026-09-01', { stage: 'Prospecting', expectedCloseDate: '2026-12-01' });
    const a4 = addDeal(ctx, ana, 'A4', 50000, '2026-09-01', { stage: 'Prospecting', expectedCloseDate: '2026-12-01' });
    ctx.clock = fixedClock('2026-11-10'); // older than the window
    v(dispatch(ctx, 'deals.update', { ...a4Input, id: a4, stage: 'Discovery' }));
    ctx.clock = fixedClock('2026-11-20'); // inside: a stage move and a pushed close date
    v(dispatch(ctx, 'deals.update', { ...a4Input, id: a4, stage: 'Proposal', expectedCloseDate: '2026-12-31' }));

    const b1 = addDeal(ctx, ben, 'B1', 30000, '2026-08-01', { stage: 'Negotiation' });
    ctx.clock = fixedClock('2026-11-21'); // a deal cannot be closed on a future date
    close(ctx, b1, 'won', '2026-11-21'); // Negotiation -> Closed Won on Nov 21
    const b2Input = dealInput(ben, 'B2', 7000, '2026-10-01', { stage: 'Discovery', expectedCloseDate: '2026-12-01' });
    const b2 = addDeal(ctx, ben, 'B2', 7000, '2026-10-01', { stage: 'Discovery', expectedCloseDate: '2026-12-01' });
    ctx.clock = fixedClock('2026-11-17'); // on "since": last week's
    v(dispatch(ctx, 'deals.update', { ...b2Input, id: b2, expectedCloseDate: '2027-01-15' }));
    ctx.clock = fixedClock('2026-11-24'); // on the as-of day: this week's
    v(dispatch(ctx, 'deals.update', { ...b2Input, id: b2, stage: 'Proposal', expectedCloseDate: '2027-01-15' }));

    addDeal(ctx, cy, 'C1', 5000, '2026-11-20');
    v(dispatch(ctx, 'reps.archive', { id: cy }));

    const w = v(dispatch(ctx, 'pipeline.weekly', {}));
    expect(w.asOf).toBe(AS_OF);
    expect(w.since).toBe('2026-11-17'); // Nov 24 - 7
    expect(w.reps.map((r: { name: string }) => r.name)).toEqual(['Ana', 'Ben']); // Cy archived
    const [A, B] = w.reps;
    expect(A.newDeals).toEqual([
      { id: a2, name: 'A2', accountName: 'A2 Co', amount: 12000, stage: 'Prospecting', createdDate: '2026-11-18' },
      { id: a3, name: 'A3', accountName: 'A3 Co', amount: 8000.5, stage: 'Qualification', createdDate: '2026-11-24' },
    ]);
    // Not the Nov 10 move, not the creation rows of A2 / A3 (from_stage null)
    const sortKind = (cs: { kind: string }[]) => [...cs].sort((x, y) => x.kind.localeCompare(y.kind));
    expect(sortKind(A.changes)).toEqual([
      { dealId: a4, dealName: 'A4', accountName: 'A4 Co', amount: 50000, kind: 'close_date', from: '2026-12-01', to: '2026-12-31', changedOn: '2026-11-20' },
      { dealId: a4, dealName: 'A4', accountName: 'A4 Co', amount: 50000, kind: 'stage', from: 'Discovery', to: 'Proposal', changedOn: '2026-11-20' },
    ]);
    // Ben created nothing this week: the first sign of an activity problem
    expect(B.newDeals).toEqual([]);
    expect(B.changes).toEqual([
      { dealId: b1, dealName: 'B1', accountName: 'B1 Co', amount: 30000, kind: 'stage', from: 'Negotiation', to: 'Closed Won', changedOn: '2026-11-21' },
      { dealId: b2, dealName: 'B2', accountName: 'B2 Co', amount: 7000, kind: 'stage', from: 'Discovery', to: 'Proposal', changedOn: '2026-11-24' },
    ]); // B2's close-date change on Nov 17 is last week's
    expect(weeklyReview(ctx.db, AS_OF)).toEqual(w);
  });

  it('reads history rows with their own dates (direct INSERT), inside the window only', () => {
    const ctx = testCtx();
    const ana = addRep(ctx, 'Ana');
    const d = addDeal(ctx, ana, 'D', 1000, '2026-01-01');
    const ins = ctx.db.prepare(`INSERT INTO deal_stage_history (deal_id, from_stage, to_stage, changed_on, recorded_at) VALUES (?, ?, ?, ?, 'x')`);
    ins.run(d, 'Proposal', 'Negotiation', '2026-11-17'); // since: out
    ins.run(d, 'Negotiation', 'Proposal', '2026-11-18'); // first day: in
    ctx.db
      .prepare(`INSERT INTO deal_close_date_changes (deal_id, from_date, to_date, changed_on, recorded_at) VALUES (?, ?, ?, ?, 'x')`)
      .run(d, '2026-11-30', null, '2026-11-25'); // after the as-of date: out
    const [rep] = weeklyReview(ctx.db, AS_OF).reps;
    expect(rep?.newDeals).toEqual([]);
    expect(rep?.changes.map((c) => [c.kind, c.from, c.to, c.changedOn])).toEqual([['stage', 'Negotiation', 'Proposal', '2026-11-18']]);
  });
});

describe('repDashboard (metrics.rep)', () => {
  it('returns the rep’s numbers, the what-if inputs and only the flagged deals', () => {
    const ctx = testCtx();
    const ana = addRep(ctx, 'Ana');
    close(ctx, addDeal(ctx, ana, 'aw', 20000, '2026-08-01'), 'won', '2026-08-31'); // 30-day cycle, avg 20,000
    const healthy = { expectedCloseDate: '2026-12-20', lastActivityDate: '2026-11-22' };
    const c1 = addDeal(ctx, ana, 'c1', 15000, '2026-11-20', healthy); // 4 days old, healthy
    const f1 = addDeal(ctx, ana, 'f1', 15000, '2026-11-01', { expectedCloseDate: '2026-11-10', lastActivityDate: '2026-11-20' }); // 14 days late
    const f2Input = dealInput(ana, 'f2', 15000, '2026-11-01', { expectedCloseDate: '2026-12-01', lastActivityDate: '2026-11-20' });
    const f2 = addDeal(ctx, ana, 'f2', 15000, '2026-11-01', { expectedCloseDate: '2026-12-01', lastActivityDate: '2026-11-20' });
    ctx.clock = fixedClock('2026-11-05');
    v(dispatch(ctx, 'deals.update', { ...f2Input, id: f2, expectedCloseDate: '2026-12-10' }));
    ctx.clock = fixedClock('2026-11-12');
    v(dispatch(ctx, 'deals.update', { ...f2Input, id: f2, expectedCloseDate: '2026-12-20' })); // pushed twice
    ctx.clock = fixedClock(AS_OF);
    for (const d of [c1, f1, f2]) {
      addStakeholder(ctx, d, `DM ${d}`, 'decision_maker');
      addStakeholder(ctx, d, `Champ ${d}`, 'champion');
    }

    const dash = v(dispatch(ctx, 'metrics.rep', { repId: ana }));
    expect(dash).toMatchObject({
      asOf: AS_OF,
      period: { start: '2026-10-01', end: '2026-12-31' },
      daysLeftInPeriod: 38, // Nov 24 .. Dec 31 counting today
      prospectsPerOpp: 10,
      metrics: { repId: ana, name: 'Ana', wonCount: 1, lostCount: 0, openCount: 3, openValue: 45000, wonThisPeriod: 0 }, // aw was Q3
    });
    expect(dash.metrics.avgWonDealSize).toBeCloseTo(20000, 6);
    expect(dash.metrics.avgCycleDays).toBeCloseTo(30, 10);
    // c1 is clean; f1 is past its close date; f2 moved twice. All 23 days or less old (< 60), 45,000 open.
    // Ranked by attention: f1 critical (10 points, late stage) x (1 + 0.15) x (1 + 1, overdue) = 23;
    // f2 info (1) x 1.15 x (1 + (90 - 26) / 90) = 1.97 -> 2; c1 no flags = 0.
    expect(dash.ranked.map((d: { name: string; attention: number }) => [d.name, d.attention])).toEqual([
      ['f1', 23],
      ['f2', 2],
      ['c1', 0],
    ]);
    expect(dash.needsAttention.map((d: { name: string; flags: { code: string }[] }) => [d.name, d.flags.map((f) => f.code)])).toEqual([
      ['f1', ['close_date_past']],
      ['f2', ['close_date_pushed']],
    ]);
    expect(dash.needsAttention[0].flags[0].reason).toMatch(/14 days ago\.$/); // Nov 10 -> Nov 24
    expect(dash.needsAttention[0].reason).toBe('Critical: Close date passed · $15,000 · 14 days overdue');
    expect(dash.needsAttention[1].closeDateChanges).toBe(2);
    expect(repDashboard(ctx.db, ana, AS_OF)).toEqual(dash);
    expect(nonFinite(dash)).toEqual([]);
  });

  it('refuses an archived or unknown rep', () => {
    const ctx = testCtx();
    const old = addRep(ctx, 'Old');
    v(dispatch(ctx, 'reps.archive', { id: old }));
    expect(dispatch(ctx, 'metrics.rep', { repId: old })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(dispatch(ctx, 'metrics.rep', { repId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('dispatch input checks', () => {
  it('rejects an impossible as-of date on every metrics call, naming the field', () => {
    const ctx = testCtx();
    const ana = addRep(ctx, 'Ana');
    const bad = '2026-02-30';
    for (const [name, input] of [
      ['metrics.team', { asOf: bad }],
      ['metrics.list', { asOf: bad }],
      ['metrics.rep', { repId: ana, asOf: bad }],
      ['pipeline.open', { asOf: bad }],
      ['pipeline.weekly', { asOf: bad }],
    ] as const) {
      expect(dispatch(ctx, name, input), name).toMatchObject({ ok: false, error: { code: 'invalid', field: 'asOf' } });
    }
  });
});
