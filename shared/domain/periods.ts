import type { Period, QuotaPeriod } from '../schemas/team';

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
/** Last day of month m (1-12) of year y. */
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The quota period (calendar month, quarter or year) that contains `asOf` (YYYY-MM-DD). */
export function periodContaining(asOf: string, kind: QuotaPeriod): Period {
  const y = Number(asOf.slice(0, 4));
  const m = Number(asOf.slice(5, 7));
  if (kind === 'month') {
    const label = new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-US', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    return { kind, start: ymd(y, m, 1), end: ymd(y, m, lastDay(y, m)), label };
  }
  if (kind === 'quarter') {
    const q = Math.floor((m - 1) / 3);
    const startM = q * 3 + 1;
    return {
      kind,
      start: ymd(y, startM, 1),
      end: ymd(y, startM + 2, lastDay(y, startM + 2)),
      label: `Q${q + 1} ${y}`,
    };
  }
  return { kind, start: ymd(y, 1, 1), end: ymd(y, 12, 31), label: String(y) };
}

/** Whole days from a to b (both YYYY-MM-DD); negative when b is before a. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Today's date in the local time zone as YYYY-MM-DD (a manager's "today", not UTC's). */
export function localDate(d: Date): string {
  return ymd(d.getFullYear(), d.getMonth() + 1, d.getDate());
}
