/**
 * Real CRM export shapes, end to end through the API on a real SQLite file: every row whose
 * facts are present is stored, every fallback is counted, and every refusal writes nothing.
 * Fixtures (test/fixtures/import) are hand-made in each shape, with made-up companies.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import type { Ctx } from '../../electron/core/context';
import { repAggregates } from '../../electron/core/repos/metrics';
import { createRep } from '../../electron/core/repos/reps';
import { DEFAULT_SETTINGS } from '../../shared/schemas/team';
import { testCtx } from './helpers';
import { analyze, runImport, stage } from './importHelpers';


const rows = (ctx: Ctx, sql: string, ...args: unknown[]) => ctx.db.prepare(sql).all(...args) as Record<string, unknown>[];
const one = (ctx: Ctx, sql: string, ...args: unknown[]) => ctx.db.prepare(sql).pluck().get(...args);
const nothingWritten = (ctx: Ctx) => one(ctx, 'SELECT (SELECT COUNT(*) FROM deals) + (SELECT COUNT(*) FROM import_runs) + (SELECT COUNT(*) FROM accounts)');
const addRep = (ctx: Ctx, name: string, email: string | null = null) =>
  createRep(ctx.db, ctx.clock, { name, email, role: 'field', territory: null, hireDate: null, quota: 100000 }).id;
const dealsByRep = (ctx: Ctx) =>
  rows(ctx, `SELECT r.name AS rep, SUM(d.outcome = 'won') AS won, SUM(d.outcome = 'lost') AS lost, SUM(d.outcome = 'open') AS open,
    SUM(CASE WHEN d.outcome = 'won' THEN d.amount_cents ELSE 0 END) AS wonCents FROM deals d JOIN reps r ON r.id = d.rep_id GROUP BY r.name ORDER BY r.name`);

describe('a Bitrix24 export in Russian: no account column, C6:WON stages, owners as user ids', () => {
  it('asks who the ids are and which date stands in for missing close dates, then imports every row', async () => {
    const ctx = testCtx();
    const irina = addRep(ctx, 'Ирина Соколова');
    const grace = addRep(ctx, 'Grace Okafor');
    const fileId = stage('bitrix-deals-ru.csv');
    const a = analyze(ctx, { fileId });
    expect(a.columns.map((c) => c.field)).toEqual(['externalId', 'name', 'stage', 'amount', 'currency', 'owner', 'createdDate', 'closeDate', null, 'isClosed']);
    expect(a.dateOrder).toMatchObject({ needed: false }); // 02.09.2026 is always day-first
    expect(a.stages.map((s) => [s.value, s.outcome])).toEqual([
      ['C6:WON', 'won'], ['C6:LOSE', 'lost'], ['C6:NEW', 'open'], ['C6:PREPARATION', 'open'], ['В работе', 'open'], ['Сделка провалена', 'lost'], ['Сделка успешна', 'won'],
    ]);
    expect(a.owners.map((o) => [o.name, o.kind, o.decision])).toEqual([['17', 'id', null], ['23', 'id', null], ['Ирина Соколова', 'name', irina]]);
    expect(a.closedDate).toMatchObject({ withoutDate: 3, fallback: null, candidates: [{ index: 6, header: 'Дата создания' }, { index: 8, header: 'Дата изменения' }] });
    expect(a.blockers.map((b) => b.field)).toEqual(['owners']);
    expect(dispatch(ctx, 'import.start', { fileId, skipInvalid: true })).toMatchObject({ ok: false, error: { field: 'owners', message: expect.stringMatching(/“17”, “23”/) } });
    expect(nothingWritten(ctx)).toBe(0);

    const choices = { fileId, owners: { '17': grace, '23': { create: 'Pavel Orlov' } }, closedDateFallback: 8 } as const;
    const b = analyze(ctx, choices);
    expect(b.blockers).toEqual([]);
    expect(b.errors).toEqual([]);
    expect(b.fallbacks.map((f) => [f.code, f.count])).toEqual([['closed_date_from_column', 3], ['no_account', 8], ['currency_default', 0]].filter(([, n]) => n));
    const p = await runImport(ctx, { ...choices });
    expect(p.result).toMatchObject({ created: 8, skipped: 0, repsCreated: 1 });
    expect(dealsByRep(ctx)).toEqual([
      { rep: 'Grace Okafor', won: 1, lost: 0, open: 2, wonCents: 21000000 }, // 107 (won, closed 05.08 from the modified date)
      { rep: 'Pavel Orlov', won: 2, lost: 1, open: 0, wonCents: 36400000 }, // 103 + 108
      { rep: 'Ирина Соколова', won: 0, lost: 1, open: 1, wonCents: 0 },
    ]);
    expect(rows(ctx, "SELECT external_id, stage, crm_stage, closed_date, account_id, currency FROM deals WHERE external_id IN ('104', '107') ORDER BY external_id")).toEqual([
      { external_id: '104', stage: 'Closed Lost', crm_stage: 'C6:LOSE', closed_date: '2026-08-15', account_id: null, currency: 'RUB' },
      { external_id: '107', stage: 'Closed Won', crm_stage: 'C6:WON', closed_date: '2026-08-05', account_id: null, currency: 'RUB' },
    ]);
    // The ids are remembered: the next export of the same CRM needs no answer.
    expect(rows(ctx, 'SELECT alias, r.name FROM rep_aliases a JOIN reps r ON r.id = a.rep_id ORDER BY alias')).toEqual([
      { alias: '17', name: 'Grace Okafor' },
      { alias: '23', name: 'Pavel Orlov' },
    ]);
    const again = analyze(ctx, { fileId: stage('bitrix-deals-ru.csv'), closedDateFallback: 8 });
    expect(again.owners.map((o) => [o.name, o.matchedBy])).toEqual([['17', 'earlier import'], ['23', 'earlier import'], ['Ирина Соколова', 'name']]);
    expect(again.counts).toMatchObject({ create: 0, update: 8, waiting: 0 });
  });
});

describe('a database dump without a header row', () => {
  it('numbers the columns, reads \\N as empty, and imports once the manager names the columns and the owner ids', async () => {
    const ctx = testCtx();
    const grace = addRep(ctx, 'Grace Okafor');
    const fileId = stage('vtiger-dump.csv');
    const a = analyze(ctx, { fileId });
    expect(a.header).toEqual({ hasHeader: false, detected: false, titleLines: 0, repeatedHeaders: 0 });
    expect(a.columns.map((c) => c.field)).toEqual(Array(9).fill(null));
    expect(a.columns[3]!.samples).toEqual(['7', '9']); // \N cells are empty
    expect(a.blockers[0]).toMatchObject({ field: 'mapping' });
    const mapping = ['externalId', null, 'name', 'accountName', 'amount', 'closeDate', 'stage', 'owner', 'createdDate'] as const;
    const b = analyze(ctx, { fileId, mapping: [...mapping] });
    expect(b.stages.map((s) => [s.value, s.outcome, s.stage])).toEqual([
      ['Closed Lost', 'lost', null], ['Closed Won', 'won', null], ['Negotiation/Review', 'open', 'Negotiation'], ['Proposal/Price Quote', 'open', 'Proposal'], ['Prospecting', 'open', 'Prospecting'],
    ]);
    expect(b.blockers.map((x) => x.field)).toEqual(['owners']); // 5 and 6 are user ids
    const p = await runImport(ctx, { fileId, mapping: [...mapping], owners: { '5': grace, '6': grace } });
    expect(p.result).toMatchObject({ created: 5, skipped: 0 });
    expect(rows(ctx, 'SELECT external_id, name, account_id IS NULL AS noAccount, amount_cents, stage, crm_stage FROM deals ORDER BY external_id')).toEqual([
      { external_id: '12', name: 'Northwind renewal', noAccount: 1, amount_cents: 1500000, stage: 'Closed Won', crm_stage: null },
      { external_id: '13', name: 'Contoso expansion', noAccount: 0, amount_cents: 4800000, stage: 'Proposal', crm_stage: 'Proposal/Price Quote' },
      { external_id: '14', name: 'Fabrikam pilot', noAccount: 0, amount_cents: 0, stage: 'Prospecting', crm_stage: null },
      { external_id: '15', name: 'Tailspin, phase 2', noAccount: 0, amount_cents: 2250050, stage: 'Closed Lost', crm_stage: null },
      { external_id: '16', name: 'Litware "rush" order', noAccount: 1, amount_cents: 990000, stage: 'Negotiation', crm_stage: 'Negotiation/Review' },
    ]);
  });
});

describe('a board export with a title, groups and the header repeated above each group', () => {
  it('imports every item once and says what it skipped', async () => {
    const ctx = testCtx();
    const fileId = stage('monday-board.csv');
    const a = analyze(ctx, { fileId });
    expect(a.header).toEqual({ hasHeader: true, detected: true, titleLines: 2, repeatedHeaders: 2 });
    expect(a.columns.map((c) => c.field)).toEqual(['name', 'owner', 'stage', 'amount', 'closeDate', 'accountName', 'createdDate']);
    expect(a.stages.find((s) => s.value === 'Contacted')).toMatchObject({ outcome: 'open', how: 'open stage' });
    expect(a.counts).toMatchObject({ rows: 6, valid: 6, errors: 0 });
    const p = await runImport(ctx, { fileId });
    expect(p.result).toMatchObject({ created: 6, repsCreated: 3 });
    expect(dealsByRep(ctx)).toEqual([
      { rep: 'Grace Okafor', won: 0, lost: 1, open: 1, wonCents: 0 },
      { rep: 'Kwame Nakamura', won: 0, lost: 0, open: 2, wonCents: 0 },
      { rep: 'Rafael Brennan', won: 2, lost: 0, open: 0, wonCents: 15000000 },
    ]);
    expect(one(ctx, "SELECT account_id FROM deals WHERE name = 'Hooli trial'")).toBeNull();
  });
});

describe('a snake_case pipeline (Kaggle-style), as exported and as re-saved by Excel', () => {
  it('recognises the headers, names each deal from account and product, and both files store the same deals', async () => {
    const iso = testCtx();
    const excel = testCtx();
    const a = analyze(iso, { fileId: stage('kaggle-pipeline.csv') });
    expect(a.columns.map((c) => c.field)).toEqual(['externalId', 'owner', 'product', 'accountName', 'stage', 'createdDate', 'closeDate', 'amount']);
    expect(a.warnings).toContain('No deal name column: each deal is named after its account and product, or its CRM id.');
    const b = analyze(excel, { fileId: stage('kaggle-pipeline-excel.csv') });
    expect(b.dateOrder).toMatchObject({ needed: false, detected: 'dmy' }); // 20-03-26 can only be day-first
    expect(a.currency).toEqual({ chosen: 'USD', team: 'USD', hasColumn: false, amountsWithout: 4 });
    await runImport(iso, { fileId: stage('kaggle-pipeline.csv') });
    await runImport(excel, { fileId: stage('kaggle-pipeline-excel.csv'), currency: 'EUR' });
    expect(one(iso, "SELECT group_concat(DISTINCT currency) FROM deals")).toBe('USD');
    expect(one(excel, "SELECT group_concat(DISTINCT currency) FROM deals")).toBe('EUR'); // the file's currency, as chosen
    excel.db.exec("UPDATE deals SET currency = 'USD'"); // the rest must be identical
    const stored = (ctx: Ctx) => rows(ctx, 'SELECT external_id, name, outcome, amount_cents, created_date, closed_date, expected_close_date, account_id IS NULL AS noAccount FROM deals ORDER BY external_id');
    expect(stored(excel)).toEqual(stored(iso));
    expect(stored(iso).find((d) => d.external_id === '1C1I7A6R')).toMatchObject({ name: 'Cancity · GTX Plus Basic', outcome: 'won', amount_cents: 105400, created_date: '2026-03-20', closed_date: '2026-05-01' });
    expect(stored(iso).find((d) => d.external_id === 'TWC8F1Q3')).toMatchObject({ name: 'GTXPro', outcome: 'open', noAccount: 1, created_date: '2026-11-24' });
    // Totals per owner, worked from the file by hand.
    expect(dealsByRep(iso)).toEqual([
      { rep: 'Anna Snelling', won: 0, lost: 1, open: 1, wonCents: 0 },
      { rep: 'Darcel Schlecht', won: 2, lost: 0, open: 0, wonCents: 456400 }, // 4514 + 50
      { rep: 'Moses Frase', won: 2, lost: 0, open: 0, wonCents: 164200 }, // 1054 + 588
      { rep: 'Vicki Laflamme', won: 0, lost: 0, open: 1, wonCents: 0 },
      { rep: 'Zane Levy', won: 0, lost: 1, open: 1, wonCents: 0 },
    ]);
  });
});

describe('a Salesforce Data Loader export: API names in capitals, owners as ids, created after closed, IsWon/IsClosed', () => {
  it('maps the ids, reads "Signed" from IsWon, keeps migrated deals out of the cycle, and remembers the owners', async () => {
    const ctx = testCtx();
    const grace = addRep(ctx, 'Grace Okafor');
    const fileId = stage('salesforce-dataloader.csv');
    const a = analyze(ctx, { fileId });
    expect(a.preset?.id).toBe('salesforce-api');
    expect(a.columns.map((c) => c.field)).toEqual(['externalId', 'name', 'accountName', 'owner', 'stage', 'amount', 'closeDate', 'createdDate', 'isClosed', 'isWon', null, 'currency']);
    expect(a.stages.find((s) => s.value === 'Signed')).toMatchObject({ suggested: null, outcome: null, fromFlags: 1, count: 1 });
    expect(a.owners.map((o) => [o.name, o.kind, o.decision])).toEqual([['005Ec000004oCQRIA2', 'id', null], ['005Ec000004oBPNIA2', 'id', null]]);
    expect(a.blockers.map((b) => b.field)).toEqual(['owners']); // "Signed" needs no answer: IsWon says
    const p = await runImport(ctx, { fileId, owners: { '005Ec000004oBPNIA2': grace, '005Ec000004oCQRIA2': { create: 'Ivan Petrov' } } });
    expect(p.result).toMatchObject({ created: 5, skipped: 0, repsCreated: 1 });
    expect(p.result!.fallbacks.map((f) => [f.code, f.count])).toEqual([['no_account', 1], ['close_before_created', 2], ['outcome_from_flags', 1], ['stage_renamed', 1]]);
    expect(rows(ctx, "SELECT name, outcome, stage, crm_stage, closed_date, created_date FROM deals WHERE name IN ('Coho renewal', 'Wingtip upsell') ORDER BY name")).toEqual([
      { name: 'Coho renewal', outcome: 'won', stage: 'Closed Won', crm_stage: null, closed_date: '2026-02-28', created_date: '2026-03-15' },
      { name: 'Wingtip upsell', outcome: 'won', stage: 'Closed Won', crm_stage: 'Signed', closed_date: '2026-09-30', created_date: '2026-06-01' },
    ]);
    // Coho closed before it was "created": it counts as won, with its value, but not in the cycle.
    const [g] = repAggregates(ctx.db, '2026-11-24', DEFAULT_SETTINGS, grace);
    expect(g).toMatchObject({ wonCount: 1, wonValue: 9800, cycleCount: 0, wonCycleDays: 0 });
    const ivan = repAggregates(ctx.db, '2026-11-24', DEFAULT_SETTINGS).find((r) => r.name === 'Ivan Petrov')!;
    expect(ivan).toMatchObject({ wonCount: 1, lostCount: 1, wonValue: 15500, cycleCount: 1, wonCycleDays: 121 }); // Jun 1 → Sep 30
    expect(analyze(ctx, { fileId: stage('salesforce-dataloader.csv') }).owners.every((o) => o.matchedBy === 'earlier import')).toBe(true);
  });
});

describe('exports without an owner column, or with owners as e-mails', () => {
  it('a report with no owner column imports to the rep the manager chooses', async () => {
    const ctx = testCtx();
    addRep(ctx, 'Grace Okafor');
    const fileId = stage('salesforce-report-no-owner.csv');
    const a = analyze(ctx, { fileId });
    expect(a.missing).toEqual(['owner']);
    expect(dispatch(ctx, 'import.start', { fileId })).toMatchObject({ ok: false, error: { field: 'mapping', message: expect.stringMatching(/Owner \(rep\) \(or a rep for rows without an owner\)/) } });
    expect(nothingWritten(ctx)).toBe(0);
    const p = await runImport(ctx, { fileId, defaultOwner: 'grace okafor' });
    expect(p.result).toMatchObject({ created: 3, repsCreated: 0 });
    expect(p.result!.fallbacks[0]).toEqual({ code: 'default_owner', count: 3, text: '3 rows have no owner and go to grace okafor.' });
    expect(dealsByRep(ctx)).toEqual([{ rep: 'Grace Okafor', won: 1, lost: 1, open: 1, wonCents: 1200000 }]);
  });

  it('an owner e-mail finds the rep with that e-mail, or the rep named in it; the others are offered as new reps by their names', async () => {
    const ctx = testCtx();
    const grace = addRep(ctx, 'Grace Okafor', 'grace.okafor@example.com');
    const rafael = addRep(ctx, 'Rafael Brennan'); // no e-mail on file: rafael.brennan@… names him
    const fileId = stage('hubspot-layout.csv');
    const a = analyze(ctx, { fileId });
    expect(a.columns.map((c) => c.field)).toEqual(['externalId', 'name', 'stage', 'amount', 'closeDate', 'createdDate', 'owner', 'accountName', null]);
    expect(a.owners.map((o) => [o.name, o.matchedBy, o.decision, o.newName])).toEqual([
      ['jordan.reyes@example.com', null, null, 'Jordan Reyes'],
      ['grace.okafor@example.com', 'email', grace, 'Grace Okafor'],
      ['rafael.brennan@example.com', 'name in the e-mail', rafael, 'Rafael Brennan'],
    ]);
    const p = await runImport(ctx, { fileId, owners: { 'jordan.reyes@example.com': { create: 'Jordan Reyes' } } });
    expect(p.result).toMatchObject({ created: 4, repsCreated: 1 });
    expect(dealsByRep(ctx)).toEqual([
      { rep: 'Grace Okafor', won: 0, lost: 1, open: 1, wonCents: 0 },
      { rep: 'Jordan Reyes', won: 0, lost: 0, open: 1, wonCents: 0 },
      { rep: 'Rafael Brennan', won: 1, lost: 0, open: 0, wonCents: 1800000 },
    ]);
  });
});

describe('stages that cannot be read, and names that repeat', () => {
  it('refuses to import an unreadable stage as open until the manager says what it is', async () => {
    const ctx = testCtx();
    const fileId = stage('crm-es.csv');
    const a = analyze(ctx, { fileId });
    expect(a.columns.map((c) => c.field)).toEqual(['name', 'accountName', 'owner', 'stage', 'amount', 'closeDate', 'createdDate']);
    expect(a.stages[0]).toMatchObject({ value: 'Congelado', outcome: null, how: 'unknown' });
    expect(a.counts.waiting).toBe(1);
    expect(dispatch(ctx, 'import.start', { fileId, skipInvalid: true })).toMatchObject({ ok: false, error: { field: 'stageOutcomes', message: 'Say what this stage means (open, won or lost): “Congelado”.' } });
    expect(nothingWritten(ctx)).toBe(0);
    const p = await runImport(ctx, { fileId, stageOutcomes: { Congelado: 'open' }, closedDateFallback: 'created' });
    expect(p.result).toMatchObject({ created: 4, skipped: 0 });
    expect(rows(ctx, 'SELECT name, outcome, stage, crm_stage, closed_date FROM deals ORDER BY name')).toEqual([
      { name: 'Ampliación', outcome: 'won', stage: 'Closed Won', crm_stage: 'Ganada', closed_date: '2026-10-28' },
      { name: 'Consultoría', outcome: 'open', stage: 'Congelado', crm_stage: null, closed_date: null },
      { name: 'Piloto', outcome: 'lost', stage: 'Closed Lost', crm_stage: 'Descartada', closed_date: '2026-07-15' }, // its created date, as chosen
      { name: 'Renovación anual', outcome: 'open', stage: 'Negociación', crm_stage: null, closed_date: null }, // open, kept as written
    ]);
  });

  it('imports two deals with one name and account as separate deals when asked, and a re-import updates each, never adding', async () => {
    const ctx = testCtx();
    const fileId = stage('same-name.csv');
    expect(analyze(ctx, { fileId }).sameName).toEqual({ conflicts: 1, chosen: 'error' });
    expect(dispatch(ctx, 'import.start', { fileId })).toMatchObject({ ok: false, error: { field: 'rows', message: expect.stringMatching(/^1 row cannot be imported \(row 3, Deal: is the same deal name and account as row 2/) } });
    expect(nothingWritten(ctx)).toBe(0);
    const p = await runImport(ctx, { fileId, sameName: 'separate' });
    expect(p.result).toMatchObject({ created: 3, skipped: 0 });
    expect(rows(ctx, "SELECT amount_cents FROM deals WHERE name = 'Annual licence' ORDER BY id")).toEqual([{ amount_cents: 1200000 }, { amount_cents: 800000 }]);
    const again = await runImport(ctx, { fileId: stage('same-name.csv'), sameName: 'separate' });
    expect(again.result).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(one(ctx, 'SELECT COUNT(*) FROM deals')).toBe(3);
  });
});
