import { z } from 'zod';

/** What the search covers, in the order results are grouped, with the group's heading. */
export const SEARCH_KINDS = ['rep', 'deal', 'account', 'note', 'meeting', 'commitment', 'private'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  rep: 'Reps',
  deal: 'Deals',
  account: 'Accounts',
  note: 'Coaching notes',
  meeting: 'One-on-one notes',
  commitment: 'Commitments',
  private: 'Private notes',
};

export const searchInput = z.object({
  text: z.string({ error: 'is required' }).max(200, { error: 'must be at most 200 characters' }),
  /** Hits per kind. */
  perKind: z.number().int().min(1).max(50).default(5),
});

/** Where a hit opens. */
export type SearchTarget = { screen: 'rep'; id: number } | { screen: 'deal'; id: number } | { screen: 'oneOnOne'; id: number } | { screen: 'commitments' };

export interface SearchHit {
  kind: SearchKind;
  id: number;
  title: string;
  /**
   * The matching text with each match between \u0002 and \u0003 (plain characters: the page
   * draws the highlight itself, never as HTML).
   */
  snippet: string;
  /** Who or what it belongs to: "Grace Okafor · Nov 3, 2026" (dates as YYYY-MM-DD, shown in the user's locale). */
  context: string;
  date: string | null;
  target: SearchTarget;
}

export interface SearchResults {
  text: string;
  groups: { kind: SearchKind; label: string; hits: SearchHit[] }[];
}

export const MARK_START = '\u0002';
export const MARK_END = '\u0003';
