import { z } from 'zod';
import { DATE_MAX, DATE_MIN } from '../domain/periods';

/** A calendar date as YYYY-MM-DD; checked to be a real date (no 2026-02-30). */
export const isoDate = z
  .string({ error: 'must be a date' })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written YYYY-MM-DD' })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, { error: 'is not a real calendar date' })
  .refine((s) => s >= DATE_MIN && s <= DATE_MAX, { error: `must be between ${DATE_MIN.slice(0, 4)} and ${DATE_MAX.slice(0, 4)}` });

export const id = z
  .number({ error: 'must be chosen' })
  .int({ error: 'must be a whole number' })
  .positive({ error: 'must be chosen' });

/** Optional free text: blank becomes null so the store never keeps empty strings. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `must be at most ${max} characters` })
    .nullish()
    .transform((s) => (s ? s : null));

export const optionalDate = isoDate
  .nullish()
  .or(z.literal('').transform(() => null))
  .transform((s) => (s ? s : null));

/** Money in major units (e.g. dollars), up to 2 decimals, never negative. */
export const money = z
  .number({ error: 'must be an amount such as 48000 or 48,000.50' })
  .finite({ error: 'must be an amount such as 48000 or 48,000.50' })
  .min(0, { error: 'cannot be negative' })
  .max(1e12, { error: 'is implausibly large' })
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, {
    error: 'can have at most 2 decimals',
  });

export const currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, { error: 'must be a 3-letter currency code such as USD or EUR' });
