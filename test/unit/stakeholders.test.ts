import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { mapWarnings, playbook } from '../../shared/domain/gatekeeper';
import type { Stakeholder } from '../../shared/schemas/stakeholders';
import { testCtx } from './helpers';

const v = (r: ReturnType<typeof dispatch>): any => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const s = (over: Partial<Stakeholder>): Stakeholder => ({
  id: 1, dealId: 1, name: 'Pat', title: null, role: 'mid_level', stance: 'unknown', lastContactDate: null,
  nudgesSent: 0, dmNameKnown: false, willRecommend: null, dmMeetingDate: null, ...over,
});

describe('gatekeeper playbook (pure)', () => {
  it('after four nudges with no meeting: ask for the name and the recommendation', () => {
    const early = playbook(s({ nudgesSent: 3 }), '2026-11-24', 'en-US');
    expect(early).toHaveLength(1);
    expect(early[0]).toMatch(/^Nudge 4 of 4: keep it polite; after 4–5 with no meeting/);
    expect(playbook(s({ nudgesSent: 4 }), '2026-11-24', 'en-US')[0]).toMatch(/^4 polite nudges and still no meeting with the boss: ask for the decision maker's name and ask "Will you recommend us\?"$/);
  });
  it('a meeting with the decision maker: call the day after; outcomes A, B, C', () => {
    expect(playbook(s({ dmMeetingDate: '2026-11-26' }), '2026-11-24', 'en-US')).toEqual(['They meet the decision maker on Nov 26, 2026: call the day after.']);
    expect(playbook(s({ dmMeetingDate: '2026-11-20', willRecommend: 'yes' }), '2026-11-24', 'en-US')[1]).toMatch(/^Outcome A, approved/);
    expect(playbook(s({ dmMeetingDate: '2026-11-20', willRecommend: 'unsure' }), '2026-11-24', 'en-US')[1]).toMatch(/^Outcome B.*decision maker directly, with tact/);
    expect(playbook(s({ dmMeetingDate: '2026-11-20', willRecommend: 'no' }), '2026-11-24', 'en-US')[1]).toMatch(/^Outcome C.*real objection.*start over/);
    expect(playbook(s({ role: 'champion', nudgesSent: 9 }), '2026-11-24')).toEqual([]);
  });
  it('warns on single-threaded maps, no decision maker, and a champion only on a big deal', () => {
    expect(mapWarnings([s({ role: 'champion' })], true)).toEqual([
      'Single-threaded: build consensus beyond one contact.',
      'No decision maker identified.',
      'Champion only on an enterprise-wide deal: who else does this touch, and do they agree?',
    ]);
    expect(mapWarnings([s({ role: 'champion' }), s({ role: 'decision_maker' })], true)).toEqual([]);
    expect(mapWarnings([s({ role: 'champion' }), s({ role: 'champion' })], false)).toEqual(['No decision maker identified.']);
  });
});

describe('stakeholders in the store', () => {
  it('adds, edits and removes, and the map and the pipeline flags follow', () => {
    const ctx = testCtx();
    const ana = v(dispatch(ctx, 'reps.create', { name: 'Ana', role: 'field', quota: 1 })).id;
    const deal = v(dispatch(ctx, 'deals.create', { repId: ana, accountName: 'Acme', name: 'Big', stage: 'Discovery', amount: 200000, createdDate: '2026-11-20', lastActivityDate: '2026-11-23' })).id;
    const flags = () => v(dispatch(ctx, 'pipeline.open', {})).deals[0].flags as string[];
    // No stakeholder recorded on any of Ana's deals yet: stakeholder flags are "not tracked yet".
    expect(flags()).not.toContain('single_threaded');
    expect(v(dispatch(ctx, 'pipeline.open', {})).untrackedReps).toEqual(['Ana']);
    const champ = v(dispatch(ctx, 'stakeholders.add', { dealId: deal, name: 'Cy', role: 'champion', stance: 'supporter' }));
    expect(v(dispatch(ctx, 'pipeline.open', {})).untrackedReps).toEqual([]);
    // One champion on a big deal: single-threaded, no decision maker, champion only.
    expect(flags()).toEqual(expect.arrayContaining(['single_threaded', 'no_decision_maker', 'champion_only']));
    v(dispatch(ctx, 'stakeholders.add', { dealId: deal, name: 'Di', role: 'champion' }));
    expect(flags()).toContain('champion_only');
    expect(flags()).not.toContain('single_threaded');
    const dm = v(dispatch(ctx, 'stakeholders.add', { dealId: deal, name: 'Ed', role: 'decision_maker', title: 'COO' }));
    expect(flags()).not.toContain('champion_only');
    expect(flags()).not.toContain('no_decision_maker');
    expect(v(dispatch(ctx, 'stakeholders.map', { dealId: deal })).stakeholders.map((x: any) => x.name)).toEqual(['Ed', 'Cy', 'Di']);
    v(dispatch(ctx, 'stakeholders.update', { id: champ, name: 'Cy', role: 'mid_level', nudgesSent: 5 }));
    expect(v(dispatch(ctx, 'stakeholders.map', { dealId: deal })).stakeholders.find((x: any) => x.name === 'Cy').playbook[0]).toMatch(/^5 polite nudges/);
    expect(v(dispatch(ctx, 'stakeholders.remove', { id: dm }))).toMatchObject({ name: 'Ed', role: 'decision_maker' });
    expect(flags()).toContain('no_decision_maker');
    expect(dispatch(ctx, 'stakeholders.add', { dealId: deal, name: '', role: 'user' })).toMatchObject({ ok: false, error: { field: 'name' } });
    expect(dispatch(ctx, 'stakeholders.add', { dealId: deal, name: 'X', role: 'boss' })).toMatchObject({ ok: false, error: { field: 'role' } });
  });
});

describe('trusted-advisor ladder', () => {
  it('keeps every change in the history and hints when the signs and the level disagree', () => {
    const ctx = testCtx();
    const ana = v(dispatch(ctx, 'reps.create', { name: 'Ana', role: 'field', quota: 1 })).id;
    const deal = v(dispatch(ctx, 'deals.create', { repId: ana, accountName: 'Acme', name: 'X', stage: 'Discovery', amount: 1, createdDate: '2026-11-20' }));
    expect(v(dispatch(ctx, 'accounts.ladder', { accountId: deal.accountId }))).toMatchObject({ level: null, hint: null, history: [] });
    const three = { callBeforeDeciding: true, adviceOutsideDomain: true, theyInitiate: true };
    const a = v(dispatch(ctx, 'accounts.setLadder', { accountId: deal.accountId, level: 'vendor', signs: three }));
    expect(a.hint).toBe('3 of 4 signs of a trusted advisor are seen: is this account higher up the ladder than recorded?');
    const b = v(dispatch(ctx, 'accounts.setLadder', { accountId: deal.accountId, level: 'trusted_advisor', signs: { ...three, meetingOnRequest: true } }));
    expect(b).toMatchObject({ level: 'trusted_advisor', hint: null });
    expect(b.history.map((h: any) => h.level)).toEqual(['trusted_advisor', 'vendor']);
    expect(v(dispatch(ctx, 'accounts.setLadder', { accountId: deal.accountId, level: 'preferred_supplier', signs: {} })).hint).toMatch(/^None of the signs/);
    expect(dispatch(ctx, 'accounts.setLadder', { accountId: deal.accountId, level: 'best_friend', signs: {} })).toMatchObject({ ok: false, error: { field: 'level' } });
  });
});
