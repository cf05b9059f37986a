/** What the coaching generators know about one rep once their deals are written. */
import { addDays } from './dates';
import type { WrittenDeal, WrittenRep } from './writer';

export const SKILLS = [
  'prospecting',
  'discovery',
  'value proposition',
  'multi-threading',
  'negotiation',
  'forecasting',
] as const;
export type Skill = (typeof SKILLS)[number];

export interface RepScene {
  rep: WrittenRep;
  /** This rep's deals, in created order. */
  deals: readonly WrittenDeal[];
  today: string;
  /** Last day the rep worked: today, or the day before their leave began. */
  end: string;
  /** First name, for note bodies. */
  first: string;
}

export function sceneFor(rep: WrittenRep, all: readonly WrittenDeal[], today: string): RepScene {
  return {
    rep,
    deals: all.filter((d) => d.plan.repIndex === rep.plan.index),
    today,
    end: rep.plan.leaveStart ? addDays(rep.plan.leaveStart, -1) : today,
    first: rep.plan.name.split(' ')[0] ?? rep.plan.name,
  };
}

/** Deals that were open on a given date. */
export const openOn = (s: RepScene, date: string): WrittenDeal[] =>
  s.deals.filter((d) => d.plan.created <= date && (d.plan.closed === null || d.plan.closed > date));

/** The biggest deal open on a date, if any: what a manager would review first. */
export function biggestOpenOn(s: RepScene, date: string): WrittenDeal | null {
  let best: WrittenDeal | null = null;
  for (const d of openOn(s, date)) if (!best || d.plan.amountCents > best.plan.amountCents) best = d;
  return best;
}

/** $1,234,500 (no locale lookup, so the text is identical on every machine). */
export const usd = (cents: number): string =>
  `$${String(Math.round(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;

export const dealLabel = (d: WrittenDeal): string => `${d.account.name}: ${d.plan.name}`;
