import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { VP_TESTS, vpGaps, vpScore } from '../../shared/domain/valueProps';
import { testCtx } from './helpers';

const v = (r: ReturnType<typeof dispatch>): any => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const all = (result: string) => Object.fromEntries(VP_TESTS.map((t) => [t, { result }]));

describe('value-proposition score (pure)', () => {
  it('counts pass as 1 and partial as a half, out of 7; gaps include untested ones', () => {
    expect(vpScore({ different: 'pass', compelling: 'partial', tailored: 'fail' })).toBe(1.5);
    expect(vpScore(Object.fromEntries(VP_TESTS.map((t) => [t, 'pass'])))).toBe(7);
    expect(vpGaps({ different: 'pass', compelling: 'partial' })).toEqual(['compelling', 'tailored', 'measurable', 'time_bound', 'memorable', 'defendable']);
  });
});

describe('value propositions in the store', () => {
  it('keeps every assessment as history, flags big late deals until all seven pass, and aggregates the team', () => {
    const ctx = testCtx();
    const ana = v(dispatch(ctx, 'reps.create', { name: 'Ana', role: 'field', quota: 1 })).id;
    const deal = v(dispatch(ctx, 'deals.create', { repId: ana, accountName: 'Acme', name: 'Big one', stage: 'Negotiation', amount: 250000, createdDate: '2026-11-01', expectedCloseDate: '2026-12-20', lastActivityDate: '2026-11-23' })).id;
    const flags = () => v(dispatch(ctx, 'pipeline.open', {})).deals.find((d: any) => d.id === deal).flags;
    expect(v(dispatch(ctx, 'valueProps.forDeal', { dealId: deal }))).toMatchObject({ checks: [], required: true });
    expect(flags()).toContain('value_prop_gap');

    const first = { dealId: deal, assessedOn: '2026-11-10', statement: 'We cut their planning time in half.', results: { ...all('fail'), different: { result: 'pass', evidence: 'Only we integrate.' }, measurable: { result: 'partial' } } };
    expect(v(dispatch(ctx, 'valueProps.assess', first)).checks[0]).toMatchObject({ score: 1.5, assessedOn: '2026-11-10' });
    expect(flags()).toContain('value_prop_gap');
    const second = v(dispatch(ctx, 'valueProps.assess', { dealId: deal, statement: 'Planning time halved by Q2, measured in hours per cycle.', results: all('pass') }));
    expect(second.checks.map((c: any) => c.score)).toEqual([7, 1.5]); // newest first, history kept
    expect(flags()).not.toContain('value_prop_gap');

    const team = v(dispatch(ctx, 'valueProps.team', {}));
    expect(team.byTest.every((t: any) => t.checked === 1 && t.failing === 0)).toBe(true); // only the latest check counts
    expect(team.byRep).toEqual([expect.objectContaining({ name: 'Ana', checked: 1, weakest: null })]);
  });

  it('keeps a version tailored to each stakeholder, only for the deal’s own stakeholders', () => {
    const ctx = testCtx();
    const ana = v(dispatch(ctx, 'reps.create', { name: 'Ana', role: 'field', quota: 1 })).id;
    const deal = v(dispatch(ctx, 'deals.create', { repId: ana, accountName: 'Acme', name: 'X', stage: 'Proposal', amount: 1, createdDate: '2026-11-01' })).id;
    const other = v(dispatch(ctx, 'deals.create', { repId: ana, accountName: 'Beta', name: 'Y', stage: 'Proposal', amount: 1, createdDate: '2026-11-01' })).id;
    const cfo = v(dispatch(ctx, 'stakeholders.add', { dealId: deal, name: 'Cora', role: 'decision_maker', title: 'CFO' }));
    const stranger = v(dispatch(ctx, 'stakeholders.add', { dealId: other, name: 'Zed', role: 'user' }));
    const base = { dealId: deal, statement: 'Halve planning time.', results: all('partial') };
    const r = v(dispatch(ctx, 'valueProps.assess', { ...base, versions: [{ stakeholderId: cfo, text: 'Frees two FTEs of planning cost by Q2.' }] }));
    expect(r.checks[0].versions).toEqual([{ stakeholderId: cfo, name: 'Cora', text: 'Frees two FTEs of planning cost by Q2.' }]);
    expect(dispatch(ctx, 'valueProps.assess', { ...base, versions: [{ stakeholderId: stranger, text: 'x' }] })).toMatchObject({ ok: false, error: { field: 'versions' } });
    expect(v(dispatch(ctx, 'valueProps.forDeal', { dealId: deal })).checks).toHaveLength(1); // the refused one wrote nothing
  });

  it('validates the statement, each result and the date', () => {
    const ctx = testCtx();
    const ana = v(dispatch(ctx, 'reps.create', { name: 'Ana', role: 'field', quota: 1 })).id;
    const deal = v(dispatch(ctx, 'deals.create', { repId: ana, accountName: 'Acme', name: 'X', stage: 'Proposal', amount: 1, createdDate: '2026-11-01' })).id;
    const base = { dealId: deal, statement: 'x', results: all('pass') };
    expect(dispatch(ctx, 'valueProps.assess', { ...base, statement: ' ' })).toMatchObject({ ok: false, error: { field: 'statement' } });
    expect(dispatch(ctx, 'valueProps.assess', { ...base, results: { ...all('pass'), tailored: { result: 'great' } } })).toMatchObject({
      ok: false,
      error: { field: 'results.tailored.result', message: 'Result must be pass, partial, fail or not assessed.' },
    });
    expect(dispatch(ctx, 'valueProps.assess', { ...base, assessedOn: '2026-12-01' })).toMatchObject({ ok: false, error: { field: 'assessedOn' } });
    expect(ctx.db.prepare('SELECT COUNT(*) AS n FROM value_prop_checks').get()).toEqual({ n: 0 });
  });
});
