import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { fixedClock } from '../../electron/core/clock';
import type { Ctx } from '../../electron/core/context';
import { periodSums } from '../../electron/core/repos/development';
import {
  checkinDates,
  driverValues,
  placeRep,
  planOutcome,
  shiftTheNumerator,
  explainShiftTheNumerator,
  suggestDrivers,
  topVsRest,
  type DriverValues,
  type RepDrivers,
} from '../../shared/domain/development';
import type { PlanView, TeamDevelopment } from '../../shared/schemas/development';
import type { PreparedAgenda } from '../../shared/schemas/oneOnOnes';
import { testCtx } from './helpers';

const rep = (repId: number, name: string, wonValue: number, v: (number | null)[]): RepDrivers => {
  const [win_rate, deal_size, cycle, new_opps, stakeholders, value_props, follow_through] = v as (number | null)[];
  return { repId, name, wonValue, values: { win_rate, deal_size, cycle, new_opps, stakeholders, value_props, follow_through } as DriverValues };
};

// Hand-worked team: A is the top 20 % (1 of 5).
const TEAM = [
  rep(1, 'A', 500, [0.5, 100, 30, 3, 4, 0.9, 1]),
  rep(2, 'B', 300, [0.4, 75, 40, 2, 3, 0.7, 0.8]),
  rep(3, 'C', 100, [0.2, 50, 60, 2, 2, 0.5, 0.5]),
  rep(4, 'D', 60, [0.25, 30, 50, 1, 1, 0.4, 0.6]),
  rep(5, 'E', 40, [0.1, 40, 80, 1, null, null, null]),
];

describe('top performers vs the rest (hand-worked)', () => {
  const t = topVsRest(TEAM, 0.2);

  it('splits by won value and gives each rep their share', () => {
    expect(t.topRepIds).toEqual([1]);
    expect(t.topShareOfValue).toBe(0.5);
    expect(t.shares.map((s) => [s.name, s.share, s.top])).toEqual([
      ['A', 0.5, true], ['B', 0.3, false], ['C', 0.1, false], ['D', 0.06, false], ['E', 0.04, false],
    ]);
  });

  it('compares the groups driver by driver, ignoring reps without data, cycle the other way round', () => {
    const g = Object.fromEntries(t.drivers.map((d) => [d.driver, d]));
    expect(g.win_rate!.rest).toBeCloseTo(0.2375, 10);
    expect(g.win_rate!.gap).toBeCloseTo(0.525, 10);
    expect(g.deal_size!.rest).toBeCloseTo(48.75, 10);
    expect(g.cycle!.rest).toBeCloseTo(57.5, 10);
    expect(g.cycle!.gap).toBeCloseTo(27.5 / 30, 10); // the rest take 92 % longer
    expect(g.stakeholders!.rest).toBeCloseTo(2, 10); // E has no stakeholder data
    expect(g.value_props!.gap).toBeCloseTo((0.9 - 1.6 / 3) / 0.9, 10);
    expect(g.follow_through!.gap).toBeCloseTo(1 - 1.9 / 3, 10);
    expect(t.focus).toEqual(['cycle', 'win_rate']);
  });

  it('shifts the numerator: the team had the rest matched the top group, and half of it', () => {
    expect(shiftTheNumerator(t)).toEqual({ current: 1000, ifRestMatchedTop: 2500, ifHalfTheGap: 1750, multiple: 2.5, perTopRep: 500, restCount: 4 });
    // A rep already above the top group's average is not counted down.
    const two = topVsRest([rep(1, 'A', 900, [null, null, null, null, null, null, null]), rep(2, 'B', 100, []), rep(3, 'C', 600, [])], 0.2);
    expect(shiftTheNumerator(two)).toEqual({ current: 1600, ifRestMatchedTop: 2700, ifHalfTheGap: 2150, multiple: 2700 / 1600, perTopRep: 900, restCount: 2 });
  });

  it('explains shifting the numerator in plain words, with the bar per rep and how many reps it lifts', () => {
    const money = (n: number) => `$${n}`;
    expect(explainShiftTheNumerator(shiftTheNumerator(t), money)).toBe(
      'Instead of accepting that a few reps bring in most of the sales, raise what the others win. In this period the top group won $500 per rep. ' +
        'Had each of the other 4 reps won at least that much (a rep already above it counts as they are), the team would have won $2500 instead of $1000, 2.5 times as much. ' +
        'Closing half of that gap is worth $1750.',
    );
    // One other rep: "1 rep"; no wins at all: nothing to compare.
    const one = topVsRest([rep(1, 'A', 300, []), rep(2, 'B', 100, [])], 0.2);
    expect(explainShiftTheNumerator(shiftTheNumerator(one), money)).toContain('Had the one other rep won at least that much');
    const none = topVsRest([rep(1, 'A', 0, []), rep(2, 'B', 0, [])], 0.2);
    expect(explainShiftTheNumerator(shiftTheNumerator(none), money)).toMatch(/not enough reps with wins/);
  });

  it('suggests the two drivers where a rep trails the top group most', () => {
    expect(suggestDrivers(TEAM[2]!, t)).toEqual(['cycle', 'win_rate']);
    expect(suggestDrivers(TEAM[0]!, t)).toEqual([]);
  });

  it('handles tiny teams: one rep is the top group, two reps split one and one', () => {
    expect(topVsRest([TEAM[0]!]).topRepIds).toEqual([1]);
    expect(topVsRest(TEAM.slice(0, 2)).topRepIds).toEqual([1]);
    expect(topVsRest([]).topShareOfValue).toBeNull();
  });
});

describe('talent and effort', () => {
  it('places reps against the team medians (new opps 2; win rate 25 %; deal size 50)', () => {
    expect(placeRep(TEAM[1]!, TEAM)).toMatchObject({ quadrant: 'talent_and_effort', effort: 1, effectiveness: 1.55 });
    expect(placeRep(TEAM[2]!, TEAM)).toMatchObject({ quadrant: 'effort_learning', effort: 1, effectiveness: 0.9 });
    expect(placeRep(TEAM[3]!, TEAM)).toMatchObject({ quadrant: 'neither', effort: 0.5 });
    const talented = rep(6, 'F', 200, [0.6, 90, 40, 1, 2, 0.8, 0.9]);
    expect(placeRep(talented, [...TEAM, talented]).quadrant).toBe('talent_not_effort');
    expect(placeRep(rep(7, 'New', 0, [null, null, null, 0.5, null, null, null]), TEAM)).toMatchObject({ quadrant: null, reason: expect.stringMatching(/Not enough data/) });
  });
});

describe('development plans: outcome and check-ins', () => {
  it('judges the metric in its good direction, within 5 % is flat', () => {
    expect(planOutcome('win_rate', 0.2, 0.25)).toBe('improved');
    expect(planOutcome('win_rate', 0.2, 0.15)).toBe('declined');
    expect(planOutcome('cycle', 60, 57)).toBe('flat');
    expect(planOutcome('cycle', 60, 50)).toBe('improved');
    expect(planOutcome('new_opps', 0, 1)).toBe('improved');
    expect(planOutcome('deal_size', null, 10)).toBe('no_data');
    expect(planOutcome('win_rate', 0.2, 0.5, 13)).toBe('too_early'); // before the first check-in
    expect(planOutcome('win_rate', 0.2, 0.5, 14)).toBe('improved');
  });

  it('checks in every two weeks and on the last day', () => {
    expect(checkinDates('2026-11-24', '2027-01-23')).toEqual(['2026-12-08', '2026-12-22', '2027-01-05', '2027-01-19', '2027-01-23']);
  });
});

const ok = <T>(ctx: Ctx, name: string, input: unknown): T => {
  const r = dispatch(ctx, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
};

/** Ann: won 10k (cycle 60) and 30k (cycle 30), lost one, one open; Bo: one loss. */
function seed(ctx: Ctx) {
  const ann = ok<{ id: number }>(ctx, 'reps.create', { name: 'Ann', role: 'field', quota: 100000 }).id;
  const bo = ok<{ id: number }>(ctx, 'reps.create', { name: 'Bo', role: 'field', quota: 100000 }).id;
  const deal = (repId: number, name: string, amount: number, createdDate: string) =>
    ok<{ id: number }>(ctx, 'deals.create', { repId, accountName: `${name} Inc`, name, stage: 'Discovery', amount, createdDate }).id;
  const close = (id: number, outcome: 'won' | 'lost', closedDate: string) => ok(ctx, 'deals.close', { id, outcome, closedDate });
  const w1 = deal(ann, 'W1', 10000, '2026-08-01');
  close(w1, 'won', '2026-09-30');
  close(deal(ann, 'W2', 30000, '2026-10-01'), 'won', '2026-10-31');
  close(deal(ann, 'L1', 5000, '2026-08-15'), 'lost', '2026-10-15');
  const open = deal(ann, 'O1', 20000, '2026-11-01');
  close(deal(bo, 'L2', 8000, '2026-07-01'), 'lost', '2026-09-15');
  for (const [dealId, name] of [[open, 'Pat'], [open, 'Lee'], [w1, 'Kim']] as const) ok(ctx, 'stakeholders.add', { dealId, name, role: 'influencer' });
  const results = { different: 'pass', compelling: 'pass', tailored: 'pass', measurable: 'pass', time_bound: 'pass', memorable: 'partial', defendable: 'fail' };
  ok(ctx, 'valueProps.assess', { dealId: open, assessedOn: '2026-11-10', statement: 'Halve planning time', results: Object.fromEntries(Object.entries(results).map(([k, r]) => [k, { result: r }])) });
  const early = { ...ctx, clock: fixedClock('2026-10-01') }; // promises made in the past
  const c1 = ok<{ id: number }>(early, 'commitments.create', { repId: ann, owner: 'rep', text: 'Send the ROI model', dueDate: '2026-10-10' }).id;
  const c2 = ok<{ id: number }>(early, 'commitments.create', { repId: ann, owner: 'rep', text: 'Map Globex', dueDate: '2026-10-20' }).id;
  ok(ctx, 'commitments.setStatus', { id: c1, status: 'done', on: '2026-10-09' });
  ok(ctx, 'commitments.setStatus', { id: c2, status: 'done', on: '2026-10-25' });
  return { ann, bo };
}

describe('development in the store', () => {
  it('sums every driver per rep over the period in SQL', () => {
    const ctx = testCtx();
    const { ann } = seed(ctx);
    const [a, b] = periodSums(ctx.db, '2026-09-01', '2026-11-24').map(driverValues);
    expect(a!.repId).toBe(ann);
    expect(a!.wonValue).toBe(40000);
    expect(a!.values.win_rate).toBeCloseTo(2 / 3, 10);
    expect(a!.values.deal_size).toBe(20000);
    expect(a!.values.cycle).toBe(45);
    expect(a!.values.new_opps).toBeCloseTo((2 / 85) * 7, 10); // W2 and O1 created in the 85 days
    expect(a!.values.stakeholders).toBe(1.5);
    expect(a!.values.value_props).toBeCloseTo(5.5 / 7, 10);
    expect(a!.values.follow_through).toBe(0.5);
    expect(b!.values).toMatchObject({ win_rate: 0, deal_size: null, cycle: null, stakeholders: null, follow_through: null });
  });

  it('serves the Development screen and refuses a second plan, a short plan or a metric outside the drivers', () => {
    const ctx = testCtx();
    const { ann } = seed(ctx);
    const t = ok<TeamDevelopment>(ctx, 'development.team', { from: '2026-09-01' });
    expect(t.to).toBe('2026-11-24');
    expect(t.comparison.topRepIds).toEqual([ann]);
    expect(t.projection).toMatchObject({ current: 40000, ifRestMatchedTop: 80000 });
    expect(dispatch(ctx, 'development.startPlan', { repId: ann, drivers: ['win_rate'], metric: 'win_rate', startDate: '2026-11-24', lengthDays: 30 })).toMatchObject({
      ok: false,
      error: { field: 'lengthDays', message: expect.stringMatching(/at least 60 days/) },
    });
    expect(dispatch(ctx, 'development.startPlan', { repId: ann, drivers: ['win_rate', 'cycle'], metric: 'deal_size', startDate: '2026-11-24' })).toMatchObject({
      ok: false,
      error: { field: 'metric' },
    });
    expect(dispatch(ctx, 'development.startPlan', { repId: ann, drivers: ['a', 'b', 'c'], metric: 'a', startDate: '2026-11-24' })).toMatchObject({ ok: false });
    ok(ctx, 'development.startPlan', { repId: ann, drivers: ['win_rate', 'stakeholders'], metric: 'win_rate', startDate: '2026-11-24' });
    expect(dispatch(ctx, 'development.startPlan', { repId: ann, drivers: ['cycle'], metric: 'cycle', startDate: '2026-11-24' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/^Ann already has a development plan running until 2027-01-23/) },
    });
  });

  it('a plan takes its baseline from the 60 days before it, shows on the next one-on-one agenda, and keeps its result when completed', () => {
    const ctx = testCtx();
    const { ann } = seed(ctx);
    // Baseline window 2026-09-25..2026-11-23: W1 (won 09-30), W2 (won 10-31), L1 (lost 10-15).
    const plan = ok<PlanView>(ctx, 'development.startPlan', { repId: ann, drivers: ['win_rate', 'stakeholders'], metric: 'win_rate', startDate: '2026-11-24', actions: 'Qualify out early; map two stakeholders per deal' });
    expect(plan).toMatchObject({ baseline: 2 / 3, startDate: '2026-11-24', endDate: '2027-01-23', day: 1, days: 60, status: 'active', outcome: 'too_early' });
    expect(plan.checkins).toHaveLength(5);

    const meeting = ok<{ id: number }>(ctx, 'oneOnOnes.schedule', { repId: ann, meetingDate: '2026-12-08' });
    const items = ok<PreparedAgenda>(ctx, 'oneOnOnes.prepare', { id: meeting.id, asOf: '2026-12-08' }).items;
    const dev = items.find((i) => i.sourceKind === 'development');
    expect(dev).toMatchObject({ title: 'Development check-in: win rate and stakeholders per deal (day 15 of 60)', sourceId: plan.id });
    expect(dev!.detail).toMatch(/^Win rate: 67\s?% before the plan, nothing to measure yet so far\. Check-in due/);

    const checked = ok<PlanView>(ctx, 'development.checkin', { planId: plan.id, note: 'Dropped two unqualified deals' });
    expect(checked.checkins[0]).toMatchObject({ doneOn: '2026-11-24', note: 'Dropped two unqualified deals' });
    expect(checked.nextCheckin?.dueDate).toBe('2026-12-22');
    const done = ok<PlanView>(ctx, 'development.closePlan', { planId: plan.id, status: 'stopped', note: 'Moved to a new territory' });
    expect(done).toMatchObject({ status: 'stopped', closedOn: '2026-11-24', resultNote: 'Moved to a new territory' });
    expect(ok<PlanView[]>(ctx, 'development.plans', { repId: ann })).toHaveLength(1);
    expect(ok<PreparedAgenda>(ctx, 'oneOnOnes.prepare', { id: meeting.id, asOf: '2026-12-08' }).items.some((i) => i.sourceKind === 'development')).toBe(false);
  });

  it('keeps the manager’s own placement beside the data’s, and clears it', () => {
    const ctx = testCtx();
    const { ann } = seed(ctx);
    ok(ctx, 'development.place', { repId: ann, quadrant: 'talent_not_effort', note: 'Wins when she works; Fridays go missing' });
    const row = ok<TeamDevelopment>(ctx, 'development.team', {}).reps.find((r) => r.repId === ann)!;
    expect(row.manager).toEqual({ quadrant: 'talent_not_effort', note: 'Wins when she works; Fridays go missing', placedOn: '2026-11-24' });
    ok(ctx, 'development.place', { repId: ann, quadrant: null, note: null });
    expect(ok<TeamDevelopment>(ctx, 'development.team', {}).reps.find((r) => r.repId === ann)!.manager).toBeNull();
    expect(dispatch(ctx, 'development.place', { repId: ann, quadrant: 'rockstar' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/one of the four quadrants/) } });
  });
});
