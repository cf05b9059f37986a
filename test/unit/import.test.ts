import type { SearchResults } from '../../shared/schemas/search';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import type { Ctx } from '../../electron/core/context';
import { createRep } from '../../electron/core/repos/reps';
import type { ImportProgress } from '../../shared/schemas/imports';
import { testCtx } from './helpers';
import { analyze, ok, runImport, searchCaughtUp, stage } from './importHelpers';


const count = (ctx: Ctx, sql: string, ...args: unknown[]) => (ctx.db.prepare(sql).pluck().get(...args) as number);
const dealByExternal = (ctx: Ctx, id: string) =>
  ctx.db.prepare('SELECT d.*, r.name AS rep, a.name AS account FROM deals d JOIN reps r ON r.id = d.rep_id LEFT JOIN accounts a ON a.id = d.account_id WHERE external_id = ?').get(id) as Record<string, unknown>;

function withReps(ctx: Ctx, ...names: string[]) {
  for (const name of names) createRep(ctx.db, ctx.clock, { name, email: null, role: 'field', territory: null, hireDate: null, quota: 100000 });
}

describe('import analysis', () => {
  it('recognises a Salesforce report, detects the date order, lists stages, owners and row errors', () => {
    const ctx = testCtx();
    withReps(ctx, 'Rafael Brennan', 'Grace Okafor', 'Nikhil Fischer', 'Farid Castillo', 'Daniel Bergstrom', 'Kwame Nakamura');
    const a = analyze(ctx, { fileId: stage('salesforce-report.csv') });
    expect(a.preset).toEqual({ id: 'salesforce', label: 'Salesforce report export' });
    expect(a.kind).toBe('deals');
    expect(a.footerLines).toBe(6);
    expect(a.missing).toEqual([]);
    expect(a.dateOrder).toMatchObject({ needed: false, detected: 'mdy', chosen: 'mdy' });
    expect(a.columns[4]).toEqual({ index: 4, header: 'Amount', samples: ['USD 120,000.00', 'USD 48,500.00', 'USD 15,000.00'], field: 'amount' });
    expect(a.stages.find((s) => s.value === 'Closed Won')).toEqual({ value: 'Closed Won', count: 2, outcome: 'won', suggested: 'won', stage: null, how: 'won word', fromFlags: 0 });
    expect(a.owners[0]).toMatchObject({ name: 'Jordan Reyes', count: 1, kind: 'name', matchedRepId: null, decision: 'create' });
    expect(a.counts).toEqual({ rows: 11, valid: 8, create: 8, update: 0, errors: 2, duplicates: 1, waiting: 0 });
    expect(a.errors.map((e) => `${e.row} ${e.column}`)).toEqual(['8 Amount', '9 Close Date']);
    expect(a.warnings.join(' ')).toMatch(/footer/);
    expect(a.fallbacks).toEqual([{ code: 'no_account', count: 1, text: '1 deal has no account yet (shown as “No account”; stakeholders wait until one is set).' }]);
    expect(a.blockers).toEqual([]);
  });

  it('asks for the date order when the file does not tell, and refuses to import until answered', () => {
    const ctx = testCtx();
    const fileId = stage('eu-semicolon.csv');
    const a = analyze(ctx, { fileId });
    expect(a.dateOrder).toEqual({ needed: true, detected: null, chosen: null, examples: ['03/04/2027', '05/06/2027', '10/11/2026'] });
    const r = dispatch(ctx, 'import.start', { fileId, skipInvalid: true });
    expect(r).toMatchObject({ ok: false, error: { field: 'dateOrder', message: expect.stringMatching(/day-first or month-first/) } });
    const b = analyze(ctx, { fileId, dateOrder: 'dmy' });
    expect(b.counts).toMatchObject({ valid: 3, errors: 0 });
    expect(b.stages.find((s) => s.value === 'Gewonnen')).toMatchObject({ outcome: 'won', suggested: 'won', how: 'won word' });
  });

  it('says which required fields have no column, and refuses a mapping for another file', () => {
    const ctx = testCtx();
    const fileId = stage('hubspot-deals.csv');
    const a = analyze(ctx, { fileId, mapping: [null, null, 'closeDate', null, null, 'amount', null, 'createdDate', null] });
    expect(a.missing).toEqual(['name', 'owner', 'stage']);
    expect(dispatch(ctx, 'import.start', { fileId, mapping: a.columns.map((c) => c.field) })).toMatchObject({
      ok: false,
      error: { field: 'mapping', message: 'Choose a column for Deal name, Owner (rep), Stage (or a rep for rows without an owner).' },
    });
    expect(dispatch(ctx, 'import.analyze', { fileId, mapping: ['name'] })).toMatchObject({ ok: false, error: { field: 'mapping' } });
    expect(dispatch(ctx, 'import.analyze', { fileId, mapping: ['quota', null, null, null, null, null, null, null, null] })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/not a field of a deals import/) },
    });
  });
});

describe('importing', () => {
  it('imports the valid rows of a messy file in one go, creating unknown reps and accounts, and records the run', async () => {
    const ctx = testCtx();
    withReps(ctx, 'Rafael Brennan', 'Grace Okafor', 'Nikhil Fischer', 'Farid Castillo', 'Daniel Bergstrom', 'Kwame Nakamura');
    const p = await runImport(ctx, { fileId: stage('salesforce-report.csv'), skipInvalid: true });
    expect(p.phase).toBe('done');
    expect(p.result).toMatchObject({ created: 8, updated: 0, unchanged: 0, skipped: 2, repsCreated: 1 });
    expect(p.result!.errors).toHaveLength(2);
    expect(count(ctx, 'SELECT COUNT(*) FROM deals')).toBe(8);
    expect(dealByExternal(ctx, '0065g00000SFa002')).toMatchObject({
      name: 'Contoso - Analytics add-on', account: 'Contoso, Ltd.', rep: 'Rafael Brennan', stage: 'Proposal', outcome: 'open',
      amount_cents: 4850000, currency: 'USD', expected_close_date: '2027-01-20', created_date: '2026-10-01',
      next_step: 'Pricing call\r\nwith the CFO on Tuesday',
    });
    expect(dealByExternal(ctx, '0065g00000SFa004')).toMatchObject({ outcome: 'lost', stage: 'Closed Lost', closed_date: '2026-11-02' });
    expect(dealByExternal(ctx, '0065g00000SFa005')).toMatchObject({ rep: 'Jordan Reyes' });
    expect(ctx.db.prepare("SELECT account_id, name FROM deals WHERE name = 'Blank account deal'").get()).toEqual({ account_id: null, name: 'Blank account deal' });
    const run = ctx.db.prepare('SELECT * FROM import_runs').get() as Record<string, unknown>;
    expect(run).toMatchObject({ file_name: 'salesforce-report.csv', kind: 'deals', preset: 'salesforce', rows_read: 11, created: 8, skipped: 2, reps_created: 1 });
    expect(JSON.parse(run.notes as string)).toEqual([expect.objectContaining({ code: 'no_account', count: 1 })]);
  });

  it('writes nothing when any row fails and the manager did not choose to skip them', () => {
    const ctx = testCtx();
    const r = dispatch(ctx, 'import.start', { fileId: stage('salesforce-report.csv') });
    expect(r).toMatchObject({ ok: false, error: { field: 'rows', message: expect.stringMatching(/^2 rows cannot be imported \(row 8, Amount: is not an amount.*Nothing was imported\.$/) } });
    expect(count(ctx, 'SELECT COUNT(*) FROM deals') + count(ctx, 'SELECT COUNT(*) FROM reps') + count(ctx, 'SELECT COUNT(*) FROM import_runs')).toBe(0);
  });

  it('re-importing an updated export updates deals by CRM id and records stage and close-date changes', async () => {
    const ctx = testCtx();
    withReps(ctx, 'Rafael Brennan', 'Grace Okafor', 'Kwame Nakamura');
    const first = await runImport(ctx, { fileId: stage('hubspot-deals.csv') });
    expect(first.result).toMatchObject({ created: 4, updated: 0, repsCreated: 1 });
    const before = dealByExternal(ctx, '9001');
    expect(before).toMatchObject({ stage: 'Contract sent', expected_close_date: '2026-12-20', amount_cents: 5400000 });
    const hooli = dealByExternal(ctx, '9004');
    expect(hooli).toMatchObject({ rep: 'Priya Natarajan', outcome: 'open', amount_cents: 0, expected_close_date: null });

    const second = await runImport(ctx, { fileId: stage('hubspot-deals-updated.csv') });
    expect(second.result).toMatchObject({ created: 1, updated: 2, unchanged: 2, repsCreated: 0 });
    expect(count(ctx, 'SELECT COUNT(*) FROM deals')).toBe(5);
    const after = dealByExternal(ctx, '9001');
    expect(after).toMatchObject({ id: before.id, stage: 'Decision maker bought-in', expected_close_date: '2027-01-15', amount_cents: 6100000, close_date_changes: 1, stage_entered_date: '2026-11-24' });
    expect(ctx.db.prepare('SELECT from_stage, to_stage, changed_on FROM deal_stage_history WHERE deal_id = ? ORDER BY id').all(before.id)).toEqual([
      { from_stage: null, to_stage: 'Contract sent', changed_on: '2026-10-02' },
      { from_stage: 'Contract sent', to_stage: 'Decision maker bought-in', changed_on: '2026-11-24' },
    ]);
    expect(ctx.db.prepare('SELECT from_date, to_date, changed_on FROM deal_close_date_changes WHERE deal_id = ?').all(before.id)).toEqual([
      { from_date: '2026-12-20', to_date: '2027-01-15', changed_on: '2026-11-24' },
    ]);
    // Won since the last export: closed on its close date, the stage move dated then.
    expect(dealByExternal(ctx, '9004')).toMatchObject({ outcome: 'won', stage: 'Closed Won', closed_date: '2026-11-23' });
    expect(ctx.db.prepare('SELECT to_stage, changed_on FROM deal_stage_history WHERE deal_id = ? ORDER BY id DESC LIMIT 1').get(hooli.id)).toEqual({ to_stage: 'Closed Won', changed_on: '2026-11-23' });
    expect(count(ctx, 'SELECT COUNT(*) FROM import_runs')).toBe(2);
  });

  it('maps an unknown owner to an existing rep instead of creating one', async () => {
    const ctx = testCtx();
    withReps(ctx, 'Rafael Brennan', 'Grace Okafor', 'Kwame Nakamura');
    const grace = count(ctx, "SELECT id FROM reps WHERE name = 'Grace Okafor'");
    const fileId = stage('hubspot-deals.csv');
    expect(analyze(ctx, { fileId }).owners[0]).toMatchObject({ name: 'Priya Natarajan', decision: 'create' });
    const p = await runImport(ctx, { fileId, owners: { 'Priya Natarajan': grace } });
    expect(p.result?.repsCreated).toBe(0);
    expect(dealByExternal(ctx, '9004')).toMatchObject({ rep: 'Grace Okafor' });
  });

  it('saves a mapping and recognises the next file with the same headers', async () => {
    const ctx = testCtx();
    const mapping = ['name', 'accountName', 'owner', 'stage', 'amount', 'closeDate', 'createdDate'] as const;
    await runImport(ctx, { fileId: stage('eu-semicolon.csv'), mapping: [...mapping], dateOrder: 'dmy', stageOutcomes: { Proposal: 'open' }, currency: 'EUR', saveMappingAs: 'Sales EU export' });
    expect(ok<{ name: string }[]>(ctx, 'import.mappings', {})).toMatchObject([{ name: 'Sales EU export', kind: 'deals' }]);
    const again = analyze(ctx, { fileId: stage('eu-semicolon.csv') });
    expect(again.savedMapping?.name).toBe('Sales EU export');
    expect(again.dateOrder.chosen).toBe('dmy');
    expect(again.stages.find((s) => s.value === 'Proposal')).toMatchObject({ outcome: 'open', how: 'answered' });
    expect(again.currency.chosen).toBe('EUR');
    expect(again.counts).toMatchObject({ valid: 3, create: 0, update: 3 });
    expect(count(ctx, "SELECT amount_cents FROM deals WHERE name = 'Müller – Rollout'")).toBe(1250000);
    expect(count(ctx, "SELECT COUNT(*) FROM deals WHERE name = 'Bäckerei Schmidt' AND outcome = 'won' AND closed_date = '2026-11-10'")).toBe(1);
  });

  it('imports reps (tab-separated) and accounts, updating existing ones', async () => {
    const ctx = testCtx();
    withReps(ctx, 'Rafael Brennan');
    const p = await runImport(ctx, { fileId: stage('reps.tsv'), kind: 'reps', skipInvalid: true });
    expect(p.result).toMatchObject({ created: 2, updated: 1, skipped: 1 });
    expect(ctx.db.prepare("SELECT role, territory, quota_cents, hire_date FROM reps WHERE name = 'Priya Natarajan'").get()).toEqual({ role: 'sdr', territory: 'East', quota_cents: 12000000, hire_date: '2026-09-15' });
    // Blank cells never wipe what the workbench already knows.
    expect(ctx.db.prepare("SELECT role, quota_cents FROM reps WHERE name = 'Rafael Brennan'").get()).toEqual({ role: 'field', quota_cents: 10000000 });
    const accounts = stage('accounts.csv', Buffer.from('Account Name,Industry,Segment\nGlobex,Manufacturing,Enterprise\nInitech,Software,\n'));
    const q = await runImport(ctx, { fileId: accounts, kind: 'accounts' });
    expect(q.result).toMatchObject({ created: 2 });
    expect(ctx.db.prepare("SELECT industry, segment FROM accounts WHERE name = 'Globex'").get()).toEqual({ industry: 'Manufacturing', segment: 'Enterprise' });
  });

  it('rolls the whole import back when the store refuses a row half-way', async () => {
    const ctx = testCtx();
    withReps(ctx, 'Rafael Brennan', 'Grace Okafor', 'Kwame Nakamura');
    // A real SQLite failure on the third deal, after two were written inside the transaction.
    ctx.db.exec(`CREATE TRIGGER refuse_umbrella BEFORE INSERT ON deals WHEN NEW.name = 'Umbrella' BEGIN SELECT RAISE(ABORT, 'disk said no'); END`);
    const p = await runImport(ctx, { fileId: stage('hubspot-deals.csv') });
    expect(p).toMatchObject({ phase: 'failed', error: expect.stringMatching(/nothing was written: disk said no/) });
    expect(count(ctx, 'SELECT COUNT(*) FROM deals') + count(ctx, 'SELECT COUNT(*) FROM import_runs') + count(ctx, 'SELECT COUNT(*) FROM accounts')).toBe(0);
    expect(count(ctx, 'SELECT COUNT(*) FROM reps')).toBe(3);
    expect(ctx.db.inTransaction).toBe(false);
  });

  it('refuses other calls while an import is being written, and answers progress', async () => {
    const ctx = testCtx();
    const header = 'Id,Deal,Account,Owner,Stage,Amount\n';
    const rows = Array.from({ length: 12000 }, (_, i) => `${i},Deal ${i},Acct ${i % 50},Rep ${i % 7},Proposal,${i}`).join('\n');
    const fileId = stage('big.csv', Buffer.from(header + rows));
    const { jobId } = ok<{ jobId: string }>(ctx, 'import.start', { fileId });
    let sawWriting = false;
    for (;;) {
      const p = ok<ImportProgress>(ctx, 'import.progress', { jobId });
      if (p.phase === 'done') break;
      if (ctx.db.inTransaction) {
        sawWriting = true;
        expect(p.done).toBeLessThanOrEqual(12000);
        expect(dispatch(ctx, 'reps.list', {})).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/import is being written/) } });
      }
      await new Promise((r) => setImmediate(r));
    }
    expect(sawWriting).toBe(true);
    expect(count(ctx, 'SELECT COUNT(*) FROM deals')).toBe(12000);
    expect(count(ctx, 'SELECT COUNT(*) FROM reps')).toBe(7);
  });

  const schema = (ctx: Ctx) => ctx.db.prepare("SELECT name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name").all();
  const bigFile = (rows: number) =>
    'Id,Deal,Account,Owner,Stage,Amount,Close,Created\n' +
    Array.from({ length: rows }, (_, i) => `B${i},Deal ${i},Acct ${i % 300},Rep ${i % 9},${i % 3 ? 'Proposal' : 'Closed Won'},${i},2026-0${1 + (i % 9)}-1${i % 10},2025-12-0${1 + (i % 9)}`).join('\n');

  it('a big import into a small store rebuilds the deal indexes once: the same indexes after, every deal with its first history row', async () => {
    const ctx = testCtx();
    const before = schema(ctx);
    const p = await runImport(ctx, { fileId: stage('big.csv', Buffer.from(bigFile(21000))) });
    expect(p.result).toMatchObject({ created: 21000 });
    expect(schema(ctx)).toEqual(before);
    // The new accounts' search entries, written in one statement inside the import: there when it is done, one each.
    expect(count(ctx, 'SELECT COUNT(*) FROM accounts')).toBe(300);
    expect(count(ctx, 'SELECT COUNT(*) FROM search_account')).toBe(300);
    expect(count(ctx, 'SELECT COUNT(*) FROM accounts WHERE id NOT IN (SELECT rowid FROM search_account)')).toBe(0);
    expect(ctx.db.prepare("SELECT title, body FROM search_account WHERE rowid = (SELECT id FROM accounts WHERE name = 'Acct 299')").get()).toEqual({ title: 'Acct 299', body: '' });
    expect(count(ctx, 'SELECT COUNT(*) FROM deal_stage_history')).toBe(21000);
    expect(ctx.db.prepare("SELECT h.to_stage, h.changed_on, d.stage_entered_date FROM deal_stage_history h JOIN deals d ON d.id = h.deal_id WHERE d.external_id = 'B3'").get()).toEqual({
      to_stage: 'Closed Won', changed_on: '2026-04-13', stage_entered_date: '2026-04-13', // won: entered its stage on the day it closed
    });
    expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // The indexes are really there again: the planner uses them.
    const plan = ctx.db.prepare("EXPLAIN QUERY PLAN SELECT COUNT(*) FROM deals WHERE rep_id = 1 AND created_date > '2026-01-01'").all() as { detail: string }[];
    expect(plan.map((r) => r.detail).join(' ')).toMatch(/USING COVERING INDEX deals_rep_created/);
    // The search entries the insert trigger would have written, written just after the import.
    await searchCaughtUp(ctx);
    expect(count(ctx, 'SELECT COUNT(*) FROM search_deal')).toBe(21000);
    const found = ok<SearchResults>(ctx, 'search.query', { text: 'deal 20999' });
    expect(found.groups.map((g) => [g.kind, g.hits.map((h) => h.title)])).toEqual([['deal', ['\u0002Deal\u0003 \u000220999\u0003']]]);
    expect(found.groups[0]!.hits[0]!.context).toBe('Acct 299 · Rep 2 · Proposal') // 20999 % 300, % 9;
  });

  it('a big import that fails half-way leaves the store, its indexes and triggers as they were, and no search backlog', async () => {
    const ctx = testCtx();
    ctx.db.exec(`CREATE TRIGGER refuse_late BEFORE INSERT ON deals WHEN NEW.external_id = 'B15000' BEGIN SELECT RAISE(ABORT, 'disk said no'); END`);
    const before = schema(ctx);
    const p = await runImport(ctx, { fileId: stage('big.csv', Buffer.from(bigFile(21000))) });
    expect(p).toMatchObject({ phase: 'failed', error: expect.stringMatching(/nothing was written: disk said no/) });
    expect(count(ctx, 'SELECT COUNT(*) FROM deals') + count(ctx, 'SELECT COUNT(*) FROM deal_stage_history') + count(ctx, 'SELECT COUNT(*) FROM search_backlog')).toBe(0);
    expect(schema(ctx)).toEqual(before);
  });
});
