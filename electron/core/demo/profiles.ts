/**
 * The nine demo reps. Each profile exists to make one idea of the domain visible on some
 * screen (activity vs effectiveness, neglect, coachability, ramping, leave), so the order
 * and numbers are fixed; only names, territories and exact dates come from the seed.
 */
import type { RepRole } from '../../../shared/schemas/rep';
import type { Source } from './names';

export type ProfileKey =
  | 'top_performer'
  | 'too_few_opps'
  | 'low_win_rate'
  | 'new_hire'
  | 'uncoachable_top'
  | 'solid_field'
  | 'solid_inside'
  | 'on_leave'
  | 'steady_inside';

/** Line items a manager should find by drilling in (domain section 4). */
export type SpecialKind =
  | 'overdue_month'
  | 'overdue_quarter'
  | 'overdue_year'
  | 'slipped'
  | 'stuck'
  | 'stale'
  | 'outlier';

export interface RepProfile {
  key: ProfileKey;
  role: RepRole;
  status: 'active' | 'on_leave';
  /** Quota per quarter, USD. */
  quota: number;
  /** Days before today the rep was hired: [min, max]. */
  hiredDaysAgo: readonly [number, number];
  /** New opportunities per week (the activity side). */
  oppsPerWeek: number;
  /** Gap between new opportunities over the last ~20 weeks, for a rep whose activity fell off. */
  recentGapDays?: readonly [number, number];
  /** Share of closed deals won (the effectiveness side). */
  winRate: number;
  /** Median deal size, USD, and spread of the log-normal around it. */
  medianDeal: number;
  sigma: number;
  /** Median sales cycle, days from created to closed. */
  cycleDays: number;
  /** Share of deals left open after their close date passed: pipeline without integrity. */
  zombieRate: number;
  /** Share of open deals with no activity for 45+ days. */
  staleRate: number;
  /** Share of deals whose close date was moved at least once. */
  slipRate: number;
  sources: readonly (readonly [Source, number])[];
  specials: readonly SpecialKind[];
  /** Stakeholder maps: [single-threaded, no decision maker, multi-threaded] weights. */
  threading: readonly [number, number, number];
  /** Does the rep do what was agreed? Share of commitments done / feedback applied. */
  followThrough: number;
}

const BALANCED: RepProfile['sources'] = [
  ['Outbound', 35],
  ['Inbound', 25],
  ['Partner', 15],
  ['Referral', 15],
  ['Event', 10],
];

export const PROFILES: readonly RepProfile[] = [
  {
    key: 'top_performer',
    role: 'field',
    status: 'active',
    quota: 400_000,
    hiredDaysAgo: [1500, 2100],
    oppsPerWeek: 1.1,
    winRate: 0.47,
    medianDeal: 62_000,
    sigma: 0.5,
    cycleDays: 70,
    zombieRate: 0.02,
    staleRate: 0.03,
    slipRate: 0.12,
    sources: [['Outbound', 40], ['Referral', 25], ['Partner', 15], ['Inbound', 12], ['Event', 8]],
    specials: ['outlier', 'slipped'],
    threading: [1, 2, 7],
    followThrough: 0.85,
  },
  {
    key: 'too_few_opps',
    role: 'field',
    status: 'active',
    quota: 300_000,
    hiredDaysAgo: [1000, 1300],
    oppsPerWeek: 0.85,
    // About one new opportunity every two to three weeks lately (domain section 2).
    recentGapDays: [14, 21],
    winRate: 0.35,
    medianDeal: 52_000,
    sigma: 0.45,
    cycleDays: 75,
    zombieRate: 0.05,
    staleRate: 0.08,
    slipRate: 0.25,
    // Waits for leads instead of prospecting.
    sources: [['Inbound', 45], ['Referral', 20], ['Partner', 15], ['Outbound', 12], ['Event', 8]],
    specials: ['slipped', 'stuck', 'overdue_quarter'],
    threading: [3, 3, 4],
    followThrough: 0.55,
  },
  {
    key: 'low_win_rate',
    role: 'field',
    status: 'active',
    quota: 300_000,
    hiredDaysAgo: [520, 640],
    oppsPerWeek: 1.6,
    // Blind competitive deals are won at 10-15 % (domain section 2).
    winRate: 0.13,
    medianDeal: 42_000,
    sigma: 0.5,
    cycleDays: 60,
    zombieRate: 0.07,
    staleRate: 0.12,
    slipRate: 0.3,
    sources: [['Outbound', 50], ['Event', 20], ['Inbound', 15], ['Partner', 10], ['Referral', 5]],
    specials: ['overdue_month', 'overdue_quarter', 'stuck', 'stale', 'slipped'],
    threading: [5, 4, 1],
    followThrough: 0.7,
  },
  {
    key: 'new_hire',
    role: 'field',
    status: 'active',
    quota: 250_000,
    hiredDaysAgo: [42, 56],
    oppsPerWeek: 0.8,
    winRate: 0.25,
    medianDeal: 40_000,
    sigma: 0.4,
    cycleDays: 75,
    zombieRate: 0,
    staleRate: 0,
    slipRate: 0,
    sources: BALANCED,
    specials: [],
    threading: [4, 4, 2],
    followThrough: 0.9,
  },
  {
    key: 'uncoachable_top',
    role: 'field',
    status: 'active',
    quota: 400_000,
    hiredDaysAgo: [2400, 2900],
    oppsPerWeek: 1.1,
    winRate: 0.42,
    medianDeal: 60_000,
    sigma: 0.5,
    cycleDays: 65,
    zombieRate: 0.04,
    staleRate: 0.06,
    slipRate: 0.25,
    sources: [['Referral', 30], ['Outbound', 30], ['Partner', 20], ['Inbound', 12], ['Event', 8]],
    specials: ['outlier', 'slipped', 'overdue_year', 'stuck'],
    // The lone wolf works through one contact.
    threading: [5, 3, 2],
    followThrough: 0.2,
  },
  {
    key: 'solid_field',
    role: 'field',
    status: 'active',
    quota: 320_000,
    hiredDaysAgo: [700, 1100],
    oppsPerWeek: 1.0,
    winRate: 0.32,
    medianDeal: 52_000,
    sigma: 0.45,
    cycleDays: 70,
    zombieRate: 0.04,
    staleRate: 0.06,
    slipRate: 0.18,
    sources: BALANCED,
    specials: ['overdue_month', 'stale'],
    threading: [2, 3, 5],
    followThrough: 0.8,
  },
  {
    key: 'solid_inside',
    role: 'inside',
    status: 'active',
    quota: 90_000,
    hiredDaysAgo: [450, 520],
    oppsPerWeek: 1.6,
    winRate: 0.3,
    medianDeal: 17_000,
    sigma: 0.4,
    cycleDays: 35,
    zombieRate: 0.03,
    staleRate: 0.05,
    slipRate: 0.15,
    sources: [['Inbound', 45], ['Outbound', 30], ['Event', 10], ['Partner', 8], ['Referral', 7]],
    specials: ['slipped', 'overdue_quarter'],
    threading: [4, 3, 3],
    followThrough: 0.75,
  },
  {
    key: 'on_leave',
    role: 'field',
    status: 'on_leave',
    quota: 300_000,
    hiredDaysAgo: [900, 1300],
    oppsPerWeek: 1.0,
    winRate: 0.3,
    medianDeal: 55_000,
    sigma: 0.45,
    cycleDays: 70,
    zombieRate: 0.04,
    staleRate: 0.05,
    slipRate: 0.15,
    sources: BALANCED,
    specials: ['overdue_year', 'stale'],
    threading: [2, 3, 5],
    followThrough: 0.8,
  },
  {
    key: 'steady_inside',
    role: 'inside',
    status: 'active',
    quota: 85_000,
    hiredDaysAgo: [1100, 1500],
    oppsPerWeek: 1.3,
    winRate: 0.36,
    medianDeal: 19_000,
    sigma: 0.4,
    cycleDays: 40,
    zombieRate: 0.03,
    staleRate: 0.04,
    slipRate: 0.15,
    sources: BALANCED,
    specials: ['stuck', 'outlier'],
    threading: [3, 3, 4],
    followThrough: 0.85,
  },
];

/** How long the on-leave rep has been away: no new deals or activity since. */
export const LEAVE_DAYS = 20;

/** How far back deal history goes (about 14 months). */
export const HISTORY_DAYS = 430;

/** The top performer's last one-on-one, note or review is at least this long ago (neglect). */
export const NEGLECT_DAYS = 50;

export const profileIndex = (key: ProfileKey): number => {
  const i = PROFILES.findIndex((p) => p.key === key);
  if (i < 0) throw new Error(`Unknown demo profile ${key}`);
  return i;
};
