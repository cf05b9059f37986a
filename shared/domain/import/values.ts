import { parseAmount } from '../money';
import type { Outcome } from '../../schemas/deal';

const SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '₩': 'KRW' };

/** The currency an amount cell names ("USD 12,000.00", "12.000,00 €"), if any. */
export function currencyInAmount(text: string): string | null {
  const code = /^\s*([A-Z]{3})\s*[\d-]|[\d.,]\s*([A-Z]{3})\s*$/.exec(text);
  if (code) return code[1] ?? code[2] ?? null;
  for (const [sym, iso] of Object.entries(SYMBOLS)) if (text.includes(sym)) return iso;
  return null;
}

export type AmountParse = { ok: true; amount: number; currency: string | null } | { ok: false; reason: string };

export function parseImportAmount(text: string): AmountParse {
  const s = text.trim();
  // Accounting negatives "(1,200.00)" are refunds, never a deal's value.
  if (/^\(.*\)$/.test(s) || /^-/.test(s.replace(/^[A-Z]{3}\s*|\p{Sc}/gu, '').trim())) {
    return { ok: false, reason: 'cannot be negative' };
  }
  const amount = parseAmount(s);
  if (Number.isNaN(amount)) {
    return /^\d{1,3}\.\d{3}$/.test(s.replace(/[^\d.]/g, ''))
      ? { ok: false, reason: 'could be read two ways (48.000 is 48 or 48,000): write 48000 or 48,000.00' }
      : { ok: false, reason: 'is not an amount (write 48000 or 48,000.50)' };
  }
  if (amount > 1e12) return { ok: false, reason: 'is implausibly large' };
  return { ok: true, amount: Math.round(amount * 100) / 100, currency: currencyInAmount(s) };
}

/**
 * Common won / lost stage names in any case ("Closed Won", "closedwon", "Won", "Closed - Lost",
 * "Lost"); everything else is an open stage. The manager can override any of them.
 */
export function suggestOutcome(stage: string): Outcome {
  const key = stage.toLowerCase().replace(/[^a-z]/g, '');
  if (/^(closed|deal)?won/.test(key)) return 'won';
  if (/^(closed|deal)?lost/.test(key)) return 'lost';
  return 'open';
}

/** Free-text roles ("Account Executive", "SDR") to the workbench's five. */
export function suggestRole(text: string): 'field' | 'inside' | 'presales' | 'sdr' | 'other' | null {
  const t = text.toLowerCase();
  if (!t.trim()) return null;
  if (/\b(sdr|bdr|sales development|business development)\b/.test(t)) return 'sdr';
  if (/pre-?sales|solutions? (engineer|consultant)|\bse\b/.test(t)) return 'presales';
  if (/inside/.test(t)) return 'inside';
  if (/field|account (executive|manager)|\bae\b|enterprise|outside/.test(t)) return 'field';
  if (/^(field|inside|presales|sdr|other)$/.test(t.trim())) return t.trim() as 'other';
  return 'other';
}
