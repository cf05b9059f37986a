/** What a quota covers. Defined here, below the schemas that use it, so imports run one way. */
export const QUOTA_PERIODS = ['month', 'quarter', 'year'] as const;
export type QuotaPeriod = (typeof QUOTA_PERIODS)[number];

export interface Period {
  kind: QuotaPeriod;
  start: string;
  /** Inclusive last day. */
  end: string;
  label: string;
}

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
  return Math.round((epochMs(b) - epochMs(a)) / 86_400_000);
}

/**
 * Midnight UTC of a YYYY-MM-DD date in milliseconds: read digit by digit for the common case
 * (every open deal's dates are compared on each pipeline load), Date.parse for anything else.
 */
function epochMs(s: string): number {
  if (s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
    const y = digits(s, 0, 4);
    const m = digits(s, 5, 7);
    const d = digits(s, 8, 10);
    // Date.UTC would roll Feb 30 into March where Date.parse says NaN: those go to Date.parse.
    if (y >= 1000 && m >= 1 && m <= 12 && d >= 1 && d <= monthDays(y, m)) return Date.UTC(y, m - 1, d);
  }
  return Date.parse(`${s}T00:00:00Z`);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const monthDays = (y: number, m: number): number => (m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 29 : MONTH_DAYS[m - 1]!);

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * The dates the workbench accepts anywhere (forms, imports through the API, restores through
 * the schemas): a sales team's history and plans, not the year 9999. Far dates once made
 * scheduling produce "+010000-01" and blanked the screens that showed it.
 */
export const DATE_MIN = '1900-01-01';
export const DATE_MAX = '2200-12-31';

export const inDateRange = (date: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(date) && date >= DATE_MIN && date <= DATE_MAX;

export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  const d = new Date(t);
  // Outside JavaScript's range (or from a malformed date): keep the input rather than throw.
  if (Number.isNaN(d.getTime())) return date;
  return d.toISOString().slice(0, 10);
}

/** A date `days` after `date` for scheduling: null when it would fall outside the accepted range. */
export function scheduleAfter(date: string, days: number): string | null {
  const d = new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000);
  if (Number.isNaN(d.getTime())) return null;
  const next = d.toISOString().slice(0, 10);
  return inDateRange(next) ? next : null;
}

/** When to hold the next one-on-one: the rep's cadence after the last one held, never before today. */
export function nextMeetingDate(lastHeld: string | undefined, cadenceDays: number, today: string): string {
  const base = (lastHeld ? scheduleAfter(lastHeld, cadenceDays) : null) ?? today;
  return base < today ? today : base;
}

/** Today's date in the local time zone as YYYY-MM-DD (a manager's "today", not UTC's). */
export function localDate(d: Date): string {
  return ymd(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** A span of dates as whole calendar months (YYYY-MM, inclusive) plus the days left at either end. */
export interface MonthSplit {
  months: { from: string; to: string } | null;
  days: { from: string; to: string }[];
}

/**
 * Splits the inclusive dates from..to into the whole months inside them and the loose days at
 * either end, so a sum over a year reads a dozen monthly rollups and a few daily ones.
 */
export function splitByMonths(from: string, to: string): MonthSplit {
  if (from > to) return { months: null, days: [] };
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  // First whole month: from's own when it starts on the 1st, else the next one.
  const first = fd === 1 ? [fy, fm] : fm === 12 ? [fy + 1, 1] : [fy, fm + 1];
  // Last whole month: to's own when it ends on its last day, else the one before.
  const last = td === lastDay(ty, tm) ? [ty, tm] : tm === 1 ? [ty - 1, 12] : [ty, tm - 1];
  const firstKey = `${first[0]}-${pad(first[1]!)}`;
  const lastKey = `${last[0]}-${pad(last[1]!)}`;
  if (firstKey > lastKey) return { months: null, days: [{ from, to }] };
  const days: { from: string; to: string }[] = [];
  if (fd !== 1) days.push({ from, to: ymd(fy, fm, lastDay(fy, fm)) });
  if (td !== lastDay(ty, tm)) days.push({ from: ymd(ty, tm, 1), to });
  return { months: { from: firstKey, to: lastKey }, days };
}
