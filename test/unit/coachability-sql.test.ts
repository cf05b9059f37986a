import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { loadDemo } from '../../electron/core/demo/load';
import { SIGNS } from '../../shared/domain/coachability';
import { testCtx } from './helpers';

const v = (r: ReturnType<typeof dispatch>): any => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const none = Object.fromEntries(SIGNS.map((s) => [s, 0]));

describe('coachability in the store', () => {
  it('the demo has a rep whose signs make a pattern and one whose single bad day does not', () => {
    const ctx = testCtx();
    loadDemo(ctx.db, ctx.clock, 42);
    const team = v(dispatch(ctx, 'coachability.team', {}));
    const byName = new Map(team.map((r: any) => [r.name, r.judgement]));
    expect(byName.get('Hiro Lindqvist')).toMatchObject({ status: 'pattern_check_cautions' });
    expect(byName.get('Grace Okafor')).toMatchObject({ status: 'watch' });
    // Most concerning first.
    expect(team[0].name).toBe('Hiro Lindqvist');
    // The manager's own mirror has its own observations.
    expect(v(dispatch(ctx, 'coachability.self', {})).observations.length).toBeGreaterThan(0);
  });

  it('records an observation with its seven ratings in one transaction; validates dates, ratings and context', () => {
    const ctx = testCtx();
    const ana = v(dispatch(ctx, 'reps.create', { name: 'Ana', role: 'field', quota: 1 })).id;
    const obs = { repId: ana, observedOn: '2026-11-20', context: 'call', ratings: { ...none, bad_listener: 3 }, evidence: { bad_listener: 'Talked over the buyer.' } };
    v(dispatch(ctx, 'coachability.record', obs));
    const rep = v(dispatch(ctx, 'coachability.rep', { repId: ana }));
    expect(rep.observations).toHaveLength(1);
    expect(rep.observations[0]).toMatchObject({ context: 'call', ratings: { bad_listener: 3, knows_it_all: 0 }, evidence: { bad_listener: 'Talked over the buyer.' } });
    expect(dispatch(ctx, 'coachability.record', { ...obs, observedOn: '2026-11-25' })).toMatchObject({ ok: false, error: { field: 'observedOn' } });
    expect(dispatch(ctx, 'coachability.record', { ...obs, ratings: { ...none, lone_wolf: 4 } })).toMatchObject({ ok: false, error: { field: 'ratings.lone_wolf' } });
    expect(dispatch(ctx, 'coachability.record', { ...obs, context: 'self' })).toMatchObject({ ok: false, error: { field: 'context' } });
    expect(ctx.db.prepare('SELECT COUNT(*) AS n FROM coachability_ratings').get()).toEqual({ n: 7 });
  });

  it('stores the cautions per rep and the rule reads them', () => {
    const ctx = testCtx();
    const ana = v(dispatch(ctx, 'reps.create', { name: 'Ana', role: 'field', quota: 1 })).id;
    for (const d of ['2026-10-13', '2026-10-27', '2026-11-10', '2026-11-20']) {
      v(dispatch(ctx, 'coachability.record', { repId: ana, observedOn: d, context: 'one_on_one', ratings: { ...none, knows_it_all: 2, resists_change: 3 } }));
    }
    expect(v(dispatch(ctx, 'coachability.rep', { repId: ana })).judgement.status).toBe('pattern_check_cautions');
    v(dispatch(ctx, 'coachability.setCautions', { repId: ana, answers: { skillsGap: 'no', coachingApproach: 'no', trust: 'yes', anotherCoach: 'yes' } }));
    const j = v(dispatch(ctx, 'coachability.rep', { repId: ana })).judgement;
    expect(j.status).toBe('uncoachable');
    expect(j.signs).toEqual(['knows_it_all', 'resists_change']);
  });
});
