/**
 * The One-on-ones section: a week of one-on-ones for the whole team, and "Prepare the week".
 * Standing rules are in shared/domain/oneOnOneWeek.ts; this module reads the dates for them.
 */
import { addDays, DATE_MAX } from '../../../shared/domain/periods';
import { repWeekStanding, WEEK_STATES, weekOf } from '../../../shared/domain/oneOnOneWeek';
import type { OneOnOneWeek, RepWeek, WeekMeeting, WeekPrepared } from '../../../shared/schemas/oneOnOnes';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { appendToAgenda, prepareAgenda } from './oneOnOnes';

interface RepRow {
  repId: number;
  repName: string;
  cadenceDays: number;
  meetingMinutes: number;
  lastHeld: string | null;
}

/** Every active rep's one-on-ones for the week holding `day`, as they stand on `today`. */
export function oneOnOneWeek(db: Db, day: string, today: string): OneOnOneWeek {
  const week = weekOf(day);
  const reps = db
    .prepare(
      `SELECT r.id AS repId, r.name AS repName, r.one_on_one_cadence_days AS cadenceDays, r.one_on_one_minutes AS meetingMinutes,
         (SELECT MAX(o.meeting_date) FROM one_on_ones o WHERE o.rep_id = r.id AND o.status = 'closed' AND o.meeting_date <= ?) AS lastHeld
       FROM reps r WHERE r.status <> 'archived' ORDER BY r.name COLLATE NOCASE`,
    )
    .all(today) as RepRow[];
  const planned = db
    .prepare(
      `SELECT o.id, o.rep_id AS repId, o.meeting_date AS date,
         (SELECT COUNT(*) FROM agenda_items a WHERE a.one_on_one_id = o.id) AS itemCount
       FROM one_on_ones o WHERE o.status = 'planned' ORDER BY o.meeting_date, o.id`,
    )
    .all() as (WeekMeeting & { repId: number })[];
  const byRep = new Map<number, WeekMeeting[]>();
  for (const { repId, ...m } of planned) byRep.set(repId, [...(byRep.get(repId) ?? []), m]);
  const rows: RepWeek[] = reps.map((r) => {
    const mine = byRep.get(r.repId) ?? [];
    return {
      ...r,
      toHold: mine.filter((m) => m.date < today || (m.date >= week.from && m.date <= week.to)),
      after: mine.find((m) => m.date > week.to && m.date >= today) ?? null,
      standing: repWeekStanding({ cadenceDays: r.cadenceDays, lastHeld: r.lastHeld, planned: mine.map((m) => m.date) }, week, today),
    };
  });
  // Most urgent first; within a state, the earliest date first (the meeting, else the due date).
  const when = (r: RepWeek) => r.toHold[0]?.date ?? r.standing.dueBy ?? '';
  rows.sort((a, b) => WEEK_STATES.indexOf(a.standing.state) - WEEK_STATES.indexOf(b.standing.state) || when(a).localeCompare(when(b)) || a.repName.localeCompare(b.repName));
  return { ...week, today, reps: rows };
}

/** A planned one-on-one as the week's actions, the prep pack and the calendar file list it. */
export interface PlannedMeeting {
  id: number;
  repName: string;
  date: string;
  /** The rep's meeting length. */
  minutes: number;
  itemCount: number;
  updatedAt: string;
}

/** Planned one-on-ones of active reps dated `from` to `to` (inclusive), soonest first. */
export function plannedMeetings(db: Db, from: string, to: string = DATE_MAX): PlannedMeeting[] {
  return db
    .prepare(
      `SELECT o.id, r.name AS repName, o.meeting_date AS date, r.one_on_one_minutes AS minutes, o.updated_at AS updatedAt,
         (SELECT COUNT(*) FROM agenda_items a WHERE a.one_on_one_id = o.id) AS itemCount
       FROM one_on_ones o JOIN reps r ON r.id = o.rep_id
       WHERE o.status = 'planned' AND r.status <> 'archived' AND o.meeting_date BETWEEN ? AND ?
       ORDER BY o.meeting_date, r.name COLLATE NOCASE`,
    )
    .all(from, to) as PlannedMeeting[];
}

/**
 * "Prepare the week": Prepare for every one-on-one planned in the seven days from `from`, adding
 * what fits each meeting's length (what Prepare would pre-tick), in one transaction. Running it
 * again adds only what has newly come up: items on an agenda or turned down are not proposed twice.
 */
export function prepareWeek(db: Db, clock: Clock, from: string, asOf: string): WeekPrepared {
  const to = addDays(from, 6);
  return db.transaction(() => {
    const meetings = plannedMeetings(db, from, to).map((m) => {
      const prepared = prepareAgenda(db, clock, m.id, asOf);
      const chosen = prepared.items.filter((p) => p.selected);
      appendToAgenda(db, clock, m.id, chosen);
      return {
        id: m.id,
        repName: m.repName,
        date: m.date,
        added: chosen.length,
        dropped: prepared.dropped.length,
        agendaMinutes: prepared.onAgendaMinutes + prepared.selectedMinutes,
        meetingMinutes: prepared.meetingMinutes,
      };
    });
    return { from, to, meetings };
  }).immediate();
}
