import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { fixedClock } from '../../electron/core/clock';
import type { Ctx } from '../../electron/core/context';
import { exportDataFile } from '../../electron/core/data/exportData';
import { runCli } from '../../electron/cli/run';
import { closeDatabase, openDatabase } from '../../electron/core/db/open';
import { repWeekStanding, weekOf, weekStart } from '../../shared/domain/oneOnOneWeek';
import { tempDir, testCtx } from './helpers';

/**
 * The One-on-ones week, "Prepare the week", the calendar file and the prep pack, on a real
 * store. Today is Thursday Nov 26, 2026: the week runs Monday Nov 23 to Sunday Nov 29.
 */
const TODAY = '2026-11-26';
const v = (r: ReturnType<typeof dispatch>): any => {
  if (!r.ok) throw new Error(`${r.error.message} (${r.error.field ?? ''})`);
  return r.value;
};

describe('the week and a rep’s standing (pure rules)', () => {
  it('weeks run Monday to Sunday, across a month and a year', () => {
    expect(weekStart('2026-11-26')).toBe('2026-11-23'); // Thursday
    expect(weekStart('2026-11-23')).toBe('2026-11-23'); // Monday
    expect(weekStart('2026-11-29')).toBe('2026-11-23'); // Sunday belongs to the week before it
    expect(weekOf('2027-01-01')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
  });

  const week = weekOf(TODAY);
  it('a planned day passed without the meeting is overdue, before anything planned this week', () => {
    expect(repWeekStanding({ cadenceDays: 7, lastHeld: '2026-11-12', planned: ['2026-11-27', '2026-11-20'] }, week, TODAY)).toEqual({
      state: 'overdue',
      dueBy: '2026-11-19',
      daysPastCadence: 7,
      reason: 'Planned for Nov 20, 2026 and not held (6 days ago), 7 days past the 7-day cadence.',
    });
  });
  it('the due day itself is not past the cadence; the day after is 1 day past', () => {
    const on = repWeekStanding({ cadenceDays: 7, lastHeld: '2026-11-19', planned: [] }, week, TODAY);
    expect(on).toMatchObject({ state: 'due', dueBy: '2026-11-26', daysPastCadence: null, reason: 'Due by Nov 26, 2026: last held Nov 19, 2026.' });
    const after = repWeekStanding({ cadenceDays: 7, lastHeld: '2026-11-18', planned: [] }, week, TODAY);
    expect(after).toMatchObject({ state: 'due', daysPastCadence: 1, reason: 'Due Nov 25, 2026: last held Nov 18, 2026, 1 day past the 7-day cadence.' });
  });
  it('due on the week’s last day counts as due this week; the day after is "not due yet"', () => {
    expect(repWeekStanding({ cadenceDays: 10, lastHeld: '2026-11-19', planned: [] }, week, TODAY).state).toBe('due'); // due Nov 29
    expect(repWeekStanding({ cadenceDays: 11, lastHeld: '2026-11-19', planned: [] }, week, TODAY)).toMatchObject({
      state: 'not_planned',
      reason: 'Due by Nov 30, 2026; last held Nov 19, 2026.',
    });
  });
  it('never held and nothing planned is due now; planned after the week but due in it says both', () => {
    expect(repWeekStanding({ cadenceDays: 7, lastHeld: null, planned: [] }, week, TODAY)).toEqual({ state: 'due', dueBy: null, daysPastCadence: null, reason: 'Due now: none held yet.' });
    expect(repWeekStanding({ cadenceDays: 7, lastHeld: '2026-11-16', planned: ['2026-12-02'] }, week, TODAY).reason).toBe(
      'Due Nov 23, 2026: last held Nov 16, 2026, 3 days past the 7-day cadence. The next one is planned for Dec 2, 2026.',
    );
  });
});

/** Holds a one-on-one on its own day (closing is refused before the day); `during` runs before it closes. */
function held(ctx: Ctx, repId: number, date: string, during?: (id: number) => void): number {
  ctx.clock = fixedClock(date);
  const id = v(dispatch(ctx, 'oneOnOnes.schedule', { repId, meetingDate: date })).id as number;
  during?.(id);
  v(dispatch(ctx, 'oneOnOnes.close', { id }));
  ctx.clock = fixedClock(TODAY);
  return id;
}

function team(ctx: Ctx, atBensLast?: (id: number, ben: number) => void) {
  const rep = (name: string, cadence: number) => {
    const id = v(dispatch(ctx, 'reps.create', { name, role: 'field', quota: 300000 })).id as number;
    v(dispatch(ctx, 'reps.setCadence', { repId: id, days: cadence }));
    return id;
  };
  const ana = rep('Ana Reyes', 7);
  const ben = rep('Ben Ode', 14);
  const cy = rep('Cy Park', 7);
  const dee = rep('Dee Lund', 14);
  const eve = rep('Eve Marsh', 30);
  rep('Fay Ng', 7);
  const gus = rep('Gus Holt', 7);
  held(ctx, ana, '2026-11-12');
  const anaMissed = v(dispatch(ctx, 'oneOnOnes.schedule', { repId: ana, meetingDate: '2026-11-20' })).id as number;
  const benLast = held(ctx, ben, '2026-11-16', atBensLast && ((id) => atBensLast(id, ben)));
  const benNext = v(dispatch(ctx, 'oneOnOnes.schedule', { repId: ben, meetingDate: '2026-11-27' })).id as number;
  held(ctx, cy, '2026-11-10');
  held(ctx, dee, '2026-11-20');
  const deeNext = v(dispatch(ctx, 'oneOnOnes.schedule', { repId: dee, meetingDate: '2026-12-04' })).id as number;
  held(ctx, eve, '2026-11-20');
  v(dispatch(ctx, 'oneOnOnes.schedule', { repId: gus, meetingDate: '2026-11-27' }));
  v(dispatch(ctx, 'reps.archive', { id: gus }));
  return { ana, ben, cy, dee, eve, anaMissed, benLast, benNext, deeNext };
}

describe('oneOnOnes.week on a real store', () => {
  it('every active rep, most urgent first, with the meetings to hold and the next one after the week', () => {
    const ctx = testCtx(TODAY);
    const t = team(ctx);
    const week = v(dispatch(ctx, 'oneOnOnes.week', {}));
    expect([week.from, week.to, week.today]).toEqual(['2026-11-23', '2026-11-29', TODAY]);
    // Fay (none held) is due "now", before Cy (due Nov 17); Gus is archived.
    expect(week.reps.map((r: any) => [r.repName, r.standing.state])).toEqual([
      ['Ana Reyes', 'overdue'],
      ['Ben Ode', 'this_week'],
      ['Fay Ng', 'due'],
      ['Cy Park', 'due'],
      ['Dee Lund', 'planned'],
      ['Eve Marsh', 'not_planned'],
    ]);
    const ana = week.reps[0];
    expect(ana).toMatchObject({ lastHeld: '2026-11-12', toHold: [{ id: t.anaMissed, date: '2026-11-20', itemCount: 0 }], after: null, cadenceDays: 7, meetingMinutes: 30 });
    expect(week.reps[1]).toMatchObject({ lastHeld: '2026-11-16', toHold: [{ id: t.benNext, date: '2026-11-27' }], after: null });
    expect(week.reps[4]).toMatchObject({ toHold: [], after: { id: t.deeNext, date: '2026-12-04' } });
    expect(week.reps[3].standing.reason).toBe('Due Nov 17, 2026: last held Nov 10, 2026, 9 days past the 7-day cadence.');
    // The next week: Dee's meeting is in it; Ana's missed one is still to hold.
    const next = v(dispatch(ctx, 'oneOnOnes.week', { from: '2026-12-01' }));
    expect(next.from).toBe('2026-11-30');
    expect(next.reps.find((r: any) => r.repName === 'Dee Lund')).toMatchObject({ standing: { state: 'this_week' }, toHold: [{ id: t.deeNext }] });
    expect(next.reps.find((r: any) => r.repName === 'Ana Reyes').toHold.map((m: any) => m.id)).toEqual([t.anaMissed]);
  });
});

describe('Prepare the week', () => {
  /** Ben's meeting on Nov 27 lasts 10 minutes: an overdue promise (2 min), two late deals (5 each), new opportunities (3). */
  function bensWeek(ctx: Ctx) {
    const t = team(ctx, (meeting, ben) => v(dispatch(ctx, 'commitments.create', { repId: ben, owner: 'rep', text: 'Send the Birch plan', dueDate: '2026-11-20', oneOnOneId: meeting })));
    v(dispatch(ctx, 'reps.setMeetingLength', { repId: t.ben, minutes: 10 }));
    for (const [name, amount] of [['Birch renewal', 40000], ['Cedar pilot', 20000]] as const) {
      v(dispatch(ctx, 'deals.create', { repId: t.ben, accountName: 'Birch', name, stage: 'Proposal', amount, createdDate: '2026-11-18', expectedCloseDate: '2026-11-20', lastActivityDate: '2026-11-25' }));
    }
    return t;
  }

  it('adds to each meeting of the week what fits its length, in rank order, and nothing twice', () => {
    const ctx = testCtx(TODAY);
    const t = bensWeek(ctx);
    const r = v(dispatch(ctx, 'oneOnOnes.prepareWeek', {}));
    // Only Ben's meeting is planned in Nov 23-29 (Ana's missed one is the week before; Gus is archived).
    expect(r).toEqual({
      from: '2026-11-23',
      to: '2026-11-29',
      meetings: [{ id: t.benNext, repName: 'Ben Ode', date: '2026-11-27', added: 3, dropped: 0, agendaMinutes: 10, meetingMinutes: 10 }],
    });
    // 2 + 5 = 7; the second deal (5) would make 12, so it waits; new opportunities (3) make 10.
    const items = v(dispatch(ctx, 'oneOnOnes.get', { id: t.benNext })).items;
    expect(items.map((i: any) => [i.sourceKind, i.addedBy])).toEqual([
      ['commitment', 'prepared'],
      ['deal', 'prepared'],
      ['new_opps', 'prepared'],
    ]);
    expect(items[0].title).toBe('Their commitment: Send the Birch plan');
    expect(items[2].title).toBe('2 new opportunities since Nov 16, 2026');
    // Again: the agenda is full and nothing on it is proposed twice.
    const again = v(dispatch(ctx, 'oneOnOnes.prepareWeek', { from: '2026-11-23' }));
    expect(again.meetings[0]).toMatchObject({ added: 0, agendaMinutes: 10 });
    expect(v(dispatch(ctx, 'oneOnOnes.get', { id: t.benNext })).items).toHaveLength(3);
  });

  it('a week with no meeting planned prepares nothing', () => {
    const ctx = testCtx(TODAY);
    bensWeek(ctx);
    expect(v(dispatch(ctx, 'oneOnOnes.prepareWeek', { from: '2026-12-14' }))).toEqual({ from: '2026-12-14', to: '2026-12-20', meetings: [] });
  });
});

/** Unfolds an iCalendar file's lines (RFC 5545 3.1) into one entry per property. */
const unfold = (ics: string): string[] => ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);

describe('the calendar file', () => {
  it('one all-day event per planned meeting from today on, with a stable UID, and nothing private', () => {
    const ctx = testCtx(TODAY);
    const t = team(ctx);
    // A name with iCalendar's special characters, and a private note that must stay out.
    const odd = v(dispatch(ctx, 'reps.create', { name: 'Zoë O’Neil; Sales, East', role: 'field', quota: 1 })).id as number;
    const oddMeeting = v(dispatch(ctx, 'oneOnOnes.schedule', { repId: odd, meetingDate: '2026-12-31' })).id as number;
    v(dispatch(ctx, 'oneOnOnes.setPrivateNote', { id: t.benNext, note: 'Worried about burnout' }));
    const file = path.join(tempDir(), 'cal.ics');
    expect(exportDataFile(ctx, 'calendar', file)).toBe(3);
    const raw = fs.readFileSync(file, 'utf8');
    // Long lines are folded (by characters: calendar programs read longer UTF-8 lines too).
    expect(raw.split('\r\n').every((l) => [...l].length <= 76)).toBe(true);
    expect(raw).toMatch(/\r\n\t/);
    const lines = unfold(raw);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    const events = raw.split('BEGIN:VEVENT').slice(1).map(unfold);
    // Ben Nov 27, Dee Dec 4, Zoë Dec 31; not Ana's missed Nov 20, not archived Gus.
    expect(events.map((e) => e.find((l) => l.startsWith('UID:')))).toEqual([
      `UID:one-on-one-${t.benNext}@sales-manager-workbench`,
      `UID:one-on-one-${t.deeNext}@sales-manager-workbench`,
      `UID:one-on-one-${oddMeeting}@sales-manager-workbench`,
    ]);
    expect(events[0]).toEqual(expect.arrayContaining(['DTSTART;VALUE=DATE:20261127', 'DTEND;VALUE=DATE:20261128', 'SUMMARY:One-on-one with Ben Ode (30 min)', 'TRANSP:TRANSPARENT']));
    expect(events[2]).toContain('SUMMARY:One-on-one with Zoë O’Neil\\; Sales\\, East (30 min)');
    expect(events[2]).toContain('DTEND;VALUE=DATE:20270101');
    expect(raw).not.toContain('burnout');
  });

  it('with nothing planned it is still a calendar a calendar program opens', () => {
    const ctx = testCtx(TODAY);
    const file = path.join(tempDir(), 'empty.ics');
    expect(exportDataFile(ctx, 'calendar', file)).toBe(0);
    expect(unfold(fs.readFileSync(file, 'utf8'))).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', 'CALSCALE:GREGORIAN', 'PRODID:-//Sales Manager Workbench//One-on-ones//EN', 'METHOD:PUBLISH', 'X-WR-CALNAME:One-on-ones', 'END:VCALENDAR']);
  });
});

describe('the prep pack', () => {
  it('per meeting: the agenda with minutes and the numbers behind it, and last meeting’s commitments whatever became of them', () => {
    const ctx = testCtx(TODAY);
    let kept = 0;
    const t = team(ctx, (meeting, ben) => {
      kept = v(dispatch(ctx, 'commitments.create', { repId: ben, owner: 'manager', text: 'Join the Birch call', dueDate: '2026-11-18', oneOnOneId: meeting })).id;
      v(dispatch(ctx, 'commitments.create', { repId: ben, owner: 'rep', text: 'Send the Birch plan', dueDate: '2026-11-20', oneOnOneId: meeting }));
      v(dispatch(ctx, 'oneOnOnes.setPrivateNote', { id: meeting, note: 'Wants the team lead role' }));
    });
    v(dispatch(ctx, 'commitments.setStatus', { id: kept, status: 'done', on: '2026-11-18' }));
    v(dispatch(ctx, 'oneOnOnes.prepareWeek', {}));
    v(dispatch(ctx, 'oneOnOnes.saveAgenda', {
      id: t.benNext,
      items: [...v(dispatch(ctx, 'oneOnOnes.get', { id: t.benNext })).items, { title: 'Career: the team lead role', detail: null, addedBy: 'manager' }],
    }));
    // The last meeting's private note is only in the manager's copy, when asked for.
    const doc = v(dispatch(ctx, 'export.document', { doc: { kind: 'week', from: '2026-11-23' } }));
    expect(doc.filename).toBe('prep-pack-2026-11-23');
    const md: string = doc.markdown;
    expect(md).toContain('# One-on-ones: week of Nov 23, 2026');
    expect(md).toContain('Nov 23, 2026 to Nov 29, 2026 · 1 one-on-one');
    expect(md).toContain('| Fri Nov 27, 2026 | **Ben Ode** | 3 items — about 8 of 30 min | Not enough data |');
    expect(md).toContain('## Ben Ode · Friday Nov 27, 2026');
    expect(md).toContain('| Meeting | 30 minutes; the agenda takes about 8 |');
    expect(md).toContain('| Coverage needed / actual | no win rate yet |');
    expect(md).toContain('| Won Q4 2026 | $0 of $300,000 quota (0%, $300,000 to go) |');
    expect(md).toContain('| Last held | Nov 16, 2026 |');
    expect(md).toContain('| 1 | **Their commitment: Send the Birch plan** — _Overdue since Nov 20, 2026 (6 days). Done, dropped, or a new date?_ | 2 min | The data |');
    expect(md).toContain('| 2 | **No new opportunities since Nov 16, 2026** — _Ask: what are you doing to create new opportunities this week?_ | 3 min | The data |');
    expect(md).toContain('| 3 | **Career: the team lead role** | 3 min | You |');
    expect(md).toContain('### Commitments from the last meeting (Nov 16, 2026)');
    expect(md).toContain('| Join the Birch call | The manager | Nov 18, 2026 | Done Nov 18, 2026 |');
    expect(md).toContain('| Send the Birch plan | Ben Ode | Nov 20, 2026 | **Overdue** |');
    // The overdue promise is on the agenda: it is not listed a second time.
    expect(md).not.toContain('Other overdue commitments');
    expect(md).not.toContain('team lead role\n'); // the private note
    expect(md).not.toContain('Wants the team lead role');
    expect(md).toContain('Private notes:** Not included');

    const mine = v(dispatch(ctx, 'export.document', { doc: { kind: 'week', from: '2026-11-23' }, includePrivate: true }));
    expect(mine.markdown).toContain('> **Private note from the last meeting: for the manager only**\n>\n> Wants the team lead role');
    // Each rep starts a printed page.
    expect(mine.html.match(/class="page-break"/g)).toHaveLength(1);
  });

  it('a week with nothing planned says so and where to plan', () => {
    const ctx = testCtx(TODAY);
    const md = v(dispatch(ctx, 'export.document', { doc: { kind: 'week', from: '2026-12-14' } })).markdown;
    expect(md).toContain('No one-on-ones are planned from Dec 14, 2026 to Dec 20, 2026. Plan them in the One-on-ones section.');
  });
});

describe('CLI: export calendar and export week', () => {
  function cli(args: string[]) {
    let out = '';
    let err = '';
    return Promise.resolve(runCli(args, { out: (s) => (out += s), err: (s) => (err += s) }, fixedClock(TODAY))).then((code) => ({ code, out, err }));
  }

  it('writes the files from a store, and names a wrong option in one line', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'team.db');
    const db = openDatabase(dbPath);
    const ctx: Ctx = { db, clock: fixedClock(TODAY), dbPath, shell: 'web' };
    const t = team(ctx);
    closeDatabase(db);

    const ics = path.join(dir, 'week.ics');
    expect(await cli(['export', 'calendar', '--db', dbPath, '--out', ics])).toMatchObject({ code: 0, out: `Wrote ${ics}\n` });
    expect(fs.readFileSync(ics, 'utf8').match(/BEGIN:VEVENT/g)).toHaveLength(2);
    // --from: the meetings from that day on (Ana's missed one included).
    expect(await cli(['export', 'calendar', '--db', dbPath, '--out', ics, '--from', '2026-11-01'])).toMatchObject({ code: 0 });
    expect(fs.readFileSync(ics, 'utf8')).toContain(`UID:one-on-one-${t.anaMissed}@`);

    const md = path.join(dir, 'pack.md');
    expect(await cli(['export', 'week', '--db', dbPath, '--from', '2026-11-30', '--out', md])).toMatchObject({ code: 0 });
    expect(fs.readFileSync(md, 'utf8')).toContain('## Dee Lund · Friday Dec 4, 2026');

    const bad = await cli(['export', 'calendar', '--db', dbPath, '--out', path.join(dir, 'cal.txt')]);
    expect(bad.code).toBe(2);
    expect(bad.err.split('\n')[0]).toBe('--out must name an .ics file (got “cal.txt”).');
    const noFrom = await cli(['export', 'week', '--db', dbPath, '--out', md]);
    expect([noFrom.code, noFrom.err.split('\n')[0]]).toEqual([2, '--from DATE is required (YYYY-MM-DD).']);
    const wrong = await cli(['export', 'week', '--db', dbPath, '--from', '2026-11-30', '--to', '2026-12-06', '--out', md]);
    expect([wrong.code, wrong.err.split('\n')[0]]).toEqual([2, '--to is not an option of export week.']);
  });
});
