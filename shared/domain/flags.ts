/**
 * Integrity and velocity flags on open deals (domain.md sections 3-4). Each flag carries a
 * plain reason and the coaching question to ask, above all "How do you know?".
 */
import type { Thresholds } from '../schemas/team';
import { formatDate, formatMoney } from './format';
import { daysBetween } from './periods';

export const FLAG_CODES = [
  'close_date_past',
  'close_date_pushed',
  'too_old',
  'stuck_in_stage',
  'no_activity',
  'single_threaded',
  'no_decision_maker',
  'amount_outlier',
  'value_prop_gap',
  'champion_only',
] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

export const FLAG_LABELS: Record<FlagCode, string> = {
  close_date_past: 'Close date passed',
  close_date_pushed: 'Close date pushed',
  too_old: 'Too old',
  stuck_in_stage: 'Stuck in stage',
  no_activity: 'No activity',
  single_threaded: 'Single-threaded',
  no_decision_maker: 'No decision maker',
  amount_outlier: 'Unusual amount',
  value_prop_gap: 'Value prop gaps',
  champion_only: 'Champion only',
};

export interface Flag {
  code: FlagCode;
  reason: string;
  question: string;
}

/** The facts about one open deal that the flags look at (one SQL row). */
export interface OpenDealFacts {
  stage: string;
  amount: number;
  currency: string;
  createdDate: string;
  expectedCloseDate: string | null;
  closeDateChanges: number;
  stageEnteredDate: string;
  lastActivityDate: string | null;
  stakeholderCount: number;
  decisionMakerCount: number;
  /** Latest value-proposition check: tests passing, or null when never assessed. */
  vpPassing?: number | null;
  /** Stakeholders recorded as champions (all of them champions = one voice only). */
  championCount?: number;
}

/** Which deals must have a passing value proposition: big ones late in the pipeline. */
export interface VpPolicy {
  bigDealAmount: number;
  lateStages: string[];
}

/** The rep's own history, the yardstick for "old" and "unusual". */
export interface RepBaseline {
  avgCycleDays: number | null;
  avgWonDealSize: number | null;
}

export function stageLimit(t: Thresholds, stage: string): number {
  return t.stageDays[stage] ?? t.defaultStageDays;
}

/** What the rules look at: the deal, the rep's baseline, the thresholds, and derived ages. */
interface RuleInput {
  d: OpenDealFacts;
  asOf: string;
  vp: VpPolicy | undefined;
  rep: RepBaseline;
  t: Thresholds;
  age: number;
  inStage: number;
  limit: number;
  quiet: number;
  date: (s: string | null) => string;
  locale: string | undefined;
}

interface Rule {
  code: FlagCode;
  applies: (x: RuleInput) => boolean;
  explain: (x: RuleInput) => { reason: string; question: string };
}

/** One rule per flag: the test is cheap, the wording is built only when someone reads it. */
const RULES: Rule[] = [
  {
    code: 'close_date_past',
    applies: ({ d, asOf }) => d.expectedCloseDate !== null && d.expectedCloseDate < asOf,
    explain: ({ d, asOf, date }) => {
      const late = daysBetween(d.expectedCloseDate!, asOf);
      return {
        reason: `Expected to close on ${date(d.expectedCloseDate)}, ${late} day${late === 1 ? '' : 's'} ago.`,
        question: 'How do you know this deal is still alive, and what date has the buyer committed to?',
      };
    },
  },
  {
    code: 'close_date_pushed',
    applies: ({ d }) => d.closeDateChanges >= 2,
    explain: ({ d, date }) => ({
      reason: `The close date has moved ${d.closeDateChanges} times.`,
      question: `How do you know the buyer will sign by ${date(d.expectedCloseDate)}? What changed each time it moved?`,
    }),
  },
  {
    code: 'too_old',
    applies: ({ rep, t, age }) => rep.avgCycleDays !== null && age > t.ageCycleFactor * rep.avgCycleDays,
    explain: ({ rep, t, age }) => ({
      reason: `${age} days old, more than ${t.ageCycleFactor}x the rep's average sales cycle of ${Math.round(rep.avgCycleDays!)} days.`,
      question: 'How do you know this is still a real, qualified opportunity and not a hope?',
    }),
  },
  {
    code: 'stuck_in_stage',
    applies: ({ inStage, limit }) => inStage > limit,
    explain: ({ d, inStage, limit }) => ({
      reason: `${inStage} days in ${d.stage} (the limit for this stage is ${limit}).`,
      question: 'How do you know what moves it to the next stage, and who on the buyer side has agreed to that step?',
    }),
  },
  {
    code: 'no_activity',
    applies: ({ t, quiet }) => quiet > t.noActivityDays,
    explain: ({ d, quiet, date }) => ({
      reason: d.lastActivityDate ? `No activity for ${quiet} days (since ${date(d.lastActivityDate)}).` : `No activity logged since it was created ${quiet} days ago.`,
      question: 'How do you know the buyer is still engaged? When did they last reply?',
    }),
  },
  {
    code: 'single_threaded',
    applies: ({ d }) => d.stakeholderCount <= 1,
    explain: ({ d }) => ({
      reason: d.stakeholderCount === 0 ? 'No stakeholders recorded.' : 'Only one stakeholder recorded.',
      question: 'How do you know the other people this touches agree? Who else will weigh in on the decision?',
    }),
  },
  {
    code: 'no_decision_maker',
    applies: ({ d }) => d.decisionMakerCount === 0,
    explain: () => ({
      reason: 'No decision maker identified.',
      question: 'How do you know who signs? Have you met them, and do they know why this matters to them?',
    }),
  },
  {
    code: 'amount_outlier',
    applies: ({ d, rep, t }) => rep.avgWonDealSize !== null && rep.avgWonDealSize > 0 && d.amount > t.outlierFactor * rep.avgWonDealSize,
    explain: ({ d, rep, locale }) => ({
      reason: `${formatMoney(d.amount, d.currency, locale)} is ${(d.amount / rep.avgWonDealSize!).toFixed(1)}x the rep's average won deal of ${formatMoney(rep.avgWonDealSize!, d.currency, locale)}.`,
      question: 'How do you know the buyer has budget of this size, and who approved it?',
    }),
  },
  {
    code: 'value_prop_gap',
    applies: ({ d, vp }) =>
      vp !== undefined && d.amount >= vp.bigDealAmount && vp.lateStages.includes(d.stage) && (d.vpPassing ?? null) !== 7,
    explain: ({ d, locale }) => ({
      reason:
        d.vpPassing === null || d.vpPassing === undefined
          ? `A ${formatMoney(d.amount, d.currency, locale)} deal in ${d.stage} with no value-proposition check.`
          : `A ${formatMoney(d.amount, d.currency, locale)} deal in ${d.stage}; its value proposition passes ${d.vpPassing} of 7 tests.`,
      question: 'How do you know they will choose you: can anybody else do what you do the way you do it?',
    }),
  },
  {
    code: 'champion_only',
    // A big deal is taken as enterprise-wide: it touches more people than one champion.
    applies: ({ d, vp }) => vp !== undefined && d.amount >= vp.bigDealAmount && d.stakeholderCount > 0 && (d.championCount ?? 0) === d.stakeholderCount,
    explain: ({ d }) => ({
      reason: `Only champion${d.stakeholderCount > 1 ? 's' : ''} recorded on a deal this size.`,
      question: 'How do you know the rest of the business agrees? Who else does this touch, and have you met them?',
    }),
  },
];

function ruleInput(d: OpenDealFacts, rep: RepBaseline, t: Thresholds, asOf: string, locale?: string, vp?: VpPolicy): RuleInput {
  const age = daysBetween(d.createdDate, asOf);
  return {
    d,
    asOf,
    vp,
    rep,
    t,
    age,
    inStage: daysBetween(d.stageEnteredDate, asOf),
    limit: stageLimit(t, d.stage),
    quiet: d.lastActivityDate ? daysBetween(d.lastActivityDate, asOf) : age,
    date: (s) => formatDate(s, locale),
    locale,
  };
}

/** Just which flags apply: cheap enough for every open deal of a VP's org. */
export function flagCodes(d: OpenDealFacts, rep: RepBaseline, t: Thresholds, asOf: string, vp?: VpPolicy): FlagCode[] {
  const x = ruleInput(d, rep, t, asOf, undefined, vp);
  return RULES.filter((r) => r.applies(x)).map((r) => r.code);
}

/** The flags with their reasons and "How do you know?" questions, for one deal's reader. */
export function flagDeal(d: OpenDealFacts, rep: RepBaseline, t: Thresholds, asOf: string, locale?: string, vp?: VpPolicy): Flag[] {
  const x = ruleInput(d, rep, t, asOf, locale, vp);
  return RULES.filter((r) => r.applies(x)).map((r) => ({ code: r.code, ...r.explain(x) }));
}
