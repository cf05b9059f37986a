/**
 * Words as the search indexes see them (unicode61, remove_diacritics 2): letters and digits,
 * case and accents folded. Used to check and mark matches in the text itself, so the fast path
 * of a search (see search.ts) needs neither FTS5's highlight() nor its positions.
 */
import { MARK_END, MARK_START } from '../../../shared/schemas/search';

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

export const fold = (w: string): string => w.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

const starts = (token: string, typed: readonly string[]) => {
  const t = fold(token);
  return typed.some((w) => t.startsWith(w));
};

/** True when every typed word (folded) starts a word of the text. */
export function hasEveryWord(text: string, typed: readonly string[]): boolean {
  const tokens = (text.match(WORD) ?? []).map(fold);
  return typed.every((w) => tokens.some((t) => t.startsWith(w)));
}

/** The text with each word that a typed word starts between the match markers. */
export function markWords(text: string, typed: readonly string[]): string {
  return text.replace(WORD, (token) => (starts(token, typed) ? `${MARK_START}${token}${MARK_END}` : token));
}

/**
 * About `size` words of the text around its first match, marked, with "…" where cut; empty
 * when nothing in it matches (the match was elsewhere).
 */
export function snippet(text: string, typed: readonly string[], size = 12): string {
  const tokens = [...text.matchAll(WORD)];
  const first = tokens.findIndex((m) => starts(m[0], typed));
  if (first < 0) return '';
  const from = Math.max(0, Math.min(first - 3, tokens.length - size)); // a short text whole
  const to = Math.min(tokens.length, from + size);
  const start = from === 0 ? 0 : tokens[from]!.index!;
  const end = to === tokens.length ? text.length : tokens[to - 1]!.index! + tokens[to - 1]![0].length;
  return `${start > 0 ? '…' : ''}${markWords(text.slice(start, end), typed)}${end < text.length ? '…' : ''}`;
}
