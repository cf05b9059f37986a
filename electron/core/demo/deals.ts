/**
 * Plans every deal (pure: no database). A plan carries its own stage moves and close-date
 * changes, and the writer derives stage and stage_entered_date from the last move, so the
 * history and the deal row cannot disagree.
 */
import { LOST_STAGE, WON_STAGE } from '../../../shared/schemas/deal';
import { addDays, daysBetween, earlierOf, laterOf, weekday } from './dates';
import { NEXT_STEPS, WEAK_NEXT_STEPS, dealName } from './names';
import { HISTORY_DAYS, type SpecialKind } from './profiles';
import type { Rng } from './random';
import { SEGMENT_FACTOR, type AccountPlan, type RepPlan } from './team';

export const STAGES = ['Prospecting', 'Qualification', 'Discovery', 'Proposal', 'Negotiation'];
const LAST_OPEN = STAGES.length - 1;

export interface StageMove {
  from: string | null;
  to: string;
  on: string;
}

export interface CloseDateChange {
  from: string;
  to: string;
  on: string;
}

export interface DealPlan {
  repIndex: number;
  accountIndex: number;
  name: string;
  amountCents: number;
  source: string;
  created: string;
  outcome: 'open' | 'won' | 'lost';
  closed: string | null;
  expectedClose: string;
  lastActivity: string;
  nextStep: string | null;
  moves: StageMove[];
  closeChanges: CloseDateChange[];
  /** Why the deal exists: normal flow, an open deal left behind, or a planted line item. */
  kind: 'flow' | 'zombie' | SpecialKind;
}

/** n distinct day offsets in [lo, hi], ascending (fewer if the range is too small). */
function distinctOffsets(rng: Rng, lo: number, hi: number, n: number): number[] {
  if (n <= 0 || hi < lo) return [];
  const all = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  return rng.sample(all, n).sort((a, b) => a - b);
}

/** Roughly log-normal amounts rounded to hundreds, as reps enter them. */
function amountCents(rng: Rng, median: number, sigma: number): number {
  const dollars = Math.max(1_000, Math.round(rng.logNormal(median, sigma) / 100) * 100);
  return dollars * 100;
}

/**
 * Stage moves of a deal still open: Prospecting on the created date, then one move per stage
 * up to `idx`, the last one exactly on `end`. The caller keeps end - created >= idx.
 */
function openPath(rng: Rng, created: string, end: string, idx: number): StageMove[] {
  const moves: StageMove[] = [{ from: null, to: STAGES[0]!, on: created }];
  if (idx <= 0) return moves;
  const span = daysBetween(created, end);
  const offsets = [...distinctOffsets(rng, 1, span - 1, idx - 1), span];
  offsets.forEach((off, i) => {
    moves.push({ from: STAGES[i]!, to: STAGES[i + 1]!, on: addDays(created, off) });
  });
  return moves;
}

/** Stage moves of a closed deal: up to stage `reached`, then Closed Won/Lost on the closed date. */
function closedPath(
  rng: Rng,
  created: string,
  closed: string,
  reached: number,
  won: boolean,
): StageMove[] {
  const span = daysBetween(created, closed);
  const moves: StageMove[] = [{ from: null, to: STAGES[0]!, on: created }];
  distinctOffsets(rng, 1, span - 1, reached).forEach((off, i) => {
    moves.push({ from: STAGES[i]!, to: STAGES[i + 1]!, on: addDays(created, off) });
  });
  const last = moves[moves.length - 1]!.to;
  moves.push({ from: last, to: won ? WON_STAGE : LOST_STAGE, on: closed });
  return moves;
}

/**
 * A close date pushed out `n` times, ending at `finalDate`. Each push happens on a day in
 * (created, latest], usually as the old date came near; every new date is later than the old.
 */
function slipChain(
  rng: Rng,
  created: string,
  finalDate: string,
  n: number,
  latest: string,
): CloseDateChange[] {
  const span = daysBetween(created, latest);
  const lo = span > 20 ? 7 : 1;
  const days = distinctOffsets(rng, lo, span, n).map((o) => addDays(created, o));
  const dates = [finalDate];
  for (let k = days.length - 1; k >= 0; k--) {
    const next = dates[0]!;
    const before = earlierOf(addDays(days[k]!, rng.int(0, 7)), addDays(next, -rng.int(7, 21)));
    // A close date never sat before the day the deal was created.
    dates.unshift(laterOf(created, before));
  }
  return days
    .map((on, k) => ({ from: dates[k]!, to: dates[k + 1]!, on }))
    .filter((c) => c.from < c.to);
}

/**
 * Outcomes dealt from shuffled decks of ten with the rep's win rate: random deal by deal,
 * but a rep's rate cannot drift far from their profile, whatever the seed.
 */
class OutcomeDeck {
  private cards: boolean[] = [];
  private carry: number;

  constructor(
    private readonly rng: Rng,
    private readonly p: number,
  ) {
    this.carry = rng.next();
  }

  next(): boolean {
    if (this.cards.length === 0) {
      const exact = this.p * 10 + this.carry;
      const wins = Math.floor(exact);
      this.carry = exact - wins;
      this.cards = this.rng.shuffle(Array.from({ length: 10 }, (_, i) => i < wins));
    }
    return this.cards.pop() ?? false;
  }
}

interface RepCtx {
  rng: Rng;
  today: string;
  rep: RepPlan;
  book: readonly AccountPlan[];
  /** Last day the rep worked: today, or the day before their leave began. */
  end: string;
}

function baseDeal(c: RepCtx, created: string, account: AccountPlan) {
  const p = c.rep.profile;
  return {
    repIndex: c.rep.index,
    accountIndex: account.index,
    name: dealName(c.rng, account.industry, created.slice(0, 4)),
    amountCents: amountCents(c.rng, p.medianDeal * SEGMENT_FACTOR[account.segment], p.sigma),
    source: c.rng.weighted(p.sources),
    created,
  };
}

function nextStepFor(rng: Rng, idx: number, stale: boolean): string {
  return stale ? rng.pick(WEAK_NEXT_STEPS) : rng.pick(NEXT_STEPS[idx] ?? NEXT_STEPS[0]!);
}

/** One deal from the normal flow: closed by now, still open, or left open past its date. */
function flowDeal(c: RepCtx, created: string, deck: OutcomeDeck): DealPlan {
  const { rng, today, rep, end } = c;
  const p = rep.profile;
  const base = baseDeal(c, created, rng.pick(c.book));
  const cycle = Math.min(300, Math.max(14, Math.round(rng.logNormal(p.cycleDays, 0.35))));
  let planned = addDays(created, cycle);
  // The new hire has closed nothing yet: everything they own is still in play.
  if (p.key === 'new_hire' && planned <= addDays(today, 10)) {
    planned = addDays(today, rng.int(10, 45));
  }

  if (planned <= end && !rng.chance(p.zombieRate)) {
    const won = deck.next();
    let closed = won
      ? planned
      : addDays(created, Math.max(7, Math.round(cycle * rng.range(0.45, 1))));
    closed = laterOf(addDays(created, 2), earlierOf(weekday(closed, end), end));
    const span = daysBetween(created, closed);
    const reached = Math.min(
      span - 1,
      won
        ? rng.chance(0.8) ? LAST_OPEN : LAST_OPEN - 1
        : rng.weighted([[0, 15], [1, 25], [2, 25], [3, 25], [4, 10]] as const),
    );
    const expectedClose = won
      ? laterOf(addDays(created, 1), earlierOf(today, addDays(closed, rng.int(-5, 10))))
      : earlierOf(today, planned);
    const slips = rng.chance(p.slipRate) ? (rng.chance(0.3) ? 2 : 1) : 0;
    return {
      ...base,
      outcome: won ? 'won' : 'lost',
      closed,
      expectedClose,
      lastActivity: closed,
      nextStep: null,
      moves: closedPath(rng, created, closed, reached, won),
      closeChanges: slipChain(rng, created, expectedClose, slips, closed),
      kind: 'flow',
    };
  }

  if (planned <= today) {
    // Past its close date but never closed out: the zombie in every pipeline.
    const target = rng.int(1, LAST_OPEN);
    let stageEnd = earlierOf(
      earlierOf(planned, end),
      addDays(created, Math.round(((cycle * target) / 5) * rng.range(0.7, 1))),
    );
    const idx = Math.min(target, daysBetween(created, stageEnd));
    if (idx === 0) stageEnd = created;
    const staleHi = earlierOf(end, addDays(today, -45));
    const stale = rng.chance(0.6) && stageEnd <= staleHi;
    const lastActivity = stale
      ? addDays(staleHi, -rng.int(0, Math.min(60, daysBetween(stageEnd, staleHi))))
      : addDays(end, -rng.int(0, Math.min(20, daysBetween(stageEnd, end))));
    const slips = rng.chance(0.35) ? rng.int(1, 2) : 0;
    return {
      ...base,
      outcome: 'open',
      closed: null,
      expectedClose: planned,
      lastActivity,
      nextStep: nextStepFor(rng, idx, stale),
      moves: openPath(rng, created, stageEnd, idx),
      closeChanges: slipChain(rng, created, planned, slips, earlierOf(addDays(planned, -1), end)),
      kind: 'zombie',
    };
  }

  // Open and on schedule: the stage follows how far into its cycle the deal is.
  const sinceCreated = daysBetween(created, end);
  let idx = Math.min(LAST_OPEN, Math.floor((sinceCreated / cycle) * 5 * rng.range(0.75, 1.15)));
  const stale = daysBetween(created, today) >= 60 && rng.chance(p.staleRate);
  const lastActivity = stale
    ? addDays(today, -rng.int(45, Math.min(100, daysBetween(created, today))))
    : addDays(end, -rng.int(0, Math.min(9, sinceCreated)));
  let stageEnd = earlierOf(
    lastActivity,
    addDays(created, Math.round(((cycle * idx) / 5) * rng.range(0.85, 1.1))),
  );
  idx = Math.max(0, Math.min(idx, daysBetween(created, stageEnd)));
  if (idx === 0) stageEnd = created;
  const slips = rng.chance(p.slipRate) ? (rng.chance(0.3) ? rng.int(2, 3) : 1) : 0;
  return {
    ...base,
    outcome: 'open',
    closed: null,
    expectedClose: planned,
    lastActivity,
    nextStep: nextStepFor(rng, idx, stale),
    moves: openPath(rng, created, stageEnd, idx),
    closeChanges: slipChain(rng, created, planned, slips, end),
    kind: 'flow',
  };
}

/** Days between new opportunities; a rep whose prospecting fell off slows down lately. */
function nextGap(rng: Rng, c: RepCtx, day: string): number {
  const p = c.rep.profile;
  const ago = daysBetween(day, c.today);
  if (p.recentGapDays && ago <= 140) return rng.int(...p.recentGapDays);
  if (p.recentGapDays && ago <= 240) return rng.int(8, 13);
  // Spread around the mean, but less bursty than a Poisson process: a rep's weekly rhythm.
  return Math.max(1, Math.round((7 / p.oppsPerWeek) * rng.range(0.35, 1.65)));
}

function planFlow(c: RepCtx): DealPlan[] {
  const deck = new OutcomeDeck(c.rng, c.rep.profile.winRate);
  const rampDays = c.rep.profile.key === 'new_hire' ? 5 : 21;
  const start = laterOf(addDays(c.today, -HISTORY_DAYS), addDays(c.rep.hireDate, rampDays));
  const plans: DealPlan[] = [];
  for (let day = addDays(start, c.rng.int(0, 4)); day <= c.end; day = addDays(day, nextGap(c.rng, c, day))) {
    plans.push(flowDeal(c, weekday(day, c.end), deck));
  }
  return plans;
}

interface SpecialShape {
  createdAgo: readonly [number, number];
  idx: readonly [number, number];
  /** Days after created that the deal entered its current stage. */
  stageAfter: readonly [number, number];
  /** Expected close relative to today (negative: already passed). */
  closeRel: readonly [number, number];
  /** Last activity, days before the rep's last working day. */
  activityAgo: readonly [number, number];
  slips: readonly [number, number];
}

/** The line items a manager should find when drilling in (domain section 4). */
const SHAPES: Record<SpecialKind, SpecialShape> = {
  overdue_month: { createdAgo: [100, 150], idx: [3, 4], stageAfter: [40, 70], closeRel: [-28, -8], activityAgo: [12, 30], slips: [1, 1] },
  overdue_quarter: { createdAgo: [190, 260], idx: [2, 3], stageAfter: [30, 60], closeRel: [-120, -80], activityAgo: [25, 60], slips: [0, 1] },
  overdue_year: { createdAgo: [440, 500], idx: [1, 2], stageAfter: [20, 45], closeRel: [-400, -370], activityAgo: [95, 200], slips: [0, 0] },
  slipped: { createdAgo: [130, 200], idx: [3, 4], stageAfter: [50, 90], closeRel: [10, 40], activityAgo: [0, 6], slips: [2, 3] },
  stuck: { createdAgo: [200, 300], idx: [2, 3], stageAfter: [20, 45], closeRel: [15, 60], activityAgo: [2, 15], slips: [1, 2] },
  stale: { createdAgo: [100, 170], idx: [1, 3], stageAfter: [15, 40], closeRel: [5, 45], activityAgo: [50, 90], slips: [0, 0] },
  outlier: { createdAgo: [90, 150], idx: [2, 3], stageAfter: [20, 50], closeRel: [30, 90], activityAgo: [0, 7], slips: [0, 0] },
};

/** Planted deals are all older than 12 weeks, so they never distort "new opportunities" trends. */
function specialDeal(c: RepCtx, kind: SpecialKind): DealPlan {
  const { rng, today, end } = c;
  const s = SHAPES[kind];
  const created = weekday(addDays(today, -rng.int(...s.createdAgo)), today);
  const base = baseDeal(c, created, rng.pick(c.book));
  if (kind === 'outlier') {
    const dollars = Math.round((c.rep.profile.medianDeal * rng.int(12, 20)) / 10_000) * 10_000;
    base.amountCents = dollars * 100;
  }
  const lastActivity = laterOf(created, earlierOf(end, addDays(end, -rng.int(...s.activityAgo))));
  const stageEnd = earlierOf(lastActivity, addDays(created, rng.int(...s.stageAfter)));
  const idx = Math.min(rng.int(...s.idx), daysBetween(created, stageEnd));
  const expectedClose = addDays(today, rng.int(...s.closeRel));
  const stale = kind === 'stale' || kind === 'overdue_year';
  return {
    ...base,
    outcome: 'open',
    closed: null,
    expectedClose,
    lastActivity,
    nextStep: nextStepFor(rng, idx, stale),
    moves: openPath(rng, created, idx === 0 ? created : stageEnd, idx),
    closeChanges: slipChain(
      rng,
      created,
      expectedClose,
      rng.int(...s.slips),
      earlierOf(addDays(expectedClose, -1), end),
    ),
    kind,
  };
}

export function planDeals(
  rng: Rng,
  today: string,
  reps: readonly RepPlan[],
  accounts: readonly AccountPlan[],
): DealPlan[] {
  const all: DealPlan[] = [];
  for (const rep of reps) {
    const c: RepCtx = {
      rng,
      today,
      rep,
      book: accounts.filter((a) => a.ownerIndex === rep.index),
      end: rep.leaveStart ? addDays(rep.leaveStart, -1) : today,
    };
    all.push(...planFlow(c));
    for (const kind of rep.profile.specials) all.push(specialDeal(c, kind));
  }
  // CRM order: ids and OPP numbers grow with the created date (sort is stable).
  return all.sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : 0));
}
