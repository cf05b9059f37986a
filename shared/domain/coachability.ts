/**
 * Coachability as the seed describes it (domain.md section 5): everyone shows some signs some
 * of the time, so only a sustained pattern across several observations over several weeks is
 * raised, never one entry; and no conclusion is shown until the manager has ruled out the
 * other explanations (skills, the coaching approach, trust, another coach). Pure functions.
 */
import { countOf } from './format';
import { daysBetween } from './periods';

export const SIGNS = ['bad_listener', 'not_open_to_feedback', 'knows_it_all', 'lone_wolf', 'self_centred', 'resists_change', 'passive_aggressive'] as const;
export type Sign = (typeof SIGNS)[number];
/** The signs in words (domain.md section 5): the only labels, used by screens, the agenda and the exports. */
export const SIGN_LABELS: Record<Sign, string> = {
  bad_listener: 'Bad listener',
  not_open_to_feedback: 'Not open to feedback',
  knows_it_all: 'Knows it all',
  lone_wolf: 'Isolates (lone wolf)',
  self_centred: 'Self-centred, not collaborative',
  resists_change: 'Resists change, slips back',
  passive_aggressive: 'Passive-aggressive: agrees, then does otherwise',
};
/** 0 not seen, 1 sometimes, 2 often, 3 all the time. */
export const FREQUENCY_LABELS = ['Not seen', 'Sometimes', 'Often', 'All the time'] as const;

export const CAUTIONS = ['skillsGap', 'coachingApproach', 'trust', 'anotherCoach'] as const;
export type Caution = (typeof CAUTIONS)[number];
export const CAUTION_QUESTIONS: Record<Caution, string> = {
  skillsGap: 'Could it be a skills or aptitude gap rather than unwillingness to learn?',
  coachingApproach: 'Could my coaching approach be the problem?',
  trust: 'Is there a relationship of trust between us?',
  anotherCoach: 'Has another coach been tried?',
};
export type CautionAnswer = 'yes' | 'no' | 'unsure';
export type CautionAnswers = Partial<Record<Caution, CautionAnswer>>;

export interface CoachabilityThresholds {
  /** Only observations in this many weeks before the as-of date count. */
  windowWeeks: number;
  /** An observation is concerning when at least this many signs are "often" or "all the time". */
  signsPerObservation: number;
  /** A pattern needs at least this many concerning observations… */
  minObservations: number;
  /** …spread over at least this many weeks… */
  minSpanWeeks: number;
  /** …making up at least this share of all observations in the window. */
  minShare: number;
}

export const DEFAULT_COACHABILITY: CoachabilityThresholds = {
  windowWeeks: 12,
  signsPerObservation: 2,
  minObservations: 3,
  minSpanWeeks: 4,
  minShare: 0.6,
};

export interface Observation {
  observedOn: string;
  ratings: Partial<Record<Sign, number>>;
  feedbackApplied: boolean;
  newApproachTried: boolean;
}

export type CoachabilityStatus = 'no_data' | 'fine' | 'watch' | 'pattern_check_cautions' | 'other_cause' | 'uncoachable';

export interface CoachabilityJudgement {
  status: CoachabilityStatus;
  headline: string;
  reasons: string[];
  /** Signs rated often or all the time in the concerning observations, most frequent first. */
  signs: Sign[];
  observationsInWindow: number;
  concerning: number;
  lastObservedOn: string | null;
  /** An uncoachable top performer is a risk to the team, not an exception. */
  topPerformerRisk: boolean;
}

export interface ObjectiveSignals {
  /** Commitments kept on time ÷ due, or null when none were due. */
  followThrough: number | null;
  /** Feedback follow-ups answered "applied" ÷ answered, or null. */
  feedbackApplied: number | null;
}

const HIGH = 2;
const pct = (f: number) => `${Math.round(f * 100)}%`;

export function judgeCoachability(
  observations: Observation[],
  asOf: string,
  opts: { thresholds: CoachabilityThresholds; cautions: CautionAnswers; isTopPerformer: boolean; signals: ObjectiveSignals },
): CoachabilityJudgement {
  const t = opts.thresholds;
  const inWindow = observations
    .filter((o) => o.observedOn <= asOf && daysBetween(o.observedOn, asOf) < t.windowWeeks * 7)
    .sort((a, b) => a.observedOn.localeCompare(b.observedOn));
  const last = observations.reduce<string | null>((m, o) => (o.observedOn <= asOf && (!m || o.observedOn > m) ? o.observedOn : m), null);
  const highSigns = (o: Observation) => SIGNS.filter((s) => (o.ratings[s] ?? 0) >= HIGH);
  const concerning = inWindow.filter((o) => highSigns(o).length >= t.signsPerObservation);
  const counts = new Map<Sign, number>();
  for (const o of concerning) for (const s of highSigns(o)) counts.set(s, (counts.get(s) ?? 0) + 1);
  const signs = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([s]) => s);
  const base = { signs, observationsInWindow: inWindow.length, concerning: concerning.length, lastObservedOn: last };
  const signalLines = [
    opts.signals.followThrough !== null ? `Follow-through on commitments: ${pct(opts.signals.followThrough)} kept on time.` : null,
    opts.signals.feedbackApplied !== null ? `Feedback applied when followed up: ${pct(opts.signals.feedbackApplied)}.` : null,
  ].filter((l): l is string => l !== null);
  const positives = inWindow.filter((o) => o.feedbackApplied || o.newApproachTried).length;
  const positiveLine = positives > 0 ? [`Applied feedback or tried a new approach in ${positives} of ${inWindow.length} observations.`] : [];

  if (inWindow.length === 0) {
    return { ...base, status: 'no_data', headline: 'No recent observations', reasons: [`Nothing recorded in the last ${t.windowWeeks} weeks.`, ...signalLines], topPerformerRisk: false };
  }
  const spanWeeks = concerning.length > 1 ? daysBetween(concerning[0]!.observedOn, concerning[concerning.length - 1]!.observedOn) / 7 : 0;
  const share = concerning.length / inWindow.length;
  const evidence = `${concerning.length} of ${inWindow.length} observations in the last ${t.windowWeeks} weeks show ${t.signsPerObservation}+ signs often or all the time` +
    (concerning.length > 1 ? `, over ${Math.round(spanWeeks)} weeks.` : '.');
  const pattern = concerning.length >= t.minObservations && spanWeeks >= t.minSpanWeeks && share >= t.minShare;
  if (!pattern) {
    if (concerning.length === 0) {
      return { ...base, status: 'fine', headline: 'No pattern: signs are occasional', reasons: [`${countOf(inWindow.length, 'observation')}, none with ${t.signsPerObservation}+ signs often.`, ...positiveLine, ...signalLines], topPerformerRisk: false };
    }
    return {
      ...base,
      status: 'watch',
      headline: 'Watch: not a pattern yet',
      reasons: [evidence, `A pattern needs ${t.minObservations}+ such observations over ${t.minSpanWeeks}+ weeks (${pct(t.minShare)} of all). One bad day is not a pattern.`, ...positiveLine, ...signalLines],
      topPerformerRisk: false,
    };
  }
  const unanswered = CAUTIONS.filter((c) => !opts.cautions[c] || opts.cautions[c] === 'unsure');
  if (unanswered.length > 0) {
    return {
      ...base,
      status: 'pattern_check_cautions',
      headline: 'A pattern is showing: rule out the other explanations first',
      reasons: [evidence, `Answer ${unanswered.length} caution question${unanswered.length > 1 ? 's' : ''} before drawing a conclusion.`, ...signalLines],
      topPerformerRisk: false,
    };
  }
  const other: string[] = [];
  if (opts.cautions.skillsGap === 'yes') other.push('you think it may be a skills or aptitude gap: coach or train the skill first');
  if (opts.cautions.coachingApproach === 'yes') other.push('you think your coaching approach may be the problem: change the approach first');
  if (opts.cautions.trust === 'no') other.push('there is no relationship of trust yet: build it, or you may be misreading them');
  if (opts.cautions.anotherCoach === 'no') other.push('no other coach has been tried: some people respond to someone else');
  if (other.length > 0) {
    return { ...base, status: 'other_cause', headline: 'A pattern, but another explanation is still open', reasons: [evidence, ...other.map((o) => `Not concluded: ${o}.`), ...signalLines], topPerformerRisk: false };
  }
  return {
    ...base,
    status: 'uncoachable',
    headline: opts.isTopPerformer ? 'Pattern of uncoachability in a top performer: a risk to the team' : 'Pattern of uncoachability',
    reasons: [
      evidence,
      'The cautions are ruled out: skills, your approach, trust and another coach.',
      ...signalLines,
      ...(opts.isTopPerformer ? ['Uncoachable top performers do not stay on top, and as opinion leaders they hold the team back. Not an exception.'] : []),
    ],
    topPerformerRisk: opts.isTopPerformer,
  };
}

/** The statuses in which the observations add up to a pattern (the cautions decide what it means). */
export const PATTERN_STATUSES: readonly CoachabilityStatus[] = ['pattern_check_cautions', 'other_cause', 'uncoachable'];
/**
 * Is there a pattern to discuss? The one test the Coachability screen, the one-on-one agenda and
 * the exports share: never one entry, never a "watch".
 */
export const showsPattern = (j: Pick<CoachabilityJudgement, 'status'>): boolean => PATTERN_STATUSES.includes(j.status);

/** The signs in words, in the order given (most frequent first in a judgement). */
export const signLabels = (signs: readonly Sign[]): string[] => signs.map((s) => SIGN_LABELS[s]);

/** Sort order for the team view: most concerning first. */
export const CONCERN_ORDER: Record<CoachabilityStatus, number> = {
  uncoachable: 0,
  pattern_check_cautions: 1,
  other_cause: 2,
  watch: 3,
  no_data: 4,
  fine: 5,
};
