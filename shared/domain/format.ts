/** Locale-aware formatting shared by screens and exports. `locale` undefined = the user's. */

const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(amount: number, currency: string, locale?: string, compact = false): string {
  const key = `${locale ?? ''}|${currency}|${compact}`;
  let f = moneyFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      maximumFractionDigits: compact ? 1 : 0,
      ...(compact ? { notation: 'compact' as const } : {}),
    });
    moneyFormats.set(key, f);
  }
  return f.format(amount);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A YYYY-MM-DD calendar date, shown in the user's locale without time-zone drift. */
export function formatDate(date: string | null | undefined, locale?: string): string {
  return formatDay(date, locale, 'medium');
}

/** Month and day only ("Nov 3"), for chart axes where the year is plain from the context. */
export function formatShortDate(date: string | null | undefined, locale?: string): string {
  return formatDay(date, locale, 'short');
}

function formatDay(date: string | null | undefined, locale: string | undefined, style: 'medium' | 'short'): string {
  if (!date) return '—';
  // Formatters are costly to build; flags format dates for every open deal.
  const key = `${style}|${locale ?? ''}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, style === 'medium' ? { dateStyle: 'medium', timeZone: 'UTC' } : { month: 'short', day: 'numeric', timeZone: 'UTC' });
    dateFormats.set(key, f);
  }
  // A stored date that is not a plain YYYY-MM-DD (an old far-future value such as
  // "+010000-01") is shown as it is: formatting never throws and never blanks a screen.
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const t = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(t.getTime()) ? date : f.format(t);
}

export function formatPercent(fraction: number | null, locale?: string): string {
  if (fraction === null || !Number.isFinite(fraction)) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/** A deal without an account yet is shown this way on every screen and in every export. */
export const NO_ACCOUNT = 'No account';
export const accountLabel = (accountName: string | null | undefined): string => accountName || NO_ACCOUNT;
/** "Account: Deal" in headings; just the deal's name while it has no account. */
export const dealHeading = (name: string, accountName: string | null | undefined): string => (accountName ? `${accountName}: ${name}` : name);
/** "Deal (Account)" in running text; just the deal's name while it has no account. */
export const dealWithAccount = (name: string, accountName: string | null | undefined): string => (accountName ? `${name} (${accountName})` : name);

/** "1 day", "2 days": a count with its noun in the right number. */
export const countOf = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
