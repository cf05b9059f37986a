/**
 * Team development (domain.md sections 9-11): learn from the top performers instead of
 * accepting Pareto, tell talent from effort, and focus each rep on their top two drivers for
 * at least 60 days, judged by whether the metric moved. Pure: SQL sums, this decides.
 */

import { countOf, formatMoney, formatPercent } from './format';
import { averageCycleDays } from './metrics';
import { addDays } from './periods';

export const DRIVERS = ['win_rate', 'deal_size', 'cycle', 'new_opps', 'stakeholders', 'value_props', 'follow_through'] as const;
export type Driver = (typeof DRIVERS)[number];

export interface DriverDef {
  key: Driver;
  label: string;
  /** Cycle time is better when shorter; everything else when higher. */
  higherIsBetter: boolean;
  unit: 'percent' | 'money' | 'days' | 'number';
  /** What coaching on this driver looks like (the seed's wording). */
  coaching: string;
}

export const DRIVER_DEFS: Record<Driver, DriverDef> = {
  win_rate: { key: 'win_rate', label: 'Win rate', higherIsBetter: true, unit: 'percent', coaching: 'Skill coaching: qualification, sales approach, consensus across stakeholders, value creation.' },
  deal_size: { key: 'deal_size', label: 'Average won deal', higherIsBetter: true, unit: 'money', coaching: 'Sell to the right level and breadth: more stakeholders, a bigger problem, a stronger value proposition.' },
  cycle: { key: 'cycle', label: 'Sales cycle', higherIsBetter: false, unit: 'days', coaching: 'Velocity: inspect stuck deals, ask "How do you know?" about every close date.' },
  new_opps: { key: 'new_opps', label: 'New opportunities per week', higherIsBetter: true, unit: 'number', coaching: 'Activity: clear prospecting standards and weekly accountability.' },
  stakeholders: { key: 'stakeholders', label: 'Stakeholders per deal', higherIsBetter: true, unit: 'number', coaching: 'Multi-threading: map every deal, reach the decision maker through the mid-level contact.' },
  value_props: { key: 'value_props', label: 'Value-proposition pass rate', higherIsBetter: true, unit: 'percent', coaching: 'Value propositions: different, compelling, tailored, measurable, time-bound, memorable, defendable.' },
  follow_through: { key: 'follow_through', label: 'Follow-through on commitments', higherIsBetter: true, unit: 'percent', coaching: 'Accountability: small commitments, kept on time, reviewed in every one-on-one.' },
};

/** What SQL sums per rep over a period. */
export interface RepPeriodSums {
  repId: number;
  name: string;
  wonCount: number;
  lostCount: number;
  wonValue: number;
  wonCycleDays: number;
  /** Won deals with a cycle (closed on or after created); see averageCycleDays. */
  cycleCount: number;
  newOpps: number;
  /** Days in the period (new opportunities per week = newOpps / days * 7). */
  days: number;
  dealsMapped: number;
  stakeholders: number;
  /** Value-proposition tests passed (a partial counts half) and tests assessed. */
  vpPoints: number;
  vpTests: number;
  commitmentsDue: number;
  commitmentsKeptOnTime: number;
}

export type DriverValues = Record<Driver, number | null>;

export interface RepDrivers {
  repId: number;
  name: string;
  wonValue: number;
  values: DriverValues;
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

export function driverValues(s: RepPeriodSums): RepDrivers {
  return {
    repId: s.repId,
    name: s.name,
    wonValue: s.wonValue,
    values: {
      win_rate: ratio(s.wonCount, s.wonCount + s.lostCount),
      deal_size: ratio(s.wonValue, s.wonCount),
      cycle: averageCycleDays(s),
      new_opps: s.days > 0 ? (s.newOpps / s.days) * 7 : null,
      stakeholders: ratio(s.stakeholders, s.dealsMapped),
      value_props: ratio(s.vpPoints, s.vpTests),
      follow_through: ratio(s.commitmentsKeptOnTime, s.commitmentsDue),
    },
  };
}

const mean = (xs: (number | null)[]): number | null => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
};

export function median(xs: (number | null)[]): number | null {
  const v = xs.filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
}

export interface DriverGap {
  driver: Driver;
  top: number | null;
  rest: number | null;
  /** How far the rest trail the top group, as a share of the top group's value (0.4 = 40 % behind); negative when the rest are ahead. */
  gap: number | null;
}

export interface TopVsRest {
  topRepIds: number[];
  /** Each rep's share of the team's won value, largest first. */
  shares: { repId: number; name: string; wonValue: number; share: number | null; top: boolean }[];
  topShareOfValue: number | null;
  drivers: DriverGap[];
  /** The drivers where the rest trail most: the team's coaching focus (at most two). */
  focus: Driver[];
}

/** The rest's shortfall against the top group, in the driver's good direction. */
export function relativeGap(driver: Driver, top: number | null, other: number | null): number | null {
  if (top === null || other === null || top === 0) return null;
  const g = (top - other) / Math.abs(top);
  return DRIVER_DEFS[driver].higherIsBetter ? g : -g;
}

/**
 * Splits the team by won value into the top group (the top `share`, at least one rep) and
 * the rest, and compares the two on every driver (means of per-rep values, ignoring reps
 * without data for that driver).
 */
export function topVsRest(reps: RepDrivers[], share = 0.2): TopVsRest {
  const sorted = [...reps].sort((a, b) => b.wonValue - a.wonValue || a.name.localeCompare(b.name));
  const n = sorted.length;
  const topCount = n === 0 ? 0 : Math.min(n - 1 || 1, Math.max(1, Math.round(n * share)));
  const top = sorted.slice(0, topCount);
  const rest = sorted.slice(topCount);
  const total = sorted.reduce((a, r) => a + r.wonValue, 0);
  const drivers = DRIVERS.map((d): DriverGap => {
    const t = mean(top.map((r) => r.values[d]));
    const r = mean(rest.map((x) => x.values[d]));
    return { driver: d, top: t, rest: r, gap: relativeGap(d, t, r) };
  });
  const focus = drivers
    .filter((g) => g.gap !== null && g.gap > 0.05)
    .sort((a, b) => b.gap! - a.gap!)
    .slice(0, 2)
    .map((g) => g.driver);
  return {
    topRepIds: top.map((r) => r.repId),
    shares: sorted.map((r, i) => ({ repId: r.repId, name: r.name, wonValue: r.wonValue, share: ratio(r.wonValue, total), top: i < topCount })),
    topShareOfValue: ratio(top.reduce((a, r) => a + r.wonValue, 0), total),
    drivers,
    focus,
  };
}

export interface Projection {
  current: number;
  /** If every rep outside the top group produced what the top group produces per rep. */
  ifRestMatchedTop: number;
  /** If they closed half of that gap. */
  ifHalfTheGap: number;
  /** ifRestMatchedTop / current. */
  multiple: number | null;
  /** What the top group won per rep, the bar the rest are held to. */
  perTopRep: number;
  /** How many reps are outside the top group. */
  restCount: number;
}

/** "Shift the numerator": the team's own numbers, had the rest matched the top group. */
export function shiftTheNumerator(t: TopVsRest): Projection {
  const top = t.shares.filter((s) => s.top);
  const rest = t.shares.filter((s) => !s.top);
  const topTotal = top.reduce((a, s) => a + s.wonValue, 0);
  const restTotal = rest.reduce((a, s) => a + s.wonValue, 0);
  const perTopRep = top.length ? topTotal / top.length : 0;
  // A rep already above the top group's average is not lowered to it.
  const restMatched = rest.reduce((a, s) => a + Math.max(s.wonValue, perTopRep), 0);
  const current = topTotal + restTotal;
  const ifRestMatchedTop = topTotal + restMatched;
  const ifHalfTheGap = topTotal + restTotal + (restMatched - restTotal) / 2;
  return { current, ifRestMatchedTop, ifHalfTheGap, multiple: ratio(ifRestMatchedTop, current), perTopRep, restCount: rest.length };
}

/**
 * "Shift the numerator" in plain words, for a reader who has not seen the seed: the screen and
 * the team review say it the same way. `money` formats an amount in the team's currency.
 */
export function explainShiftTheNumerator(p: Projection, money: (n: number) => string): string {
  const why = 'Instead of accepting that a few reps bring in most of the sales, raise what the others win.';
  if (p.restCount === 0 || p.perTopRep === 0) return `${why} There are not enough reps with wins in the period to compare yet.`;
  const times = p.multiple !== null && p.multiple >= 1.05 ? `, ${p.multiple.toFixed(1)} times as much` : '';
  return (
    `${why} In this period the top group won ${money(p.perTopRep)} per rep. ` +
    `${p.restCount === 1 ? 'Had the one other rep' : `Had each of the other ${countOf(p.restCount, 'rep')}`} won at least that much (a rep already above it counts as they are), ` +
    `the team would have won ${money(p.ifRestMatchedTop)} instead of ${money(p.current)}${times}. ` +
    `Closing half of that gap is worth ${money(p.ifHalfTheGap)}.`
  );
}

export const QUADRANTS = ['talent_and_effort', 'effort_learning', 'talent_not_effort', 'neither'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export const QUADRANT_DEFS: Record<Quadrant, { label: string; guidance: string }> = {
  talent_and_effort: {
    label: 'Talented and working hard',
    guidance: 'The best. Stretch them toward bigger responsibilities, learn from what they do, and do not neglect them.',
  },
  effort_learning: {
    label: 'Working hard, still learning',
    guidance: 'Hard workers fail when they will not learn. Skill coaching on their weakest driver; hard workers who learn fast match the talented.',
  },
  talent_not_effort: {
    label: 'Talented, not working hard enough',
    guidance: 'Talented people fail when they will not work. Set clear activity standards and hold them to account every week.',
  },
  neither: {
    label: 'Neither yet',
    guidance: 'Start with activity standards, then one skill at a time; if nothing moves in 60 days, talk about fit.',
  },
};

/** What the screen and the team review say beside a placement that differs from the data's. */
export const PLACEMENT_DIFFERS_TEXT = 'Differs from the data: worth a look.';

/** The manager placed the rep in another quadrant than the data does: worth a look, and the numbers beside it. */
export const placementDiffers = (data: Pick<Placement, 'quadrant'>, manager: { quadrant: Quadrant } | null): boolean =>
  manager !== null && data.quadrant !== null && manager.quadrant !== data.quadrant;

export interface Placement {
  quadrant: Quadrant | null;
  /** Activity against the team median (1 = the median). */
  effort: number | null;
  /** Win rate and deal size against the team medians, averaged. */
  effectiveness: number | null;
  reason: string;
}

/**
 * Where the data puts a rep: effort from new opportunities per week, effectiveness from win
 * rate and deal size, each against the team's median (at or above the median is "high").
 */
export function placeRep(rep: RepDrivers, team: RepDrivers[]): Placement {
  const med = (d: Driver) => median(team.map((r) => r.values[d]));
  const rel = (d: Driver) => {
    const m = med(d);
    const v = rep.values[d];
    return v === null || m === null || m === 0 ? null : v / m;
  };
  const effort = rel('new_opps');
  const parts = [rel('win_rate'), rel('deal_size')].filter((x): x is number => x !== null);
  const effectiveness = parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : null;
  if (effort === null || effectiveness === null) {
    return { quadrant: null, effort, effectiveness, reason: 'Not enough data yet: it needs new opportunities and closed deals in the period.' };
  }
  const hiE = effort >= 1;
  const hiS = effectiveness >= 1;
  const quadrant: Quadrant = hiE && hiS ? 'talent_and_effort' : hiE ? 'effort_learning' : hiS ? 'talent_not_effort' : 'neither';
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  return {
    quadrant,
    effort,
    effectiveness,
    reason: `New opportunities at ${pct(effort)} of the team median; win rate and deal size at ${pct(effectiveness)}.`,
  };
}

/** The two drivers where this rep trails the top group most: the suggested plan. */
export function suggestDrivers(rep: RepDrivers, t: TopVsRest): Driver[] {
  return t.drivers
    .map((g) => ({ driver: g.driver, gap: relativeGap(g.driver, g.top, rep.values[g.driver]) }))
    .filter((x): x is { driver: Driver; gap: number } => x.gap !== null && x.gap > 0.05)
    .sort((a, b) => b.gap - a.gap)
    .slice(0, 2)
    .map((x) => x.driver);
}

export const MIN_PLAN_DAYS = 60;
export const CHECKIN_EVERY_DAYS = 14;

export type PlanOutcome = 'improved' | 'declined' | 'flat' | 'too_early' | 'no_data';

export const PLAN_OUTCOME_TEXT: Record<PlanOutcome, string> = {
  improved: 'the metric moved the right way',
  declined: 'the metric moved the wrong way',
  flat: 'the metric has not moved (within 5 %)',
  too_early: 'too early to tell',
  no_data: 'nothing to compare yet',
};

/**
 * Did the metric move? Within 5 % of the baseline counts as flat. A plan younger than its
 * first check-in is too early to judge: a few days say nothing about a 60-day habit.
 */
export function planOutcome(driver: Driver, baseline: number | null, now: number | null, daysRun = CHECKIN_EVERY_DAYS): PlanOutcome {
  if (daysRun < CHECKIN_EVERY_DAYS) return 'too_early';
  if (baseline === null || now === null) return 'no_data';
  const change = baseline === 0 ? (now === 0 ? 0 : Math.sign(now)) : (now - baseline) / Math.abs(baseline);
  const better = DRIVER_DEFS[driver].higherIsBetter ? change : -change;
  return better > 0.05 ? 'improved' : better < -0.05 ? 'declined' : 'flat';
}

/** Check-ins every two weeks from the start, and one on the last day to judge the result. */
export function checkinDates(start: string, end: string, every = CHECKIN_EVERY_DAYS): string[] {
  const out: string[] = [];
  for (let d = addDays(start, every); d < end; d = addDays(d, every)) out.push(d);
  out.push(end);
  return out;
}

/** A driver's value as a manager reads it: 42 %, $48,000, 61 days, 2.5. */
export function formatDriver(driver: Driver, value: number | null, currency: string, locale?: string): string {
  if (value === null || !Number.isFinite(value)) return '—';
  switch (DRIVER_DEFS[driver].unit) {
    case 'percent':
      return formatPercent(value, locale);
    case 'money':
      return formatMoney(value, currency, locale);
    case 'days':
      return `${Math.round(value)} days`;
    default:
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  }
}
