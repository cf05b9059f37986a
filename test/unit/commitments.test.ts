import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { fixedClock } from '../../electron/core/clock';
import type { Ctx } from '../../electron/core/context';
import { followThroughRate } from '../../shared/domain/followThrough';
import { testCtx } from './helpers';

const v = (r: ReturnType<typeof dispatch>): any => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

/** Creates a commitment "agreed" on `on` and due on `due`, by moving the clock. */
function promise(ctx: Ctx, repId: number, owner: 'rep' | 'manager', text: string, on: string, due: string): number {
  ctx.clock = fixedClock(on);
  return v(dispatch(ctx, 'commitments.create', { repId, owner, text, dueDate: due })).id;
}

describe('follow-through rate (pure)', () => {
  it('is kept on time over due, and unknown when nothing was due', () => {
    expect(followThroughRate({ due: 4, keptOnTime: 3, keptLate: 1, dropped: 0, openOverdue: 0 })).toBe(0.75);
    expect(followThroughRate({ due: 0, keptOnTime: 0, keptLate: 0, dropped: 0, openOverdue: 0 })).toBeNull();
  });
});

describe('commitments', () => {
  it('counts kept on time, late, dropped and still open per rep and for the manager', () => {
    const ctx = testCtx();
    const ana = v(dispatch(ctx, 'reps.create', { name: 'Ana', role: 'field', quota: 1 })).id;
    const ben = v(dispatch(ctx, 'reps.create', { name: 'Ben', role: 'field', quota: 1 })).id;
    // Ana's own: 4 due by Nov 24 (one kept on time, one late, one dropped, one still open) + 1 not yet due.
    const a1 = promise(ctx, ana, 'rep', 'Send the proposal', '2026-11-01', '2026-11-05');
    const a2 = promise(ctx, ana, 'rep', 'Book the CFO', '2026-11-01', '2026-11-05');
    const a3 = promise(ctx, ana, 'rep', 'Update the forecast', '2026-11-01', '2026-11-10');
    promise(ctx, ana, 'rep', 'Call the champion', '2026-11-01', '2026-11-20');
    promise(ctx, ana, 'rep', 'Prepare the QBR', '2026-11-20', '2026-12-01');
    // The manager: two promises to Ana, one to Ben; two kept on time.
    const m1 = promise(ctx, ana, 'manager', 'Get pricing approval', '2026-11-01', '2026-11-08');
    promise(ctx, ana, 'manager', 'Share case studies', '2026-11-01', '2026-11-08');
    const m3 = promise(ctx, ben, 'manager', 'Set up shadowing', '2026-11-01', '2026-11-15');
    ctx.clock = fixedClock('2026-11-24');
    v(dispatch(ctx, 'commitments.setStatus', { id: a1, status: 'done', on: '2026-11-05' })); // on the due day: on time
    v(dispatch(ctx, 'commitments.setStatus', { id: a2, status: 'done', on: '2026-11-07' })); // 2 days late
    v(dispatch(ctx, 'commitments.setStatus', { id: a3, status: 'dropped' }));
    v(dispatch(ctx, 'commitments.setStatus', { id: m1, status: 'done', on: '2026-11-02' }));
    v(dispatch(ctx, 'commitments.setStatus', { id: m3, status: 'done', on: '2026-11-15' }));

    const view = v(dispatch(ctx, 'commitments.list', { include: 'all' }));
    // Manager: due 3 (m1, m2, m3), kept on time 2 (m1, m3), m2 still open -> 2/3.
    expect(view.followThrough[0]).toEqual({ repId: null, name: 'You (the manager)', owner: 'manager', due: 3, keptOnTime: 2, keptLate: 0, dropped: 0, openOverdue: 1, rate: 2 / 3 });
    // Ana: due 4 (the QBR is not due yet), on time 1 -> 1/4 = 0.25.
    expect(view.followThrough[1]).toEqual({ repId: ana, name: 'Ana', owner: 'rep', due: 4, keptOnTime: 1, keptLate: 1, dropped: 1, openOverdue: 1, rate: 0.25 });
    expect(view.followThrough).toHaveLength(2); // Ben made no promises of his own

    // Open ones first, overdue before not-yet-due; m2 and "Call the champion" are overdue.
    const open = v(dispatch(ctx, 'commitments.list', {})).commitments;
    expect(open.map((c: any) => [c.text, c.overdue])).toEqual([
      ['Share case studies', true], // due Nov 8, manager's
      ['Call the champion', true],
      ['Prepare the QBR', false],
    ]);
  });

  it('validates text, owner and dates, and refuses a due date in the past', () => {
    const ctx = testCtx();
    const ana = v(dispatch(ctx, 'reps.create', { name: 'Ana', role: 'field', quota: 1 })).id;
    const err = (p: object) => {
      const r = dispatch(ctx, 'commitments.create', { repId: ana, owner: 'rep', text: 'x', dueDate: '2026-12-01', ...p });
      return r.ok ? null : r.error;
    };
    expect(err({ text: ' ' })).toMatchObject({ field: 'text', message: 'Commitment is required.' });
    expect(err({ owner: 'boss' })).toMatchObject({ field: 'owner', message: 'Owner must be the rep or the manager.' });
    expect(err({ dueDate: '2026-13-01' })).toMatchObject({ field: 'dueDate' });
    expect(err({ dueDate: '2026-11-01' })).toMatchObject({ field: 'dueDate', message: 'The due date cannot be in the past.' });
    expect(err({ repId: 999 })).toMatchObject({ code: 'not_found' });
    expect(ctx.db.prepare('SELECT COUNT(*) AS n FROM commitments').get()).toEqual({ n: 0 });
  });

  it('reopening clears the done date; done before it was agreed is refused', () => {
    const ctx = testCtx();
    const ana = v(dispatch(ctx, 'reps.create', { name: 'Ana', role: 'field', quota: 1 })).id;
    const id = v(dispatch(ctx, 'commitments.create', { repId: ana, owner: 'rep', text: 'x', dueDate: '2026-12-01' })).id;
    expect(v(dispatch(ctx, 'commitments.setStatus', { id, status: 'done' }))).toMatchObject({ status: 'done', doneDate: '2026-11-24' });
    expect(v(dispatch(ctx, 'commitments.setStatus', { id, status: 'open' }))).toMatchObject({ status: 'open', doneDate: null });
    expect(dispatch(ctx, 'commitments.setStatus', { id, status: 'done', on: '2026-01-01' })).toMatchObject({ ok: false, error: { field: 'on' } });
  });
});
