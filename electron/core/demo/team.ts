/** Plans the reps and their accounts (pure: no database). */
import { addDays } from '../../../shared/domain/periods';
import {
  ADVISOR_LEVELS,
  COMPANY_PREFIXES,
  FIELD_TERRITORIES,
  INDUSTRIES,
  INSIDE_TERRITORIES,
  emailFor,
  personNames,
  type AdvisorLevel,
  type Industry,
  type Segment,
} from './names';
import { LEAVE_DAYS, PROFILES, type RepProfile } from './profiles';
import type { Rng } from './random';

export interface RepPlan {
  index: number;
  profile: RepProfile;
  name: string;
  email: string;
  territory: string;
  hireDate: string;
  /** First day the rep went on leave, or null. */
  leaveStart: string | null;
}

export interface AccountPlan {
  index: number;
  name: string;
  industry: Industry;
  segment: Segment;
  advisorLevel: AdvisorLevel | null;
  /** The rep whose territory the account sits in. */
  ownerIndex: number;
}

export function planReps(rng: Rng, today: string): RepPlan[] {
  const names = personNames(rng, PROFILES.length);
  const field = rng.shuffle(FIELD_TERRITORIES);
  const inside = rng.shuffle(INSIDE_TERRITORIES);
  return PROFILES.map((profile, index) => {
    const name = names[index]!;
    const territory =
      (profile.role === 'inside' ? inside.shift() : field.shift()) ?? 'Unassigned';
    return {
      index,
      profile,
      name,
      email: emailFor(name),
      territory,
      hireDate: addDays(today, -rng.int(...profile.hiredDaysAgo)),
      leaveStart: profile.status === 'on_leave' ? addDays(today, -LEAVE_DAYS) : null,
    };
  });
}

export const ACCOUNTS_PER_REP = 10;

/** Where on the trusted-advisor ladder a rep's accounts tend to sit, lowest level first. */
function ladderWeights(profile: RepProfile): readonly number[] {
  if (profile.key === 'top_performer') return [1, 2, 3, 4, 4];
  if (profile.key === 'uncoachable_top') return [1, 2, 4, 3, 2];
  if (profile.key === 'low_win_rate' || profile.key === 'new_hire') return [6, 3, 2, 1, 0.3];
  return [3, 3, 3, 2, 1];
}

export function planAccounts(rng: Rng, reps: readonly RepPlan[]): AccountPlan[] {
  const used = new Set<string>();
  const accounts: AccountPlan[] = [];
  const prefixes = rng.shuffle(COMPANY_PREFIXES);
  let p = 0;
  for (const rep of reps) {
    for (let k = 0; k < ACCOUNTS_PER_REP; k++) {
      const industry = rng.pick(INDUSTRIES);
      let name: string;
      // Prefixes run out before accounts do; then reuse one with another suffix.
      do {
        const prefix = prefixes[p % prefixes.length]!;
        p++;
        name = `${prefix} ${rng.pick(industry.suffixes)}`;
      } while (used.has(name.toLowerCase()));
      used.add(name.toLowerCase());
      const inside = rep.profile.role === 'inside';
      const segment: Segment = rng.weighted(
        inside
          ? [['Enterprise', 0.5], ['Mid-Market', 4], ['SMB', 5]]
          : [['Enterprise', 4], ['Mid-Market', 5], ['SMB', 1]],
      );
      const weights = ladderWeights(rep.profile);
      const advisorLevel = rng.chance(0.7)
        ? rng.weighted(ADVISOR_LEVELS.map((l, i) => [l, weights[i] ?? 1] as const))
        : null;
      accounts.push({
        index: accounts.length,
        name,
        industry,
        segment,
        advisorLevel,
        ownerIndex: rep.index,
      });
    }
  }
  // Every rung of the ladder appears at least once, whatever the seed.
  ADVISOR_LEVELS.forEach((level, i) => {
    if (!accounts.some((a) => a.advisorLevel === level)) {
      const a = accounts.find((x) => x.advisorLevel === null) ?? accounts[i * 7];
      if (a) a.advisorLevel = level;
    }
  });
  return accounts;
}

/** Deal sizes follow the customer's size. */
export const SEGMENT_FACTOR: Record<Segment, number> = {
  Enterprise: 1.6,
  'Mid-Market': 1,
  SMB: 0.55,
};
