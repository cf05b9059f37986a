/**
 * Per-rep pipeline math (domain.md sections 2-3), as pure functions over aggregates that
 * SQL has already summed. Coverage is set per rep from that rep's own win rate, never from
 * a global "3x"; every division by zero is a stated "no data" case, not NaN or Infinity.
 */
import type { Thresholds } from '../schemas/team';
import { countOf } from './format';

/** What SQL returns per rep for the trailing window and the current quota period. */
export interface RepAggregates {
  repId: number;
  name: string;
  hireDate: string | null;
  quota: number;
  wonCount: number;
  lostCount: number;
  wonValue: number;
  lostValue: number;
  /** Sum of (closed - created) days over the won deals that have a cycle (see cycleCount). */
  wonCycleDays: number;
  /** Won deals with a cycle: closed on or after the day they were created. */
  cycleCount: number;
  openCount: number;
  openValue: number;
  wonThisPeriod: number;
  /** New opportunities created per week, oldest first, the last entry being this week. */
  weeklyNewOpps: number[];
}

export interface NeedsInput {
  remainingQuota: number;
  winRate: number | null;
  avgDealSize: number | null;
  cycleDays: number | null;
  openValue: number;
  prospectsPerOpp: number;
  /** Days left in the quota period, counting today. */
  daysLeft: number;
}

export interface Needs {
  requiredCoverage: number | null;
  /** Wins still needed this period. */
  winsNeeded: number | null;
  /** Opportunities needed to get those wins at this win rate (quota / deal size / win rate). */
  dealsNeeded: number | null;
  /** Pipeline value needed at this win rate. */
  valueNeeded: number | null;
  /** Pipeline value missing against what is open now. */
  gapValue: number | null;
  /** New opportunities to create to close the gap. */
  oppsToAdd: number | null;
  /** Prospects to work to create them, at the prospect-to-opportunity ratio. */
  prospectsNeeded: number | null;
  /** Whether an opportunity created today can close within the period at the usual cycle. */
  newOppsCanCloseThisPeriod: boolean | null;
}

export type DiagnosisKind = 'on_track' | 'coverage' | 'activity' | 'effectiveness' | 'both' | 'new_hire' | 'no_data' | 'quota_met';

/** The diagnosis in a word or two: the badge on every screen, the CLI and the exports. */
export const DIAGNOSIS_LABELS: Record<DiagnosisKind, string> = {
  on_track: 'On track',
  quota_met: 'Quota met',
  coverage: 'Pipeline short',
  activity: 'Too few opportunities',
  effectiveness: 'Win rate too low',
  both: 'Activity and win rate',
  new_hire: 'New hire',
  no_data: 'Not enough data',
};

/** What each measure is called on the rep page, the Dashboard and in the reviews: one table. */
export const METRIC_LABELS = {
  winRate: 'Win rate (count / value)',
  avgWonDeal: 'Avg won deal',
  avgCycle: 'Avg cycle',
  /** Followed by the quota period: "Won Q4 2026". */
  won: 'Won',
  attainment: 'Attainment',
  coverage: 'Coverage needed / actual',
  openPipeline: 'Open pipeline',
  newOppsPerWeek: 'New opps / week',
  oppsNeeded: 'Opportunities needed',
} as const;

export const DIAGNOSIS_TONES: Record<DiagnosisKind, 'good' | 'warn' | 'bad' | 'neutral'> = {
  on_track: 'good',
  quota_met: 'good',
  coverage: 'warn',
  activity: 'warn',
  effectiveness: 'bad',
  both: 'bad',
  new_hire: 'neutral',
  no_data: 'neutral',
};

/**
 * Coverage against what the rep's own win rate requires: the one rule behind the red or green
 * coverage on every screen and the diagnosis ("on track" is never shown beside a shortfall).
 *   short:  open pipeline ÷ remaining quota is below 1 ÷ win rate
 *   enough: at or above it
 *   met:    nothing left to cover (quota met, or no quota)
 *   unknown: no win rate yet
 */
export type CoverageStatus = 'short' | 'enough' | 'met' | 'unknown';
export function coverageStatus(m: { needs: { requiredCoverage: number | null }; actualCoverage: number | null }): CoverageStatus {
  if (m.needs.requiredCoverage === null) return 'unknown';
  if (m.actualCoverage === null) return 'met';
  return m.actualCoverage < m.needs.requiredCoverage ? 'short' : 'enough';
}

/** The word beside required and actual coverage, on every screen and in the reviews. */
export const COVERAGE_LABELS: Record<CoverageStatus, string> = { short: 'short', enough: 'covered', met: 'quota met', unknown: 'no win rate yet' };

export interface Diagnosis {
  kind: DiagnosisKind;
  headline: string;
  /** The numbers behind the verdict, in sentences. */
  evidence: string[];
}

export interface RepMetrics extends RepAggregates {
  closedCount: number;
  winRate: number | null;
  winRateByValue: number | null;
  avgWonDealSize: number | null;
  avgCycleDays: number | null;
  attainment: number | null;
  remainingQuota: number;
  actualCoverage: number | null;
  newOppsPerWeek: number;
  /** Change in new opps per week, per week, over the weeks shown (least squares). */
  newOppsTrend: number;
  /** New opps per week the quota needs at this rep's deal size and the better of their and the team's win rate. */
  neededOppsPerWeek: number | null;
  needs: Needs;
  diagnosis: Diagnosis;
}

export const safeDiv = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/**
 * Average days from created to won. A deal recorded as closing before it was created (CRM
 * migrations stamp the load date as "created") counts for won, lost and value but has no
 * cycle: it is left out here, never averaged in as a negative one.
 */
export const averageCycleDays = (s: { wonCycleDays: number; cycleCount: number }): number | null => safeDiv(s.wonCycleDays, s.cycleCount);

/** Least-squares slope of a series against its index. */
export function slope(ys: number[]): number {
  const n = ys.length;
  if (n < 2) return 0;
  const mx = (n - 1) / 2;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let num = 0;
  let den = 0;
  ys.forEach((y, x) => {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}

/** The pipeline a rep still needs this period, from their own numbers (also the what-if). */
export function computeNeeds(i: NeedsInput): Needs {
  const requiredCoverage = i.winRate && i.winRate > 0 ? 1 / i.winRate : null;
  const winsNeeded = i.avgDealSize ? i.remainingQuota / i.avgDealSize : null;
  const dealsNeeded = winsNeeded !== null && requiredCoverage !== null ? winsNeeded * requiredCoverage : null;
  const valueNeeded = requiredCoverage !== null ? i.remainingQuota * requiredCoverage : null;
  const gapValue = valueNeeded !== null ? Math.max(0, valueNeeded - i.openValue) : null;
  const oppsToAdd = gapValue !== null && i.avgDealSize ? Math.ceil(gapValue / i.avgDealSize) : null;
  return {
    requiredCoverage,
    winsNeeded,
    dealsNeeded,
    valueNeeded,
    gapValue,
    oppsToAdd,
    prospectsNeeded: oppsToAdd !== null ? Math.ceil(oppsToAdd * i.prospectsPerOpp) : null,
    newOppsCanCloseThisPeriod: i.cycleDays !== null ? i.cycleDays <= i.daysLeft : null,
  };
}

export interface MetricsContext {
  asOf: string;
  /** Days since hire, or null when unknown. */
  tenureDays: number | null;
  daysLeftInPeriod: number;
  weeksInPeriod: number;
  prospectsPerOpp: number;
  windowMonths: number;
  thresholds: Thresholds;
  /**
   * The team's win rate. Activity is judged against what the quota needs at the better of
   * the rep's and the team's win rate, so a low win rate is not mistaken for low activity.
   */
  referenceWinRate: number | null;
}

const pct = (f: number) => `${Math.round(f * 100)}%`;
const one = (n: number) => (Math.round(n * 10) / 10).toString();

export function computeRepMetrics(a: RepAggregates, c: MetricsContext): RepMetrics {
  const closedCount = a.wonCount + a.lostCount;
  const winRate = safeDiv(a.wonCount, closedCount);
  const winRateByValue = safeDiv(a.wonValue, a.wonValue + a.lostValue);
  const avgWonDealSize = safeDiv(a.wonValue, a.wonCount);
  const avgCycleDays = averageCycleDays(a);
  const remainingQuota = Math.max(0, a.quota - a.wonThisPeriod);
  const weeks = a.weeklyNewOpps.length || 1;
  const newOppsPerWeek = a.weeklyNewOpps.reduce((s, n) => s + n, 0) / weeks;
  const judgeRate = Math.max(winRate ?? 0, c.referenceWinRate ?? 0);
  const perPeriod = a.quota > 0 && avgWonDealSize && judgeRate > 0 ? a.quota / avgWonDealSize / judgeRate : null;
  const neededOppsPerWeek = perPeriod !== null ? perPeriod / c.weeksInPeriod : null;
  const needs = computeNeeds({
    remainingQuota,
    winRate,
    avgDealSize: avgWonDealSize,
    cycleDays: avgCycleDays,
    openValue: a.openValue,
    prospectsPerOpp: c.prospectsPerOpp,
    daysLeft: c.daysLeftInPeriod,
  });
  // Spelled out, not "...a": V8 gives an object spread followed by a dozen new keys a map of its
  // own, per object (30 µs each, most of the Dashboard's time at 1,000 reps).
  const base: Base = {
    repId: a.repId,
    name: a.name,
    hireDate: a.hireDate,
    quota: a.quota,
    wonCount: a.wonCount,
    lostCount: a.lostCount,
    wonValue: a.wonValue,
    lostValue: a.lostValue,
    wonCycleDays: a.wonCycleDays,
    cycleCount: a.cycleCount,
    openCount: a.openCount,
    openValue: a.openValue,
    wonThisPeriod: a.wonThisPeriod,
    weeklyNewOpps: a.weeklyNewOpps,
    closedCount,
    winRate,
    winRateByValue,
    avgWonDealSize,
    avgCycleDays,
    attainment: safeDiv(a.wonThisPeriod, a.quota),
    remainingQuota,
    actualCoverage: safeDiv(a.openValue, remainingQuota),
    newOppsPerWeek,
    newOppsTrend: slope(a.weeklyNewOpps),
    neededOppsPerWeek,
    needs,
  };
  return Object.assign(base, { diagnosis: diagnose(base, c) });
}

type Base = Omit<RepMetrics, 'diagnosis'>;

/** Activity (too few opportunities) vs effectiveness (win rate too low), with the evidence. */
export function diagnose(m: Base, c: MetricsContext): Diagnosis {
  const t = c.thresholds;
  const oppsLine = `${one(m.newOppsPerWeek)} new opportunities a week over the last ${m.weeklyNewOpps.length} weeks` +
    (m.neededOppsPerWeek !== null ? `; the quota needs about ${one(m.neededOppsPerWeek)} at their deal size.` : '.');
  if (c.tenureDays !== null && c.tenureDays < t.newHireDays) {
    return {
      kind: 'new_hire',
      headline: 'New hire: judge activity, not results, for now',
      evidence: [`Hired ${c.tenureDays} days ago (new-hire period: ${t.newHireDays} days).`, oppsLine,
        m.closedCount === 0 ? 'No deals closed yet, so there is no win rate to judge.' : `${countOf(m.closedCount, 'deal')} closed so far.`],
    };
  }
  if (m.closedCount === 0) {
    return {
      kind: 'no_data',
      headline: 'Not enough data: no deals closed in the window',
      evidence: [`No deals won or lost in the last ${c.windowMonths} months, so win rate and required coverage are unknown.`, oppsLine],
    };
  }
  const winLine = `Win rate ${pct(m.winRate!)} (${m.wonCount} won of ${m.closedCount} closed); the floor is ${pct(t.minWinRate)}.`;
  const lowWin = m.winRate! < t.minWinRate;
  const fewOpps = m.neededOppsPerWeek !== null ? m.newOppsPerWeek < t.activityShare * m.neededOppsPerWeek : m.newOppsPerWeek === 0;
  const coverageLine =
    m.needs.requiredCoverage === null
      ? 'No wins in the window, so no coverage is enough.'
      : m.quota === 0
        ? 'No quota set, so coverage is not measured.'
        : m.actualCoverage === null
        ? 'Quota for this period is already met.'
        : `Coverage ${one(m.actualCoverage)}x against the ${one(m.needs.requiredCoverage)}x their win rate requires.`;
  if (lowWin && fewOpps) {
    return { kind: 'both', headline: 'Too few opportunities and win rate too low', evidence: [oppsLine, winLine, coverageLine] };
  }
  if (lowWin) {
    return { kind: 'effectiveness', headline: 'Win rate too low: coach skills, not activity', evidence: [winLine, oppsLine, coverageLine] };
  }
  if (fewOpps) {
    return { kind: 'activity', headline: 'Too few opportunities: set prospecting standards', evidence: [oppsLine, winLine, coverageLine] };
  }
  if (m.remainingQuota === 0 && m.quota > 0) {
    return { kind: 'quota_met', headline: 'Quota met this period', evidence: [winLine, oppsLine] };
  }
  // Win rate and activity are fine, but what is open now does not cover what is left.
  if (m.quota > 0 && coverageStatus(m) === 'short') {
    const add =
      m.needs.oppsToAdd !== null
        ? `About ${m.needs.oppsToAdd} more opportunit${m.needs.oppsToAdd === 1 ? 'y' : 'ies'} at their deal size${m.needs.prospectsNeeded !== null ? ` (${m.needs.prospectsNeeded} prospects)` : ''} would close the gap.`
        : 'More pipeline is needed to close the gap.';
    return { kind: 'coverage', headline: 'Pipeline short: coverage below what their win rate needs', evidence: [coverageLine, add, winLine, oppsLine] };
  }
  return { kind: 'on_track', headline: 'On track', evidence: [winLine, oppsLine, coverageLine] };
}

/** Team totals from the per-rep sums (rates from summed counts, never averaged rates). */
export function teamAggregates(reps: RepAggregates[]): RepAggregates {
  const sum = (f: (r: RepAggregates) => number) => reps.reduce((s, r) => s + f(r), 0);
  const weeks = Math.max(0, ...reps.map((r) => r.weeklyNewOpps.length));
  return {
    repId: 0,
    name: 'Team',
    hireDate: null,
    quota: sum((r) => r.quota),
    wonCount: sum((r) => r.wonCount),
    lostCount: sum((r) => r.lostCount),
    wonValue: sum((r) => r.wonValue),
    lostValue: sum((r) => r.lostValue),
    wonCycleDays: sum((r) => r.wonCycleDays),
    cycleCount: sum((r) => r.cycleCount),
    openCount: sum((r) => r.openCount),
    openValue: sum((r) => r.openValue),
    wonThisPeriod: sum((r) => r.wonThisPeriod),
    weeklyNewOpps: Array.from({ length: weeks }, (_, i) => sum((r) => r.weeklyNewOpps[i] ?? 0)),
  };
}
