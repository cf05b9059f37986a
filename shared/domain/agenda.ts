/**
 * "Prepare" for a one-on-one: a proposed agenda built from the data, each item linked to its
 * source (domain.md sections 1, 4, 5, 11, 12), ranked, timed and fitted to the meeting's
 * length. Pure: the store gathers the inputs.
 */
import { topFlag, type Flag } from './flags';
import { countOf, dealWithAccount, formatDate, formatMoney } from './format';
import { daysOverdue } from './followThrough';
import { VP_TEST_LABELS, vpScoreText, type VpTest } from './valueProps';
import type { AgendaSource, PreparedAgenda, ProposedItem } from '../schemas/oneOnOnes';

/** Minutes an item takes in the room, by where it came from (a manager's own item: 'manual'). */
export const ITEM_MINUTES: Record<AgendaSource | 'manual', number> = {
  commitment: 2,
  deal: 5,
  new_opps: 3,
  value_prop: 4,
  coachability: 5,
  development: 4,
  carried: 3,
  manual: 3,
};
export const minutesOf = (sourceKind: AgendaSource | null): number => ITEM_MINUTES[sourceKind ?? 'manual'];
/** About how long an agenda takes, item by item. */
export const agendaMinutes = (items: readonly { sourceKind: AgendaSource | null }[]): number => items.reduce((sum, i) => sum + minutesOf(i.sourceKind), 0);

/** A 30-minute meeting holds about seven things; more is a list, not a conversation. */
export const MAX_AGENDA_ITEMS = 7;
export const DEFAULT_MEETING_MINUTES = 30;

export interface AgendaInputs {
  asOf: string;
  lastMeetingDate: string | null;
  openCommitments: { id: number; owner: 'rep' | 'manager'; text: string; dueDate: string | null; overdue: boolean }[];
  /**
   * The rep's open deals ranked by attention (shared/domain/attention.ts), highest first: the
   * agenda takes the first `maxDeals` that carry flags, in that order.
   */
  flaggedDeals: { id: number; name: string; accountName: string | null; amount: number; currency: string; flags: Flag[]; reason?: string; attention?: number }[];
  /** How many deal items (settings.triage.perRep, the rep's "Needs attention"). */
  maxDeals?: number;
  newDeals: { id: number; name: string; accountName: string | null }[];
  /**
   * The coachability judgement (shared/domain/coachability.ts) when it shows a pattern: the
   * same headline and signs as the Coachability screen. Null when there is no pattern.
   */
  coachability: { headline: string; signs: string[]; evidence: string } | null;
  /** Deals with the value_prop_gap flag (the same rule), with the latest check's score and the tests not passing. */
  valuePropGaps: { dealId: number; dealName: string; amount: number; currency: string; score: number | null; weak: VpTest[] }[];
  /** The rep's running development plan, if any (domain.md section 11). */
  development: {
    planId: number;
    drivers: string[];
    metric: string;
    /** Formatted values; null when there is nothing to measure yet. */
    baseline: string | null;
    current: string | null;
    day: number;
    days: number;
    /** A check-in due on or before the meeting, not yet recorded. */
    checkinDue: string | null;
  } | null;
}

export const MAX_FLAGGED_DEALS = 3;

/** A proposal with its place in the ranking: lower tiers are raised first. */
type Ranked = Omit<ProposedItem, 'selected'> & { tier: number };

/**
 * Every proposal the data makes, ranked: overdue promises first, then the deals by attention,
 * then development and coachability, then activity, value propositions and promises not yet due.
 * Minus what is already on the agenda.
 */
export function buildAgenda(x: AgendaInputs, already: { sourceKind: AgendaSource | null; sourceId: number | null }[] = [], locale?: string): ProposedItem[] {
  return rankAgenda(x, already, locale).map(({ tier: _tier, ...i }) => ({ ...i, selected: false }));
}

function rankAgenda(x: AgendaInputs, already: { sourceKind: AgendaSource | null; sourceId: number | null }[], locale?: string): Ranked[] {
  const items: Ranked[] = [];
  const date = (d: string | null) => formatDate(d, locale);
  const item = (tier: number, i: Omit<Ranked, 'tier' | 'minutes'>) => items.push({ ...i, tier, minutes: minutesOf(i.sourceKind) });

  // Promises: the manager's own included; overdue ones lead the whole agenda.
  const commitments = [...x.openCommitments].sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueDate ?? '').localeCompare(b.dueDate ?? ''));
  for (const c of commitments) {
    const late = c.overdue ? daysOverdue(c, x.asOf) : 0;
    item(c.overdue ? 0 : 6, {
      title: `${c.owner === 'manager' ? 'My commitment' : 'Their commitment'}: ${c.text}`,
      detail: c.overdue ? `Overdue since ${date(c.dueDate)} (${countOf(late, 'day')}). Done, dropped, or a new date?` : `Due ${date(c.dueDate)}.`,
      sourceKind: 'commitment',
      sourceId: c.id,
      why: c.overdue ? `Overdue by ${countOf(late, 'day')}: promises come first` : `A promise due ${date(c.dueDate)}`,
    });
  }

  // Inspect, don't take over: the deals that need attention first (the rep's "Needs
  // attention", in the same order), each with why and its "How do you know?".
  const flagged = x.flaggedDeals.filter((d) => d.flags.length > 0).slice(0, x.maxDeals ?? MAX_FLAGGED_DEALS);
  flagged.forEach((d, k) => {
    const ask = topFlag(d.flags)?.question ?? '';
    item(1, {
      title: `Deal: ${d.name} (${d.accountName ? `${d.accountName}, ` : ''}${formatMoney(d.amount, d.currency, locale)})`,
      detail: `${d.reason ? `${d.reason}. ` : ''}${d.flags.map((f) => f.reason).join(' ')} Ask: ${ask}`.trim(),
      sourceKind: 'deal',
      sourceId: d.id,
      why: `${d.attention !== undefined ? `Attention ${d.attention}: ` : ''}number ${k + 1} of the rep’s deals that need attention`,
    });
  });

  // The development plan: the top two drivers, coached for 60 days, judged by the metric.
  const dev = x.development;
  if (dev) {
    item(2, {
      title: `${dev.checkinDue ? 'Development check-in' : 'Development focus'}: ${dev.drivers.join(' and ')} (day ${dev.day} of ${dev.days})`,
      detail:
        `${dev.metric}: ${dev.baseline ?? 'no data'} before the plan, ${dev.current ?? 'nothing to measure yet'} so far.` +
        (dev.checkinDue ? ` Check-in due ${date(dev.checkinDue)}: what did you try, what changed?` : ' What did you practise since we last met?'),
      sourceKind: 'development',
      sourceId: dev.planId,
      why: dev.checkinDue ? `The plan’s check-in is due ${date(dev.checkinDue)}` : `The running development plan, day ${dev.day} of ${dev.days}`,
    });
  }

  // Coachability, only when the judgement shows a pattern, in its own words.
  if (x.coachability) {
    item(3, {
      title: `Coachability: ${x.coachability.headline}`,
      detail: `${x.coachability.signs.length ? `Signs seen often: ${x.coachability.signs.join(', ')}. ` : ''}${x.coachability.evidence} Bring the examples; check first whether it is a skills gap or the coaching approach.`,
      sourceKind: 'coachability',
      sourceId: null,
      why: 'The Coachability screen shows a pattern',
    });
  }

  // Activity: what is new since the last meeting (or nothing, called out).
  const since = x.lastMeetingDate ? `since ${date(x.lastMeetingDate)}` : 'in the last two weeks';
  item(
    4,
    x.newDeals.length === 0
      ? { title: `No new opportunities ${since}`, detail: 'Ask: what are you doing to create new opportunities this week?', sourceKind: 'new_opps', sourceId: null, why: 'Activity: nothing new created' }
      : {
          title: `${x.newDeals.length} new opportunit${x.newDeals.length === 1 ? 'y' : 'ies'} ${since}`,
          detail: x.newDeals.map((d) => dealWithAccount(d.name, d.accountName)).join('; '),
          sourceKind: 'new_opps',
          sourceId: null,
          why: 'Activity since the last meeting',
        },
  );

  // Value propositions on big late-stage deals that do not yet pass (the value_prop_gap flag).
  for (const g of x.valuePropGaps) {
    item(5, {
      title: `Value proposition: ${g.dealName} (${formatMoney(g.amount, g.currency, locale)})`,
      detail:
        (g.score === null ? 'Not assessed yet.' : `Scores ${vpScoreText(g.score)}; not yet passing: ${g.weak.map((t) => VP_TEST_LABELS[t]).join(', ')}.`) +
        ' Ask: can anybody else do what you do, the way you do it?',
      sourceKind: 'value_prop',
      sourceId: g.dealId,
      why: g.score === null ? 'A big late-stage deal with no value-proposition check' : `A big late-stage deal whose value proposition scores ${vpScoreText(g.score)}`,
    });
  }

  const taken = new Set(already.map((a) => `${a.sourceKind}:${a.sourceId}`));
  return items.filter((i) => !taken.has(`${i.sourceKind}:${i.sourceId}`)).sort((a, b) => a.tier - b.tier);
}

/**
 * Prepare: the ranked proposals, with those that fit the meeting pre-selected. What is already
 * on the agenda takes its time first; then each proposal in rank order is selected while the
 * meeting has minutes left and the agenda stays within MAX_AGENDA_ITEMS. The rest are listed,
 * unticked, as also worth raising. Proposals the manager turned down for this meeting are left out.
 */
export function prepareAgenda(
  x: AgendaInputs,
  meeting: { minutes: number; onAgenda: { sourceKind: AgendaSource | null; sourceId: number | null }[]; dismissed: { sourceKind: AgendaSource; sourceId: number | null }[] },
  locale?: string,
): Omit<PreparedAgenda, 'dropped'> {
  const refused = new Set(meeting.dismissed.map((d) => `${d.sourceKind}:${d.sourceId ?? 0}`));
  const ranked = rankAgenda(x, meeting.onAgenda, locale).filter((i) => !refused.has(`${i.sourceKind}:${i.sourceId ?? 0}`));
  const onAgendaMinutes = agendaMinutes(meeting.onAgenda);
  let used = onAgendaMinutes;
  let count = meeting.onAgenda.length;
  const items = ranked.map(({ tier: _tier, ...i }) => {
    const selected = count < MAX_AGENDA_ITEMS && used + i.minutes <= meeting.minutes;
    if (selected) {
      used += i.minutes;
      count++;
    }
    return { ...i, selected };
  });
  return { items, meetingMinutes: meeting.minutes, onAgendaMinutes, selectedMinutes: used - onAgendaMinutes };
}
