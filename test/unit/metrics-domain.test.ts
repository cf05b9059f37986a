/**
 * Pure pipeline math (shared/domain/metrics.ts), every expected number worked by hand.
 * domain.md sections 2-3: coverage per rep from that rep's own win rate, activity vs
 * effectiveness with the evidence, and no NaN / Infinity where data is missing.
 */
import { describe, expect, it } from 'vitest';
import {
  computeNeeds,
  computeRepMetrics,
  coverageStatus,
  safeDiv,
  slope,
  teamAggregates,
  type MetricsContext,
  type NeedsInput,
  type RepAggregates,
} from '../../shared/domain/metrics';
import { DEFAULT_SETTINGS } from '../../shared/schemas/team';

/** Paths of every number that is NaN/±Infinity and every string that prints one. */
function nonFinite(x: unknown, path = '$'): string[] {
  if (typeof x === 'number') return Number.isFinite(x) ? [] : [`${path}=${x}`];
  if (typeof x === 'string') return /NaN|Infinity/.test(x) ? [`${path}="${x}"`] : [];
  if (Array.isArray(x)) return x.flatMap((y, i) => nonFinite(y, `${path}[${i}]`));
  if (x !== null && typeof x === 'object') return Object.entries(x).flatMap(([k, y]) => nonFinite(y, `${path}.${k}`));
  return [];
}

const ones = (n: number) => new Array<number>(n).fill(1);
const zeros = (n: number) => new Array<number>(n).fill(0);

/**
 * "Ana": 3 won / 2 lost, won 60,000 / lost 90,000, 150 cycle days, quota 120,000,
 * 40,000 won this period, 80,000 open, one new opportunity every week for 12 weeks.
 */
const ana = (o: Partial<RepAggregates> = {}): RepAggregates => ({
  repId: 1,
  name: 'Ana',
  hireDate: '2024-01-01',
  quota: 120000,
  wonCount: 3,
  lostCount: 2,
  wonValue: 60000,
  lostValue: 90000,
  wonCycleDays: 150,
  cycleCount: o.wonCount ?? 3, // every won deal has a cycle unless a test says otherwise
  openCount: 4,
  openValue: 80000,
  wonThisPeriod: 40000,
  weeklyNewOpps: ones(12),
  ...o,
});

/** A 10-week period (round numbers), 38 days left, 1 prospect in 10 converts, long tenure. */
const ctx = (o: Partial<MetricsContext> = {}): MetricsContext => ({
  asOf: '2026-11-24',
  tenureDays: 400,
  daysLeftInPeriod: 38,
  weeksInPeriod: 10,
  prospectsPerOpp: 10,
  windowMonths: 12,
  thresholds: DEFAULT_SETTINGS.thresholds, // minWinRate 0.2, activityShare 0.8, newHireDays 90
  referenceWinRate: null,
  ...o,
});

describe('safeDiv', () => {
  it('divides only by a positive number', () => {
    expect(safeDiv(6, 3)).toBe(2);
    expect(safeDiv(0, 5)).toBe(0);
    expect(safeDiv(1, 0)).toBeNull();
    expect(safeDiv(0, 0)).toBeNull();
    expect(safeDiv(1, -1)).toBeNull();
  });
});

describe('slope (least squares against the index)', () => {
  it('is 1 for [1,2,3], 0 for a flat series, -1 for [3,2,1]', () => {
    expect(slope([1, 2, 3])).toBeCloseTo(1, 10);
    expect(slope([4, 4, 4, 4])).toBe(0);
    expect(slope([3, 2, 1])).toBeCloseTo(-1, 10);
  });

  it('fits a line through an uneven series', () => {
    // x = 0..3, mean x 1.5, mean y 1.5
    // num = (-1.5)(-1.5) + (-0.5)(-1.5) + (0.5)(-1.5) + (1.5)(4.5) = 2.25 + 0.75 - 0.75 + 6.75 = 9
    // den = 2.25 + 0.25 + 0.25 + 2.25 = 5  -> 9 / 5 = 1.8
    expect(slope([0, 0, 0, 6])).toBeCloseTo(1.8, 10);
  });

  it('is 0, not NaN, for fewer than two points', () => {
    expect(slope([])).toBe(0);
    expect(slope([7])).toBe(0);
  });
});

describe('computeNeeds', () => {
  const base: NeedsInput = {
    remainingQuota: 100000,
    winRate: 0.25,
    avgDealSize: 20000,
    cycleDays: 60,
    openValue: 150000,
    prospectsPerOpp: 10,
    daysLeft: 38,
  };

  it('turns remaining quota into coverage, deals, value, gap, opportunities and prospects', () => {
    const n = computeNeeds(base);
    expect(n.requiredCoverage).toBeCloseTo(4, 10); // 1 / 0.25 = 4x
    expect(n.winsNeeded).toBeCloseTo(5, 10); // 100,000 / 20,000 = 5 wins
    expect(n.dealsNeeded).toBeCloseTo(20, 10); // 100,000 / 20,000 / 0.25 = 20 deals
    expect(n.valueNeeded).toBeCloseTo(400000, 6); // 100,000 x 4 = 400,000 of pipeline
    expect(n.gapValue).toBeCloseTo(250000, 6); // 400,000 - 150,000 open = 250,000
    expect(n.oppsToAdd).toBe(13); // ceil(250,000 / 20,000 = 12.5) = 13
    expect(n.prospectsNeeded).toBe(130); // 13 x 10 prospects per opportunity
    expect(n.newOppsCanCloseThisPeriod).toBe(false); // 60-day cycle > 38 days left
  });

  it('sets required coverage from the win rate: 50% -> 2x, 20% -> 5x, 33% -> 3x', () => {
    expect(computeNeeds({ ...base, winRate: 0.5 }).requiredCoverage).toBeCloseTo(2, 10); // 1 / 0.5
    expect(computeNeeds({ ...base, winRate: 0.2 }).requiredCoverage).toBeCloseTo(5, 10); // 1 / 0.2
    expect(computeNeeds({ ...base, winRate: 1 / 3 }).requiredCoverage).toBeCloseTo(3, 10); // 1 / (1/3)
  });

  it('answers the what-if: at 40% instead of 25% the rep needs 7.5 fewer deals', () => {
    const at25 = computeNeeds(base).dealsNeeded!; // 100,000 / 20,000 / 0.25 = 20
    const at40 = computeNeeds({ ...base, winRate: 0.4 }).dealsNeeded!; // 100,000 / 20,000 / 0.4 = 12.5
    expect(at40).toBeCloseTo(12.5, 10);
    expect(at25 - at40).toBeCloseTo(7.5, 10);
    // value needed at 40%: 100,000 / 0.4 = 250,000; gap 250,000 - 150,000 = 100,000; 5 opps; 50 prospects
    expect(computeNeeds({ ...base, winRate: 0.4 })).toMatchObject({ oppsToAdd: 5, prospectsNeeded: 50 });
  });

  it('has no gap when the open pipeline already covers the need', () => {
    const n = computeNeeds({ ...base, openValue: 500000 }); // need 400,000, have 500,000
    expect(n.gapValue).toBe(0);
    expect(n.oppsToAdd).toBe(0);
    expect(n.prospectsNeeded).toBe(0);
  });

  it('rounds the prospecting target up for a fractional prospect ratio', () => {
    // gap 250,000 -> 13 opps; 13 x 2.5 = 32.5 -> 33 prospects
    expect(computeNeeds({ ...base, prospectsPerOpp: 2.5 }).prospectsNeeded).toBe(33);
  });

  it('says an opportunity opened today can close when the cycle fits the days left (boundary inclusive)', () => {
    expect(computeNeeds({ ...base, cycleDays: 38 }).newOppsCanCloseThisPeriod).toBe(true); // 38 <= 38
    expect(computeNeeds({ ...base, cycleDays: 39 }).newOppsCanCloseThisPeriod).toBe(false); // 39 > 38
    expect(computeNeeds({ ...base, cycleDays: null }).newOppsCanCloseThisPeriod).toBeNull();
  });

  it('returns null, never Infinity, when there is no win rate', () => {
    for (const winRate of [null, 0]) {
      const n = computeNeeds({ ...base, winRate });
      expect(n).toMatchObject({ requiredCoverage: null, dealsNeeded: null, valueNeeded: null, gapValue: null, oppsToAdd: null, prospectsNeeded: null });
      expect(n.winsNeeded).toBeCloseTo(5, 10); // wins needed does not depend on the win rate: 100,000 / 20,000
      expect(nonFinite(n)).toEqual([]);
    }
  });

  it('returns null counts when there is no average deal size, but still the value needed', () => {
    const n = computeNeeds({ ...base, avgDealSize: null });
    expect(n).toMatchObject({ winsNeeded: null, dealsNeeded: null, oppsToAdd: null, prospectsNeeded: null });
    expect(n.valueNeeded).toBeCloseTo(400000, 6); // 100,000 / 0.25
    expect(n.gapValue).toBeCloseTo(250000, 6);
    expect(nonFinite(n)).toEqual([]);
  });
});

describe('computeRepMetrics', () => {
  it('computes every rate and need from one rep’s own numbers', () => {
    const m = computeRepMetrics(ana(), ctx());
    expect(m.closedCount).toBe(5); // 3 won + 2 lost
    expect(m.winRate).toBeCloseTo(0.6, 10); // 3 / 5
    expect(m.winRateByValue).toBeCloseTo(0.4, 10); // 60,000 / (60,000 + 90,000)
    expect(m.avgWonDealSize).toBeCloseTo(20000, 6); // 60,000 / 3
    expect(m.avgCycleDays).toBeCloseTo(50, 10); // 150 days / 3 won
    expect(m.attainment).toBeCloseTo(1 / 3, 10); // 40,000 / 120,000
    expect(m.remainingQuota).toBe(80000); // 120,000 - 40,000
    expect(m.actualCoverage).toBeCloseTo(1, 10); // 80,000 open / 80,000 remaining
    expect(m.newOppsPerWeek).toBeCloseTo(1, 10); // 12 opps / 12 weeks
    expect(m.newOppsTrend).toBe(0); // flat series
    // quota 120,000 / 20,000 avg / 0.6 win rate = 10 opps a period; / 10 weeks = 1 a week
    expect(m.neededOppsPerWeek).toBeCloseTo(1, 10);
    expect(m.needs.requiredCoverage).toBeCloseTo(1.6667, 4); // 1 / 0.6
    expect(m.needs.winsNeeded).toBeCloseTo(4, 10); // 80,000 / 20,000
    expect(m.needs.dealsNeeded).toBeCloseTo(6.6667, 4); // 80,000 / 20,000 / 0.6
    expect(m.needs.valueNeeded).toBeCloseTo(133333.33, 2); // 80,000 / 0.6
    expect(m.needs.gapValue).toBeCloseTo(53333.33, 2); // 133,333.33 - 80,000
    expect(m.needs.oppsToAdd).toBe(3); // ceil(53,333.33 / 20,000 = 2.67)
    expect(m.needs.prospectsNeeded).toBe(30); // 3 x 10
    expect(m.needs.newOppsCanCloseThisPeriod).toBe(false); // 50-day cycle > 38 days left
    // win 60% >= 20% floor; 1 opp/week >= 0.8 x 1 needed; quota not met; but coverage 1x < 1.7x:
    // "on track" is never said beside a coverage shortfall.
    expect(m.diagnosis.kind).toBe('coverage');
    expect(m.diagnosis.evidence).toEqual([
      'Coverage 1x against the 1.7x their win rate requires.',
      'About 3 more opportunities at their deal size (30 prospects) would close the gap.',
      'Win rate 60% (3 won of 5 closed); the floor is 20%.',
      '1 new opportunities a week over the last 12 weeks; the quota needs about 1 at their deal size.',
    ]);
    expect(nonFinite(m)).toEqual([]);
  });

  it('is on track only when the open pipeline covers what the win rate requires', () => {
    // 150,000 open / 80,000 remaining = 1.875x >= 1 / 0.6 = 1.667x
    const m = computeRepMetrics(ana({ openValue: 150000 }), ctx());
    expect(coverageStatus(m)).toBe('enough');
    expect(m.diagnosis.kind).toBe('on_track');
    expect(m.diagnosis.evidence[2]).toBe('Coverage 1.9x against the 1.7x their win rate requires.');
    // 133,333 open / 80,000 = 1.6667x, a hair under 1.66667x needed: short
    expect(coverageStatus(computeRepMetrics(ana({ openValue: 133333 }), ctx()))).toBe('short');
    expect(coverageStatus(computeRepMetrics(ana({ openValue: 133334 }), ctx()))).toBe('enough');
  });

  it('gives two reps with different win rates different required coverage', () => {
    // Ana: 2 won / 2 lost = 50% -> 2x.  Ben: 1 won / 4 lost = 20% -> 5x.
    const a = computeRepMetrics(ana({ wonCount: 2, lostCount: 2 }), ctx());
    const b = computeRepMetrics(ana({ repId: 2, name: 'Ben', wonCount: 1, lostCount: 4 }), ctx());
    expect(a.winRate).toBeCloseTo(0.5, 10);
    expect(a.needs.requiredCoverage).toBeCloseTo(2, 10);
    expect(b.winRate).toBeCloseTo(0.2, 10);
    expect(b.needs.requiredCoverage).toBeCloseTo(5, 10);
    // Same 80,000 open against 80,000 remaining (1x): enough for neither, but Ben's gap is larger.
    // Ana: avg 60,000 / 2 = 30,000; need 80,000 x 2 = 160,000; gap 80,000; ceil(80,000/30,000 = 2.67) = 3 opps
    // Ben: avg 60,000 / 1 = 60,000; need 80,000 x 5 = 400,000; gap 320,000; ceil(320,000/60,000 = 5.33) = 6 opps
    expect(a.needs.gapValue).toBeCloseTo(80000, 6);
    expect(a.needs.oppsToAdd).toBe(3);
    expect(b.needs.gapValue).toBeCloseTo(320000, 6);
    expect(b.needs.oppsToAdd).toBe(6);
  });

  it('with no closed deals: win rate and coverage unknown, diagnosis no_data, nothing NaN', () => {
    const m = computeRepMetrics(
      ana({ wonCount: 0, lostCount: 0, wonValue: 0, lostValue: 0, wonCycleDays: 0, quota: 50000, wonThisPeriod: 0, openValue: 30000, weeklyNewOpps: zeros(12) }),
      ctx(),
    );
    expect(m).toMatchObject({ closedCount: 0, winRate: null, winRateByValue: null, avgWonDealSize: null, avgCycleDays: null, neededOppsPerWeek: null });
    expect(m.attainment).toBe(0); // 0 / 50,000
    expect(m.actualCoverage).toBeCloseTo(0.6, 10); // 30,000 open / 50,000 remaining
    expect(m.needs).toEqual({
      requiredCoverage: null,
      winsNeeded: null,
      dealsNeeded: null,
      valueNeeded: null,
      gapValue: null,
      oppsToAdd: null,
      prospectsNeeded: null,
      newOppsCanCloseThisPeriod: null,
    });
    expect(m.diagnosis.kind).toBe('no_data');
    expect(m.diagnosis.evidence[0]).toBe('No deals won or lost in the last 12 months, so win rate and required coverage are unknown.');
    expect(m.diagnosis.evidence[1]).toBe('0 new opportunities a week over the last 12 weeks.');
    expect(nonFinite(m)).toEqual([]);
  });

  it('with nothing at all (quota 0, no deals, no weeks): all nulls and zeros, no NaN', () => {
    const m = computeRepMetrics(
      { repId: 9, name: 'Empty', hireDate: null, quota: 0, wonCount: 0, lostCount: 0, wonValue: 0, lostValue: 0, wonCycleDays: 0, cycleCount: 0, openCount: 0, openValue: 0, wonThisPeriod: 0, weeklyNewOpps: [] },
      ctx({ tenureDays: null }),
    );
    expect(m.attainment).toBeNull(); // quota 0: nothing to attain
    expect(m.actualCoverage).toBeNull(); // 0 remaining
    expect(m.newOppsPerWeek).toBe(0);
    expect(m.newOppsTrend).toBe(0);
    expect(m.diagnosis.kind).toBe('no_data');
    expect(nonFinite(m)).toEqual([]);
  });

  it('with all deals lost (win rate 0): required coverage unknown, not Infinity', () => {
    const m = computeRepMetrics(ana({ wonCount: 0, lostCount: 5, wonValue: 0, wonCycleDays: 0 }), ctx());
    expect(m.winRate).toBe(0); // 0 / 5
    expect(m.winRateByValue).toBe(0); // 0 / 90,000
    expect(m.needs.requiredCoverage).toBeNull();
    expect(m.diagnosis.kind).toBe('effectiveness'); // 0% < 20%; 1 opp/week is not zero (no need to compare)
    expect(m.diagnosis.evidence).toContain('No wins in the window, so no coverage is enough.');
    expect(nonFinite(m)).toEqual([]);
  });

  it('quota 0 gives attainment null', () => {
    const m = computeRepMetrics(ana({ quota: 0, wonThisPeriod: 10000 }), ctx());
    expect(m.attainment).toBeNull();
    expect(m.remainingQuota).toBe(0); // max(0, 0 - 10,000)
    expect(nonFinite(m)).toEqual([]);
  });

  it('quota already met: actual coverage null and diagnosis quota_met', () => {
    // 4 won / 4 lost = 50%; avg 120,000 / 4 = 30,000; quota 100,000 fully won (120,000)
    const met = ana({ quota: 100000, wonThisPeriod: 120000, wonCount: 4, lostCount: 4, wonValue: 120000, lostValue: 40000, wonCycleDays: 160, openValue: 50000 });
    const m = computeRepMetrics(met, ctx());
    expect(m.remainingQuota).toBe(0); // max(0, 100,000 - 120,000)
    expect(m.attainment).toBeCloseTo(1.2, 10); // 120,000 / 100,000
    expect(m.actualCoverage).toBeNull();
    expect(m.needs).toMatchObject({ winsNeeded: 0, dealsNeeded: 0, valueNeeded: 0, gapValue: 0, oppsToAdd: 0, prospectsNeeded: 0 });
    expect(m.needs.requiredCoverage).toBeCloseTo(2, 10); // 1 / 0.5
    // needed: 100,000 / 30,000 / 0.5 = 6.67 a period / 10 weeks = 0.667 a week; has 1 >= 0.8 x 0.667
    expect(m.neededOppsPerWeek).toBeCloseTo(0.6667, 4);
    expect(m.diagnosis.kind).toBe('quota_met');
    expect(m.diagnosis.evidence[0]).toBe('Win rate 50% (4 won of 8 closed); the floor is 20%.');
    expect(nonFinite(m)).toEqual([]);
  });

  it('quota met but no new opportunities is still an activity problem', () => {
    const met = ana({ quota: 100000, wonThisPeriod: 120000, wonCount: 4, lostCount: 4, wonValue: 120000, weeklyNewOpps: zeros(12) });
    const m = computeRepMetrics(met, ctx());
    expect(m.actualCoverage).toBeNull();
    expect(m.diagnosis.kind).toBe('activity'); // 0 a week < 0.8 x 0.667
    expect(m.diagnosis.evidence).toContain('Quota for this period is already met.');
  });

  it('quota met with a win rate under the floor is an effectiveness problem', () => {
    // 1 won / 9 lost = 10% < 20%; needed at 10%: 100,000 / 120,000 / 0.1 / 10 = 0.833 a week; has 1 >= 0.667
    const m = computeRepMetrics(ana({ quota: 100000, wonThisPeriod: 120000, wonCount: 1, lostCount: 9, wonValue: 120000 }), ctx());
    expect(m.neededOppsPerWeek).toBeCloseTo(0.8333, 4);
    expect(m.diagnosis.kind).toBe('effectiveness');
  });
});

describe('diagnosis', () => {
  it('new_hire while tenure is under newHireDays (89 of 90), judged normally at 90', () => {
    const hire = computeRepMetrics(ana(), ctx({ tenureDays: 89 }));
    expect(hire.diagnosis.kind).toBe('new_hire');
    expect(hire.diagnosis.evidence[0]).toBe('Hired 89 days ago (new-hire period: 90 days).');
    expect(hire.diagnosis.evidence[2]).toBe('5 deals closed so far.'); // 3 won + 2 lost
    // One closed deal reads in the singular.
    expect(computeRepMetrics(ana({ wonCount: 1, lostCount: 0 }), ctx({ tenureDays: 89 })).diagnosis.evidence[2]).toBe('1 deal closed so far.');
    expect(computeRepMetrics(ana(), ctx({ tenureDays: 90 })).diagnosis.kind).toBe('coverage');
    expect(computeRepMetrics(ana(), ctx({ tenureDays: null })).diagnosis.kind).toBe('coverage'); // unknown hire date: not a new hire
  });

  it('new_hire comes before no_data and says there is no win rate yet', () => {
    const m = computeRepMetrics(ana({ wonCount: 0, lostCount: 0, wonValue: 0, lostValue: 0, wonCycleDays: 0 }), ctx({ tenureDays: 10 }));
    expect(m.diagnosis.kind).toBe('new_hire');
    expect(m.diagnosis.evidence[2]).toBe('No deals closed yet, so there is no win rate to judge.');
  });

  it('effectiveness: win rate under the floor with enough opportunities', () => {
    // 1 won / 9 lost = 10% < 20%. The team wins 60%: needed at max(10%, 60%) =
    // 120,000 / 60,000 avg / 0.6 = 3.33 a period / 10 weeks = 0.333 a week; has 1 >= 0.8 x 0.333
    const m = computeRepMetrics(ana({ wonCount: 1, lostCount: 9, wonValue: 60000 }), ctx({ referenceWinRate: 0.6 }));
    expect(m.winRate).toBeCloseTo(0.1, 10);
    expect(m.neededOppsPerWeek).toBeCloseTo(0.3333, 4);
    expect(m.diagnosis.kind).toBe('effectiveness');
    expect(m.diagnosis.evidence[0]).toBe('Win rate 10% (1 won of 10 closed); the floor is 20%.');
  });

  it('a win rate exactly at the floor is not an effectiveness problem', () => {
    // 1 won / 4 lost = 20%, not < 20%. avg 60,000; needed 120,000 / 60,000 / 0.2 / 10 = 1 a week; has 1
    const m = computeRepMetrics(ana({ wonCount: 1, lostCount: 4 }), ctx());
    expect(m.winRate).toBeCloseTo(0.2, 10);
    expect(m.neededOppsPerWeek).toBeCloseTo(1, 10);
    // not effectiveness; but 80,000 open covers 1x of the 5x (1 / 0.2) it needs
    expect(m.diagnosis.kind).toBe('coverage');
  });

  it('activity: enough wins but too few new opportunities, with the numbers in the evidence', () => {
    // 6 opps over 12 weeks = 0.5 a week; needed 1 a week (see Ana); 0.5 < 0.8 x 1
    const m = computeRepMetrics(ana({ weeklyNewOpps: [1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0] }), ctx());
    expect(m.newOppsPerWeek).toBeCloseTo(0.5, 10);
    expect(m.diagnosis.kind).toBe('activity');
    expect(m.diagnosis.evidence).toEqual([
      '0.5 new opportunities a week over the last 12 weeks; the quota needs about 1 at their deal size.',
      'Win rate 60% (3 won of 5 closed); the floor is 20%.',
      'Coverage 1x against the 1.7x their win rate requires.', // 80,000 / 80,000 = 1; 1 / 0.6 = 1.67
    ]);
  });

  it('activity boundary: 0.8 of the need is enough, 0.7 is not (activityShare 0.8)', () => {
    // 10-week series; needed 1 a week
    const eight = [0, 0, 1, 1, 1, 1, 1, 1, 1, 1]; // 8 / 10 = 0.8, not < 0.8
    const seven = [0, 0, 0, 1, 1, 1, 1, 1, 1, 1]; // 7 / 10 = 0.7 < 0.8
    expect(computeRepMetrics(ana({ weeklyNewOpps: eight, openValue: 150000 }), ctx()).diagnosis.kind).toBe('on_track');
    expect(computeRepMetrics(ana({ weeklyNewOpps: seven, openValue: 150000 }), ctx()).diagnosis.kind).toBe('activity');
  });

  it('both: win rate under the floor and too few opportunities even at the team’s rate', () => {
    // 1 won / 9 lost = 10%; team 60% -> needed 0.333 a week (as above); 2 opps / 12 weeks = 0.167 < 0.267
    const m = computeRepMetrics(
      ana({ wonCount: 1, lostCount: 9, wonValue: 60000, weeklyNewOpps: [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1] }),
      ctx({ referenceWinRate: 0.6 }),
    );
    expect(m.newOppsPerWeek).toBeCloseTo(2 / 12, 10);
    expect(m.diagnosis.kind).toBe('both');
    expect(m.diagnosis.evidence[0]).toBe('0.2 new opportunities a week over the last 12 weeks; the quota needs about 0.3 at their deal size.');
    expect(m.diagnosis.evidence[1]).toBe('Win rate 10% (1 won of 10 closed); the floor is 20%.');
  });

  it('a low win rate alone is not called an activity problem when the team’s win rate makes the need smaller', () => {
    // Rep: 1 won / 9 lost = 10%, avg won 20,000, 1 opp a week.
    const rep = ana({ wonCount: 1, lostCount: 9, wonValue: 20000 });
    // At their own 10%: 120,000 / 20,000 / 0.1 = 60 a period / 10 weeks = 6 a week; 1 < 0.8 x 6 -> "both"
    const own = computeRepMetrics(rep, ctx({ referenceWinRate: null }));
    expect(own.neededOppsPerWeek).toBeCloseTo(6, 10);
    expect(own.diagnosis.kind).toBe('both');
    // At the team's 60%: 120,000 / 20,000 / 0.6 = 10 a period / 10 weeks = 1 a week; 1 >= 0.8 -> effectiveness only
    const team = computeRepMetrics(rep, ctx({ referenceWinRate: 0.6 }));
    expect(team.neededOppsPerWeek).toBeCloseTo(1, 10);
    expect(team.diagnosis.kind).toBe('effectiveness');
    // The needs themselves stay on the rep's own 10% (the team rate only judges activity):
    expect(team.needs.requiredCoverage).toBeCloseTo(10, 10); // 1 / 0.1
  });

  it('a team win rate lower than the rep’s does not change the rep’s need', () => {
    // max(0.6, 0.3) = 0.6 -> 1 a week, as for Ana alone
    expect(computeRepMetrics(ana(), ctx({ referenceWinRate: 0.3 })).neededOppsPerWeek).toBeCloseTo(1, 10);
  });

  it('every diagnosis has a headline and evidence, none with NaN or Infinity', () => {
    const cases = [
      computeRepMetrics(ana(), ctx({ tenureDays: 5 })),
      computeRepMetrics(ana({ wonCount: 0, lostCount: 0, wonValue: 0, lostValue: 0, wonCycleDays: 0 }), ctx()),
      computeRepMetrics(ana({ wonCount: 1, lostCount: 9, wonValue: 60000 }), ctx({ referenceWinRate: 0.6 })),
      computeRepMetrics(ana({ weeklyNewOpps: zeros(12) }), ctx()),
      computeRepMetrics(ana({ wonCount: 1, lostCount: 9, weeklyNewOpps: zeros(12) }), ctx()),
      computeRepMetrics(ana({ wonThisPeriod: 200000 }), ctx()),
      computeRepMetrics(ana(), ctx()),
      computeRepMetrics(ana({ openValue: 150000 }), ctx()),
    ];
    expect(cases.map((m) => m.diagnosis.kind)).toEqual(['new_hire', 'no_data', 'effectiveness', 'activity', 'both', 'quota_met', 'coverage', 'on_track']);
    // No diagnosis says "on track" or "quota met" beside a coverage shortfall.
    for (const m of cases) if (m.diagnosis.kind === 'on_track' || m.diagnosis.kind === 'quota_met') expect(coverageStatus(m)).not.toBe('short');
    for (const m of cases) {
      expect(m.diagnosis.headline.length).toBeGreaterThan(0);
      expect(m.diagnosis.evidence.length).toBeGreaterThan(0);
      expect(nonFinite(m)).toEqual([]);
    }
  });
});

describe('teamAggregates', () => {
  const a = ana({ repId: 1, quota: 100000, wonCount: 3, lostCount: 1, wonValue: 90000, lostValue: 10000, wonCycleDays: 90, openCount: 2, openValue: 50000, wonThisPeriod: 30000, weeklyNewOpps: [1, 2, 3] });
  const b = ana({ repId: 2, name: 'Ben', quota: 50000, wonCount: 1, lostCount: 9, wonValue: 10000, lostValue: 90000, wonCycleDays: 30, openCount: 5, openValue: 70000, wonThisPeriod: 0, weeklyNewOpps: [0, 1, 0] });

  it('sums counts, values and weekly series', () => {
    expect(teamAggregates([a, b])).toEqual({
      repId: 0,
      name: 'Team',
      hireDate: null,
      quota: 150000, // 100,000 + 50,000
      wonCount: 4, // 3 + 1
      lostCount: 10, // 1 + 9
      wonValue: 100000, // 90,000 + 10,000
      lostValue: 100000, // 10,000 + 90,000
      wonCycleDays: 120, // 90 + 30
      cycleCount: 4, // 3 + 1
      openCount: 7, // 2 + 5
      openValue: 120000, // 50,000 + 70,000
      wonThisPeriod: 30000,
      weeklyNewOpps: [1, 3, 3], // [1+0, 2+1, 3+0]
    });
  });

  it('gives the team win rate from summed counts, not averaged rates', () => {
    const t = computeRepMetrics(teamAggregates([a, b]), ctx({ tenureDays: null }));
    // summed: 4 won / 14 closed = 0.2857; the average of 75% and 10% would be 42.5%
    expect(t.winRate).toBeCloseTo(4 / 14, 10);
    expect(t.winRate).not.toBeCloseTo(0.425, 2);
    expect(t.winRateByValue).toBeCloseTo(0.5, 10); // 100,000 / 200,000
    expect(t.avgWonDealSize).toBeCloseTo(25000, 6); // 100,000 / 4
    expect(t.avgCycleDays).toBeCloseTo(30, 10); // 120 / 4
    expect(t.attainment).toBeCloseTo(0.2, 10); // 30,000 / 150,000
  });

  it('of no reps is all zeros, with an empty series', () => {
    const t = teamAggregates([]);
    expect(t).toMatchObject({ quota: 0, wonCount: 0, lostCount: 0, openValue: 0, weeklyNewOpps: [] });
    expect(nonFinite(computeRepMetrics(t, ctx({ tenureDays: null })))).toEqual([]);
  });
});
