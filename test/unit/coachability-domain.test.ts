/**
 * Coachability (shared/domain/coachability.ts), domain.md section 5: only a sustained pattern
 * over several observations and weeks is raised, never one bad day; no conclusion until the
 * manager has ruled out skills, the coaching approach, trust and another coach; uncoachable
 * top performers are a risk to the team, not an exception.
 */
import { describe, expect, it } from 'vitest';
import {
  CAUTIONS,
  CONCERN_ORDER,
  DEFAULT_COACHABILITY,
  SIGNS,
  judgeCoachability,
  type Caution,
  type CautionAnswer,
  type CautionAnswers,
  type CoachabilityStatus,
  type CoachabilityThresholds,
  type ObjectiveSignals,
  type Observation,
  type Sign,
} from '../../shared/domain/coachability';
import { addDays } from '../../shared/domain/periods';

const AS_OF = '2026-11-24';
const ago = (n: number) => addDays(AS_OF, -n);
// Defaults: window 12 weeks (84 days), 2+ signs at >=2 make an observation concerning,
// a pattern needs 3+ concerning observations over 4+ weeks making up 60%+ of the window.
const T: CoachabilityThresholds = DEFAULT_COACHABILITY;
const NO_SIGNALS: ObjectiveSignals = { followThrough: null, feedbackApplied: null };
/** Every caution answered in the way that rules it out. */
const RULED_OUT: CautionAnswers = { skillsGap: 'no', coachingApproach: 'no', trust: 'yes', anotherCoach: 'yes' };

const obs = (daysAgo: number, ratings: Partial<Record<Sign, number>> = {}, o: Partial<Observation> = {}): Observation => ({
  observedOn: ago(daysAgo),
  ratings,
  feedbackApplied: false,
  newApproachTried: false,
  ...o,
});
/** Two signs at >=2: concerning under the default signsPerObservation 2. */
const bad = (daysAgo: number, o: Partial<Observation> = {}) => obs(daysAgo, { bad_listener: 2, resists_change: 3 }, o);
/** Every sign "sometimes": never concerning. */
const allOnes = (daysAgo: number, o: Partial<Observation> = {}) => obs(daysAgo, Object.fromEntries(SIGNS.map((s) => [s, 1])), o);
const allThrees = (daysAgo: number) => obs(daysAgo, Object.fromEntries(SIGNS.map((s) => [s, 3])));

const judge = (
  observations: Observation[],
  o: { thresholds?: CoachabilityThresholds; cautions?: CautionAnswers; isTopPerformer?: boolean; signals?: ObjectiveSignals; asOf?: string } = {},
) =>
  judgeCoachability(observations, o.asOf ?? AS_OF, {
    thresholds: o.thresholds ?? T,
    cautions: o.cautions ?? {},
    isTopPerformer: o.isTopPerformer ?? false,
    signals: o.signals ?? NO_SIGNALS,
  });

/** 4 concerning observations 42, 28, 14 and 0 days ago: 4 >= 3, span 42/7 = 6 >= 4 weeks, share 4/4 >= 60%. */
const SUSTAINED = () => [bad(42), bad(28), bad(14), bad(0)];

describe('one bad day is not a pattern', () => {
  it('a single observation with all seven signs "all the time" is only watch', () => {
    // 1 concerning observation < minObservations 3, span 0 weeks: no pattern, however bad the day.
    const j = judge([allThrees(0)], { cautions: RULED_OUT });
    expect(j.status).toBe('watch');
    expect(j.status).not.toBe('uncoachable');
    expect(j.status).not.toBe('pattern_check_cautions');
    expect(j.headline).toBe('Watch: not a pattern yet');
    expect(j.concerning).toBe(1);
    expect(j.observationsInWindow).toBe(1);
    expect(j.topPerformerRisk).toBe(false);
    expect(j.reasons[0]).toBe('1 of 1 observations in the last 12 weeks show 2+ signs often or all the time.');
    expect(j.reasons.join(' ')).toContain('One bad day is not a pattern.');
    expect(j.reasons).toContain('A pattern needs 3+ such observations over 4+ weeks (60% of all). One bad day is not a pattern.');
  });
});

describe('occasional signs are fine', () => {
  it('every sign "sometimes" (1) in many observations over many weeks is fine', () => {
    // Rating 1 is below "often" (2), so no observation has any high sign.
    const j = judge([allOnes(70), allOnes(56), allOnes(42), allOnes(28), allOnes(14), allOnes(0)], { cautions: RULED_OUT });
    expect(j.status).toBe('fine');
    expect(j.headline).toBe('No pattern: signs are occasional');
    expect(j.concerning).toBe(0);
    expect(j.observationsInWindow).toBe(6);
    expect(j.signs).toEqual([]);
    expect(j.reasons[0]).toBe('6 observations, none with 2+ signs often.');
  });

  it('only one sign at 2 or 3 per observation is fine with signsPerObservation 2', () => {
    // Each observation has exactly 1 high sign (others 0 or 1): 1 < 2, so none is concerning.
    const list = [
      obs(56, { bad_listener: 3, lone_wolf: 1 }),
      obs(42, { knows_it_all: 2 }),
      obs(28, { self_centred: 3, resists_change: 1 }),
      obs(14, { passive_aggressive: 2 }),
      obs(0, { not_open_to_feedback: 3, bad_listener: 1 }),
    ];
    const j = judge(list, { cautions: RULED_OUT });
    expect(j.status).toBe('fine');
    expect(j.concerning).toBe(0);
    expect(j.signs).toEqual([]);
    // Changing the threshold to 1 sign makes the same 5 observations (over 8 weeks) a pattern:
    // the threshold is honoured, not hard-coded.
    const strict = judge(list, { cautions: RULED_OUT, thresholds: { ...T, signsPerObservation: 1 } });
    expect(strict.status).toBe('uncoachable');
    expect(strict.concerning).toBe(5);
  });

  it('a rating of exactly 2 ("often") counts as a high sign', () => {
    // Two signs at exactly 2 make an observation concerning; a pattern of three over 6 weeks follows.
    const j = judge([obs(42, { lone_wolf: 2, self_centred: 2 }), obs(21, { lone_wolf: 2, self_centred: 2 }), obs(0, { lone_wolf: 2, self_centred: 2 })]);
    expect(j.concerning).toBe(3);
    expect(j.status).toBe('pattern_check_cautions');
  });

  it('mentions positive observations (feedback applied or a new approach tried) in the reasons', () => {
    // 2 of 4 observations have a positive flag.
    const j = judge([allOnes(21, { feedbackApplied: true }), allOnes(14), allOnes(7, { newApproachTried: true }), allOnes(0)]);
    expect(j.status).toBe('fine');
    expect(j.reasons).toContain('Applied feedback or tried a new approach in 2 of 4 observations.');
    const none = judge([allOnes(7), allOnes(0)]);
    expect(none.reasons.some((r) => r.startsWith('Applied feedback'))).toBe(false);
  });
});

describe('sustained signs make a pattern, but cautions come first', () => {
  it('4 concerning observations over 6 weeks with no cautions answered: pattern_check_cautions', () => {
    const j = judge(SUSTAINED());
    expect(j.status).toBe('pattern_check_cautions');
    expect(j.headline).toBe('A pattern is showing: rule out the other explanations first');
    expect(j.concerning).toBe(4);
    expect(j.observationsInWindow).toBe(4);
    expect(j.reasons[0]).toBe('4 of 4 observations in the last 12 weeks show 2+ signs often or all the time, over 6 weeks.');
    expect(j.reasons).toContain('Answer 4 caution questions before drawing a conclusion.');
    expect(j.topPerformerRisk).toBe(false);
  });

  it("an 'unsure' answer still counts as unanswered", () => {
    // Three cautions ruled out, trust 'unsure': 1 left to answer, so no conclusion yet.
    const j = judge(SUSTAINED(), { cautions: { ...RULED_OUT, trust: 'unsure' } });
    expect(j.status).toBe('pattern_check_cautions');
    expect(j.reasons).toContain('Answer 1 caution question before drawing a conclusion.');
    // All four unsure: still 4 to answer.
    const allUnsure = judge(SUSTAINED(), { cautions: { skillsGap: 'unsure', coachingApproach: 'unsure', trust: 'unsure', anotherCoach: 'unsure' } });
    expect(allUnsure.status).toBe('pattern_check_cautions');
    expect(allUnsure.reasons).toContain('Answer 4 caution questions before drawing a conclusion.');
  });

  it('a partly answered set (one missing) is still pattern_check_cautions, even if another answer points elsewhere', () => {
    // anotherCoach missing; skillsGap 'yes' would point to other_cause, but all must be answered first.
    const j = judge(SUSTAINED(), { cautions: { skillsGap: 'yes', coachingApproach: 'no', trust: 'yes' } });
    expect(j.status).toBe('pattern_check_cautions');
    expect(j.reasons).toContain('Answer 1 caution question before drawing a conclusion.');
  });
});

describe('span, share and window rules', () => {
  it('3 concerning observations within 2 weeks are not a pattern (minSpanWeeks 4)', () => {
    // 14, 7, 0 days ago: span 14/7 = 2 weeks < 4.
    const j = judge([bad(14), bad(7), bad(0)], { cautions: RULED_OUT });
    expect(j.status).toBe('watch');
    expect(j.concerning).toBe(3);
    expect(j.reasons[0]).toBe('3 of 3 observations in the last 12 weeks show 2+ signs often or all the time, over 2 weeks.');
  });

  it('the span is inclusive at exactly minSpanWeeks and not one day before', () => {
    // 28, 14, 0 days ago: span exactly 4 weeks -> pattern.
    expect(judge([bad(28), bad(14), bad(0)], { cautions: RULED_OUT }).status).toBe('uncoachable');
    // 27, 14, 0 days ago: span 27/7 = 3.86 weeks -> not yet.
    expect(judge([bad(27), bad(14), bad(0)], { cautions: RULED_OUT }).status).toBe('watch');
  });

  it('fewer than minObservations concerning observations are not a pattern even over many weeks', () => {
    // 2 concerning over 10 weeks: 2 < 3.
    const j = judge([bad(70), bad(0)], { cautions: RULED_OUT });
    expect(j.status).toBe('watch');
    expect(j.concerning).toBe(2);
  });

  it('concerning observations below minShare of all observations are not a pattern', () => {
    // 3 concerning (42, 21, 0 days ago; span 6 weeks) + 3 fine = 3/6 = 50% < 60%.
    const j = judge([bad(42), allOnes(35), allOnes(28), bad(21), allOnes(7), bad(0)], { cautions: RULED_OUT });
    expect(j.status).toBe('watch');
    expect(j.concerning).toBe(3);
    expect(j.observationsInWindow).toBe(6);
    expect(j.reasons[0]).toBe('3 of 6 observations in the last 12 weeks show 2+ signs often or all the time, over 6 weeks.');
    // Drop one fine observation: 3/5 = 60%, exactly minShare -> pattern.
    const atShare = judge([bad(42), allOnes(35), bad(21), allOnes(7), bad(0)], { cautions: RULED_OUT });
    expect(atShare.status).toBe('uncoachable');
  });

  it('ignores observations older than windowWeeks*7 days before asOf', () => {
    // Concerning at 100 and 90 days ago fall outside the 84-day window; only 10 and 3 count: 2 < 3.
    const j = judge([bad(100), bad(90), bad(10), bad(3)], { cautions: RULED_OUT });
    expect(j.status).toBe('watch');
    expect(j.observationsInWindow).toBe(2);
    expect(j.concerning).toBe(2);
  });

  it('old fine observations do not dilute the share, and 83 days ago is still inside the window', () => {
    // In window: concerning 83, 40, 0 days ago (span 83/7 = 11.9 -> "over 12 weeks"), share 3/3.
    // Five fine observations 85-120 days ago are outside and must not make it 3/8 = 38%.
    const list = [allOnes(120), allOnes(110), allOnes(100), allOnes(90), allOnes(85), bad(83), bad(40), bad(0)];
    const j = judge(list);
    expect(j.observationsInWindow).toBe(3);
    expect(j.status).toBe('pattern_check_cautions');
    expect(j.reasons[0]).toBe('3 of 3 observations in the last 12 weeks show 2+ signs often or all the time, over 12 weeks.');
  });

  it('a shorter window (changed threshold) excludes more', () => {
    // windowWeeks 4 = 28 days: 42 and 28 days ago fall out, leaving 14 and 0: 2 < 3.
    const j = judge(SUSTAINED(), { cautions: RULED_OUT, thresholds: { ...T, windowWeeks: 4 } });
    expect(j.observationsInWindow).toBe(2);
    expect(j.status).toBe('watch');
    expect(j.reasons[0]).toContain('in the last 4 weeks');
  });

  it('ignores observations after asOf', () => {
    // Only the observation on asOf counts; three concerning ones 7, 14 and 35 days ahead do not.
    const list = [bad(0), bad(-7), bad(-14), bad(-35)];
    const j = judge(list, { cautions: RULED_OUT });
    expect(j.status).toBe('watch');
    expect(j.observationsInWindow).toBe(1);
    expect(j.concerning).toBe(1);
    expect(j.lastObservedOn).toBe(AS_OF);
  });

  it('future fine observations do not dilute a real pattern', () => {
    // SUSTAINED is 4/4; four future fine ones would make it 4/8 = 50% if counted.
    const j = judge([...SUSTAINED(), allOnes(-1), allOnes(-2), allOnes(-3), allOnes(-4)], { cautions: RULED_OUT });
    expect(j.observationsInWindow).toBe(4);
    expect(j.status).toBe('uncoachable');
  });
});

describe('cautions decide between uncoachable and another cause', () => {
  it('all cautions ruled out: uncoachable', () => {
    const j = judge(SUSTAINED(), { cautions: RULED_OUT });
    expect(j.status).toBe('uncoachable');
    expect(j.headline).toBe('Pattern of uncoachability');
    expect(j.headline).not.toMatch(/risk/);
    expect(j.topPerformerRisk).toBe(false);
    expect(j.reasons).toContain('The cautions are ruled out: skills, your approach, trust and another coach.');
  });

  const pointing: [Caution, CautionAnswer, RegExp][] = [
    ['skillsGap', 'yes', /skills or aptitude gap/],
    ['coachingApproach', 'yes', /coaching approach/],
    ['trust', 'no', /no relationship of trust/],
    ['anotherCoach', 'no', /no other coach has been tried/],
  ];
  it.each(pointing)('%s answered %s points elsewhere: other_cause', (caution, answer, mention) => {
    const j = judge(SUSTAINED(), { cautions: { ...RULED_OUT, [caution]: answer } });
    expect(j.status).toBe('other_cause');
    expect(j.headline).toBe('A pattern, but another explanation is still open');
    const notConcluded = j.reasons.filter((r) => r.startsWith('Not concluded:'));
    // Exactly the one open explanation is mentioned, and it is the right one.
    expect(notConcluded).toHaveLength(1);
    expect(notConcluded[0]).toMatch(mention);
    expect(j.topPerformerRisk).toBe(false);
  });

  it('all four pointing elsewhere: other_cause with four reasons, in caution order', () => {
    const j = judge(SUSTAINED(), { cautions: { skillsGap: 'yes', coachingApproach: 'yes', trust: 'no', anotherCoach: 'no' } });
    expect(j.status).toBe('other_cause');
    const notConcluded = j.reasons.filter((r) => r.startsWith('Not concluded:'));
    expect(notConcluded).toHaveLength(4);
    pointing.forEach(([, , mention], i) => expect(notConcluded[i]).toMatch(mention));
  });

  it('cautions do not matter without a pattern', () => {
    // Answers that point elsewhere or rule out never turn a watch into anything else.
    expect(judge([bad(7), bad(0)], { cautions: RULED_OUT }).status).toBe('watch');
    expect(judge([bad(7), bad(0)], { cautions: { skillsGap: 'yes', coachingApproach: 'yes', trust: 'no', anotherCoach: 'no' } }).status).toBe('watch');
  });

  it('covers every caution in CAUTIONS', () => {
    expect([...CAUTIONS].sort()).toEqual(['anotherCoach', 'coachingApproach', 'skillsGap', 'trust']);
  });
});

describe('top performers get the same rule', () => {
  it('a top performer with a pattern and cautions ruled out is uncoachable and a risk to the team', () => {
    const j = judge(SUSTAINED(), { cautions: RULED_OUT, isTopPerformer: true });
    expect(j.status).toBe('uncoachable');
    expect(j.topPerformerRisk).toBe(true);
    expect(j.headline).toMatch(/top performer/);
    expect(j.headline).toMatch(/risk to the team/);
    expect(j.reasons.some((r) => /opinion leaders/.test(r) && /Not an exception/.test(r))).toBe(true);
  });

  it('being a top performer does not make a non-pattern into a pattern', () => {
    // The single all-threes day and 3 observations within 2 weeks stay 'watch'; occasional stays 'fine'.
    const single = judge([allThrees(0)], { cautions: RULED_OUT, isTopPerformer: true });
    expect(single.status).toBe('watch');
    expect(single.topPerformerRisk).toBe(false);
    const short = judge([bad(14), bad(7), bad(0)], { cautions: RULED_OUT, isTopPerformer: true });
    expect(short.status).toBe('watch');
    expect(short.topPerformerRisk).toBe(false);
    const occasional = judge([allOnes(28), allOnes(0)], { cautions: RULED_OUT, isTopPerformer: true });
    expect(occasional.status).toBe('fine');
    expect(occasional.topPerformerRisk).toBe(false);
  });

  it('a top performer still goes through the cautions first', () => {
    const unanswered = judge(SUSTAINED(), { isTopPerformer: true });
    expect(unanswered.status).toBe('pattern_check_cautions');
    expect(unanswered.topPerformerRisk).toBe(false);
    const other = judge(SUSTAINED(), { cautions: { ...RULED_OUT, trust: 'no' }, isTopPerformer: true });
    expect(other.status).toBe('other_cause');
    expect(other.topPerformerRisk).toBe(false);
  });
});

describe('reasons, signs and counts', () => {
  it('includes the objective signals as percentages when given', () => {
    const signals = { followThrough: 0.25, feedbackApplied: 0.5 };
    for (const [list, cautions] of [
      [[allOnes(0)], {}],
      [[bad(0)], {}],
      [SUSTAINED(), {}],
      [SUSTAINED(), RULED_OUT],
      [SUSTAINED(), { ...RULED_OUT, trust: 'no' }],
      [[], {}],
    ] as [Observation[], CautionAnswers][]) {
      const j = judge(list, { cautions, signals });
      expect(j.reasons, j.status).toContain('Follow-through on commitments: 25% kept on time.');
      expect(j.reasons, j.status).toContain('Feedback applied when followed up: 50%.');
    }
  });

  it('rounds the percentages (2/3 -> 67%, 0 -> 0%)', () => {
    const j = judge(SUSTAINED(), { cautions: RULED_OUT, signals: { followThrough: 2 / 3, feedbackApplied: 0 } });
    expect(j.reasons).toContain('Follow-through on commitments: 67% kept on time.');
    expect(j.reasons).toContain('Feedback applied when followed up: 0%.');
  });

  it('omits each signal when it is null', () => {
    const onlyFollow = judge(SUSTAINED(), { cautions: RULED_OUT, signals: { followThrough: 0.25, feedbackApplied: null } });
    expect(onlyFollow.reasons.some((r) => r.includes('25%'))).toBe(true);
    expect(onlyFollow.reasons.some((r) => r.startsWith('Feedback applied'))).toBe(false);
    const onlyFeedback = judge(SUSTAINED(), { cautions: RULED_OUT, signals: { followThrough: null, feedbackApplied: 0.75 } });
    expect(onlyFeedback.reasons.some((r) => r.startsWith('Follow-through'))).toBe(false);
    expect(onlyFeedback.reasons).toContain('Feedback applied when followed up: 75%.');
    const none = judge(SUSTAINED(), { cautions: RULED_OUT });
    expect(none.reasons.some((r) => r.startsWith('Follow-through') || r.startsWith('Feedback applied'))).toBe(false);
  });

  it('lists the signs from concerning observations only, most frequent first', () => {
    // Concerning: 42d {lone_wolf, knows_it_all}, 21d {knows_it_all, self_centred}, 0d {knows_it_all, self_centred}
    // -> knows_it_all 3, self_centred 2, lone_wolf 1 (neither first-seen nor SIGNS order).
    // bad_listener at 1 is not high; passive_aggressive at 3 is alone in a non-concerning observation.
    const list = [
      obs(42, { lone_wolf: 2, knows_it_all: 3 }),
      obs(35, { passive_aggressive: 3 }),
      obs(21, { knows_it_all: 2, self_centred: 2 }),
      obs(0, { knows_it_all: 3, self_centred: 3, bad_listener: 1 }),
    ];
    const j = judge(list);
    expect(j.concerning).toBe(3);
    expect(j.observationsInWindow).toBe(4);
    expect(j.signs).toEqual(['knows_it_all', 'self_centred', 'lone_wolf']);
  });

  it('gives the most recent observation date up to asOf, whatever the input order, without mutating the input', () => {
    const list = [bad(14), bad(3), bad(-2), bad(28), bad(42)];
    const before = list.map((o) => o.observedOn);
    const j = judge(list);
    expect(j.lastObservedOn).toBe(ago(3));
    // 4 in window (the one 2 days ahead is ignored), all concerning.
    expect(j.observationsInWindow).toBe(4);
    expect(j.concerning).toBe(4);
    expect(list.map((o) => o.observedOn)).toEqual(before);
  });

  it('counts observations in the window and the concerning ones separately', () => {
    // 2 concerning + 3 occasional in the window, 1 concerning outside.
    const j = judge([bad(95), bad(30), allOnes(25), allOnes(20), bad(10), allOnes(5)]);
    expect(j.observationsInWindow).toBe(5);
    expect(j.concerning).toBe(2);
    expect(j.status).toBe('watch');
    expect(j.reasons[0]).toBe('2 of 5 observations in the last 12 weeks show 2+ signs often or all the time, over 3 weeks.');
  });

  it('no_data when nothing is recorded', () => {
    const j = judge([], { cautions: RULED_OUT, isTopPerformer: true });
    expect(j.status).toBe('no_data');
    expect(j.headline).toBe('No recent observations');
    expect(j.reasons).toEqual(['Nothing recorded in the last 12 weeks.']);
    expect(j.observationsInWindow).toBe(0);
    expect(j.concerning).toBe(0);
    expect(j.signs).toEqual([]);
    expect(j.lastObservedOn).toBeNull();
    expect(j.topPerformerRisk).toBe(false);
  });

  it('no_data when every observation is outside the window (old or in the future)', () => {
    // An old sustained pattern (120-85 days ago) and future entries: nothing in the window.
    const j = judge([bad(120), bad(106), bad(92), bad(85), bad(-1)], { cautions: RULED_OUT });
    expect(j.status).toBe('no_data');
    expect(j.observationsInWindow).toBe(0);
    expect(j.concerning).toBe(0);
    expect(j.signs).toEqual([]);
  });
});

describe('CONCERN_ORDER', () => {
  it("ranks 'uncoachable' first and 'fine' last, one rank per status", () => {
    const statuses = Object.keys(CONCERN_ORDER) as CoachabilityStatus[];
    expect(statuses.sort()).toEqual(['fine', 'no_data', 'other_cause', 'pattern_check_cautions', 'uncoachable', 'watch']);
    const sorted = [...statuses].sort((a, b) => CONCERN_ORDER[a] - CONCERN_ORDER[b]);
    expect(sorted[0]).toBe('uncoachable');
    expect(sorted[sorted.length - 1]).toBe('fine');
    expect(new Set(Object.values(CONCERN_ORDER)).size).toBe(6);
    // A pattern awaiting the cautions is more urgent than a mere watch.
    expect(CONCERN_ORDER.pattern_check_cautions).toBeLessThan(CONCERN_ORDER.watch);
    expect(CONCERN_ORDER.other_cause).toBeLessThan(CONCERN_ORDER.watch);
  });
});
