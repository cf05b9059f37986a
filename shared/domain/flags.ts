/**
 * Integrity and velocity flags on open deals (domain.md sections 3-4). Each flag carries a
 * plain reason and the coaching question to ask, above all "How do you know?".
 */
import type { Thresholds } from '../schemas/team';
import { formatDate, formatMoney } from './format';
import { daysBetween } from './periods';
import { vpPasses, vpScoreOf, vpScoreText } from './valueProps';

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

/** How much a flag matters now: critical (this week), warning (next one-on-one), info (hygiene). */
export const SEVERITIES = ['critical', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_LABELS: Record<Severity, string> = { critical: 'Critical', warning: 'Warning', info: 'Info' };
/** Lower is more severe: sorts critical first. */
export const SEVERITY_RANK: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/** A flag that applies, and how severe it is: what the long pipeline list carries per deal. */
export interface FlagHit {
  code: FlagCode;
  severity: Severity;
}

export interface Flag extends FlagHit {
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
  /**
   * True when the only activity logged is later than the as-of date (a past date is being
   * replayed): what happened by then is unknown, so "no activity" is not claimed.
   */
  activityUnknown?: boolean;
  stakeholderCount: number;
  decisionMakerCount: number;
  /** Latest value-proposition check: tests passing, or null when never assessed. */
  vpPassing?: number | null;
  /** Latest value-proposition check: tests partly passing (each counts a half in the score). */
  vpPartial?: number | null;
  /** Stakeholders recorded as champions (all of them champions = one voice only). */
  championCount?: number;
}

/**
 * Big deals and late stages (settings.valueProps), and where stakeholder flags start
 * (settings.triage). Without `stages`, stakeholder flags apply in every stage.
 */
export interface VpPolicy {
  bigDealAmount: number;
  lateStages: string[];
  /** The open stages in order (settings.stages). */
  stages?: string[];
  /** Stakeholder flags apply from this stage on, and on big deals in any stage. */
  stakeholdersFromStage?: string;
}
export type FlagPolicy = VpPolicy;

/** The policy from the settings: one place, so every caller judges deals alike. */
export function flagPolicy(s: { stages: string[]; valueProps: { bigDealAmount: number; lateStages: string[] }; triage: { stakeholdersFromStage: string } }): FlagPolicy {
  return { bigDealAmount: s.valueProps.bigDealAmount, lateStages: s.valueProps.lateStages, stages: s.stages, stakeholdersFromStage: s.triage.stakeholdersFromStage };
}

/** The rep's own history, the yardstick for "old" and "unusual". */
export interface RepBaseline {
  avgCycleDays: number | null;
  avgWonDealSize: number | null;
  /**
   * False when none of the rep's open deals has a stakeholder recorded (a CRM import, a rep who does
   * not keep maps): stakeholder flags are "not tracked yet" for them rather than on every deal.
   */
  stakeholdersTracked?: boolean;
}

/** A big deal: at least the big-deal amount (settings). The one definition every rule uses. */
export const isBigDeal = (amount: number, p: { bigDealAmount: number } | undefined): boolean => p !== undefined && amount >= p.bigDealAmount;

/** A late-stage deal: its stage is one of the late stages (settings). */
export const isLateStage = (stage: string, p: { lateStages: string[] } | undefined): boolean => p !== undefined && p.lateStages.includes(stage);

/** Must this open deal have a value proposition that passes all seven? Big and late. */
export const vpRequired = (d: { amount: number; stage: string }, p: VpPolicy | undefined): boolean => isBigDeal(d.amount, p) && isLateStage(d.stage, p);

/**
 * Do stakeholder flags (single-threaded, no decision maker, champion only) apply to this deal?
 * Not for a rep with no stakeholders recorded at all; otherwise from the set stage on, or when big.
 * A stage not on the list counts as early.
 */
export function stakeholderRulesApply(d: { amount: number; stage: string }, rep: RepBaseline, p: VpPolicy | undefined): boolean {
  if (rep.stakeholdersTracked === false) return false;
  if (!p || !p.stages || !p.stakeholdersFromStage) return true;
  if (isBigDeal(d.amount, p)) return true;
  const from = p.stages.indexOf(p.stakeholdersFromStage);
  const at = p.stages.indexOf(d.stage);
  return from < 0 || (at >= 0 && at >= from);
}

/** The stakeholder map's own facts, shared by the flags and the deal page's map warnings. */
export const isSingleThreaded = (stakeholderCount: number): boolean => stakeholderCount <= 1;
export const championOnly = (stakeholderCount: number, championCount: number): boolean => stakeholderCount > 0 && championCount === stakeholderCount;

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
  big: boolean;
  late: boolean;
  people: boolean;
}

interface Rule {
  code: FlagCode;
  applies: (x: RuleInput) => boolean;
  /** How severe, from the deal's facts: the stage (late or not), the size (big or not). */
  severity: (x: RuleInput) => Severity;
  explain: (x: RuleInput) => { reason: string; question: string };
}

/** Late-stage deals are in the forecast: what goes wrong there is worse. */
const lateOrBig = ({ late, big }: RuleInput): Severity => (late || big ? 'warning' : 'info');
/** A big deal in the forecast: worth raising at the next one-on-one. */
const lateAndBig = ({ late, big }: RuleInput): Severity => (late && big ? 'warning' : 'info');

/** One rule per flag: the test is cheap, the wording is built only when someone reads it. */
const RULES: Rule[] = [
  {
    code: 'close_date_past',
    applies: ({ d, asOf }) => d.expectedCloseDate !== null && d.expectedCloseDate < asOf,
    // Passed on a late-stage deal: the forecast is wrong now. Early and small: update the date.
    severity: ({ late, big }) => (late ? 'critical' : big ? 'warning' : 'info'),
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
    // Moved again and again on a deal in the forecast.
    severity: ({ d, late }) => (late && d.closeDateChanges >= 3 ? 'warning' : 'info'),
    explain: ({ d, date }) => ({
      reason: `The close date has moved ${d.closeDateChanges} times.`,
      question: `How do you know the buyer will sign by ${date(d.expectedCloseDate)}? What changed each time it moved?`,
    }),
  },
  {
    code: 'too_old',
    applies: ({ rep, t, age }) => rep.avgCycleDays !== null && age > t.ageCycleFactor * rep.avgCycleDays,
    severity: lateAndBig,
    explain: ({ rep, t, age }) => ({
      reason: `${age} days old, more than ${t.ageCycleFactor}x the rep's average sales cycle of ${Math.round(rep.avgCycleDays!)} days.`,
      question: 'How do you know this is still a real, qualified opportunity and not a hope?',
    }),
  },
  {
    code: 'stuck_in_stage',
    applies: ({ inStage, limit }) => inStage > limit,
    severity: lateAndBig,
    explain: ({ d, inStage, limit }) => ({
      reason: `${inStage} days in ${d.stage} (the limit for this stage is ${limit}).`,
      question: 'How do you know what moves it to the next stage, and who on the buyer side has agreed to that step?',
    }),
  },
  {
    code: 'no_activity',
    applies: ({ d, t, quiet }) => !d.activityUnknown && quiet > t.noActivityDays,
    severity: lateOrBig,
    explain: ({ d, quiet, date }) => ({
      reason: d.lastActivityDate ? `No activity for ${quiet} days (since ${date(d.lastActivityDate)}).` : `No activity logged since it was created ${quiet} days ago.`,
      question: 'How do you know the buyer is still engaged? When did they last reply?',
    }),
  },
  {
    code: 'single_threaded',
    applies: ({ d, people }) => people && isSingleThreaded(d.stakeholderCount),
    // One contact on a big, enterprise-wide deal in the forecast is how big deals are lost (domain.md section 7).
    severity: ({ late, big }) => (late && big ? 'critical' : 'info'),
    explain: ({ d }) => ({
      reason: d.stakeholderCount === 0 ? 'No stakeholders recorded.' : 'Only one stakeholder recorded.',
      question: 'How do you know the other people this touches agree? Who else will weigh in on the decision?',
    }),
  },
  {
    code: 'no_decision_maker',
    applies: ({ d, people }) => people && d.decisionMakerCount === 0,
    // Nobody who signs on a big deal in the forecast.
    severity: ({ late, big }) => (late && big ? 'critical' : 'info'),
    explain: () => ({
      reason: 'No decision maker identified.',
      question: 'How do you know who signs? Have you met them, and do they know why this matters to them?',
    }),
  },
  {
    code: 'amount_outlier',
    applies: ({ d, rep, t }) => rep.avgWonDealSize !== null && rep.avgWonDealSize > 0 && d.amount > t.outlierFactor * rep.avgWonDealSize,
    severity: () => 'info',
    explain: ({ d, rep, locale }) => ({
      reason: `${formatMoney(d.amount, d.currency, locale)} is ${(d.amount / rep.avgWonDealSize!).toFixed(1)}x the rep's average won deal of ${formatMoney(rep.avgWonDealSize!, d.currency, locale)}.`,
      question: 'How do you know the buyer has budget of this size, and who approved it?',
    }),
  },
  {
    code: 'value_prop_gap',
    applies: ({ d, vp }) => vpRequired(d, vp) && !vpPasses(dealVpScore(d)),
    severity: () => 'warning',
    explain: ({ d, locale }) => {
      const score = dealVpScore(d);
      return {
      reason:
        score === null
          ? `A ${formatMoney(d.amount, d.currency, locale)} deal in ${d.stage} with no value-proposition check.`
          : `A ${formatMoney(d.amount, d.currency, locale)} deal in ${d.stage}; its value proposition scores ${vpScoreText(score)}.`,
      question: 'How do you know they will choose you: can anybody else do what you do the way you do it?',
      };
    },
  },
  {
    code: 'champion_only',
    // A big deal is taken as enterprise-wide: it touches more people than one champion.
    applies: ({ d, big, people }) => people && big && championOnly(d.stakeholderCount, d.championCount ?? 0),
    severity: ({ late }) => (late ? 'warning' : 'info'),
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
    big: isBigDeal(d.amount, vp),
    late: isLateStage(d.stage, vp),
    people: stakeholderRulesApply(d, rep, vp),
  };
}

/** The latest check's score out of 7 (a pass 1, a partial ½), or null when never assessed. */
export function dealVpScore(d: Pick<OpenDealFacts, 'vpPassing' | 'vpPartial'>): number | null {
  return d.vpPassing === null || d.vpPassing === undefined ? null : vpScoreOf(d.vpPassing, d.vpPartial ?? 0);
}

/** Just which flags apply: cheap enough for every open deal of a VP's org. */
export function flagCodes(d: OpenDealFacts, rep: RepBaseline, t: Thresholds, asOf: string, vp?: VpPolicy): FlagCode[] {
  const x = ruleInput(d, rep, t, asOf, undefined, vp);
  return RULES.filter((r) => r.applies(x)).map((r) => r.code);
}

/** Which flags apply and how severe each is, without the wording: for every open deal. */
export function flagHits(d: OpenDealFacts, rep: RepBaseline, t: Thresholds, asOf: string, vp?: VpPolicy): FlagHit[] {
  const x = ruleInput(d, rep, t, asOf, undefined, vp);
  const out: FlagHit[] = [];
  for (const r of RULES) if (r.applies(x)) out.push({ code: r.code, severity: r.severity(x) });
  return out;
}

/** The most severe of a deal's flags (the first in rule order among equals), or null. */
export function topFlag<F extends FlagHit>(flags: readonly F[]): F | null {
  let top: F | null = null;
  for (const f of flags) if (!top || SEVERITY_RANK[f.severity] < SEVERITY_RANK[top.severity]) top = f;
  return top;
}

/** The flags most severe first (rule order among equals): how chips and lists show them. */
export function bySeverity<F extends FlagHit>(flags: readonly F[]): F[] {
  return flags
    .map((f, i) => [f, i] as const)
    .sort((a, b) => SEVERITY_RANK[a[0].severity] - SEVERITY_RANK[b[0].severity] || a[1] - b[1])
    .map(([f]) => f);
}

/** The flags with their reasons and "How do you know?" questions, for one deal's reader. */
export function flagDeal(d: OpenDealFacts, rep: RepBaseline, t: Thresholds, asOf: string, locale?: string, vp?: VpPolicy): Flag[] {
  const x = ruleInput(d, rep, t, asOf, locale, vp);
  return RULES.filter((r) => r.applies(x)).map((r) => ({ code: r.code, severity: r.severity(x), ...r.explain(x) }));
}
