/**
 * What every review document shares: the export options, the privacy wording and header line,
 * "the manager" as others read it, and commitments as table rows (one-on-one summaries and rep
 * reviews both list them).
 */
import { DRIVER_DEFS, PLAN_OUTCOME_TEXT, formatDriver } from '../../../shared/domain/development';
import { formatDate, formatMoney, formatPercent } from '../../../shared/domain/format';
import { COVERAGE_LABELS, coverageStatus, type RepMetrics } from '../../../shared/domain/metrics';
import type { Commitment } from '../../../shared/schemas/commitments';
import type { PlanView } from '../../../shared/schemas/development';
import { muted, strong, type Cell, type Column, type Span } from './render';

export interface ExportOptions {
  includePrivate: boolean;
  /** The day the document is generated (defaults to the as-of date). */
  generatedOn?: string;
  /** Formatting locale; undefined = the user's. */
  locale?: string;
}

export const PRIVATE_INCLUDED = 'This export includes private notes. Keep it to yourself: do not share it with the rep or forward it.';
export const PRIVATE_EXCLUDED = 'Private notes are not included in this export.';

/** "You" in the app; in a document read by others, the manager's name. */
const named = (managerName: string): boolean => managerName.trim() !== '' && managerName !== 'Manager';
export function managerLabel(managerName: string): string {
  return named(managerName) ? `${managerName} (manager)` : 'The manager';
}
/** "Dana Whitfield’s" or "The manager’s": whose words the summary is. */
export const managerPossessive = (managerName: string): string => (named(managerName) ? `${managerName.trim()}’s` : 'The manager’s');

export function commitmentStatus(c: Commitment, locale?: string): Span[] {
  switch (c.status) {
    case 'done': {
      const late = c.doneDate !== null && c.dueDate !== null && c.doneDate > c.dueDate;
      return [`Done ${formatDate(c.doneDate, locale)}`, ...(late ? [muted(' (late)')] : [])];
    }
    case 'dropped':
      return ['Dropped'];
    case 'open':
      return c.overdue ? [strong('Overdue')] : ['Open'];
  }
}

/** One table row per commitment: what, who, when due, where it stands. */
export function commitmentRows(list: Commitment[], repName: string, managerName: string, locale?: string, withMadeOn = false): Cell[][] {
  return list.map((c) => [
    { main: [c.text], ...(c.dealName ? { sub: [`Deal: ${c.dealName}`] } : {}) },
    { main: [c.owner === 'rep' ? repName : managerLabel(managerName)] },
    ...(withMadeOn ? [{ main: [formatDate(c.createdOn, locale)] }] : []),
    { main: [formatDate(c.dueDate, locale)] },
    { main: commitmentStatus(c, locale) },
  ]);
}

export const COMMITMENT_COLUMNS: Column[] = [
  { label: 'Commitment', width: '50%' },
  { label: 'Owner', width: '20%' },
  { label: 'Due', nowrap: true },
  { label: 'Status', nowrap: true },
];

/** Says in the header whether the document holds the manager's private notes. */
export const privacyMeta = (includePrivate: boolean): [string, string] => ['Private notes', includePrivate ? 'Included: do not share' : 'Not included'];

/** A plan's drivers in words: "Value-proposition pass rate and Win rate". */
export const planDrivers = (p: PlanView): string => p.drivers.map((d) => DRIVER_DEFS[d].label).join(' and ');

/**
 * Where a development plan stands, the same words in the rep review and the team review:
 * "day 36 of 60; win rate 40% → 45%: the metric moved the right way".
 */
export function planStatus(p: PlanView, currency: string, locale?: string): string {
  const val = (v: number | null) => formatDriver(p.metric, v, currency, locale);
  const state = p.status === 'active' ? `day ${p.day} of ${p.days}` : `${p.status} ${formatDate(p.closedOn, locale)}`;
  return `${state}; ${DRIVER_DEFS[p.metric].label.toLowerCase()} ${val(p.baseline)} → ${val(p.current)}: ${PLAN_OUTCOME_TEXT[p.outcome]}`;
}

/** How a document writes dates, money, rates and multiples, in the team's currency and the reader's locale. */
export interface Fmt {
  date: (s: string | null) => string;
  money: (n: number | null, currency?: string) => string;
  pct: (f: number | null) => string;
  x: (n: number | null) => string;
}

export function docFormat(teamCurrency: string, locale?: string): Fmt {
  return {
    date: (s) => formatDate(s, locale),
    money: (n, currency = teamCurrency) => (n === null ? '—' : formatMoney(n, currency, locale)),
    pct: (x) => formatPercent(x, locale),
    x: (n) => (n === null ? '—' : `${n.toFixed(1)}x`),
  };
}

/** "$30,000 of $100,000 quota (30%), $70,000 to go": won in the quota period against quota. */
export function quotaLine(m: RepMetrics, f: Fmt): Span[] {
  if (m.quota <= 0) return [f.money(m.wonThisPeriod), muted(' (no quota set)')];
  return [`${f.money(m.wonThisPeriod)} of ${f.money(m.quota)} quota`, muted(` (${f.pct(m.attainment)}${m.remainingQuota > 0 ? `, ${f.money(m.remainingQuota)} to go` : ''})`)];
}

/** "1.3x / 1.4x covered", with the rep page's words (coverage needed = 1 ÷ the rep's win rate). */
export function coverageLine(m: RepMetrics, f: Fmt): Span[] {
  const status = coverageStatus(m);
  if (status === 'unknown' || status === 'met') return [m.needs.requiredCoverage === null ? '' : `${f.x(m.needs.requiredCoverage)} · `, COVERAGE_LABELS[status]];
  return [`${f.x(m.needs.requiredCoverage)} / ${f.x(m.actualCoverage)} `, status === 'short' ? strong(COVERAGE_LABELS.short) : COVERAGE_LABELS.enough, muted(' (needed = 1 ÷ win rate)')];
}
