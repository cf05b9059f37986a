/**
 * Severity per flag and the attention score (shared/domain/flags.ts, shared/domain/attention.ts),
 * every expected number worked by hand from the formula in the README:
 *   attention = points × (1 + amountWeight × min(amount ÷ big deal, 2)) × (1 + closeWeight × nearness)
 */
import { describe, expect, it } from 'vitest';
import { attentionReason, attentionScore, byAttention, closeNearness, flaggedShare } from '../../shared/domain/attention';
import { bySeverity, flagDeal, flagHits, stakeholderRulesApply, topFlag, type FlagHit, type OpenDealFacts, type RepBaseline, type VpPolicy } from '../../shared/domain/flags';
import { addDays } from '../../shared/domain/periods';
import { DEFAULT_SETTINGS } from '../../shared/schemas/team';

const AS_OF = '2026-11-24';
const ago = (n: number) => addDays(AS_OF, -n);
const W = DEFAULT_SETTINGS.triage; // points 10 / 3 / 1, amountWeight 1, closeWeight 1, horizon 90
const BIG = 100000;
const hit = (severity: FlagHit['severity']): FlagHit => ({ code: 'close_date_past', severity });

describe('closeNearness', () => {
  it('is 1 when due today or overdue, 0 at the horizon, beyond it or without a date, linear between', () => {
    expect(closeNearness(AS_OF, AS_OF, 90)).toBe(1);
    expect(closeNearness(ago(30), AS_OF, 90)).toBe(1);
    expect(closeNearness(addDays(AS_OF, 45), AS_OF, 90)).toBe(0.5); // (90 - 45) / 90
    expect(closeNearness(addDays(AS_OF, 89), AS_OF, 90)).toBeCloseTo(1 / 90, 12); // (90 - 89) / 90
    expect(closeNearness(addDays(AS_OF, 90), AS_OF, 90)).toBe(0);
    expect(closeNearness(addDays(AS_OF, 400), AS_OF, 90)).toBe(0);
    expect(closeNearness(null, AS_OF, 90)).toBe(0);
  });
});

describe('attentionScore', () => {
  it('is 0 without flags, whatever the size and date', () => {
    expect(attentionScore({ flags: [], amount: 5e6, expectedCloseDate: ago(10) }, AS_OF, BIG, W)).toBe(0);
  });

  it('one critical flag on a big deal that is overdue: 10 x (1 + 1) x (1 + 1) = 40', () => {
    expect(attentionScore({ flags: [hit('critical')], amount: 100000, expectedCloseDate: ago(3) }, AS_OF, BIG, W)).toBe(40);
  });

  it('a warning and an info on a half-size deal closing in 45 days: 4 x 1.5 x 1.5 = 9', () => {
    expect(attentionScore({ flags: [hit('warning'), hit('info')], amount: 50000, expectedCloseDate: addDays(AS_OF, 45) }, AS_OF, BIG, W)).toBe(9);
  });

  it('caps the size at two big deals: one info on 300,000 with no date is 1 x (1 + 2) x 1 = 3', () => {
    expect(attentionScore({ flags: [hit('info')], amount: 300000, expectedCloseDate: null }, AS_OF, BIG, W)).toBe(3);
    expect(attentionScore({ flags: [hit('info')], amount: 200000, expectedCloseDate: null }, AS_OF, BIG, W)).toBe(3);
  });

  it('rounds to a whole number: 1 info on 30,000 closing in 26 days is 1 x 1.3 x (1 + 64/90) = 2.22 -> 2', () => {
    expect(attentionScore({ flags: [hit('info')], amount: 30000, expectedCloseDate: addDays(AS_OF, 26) }, AS_OF, BIG, W)).toBe(2);
  });

  it('follows the weights in Settings', () => {
    const w = { ...W, points: { critical: 20, warning: 5, info: 0 }, amountWeight: 0, closeWeight: 2 };
    // 20 x (1 + 0) x (1 + 2 x 1) = 60
    expect(attentionScore({ flags: [hit('critical')], amount: 100000, expectedCloseDate: AS_OF }, AS_OF, BIG, w)).toBe(60);
    // info counts 0 points: nothing to rank
    expect(attentionScore({ flags: [hit('info')], amount: 100000, expectedCloseDate: AS_OF }, AS_OF, BIG, w)).toBe(0);
    // a big-deal amount of 0 adds nothing for size: 5 x 1 x (1 + 2 x 0.5) = 10
    expect(attentionScore({ flags: [hit('warning')], amount: 100000, expectedCloseDate: addDays(AS_OF, 45) }, AS_OF, 0, { ...w, amountWeight: 1 })).toBe(10);
  });

  it('ranks by attention, then the larger deal, then the lower id', () => {
    const rows = [
      { id: 3, attention: 9, amount: 10 },
      { id: 1, attention: 9, amount: 10 },
      { id: 2, attention: 9, amount: 50 },
      { id: 4, attention: 40, amount: 1 },
    ];
    expect(rows.sort(byAttention).map((r) => r.id)).toEqual([4, 2, 1, 3]);
  });
});

describe('attentionReason', () => {
  it('names the worst flag, how many more, the size and the close date', () => {
    const flags: FlagHit[] = [
      { code: 'stuck_in_stage', severity: 'info' },
      { code: 'close_date_past', severity: 'critical' },
      { code: 'no_activity', severity: 'warning' },
    ];
    expect(attentionReason({ flags, amount: 119400, currency: 'USD', expectedCloseDate: ago(211) }, AS_OF, BIG, 90, 'en-US')).toBe(
      'Critical: Close date passed and 2 more · $119,400 (big deal) · 211 days overdue',
    );
    expect(attentionReason({ flags: [flags[0]!], amount: 5000, currency: 'USD', expectedCloseDate: addDays(AS_OF, 1) }, AS_OF, BIG, 90, 'en-US')).toBe(
      'Info: Stuck in stage · $5,000 · closes in 1 day',
    );
    expect(attentionReason({ flags: [], amount: 5000, currency: 'USD', expectedCloseDate: AS_OF }, AS_OF, BIG, 90, 'en-US')).toBe('No flags · $5,000 · closes today');
    // Beyond the horizon the date adds nothing, so the line leaves it out; no date is said.
    expect(attentionReason({ flags: [], amount: 5000, currency: 'USD', expectedCloseDate: addDays(AS_OF, 120) }, AS_OF, BIG, 90, 'en-US')).toBe('No flags · $5,000');
    expect(attentionReason({ flags: [], amount: 5000, currency: 'USD', expectedCloseDate: null }, AS_OF, BIG, 90, 'en-US')).toBe('No flags · $5,000 · no close date');
  });
});

describe('flaggedShare', () => {
  it('counts deals with a warning or critical flag; info alone does not count', () => {
    expect(flaggedShare([{ flags: [hit('info')] }, { flags: [hit('warning')] }, { flags: [] }, { flags: [hit('info'), hit('critical')] }])).toBe(0.5);
    expect(flaggedShare([])).toBeNull();
  });
});

/** A deal that trips nothing by itself (see flags-domain.test.ts). */
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
const rep: RepBaseline = { avgCycleDays: 60, avgWonDealSize: 20000 };
const T = DEFAULT_SETTINGS.thresholds;
/** The defaults: big at 100,000; Proposal and Negotiation late; stakeholder flags from Discovery. */
const P: VpPolicy = { bigDealAmount: 100000, lateStages: ['Proposal', 'Negotiation'], stages: DEFAULT_SETTINGS.stages, stakeholdersFromStage: 'Discovery' };
const sev = (d: OpenDealFacts, code: string, r: RepBaseline = rep) => flagHits(d, r, T, AS_OF, P).find((h) => h.code === code)?.severity ?? null;

describe('severity per flag, from the deal’s facts', () => {
  it('close date passed: critical in a late stage, a warning on a big early deal, info on a small early one', () => {
    expect(sev(clean({ expectedCloseDate: ago(1) }), 'close_date_past')).toBe('critical');
    expect(sev(clean({ stage: 'Discovery', amount: 100000, expectedCloseDate: ago(1) }), 'close_date_past')).toBe('warning');
    expect(sev(clean({ stage: 'Discovery', amount: 99999, expectedCloseDate: ago(1) }), 'close_date_past')).toBe('info');
  });

  it('no decision maker: critical on a big late deal, info on an early small one', () => {
    expect(sev(clean({ amount: 100000, decisionMakerCount: 0 }), 'no_decision_maker')).toBe('critical');
    expect(sev(clean({ stage: 'Discovery', decisionMakerCount: 0 }), 'no_decision_maker')).toBe('info');
    expect(sev(clean({ decisionMakerCount: 0 }), 'no_decision_maker')).toBe('info'); // late but small
  });

  it('pushed close date: a warning only when moved 3+ times on a late deal', () => {
    expect(sev(clean({ closeDateChanges: 2 }), 'close_date_pushed')).toBe('info');
    expect(sev(clean({ closeDateChanges: 3 }), 'close_date_pushed')).toBe('warning');
    expect(sev(clean({ stage: 'Discovery', closeDateChanges: 5 }), 'close_date_pushed')).toBe('info');
  });

  it('no activity: a warning on a late or big deal; stuck and too old: a warning only when big and late', () => {
    expect(sev(clean({ lastActivityDate: ago(22) }), 'no_activity')).toBe('warning');
    expect(sev(clean({ stage: 'Discovery', lastActivityDate: ago(22) }), 'no_activity')).toBe('info');
    expect(sev(clean({ createdDate: ago(40), stageEnteredDate: ago(31) }), 'stuck_in_stage')).toBe('info');
    expect(sev(clean({ amount: 150000, createdDate: ago(40), stageEnteredDate: ago(31) }), 'stuck_in_stage')).toBe('warning');
  });

  it('value-prop gap is a warning; an unusual amount is info', () => {
    expect(sev(clean({ amount: 150000, vpPassing: 1, vpPartial: 1 }), 'value_prop_gap')).toBe('warning');
    expect(sev(clean({ amount: 70000 }), 'amount_outlier')).toBe('info'); // 70,000 > 3 x 20,000
  });

  it('the value-prop flag says the score as the deal page does (a partial counts a half)', () => {
    const [f] = flagDeal(clean({ amount: 150000, vpPassing: 1, vpPartial: 1 }), rep, T, AS_OF, 'en-US', P).filter((x) => x.code === 'value_prop_gap');
    expect(f?.reason).toBe('A $150,000 deal in Proposal; its value proposition scores 1.5 / 7.');
    expect(flagDeal(clean({ amount: 150000, vpPassing: 6, vpPartial: 1 }), rep, T, AS_OF, 'en-US', P).some((x) => x.code === 'value_prop_gap')).toBe(true); // 6.5
    expect(flagDeal(clean({ amount: 150000, vpPassing: 7, vpPartial: 0 }), rep, T, AS_OF, 'en-US', P).some((x) => x.code === 'value_prop_gap')).toBe(false);
  });

  it('the worst flag leads, and lists show the most severe first (rule order among equals)', () => {
    const flags: FlagHit[] = [
      { code: 'too_old', severity: 'info' },
      { code: 'no_activity', severity: 'warning' },
      { code: 'close_date_past', severity: 'critical' },
      { code: 'stuck_in_stage', severity: 'warning' },
    ];
    expect(topFlag(flags)?.code).toBe('close_date_past');
    expect(bySeverity(flags).map((f) => f.code)).toEqual(['close_date_past', 'no_activity', 'stuck_in_stage', 'too_old']);
    expect(topFlag([])).toBeNull();
  });
});

describe('stakeholder flags: from a stage, or on big deals; not tracked without any map', () => {
  const nobody = { stakeholderCount: 0, decisionMakerCount: 0 };
  const codes = (d: OpenDealFacts, r: RepBaseline = rep) => flagHits(d, r, T, AS_OF, P).map((h) => h.code);
  it('before the set stage a small deal raises none; from it on, and on big deals in any stage, they apply', () => {
    expect(codes(clean({ stage: 'Qualification', ...nobody }))).toEqual([]);
    expect(codes(clean({ stage: 'Discovery', ...nobody }))).toEqual(['single_threaded', 'no_decision_maker']);
    expect(codes(clean({ stage: 'Negotiation', ...nobody }))).toEqual(['single_threaded', 'no_decision_maker']);
    expect(codes(clean({ stage: 'Prospecting', amount: 100000, ...nobody }))).toEqual(['single_threaded', 'no_decision_maker', 'amount_outlier']); // 100,000 > 3 x 20,000
    // A stage not on the list counts as early.
    expect(stakeholderRulesApply({ stage: 'Legal review', amount: 1000 }, rep, P)).toBe(false);
  });
  it('a rep with no stakeholder recorded on any open deal: "not tracked yet", none raised even on a big late deal', () => {
    const untracked: RepBaseline = { ...rep, stakeholdersTracked: false };
    expect(codes(clean({ stage: 'Negotiation', amount: 500000, ...nobody, vpPassing: 7 }), untracked)).not.toContain('single_threaded');
    expect(codes(clean({ stage: 'Negotiation', amount: 500000, stakeholderCount: 2, championCount: 2, decisionMakerCount: 0, vpPassing: 7 }), untracked)).toEqual(['amount_outlier']);
  });
});
