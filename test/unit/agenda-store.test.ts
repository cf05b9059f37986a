import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { fixedClock } from '../../electron/core/clock';
import type { Ctx } from '../../electron/core/context';
import type { ProposedItem } from '../../shared/schemas/oneOnOnes';
import { loadDemo } from '../../electron/core/demo/load';
import { testCtx } from './helpers';

/**
 * "Prepare" against a real store, one source of proposals at a time, with every expectation
 * worked out by hand from the rows written here (defaults: big deal $100,000, late stages
 * Proposal and Negotiation, 3 deals per rep, attention points 10 / 3 / 1, horizon 90 days).
 */

const v = (r: ReturnType<typeof dispatch>): any => {
  if (!r.ok) throw new Error(`${r.error.message} (${r.error.field ?? ''})`);
  return r.value;
};

const TODAY = '2026-11-24';
const ALL_PASS = { different: 'pass', compelling: 'pass', tailored: 'pass', measurable: 'pass', time_bound: 'pass', memorable: 'pass', defendable: 'pass' } as const;

function team(ctx: Ctx) {
  const ana = v(dispatch(ctx, 'reps.create', { name: 'Ana Reyes', role: 'field', quota: 300000 })).id as number;
  const ben = v(dispatch(ctx, 'reps.create', { name: 'Ben Ode', role: 'field', quota: 300000 })).id as number;
  // The last meeting, held and closed on Nov 10: "since" for new opportunities.
  const last = v(dispatch(ctx, 'oneOnOnes.schedule', { repId: ana, meetingDate: '2026-11-10' }));
  v(dispatch(ctx, 'oneOnOnes.close', { id: last.id }));
  const meeting = v(dispatch(ctx, 'oneOnOnes.schedule', { repId: ana, meetingDate: TODAY })).id as number;
  return { ana, ben, meeting };
}

const deal = (ctx: Ctx, repId: number, name: string, stage: string, amount: number, over: Record<string, unknown> = {}): number =>
  v(dispatch(ctx, 'deals.create', { repId, accountName: 'Birch', name, stage, amount, createdDate: '2026-11-01', lastActivityDate: '2026-11-23', ...over })).id;

/** Promises are made before they fall due: write them on Nov 15, prepare on the 24th. */
function promise(ctx: Ctx, c: { repId: number; owner: 'rep' | 'manager'; text: string; dueDate: string }): number {
  ctx.clock = fixedClock('2026-11-15');
  const id = v(dispatch(ctx, 'commitments.create', c)).id as number;
  ctx.clock = fixedClock(TODAY);
  return id;
}

const prepare = (ctx: Ctx, id: number): ProposedItem[] => v(dispatch(ctx, 'oneOnOnes.prepare', { id, asOf: TODAY })).items;
const of = (items: ProposedItem[], kind: ProposedItem['sourceKind']) => items.filter((i) => i.sourceKind === kind);

describe('prepare: each source of proposals, worked by hand', () => {
  it('commitments: the rep’s open ones only, overdue first then by due date, in the owner’s words', () => {
    const ctx = testCtx(TODAY);
    const { ana, ben, meeting } = team(ctx);
    const later = promise(ctx, { repId: ana, owner: 'manager', text: 'Call the Birch CFO', dueDate: '2026-12-01' });
    const overdue = promise(ctx, { repId: ana, owner: 'rep', text: 'Send the mutual plan to Birch', dueDate: '2026-11-20' });
    const done = promise(ctx, { repId: ana, owner: 'rep', text: 'Book the demo', dueDate: '2026-11-18' });
    v(dispatch(ctx, 'commitments.setStatus', { id: done, status: 'done', on: '2026-11-19' }));
    // Made in this meeting and already kept: the meeting lists it, Prepare must not propose it.
    const keptHere = v(dispatch(ctx, 'commitments.create', { repId: ana, owner: 'rep', text: 'Share the case study', dueDate: TODAY, oneOnOneId: meeting })).id;
    v(dispatch(ctx, 'commitments.setStatus', { id: keptHere, status: 'done', on: TODAY }));
    expect(v(dispatch(ctx, 'oneOnOnes.get', { id: meeting })).commitments.map((c: any) => c.text)).toContain('Share the case study');
    promise(ctx, { repId: ben, owner: 'rep', text: 'Ben’s own promise', dueDate: '2026-11-20' });

    expect(of(prepare(ctx, meeting), 'commitment')).toEqual([
      {
        title: 'Their commitment: Send the mutual plan to Birch',
        detail: 'Overdue since Nov 20, 2026 (4 days). Done, dropped, or a new date?',
        sourceKind: 'commitment',
        sourceId: overdue,
        minutes: 2,
        why: 'Overdue by 4 days: promises come first',
        selected: true,
      },
      { title: 'My commitment: Call the Birch CFO', detail: 'Due Dec 1, 2026.', sourceKind: 'commitment', sourceId: later, minutes: 2, why: 'A promise due Dec 1, 2026', selected: true },
    ]);
  });

  it('new opportunities: created after the last meeting up to the day prepared for, this rep only; none is called out', () => {
    const ctx = testCtx(TODAY);
    const { ana, ben, meeting } = team(ctx);
    expect(of(prepare(ctx, meeting), 'new_opps')).toEqual([
      { title: 'No new opportunities since Nov 10, 2026', detail: 'Ask: what are you doing to create new opportunities this week?', sourceKind: 'new_opps', sourceId: null, minutes: 3, why: 'Activity: nothing new created', selected: true },
    ]);
    deal(ctx, ana, 'On the meeting day', 'Discovery', 5000, { createdDate: '2026-11-10' }); // not after Nov 10
    deal(ctx, ana, 'Kiosk pilot', 'Discovery', 5000, { createdDate: '2026-11-11' });
    deal(ctx, ana, 'Scanner trial', 'Prospecting', 5000, { createdDate: TODAY, accountName: null, lastActivityDate: null });
    deal(ctx, ben, 'Ben’s new deal', 'Discovery', 5000, { createdDate: '2026-11-12' });
    expect(of(prepare(ctx, meeting), 'new_opps')).toEqual([
      { title: '2 new opportunities since Nov 10, 2026', detail: 'Kiosk pilot (Birch); Scanner trial', sourceKind: 'new_opps', sourceId: null, minutes: 3, why: 'Activity since the last meeting', selected: true },
    ]);
  });

  it('deals: the top of the rep’s attention ranking, as many as the setting says, each with its reason and question', () => {
    const ctx = testCtx(TODAY);
    const { ana, ben, meeting } = team(ctx);
    // Attention = points × (1 + size) × (1 + nearness); all created Nov 1 (23 days in stage, under
    // every limit), active yesterday, no stakeholders recorded (not tracked), nothing closed (no cycle).
    // big late overdue: close passed (critical 10) + value prop gap (warning 3) = 13 × (1 + 2) × 2 = 78
    const bigOverdue = deal(ctx, ana, 'Big overdue', 'Negotiation', 200000, { expectedCloseDate: '2026-11-20' });
    // small late overdue: critical 10 × 1.2 × 2 = 24
    const smallOverdue = deal(ctx, ana, 'Small overdue', 'Proposal', 20000, { expectedCloseDate: '2026-11-20' });
    // big late, closes in 127 days (beyond the horizon): value prop gap 3 × (1 + 1.5) × 1 = 7.5 → 8
    const bigLater = deal(ctx, ana, 'Big later', 'Proposal', 150000, { expectedCloseDate: '2027-03-31' });
    // early overdue: close passed is info 1 × 1.5 × 2 = 3
    deal(ctx, ana, 'Early overdue', 'Discovery', 50000, { expectedCloseDate: '2026-11-20' });
    // no flag at all
    deal(ctx, ana, 'Healthy', 'Discovery', 30000, { expectedCloseDate: '2027-01-30' });
    // another rep's worst deal never reaches Ana's agenda
    deal(ctx, ben, 'Ben’s overdue', 'Negotiation', 900000, { expectedCloseDate: '2026-11-02' });

    const ranked = v(dispatch(ctx, 'pipeline.open', { asOf: TODAY, repId: ana })).deals;
    expect(ranked.map((d: any) => [d.name, d.attention])).toEqual([['Big overdue', 78], ['Small overdue', 24], ['Big later', 8], ['Early overdue', 3], ['Healthy', 0]]);
    const deals = of(prepare(ctx, meeting), 'deal');
    expect(deals.map((d) => d.sourceId)).toEqual([bigOverdue, smallOverdue, bigLater]);
    expect(deals[0]!.title).toBe('Deal: Big overdue (Birch, $200,000)');
    expect(deals[0]!.detail).toMatch(/^Critical: Close date passed and 1 more .*Expected to close on Nov 20, 2026, 4 days ago\..* Ask: How do you know this deal is still alive, and what date has the buyer committed to\?$/);
    expect(deals[2]!.detail).toMatch(/Ask: How do you know they will choose you/);

    const { triage } = v(dispatch(ctx, 'settings.get', {}));
    v(dispatch(ctx, 'settings.update', { triage: { ...triage, perRep: 1 } }));
    expect(of(prepare(ctx, meeting), 'deal').map((d) => d.sourceId)).toEqual([bigOverdue]);
  });

  it('value propositions: big late-stage deals not yet passing, the three biggest, with the latest check’s score and weak tests', () => {
    const ctx = testCtx(TODAY);
    const { ana, meeting } = team(ctx);
    const far = { expectedCloseDate: '2027-03-31' };
    const a = deal(ctx, ana, 'Alpha', 'Negotiation', 400000, far);
    const b = deal(ctx, ana, 'Bravo', 'Proposal', 300000, far);
    const c = deal(ctx, ana, 'Charlie', 'Proposal', 200000, far);
    deal(ctx, ana, 'Delta', 'Negotiation', 150000, far); // fourth biggest gap: left out
    const passing = deal(ctx, ana, 'Echo', 'Negotiation', 500000, far);
    deal(ctx, ana, 'Small late', 'Proposal', 99000, far); // under the big-deal amount: no check needed
    deal(ctx, ana, 'Big early', 'Discovery', 800000, far); // not late yet: no check needed
    v(dispatch(ctx, 'valueProps.assess', { dealId: passing, assessedOn: '2026-11-20', statement: 'Cuts stock-outs by half in a quarter.', results: Object.fromEntries(Object.entries(ALL_PASS).map(([k, r]) => [k, { result: r }])) }));
    // Bravo: an old failing check, then a better one: the latest counts (5 pass, 1 partial, 1 fail = 5.5).
    v(dispatch(ctx, 'valueProps.assess', { dealId: b, assessedOn: '2026-11-02', statement: 'Cheaper.', results: Object.fromEntries(Object.keys(ALL_PASS).map((k) => [k, { result: 'fail' }])) }));
    v(dispatch(ctx, 'valueProps.assess', { dealId: b, assessedOn: '2026-11-18', statement: 'Halves their close time.', results: { ...Object.fromEntries(Object.entries(ALL_PASS).map(([k, r]) => [k, { result: r }])), measurable: { result: 'partial' }, defendable: { result: 'fail' } } }));

    expect(of(prepare(ctx, meeting), 'value_prop').map(({ title, detail, sourceKind, sourceId }) => ({ title, detail, sourceKind, sourceId }))).toEqual([
      { title: 'Value proposition: Alpha ($400,000)', detail: 'Not assessed yet. Ask: can anybody else do what you do, the way you do it?', sourceKind: 'value_prop', sourceId: a },
      { title: 'Value proposition: Bravo ($300,000)', detail: 'Scores 5.5 / 7; not yet passing: Measurable, Defendable. Ask: can anybody else do what you do, the way you do it?', sourceKind: 'value_prop', sourceId: b },
      { title: 'Value proposition: Charlie ($200,000)', detail: 'Not assessed yet. Ask: can anybody else do what you do, the way you do it?', sourceKind: 'value_prop', sourceId: c },
    ]);
  });

  it('coachability: nothing for one bad day; the Coachability screen’s own headline once it is a pattern', () => {
    const ctx = testCtx(TODAY);
    const { ana, meeting } = team(ctx);
    // 0 not seen … 3 all the time
    const bad = { bad_listener: 2, not_open_to_feedback: 3, knows_it_all: 2, lone_wolf: 1, self_centred: 1, resists_change: 2, passive_aggressive: 1 };
    const observe = (on: string) => v(dispatch(ctx, 'coachability.record', { repId: ana, observedOn: on, context: 'one_on_one', ratings: bad }));
    observe('2026-11-20');
    expect(of(prepare(ctx, meeting), 'coachability')).toEqual([]);
    observe('2026-10-01');
    observe('2026-10-20');
    observe('2026-11-05');
    const judged = v(dispatch(ctx, 'coachability.rep', { repId: ana, asOf: TODAY })).judgement;
    const items = of(prepare(ctx, meeting), 'coachability');
    expect(items).toHaveLength(1);
    expect(items[0]!.title).toBe(`Coachability: ${judged.headline}`);
    expect(items[0]!.detail).toMatch(/^Signs seen often: .*Bring the examples; check first whether it is a skills gap or the coaching approach\.$/);
  });

  it('development: the running plan’s drivers, day and metric; nothing without a plan', () => {
    const ctx = testCtx(TODAY);
    const { ana, meeting } = team(ctx);
    expect(of(prepare(ctx, meeting), 'development')).toEqual([]);
    const plan = v(dispatch(ctx, 'development.startPlan', { repId: ana, drivers: ['win_rate', 'new_opps'], metric: 'new_opps', startDate: '2026-11-01', lengthDays: 60 }));
    const items = of(prepare(ctx, meeting), 'development');
    expect(items).toHaveLength(1);
    // Day 1 is Nov 1, so Nov 24 is day 24; check-ins fall every 14 days, the first on Nov 15 and not recorded.
    expect(items.map(({ minutes: _m, why: _w, selected: _s, ...i }) => i)).toEqual([
      {
        title: 'Development check-in: win rate and new opportunities per week (day 24 of 60)',
        detail: 'New opportunities per week: 0 before the plan, 0 so far. Check-in due Nov 15, 2026: what did you try, what changed?',
        sourceKind: 'development',
        sourceId: plan.id,
      },
    ]);
    v(dispatch(ctx, 'development.checkin', { planId: plan.id, note: 'Two cold-call blocks a week.' }));
    expect(of(prepare(ctx, meeting), 'development')[0]!.title).toBe('Development focus: win rate and new opportunities per week (day 24 of 60)');
  });

  it('development: a check-in falling due on the meeting day is asked for that day', () => {
    const ctx = testCtx(TODAY);
    const { ana, meeting } = team(ctx);
    v(dispatch(ctx, 'development.startPlan', { repId: ana, drivers: ['cycle'], metric: 'cycle', startDate: '2026-11-10', lengthDays: 60 }));
    // Nov 10 + 14 days = Nov 24, today.
    expect(of(prepare(ctx, meeting), 'development')[0]!.detail).toMatch(/ Check-in due Nov 24, 2026: what did you try, what changed\?$/);
  });

  it('what is already on the agenda is not proposed again; the rest still is', () => {
    const ctx = testCtx(TODAY);
    const { ana, meeting } = team(ctx);
    const overdue = promise(ctx, { repId: ana, owner: 'rep', text: 'Send the plan', dueDate: '2026-11-20' });
    const first = prepare(ctx, meeting);
    v(dispatch(ctx, 'oneOnOnes.saveAgenda', { id: meeting, items: first.filter((i) => i.sourceKind === 'commitment').map((i) => ({ ...i, addedBy: 'prepared' })) }));
    const again = prepare(ctx, meeting);
    expect(again.some((i) => i.sourceKind === 'commitment' && i.sourceId === overdue)).toBe(false);
    expect(again.map((i) => i.sourceKind)).toEqual(['new_opps']);
  });
});

describe('a meeting that fits its time', () => {
  it('fits the ranking to 30 minutes and seven items; the rest are also worth raising, unticked', () => {
    const ctx = testCtx(TODAY);
    const { ana, meeting } = team(ctx);
    // Two items the manager wrote: 3 minutes each, 6 of the 30 gone, 5 of 7 places left.
    v(dispatch(ctx, 'oneOnOnes.saveAgenda', { id: meeting, items: [{ title: 'Holiday cover' }, { title: 'Team offsite' }] }));
    const overdue = promise(ctx, { repId: ana, owner: 'rep', text: 'Send the plan', dueDate: '2026-11-20' });
    const far = { expectedCloseDate: '2026-11-20' };
    const d1 = deal(ctx, ana, 'One', 'Negotiation', 90000, far);
    const d2 = deal(ctx, ana, 'Two', 'Proposal', 80000, far);
    const d3 = deal(ctx, ana, 'Three', 'Proposal', 70000, far);
    const plan = v(dispatch(ctx, 'development.startPlan', { repId: ana, drivers: ['cycle'], metric: 'cycle', startDate: '2026-11-01', lengthDays: 60 })).id;
    const prepared = v(dispatch(ctx, 'oneOnOnes.prepare', { id: meeting, asOf: TODAY }));
    // Overdue promise 2 + three deals 15 + development 4 = 21 minutes, 5 items: 27 of 30, 7 of 7.
    expect(prepared.items.filter((i: any) => i.selected).map((i: any) => [i.sourceKind, i.sourceId, i.minutes])).toEqual([
      ['commitment', overdue, 2],
      ['deal', d1, 5],
      ['deal', d2, 5],
      ['deal', d3, 5],
      ['development', plan, 4],
    ]);
    expect(prepared).toMatchObject({ meetingMinutes: 30, onAgendaMinutes: 6, selectedMinutes: 21, dropped: [] });
    // Activity still comes up, unticked: the agenda is full.
    expect(prepared.items.filter((i: any) => !i.selected).map((i: any) => i.sourceKind)).toEqual(['new_opps']);
  });

  it('a longer meeting (a setting per rep, 10 to 180 minutes) takes more; a bad length names the field', () => {
    const ctx = testCtx(TODAY);
    const { ana, meeting } = team(ctx);
    expect(dispatch(ctx, 'reps.setMeetingLength', { repId: ana, minutes: 5 })).toMatchObject({ ok: false, error: { field: 'minutes', message: expect.stringMatching(/at least 10 minutes/) } });
    for (let k = 0; k < 6; k++) deal(ctx, ana, `Deal ${k}`, 'Proposal', 20000, { expectedCloseDate: '2026-11-20' });
    const { triage } = v(dispatch(ctx, 'settings.get', {}));
    v(dispatch(ctx, 'settings.update', { triage: { ...triage, perRep: 6 } }));
    // 30 minutes: six deals take all 30; the activity item (3 more) waits.
    const short = v(dispatch(ctx, 'oneOnOnes.prepare', { id: meeting, asOf: TODAY }));
    expect(short.items.map((i: any) => [i.sourceKind, i.selected])).toEqual([...Array(6).fill(['deal', true]), ['new_opps', false]]);
    v(dispatch(ctx, 'reps.setMeetingLength', { repId: ana, minutes: 45 }));
    const long = v(dispatch(ctx, 'oneOnOnes.prepare', { id: meeting, asOf: TODAY }));
    expect(long.meetingMinutes).toBe(45);
    // Seven places: six deals and the activity item, 33 minutes.
    expect(long.items.filter((i: any) => i.selected)).toHaveLength(7);
    expect(long.selectedMinutes).toBe(33);
  });

  it('a proposal turned down, or a prepared item taken off, is not proposed again for that meeting', () => {
    const ctx = testCtx(TODAY);
    const { ana, meeting } = team(ctx);
    const a = deal(ctx, ana, 'Alpha', 'Proposal', 20000, { expectedCloseDate: '2026-11-20' });
    const b = deal(ctx, ana, 'Bravo', 'Proposal', 10000, { expectedCloseDate: '2026-11-20' });
    v(dispatch(ctx, 'oneOnOnes.dismiss', { id: meeting, sourceKind: 'deal', sourceId: a }));
    const first = v(dispatch(ctx, 'oneOnOnes.prepare', { id: meeting, asOf: TODAY })).items;
    expect(first.some((i: any) => i.sourceId === a)).toBe(false);
    // Accept Bravo, then take it off the agenda again.
    const bravo = first.find((i: any) => i.sourceId === b);
    v(dispatch(ctx, 'oneOnOnes.saveAgenda', { id: meeting, items: [{ ...bravo, addedBy: 'prepared' }] }));
    v(dispatch(ctx, 'oneOnOnes.saveAgenda', { id: meeting, items: [] }));
    expect(v(dispatch(ctx, 'oneOnOnes.prepare', { id: meeting, asOf: TODAY })).items.filter((i: any) => i.sourceKind === 'deal')).toEqual([]);
    // Another meeting with Ana still hears about both.
    const other = v(dispatch(ctx, 'oneOnOnes.schedule', { repId: ana, meetingDate: '2026-12-01' })).id;
    expect(v(dispatch(ctx, 'oneOnOnes.prepare', { id: other, asOf: TODAY })).items.filter((i: any) => i.sourceKind === 'deal').map((i: any) => i.sourceId)).toEqual([a, b]);
    expect(dispatch(ctx, 'oneOnOnes.dismiss', { id: meeting, sourceKind: 'nonsense', sourceId: 1 })).toMatchObject({ ok: false, error: { field: 'sourceKind' } });
  });
});

describe('carry-forward checks the data again', () => {
  it('only what is still true is carried; what turned false since is taken off at Prepare, saying why', () => {
    const ctx = testCtx('2026-11-17');
    const ana = v(dispatch(ctx, 'reps.create', { name: 'Ana Reyes', role: 'field', quota: 300000 })).id;
    const meeting = v(dispatch(ctx, 'oneOnOnes.schedule', { repId: ana, meetingDate: '2026-11-17' })).id;
    const keepDeal = deal(ctx, ana, 'Renewal', 'Proposal', 20000, { createdDate: '2026-11-01', expectedCloseDate: '2026-11-16', lastActivityDate: '2026-11-16' });
    const winsLater = deal(ctx, ana, 'Upsell', 'Proposal', 30000, { createdDate: '2026-11-01', expectedCloseDate: '2026-11-16', lastActivityDate: '2026-11-16' });
    const keptNow = v(dispatch(ctx, 'commitments.create', { repId: ana, owner: 'rep', text: 'Send the deck', dueDate: '2026-11-20' })).id;
    const keptLater = v(dispatch(ctx, 'commitments.create', { repId: ana, owner: 'rep', text: 'Call procurement', dueDate: '2026-11-21' })).id;
    const proposed = v(dispatch(ctx, 'oneOnOnes.prepare', { id: meeting })).items;
    v(dispatch(ctx, 'oneOnOnes.saveAgenda', { id: meeting, items: [...proposed.map((p: any) => ({ ...p, addedBy: 'prepared' })), { title: 'Holiday cover' }] }));
    // Kept during the meeting: not carried as unfinished business.
    v(dispatch(ctx, 'commitments.setStatus', { id: keptNow, status: 'done', on: '2026-11-17' }));
    const next = v(dispatch(ctx, 'oneOnOnes.close', { id: meeting })).next;
    const carried = v(dispatch(ctx, 'oneOnOnes.get', { id: next.id })).items;
    // The activity count is never carried (next week's is fresh); the kept promise neither.
    // (Upsell, the bigger deal, ranks above Renewal.)
    expect(carried.map((i: any) => [i.sourceKind, i.sourceId])).toEqual([
      ['deal', winsLater],
      ['deal', keepDeal],
      ['commitment', keptLater],
      [null, null],
    ]);

    // During the week: Upsell is won, procurement is called.
    ctx.clock = fixedClock('2026-11-23');
    v(dispatch(ctx, 'deals.close', { id: winsLater, outcome: 'won', closedDate: '2026-11-20' }));
    v(dispatch(ctx, 'commitments.setStatus', { id: keptLater, status: 'done', on: '2026-11-21' }));
    const prepared = v(dispatch(ctx, 'oneOnOnes.prepare', { id: next.id, asOf: '2026-11-23' }));
    expect(prepared.dropped).toEqual([
      { title: 'Deal: Upsell (Birch, $30,000)', why: 'the deal was won on Nov 20, 2026' },
      { title: 'Their commitment: Call procurement', why: 'kept on Nov 21, 2026' },
    ]);
    expect(v(dispatch(ctx, 'oneOnOnes.get', { id: next.id })).items.map((i: any) => [i.sourceKind, i.sourceId])).toEqual([
      ['deal', keepDeal],
      [null, null],
    ]);
  });

  it('a meeting planned for a later day closes only when moved to today', () => {
    const ctx = testCtx(TODAY);
    const { ana } = team(ctx);
    const later = v(dispatch(ctx, 'oneOnOnes.schedule', { repId: ana, meetingDate: '2026-12-01' })).id;
    expect(dispatch(ctx, 'oneOnOnes.close', { id: later })).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'meetingDate', message: 'This one-on-one is planned for Dec 1, 2026. To close it now, move it to today.' },
    });
    expect(v(dispatch(ctx, 'oneOnOnes.get', { id: later })).meeting.status).toBe('planned');
    // Today already has a meeting with Ana (from team()): that one must be closed instead.
    expect(dispatch(ctx, 'oneOnOnes.close', { id: later, moveToToday: true })).toMatchObject({ ok: false, error: { field: 'meetingDate', message: expect.stringMatching(/already a one-on-one with Ana Reyes today/) } });
    const ctx2 = testCtx(TODAY);
    const ben = v(dispatch(ctx2, 'reps.create', { name: 'Ben Ode', role: 'field', quota: 1 })).id;
    const m = v(dispatch(ctx2, 'oneOnOnes.schedule', { repId: ben, meetingDate: '2026-12-01' })).id;
    expect(v(dispatch(ctx2, 'oneOnOnes.close', { id: m, moveToToday: true })).closed).toMatchObject({ meetingDate: TODAY, status: 'closed' });
  });
});

describe('the demo team', () => {
  it('every rep’s prepared agenda selects at most 7 items within the meeting’s minutes, counting what is already on it', () => {
    const ctx = testCtx(TODAY);
    loadDemo(ctx.db, ctx.clock, 42);
    const reps = v(dispatch(ctx, 'reps.list', {}));
    let prepared = 0;
    for (const rep of reps) {
      const m = v(dispatch(ctx, 'oneOnOnes.list', { repId: rep.id })).find((x: any) => x.status === 'planned');
      if (!m) continue;
      const p = v(dispatch(ctx, 'oneOnOnes.prepare', { id: m.id }));
      const onAgenda = v(dispatch(ctx, 'oneOnOnes.get', { id: m.id })).items.length;
      const selected = p.items.filter((i: any) => i.selected);
      expect(selected.length, rep.name).toBeLessThanOrEqual(7);
      expect(selected.length + onAgenda, rep.name).toBeLessThanOrEqual(Math.max(7, onAgenda));
      expect(p.onAgendaMinutes + p.selectedMinutes, rep.name).toBeLessThanOrEqual(Math.max(p.meetingMinutes, p.onAgendaMinutes));
      expect(p.selectedMinutes).toBe(selected.reduce((s: number, i: any) => s + i.minutes, 0));
      prepared++;
    }
    expect(prepared).toBeGreaterThanOrEqual(6);
  });
});

describe('presenting: the meeting as the rep may see it', () => {
  it('sends no private note, no prompt, no coachability item and no lock history; nothing of another rep', () => {
    const ctx = testCtx(TODAY);
    const { ana, ben, meeting } = team(ctx);
    deal(ctx, ben, 'Ben’s secret deal', 'Proposal', 50000, { expectedCloseDate: '2026-11-20' });
    promise(ctx, { repId: ben, owner: 'rep', text: 'Ben’s own promise', dueDate: '2026-11-20' });
    deal(ctx, ana, 'Renewal', 'Proposal', 20000, { expectedCloseDate: '2026-11-20' });
    v(dispatch(ctx, 'oneOnOnes.setPrivateNote', { id: meeting, note: 'Worried about burnout.' }));
    const prepared = v(dispatch(ctx, 'oneOnOnes.prepare', { id: meeting, asOf: TODAY })).items;
    v(dispatch(ctx, 'oneOnOnes.saveAgenda', { id: meeting, items: [...prepared.map((p: any) => ({ ...p, addedBy: 'prepared' })), { title: 'Coachability: be open to feedback', sourceKind: 'coachability', detail: 'Bring examples.' }] }));
    const own = v(dispatch(ctx, 'oneOnOnes.get', { id: meeting }));
    expect(own.meeting.privateNote).toBe('Worried about burnout.');
    expect(own.items.some((i: any) => i.detail)).toBe(true);

    const shared = v(dispatch(ctx, 'oneOnOnes.get', { id: meeting, presenting: true }));
    const text = JSON.stringify(shared);
    expect(shared.meeting.privateNote).toBeNull();
    expect(shared.items.every((i: any) => i.detail === null && i.sourceKind !== 'coachability')).toBe(true);
    expect(shared.items.map((i: any) => i.title)).toEqual(own.items.filter((i: any) => i.sourceKind !== 'coachability').map((i: any) => i.title));
    expect(shared.events).toEqual([]);
    for (const secret of ['Worried about burnout', 'How do you know', 'Bring examples', 'Ben Ode', 'Ben’s']) expect(text).not.toContain(secret);
  });
});
