import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { testCtx } from './helpers';

const v = (r: ReturnType<typeof dispatch>): any => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('team summary (aggregated in SQL)', () => {
  it('sums won this quarter, open pipeline and counts per rep, by hand-worked numbers', () => {
    const ctx = testCtx('2026-11-24'); // Q4 2026: Oct 1 – Dec 31
    const cy = v(dispatch(ctx, 'reps.create', { name: 'Cy', role: 'field', quota: 200000 })).id;
    const di = v(dispatch(ctx, 'reps.create', { name: 'Di', role: 'inside', quota: 0 })).id;
    const deal = (repId: number, amount: number, name: string) =>
      v(dispatch(ctx, 'deals.create', { repId, accountName: 'X', name, stage: 'Proposal', amount, createdDate: '2026-06-01' })).id;
    const w1 = deal(cy, 50000, 'w1'); // won in Q4
    const w2 = deal(cy, 30000, 'w2'); // won in Q4 (first day)
    const w3 = deal(cy, 99000, 'w3'); // won in Q3: not this period
    const l1 = deal(cy, 10000, 'l1'); // lost
    deal(cy, 40000, 'o1');
    deal(cy, 25000.5, 'o2');
    deal(di, 7000, 'o3');
    v(dispatch(ctx, 'deals.close', { id: w1, outcome: 'won', closedDate: '2026-11-02' }));
    v(dispatch(ctx, 'deals.close', { id: w2, outcome: 'won', closedDate: '2026-10-01' }));
    v(dispatch(ctx, 'deals.close', { id: w3, outcome: 'won', closedDate: '2026-09-30' }));
    v(dispatch(ctx, 'deals.close', { id: l1, outcome: 'lost', closedDate: '2026-11-03' }));

    const s = v(dispatch(ctx, 'team.summary', {}));
    expect(s.period).toEqual({ kind: 'quarter', start: '2026-10-01', end: '2026-12-31', label: 'Q4 2026' });
    expect(s.rows).toEqual([
      expect.objectContaining({ name: 'Cy', quota: 200000, wonThisPeriod: 80000, attainment: 0.4, openPipeline: 65000.5, openCount: 2, dealCount: 6 }),
      expect.objectContaining({ name: 'Di', quota: 0, wonThisPeriod: 0, attainment: null, openPipeline: 7000, openCount: 1, dealCount: 1 }),
    ]);
  });

  it('follows the quota-period setting and an explicit as-of date', () => {
    const ctx = testCtx();
    v(dispatch(ctx, 'settings.update', { quotaPeriod: 'month' }));
    const s = v(dispatch(ctx, 'team.summary', { asOf: '2028-02-10' }));
    expect(s.period).toMatchObject({ start: '2028-02-01', end: '2028-02-29', label: 'February 2028' });
    expect(dispatch(ctx, 'team.summary', { asOf: '2028-13-01' })).toMatchObject({ ok: false, error: { field: 'asOf' } });
  });

  it('leaves archived reps out unless asked', () => {
    const ctx = testCtx();
    const id = v(dispatch(ctx, 'reps.create', { name: 'Old', role: 'other', quota: 1 })).id;
    dispatch(ctx, 'reps.archive', { id });
    expect(v(dispatch(ctx, 'team.summary', {})).rows).toEqual([]);
    expect(v(dispatch(ctx, 'team.summary', { includeArchived: true })).rows).toHaveLength(1);
  });
});

describe('settings', () => {
  it('starts from defaults, saves a patch, and refuses an empty stage list', () => {
    const ctx = testCtx();
    expect(v(dispatch(ctx, 'settings.get', {}))).toMatchObject({ currency: 'USD', quotaPeriod: 'quarter' });
    expect(v(dispatch(ctx, 'settings.update', { currency: 'eur', managerName: 'Sam' }))).toMatchObject({ currency: 'EUR', managerName: 'Sam' });
    expect(dispatch(ctx, 'settings.update', { stages: [] })).toMatchObject({ ok: false, error: { field: 'stages', message: 'Stages needs at least one open stage.' } });
  });
});

describe('team summary as of a past date', () => {
  it('counts wins up to that day and the pipeline as it stood, like the dashboard', () => {
    const ctx = testCtx('2026-11-24');
    const cy = v(dispatch(ctx, 'reps.create', { name: 'Cy', role: 'field', quota: 100000 })).id;
    const mk = (name: string, created: string) =>
      v(dispatch(ctx, 'deals.create', { repId: cy, accountName: 'X', name, stage: 'Proposal', amount: 10000, createdDate: created })).id;
    const early = mk('early', '2026-09-01');
    const late = mk('late', '2026-09-01');
    mk('after', '2026-11-20');
    v(dispatch(ctx, 'deals.close', { id: early, outcome: 'won', closedDate: '2026-10-05' }));
    v(dispatch(ctx, 'deals.close', { id: late, outcome: 'won', closedDate: '2026-11-10' }));
    // As of Oct 31: only "early" won so far (10,000); "late" was still open; "after" did not exist.
    const row = v(dispatch(ctx, 'team.summary', { asOf: '2026-10-31' })).rows[0];
    expect(row).toMatchObject({ wonThisPeriod: 10000, openPipeline: 10000, openCount: 1, dealCount: 2 });
    const m = v(dispatch(ctx, 'metrics.list', { asOf: '2026-10-31' }))[0];
    expect([m.wonThisPeriod, m.openValue, m.openCount]).toEqual([row.wonThisPeriod, row.openPipeline, row.openCount]);
  });

  it('words enum and range problems plainly', () => {
    const ctx = testCtx();
    const cy = v(dispatch(ctx, 'reps.create', { name: 'Cy', role: 'field', quota: 1 })).id;
    expect(dispatch(ctx, 'deals.listByRep', { repId: cy, outcome: 'bogus' })).toMatchObject({
      ok: false,
      error: { field: 'outcome', message: 'Outcome must be one of: open, won, lost, all.' },
    });
    expect(dispatch(ctx, 'reps.get', { id: 1.5 })).toMatchObject({ ok: false, error: { message: 'Id must be a whole number.' } });
  });
});

describe('damaged settings', () => {
  it('fall back per key, keeping the good ones', () => {
    const ctx = testCtx();
    v(dispatch(ctx, 'settings.update', { managerName: 'Sam', currency: 'EUR' }));
    ctx.db.prepare("INSERT INTO settings (key, value) VALUES ('windowMonths', '40'), ('quotaPeriod', '{not json')").run();
    expect(v(dispatch(ctx, 'settings.get', {}))).toMatchObject({ managerName: 'Sam', currency: 'EUR', windowMonths: 12, quotaPeriod: 'quarter' });
  });
});
