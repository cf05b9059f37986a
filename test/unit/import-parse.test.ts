import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCsv, parseCsv } from '../../shared/domain/import/csv';
import { dateOrderEvidence, detectedOrder, parseImportDate } from '../../shared/domain/import/dates';
import { detectPreset, suggestMapping } from '../../shared/domain/import/presets';
import { normalizeRows, type ImportChoices, type ImportedDeal } from '../../shared/domain/import/rows';
import { parseImportAmount, suggestOutcome, suggestRole } from '../../shared/domain/import/values';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures/import', name));
const bytes = (s: string) => new TextEncoder().encode(s);

describe('dates', () => {
  it.each([
    ['2026-03-14', null, '2026-03-14'],
    ['2026-03-14T10:22:00.000+0000', null, '2026-03-14'],
    ['2026-12-20 00:00', null, '2026-12-20'],
    ['3/14/2026', null, '2026-03-14'],
    ['14/03/2026', null, '2026-03-14'],
    ['14.03.2026', null, '2026-03-14'],
    ['14-Mar-2026', null, '2026-03-14'],
    ['Mar 14, 2026', null, '2026-03-14'],
    ['14 March 2026', null, '2026-03-14'],
    ['03/04/2026', 'dmy', '2026-04-03'],
    ['03/04/2026', 'mdy', '2026-03-04'],
    ['05/05/26', null, '2026-05-05'],
  ] as const)('reads %s (%s) as %s', (text, order, iso) => {
    expect(parseImportDate(text, order)).toMatchObject({ ok: true, date: iso });
  });

  it('asks rather than guesses when both parts could be the month', () => {
    expect(parseImportDate('03/04/2026', null)).toEqual({ ok: false, reason: 'ambiguous' });
  });

  it.each(['2026-02-30', '13/31/2026', '31.02.2026', 'soon', '2026', 'Smarch 3, 2026'])('refuses %s', (text) => {
    expect(parseImportDate(text, 'mdy')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('decides the order from the file when one value proves it, and not when values disagree', () => {
    expect(detectedOrder(dateOrderEvidence(['03/04/2026', '12/15/2026']))).toBe('mdy');
    expect(detectedOrder(dateOrderEvidence(['03/04/2026', '15/12/2026']))).toBe('dmy');
    expect(detectedOrder(dateOrderEvidence(['12/15/2026', '15/12/2026']))).toBeNull();
    const ev = dateOrderEvidence(['03/04/2026', '05/06/2026', '2026-01-01', '']);
    expect(ev).toEqual({ dmy: 0, mdy: 0, ambiguous: 2, examples: ['03/04/2026', '05/06/2026'] });
  });
});

describe('amounts, stages, roles', () => {
  it.each([
    ['USD 120,000.00', 120000, 'USD'],
    ['$1,250,000', 1250000, 'USD'],
    ['12.500,00 €', 12500, 'EUR'],
    ['£ 9 999,50', 9999.5, 'GBP'],
    ['18000.5', 18000.5, null],
    ['7,500', 7500, null],
  ] as const)('reads %s', (text, amount, currency) => {
    expect(parseImportAmount(text)).toEqual({ ok: true, amount, currency });
  });

  it('refuses negatives, words and amounts that read two ways', () => {
    expect(parseImportAmount('-500')).toMatchObject({ ok: false, reason: 'cannot be negative' });
    expect(parseImportAmount('(1,200.00)')).toMatchObject({ ok: false, reason: 'cannot be negative' });
    expect(parseImportAmount('USD twelve')).toMatchObject({ ok: false, reason: expect.stringMatching(/not an amount/) });
    expect(parseImportAmount('48.000')).toMatchObject({ ok: false, reason: expect.stringMatching(/two ways/) });
  });

  it('recognises won and lost stage names in any case, everything else is open', () => {
    for (const s of ['Closed Won', 'closed won', 'CLOSEDWON', 'closedwon', 'Won', 'Closed - Won']) expect(suggestOutcome(s)).toBe('won');
    for (const s of ['Closed Lost', 'lost', 'closedlost', 'Closed-Lost']) expect(suggestOutcome(s)).toBe('lost');
    for (const s of ['Negotiation', 'Contract sent', 'Gewonnen', 'Closing']) expect(suggestOutcome(s)).toBe('open');
  });

  it('maps job titles to roles', () => {
    expect(suggestRole('Account Executive')).toBe('field');
    expect(suggestRole('SDR')).toBe('sdr');
    expect(suggestRole('Solutions Engineer')).toBe('presales');
    expect(suggestRole('Inside Sales Rep')).toBe('inside');
    expect(suggestRole('')).toBeNull();
  });
});

describe('reading CSV files', () => {
  it('handles BOM, CRLF, quoted commas, escaped quotes, embedded newlines and the Salesforce footer', () => {
    const t = parseCsv(fixture('salesforce-report.csv'));
    expect(t.headers[0]).toBe('Opportunity Owner'); // BOM gone
    expect(t.footerLines).toBe(6);
    expect(t.rows).toHaveLength(11);
    const contoso = t.rows.find((r) => r.cells[1] === 'Contoso, Ltd.')!;
    expect(contoso.line).toBe(3);
    expect(contoso.cells[8]).toBe('Pricing call\r\nwith the CFO on Tuesday');
    const trey = t.rows.find((r) => r.cells[1] === 'Trey Research')!;
    expect(trey.cells[2]).toBe('Trey - "Phase 2" rollout');
    expect(trey.line).toBe(12); // spreadsheet row numbers count records, not physical lines
  });

  it('detects semicolons and tabs, and Windows-1252 files', () => {
    const eu = parseCsv(fixture('eu-semicolon.csv'));
    expect(eu.delimiter).toBe(';');
    expect(eu.encoding).toBe('Windows-1252');
    expect(eu.rows[0]!.cells[0]).toBe('Müller – Rollout');
    expect(eu.rows[0]!.cells[4]).toBe('12.500,00 €');
    expect(parseCsv(fixture('reps.tsv')).delimiter).toBe('\t');
  });

  it('decodes UTF-16 with a BOM', () => {
    const text = 'Name,Stage\r\nÅsa,Won\r\n';
    const le = new Uint8Array([0xff, 0xfe, ...Array.from(text).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(decodeCsv(le)).toEqual({ text, encoding: 'UTF-16' });
  });

  it('keeps a last row that only looks short, and reports an unclosed quote', () => {
    const t = parseCsv(bytes('Deal,Owner,Stage\nA,Ann,Won\n\nB,,\n'));
    expect(t.rows.map((r) => r.cells[0])).toEqual(['A', 'B']);
    expect(t.footerLines).toBe(0);
    expect(parseCsv(bytes('Deal,Owner\n"A,Ann\nB,Bo\n')).problems[0]).toMatch(/Row 2: a quoted cell is never closed/);
  });

  it('recognises Salesforce (labels and API names) and HubSpot exports from their headers', () => {
    expect(detectPreset(parseCsv(fixture('salesforce-report.csv')).headers)?.id).toBe('salesforce');
    expect(detectPreset(parseCsv(fixture('salesforce-api.csv')).headers)?.id).toBe('salesforce-api');
    expect(detectPreset(parseCsv(fixture('hubspot-deals.csv')).headers)?.id).toBe('hubspot');
    expect(detectPreset(parseCsv(fixture('eu-semicolon.csv')).headers)).toBeNull();
    const hub = parseCsv(fixture('hubspot-deals.csv'));
    expect(suggestMapping(hub.headers, 'deals', detectPreset(hub.headers))).toEqual([
      'externalId', 'name', 'stage', 'closeDate', 'owner', 'amount', null, 'createdDate', 'accountName',
    ]);
    // Everyday words when no preset matches.
    expect(suggestMapping(['Deal', 'Account', 'Owner', 'Stage', 'Value', 'Expected close', 'Created'], 'deals', null)).toEqual([
      'name', 'accountName', 'owner', 'stage', 'amount', 'closeDate', 'createdDate',
    ]);
  });
});

describe('checking rows', () => {
  const choices = (over: Partial<ImportChoices> = {}): ImportChoices => ({
    kind: 'deals',
    mapping: ['owner', 'accountName', 'name', 'stage', 'amount', 'closeDate', 'createdDate', 'externalId', 'nextStep'],
    dateOrder: 'mdy',
    stageOutcomes: {},
    defaultCurrency: 'EUR',
    today: '2026-11-24',
    ...over,
  });

  it('lists each bad row with its row number, column, value and reason, and skips exact duplicates', () => {
    const n = normalizeRows(parseCsv(fixture('salesforce-report.csv')), choices());
    expect(n.duplicates).toBe(1);
    expect(n.errors).toEqual([
      { row: 8, column: 'Amount', value: 'USD twelve', reason: 'is not an amount (write 48000 or 48,000.50)' },
      { row: 9, column: 'Close Date', value: '13/31/2026', reason: 'is not a date (write 2026-03-14, 3/14/2026 or 14.03.2026)' },
      { row: 10, column: 'Account Name', value: '', reason: 'is empty' },
    ]);
    expect(n.records).toHaveLength(7);
    const won = n.records.find((r) => r.line === 4) as ImportedDeal;
    expect(won).toMatchObject({ outcome: 'won', stage: 'Closed Won', closeDate: '2026-10-30', createdDate: '2026-08-14', amount: 15000, currency: 'USD' });
    const empty = n.records.find((r) => r.line === 11) as ImportedDeal;
    expect(empty).toMatchObject({ amount: 0, currency: 'EUR', outcome: 'won' });
  });

  it('closed deals need a close date that is not in the future; created cannot follow it', () => {
    const t = parseCsv(bytes('Deal,Account,Owner,Stage,Close,Created\nA,Acme,Ann,Won,,2026-01-01\nB,Acme,Ann,Lost,2026-12-01,2026-01-01\nC,Acme,Ann,Proposal,2026-01-01,2026-02-01\nD,Acme,Ann,Won,2026-03-01,\n'));
    const n = normalizeRows(t, choices({ mapping: ['name', 'accountName', 'owner', 'stage', 'closeDate', 'createdDate'] }));
    expect(n.errors.map((e) => [e.row, e.column, e.reason])).toEqual([
      [2, 'Close', 'is empty but the deal is won'],
      [3, 'Close', 'is after today but the deal is already lost'],
      [4, 'Close', 'is before the created date (2026-02-01)'],
    ]);
    // Without a created date a closed deal counts as created on the day it closed.
    expect(n.records[0]).toMatchObject({ name: 'D', createdDate: '2026-03-01' });
  });

  it('the manager overrides a stage outcome; the same CRM id twice with different values is an error', () => {
    const t = parseCsv(bytes('Id,Deal,Account,Owner,Stage,Close\n1,A,Acme,Ann,Gewonnen,2026-03-01\n1,A,Acme,Ann,Verloren,2026-03-01\n'));
    const n = normalizeRows(t, choices({ mapping: ['externalId', 'name', 'accountName', 'owner', 'stage', 'closeDate'], stageOutcomes: { Gewonnen: 'won' } }));
    expect(n.records[0]).toMatchObject({ outcome: 'won', stage: 'Closed Won' });
    expect(n.errors).toEqual([{ row: 3, column: 'Id', value: '1', reason: 'is the same CRM id as row 2 with different values' }]);
  });

  it('reps: role from title, email checked, quota read like an amount', () => {
    const n = normalizeRows(parseCsv(fixture('reps.tsv')), choices({ kind: 'reps', mapping: ['name', 'email', 'role', 'territory', 'hireDate', 'quota'] }));
    expect(n.records[0]).toEqual({ line: 2, name: 'Jordan Reyes', email: 'jordan.reyes@example.com', role: 'field', territory: 'West', hireDate: '2026-03-01', quota: 450000 });
    expect(n.records[2]).toMatchObject({ name: 'Rafael Brennan', role: null, quota: null, email: null });
    expect(n.errors).toEqual([{ row: 5, column: 'Email', value: 'not-an-email', reason: 'is not a valid email address' }]);
  });
});
