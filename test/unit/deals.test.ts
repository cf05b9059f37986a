import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { fixedClock } from '../../electron/core/clock';
import type { Ctx } from '../../electron/core/context';
import { testCtx } from './helpers';

function value<T = any>(r: ReturnType<typeof dispatch>): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

function withRep(ctx: Ctx) {
  return value<{ id: number }>(dispatch(ctx, 'reps.create', { name: 'Ben', role: 'inside', quota: 100000 })).id;
}

const base = (repId: number) => ({
  repId,
  accountName: 'Acme Corp',
  name: 'Acme platform',
  stage: 'Discovery',
  amount: 48000,
  createdDate: '2026-09-01',
  expectedCloseDate: '2026-12-15',
});

describe('deals', () => {
  it('creates a deal, its account, and the first stage-history entry', () => {
    const ctx = testCtx();
    const deal = value(dispatch(ctx, 'deals.create', base(withRep(ctx))));
    expect(deal).toMatchObject({ accountName: 'Acme Corp', amount: 48000, currency: 'USD', outcome: 'open', stageEnteredDate: '2026-09-01' });
    const detail = value(dispatch(ctx, 'deals.get', { id: deal.id }));
    expect(detail.stageHistory).toEqual([{ id: expect.any(Number), fromStage: null, toStage: 'Discovery', changedOn: '2026-09-01' }]);
    expect(detail.closeDateChanges).toEqual([]);
  });

  it('records stage moves and close-date changes automatically, on the day they happen', () => {
    const ctx = testCtx('2026-11-01');
    const deal = value(dispatch(ctx, 'deals.create', base(withRep(ctx))));
    value(dispatch(ctx, 'deals.update', { ...base(deal.repId), id: deal.id, stage: 'Proposal', expectedCloseDate: '2027-01-31' }));
    ctx.clock = fixedClock('2026-11-20');
    value(dispatch(ctx, 'deals.update', { ...base(deal.repId), id: deal.id, stage: 'Proposal', expectedCloseDate: '2027-02-28' }));
    const d = value(dispatch(ctx, 'deals.get', { id: deal.id }));
    expect(d.stageHistory.map((s: any) => [s.fromStage, s.toStage, s.changedOn])).toEqual([
      [null, 'Discovery', '2026-09-01'],
      ['Discovery', 'Proposal', '2026-11-01'],
    ]);
    expect(d.closeDateChanges.map((c: any) => [c.fromDate, c.toDate, c.changedOn])).toEqual([
      ['2026-12-15', '2027-01-31', '2026-11-01'],
      ['2027-01-31', '2027-02-28', '2026-11-20'],
    ]);
    expect(d.deal).toMatchObject({ closeDateChanges: 2, stageEnteredDate: '2026-11-01' });
  });

  it('closes as won on the closed date and refuses to close twice; reopening records the move', () => {
    const ctx = testCtx();
    const deal = value(dispatch(ctx, 'deals.create', base(withRep(ctx))));
    const won = value(dispatch(ctx, 'deals.close', { id: deal.id, outcome: 'won', closedDate: '2026-11-10' }));
    expect(won).toMatchObject({ outcome: 'won', closedDate: '2026-11-10', stage: 'Closed Won' });
    expect(dispatch(ctx, 'deals.close', { id: deal.id, outcome: 'lost', closedDate: '2026-11-11' })).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: 'This deal is already won.' },
    });
    const reopened = value(dispatch(ctx, 'deals.reopen', { id: deal.id, stage: 'Negotiation' }));
    expect(reopened).toMatchObject({ outcome: 'open', closedDate: null, stage: 'Negotiation' });
    const d = value(dispatch(ctx, 'deals.get', { id: deal.id }));
    expect(d.stageHistory.map((s: any) => s.toStage)).toEqual(['Discovery', 'Closed Won', 'Negotiation']);
  });

  it('refuses a closed date before the deal was created', () => {
    const ctx = testCtx();
    const deal = value(dispatch(ctx, 'deals.create', base(withRep(ctx))));
    expect(dispatch(ctx, 'deals.close', { id: deal.id, outcome: 'lost', closedDate: '2026-01-01' })).toMatchObject({
      ok: false,
      error: { field: 'closedDate' },
    });
  });

  it('validates amounts, dates and names with messages that name the field', () => {
    const ctx = testCtx();
    const repId = withRep(ctx);
    const err = (patch: object) => {
      const r = dispatch(ctx, 'deals.create', { ...base(repId), ...patch });
      return r.ok ? null : r.error;
    };
    expect(err({ amount: -1 })).toEqual({ code: 'invalid', field: 'amount', message: 'Amount cannot be negative.' });
    expect(err({ amount: 10.123 })).toMatchObject({ field: 'amount', message: 'Amount can have at most 2 decimals.' });
    expect(err({ expectedCloseDate: '2026-08-01' })).toMatchObject({ field: 'expectedCloseDate', message: 'Expected close date cannot be before the created date.' });
    expect(err({ createdDate: '12/01/2026' })).toMatchObject({ field: 'createdDate', message: 'Created date must be a date written YYYY-MM-DD.' });
    expect(err({ name: '' })).toMatchObject({ field: 'name', message: 'Name is required.' });
    expect(err({ currency: 'dollars' })).toMatchObject({ field: 'currency' });
    expect(err({ repId: 999 })).toMatchObject({ code: 'not_found' });
  });

  it('writes nothing when a deal is refused part-way (one transaction per action)', () => {
    const ctx = testCtx();
    const repId = withRep(ctx);
    value(dispatch(ctx, 'deals.create', { ...base(repId), externalId: 'OPP-1' }));
    const r = dispatch(ctx, 'deals.create', { ...base(repId), accountName: 'Brand New Account', externalId: 'OPP-1' });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', field: 'externalId' } });
    expect(ctx.db.prepare("SELECT COUNT(*) AS n FROM accounts WHERE name = 'Brand New Account'").get()).toEqual({ n: 0 });
    expect(ctx.db.prepare('SELECT COUNT(*) AS n FROM deals').get()).toEqual({ n: 1 });
  });

  it('will not give deals to an archived rep', () => {
    const ctx = testCtx();
    const repId = withRep(ctx);
    dispatch(ctx, 'reps.archive', { id: repId });
    expect(dispatch(ctx, 'deals.create', base(repId))).toMatchObject({ ok: false, error: { field: 'repId' } });
  });

  it('lists a rep’s deals by outcome, open first', () => {
    const ctx = testCtx();
    const repId = withRep(ctx);
    const a = value(dispatch(ctx, 'deals.create', { ...base(repId), name: 'A' }));
    value(dispatch(ctx, 'deals.create', { ...base(repId), name: 'B' }));
    dispatch(ctx, 'deals.close', { id: a.id, outcome: 'lost', closedDate: '2026-10-01' });
    expect(value(dispatch(ctx, 'deals.listByRep', { repId })).map((d: any) => d.name)).toEqual(['B', 'A']);
    expect(value(dispatch(ctx, 'deals.listByRep', { repId, outcome: 'lost' })).map((d: any) => d.name)).toEqual(['A']);
  });
});

describe('deal rules that keep the data coherent', () => {
  it('keeps Closed Won / Closed Lost for closing, refuses future closed dates and created-after-closed', () => {
    const ctx = testCtx();
    const repId = withRep(ctx);
    expect(dispatch(ctx, 'deals.create', { ...base(repId), stage: 'closed won' })).toMatchObject({
      ok: false,
      error: { field: 'stage', message: 'Stage cannot be Closed Won or Closed Lost: close the deal instead.' },
    });
    const deal = value(dispatch(ctx, 'deals.create', base(repId)));
    expect(dispatch(ctx, 'deals.update', { ...base(repId), id: deal.id, stage: 'Closed Lost' })).toMatchObject({ ok: false, error: { field: 'stage' } });
    expect(dispatch(ctx, 'deals.close', { id: deal.id, outcome: 'won', closedDate: '2026-11-25' })).toMatchObject({
      ok: false,
      error: { field: 'closedDate', message: 'The closed date cannot be in the future.' },
    });
    value(dispatch(ctx, 'deals.close', { id: deal.id, outcome: 'won', closedDate: '2026-10-01' }));
    expect(dispatch(ctx, 'deals.update', { ...base(repId), id: deal.id, stage: 'Closed Won', createdDate: '2026-10-02', expectedCloseDate: null })).toMatchObject({
      ok: false,
      error: { field: 'createdDate' },
    });
    expect(dispatch(ctx, 'deals.reopen', { id: deal.id, stage: 'Closed Lost' })).toMatchObject({ ok: false, error: { field: 'stage' } });
  });

  it('refuses stage lists with duplicates or closing stages', () => {
    const ctx = testCtx();
    expect(dispatch(ctx, 'settings.update', { stages: ['Discovery', 'discovery'] })).toMatchObject({
      ok: false,
      error: { field: 'stages', message: 'Stages cannot list the same stage twice.' },
    });
    expect(dispatch(ctx, 'settings.update', { stages: ['Discovery', 'Closed Won'] })).toMatchObject({ ok: false, error: { field: 'stages' } });
  });
});
