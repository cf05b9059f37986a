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
