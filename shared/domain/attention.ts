/**
 * Which open deals need the manager first (domain.md sections 3-4): an attention score from
 * the severity of a deal's flags, its size and how near its close date is, and one line that
 * says why it ranks where it does. The Pipeline, the rep page, the Dashboard's "Needs
 * attention", the one-on-one agenda, the CLI and the exports all rank with these functions.
 *
 *   attention = points × (1 + amountWeight × size) × (1 + closeWeight × nearness)
 *
 *   points   = the sum over the deal's flags of the points for its severity
 *              (settings: critical 10, warning 3, info 1)
 *   size     = amount ÷ the big-deal amount, at most 2
 *   nearness = 1 when the close date is today or past, 0 at or beyond the horizon (90 days)
 *              or with no close date, falling in a straight line in between
 *
 * A deal without flags scores 0. Ties go to the larger deal, then the lower id.
 */
import type { Triage } from '../schemas/team';
import { FLAG_LABELS, SEVERITY_LABELS, topFlag, type FlagHit } from './flags';
import { formatMoney } from './format';
import { daysBetween } from './periods';

/** Deals larger than this many big deals add no more. */
export const SIZE_CAP = 2;

export type AttentionWeights = Pick<Triage, 'points' | 'amountWeight' | 'closeWeight' | 'horizonDays'>;

export interface AttentionInput {
  flags: readonly FlagHit[];
  amount: number;
  expectedCloseDate: string | null;
}

/** 1 when due today or overdue, 0 at the horizon or beyond (or with no date), linear between. */
export function closeNearness(expectedCloseDate: string | null, asOf: string, horizonDays: number): number {
  if (!expectedCloseDate) return 0;
  const days = daysBetween(asOf, expectedCloseDate);
  if (days <= 0) return 1;
  if (days >= horizonDays) return 0;
  return (horizonDays - days) / horizonDays;
}

/** The attention score, rounded to a whole number (what every screen shows and sorts by). */
export function attentionScore(d: AttentionInput, asOf: string, bigDealAmount: number, w: AttentionWeights): number {
  let points = 0;
  for (const f of d.flags) points += w.points[f.severity];
  if (points === 0) return 0;
  const size = bigDealAmount > 0 ? Math.min(d.amount / bigDealAmount, SIZE_CAP) : 0;
  const near = closeNearness(d.expectedCloseDate, asOf, w.horizonDays);
  return Math.round(points * (1 + w.amountWeight * size) * (1 + w.closeWeight * near));
}

/** Highest attention first; then the larger deal; then the older record. */
export function byAttention(a: { attention: number; amount: number; id: number }, b: { attention: number; amount: number; id: number }): number {
  return b.attention - a.attention || b.amount - a.amount || a.id - b.id;
}

/**
 * One line that says why a deal ranks where it does: its most severe flag (and how many
 * more), its size, and its close date when that adds to the score.
 *   "Critical: Close date passed and 2 more · $119,400 · 211 days overdue"
 */
export function attentionReason(
  d: AttentionInput & { currency: string },
  asOf: string,
  bigDealAmount: number,
  horizonDays: number,
  locale?: string,
): string {
  const top = topFlag(d.flags);
  const parts: string[] = [];
  if (!top) parts.push('No flags');
  else {
    const more = d.flags.length - 1;
    parts.push(`${SEVERITY_LABELS[top.severity]}: ${FLAG_LABELS[top.code]}${more > 0 ? ` and ${more} more` : ''}`);
  }
  parts.push(`${formatMoney(d.amount, d.currency, locale)}${bigDealAmount > 0 && d.amount >= bigDealAmount ? ' (big deal)' : ''}`);
  if (!d.expectedCloseDate) parts.push('no close date');
  else {
    const days = daysBetween(asOf, d.expectedCloseDate);
    if (days < 0) parts.push(`${-days} day${days === -1 ? '' : 's'} overdue`);
    else if (days === 0) parts.push('closes today');
    else if (days < horizonDays) parts.push(`closes in ${days} day${days === 1 ? '' : 's'}`);
  }
  return parts.join(' · ');
}

/** Share of deals with at least one warning or critical flag (the demo's target is at most 25 %). */
export function flaggedShare(deals: readonly { flags: readonly FlagHit[] }[]): number | null {
  if (deals.length === 0) return null;
  return deals.filter((d) => d.flags.some((f) => f.severity !== 'info')).length / deals.length;
}
