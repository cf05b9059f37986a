import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import type { Ctx } from '../../electron/core/context';
import { testCtx } from './helpers';
import { analyze, ok, runImport, stage } from './importHelpers';

/**
 * The import's row checks exactly at their edges, on a real store (today is Nov 24, 2026):
 * one day either side of each rule, and the history a re-import writes when a deal closes.
 */

const TODAY = '2026-11-24';
const HEADER = 'deal_id,deal_name,account,owner,stage,amount,created_date,close_date';
const csv = (...rows: string[]) => Buffer.from(`${HEADER}\n${rows.join('\n')}\n`);
const file = (...rows: string[]) => stage('boundaries.csv', csv(...rows));

const deal = (ctx: Ctx, externalId: string) =>
  ctx.db
    .prepare('SELECT stage, outcome, closed_date AS closed, expected_close_date AS expected, created_date AS created, close_date_changes AS moves FROM deals WHERE external_id = ?')
    .get(externalId) as Record<string, unknown> | undefined;

describe('import row checks at their edges', () => {
  it('a deal closed today imports; closed tomorrow is refused with its row, column and reason', () => {
    const ctx = testCtx(TODAY);
    const a = analyze(ctx, { fileId: file('T1,Closed today,Acme,Ana,Closed Won,1000,2026-10-01,2026-11-24', 'T2,Closed tomorrow,Acme,Ana,Closed Won,1000,2026-10-01,2026-11-25') });
    expect(a.counts.errors).toBe(1);
    expect(a.errors).toEqual([{ row: 3, column: 'close_date', value: '2026-11-25', reason: 'is after today but the deal is already won' }]);
  });

  it('created today imports; created tomorrow is in the future', () => {
    const ctx = testCtx(TODAY);
    const a = analyze(ctx, { fileId: file('C1,Made today,Acme,Ana,Discovery,1000,2026-11-24,', 'C2,Made tomorrow,Acme,Ana,Discovery,1000,2026-11-25,') });
    expect(a.errors).toEqual([{ row: 3, column: 'created_date', value: '2026-11-25', reason: 'is in the future' }]);
  });

  it('a closed deal that closed before it was created imports with a note, and stays out of the cycle average', async () => {
    const ctx = testCtx(TODAY);
    // B1: created Oct 1, won Nov 14: 44 days. B2: a migrated record, "created" on the load day
    // (Nov 10), won Nov 1. B3: won the day it was created: a cycle of 0 days, not a note.
    const fileId = file(
      'B1,Normal win,Acme,Ana,Closed Won,1000,2026-10-01,2026-11-14',
      'B2,Migrated win,Acme,Ana,Closed Won,1000,2026-11-10,2026-11-01',
      'B3,Same-day win,Acme,Ana,Closed Won,1000,2026-11-05,2026-11-05',
    );
    const a = analyze(ctx, { fileId });
    expect(a.counts.errors).toBe(0);
    expect(a.fallbacks.find((f) => f.code === 'close_before_created')).toEqual({
      code: 'close_before_created',
      count: 1,
      text: '1 deal closes before its created date (usually records loaded by a migration): imported, and left out of average sales cycles.',
    });
    const p = await runImport(ctx, { fileId });
    expect(p.result).toMatchObject({ created: 3, skipped: 0 });
    expect(deal(ctx, 'B2')).toMatchObject({ outcome: 'won', closed: '2026-11-01', created: '2026-11-10' });
    const ana = (ok<{ id: number; name: string }[]>(ctx, 'reps.list', {})).find((r) => r.name === 'Ana')!;
    const m = ok<any>(ctx, 'metrics.rep', { repId: ana.id, asOf: TODAY }).metrics;
    expect(m).toMatchObject({ wonCount: 3, wonValue: 3000, cycleCount: 2 }); // all three count as won…
    expect(m.avgCycleDays).toBe(22); // …but only B1 and B3 have a cycle: (44 + 0) ÷ 2, never (44 − 9 + 0) ÷ 3
  });

  it('a stage read as closing but answered "stay open" is refused by row; the same stage answered "won" imports', () => {
    const ctx = testCtx(TODAY);
    const fileId = file('K1,Kept open,Acme,Ana,Closed Won,1000,2026-10-01,2026-11-20');
    const a = analyze(ctx, { fileId, stageOutcomes: { 'Closed Won': 'open' } });
    expect(a.errors).toEqual([{ row: 2, column: 'stage', value: 'Closed Won', reason: 'is a closing stage but is set to stay open' }]);
    expect(analyze(ctx, { fileId, stageOutcomes: { 'Closed Won': 'won' } }).counts.errors).toBe(0);
  });

  it('extra cells: an empty one (a trailing separator, as Excel writes) is fine; one with text names the row', () => {
    const ctx = testCtx(TODAY);
    const a = analyze(ctx, { fileId: file('E1,Trailing comma,Acme,Ana,Discovery,1000,2026-10-01,2026-12-01,', 'E2,Stray cell,Acme,Ana,Discovery,1000,2026-10-01,2026-12-01,oops') });
    expect(a.errors).toEqual([{ row: 3, column: '', value: '', reason: 'has 9 cells but the header has 8: a separator or quote is probably missing' }]);
  });

  it('nothing is written when one row fails and the manager did not choose to skip it', () => {
    const ctx = testCtx(TODAY);
    const r = dispatch(ctx, 'import.start', { fileId: file('G1,Good,Acme,Ana,Discovery,1000,2026-10-01,2026-12-01', 'G2,Bad,Acme,Ana,Closed Won,1000,2026-10-01,2026-11-25') });
    expect(r).toMatchObject({ ok: false, error: { field: 'rows' } });
    expect(ctx.db.prepare('SELECT (SELECT COUNT(*) FROM deals) + (SELECT COUNT(*) FROM reps) + (SELECT COUNT(*) FROM accounts)').pluck().get()).toBe(0);
  });
});

describe('history written when a re-import says a deal closed', () => {
  it('the stage move is dated on the close date, the deal is closed then, and closing is not counted as a pushed close date', async () => {
    const ctx = testCtx(TODAY);
    await runImport(ctx, { fileId: file('H1,Renewal,Acme,Ana,Proposal,5000,2026-09-01,2026-12-15') });
    expect(deal(ctx, 'H1')).toMatchObject({ stage: 'Proposal', outcome: 'open', expected: '2026-12-15', moves: 0 });
    // The next week's export: the expected close date moved once, still open…
    await runImport(ctx, { fileId: file('H1,Renewal,Acme,Ana,Proposal,5000,2026-09-01,2026-12-20') });
    expect(deal(ctx, 'H1')).toMatchObject({ expected: '2026-12-20', moves: 1 });
    // …then won early, on Nov 20.
    await runImport(ctx, { fileId: file('H1,Renewal,Acme,Ana,Closed Won,5000,2026-09-01,2026-11-20') });
    expect(deal(ctx, 'H1')).toMatchObject({ stage: 'Closed Won', outcome: 'won', closed: '2026-11-20', moves: 1 });
    const id = ctx.db.prepare("SELECT id FROM deals WHERE external_id = 'H1'").pluck().get();
    expect(ctx.db.prepare('SELECT from_stage AS f, to_stage AS t, changed_on AS d FROM deal_stage_history WHERE deal_id = ? ORDER BY id').all(id)).toEqual([
      { f: null, t: 'Proposal', d: '2026-09-01' },
      { f: 'Proposal', t: 'Closed Won', d: '2026-11-20' },
    ]);
    expect(ctx.db.prepare('SELECT from_date AS f, to_date AS t, changed_on AS d FROM deal_close_date_changes WHERE deal_id = ? ORDER BY id').all(id)).toEqual([
      { f: '2026-12-15', t: '2026-12-20', d: TODAY },
    ]);
  });
});
