import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { testCtx } from './helpers';

const ada = { name: 'Ada Lovelace', email: 'Ada@Example.com', role: 'field', territory: 'North', hireDate: '2024-02-01', quota: 300000 };

describe('reps through the API', () => {
  it('creates a rep and lists them', () => {
    const ctx = testCtx();
    const r = dispatch(ctx, 'reps.create', ada);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com', quota: 300000, status: 'active' });
    const list = dispatch(ctx, 'reps.list', {});
    expect(list.ok && (list.value as { name: string }[]).map((x) => x.name)).toEqual(['Ada Lovelace']);
  });

  it('rejects a missing name, naming the field in a sentence', () => {
    const ctx = testCtx();
    const r = dispatch(ctx, 'reps.create', { ...ada, name: '  ' });
    expect(r).toEqual({ ok: false, error: { code: 'invalid', message: 'Name is required.', field: 'name' } });
    expect(ctx.db.prepare('SELECT COUNT(*) AS n FROM reps').get()).toEqual({ n: 0 });
  });

  it('explains bad email, quota and dates', () => {
    const ctx = testCtx();
    const bad = (patch: object) => {
      const r = dispatch(ctx, 'reps.create', { ...ada, ...patch });
      return r.ok ? null : r.error;
    };
    expect(bad({ email: 'not-an-email' })).toMatchObject({ field: 'email', message: 'Email is not a valid email address.' });
    expect(bad({ quota: -5 })).toMatchObject({ field: 'quota', message: 'Quota cannot be negative.' });
    expect(bad({ quota: Number.NaN })).toMatchObject({ field: 'quota' });
    expect(bad({ hireDate: '2026-02-30' })).toMatchObject({ field: 'hireDate', message: 'Hire date is not a real calendar date.' });
    expect(bad({ role: 'wizard' })).toMatchObject({ field: 'role' });
  });

  it('refuses a second rep with the same name, whatever the case', () => {
    const ctx = testCtx();
    dispatch(ctx, 'reps.create', ada);
    const r = dispatch(ctx, 'reps.create', { ...ada, name: 'ada lovelace' });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', field: 'name' } });
  });

  it('edits, archives (hidden from the team) and restores', () => {
    const ctx = testCtx();
    const created = dispatch(ctx, 'reps.create', ada);
    if (!created.ok) throw new Error('setup');
    const id = (created.value as { id: number }).id;
    const upd = dispatch(ctx, 'reps.update', { ...ada, id, territory: 'South', quota: 350000, status: 'on_leave' });
    expect(upd).toMatchObject({ ok: true, value: { territory: 'South', quota: 350000, status: 'on_leave' } });
    dispatch(ctx, 'reps.archive', { id });
    expect(dispatch(ctx, 'reps.list', {})).toEqual({ ok: true, value: [] });
    expect(dispatch(ctx, 'reps.list', { includeArchived: true })).toMatchObject({ ok: true, value: [{ id, status: 'archived' }] });
    expect(dispatch(ctx, 'reps.restore', { id })).toMatchObject({ ok: true, value: { status: 'active' } });
  });

  it('answers not_found for an unknown rep and for an unknown call', () => {
    const ctx = testCtx();
    expect(dispatch(ctx, 'reps.get', { id: 99 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(dispatch(ctx, 'reps.drop', {})).toMatchObject({ ok: false, error: { code: 'not_found', message: 'Unknown request “reps.drop”.' } });
    expect(dispatch(ctx, 'reps.get', 'nonsense')).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
});
