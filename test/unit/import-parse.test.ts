import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellsOf, decodeCsv, parseCsv } from '../../shared/domain/import/csv';
import { dateOrderEvidence, detectedOrder, parseImportDate } from '../../shared/domain/import/dates';
import { headerKey } from '../../shared/domain/import/headers';
import { suggestMapping } from '../../shared/domain/import/mapping';
import { nameFromEmail, ownerKind } from '../../shared/domain/import/owners';
import { detectPreset } from '../../shared/domain/import/presets';
import { missingRequired, nocase, normalizeRows, type ImportChoices, type ImportedDeal } from '../../shared/domain/import/rows';
import { readStage } from '../../shared/domain/import/stages';
import { parseFlag, parseImportAmount, suggestRole, valuesFit } from '../../shared/domain/import/values';

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

  it('reads won and lost inside stage names, in five languages and prefixed forms', () => {
    const team = ['Prospecting', 'Qualification', 'Discovery', 'Proposal', 'Negotiation'];
    const won = ['Closed Won', 'closed won', 'CLOSEDWON', 'closedwon', 'Won', 'Closed - Won', 'G. Project Won', 'C6:WON', 'WON', 'Gewonnen', 'Gagnée', 'Ganada', 'Ganado', 'Сделка успешна', 'Успешно реализовано'];
    const lost = ['Closed Lost', 'lost', 'closedlost', 'Closed-Lost', 'L. Project Lost', 'C6:LOSE', 'LOSE', 'APOLOGY', 'Verloren', 'Perdue', 'Perdida', 'Descartada', 'Сделка провалена', 'Закрыто и не реализовано', 'Analyse der Absage: abgesagt'];
    for (const s of won) expect(readStage(s, team), s).toMatchObject({ outcome: 'won', how: 'won word' });
    for (const s of lost) expect(readStage(s, team), s).toMatchObject({ outcome: 'lost', how: 'lost word' });
  });

  it('open stages: the team’s own (also inside a longer name), the ones CRMs ship with; anything else is a question', () => {
    const team = ['Prospecting', 'Qualification', 'Discovery', 'Proposal', 'Negotiation'];
    expect(readStage('proposal', team)).toEqual({ outcome: 'open', stage: 'Proposal', how: 'your stage' });
    expect(readStage('Proposal/Price Quote', team)).toEqual({ outcome: 'open', stage: 'Proposal', how: 'your stage' });
    expect(readStage('Negotiation/Review', team)).toEqual({ outcome: 'open', stage: 'Negotiation', how: 'your stage' });
    expect(readStage('A. Prospecting', team)).toEqual({ outcome: 'open', stage: 'Prospecting', how: 'your stage' });
    for (const s of ['Engaging', 'C6:NEW', 'C6:PREPARATION', 'PREPAYMENT_INVOICE', 'appointmentscheduled', 'Contract sent', 'Id. Decision Makers', 'В работе', 'Счёт на предоплату', 'Angebot', 'Négociation', 'Propuesta']) {
      expect(readStage(s, team), s).toMatchObject({ outcome: 'open', stage: null, how: 'open stage' });
    }
    for (const s of ['Closed', 'Done', 'Congelado', 'Won/Lost', 'Signed']) expect(readStage(s, team), s).toEqual({ outcome: null, stage: null, how: 'unknown' });
  });

  it('flags as CRMs write them', () => {
    for (const t of ['true', 'TRUE', 'Y', '1', 'yes', 'Ja', 'oui', 'да']) expect(parseFlag(t), t).toBe(true);
    for (const t of ['false', 'N', '0', 'no', 'nein', 'нет']) expect(parseFlag(t), t).toBe(false);
    expect(parseFlag('maybe')).toBeNull();
  });

  it('owners given as ids and e-mails are told apart from names', () => {
    expect(['005Ec000004oBPNIA2', '17', '0065g00000SFa001', '3f2504e0-4f89-11d3-9a0c-0305e82c3301'].map(ownerKind)).toEqual(['id', 'id', 'id', 'id']);
    expect(['grace.okafor@example.com'].map(ownerKind)).toEqual(['email']);
    expect(['Grace Okafor', 'Ирина Соколова', 'jsmith', 'Rep 12'].map(ownerKind)).toEqual(['name', 'name', 'name', 'name']);
    expect(nameFromEmail('jordan.reyes@example.com')).toBe('Jordan Reyes');
    expect(nameFromEmail('ana_lopez2@example.com')).toBe('Ana Lopez2');
  });

  it('folds case as SQLite NOCASE does: ASCII letters only', () => {
    expect(nocase('Grace OKAFOR')).toBe('grace okafor');
    expect(nocase('already lower')).toBe('already lower');
    expect(nocase('ÉTÉ Acme')).toBe('ÉtÉ acme'); // É is not ASCII: NOCASE leaves it, so must we
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
    const contoso = t.rows.find((r) => cellsOf(r)[1] === 'Contoso, Ltd.')!;
    expect(contoso.line).toBe(3);
    expect(cellsOf(contoso)[8]).toBe('Pricing call\r\nwith the CFO on Tuesday');
    const trey = t.rows.find((r) => cellsOf(r)[1] === 'Trey Research')!;
    expect(cellsOf(trey)[2]).toBe('Trey - "Phase 2" rollout');
    expect(trey.line).toBe(12); // spreadsheet row numbers count records, not physical lines
  });

  it('detects semicolons and tabs, and Windows-1252 files', () => {
    const eu = parseCsv(fixture('eu-semicolon.csv'));
    expect(eu.delimiter).toBe(';');
    expect(eu.encoding).toBe('Windows-1252');
    expect(cellsOf(eu.rows[0]!)[0]).toBe('Müller – Rollout');
    expect(cellsOf(eu.rows[0]!)[4]).toBe('12.500,00 €');
    expect(parseCsv(fixture('reps.tsv')).delimiter).toBe('\t');
  });

  it('decodes UTF-16 with a BOM', () => {
    const text = 'Name,Stage\r\nÅsa,Won\r\n';
    const le = new Uint8Array([0xff, 0xfe, ...Array.from(text).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(decodeCsv(le)).toEqual({ text, encoding: 'UTF-16' });
  });

  it('keeps a last row that only looks short, and reports an unclosed quote', () => {
    const t = parseCsv(bytes('Deal,Owner,Stage\nA,Ann,Won\n\nB,,\n'));
    expect(t.rows.map((r) => cellsOf(r)[0])).toEqual(['A', 'B']);
    expect(t.footerLines).toBe(0);
    expect(parseCsv(bytes('Deal,Owner\n"A,Ann\nB,Bo\n')).problems[0]).toMatch(/Row 2: a quoted cell is never closed/);
  });

  it('recognises Salesforce (labels and API names) and HubSpot exports from their headers', () => {
    expect(detectPreset(parseCsv(fixture('salesforce-report.csv')).headers)?.id).toBe('salesforce');
    expect(detectPreset(parseCsv(fixture('salesforce-api.csv')).headers)?.id).toBe('salesforce-api');
    expect(detectPreset(parseCsv(fixture('salesforce-dataloader.csv')).headers)?.id).toBe('salesforce-api'); // UPPER CASE API names
    expect(detectPreset(parseCsv(fixture('hubspot-deals.csv')).headers)?.id).toBe('hubspot');
    expect(detectPreset(parseCsv(fixture('eu-semicolon.csv')).headers)).toBeNull();
    const hub = parseCsv(fixture('hubspot-deals.csv'));
    const samples = (t: typeof hub) => (i: number) => t.rows.map((r) => cellsOf(r)[i] ?? '').filter(Boolean);
    expect(suggestMapping('deals', hub.headers, detectPreset(hub.headers), samples(hub)).mapping).toEqual([
      'externalId', 'name', 'stage', 'closeDate', 'owner', 'amount', null, 'createdDate', 'accountName',
    ]);
  });

  it('column names in any case and separator, and in German, French, Spanish and Russian', () => {
    expect(['close_date', 'CLOSEDATE', 'closeDate', 'Close-Date', 'close date'].map(headerKey)).toEqual(Array(5).fill('closedate'));
    const map = (headers: string[], rows: string[][]) => suggestMapping('deals', headers, null, (i) => rows.map((r) => r[i] ?? '')).mapping;
    expect(map(
      ['opportunity_id', 'sales_agent', 'product', 'account', 'deal_stage', 'engage_date', 'close_date', 'close_value'],
      [['1C1I7A6R', 'Moses Frase', 'GTX Basic', 'Cancity', 'Won', '2026-03-20', '2026-05-01', '1054']],
    )).toEqual(['externalId', 'owner', 'product', 'accountName', 'stage', 'createdDate', 'closeDate', 'amount']);
    expect(map(
      ['ID', 'TITLE', 'STAGE_ID', 'OPPORTUNITY', 'CURRENCY_ID', 'ASSIGNED_BY_ID', 'DATE_CREATE', 'CLOSEDATE', 'CLOSED'],
      [['101', 'Servers', 'C6:WON', '150000.00', 'RUB', '17', '02.09.2026 10:15:00', '15.12.2026', 'Y']],
    )).toEqual(['externalId', 'name', 'stage', 'amount', 'currency', 'owner', 'createdDate', 'closeDate', 'isClosed']);
    expect(map(
      ['potentialid', 'potentialname', 'related_to', 'amount', 'closingdate', 'sales_stage', 'assigned_to', 'createdtime'],
      [['12', 'Northwind', 'Northwind Traders', '15000.00', '2026-10-01', 'Closed Won', 'admin', '2026-06-01 10:22:00']],
    )).toEqual(['externalId', 'name', 'accountName', 'amount', 'closeDate', 'stage', 'owner', 'createdDate']);
    expect(map(['Deal ID', 'Deal Name', 'Associated Company Domain', 'Deal owner'], [['8801', 'Acme annual', 'acme.example', 'grace@example.com']])).toEqual([
      'externalId', 'name', 'accountName', 'owner',
    ]);
    expect(map(['Titel', 'Organisation', 'Besitzer', 'Phase', 'Wert', 'Währung', 'Erwartetes Abschlussdatum', 'Erstellt am'], [['Rahmenvertrag', 'Müller GmbH', 'Grace', 'Angebot', '25.000,00', 'EUR', '15.01.2027', '02.10.2026']])).toEqual([
      'name', 'accountName', 'owner', 'stage', 'amount', 'currency', 'closeDate', 'createdDate',
    ]);
    expect(map(['Nom de l’affaire', 'Société', 'Propriétaire', 'Étape', 'Montant', 'Date de clôture', 'Date de création'], [['Projet', 'Alpha SA', 'Luc', 'Proposition', '1 200,00', '20/01/2027', '03/10/2026']])).toEqual([
      'name', 'accountName', 'owner', 'stage', 'amount', 'closeDate', 'createdDate',
    ]);
    expect(map(['Nombre del negocio', 'Empresa', 'Propietario', 'Etapa', 'Importe', 'Fecha de cierre'], [['Renovación', 'Grupo Alfa', 'Mateo', 'Ganada', '18.500,00 €', '20/01/2027']])).toEqual([
      'name', 'accountName', 'owner', 'stage', 'amount', 'closeDate',
    ]);
    expect(map(['ID', 'Название сделки', 'Стадия сделки', 'Сумма', 'Валюта', 'Ответственный', 'Дата создания', 'Дата закрытия', 'Сделка закрыта'], [['101', 'Поставка', 'C6:NEW', '150 000,00', 'RUB', '17', '02.09.2026', '15.12.2026', 'N']])).toEqual([
      'externalId', 'name', 'stage', 'amount', 'currency', 'owner', 'createdDate', 'closeDate', 'isClosed',
    ]);
  });

  it('never maps a column to a field its values do not fit, and says why', () => {
    // "Name" holds numbers (a dump's ids): not the deal name. "Closed" holds dates: the close date, not a flag.
    const s = suggestMapping('deals', ['Name', 'Title', 'Closed', 'Stage'], null, (i) => [['1042', '1043'], ['Acme pilot', 'Globex'], ['2026-10-01', '2026-11-02'], ['Won', 'Proposal']][i]!);
    expect(s.mapping).toEqual([null, 'name', 'closeDate', 'stage']);
    expect(s.notes).toEqual([]); // the name found a better column, so nothing to say
    const t = suggestMapping('deals', ['Name', 'Amount', 'Stage'], null, (i) => [['1042', '1043'], ['soon', 'later'], ['Won', 'Lost']][i]!);
    expect(t.mapping).toEqual([null, null, 'stage']);
    expect(t.notes).toEqual(['“Name” was not used as Deal name: its values are numbers (1042, 1043).', '“Amount” was not used as Amount: its values do not fit (soon, later).']);
    expect(valuesFit('isClosed', ['Y', 'N', 'N'])).toBe(true);
    expect(valuesFit('isClosed', ['2026-01-01'])).toBe(false);
  });
});

describe('headerless dumps, \\N, titles and repeated headers', () => {
  it('sees that a dump’s first row is data, numbers the columns and reads \\N as empty', () => {
    const t = parseCsv(fixture('vtiger-dump.csv'));
    expect(t.hasHeader).toBe(false);
    expect(t.headers).toEqual(['Column 1', 'Column 2', 'Column 3', 'Column 4', 'Column 5', 'Column 6', 'Column 7', 'Column 8', 'Column 9']);
    expect(t.rows).toHaveLength(5);
    expect({ line: t.rows[0]!.line, cells: cellsOf(t.rows[0]!) }).toEqual({ line: 1, cells: ['12', 'POT12', 'Northwind renewal', '', '15000.00', '2026-10-01', 'Closed Won', '5', '2026-06-01 10:22:00'] });
    expect(cellsOf(t.rows[4]!)[2]).toBe('Litware "rush" order');
    // The manager can say otherwise: then the first row is the header.
    expect(parseCsv(fixture('vtiger-dump.csv'), true)).toMatchObject({ hasHeader: true, headers: expect.arrayContaining(['POT12']) });
  });

  it('skips a board’s title lines, and every repeated header with its group title, counting them', () => {
    const t = parseCsv(fixture('monday-board.csv'));
    expect(t).toMatchObject({ hasHeader: true, titleLines: 2, repeatedHeaders: 2 });
    expect(t.headers).toEqual(['Name', 'Person', 'Status', 'Deal Value', 'Expected Close Date', 'Company', 'Creation Log']);
    expect(t.rows.map((r) => cellsOf(r)[0])).toEqual(['Acme rollout', 'Globex platform', 'Initech seats', 'Hooli trial', 'Umbrella upsell', 'Stark retrofit']);
    expect(t.rows.map((r) => r.line)).toEqual([5, 6, 7, 11, 12, 13]); // spreadsheet rows, blank lines counted
  });
});

describe('checking rows', () => {
  const choices = (over: Partial<ImportChoices> = {}): ImportChoices => ({
    kind: 'deals',
    mapping: ['owner', 'accountName', 'name', 'stage', 'amount', 'closeDate', 'createdDate', 'externalId', 'nextStep'],
    dateOrder: 'mdy',
    stageOutcomes: {},
    stageNames: {},
    teamStages: ['Prospecting', 'Discovery', 'Proposal', 'Negotiation'],
    defaultCurrency: 'EUR',
    closedDateFallback: null,
    defaultOwner: null,
    sameName: 'error',
    today: '2026-11-24',
    ...over,
  });

  it('lists each bad row with its row number, column, value and reason, and skips exact duplicates', () => {
    const n = normalizeRows(parseCsv(fixture('salesforce-report.csv')), choices());
    expect(n.duplicates).toBe(1);
    expect(n.errors).toEqual([
      { row: 8, column: 'Amount', value: 'USD twelve', reason: 'is not an amount (write 48000 or 48,000.50)' },
      { row: 9, column: 'Close Date', value: '13/31/2026', reason: 'is not a date (write 2026-03-14, 3/14/2026 or 14.03.2026)' },
    ]);
    expect(n.records).toHaveLength(8);
    const won = n.records.find((r) => r.line === 4) as ImportedDeal;
    expect(won).toMatchObject({ outcome: 'won', stage: 'Closed Won', crmStage: null, closeDate: '2026-10-30', createdDate: '2026-08-14', amount: 15000, currency: 'USD' });
    const empty = n.records.find((r) => r.line === 11) as ImportedDeal;
    expect(empty).toMatchObject({ amount: 0, currency: 'EUR', outcome: 'won' });
    // A deal without an account is imported, with no account.
    expect(n.records.find((r) => r.line === 10)).toMatchObject({ accountName: null, name: 'Blank account deal' });
    expect(n.fallbacks.no_account).toBe(1);
  });

  const dealsCsv = (body: string) => parseCsv(bytes(`Deal,Account,Owner,Stage,Close,Created,Modified\n${body}`));
  const dealMap = ['name', 'accountName', 'owner', 'stage', 'closeDate', 'createdDate', null] as const;

  it('a won or lost deal without a close date is listed until a fallback is chosen, then takes it and is counted', () => {
    const t = dealsCsv('A,Acme,Ann,Won,,2026-01-01,2026-02-10\nB,Acme,Ann,Lost,,2026-01-05,\nC,Acme,Ann,Lost,2026-12-01,2026-01-01,\nD,Acme,Ann,Won,2026-03-01,,\n');
    const none = normalizeRows(t, choices({ mapping: [...dealMap] }));
    expect(none.errors.map((e) => [e.row, e.column, e.reason])).toEqual([
      [2, 'Close', 'is empty but the deal is won: choose another date to use (a column or the created date)'],
      [3, 'Close', 'is empty but the deal is lost: choose another date to use (a column or the created date)'],
      [4, 'Close', 'is after today but the deal is already lost'],
    ]);
    expect(none.closedWithoutDate).toBe(2);
    // Without a created date a closed deal counts as created on the day it closed.
    expect(none.records).toEqual([expect.objectContaining({ name: 'D', createdDate: '2026-03-01' })]);

    const modified = normalizeRows(t, choices({ mapping: [...dealMap], closedDateFallback: 6 }));
    expect(modified.records.find((r) => r.line === 2)).toMatchObject({ outcome: 'won', closeDate: '2026-02-10' });
    expect(modified.errors.map((e) => [e.row, e.reason])).toEqual([
      [3, 'is empty but the deal is lost, and “Modified” is empty too'],
      [4, 'is after today but the deal is already lost'],
    ]);
    expect(modified.fallbacks).toMatchObject({ closed_date_from_column: 1 });

    const created = normalizeRows(t, choices({ mapping: [...dealMap], closedDateFallback: 'created' }));
    expect(created.records.filter((r) => r.line <= 3).map((r) => (r as ImportedDeal).closeDate)).toEqual(['2026-01-01', '2026-01-05']);
    expect(created.fallbacks).toMatchObject({ closed_date_from_created: 2 });
  });

  it('a deal closing before it was created is imported and counted, never refused', () => {
    const n = normalizeRows(dealsCsv('A,Acme,Ann,Won,2026-02-28,2026-03-15,\nB,Acme,Ann,Proposal,2026-01-01,2026-02-01,\n'), choices({ mapping: [...dealMap] }));
    expect(n.errors).toEqual([]);
    expect(n.records.map((r) => [(r as ImportedDeal).closeDate, (r as ImportedDeal).createdDate])).toEqual([['2026-02-28', '2026-03-15'], ['2026-01-01', '2026-02-01']]);
    expect(n.fallbacks.close_before_created).toBe(2);
  });

  it('rows without an owner go to the chosen rep; without a choice they are listed', () => {
    const t = dealsCsv('A,Acme,,Proposal,2027-01-01,2026-10-01,\nB,Acme,Bo,Proposal,2027-01-01,2026-10-01,\n');
    expect(normalizeRows(t, choices({ mapping: [...dealMap] })).errors).toEqual([
      { row: 2, column: 'Owner', value: '', reason: 'is empty: choose the rep who gets rows without an owner' },
    ]);
    const n = normalizeRows(t, choices({ mapping: [...dealMap], defaultOwner: 'Grace Okafor' }));
    expect(n.records.map((r) => (r as ImportedDeal).owner)).toEqual(['Grace Okafor', 'Bo']);
    expect(n).toMatchObject({ withoutOwner: 1, fallbacks: { default_owner: 1 } });
    // A file with no owner column at all: the owner is only required until a rep is chosen.
    expect(missingRequired('deals', ['name', 'stage'])).toEqual(['owner']);
    expect(missingRequired('deals', ['name', 'stage'], 'Grace Okafor')).toEqual([]);
    expect(missingRequired('deals', ['product', 'stage'], 'Grace Okafor')).toEqual([]); // named from the product
    expect(missingRequired('deals', ['amount', 'stage'], 'Grace Okafor')).toEqual(['name']);
  });

  it('names deals from the account and product, or the CRM id, when the file has none', () => {
    const t = parseCsv(bytes('Id,Account,Product,Owner,Stage\n7,Cancity,GTX Basic,Ann,Engaging\n8,,,Ann,Engaging\n,,,Ann,Engaging\n'));
    const n = normalizeRows(t, choices({ mapping: ['externalId', 'accountName', 'product', 'owner', 'stage'] }));
    expect(n.records.map((r) => (r as ImportedDeal).name)).toEqual(['Cancity · GTX Basic', 'Deal 8']);
    expect(n.errors).toEqual([{ row: 4, column: 'Deal name', value: '', reason: 'is empty, and there is no account, product or CRM id to name the deal after' }]);
    expect(n.fallbacks).toMatchObject({ name_built: 2, no_account: 2 });
  });

  it('the same name and account with other values is an error, unless imported as separate deals', () => {
    const t = parseCsv(fixture('same-name.csv'));
    const mapping = ['name', 'accountName', 'owner', 'stage', 'amount', 'closeDate', 'createdDate'] as const;
    const strict = normalizeRows(t, choices({ mapping: [...mapping] }));
    expect(strict.errors).toEqual([
      { row: 3, column: 'Deal', value: 'Annual licence', reason: 'is the same deal name and account as row 2 with different values and no CRM id: import them as separate deals, or fix the file' },
    ]);
    expect(strict.sameNameConflicts).toBe(1);
    const separate = normalizeRows(t, choices({ mapping: [...mapping], sameName: 'separate' }));
    expect(separate.errors).toEqual([]);
    expect(separate.records.map((r) => (r as ImportedDeal).amount)).toEqual([12000, 8000, 3000]);
    expect(separate.fallbacks.same_name_separate).toBe(1);
  });

  it('unread stages wait for an answer; IsWon/IsClosed settle them row by row; open stages can be filed under the list', () => {
    const t = parseCsv(bytes('Id,Deal,Account,Owner,Stage,Close,IsClosed,IsWon\n1,A,Acme,Ann,Signed,2026-09-30,true,true\n2,B,Acme,Ann,Signed,2026-09-30,,\n3,C,Acme,Ann,Proposal/Price Quote,2027-01-01,false,false\n4,D,Acme,Ann,C6:WON,2026-10-01,,\n'));
    const mapping = ['externalId', 'name', 'accountName', 'owner', 'stage', 'closeDate', 'isClosed', 'isWon'] as const;
    const n = normalizeRows(t, choices({ mapping: [...mapping] }));
    expect(n.unanswered).toBe(1); // row 3: "Signed" with no flags
    expect(n.records.map((r) => [r.line, (r as ImportedDeal).outcome, (r as ImportedDeal).stage, (r as ImportedDeal).crmStage])).toEqual([
      [2, 'won', 'Closed Won', 'Signed'],
      [4, 'open', 'Proposal', 'Proposal/Price Quote'],
      [5, 'won', 'Closed Won', 'C6:WON'],
    ]);
    expect(n.stageRows.get('Signed')).toEqual({ count: 2, fromFlags: 1 });
    expect(n.fallbacks).toMatchObject({ outcome_from_flags: 1, stage_renamed: 1 });
    const answered = normalizeRows(t, choices({ mapping: [...mapping], stageOutcomes: { Signed: 'won' }, stageNames: { 'Proposal/Price Quote': 'Proposal/Price Quote' } }));
    expect(answered.unanswered).toBe(0);
    expect(answered.records.map((r) => (r as ImportedDeal).stage)).toEqual(['Closed Won', 'Closed Won', 'Proposal/Price Quote', 'Closed Won']);
  });

  it('the manager overrides a stage outcome; the same CRM id twice with different values is an error', () => {
    const t = parseCsv(bytes('Id,Deal,Account,Owner,Stage,Close\n1,A,Acme,Ann,Gewonnen,2026-03-01\n1,A,Acme,Ann,Verloren,2026-03-01\n'));
    const n = normalizeRows(t, choices({ mapping: ['externalId', 'name', 'accountName', 'owner', 'stage', 'closeDate'], stageOutcomes: { Gewonnen: 'lost' } }));
    expect(n.records[0]).toMatchObject({ outcome: 'lost', stage: 'Closed Lost', crmStage: 'Gewonnen' });
    expect(n.errors).toEqual([{ row: 3, column: 'Id', value: '1', reason: 'is the same CRM id as row 2 with different values' }]);
  });

  it('reps: role from title, email checked, quota read like an amount', () => {
    const n = normalizeRows(parseCsv(fixture('reps.tsv')), choices({ kind: 'reps', mapping: ['name', 'email', 'role', 'territory', 'hireDate', 'quota'] }));
    expect(n.records[0]).toEqual({ line: 2, name: 'Jordan Reyes', email: 'jordan.reyes@example.com', role: 'field', territory: 'West', hireDate: '2026-03-01', quota: 450000 });
    expect(n.records[2]).toMatchObject({ name: 'Rafael Brennan', role: null, quota: null, email: null });
    expect(n.errors).toEqual([{ row: 5, column: 'Email', value: 'not-an-email', reason: 'is not a valid email address' }]);
  });
});
