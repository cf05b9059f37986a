import { parseAmount } from '../money';
import { parseImportDate } from './dates';
import type { ImportField } from './fields';

const SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '₩': 'KRW' };

/** The currency an amount cell names ("USD 12,000.00", "12.000,00 €"), if any. */
export function currencyInAmount(text: string): string | null {
  const code = /^\s*([A-Z]{3})\s*[\d-]|[\d.,]\s*([A-Z]{3})\s*$/.exec(text);
  if (code) return code[1] ?? code[2] ?? null;
  for (const [sym, iso] of Object.entries(SYMBOLS)) if (text.includes(sym)) return iso;
  return null;
}

export type AmountParse = { ok: true; amount: number; currency: string | null } | { ok: false; reason: string };

// The shapes most exports write ("USD 1,234.00", "$1,234", "1234.5"), read without the general
// path's Unicode regexes: a 250,000-row file has a quarter of a million amounts.
const COMMON = /^(?:([A-Z]{3}) ?|([$€£]) ?)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?(?: ?([A-Z]{3}))?$/;

export function parseImportAmount(text: string): AmountParse {
  const s = text.trim();
  const c = COMMON.exec(s);
  if (c && !(c[1] && c[5])) {
    const amount = Number(c[3]!.replace(/,/g, '') + (c[4] ? `.${c[4]}` : ''));
    if (amount <= 1e12) return { ok: true, amount: Math.round(amount * 100) / 100, currency: c[1] ?? c[5] ?? (c[2] ? SYMBOLS[c[2]]! : null) };
  }
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

const TRUE_WORDS = new Set(['true', 'yes', 'y', 't', '1', 'ja', 'wahr', 'oui', 'vrai', 'si', 'sí', 'verdadero', 'да']);
const FALSE_WORDS = new Set(['false', 'no', 'n', 'f', '0', 'nein', 'falsch', 'non', 'faux', 'falso', 'нет']);

/** "true", "Y", "1", "да"… as CRMs write flags such as IsWon, IsClosed or Bitrix's CLOSED; null if not a flag. */
export function parseFlag(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return null;
}

const NUMBER = /^[-+]?\d+(?:[.,]\d+)*$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** A cell that reads as data, never as a column name: a number, an amount, a date or an e-mail. */
export function looksLikeValue(text: string): boolean {
  const t = text.trim();
  if (!t) return false;
  if (NUMBER.test(t) || EMAIL.test(t)) return true;
  if (/\d/.test(t) && /^(?:[A-Z]{3}\s*)?[-+(]?\p{Sc}?\s*[\d.,\s]+\p{Sc}?(?:\s*[A-Z]{3})?\)?$/u.test(t)) return true;
  const d = parseImportDate(t, null);
  return d.ok || d.reason === 'ambiguous';
}

/** Whether a column's values suit a field, judged on a sample; a column is never mapped to a field its values do not fit. */
export function valuesFit(field: ImportField, samples: string[]): boolean {
  const values = samples.map((s) => s.trim()).filter(Boolean);
  if (values.length === 0) return true;
  const share = (test: (v: string) => boolean) => values.filter(test).length / values.length;
  const isDate = (v: string) => {
    const d = parseImportDate(v, null);
    return d.ok || d.reason === 'ambiguous';
  };
  switch (field) {
    case 'amount':
    case 'quota':
      return share((v) => parseImportAmount(v).ok || /^-?[\d.,\s]+$/.test(v)) >= 0.8;
    case 'closeDate':
    case 'createdDate':
    case 'lastActivityDate':
    case 'hireDate':
      return share(isDate) >= 0.8;
    case 'currency':
      return share((v) => /^[A-Za-z]{3}$/.test(v) || /^\p{Sc}$/u.test(v)) >= 0.8;
    case 'isWon':
    case 'isClosed':
      return share((v) => parseFlag(v) !== null) >= 0.9;
    case 'name':
    case 'accountName':
    case 'stage':
    case 'product':
      // Text: a column of numbers (ids, amounts) or dates is not a deal's name.
      return share((v) => NUMBER.test(v) || isDate(v)) < 0.5;
    case 'owner':
      return share(isDate) < 0.5;
    default:
      return true;
  }
}

/** Why a column was not used for a field, in the manager's words ("look like numbers"). */
export function whyNotFit(field: ImportField, samples: string[]): string {
  const values = samples.map((s) => s.trim()).filter(Boolean);
  const numbers = values.filter((v) => NUMBER.test(v)).length;
  const dates = values.filter((v) => parseImportDate(v, null).ok).length;
  if (numbers >= dates && numbers > values.length / 2) return 'its values are numbers';
  if (dates > values.length / 2) return 'its values are dates';
  return field === 'isWon' || field === 'isClosed' ? 'its values are not yes/no' : 'its values do not fit';
}
