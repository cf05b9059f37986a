import type { ImportFallback } from '../../schemas/imports';
import { FALLBACK_CODES, type FallbackCode } from './rows';

const s = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export interface FallbackContext {
  /** The column standing in for an empty close date. */
  closedDateColumn: string;
  defaultOwner: string;
  currency: string;
  /** Headers of the IsWon / IsClosed columns. */
  flagColumns: string;
  /** One open stage filed under a stage on the list, as an example. */
  renamedExample: string;
}

const TEXT: Record<FallbackCode, (n: number, c: FallbackContext) => string> = {
  closed_date_from_column: (n, c) => `${s(n, 'won or lost deal has', 'won or lost deals have')} no close date and take${n === 1 ? 's' : ''} it from “${c.closedDateColumn}”.`,
  closed_date_from_created: (n) => `${s(n, 'won or lost deal has', 'won or lost deals have')} no close date and take${n === 1 ? 's' : ''} the created date instead.`,
  default_owner: (n, c) => `${s(n, 'row has', 'rows have')} no owner and go${n === 1 ? 'es' : ''} to ${c.defaultOwner}.`,
  name_built: (n) => `${s(n, 'deal has', 'deals have')} no name in the file and ${n === 1 ? 'is' : 'are'} named after the account and product (or the CRM id).`,
  no_account: (n) => `${s(n, 'deal has', 'deals have')} no account yet (shown as “No account”; stakeholders wait until one is set).`,
  currency_default: (n, c) => `${s(n, 'amount names', 'amounts name')} no currency and ${n === 1 ? 'is' : 'are'} read as ${c.currency}.`,
  close_before_created: (n) =>
    `${s(n, 'deal closes', 'deals close')} before ${n === 1 ? 'its' : 'their'} created date (usually records loaded by a migration): imported, and left out of average sales cycles.`,
  same_name_separate: (n) => `${s(n, 'row shares', 'rows share')} a deal name and account with another row and ${n === 1 ? 'is' : 'are'} imported as separate deals.`,
  outcome_from_flags: (n, c) => `${s(n, 'row takes', 'rows take')} open, won or lost from ${c.flagColumns}.`,
  stage_renamed: (n, c) => `${s(n, 'open deal is', 'open deals are')} filed under a stage on your list (${c.renamedExample}).`,
};

/** Each fallback that applied, with its row count, in the order the manager reads them. */
export function describeFallbacks(counts: Partial<Record<FallbackCode, number>>, ctx: FallbackContext): ImportFallback[] {
  return FALLBACK_CODES.filter((code) => (counts[code] ?? 0) > 0).map((code) => ({ code, count: counts[code]!, text: TEXT[code](counts[code]!, ctx) }));
}
