/** Money is stored as integer cents so sums are exact; the API speaks major units. */
export const toCents = (amount: number): number => Math.round(amount * 100);
export const fromCents = (cents: number): number => cents / 100;

/** Attainment as a fraction, or null when there is no quota to attain. */
export const attainment = (won: number, quota: number): number | null =>
  quota > 0 ? won / quota : null;

/**
 * Reads an amount as people type it or CRMs export it: "$1,250,000", "1.250.000,50 €",
 * "250k" is not accepted (ambiguous). Returns NaN when it is not an amount.
 */
export function parseAmount(text: string): number {
  // Drop spaces, apostrophe group marks, currency symbols and a leading/trailing ISO code.
  let s = text
    .trim()
    .replace(/[\s\u00a0\u202f'’]|\p{Sc}/gu, '')
    .replace(/^[A-Z]{3}(?=[\d-])|(?<=\d)[A-Z]{3}$/, '');
  if (s === '' || /[^\d.,-]/.test(s)) return Number.NaN;
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    // Both present: whichever comes last is the decimal separator.
    s = lastComma > lastDot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (lastComma >= 0) {
    // Only commas: groups of exactly three digits are thousands, otherwise a decimal comma.
    s = /^-?\d{1,3}(,\d{3})+$/.test(s) ? s.replace(/,/g, '') : s.replace(',', '.');
  } else if (lastDot >= 0 && /^-?\d{1,3}(\.\d{3}){2,}$/.test(s)) {
    s = s.replace(/\./g, ''); // 1.250.000
  } else if (/^-?\d{1,3}\.\d{3}$/.test(s)) {
    return Number.NaN; // "48.000": 48 or 48,000? Refuse rather than guess.
  }
  if (!/^-?\d+(\.\d+)?$/.test(s)) return Number.NaN;
  return Number(s);
}
