import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { fixedClock } from '../../electron/core/clock';
import type { Ctx } from '../../electron/core/context';
import { loadDemo } from '../../electron/core/demo/load';
import { buildAgenda, type AgendaInputs } from '../../shared/domain/agenda';
import { testCtx } from './helpers';

const v = (r: ReturnType<typeof dispatch>): any => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

const inputs = (over: Partial<AgendaInputs> = {}): AgendaInputs => ({
  asOf: '2026-11-24',
  lastMeetingDate: '2026-11-17',
  openCommitments: [],
  flaggedDeals: [],
  newDeals: [],
  coachability: null,
  development: null,
  valuePropGaps: [],
  ...over,
});

describe('buildAgenda (pure)', () => {
  it('puts promises first (overdue leading), calls out no new opportunities, then the deals in their ranking order', () => {
    const flag = { code: 'close_date_past' as const, severity: 'critical' as const, reason: 'Expected to close on Nov 1, 2026, 23 days ago.', question: 'How do you know this deal is still alive?' };
    const items = buildAgenda(
      inputs({
        openCommitments: [
          { id: 1, owner: 'rep', text: 'Send the proposal', dueDate: '2026-11-30', overdue: false },
          { id: 2, owner: 'manager', text: 'Get pricing approval', dueDate: '2026-11-20', overdue: true },
        ],
        // Ranked by attention (the caller's order), not by amount: D6 first, then D1, D5...
        flaggedDeals: [6, 1, 5, 2, 4, 3].map((n) => ({ id: n, name: `D${n}`, accountName: 'A', amount: n * 1000, currency: 'USD', flags: [flag], reason: `Reason ${n}` })),
        maxDeals: 4,
      }),
      [],
      'en-US',
    );
    expect(items.map((i) => [i.sourceKind, i.sourceId])).toEqual([
      ['commitment', 2], // overdue first, the manager's own included
      ['deal', 6], // then the first four of the ranking (maxDeals), in its order
      ['deal', 1],
      ['deal', 5],
      ['deal', 2],
      ['new_opps', null], // then activity
      ['commitment', 1], // and promises not yet due
    ]);
    expect(items[0]).toMatchObject({ title: 'My commitment: Get pricing approval', detail: 'Overdue since Nov 20, 2026 (4 days). Done, dropped, or a new date?', minutes: 2 });
    expect(items[5]).toMatchObject({ title: 'No new opportunities since Nov 17, 2026', detail: 'Ask: what are you doing to create new opportunities this week?', minutes: 3 });
    expect(items[1]!.title).toBe('Deal: D6 (A, $6,000)');
    expect(items[1]!.detail).toBe('Reason 6. Expected to close on Nov 1, 2026, 23 days ago. Ask: How do you know this deal is still alive?');
    expect(items.every((i) => !i.selected)).toBe(true); // buildAgenda only ranks; prepareAgenda fits
  });

  it('lists new opportunities, value-proposition gaps and a coachability pattern; skips what is already on the agenda', () => {
    const items = buildAgenda(
      inputs({
        lastMeetingDate: null,
        newDeals: [{ id: 9, name: 'Pilot', accountName: 'Acme' }],
        valuePropGaps: [{ dealId: 7, dealName: 'Big one', amount: 250000, currency: 'USD', score: 5.5, weak: ['different', 'measurable'] }],
        coachability: { headline: 'A pattern is showing: rule out the other explanations first', signs: ['Not open to feedback'], evidence: '3 of 4 observations…' },
        openCommitments: [{ id: 3, owner: 'rep', text: 'x', dueDate: '2026-12-01', overdue: false }],
      }),
      [{ sourceKind: 'commitment', sourceId: 3 }],
      'en-US',
    );
    expect(items.map((i) => i.title)).toEqual([
      'Coachability: A pattern is showing: rule out the other explanations first',
      '1 new opportunity in the last two weeks',
      'Value proposition: Big one ($250,000)',
    ]);
    expect(items[1]!.detail).toBe('Pilot (Acme)');
    expect(items[2]!.detail).toContain('Scores 5.5 / 7; not yet passing: Different, Measurable.');
    expect(items[0]!.detail).toContain('Signs seen often: Not open to feedback.');
  });
});

function meeting(ctx: Ctx, repId: number, date: string) {
  ctx.clock = fixedClock(date);
  return v(dispatch(ctx, 'oneOnOnes.schedule', { repId, meetingDate: date }));
}

describe('one-on-ones in the store', () => {
  it('carries unfinished talking points forward across three meetings, once each', () => {
    const ctx = testCtx('2026-11-03');
    const ana = v(dispatch(ctx, 'reps.create', { name: 'Ana', role: 'field', quota: 1 })).id;
    const m1 = meeting(ctx, ana, '2026-11-03');
    v(dispatch(ctx, 'oneOnOnes.saveAgenda', { id: m1.id, items: [{ title: 'Pricing' }, { title: 'Hiring plan', addedBy: 'rep' }, { title: 'Forecast', done: true }] }));
    const c1 = v(dispatch(ctx, 'oneOnOnes.close', { id: m1.id }));
    // Two unfinished items go to a new meeting a week later (the default cadence).
    expect(c1.next).toMatchObject({ meetingDate: '2026-11-10', status: 'planned' });
    let d2 = v(dispatch(ctx, 'oneOnOnes.get', { id: c1.next.id }));
    expect(d2.items.map((i: any) => [i.title, i.addedBy, i.carriedFromId !== null])).toEqual([
      ['Pricing', 'manager', true],
      ['Hiring plan', 'rep', true],
    ]);
    // Meeting 2: finish Pricing, add Territory; close; Hiring plan and Territory carry on.
    ctx.clock = fixedClock('2026-11-10');
    const [pricing, hiring] = d2.items;
    v(dispatch(ctx, 'oneOnOnes.updateItem', { id: pricing.id, done: true }));
    // A stale copy (done: false, no notes) sent with a reorder does not undo it.
    v(dispatch(ctx, 'oneOnOnes.saveAgenda', { id: c1.next.id, items: [pricing, hiring, { title: 'Territory' }] }));
    expect(v(dispatch(ctx, 'oneOnOnes.get', { id: c1.next.id })).items[0]).toMatchObject({ title: 'Pricing', done: true });
    const c2 = v(dispatch(ctx, 'oneOnOnes.close', { id: c1.next.id }));
    expect(c2.next.meetingDate).toBe('2026-11-17');
    const d3 = v(dispatch(ctx, 'oneOnOnes.get', { id: c2.next.id }));
    expect(d3.items.map((i: any) => i.title)).toEqual(['Hiring plan', 'Territory']);
    // Unlocking and closing meeting 2 again does not carry the same items a second time.
    v(dispatch(ctx, 'oneOnOnes.unlock', { id: c1.next.id, reason: 'Fix a typo in the notes' }));
    v(dispatch(ctx, 'oneOnOnes.close', { id: c1.next.id }));
    expect(v(dispatch(ctx, 'oneOnOnes.get', { id: c2.next.id })).items).toHaveLength(2);
    d2 = v(dispatch(ctx, 'oneOnOnes.get', { id: c1.next.id }));
    expect(d2.events.map((e: any) => [e.action, e.reason])).toEqual([
      ['closed', null],
      ['unlocked', 'Fix a typo in the notes'],
      ['closed', null],
    ]);
    // Closing with everything done carries nothing.
    ctx.clock = fixedClock('2026-11-17');
    for (const i of d3.items) v(dispatch(ctx, 'oneOnOnes.updateItem', { id: i.id, done: true }));
    expect(v(dispatch(ctx, 'oneOnOnes.close', { id: c2.next.id })).next).toBeNull();
  });

  it('locks a closed meeting: agenda, notes and private note refuse changes until unlocked with a reason', () => {
    const ctx = testCtx();
    const ana = v(dispatch(ctx, 'reps.create', { name: 'Ana', role: 'field', quota: 1 })).id;
    const m = meeting(ctx, ana, '2026-11-24');
    const [item] = v(dispatch(ctx, 'oneOnOnes.saveAgenda', { id: m.id, items: [{ title: 'Pipeline', done: true }] }));
    v(dispatch(ctx, 'oneOnOnes.close', { id: m.id }));
    for (const [name, input] of [
      ['oneOnOnes.saveAgenda', { id: m.id, items: [] }],
      ['oneOnOnes.updateItem', { id: item.id, notes: 'late edit' }],
      ['oneOnOnes.setPrivateNote', { id: m.id, note: 'late' }],
    ] as const) {
      expect(dispatch(ctx, name, input)).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('closed') } });
    }
    expect(dispatch(ctx, 'oneOnOnes.unlock', { id: m.id, reason: '' })).toMatchObject({ ok: false, error: { field: 'reason' } });
    v(dispatch(ctx, 'oneOnOnes.unlock', { id: m.id, reason: 'Add the agreed date' }));
    expect(v(dispatch(ctx, 'oneOnOnes.updateItem', { id: item.id, notes: 'Agreed: Dec 5' }))).toMatchObject({ notes: 'Agreed: Dec 5' });
    expect(dispatch(ctx, 'oneOnOnes.schedule', { repId: ana, meetingDate: '2026-11-24' })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'meetingDate' } });
  });

  it('prepares an agenda from the demo data with sources linked', () => {
    const ctx = testCtx();
    loadDemo(ctx.db, ctx.clock, 42);
    const reps = v(dispatch(ctx, 'reps.list', {}));
    const grace = reps.find((r: any) => r.name === 'Grace Okafor') ?? reps[0];
    const m = v(dispatch(ctx, 'oneOnOnes.list', { repId: grace.id })).find((x: any) => x.status === 'planned') ?? meeting(ctx, grace.id, '2026-11-24');
    const proposed = v(dispatch(ctx, 'oneOnOnes.prepare', { id: m.id })).items;
    const kinds = new Set(proposed.map((p: any) => p.sourceKind));
    expect(kinds.has('deal')).toBe(true);
    expect(kinds.has('new_opps')).toBe(true);
    const openCommitments = v(dispatch(ctx, 'commitments.list', { repId: grace.id })).commitments.length;
    const onAgenda = v(dispatch(ctx, 'oneOnOnes.get', { id: m.id })).items.filter((i: any) => i.sourceKind === 'commitment').length;
    expect(proposed.filter((p: any) => p.sourceKind === 'commitment')).toHaveLength(openCommitments - onAgenda);
    // Accepting them all leaves nothing more to propose.
    const current = v(dispatch(ctx, 'oneOnOnes.get', { id: m.id })).items;
    v(dispatch(ctx, 'oneOnOnes.saveAgenda', { id: m.id, items: [...current, ...proposed.map((p: any) => ({ ...p, addedBy: 'prepared' }))] }));
    expect(v(dispatch(ctx, 'oneOnOnes.prepare', { id: m.id })).items).toEqual([]);
  });
});

describe('review fixes', () => {
  it('a closed meeting refuses new commitments; another rep’s meeting and unknown ones are named', () => {
    const ctx = testCtx();
    const ana = v(dispatch(ctx, 'reps.create', { name: 'Ana', role: 'field', quota: 1 })).id;
    const ben = v(dispatch(ctx, 'reps.create', { name: 'Ben', role: 'field', quota: 1 })).id;
    const m = meeting(ctx, ana, '2026-11-24');
    const base = { repId: ana, owner: 'rep', text: 'x', dueDate: '2026-12-01', oneOnOneId: m.id };
    v(dispatch(ctx, 'commitments.create', base));
    expect(dispatch(ctx, 'commitments.create', { ...base, repId: ben })).toMatchObject({ ok: false, error: { field: 'oneOnOneId', message: 'That one-on-one is with another rep.' } });
    expect(dispatch(ctx, 'commitments.create', { ...base, oneOnOneId: 9999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    v(dispatch(ctx, 'oneOnOnes.close', { id: m.id }));
    expect(dispatch(ctx, 'commitments.create', base)).toMatchObject({ ok: false, error: { field: 'oneOnOneId', message: expect.stringContaining('closed') } });
    const id = v(dispatch(ctx, 'commitments.list', {})).commitments[0].id;
    expect(dispatch(ctx, 'commitments.setStatus', { id, status: 'done', on: '2026-12-01' })).toMatchObject({ ok: false, error: { field: 'on', message: 'The done date cannot be in the future.' } });
    expect(dispatch(ctx, 'commitments.setStatus', { id, status: 'dropped', on: '2026-11-24' })).toMatchObject({ ok: false, error: { field: 'on' } });
  });

  it('an archived rep keeps the commitments of their meetings', () => {
    const ctx = testCtx();
    const ana = v(dispatch(ctx, 'reps.create', { name: 'Ana', role: 'field', quota: 1 })).id;
    const m = meeting(ctx, ana, '2026-11-24');
    v(dispatch(ctx, 'commitments.create', { repId: ana, owner: 'rep', text: 'Send the plan', dueDate: '2026-12-01', oneOnOneId: m.id }));
    v(dispatch(ctx, 'reps.archive', { id: ana }));
    expect(v(dispatch(ctx, 'oneOnOnes.get', { id: m.id })).commitments.map((c: any) => c.text)).toEqual(['Send the plan']);
  });

  it('carried-over data items do not hide fresh ones; carried commitments still count as on the agenda', () => {
    const ctx = testCtx('2026-11-02');
    const ana = v(dispatch(ctx, 'reps.create', { name: 'Ana', role: 'field', quota: 1 })).id;
    const c = v(dispatch(ctx, 'commitments.create', { repId: ana, owner: 'rep', text: 'Send the plan', dueDate: '2026-12-01' }));
    const a = meeting(ctx, ana, '2026-11-02');
    const first = v(dispatch(ctx, 'oneOnOnes.prepare', { id: a.id })).items;
    v(dispatch(ctx, 'oneOnOnes.saveAgenda', { id: a.id, items: first.map((p: any) => ({ ...p, addedBy: 'prepared' })) }));
    const b = v(dispatch(ctx, 'oneOnOnes.close', { id: a.id })).next; // both items carried, unfinished
    ctx.clock = fixedClock('2026-11-09');
    v(dispatch(ctx, 'deals.create', { repId: ana, accountName: 'Acme', name: 'Fresh', stage: 'Discovery', amount: 1000, createdDate: '2026-11-05' }));
    const again = v(dispatch(ctx, 'oneOnOnes.prepare', { id: b.id })).items;
    expect(again.some((p: any) => p.sourceKind === 'new_opps' && p.title === '1 new opportunity since Nov 2, 2026')).toBe(true);
    expect(again.some((p: any) => p.sourceKind === 'commitment' && p.sourceId === c.id)).toBe(false);
  });
});
