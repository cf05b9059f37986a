/**
 * What every review document shares: the export options, the privacy wording and header line,
 * "the manager" as others read it, and commitments as table rows (one-on-one summaries and rep
 * reviews both list them).
 */
import { formatDate } from '../../../shared/domain/format';
import type { Commitment } from '../../../shared/schemas/commitments';
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
export function managerLabel(managerName: string): string {
  return managerName.trim() && managerName !== 'Manager' ? `${managerName} (manager)` : 'The manager';
}

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
