/**
 * Integrity and velocity flags (shared/domain/flags.ts), domain.md sections 3-4. Each flag
 * fires exactly past its threshold and not one day or unit before, and each leads to a
 * "How do you know?" question.
 */
import { describe, expect, it } from 'vitest';
import { FLAG_CODES, flagDeal, stageLimit, type FlagCode, type OpenDealFacts, type RepBaseline } from '../../shared/domain/flags';
import { addDays } from '../../shared/domain/periods';
import { DEFAULT_SETTINGS, type Thresholds } from '../../shared/schemas/team';

const AS_OF = '2026-11-24';
const ago = (n: number) => addDays(AS_OF, -n);
// Defaults: Proposal 30 days, unknown stages 45, noActivityDays 21, ageCycleFactor 2, outlierFactor 3
const T: Thresholds = DEFAULT_SETTINGS.thresholds;

/** A deal that trips nothing: 23 days old, 14 days in Proposal, touched 4 days ago, 3 stakeholders incl. a decision maker. */
const clean = (o: Partial<OpenDealFacts> = {}): OpenDealFacts => ({
  stage: 'Proposal',
  amount: 10000,
  currency: 'USD',
  createdDate: ago(23),
  expectedCloseDate: '2026-12-15',
  closeDateChanges: 0,
  stageEnteredDate: ago(14),
  lastActivityDate: ago(4),
  stakeholderCount: 3,
  decisionMakerCount: 1,
  ...o,
});
/** Average cycle 60 days (too old past 120), average won deal 20,000 (outlier past 60,000). */
const rep: RepBaseline = { avgCycleDays: 60, avgWonDealSize: 20000 };
const noBaseline: RepBaseline = { avgCycleDays: null, avgWonDealSize: null };

const codes = (d: OpenDealFacts, r: RepBaseline = rep, t: Thresholds = T): FlagCode[] => flagDeal(d, r, t, AS_OF, 'en-US').map((f) => f.code);

describe('flagDeal', () => {
  it('flags nothing on a healthy deal', () => {
    expect(flagDeal(clean(), rep, T, AS_OF)).toEqual([]);
  });

  it('close_date_past: a close date of today is not past, yesterday is', () => {
    expect(codes(clean({ expectedCloseDate: AS_OF }))).toEqual([]);
    expect(codes(clean({ expectedCloseDate: ago(1) }))).toEqual(['close_date_past']);
    const [f] = flagDeal(clean({ expectedCloseDate: ago(1) }), rep, T, AS_OF, 'en-US');
    expect(f?.reason).toBe('Expected to close on Nov 23, 2026, 1 day ago.'); // 2026-11-24 minus 1 day
    expect(codes(clean({ expectedCloseDate: null }))).toEqual([]); // no date: nothing to be late against
  });

  it('close_date_pushed: 1 change is not a pattern, 2 are', () => {
    expect(codes(clean({ closeDateChanges: 1 }))).toEqual([]);
    expect(codes(clean({ closeDateChanges: 2 }))).toEqual(['close_date_pushed']);
    const [f] = flagDeal(clean({ closeDateChanges: 2 }), rep, T, AS_OF, 'en-US');
    expect(f?.reason).toBe('The close date has moved 2 times.');
    expect(f?.question).toBe('How do you know the buyer will sign by Dec 15, 2026? What changed each time it moved?');
  });

  it('too_old: more than 2x the rep’s average cycle (30 days -> 60 is fine, 61 is flagged)', () => {
    const r30: RepBaseline = { avgCycleDays: 30, avgWonDealSize: 20000 };
    // age 60 = 2 x 30: not more than the limit
    expect(codes(clean({ createdDate: ago(60), stageEnteredDate: ago(5) }), r30)).toEqual([]);
    expect(codes(clean({ createdDate: ago(61), stageEnteredDate: ago(5) }), r30)).toEqual(['too_old']);
    const [f] = flagDeal(clean({ createdDate: ago(61), stageEnteredDate: ago(5) }), r30, T, AS_OF, 'en-US');
    expect(f?.reason).toBe("61 days old, more than 2x the rep's average sales cycle of 30 days.");
  });

  it('too_old follows ageCycleFactor (1.5 x 40 = 60)', () => {
    const t = { ...T, ageCycleFactor: 1.5 };
    const r40: RepBaseline = { avgCycleDays: 40, avgWonDealSize: 20000 };
    expect(codes(clean({ createdDate: ago(60), stageEnteredDate: ago(5) }), r40, t)).toEqual([]);
    expect(codes(clean({ createdDate: ago(61), stageEnteredDate: ago(5) }), r40, t)).toEqual(['too_old']);
  });

  it('stuck_in_stage: uses the stage’s own limit (Proposal 30: 30 days fine, 31 stuck)', () => {
    expect(codes(clean({ stageEnteredDate: ago(30) }))).toEqual([]);
    expect(codes(clean({ createdDate: ago(40), stageEnteredDate: ago(31) }))).toEqual(['stuck_in_stage']);
    const [f] = flagDeal(clean({ createdDate: ago(40), stageEnteredDate: ago(31) }), rep, T, AS_OF, 'en-US');
    expect(f?.reason).toBe('31 days in Proposal (the limit for this stage is 30).');
  });

  it('stuck_in_stage: Discovery has 45 days, an unknown stage gets defaultStageDays (45)', () => {
    expect(codes(clean({ stage: 'Discovery', createdDate: ago(50), stageEnteredDate: ago(45) }))).toEqual([]);
    expect(codes(clean({ stage: 'Discovery', createdDate: ago(50), stageEnteredDate: ago(46) }))).toEqual(['stuck_in_stage']);
    expect(codes(clean({ stage: 'Legal review', createdDate: ago(50), stageEnteredDate: ago(45) }))).toEqual([]);
    expect(codes(clean({ stage: 'Legal review', createdDate: ago(50), stageEnteredDate: ago(46) }))).toEqual(['stuck_in_stage']);
    // a changed default applies to the unknown stage only, not to Proposal (30)
    const t = { ...T, defaultStageDays: 10 };
    expect(codes(clean({ stage: 'Legal review', stageEnteredDate: ago(11) }), rep, t)).toEqual(['stuck_in_stage']);
    expect(codes(clean({ stage: 'Proposal', stageEnteredDate: ago(11) }), rep, t)).toEqual([]);
  });

  it('no_activity: 21 quiet days is fine, 22 is flagged (noActivityDays 21)', () => {
    expect(codes(clean({ lastActivityDate: ago(21) }))).toEqual([]);
    expect(codes(clean({ lastActivityDate: ago(22) }))).toEqual(['no_activity']);
    const [f] = flagDeal(clean({ lastActivityDate: ago(22) }), rep, T, AS_OF, 'en-US');
    expect(f?.reason).toBe('No activity for 22 days (since Nov 2, 2026).'); // 2026-11-24 minus 22 days
  });

  it('no_activity: without any logged activity, counts from the created date', () => {
    expect(codes(clean({ lastActivityDate: null, createdDate: ago(21), stageEnteredDate: ago(5) }))).toEqual([]);
    expect(codes(clean({ lastActivityDate: null, createdDate: ago(22), stageEnteredDate: ago(5) }))).toEqual(['no_activity']);
    const [f] = flagDeal(clean({ lastActivityDate: null, createdDate: ago(22), stageEnteredDate: ago(5) }), rep, T, AS_OF, 'en-US');
    expect(f?.reason).toBe('No activity logged since it was created 22 days ago.');
  });

  it('no_activity follows the setting (7 days: 7 fine, 8 flagged)', () => {
    const t = { ...T, noActivityDays: 7 };
    expect(codes(clean({ lastActivityDate: ago(7) }), rep, t)).toEqual([]);
    expect(codes(clean({ lastActivityDate: ago(8) }), rep, t)).toEqual(['no_activity']);
  });

  it('single_threaded: 0 and 1 stakeholders, not 2', () => {
    const none = flagDeal(clean({ stakeholderCount: 0, decisionMakerCount: 0 }), rep, T, AS_OF);
    expect(none.map((f) => f.code)).toEqual(['single_threaded', 'no_decision_maker']);
    expect(none[0]?.reason).toBe('No stakeholders recorded.');
    const one = flagDeal(clean({ stakeholderCount: 1, decisionMakerCount: 1 }), rep, T, AS_OF);
    expect(one.map((f) => f.code)).toEqual(['single_threaded']);
    expect(one[0]?.reason).toBe('Only one stakeholder recorded.');
    expect(codes(clean({ stakeholderCount: 2, decisionMakerCount: 1 }))).toEqual([]);
  });

  it('no_decision_maker: several stakeholders but none who decides', () => {
    expect(codes(clean({ stakeholderCount: 3, decisionMakerCount: 0 }))).toEqual(['no_decision_maker']);
    expect(codes(clean({ stakeholderCount: 3, decisionMakerCount: 1 }))).toEqual([]);
  });

  it('amount_outlier: above 3x the rep’s average won deal (20,000 -> 60,000 fine, 60,000.01 flagged)', () => {
    expect(codes(clean({ amount: 60000 }))).toEqual([]);
    expect(codes(clean({ amount: 60000.01 }))).toEqual(['amount_outlier']);
    const [f] = flagDeal(clean({ amount: 80000 }), rep, T, AS_OF, 'en-US');
    expect(f?.reason).toBe("$80,000 is 4.0x the rep's average won deal of $20,000."); // 80,000 / 20,000 = 4.0
  });

  it('amount_outlier follows outlierFactor (2 x 20,000 = 40,000)', () => {
    const t = { ...T, outlierFactor: 2 };
    expect(codes(clean({ amount: 40000 }), rep, t)).toEqual([]);
    expect(codes(clean({ amount: 40000.01 }), rep, t)).toEqual(['amount_outlier']);
  });

  it('raises no too_old or outlier flag when the rep has no baseline (or a zero average deal)', () => {
    const huge = clean({ createdDate: ago(1000), stageEnteredDate: ago(5), amount: 1e9 });
    expect(codes(huge, noBaseline)).toEqual([]);
    expect(codes(huge, { avgCycleDays: null, avgWonDealSize: 0 })).toEqual([]);
    // sanity: the same deal with a baseline trips both (1000 > 120; 1e9 > 60,000)
    expect(codes(huge, rep)).toEqual(['too_old', 'amount_outlier']);
  });

  it('can raise all eight at once, in the documented order, with the numbers in the reasons', () => {
    const bad = clean({
      expectedCloseDate: ago(10), // 10 days late
      closeDateChanges: 3,
      createdDate: ago(200), // > 2 x 30
      stageEnteredDate: ago(100), // > Proposal's 30
      lastActivityDate: ago(50), // > 21
      stakeholderCount: 1,
      decisionMakerCount: 0,
      amount: 80000, // > 3 x 20,000
    });
    const flags = flagDeal(bad, { avgCycleDays: 30, avgWonDealSize: 20000 }, T, AS_OF, 'en-US');
    // value_prop_gap needs a value-proposition policy (big late deals); it has its own test below.
    expect(flags.map((f) => f.code)).toEqual(FLAG_CODES.filter((c) => c !== 'value_prop_gap' && c !== 'champion_only'));
    expect(flags.map((f) => f.reason)).toEqual([
      'Expected to close on Nov 14, 2026, 10 days ago.',
      'The close date has moved 3 times.',
      "200 days old, more than 2x the rep's average sales cycle of 30 days.",
      '100 days in Proposal (the limit for this stage is 30).',
      'No activity for 50 days (since Oct 5, 2026).',
      'Only one stakeholder recorded.',
      'No decision maker identified.',
      "$80,000 is 4.0x the rep's average won deal of $20,000.",
    ]);
  });

  it('every flag has a reason and a question that starts with "How do you know"', () => {
    const all = [
      ...flagDeal(clean({ expectedCloseDate: ago(10), closeDateChanges: 3, createdDate: ago(200), stageEnteredDate: ago(100), lastActivityDate: ago(50), stakeholderCount: 1, decisionMakerCount: 0, amount: 80000 }), { avgCycleDays: 30, avgWonDealSize: 20000 }, T, AS_OF),
      ...flagDeal(clean({ stakeholderCount: 0, decisionMakerCount: 0, lastActivityDate: null, createdDate: ago(40), stageEnteredDate: ago(40) }), rep, T, AS_OF),
      ...flagDeal(clean({ amount: 150000, stage: 'Proposal', vpPassing: 5 }), rep, T, AS_OF, undefined, { bigDealAmount: 100000, lateStages: ['Proposal'] }),
      ...flagDeal(clean({ amount: 150000, stakeholderCount: 2, championCount: 2, decisionMakerCount: 0 }), rep, T, AS_OF, undefined, { bigDealAmount: 100000, lateStages: [] }),
    ];
    expect(new Set(all.map((f) => f.code))).toEqual(new Set(FLAG_CODES));
    for (const f of all) {
      expect(f.reason.trim().length, f.code).toBeGreaterThan(0);
      expect(f.question.startsWith('How do you know'), `${f.code}: ${f.question}`).toBe(true);
    }
  });
});

describe('value_prop_gap', () => {
  const policy = { bigDealAmount: 100000, lateStages: ['Proposal', 'Negotiation'] };
  const codes = (over: Partial<OpenDealFacts>) =>
    flagDeal(clean({ stakeholderCount: 3, decisionMakerCount: 1, ...over }), rep, T, AS_OF, 'en-US', policy).filter((f) => f.code === 'value_prop_gap');
  it('flags big late-stage deals whose value proposition does not pass all seven tests, or was never checked', () => {
    expect(codes({ amount: 100000, stage: 'Proposal', vpPassing: 6 })).toHaveLength(1); // at the threshold, 6 of 7
    expect(codes({ amount: 100000, stage: 'Proposal', vpPassing: null })[0]?.reason).toBe('A $100,000 deal in Proposal with no value-proposition check.');
    expect(codes({ amount: 100000, stage: 'Proposal', vpPassing: 7 })).toHaveLength(0); // passes all seven
    expect(codes({ amount: 99999, stage: 'Proposal', vpPassing: 0 })).toHaveLength(0); // not big
    expect(codes({ amount: 500000, stage: 'Discovery', vpPassing: 0 })).toHaveLength(0); // not late
    expect(flagDeal(clean({ amount: 500000, stage: 'Proposal' }), rep, T, AS_OF).some((f) => f.code === 'value_prop_gap')).toBe(false); // no policy
  });
});

describe('champion_only', () => {
  const policy = { bigDealAmount: 100000, lateStages: [] };
  const has = (over: Partial<OpenDealFacts>) => flagDeal(clean(over), rep, T, AS_OF, 'en-US', policy).some((f) => f.code === 'champion_only');
  it('flags big deals whose only contacts are champions', () => {
    expect(has({ amount: 100000, stakeholderCount: 2, championCount: 2 })).toBe(true);
    expect(has({ amount: 100000, stakeholderCount: 3, championCount: 2 })).toBe(false); // someone else too
    expect(has({ amount: 99999, stakeholderCount: 1, championCount: 1 })).toBe(false); // not enterprise-wide
    expect(has({ amount: 100000, stakeholderCount: 0, championCount: 0 })).toBe(false); // nobody: single-threaded covers it
  });
});

describe('stageLimit', () => {
  it('reads the per-stage limit and falls back to defaultStageDays', () => {
    expect(stageLimit(T, 'Proposal')).toBe(30);
    expect(stageLimit(T, 'Discovery')).toBe(45);
    expect(stageLimit(T, 'Nowhere')).toBe(45);
    expect(stageLimit({ ...T, stageDays: { Demo: 7 }, defaultStageDays: 12 }, 'Demo')).toBe(7);
    expect(stageLimit({ ...T, stageDays: { Demo: 7 }, defaultStageDays: 12 }, 'Proposal')).toBe(12);
  });
});
