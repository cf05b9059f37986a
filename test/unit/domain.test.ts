import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, formatPercent } from '../../shared/domain/format';
import { attainment, parseAmount, toCents } from '../../shared/domain/money';
import { addDays, daysBetween, periodContaining } from '../../shared/domain/periods';

describe('parseAmount', () => {
  it.each([
    ['48000', 48000],
    ['48,000', 48000],
    ['$1,250,000', 1250000],
    ['1.250.000,50 €', 1250000.5],
    ['1,250,000.75', 1250000.75],
    ['12,5', 12.5],
    ['€ 9 999', 9999],
    ['1.5', 1.5],
    ['0', 0],
    ['USD 48,000', 48000],
    ['48,000.00 EUR', 48000],
  ])('reads %s as %d', (text, expected) => expect(parseAmount(text)).toBe(expected));

  it.each(['', 'abc', '12k', '1.2.3,4,5', '48.000', '1.250'])('refuses %s', (text) => expect(parseAmount(text)).toBeNaN());
});

describe('periods', () => {
  it('finds the calendar quarter, month and year around a date', () => {
    expect(periodContaining('2026-11-24', 'quarter')).toEqual({ kind: 'quarter', start: '2026-10-01', end: '2026-12-31', label: 'Q4 2026' });
    expect(periodContaining('2026-01-01', 'quarter')).toMatchObject({ start: '2026-01-01', end: '2026-03-31', label: 'Q1 2026' });
    expect(periodContaining('2027-02-14', 'month')).toMatchObject({ start: '2027-02-01', end: '2027-02-28' });
    expect(periodContaining('2026-06-30', 'year')).toMatchObject({ start: '2026-01-01', end: '2026-12-31' });
  });

  it('counts days across month ends and DST changes', () => {
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-12-31', '2026-12-01')).toBe(-30);
    expect(addDays('2026-02-27', 3)).toBe('2026-03-02');
  });
});

describe('money and formatting', () => {
  it('stores cents exactly and treats a zero quota as no attainment', () => {
    expect(toCents(25000.51)).toBe(2500051);
    expect(toCents(0.1 + 0.2)).toBe(30);
    expect(attainment(50, 200)).toBe(0.25);
    expect(attainment(50, 0)).toBeNull();
  });

  it('formats for the locale, never shifting a calendar date', () => {
    expect(formatMoney(1250000, 'USD', 'en-US')).toBe('$1,250,000');
    expect(formatMoney(1250000, 'EUR', 'de-DE')).toMatch(/^1\.250\.000\s€$/u);
    expect(formatDate('2026-01-01', 'en-US')).toBe('Jan 1, 2026');
    expect(formatDate(null)).toBe('—');
    expect(formatPercent(0.375, 'en-US')).toBe('38%');
    expect(formatPercent(null)).toBe('—');
  });
});
