/**
 * "Prepare" for a one-on-one: a proposed agenda built from the data, each item linked to its
 * source (domain.md sections 1, 4, 5, 11, 12). Pure: the store gathers the inputs.
 */
import { topFlag, type Flag } from './flags';
import { dealWithAccount, formatDate, formatMoney } from './format';
import { VP_TEST_LABELS, vpScoreText, type VpTest } from './valueProps';
import type { AgendaSource, ProposedItem } from '../schemas/oneOnOnes';

export interface AgendaInputs {
  asOf: string;
  lastMeetingDate: string | null;
  openCommitments: { id: number; owner: 'rep' | 'manager'; text: string; dueDate: string | null; overdue: boolean }[];
  /**
   * The rep's open deals ranked by attention (shared/domain/attention.ts), highest first: the
   * agenda takes the first `maxDeals` that carry flags, in that order.
   */
  flaggedDeals: { id: number; name: string; accountName: string | null; amount: number; currency: string; flags: Flag[]; reason?: string }[];
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

export function buildAgenda(x: AgendaInputs, already: { sourceKind: AgendaSource | null; sourceId: number | null }[] = [], locale?: string): ProposedItem[] {
  const items: ProposedItem[] = [];
  const date = (d: string | null) => formatDate(d, locale);

  // 1. Promises first: the manager's own included, overdue ones leading.
  const commitments = [...x.openCommitments].sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueDate ?? '').localeCompare(b.dueDate ?? ''));
  for (const c of commitments) {
    items.push({
      title: `${c.owner === 'manager' ? 'My commitment' : 'Their commitment'}: ${c.text}`,
      detail: c.overdue ? `Overdue since ${date(c.dueDate)}. Done, dropped, or a new date?` : `Due ${date(c.dueDate)}.`,
      sourceKind: 'commitment',
      sourceId: c.id,
    });
  }

  // 2. Activity: what is new since the last meeting (or nothing, called out).
  const since = x.lastMeetingDate ? `since ${date(x.lastMeetingDate)}` : 'in the last two weeks';
  items.push(
    x.newDeals.length === 0
      ? { title: `No new opportunities ${since}`, detail: 'Ask: what are you doing to create new opportunities this week?', sourceKind: 'new_opps', sourceId: null }
      : {
          title: `${x.newDeals.length} new opportunit${x.newDeals.length === 1 ? 'y' : 'ies'} ${since}`,
          detail: x.newDeals.map((d) => dealWithAccount(d.name, d.accountName)).join('; '),
          sourceKind: 'new_opps',
          sourceId: null,
        },
  );

  // 3. Inspect, don't take over: the deals that need attention first (the rep's "Needs
  // attention", in the same order), each with why and its "How do you know?".
  const flagged = x.flaggedDeals.filter((d) => d.flags.length > 0).slice(0, x.maxDeals ?? MAX_FLAGGED_DEALS);
  for (const d of flagged) {
    const ask = topFlag(d.flags)?.question ?? '';
    items.push({
      title: `Deal: ${d.name} (${d.accountName ? `${d.accountName}, ` : ''}${formatMoney(d.amount, d.currency, locale)})`,
      detail: `${d.reason ? `${d.reason}. ` : ''}${d.flags.map((f) => f.reason).join(' ')} Ask: ${ask}`.trim(),
      sourceKind: 'deal',
      sourceId: d.id,
    });
  }

  // 4. Value propositions on big late-stage deals that do not yet pass (the value_prop_gap flag).
  for (const g of x.valuePropGaps) {
    items.push({
      title: `Value proposition: ${g.dealName} (${formatMoney(g.amount, g.currency, locale)})`,
      detail:
        (g.score === null ? 'Not assessed yet.' : `Scores ${vpScoreText(g.score)}; not yet passing: ${g.weak.map((t) => VP_TEST_LABELS[t]).join(', ')}.`) +
        ' Ask: can anybody else do what you do, the way you do it?',
      sourceKind: 'value_prop',
      sourceId: g.dealId,
    });
  }

  // 5. Coachability, only when the judgement shows a pattern, in its own words.
  if (x.coachability) {
    items.push({
      title: `Coachability: ${x.coachability.headline}`,
      detail: `${x.coachability.signs.length ? `Signs seen often: ${x.coachability.signs.join(', ')}. ` : ''}${x.coachability.evidence} Bring the examples; check first whether it is a skills gap or the coaching approach.`,
      sourceKind: 'coachability',
      sourceId: null,
    });
  }

  // 6. The development plan: the top two drivers, coached for 60 days, judged by the metric.
  const dev = x.development;
  if (dev) {
    items.push({
      title: `${dev.checkinDue ? 'Development check-in' : 'Development focus'}: ${dev.drivers.join(' and ')} (day ${dev.day} of ${dev.days})`,
      detail:
        `${dev.metric}: ${dev.baseline ?? 'no data'} before the plan, ${dev.current ?? 'nothing to measure yet'} so far.` +
        (dev.checkinDue ? ` Check-in due ${date(dev.checkinDue)}: what did you try, what changed?` : ' What did you practise since we last met?'),
      sourceKind: 'development',
      sourceId: dev.planId,
    });
  }

  const taken = new Set(already.map((a) => `${a.sourceKind}:${a.sourceId}`));
  return items.filter((i) => !taken.has(`${i.sourceKind}:${i.sourceId}`));
}
