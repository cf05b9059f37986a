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
}

/** The rep's own history, the yardstick for "old" and "unusual". */
export interface RepBaseline {
  avgCycleDays: number | null;
  avgWonDealSize: number | null;
}

export function stageLimit(t: Thresholds, stage: string): number {
  return t.stageDays[stage] ?? t.defaultStageDays;
}

export function flagDeal(d: OpenDealFacts, rep: RepBaseline, t: Thresholds, asOf: string, locale?: string): Flag[] {
  const flags: Flag[] = [];
  const date = (s: string | null) => formatDate(s, locale);
  if (d.expectedCloseDate && d.expectedCloseDate < asOf) {
    const late = daysBetween(d.expectedCloseDate, asOf);
    flags.push({
      code: 'close_date_past',
      reason: `Expected to close on ${date(d.expectedCloseDate)}, ${late} day${late === 1 ? '' : 's'} ago.`,
      question: 'How do you know this deal is still alive, and what date has the buyer committed to?',
    });
  }
  if (d.closeDateChanges >= 2) {
    flags.push({
      code: 'close_date_pushed',
      reason: `The close date has moved ${d.closeDateChanges} times.`,
      question: `How do you know the buyer will sign by ${date(d.expectedCloseDate)}? What changed each time it moved?`,
    });
  }
  const age = daysBetween(d.createdDate, asOf);
  if (rep.avgCycleDays !== null && age > t.ageCycleFactor * rep.avgCycleDays) {
    flags.push({
      code: 'too_old',
      reason: `${age} days old, more than ${t.ageCycleFactor}x the rep's average sales cycle of ${Math.round(rep.avgCycleDays)} days.`,
      question: 'How do you know this is still a real, qualified opportunity and not a hope?',
    });
  }
  const inStage = daysBetween(d.stageEnteredDate, asOf);
  const limit = stageLimit(t, d.stage);
  if (inStage > limit) {
    flags.push({
      code: 'stuck_in_stage',
      reason: `${inStage} days in ${d.stage} (the limit for this stage is ${limit}).`,
      question: 'How do you know what moves it to the next stage, and who on the buyer side has agreed to that step?',
    });
  }
  const lastTouch = d.lastActivityDate ?? d.createdDate;
  const quiet = daysBetween(lastTouch, asOf);
  if (quiet > t.noActivityDays) {
    flags.push({
      code: 'no_activity',
      reason: d.lastActivityDate ? `No activity for ${quiet} days (since ${date(d.lastActivityDate)}).` : `No activity logged since it was created ${quiet} days ago.`,
      question: 'How do you know the buyer is still engaged? When did they last reply?',
    });
  }
  if (d.stakeholderCount <= 1) {
    flags.push({
      code: 'single_threaded',
      reason: d.stakeholderCount === 0 ? 'No stakeholders recorded.' : 'Only one stakeholder recorded.',
      question: 'How do you know the other people this touches agree? Who else will weigh in on the decision?',
    });
  }
  if (d.decisionMakerCount === 0) {
    flags.push({
      code: 'no_decision_maker',
      reason: 'No decision maker identified.',
      question: 'How do you know who signs? Have you met them, and do they know why this matters to them?',
    });
  }
  if (rep.avgWonDealSize !== null && rep.avgWonDealSize > 0 && d.amount > t.outlierFactor * rep.avgWonDealSize) {
    flags.push({
      code: 'amount_outlier',
      reason: `${formatMoney(d.amount, d.currency, locale)} is ${(d.amount / rep.avgWonDealSize).toFixed(1)}x the rep's average won deal of ${formatMoney(rep.avgWonDealSize, d.currency, locale)}.`,
      question: 'How do you know the buyer has budget of this size, and who approved it?',
    });
  }
  return flags;
}
