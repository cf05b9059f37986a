/**
 * Dates as CRMs export them: ISO (with or without a time), US (3/14/2026), European
 * (14/03/2026, 14.03.2026) and with month names (14 Mar 2026, Mar 14, 2026). A slash date
 * whose two parts are both 12 or less is ambiguous: the manager is asked once per file.
 */
export type DateOrder = 'mdy' | 'dmy';

export type DateParse =
  | { ok: true; date: string; proves: DateOrder | null }
  | { ok: false; reason: 'ambiguous' | 'invalid' };

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const ISO = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T\s].*)?$/;
const NUMERIC = /^(\d{1,2})([/-])(\d{1,2})\2(\d{4}|\d{2})(?:[\sT,].*)?$/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?:[\sT,].*)?$/;
const DAY_MONTH_NAME = /^(\d{1,2})[\s-]([a-z]{3,9})\.?[\s-,]+(\d{4})$/i;
const MONTH_NAME_DAY = /^([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/i;

const year = (y: string) => (y.length === 2 ? (Number(y) < 70 ? 2000 : 1900) + Number(y) : Number(y));

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

// Arithmetic, not Date objects: a 250,000-row file has half a million dates.
function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2200) return null;
  if (d > (m === 2 && leap(y) ? 29 : DAYS[m - 1]!)) return null;
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

const month = (name: string): number | undefined => MONTHS[name.toLowerCase().slice(0, name.length === 4 ? 4 : 3)];

/** Reads one cell. `order` settles ambiguous slash dates; null means "not decided yet". */
export function parseImportDate(text: string, order: DateOrder | null): DateParse {
  const s = text.trim();
  const done = (date: string | null, proves: DateOrder | null = null): DateParse =>
    date ? { ok: true, date, proves } : { ok: false, reason: 'invalid' };
  let m = ISO.exec(s);
  if (m) return done(iso(Number(m[1]), Number(m[2]), Number(m[3])));
  m = DOTTED.exec(s);
  if (m) return done(iso(year(m[3]!), Number(m[2]), Number(m[1])));
  m = DAY_MONTH_NAME.exec(s);
  if (m) return done(month(m[2]!) ? iso(Number(m[3]), month(m[2]!)!, Number(m[1])) : null);
  m = MONTH_NAME_DAY.exec(s);
  if (m) return done(month(m[1]!) ? iso(Number(m[3]), month(m[1]!)!, Number(m[2])) : null);
  m = NUMERIC.exec(s);
  if (!m) return { ok: false, reason: 'invalid' };
  const a = Number(m[1]);
  const b = Number(m[3]);
  const y = year(m[4]!);
  if (a > 12 && b <= 12) return done(iso(y, b, a), 'dmy');
  if (b > 12 && a <= 12) return done(iso(y, a, b), 'mdy');
  if (a > 12 && b > 12) return { ok: false, reason: 'invalid' };
  if (a === b) return done(iso(y, a, b)); // 05/05: the same either way
  if (!order) return { ok: false, reason: 'ambiguous' };
  return done(order === 'dmy' ? iso(y, b, a) : iso(y, a, b));
}

export interface DateOrderEvidence {
  /** Values that can only be read day-first / month-first. */
  dmy: number;
  mdy: number;
  /** Values that read differently either way (03/04/2026). */
  ambiguous: number;
  /** A few ambiguous values to show the manager. */
  examples: string[];
}

/** Looks at every date cell to decide the order, or to know that the manager must choose. */
export function dateOrderEvidence(values: Iterable<string>): DateOrderEvidence {
  const counter = dateOrderCounter();
  for (const v of values) counter.add(v);
  return counter.evidence;
}

/** dateOrderEvidence a cell at a time: for reading several columns in one pass over the rows. */
export function dateOrderCounter(): { add: (value: string) => void; evidence: DateOrderEvidence } {
  const evidence: DateOrderEvidence = { dmy: 0, mdy: 0, ambiguous: 0, examples: [] };
  const seen = new Map<string, DateParse>(); // a file repeats its dates: read each text once
  const add = (v: string) => {
    if (!v.trim()) return;
    let p = seen.get(v);
    if (!p) seen.set(v, (p = parseImportDate(v, null)));
    if (p.ok && p.proves) evidence[p.proves]++;
    else if (!p.ok && p.reason === 'ambiguous') {
      evidence.ambiguous++;
      if (evidence.examples.length < 3 && !evidence.examples.includes(v.trim())) evidence.examples.push(v.trim());
    }
  };
  return { add, evidence };
}

/** The order the file itself shows, or null when it proves neither (or both). */
export function detectedOrder(ev: DateOrderEvidence): DateOrder | null {
  if (ev.dmy > 0 && ev.mdy === 0) return 'dmy';
  if (ev.mdy > 0 && ev.dmy === 0) return 'mdy';
  return null;
}
