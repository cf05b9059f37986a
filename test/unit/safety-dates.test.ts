/**
 * Issue 14, item 4: a far-future date once scheduled the next one-on-one at "+010000-01",
 * blanked the rep page and made exports answer 500. Dates stay within 1900–2200 at the
 * schemas and in the arithmetic that schedules; a far date already in a file still renders.
 */
import { describe, expect, it } from 'vitest';
import { dispatch, dispatchAsync } from '../../electron/core/api/dispatch';
import type { Ctx } from '../../electron/core/context';
import { fixedClock } from '../../electron/core/clock';
import { loadDemo } from '../../electron/core/demo/load';
import { formatDate } from '../../shared/domain/format';
import { scheduleAfter } from '../../shared/domain/periods';
import { isoDate } from '../../shared/schemas/common';
import { testCtx } from './helpers';

function demo(): Ctx {
  const ctx = testCtx();
  loadDemo(ctx.db, ctx.clock, 42);
  return ctx;
}

/** A meeting with one unfinished agenda item, written as an older version could have. */
function meetingOn(ctx: Ctx, date: string): number {
  const id = Number(ctx.db.prepare("INSERT INTO one_on_ones (rep_id, meeting_date, status, created_at, updated_at) VALUES (1, ?, 'planned', 'x', 'x')").run(date).lastInsertRowid);
  ctx.db.prepare("INSERT INTO agenda_items (one_on_one_id, position, title, added_by, done, created_at) VALUES (?, 1, 'Pipeline hygiene', 'manager', 0, 'x')").run(id);
  return id;
}

describe('4. dates stay within 1900–2200', () => {
  it('the schemas refuse dates outside the range, with the range in the message', () => {
    expect(isoDate.safeParse('2200-12-31').success).toBe(true);
    expect(isoDate.safeParse('1900-01-01').success).toBe(true);
    expect(isoDate.safeParse('9999-12-30').error?.issues[0]?.message).toBe('must be between 1900 and 2200');
    expect(isoDate.safeParse('1899-12-31').success).toBe(false);
    const ctx = demo();
    expect(dispatch(ctx, 'oneOnOnes.schedule', { repId: 1, meetingDate: '9999-12-30' })).toMatchObject({
      ok: false,
      error: { code: 'invalid', field: 'meetingDate', message: expect.stringMatching(/between 1900 and 2200/) },
    });
  });

  it('closing a meeting near the end of the range never schedules past it; the items stay on the closed meeting', () => {
    const ctx = demo();
    const id = meetingOn(ctx, '2200-12-30');
    ctx.clock = fixedClock('2200-12-30'); // closed on its day (closing earlier would move it to today)
    const r = dispatch(ctx, 'oneOnOnes.close', { id });
    expect(r).toMatchObject({ ok: true, value: { next: null } });
    expect(ctx.db.prepare("SELECT COUNT(*) FROM one_on_ones WHERE meeting_date NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' OR meeting_date > '2200-12-31' AND id <> ?").pluck().get(id)).toBe(0);
    expect(scheduleAfter('9999-12-30', 7)).toBeNull();
    expect(scheduleAfter('2026-11-24', 7)).toBe('2026-12-01');
  });

  it('a far date already in the file (from before) closes, exports and formats without an error', async () => {
    const ctx = demo();
    const id = meetingOn(ctx, '9999-12-30');
    ctx.clock = fixedClock('9999-12-30'); // closed on its day (closing earlier would move it to today)
    expect(dispatch(ctx, 'oneOnOnes.close', { id })).toMatchObject({ ok: true, value: { next: null } });
    ctx.clock = fixedClock('2026-11-24');
    expect(ctx.db.prepare("SELECT COUNT(*) FROM one_on_ones WHERE meeting_date LIKE '+%'").pluck().get()).toBe(0);
    // A value an older version did write: shown as it is, never a RangeError.
    ctx.db.prepare("UPDATE one_on_ones SET meeting_date = '+010000-01' WHERE id = ?").run(id);
    expect(formatDate('+010000-01', 'en-US')).toBe('+010000-01');
    expect(dispatch(ctx, 'oneOnOnes.get', { id })).toMatchObject({ ok: true });
    const doc = await dispatchAsync(ctx, 'export.document', { doc: { kind: 'oneOnOne', id } });
    expect(doc).toMatchObject({ ok: true, value: { markdown: expect.stringContaining('+010000-01') } });
    const review = await dispatchAsync(ctx, 'export.document', { doc: { kind: 'repReview', repId: 1, from: '2026-01-01', to: '2200-12-31' } });
    expect(review).toMatchObject({ ok: true });
    expect(dispatch(ctx, 'metrics.rep', { repId: 1 })).toMatchObject({ ok: true });
  });

  it('a development plan that would end after 2200 is refused', () => {
    const ctx = demo();
    const r = dispatch(ctx, 'development.startPlan', { repId: 1, drivers: ['win_rate'], metric: 'win_rate', startDate: '2200-12-01', lengthDays: 90, actions: 'Coach discovery.' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid', field: 'startDate', message: expect.stringMatching(/would end after 2200-12-31/) } });
  });
});
