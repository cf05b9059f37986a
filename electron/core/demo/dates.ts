/** Date helpers on YYYY-MM-DD strings (which sort as text). */
import { addDays, daysBetween } from '../../../shared/domain/periods';
import type { Rng } from './random';

export { addDays, daysBetween };

export const earlierOf = (a: string, b: string): string => (a < b ? a : b);
export const laterOf = (a: string, b: string): string => (a > b ? a : b);

/** Business happens on weekdays: Saturday moves to Friday, Sunday to Monday (if allowed). */
export function weekday(date: string, latest: string): string {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (dow === 6) return addDays(date, -1);
  if (dow === 0) return addDays(date, 1) <= latest ? addDays(date, 1) : addDays(date, -2);
  return date;
}

/** A random date in [from, to]; `to` when the range is empty. */
export function dayBetween(rng: Rng, from: string, to: string): string {
  const span = daysBetween(from, to);
  return span <= 0 ? to : addDays(from, rng.int(0, span));
}
