import type { z } from 'zod';
import { buildAgenda } from '../../../shared/domain/agenda';
import { addDays, scheduleAfter } from '../../../shared/domain/periods';
import type {
  AgendaItem,
  OneOnOne,
  OneOnOneDetail,
  OneOnOneEvent,
  ProposedItem,
  saveAgendaInput,
} from '../../../shared/schemas/oneOnOnes';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { ConflictError, InvalidError, NotFoundError } from '../errors';
import { commitmentsView } from './commitments';
import { pipeline } from './metrics';
import { repCoachability } from './coachability';
import { latestCheck } from './valueProps';
import { showsPattern, signLabels } from '../../../shared/domain/coachability';
import { VP_TESTS, vpGaps } from '../../../shared/domain/valueProps';
import { getRep } from './reps';
import { activePlan } from './development';
import { getSettings } from './settings';
import { DRIVER_DEFS, formatDriver } from '../../../shared/domain/development';

/** Value-proposition items on one agenda: the biggest deals with the value_prop_gap flag. */
export const MAX_VP_ITEMS = 3;

const SELECT = `
  SELECT o.id, o.rep_id AS repId, r.name AS repName, o.meeting_date AS meetingDate, o.status,
    o.private_note AS privateNote, o.closed_at AS closedAt,
    (SELECT COUNT(*) FROM agenda_items a WHERE a.one_on_one_id = o.id) AS itemCount
  FROM one_on_ones o JOIN reps r ON r.id = o.rep_id`;

export function listOneOnOnes(db: Db, repId: number): OneOnOne[] {
  getRep(db, repId);
  return db.prepare(`${SELECT} WHERE o.rep_id = ? ORDER BY o.meeting_date DESC, o.id DESC`).all(repId) as OneOnOne[];
}

export function getOneOnOne(db: Db, id: number): OneOnOne {
  const row = db.prepare(`${SELECT} WHERE o.id = ?`).get(id) as OneOnOne | undefined;
  if (!row) throw new NotFoundError('One-on-one', id);
  return row;
}

function items(db: Db, id: number): AgendaItem[] {
  return (
    db
      .prepare(
        `SELECT id, position, title, detail, source_kind AS sourceKind, source_id AS sourceId, added_by AS addedBy,
           notes, done, carried_from_id AS carriedFromId
         FROM agenda_items WHERE one_on_one_id = ? ORDER BY position, id`,
      )
      .all(id) as (Omit<AgendaItem, 'done'> & { done: number })[]
  ).map((i) => ({ ...i, done: i.done === 1 }));
}

export function getOneOnOneDetail(db: Db, id: number, asOf: string): OneOnOneDetail {
  const meeting = getOneOnOne(db, id);
  const rep = db.prepare('SELECT one_on_one_cadence_days AS c FROM reps WHERE id = ?').get(meeting.repId) as { c: number };
  // A rep archived later keeps their meeting record whole (exit reviews need it).
  const all = commitmentsView(db, asOf, { repId: meeting.repId, include: 'all', includeArchived: true }).commitments;
  const previous = db
    .prepare(`SELECT MAX(meeting_date) AS d FROM one_on_ones WHERE rep_id = ? AND meeting_date < ? AND status = 'closed'`)
    .get(meeting.repId, meeting.meetingDate) as { d: string | null };
  return {
    meeting,
    items: items(db, id),
    commitments: all.filter((c) => c.status === 'open' || c.oneOnOneId === id),
    events: db.prepare('SELECT action, reason, at FROM one_on_one_events WHERE one_on_one_id = ? ORDER BY at, id').all(id) as OneOnOneEvent[],
    previousMeetingDate: previous.d,
    cadenceDays: rep.c,
  };
}

export function scheduleOneOnOne(db: Db, clock: Clock, repId: number, meetingDate: string): OneOnOne {
  return db.transaction(() => {
    const rep = getRep(db, repId);
    if (rep.status === 'archived') throw new InvalidError(`${rep.name} is archived.`, 'repId');
    const clash = db.prepare('SELECT id FROM one_on_ones WHERE rep_id = ? AND meeting_date = ?').get(repId, meetingDate);
    if (clash) throw new ConflictError(`There is already a one-on-one with ${rep.name} on that day.`, 'meetingDate');
    const now = clock.now().toISOString();
    const info = db
      .prepare(`INSERT INTO one_on_ones (rep_id, meeting_date, status, created_at, updated_at) VALUES (?, ?, 'planned', ?, ?)`)
      .run(repId, meetingDate, now, now);
    return getOneOnOne(db, Number(info.lastInsertRowid));
  }).immediate();
}

function assertOpen(db: Db, id: number): OneOnOne {
  const m = getOneOnOne(db, id);
  if (m.status === 'closed') throw new InvalidError('This one-on-one is closed. Unlock it to change it; the change is recorded.');
  return m;
}

/** Suggestions from the data for this meeting, minus what is already on its agenda. */
export function prepareAgenda(db: Db, id: number, asOf: string): ProposedItem[] {
  const d = getOneOnOneDetail(db, id, asOf);
  const m = d.meeting;
  const last = d.previousMeetingDate;
  const sinceDate = last ?? addDays(asOf, -14);
  const newDeals = db
    .prepare(
      `SELECT d.id, d.name, a.name AS accountName FROM deals d LEFT JOIN accounts a ON a.id = d.account_id
       WHERE d.rep_id = ? AND d.created_date > ? AND d.created_date <= ? ORDER BY d.created_date`,
    )
    .all(m.repId, sinceDate, asOf) as { id: number; name: string; accountName: string | null }[];
  // Deal items come from the rep's ranking by attention, the same list as the rep page's
  // "Needs attention"; value-proposition items from the same value_prop_gap rule as the flags.
  const settings = getSettings(db);
  const ranked = pipeline(db, asOf, m.repId).deals;
  const gaps = ranked.filter((x) => x.flags.some((f) => f.code === 'value_prop_gap')).sort((a, b) => b.amount - a.amount || a.id - b.id).slice(0, MAX_VP_ITEMS);
  // Coachability: the same judgement as the Coachability screen, raised only as a pattern.
  const judged = repCoachability(db, m.repId, asOf).judgement;
  return buildAgenda(
    {
      asOf,
      lastMeetingDate: last,
      openCommitments: d.commitments.filter((c) => c.status === 'open'),
      flaggedDeals: ranked,
      maxDeals: settings.triage.perRep,
      newDeals,
      coachability: showsPattern(judged) ? { headline: judged.headline, signs: signLabels(judged.signs), evidence: judged.reasons[0] ?? '' } : null,
      development: developmentFacts(db, m.repId, asOf),
      valuePropGaps: gaps.map((g) => {
        const check = latestCheck(db, g.id, asOf);
        return { dealId: g.id, dealName: g.name, amount: g.amount, currency: g.currency, score: check?.score ?? null, weak: check ? vpGaps(Object.fromEntries(VP_TESTS.map((t) => [t, check.results[t].result]))) : [] };
      }),
    },
    // A carried-over data item (last week's "new opportunities", an old deal snapshot) must not
    // hide today's; carried commitments still refer to the same open promise.
    d.items.filter((i) => i.carriedFromId === null || i.sourceKind === 'commitment'),
  );
}

/** The running plan as the agenda shows it, with its metric formatted in the team's currency. */
function developmentFacts(db: Db, repId: number, asOf: string) {
  const plan = activePlan(db, repId, asOf);
  if (!plan) return null;
  const currency = getSettings(db).currency;
  const fmt = (v: number | null) => (v === null ? null : formatDriver(plan.metric, v, currency));
  const due = plan.nextCheckin && plan.nextCheckin.dueDate <= asOf ? plan.nextCheckin.dueDate : null;
  return {
    planId: plan.id,
    drivers: plan.drivers.map((d) => DRIVER_DEFS[d].label.toLowerCase()),
    metric: DRIVER_DEFS[plan.metric].label,
    baseline: fmt(plan.baseline),
    current: fmt(plan.current),
    day: plan.day,
    days: plan.days,
    checkinDue: due,
  };
}

/**
 * Replaces the agenda (accept, remove, reorder, add) in one transaction. Existing items keep
 * their notes and done state: those are written by updateAgendaItem, so a reorder sent from a
 * screen that has not reloaded yet can never wipe a note typed a moment ago.
 */
export function saveAgenda(db: Db, clock: Clock, input: z.output<typeof saveAgendaInput>): AgendaItem[] {
  return db.transaction(() => {
    assertOpen(db, input.id);
    const existing = new Set(items(db, input.id).map((i) => i.id));
    const keep = new Set(input.items.flatMap((i) => (i.id ? [i.id] : [])));
    for (const i of keep) if (!existing.has(i)) throw new InvalidError(`Agenda item ${i} is not part of this one-on-one.`, 'items');
    for (const old of existing) if (!keep.has(old)) db.prepare('DELETE FROM agenda_items WHERE id = ?').run(old);
    const now = clock.now().toISOString();
    const update = db.prepare('UPDATE agenda_items SET position = ?, title = ?, detail = ? WHERE id = ?');
    const insert = db.prepare(
      `INSERT INTO agenda_items (one_on_one_id, position, title, detail, source_kind, source_id, added_by, notes, done, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    input.items.forEach((i, position) => {
      if (i.id) update.run(position + 1, i.title, i.detail, i.id);
      else insert.run(input.id, position + 1, i.title, i.detail, i.sourceKind, i.sourceId, i.addedBy, i.notes, i.done ? 1 : 0, now);
    });
    db.prepare('UPDATE one_on_ones SET updated_at = ? WHERE id = ?').run(now, input.id);
    return items(db, input.id);
  }).immediate();
}

export function updateAgendaItem(db: Db, itemId: number, patch: { notes?: string | null | undefined; done?: boolean | undefined }): AgendaItem {
  return db.transaction(() => {
    const row = db.prepare('SELECT one_on_one_id AS m FROM agenda_items WHERE id = ?').get(itemId) as { m: number } | undefined;
    if (!row) throw new NotFoundError('Agenda item', itemId);
    assertOpen(db, row.m);
    if (patch.notes !== undefined) db.prepare('UPDATE agenda_items SET notes = ? WHERE id = ?').run(patch.notes, itemId);
    if (patch.done !== undefined) db.prepare('UPDATE agenda_items SET done = ? WHERE id = ?').run(patch.done ? 1 : 0, itemId);
    return items(db, row.m).find((i) => i.id === itemId)!;
  }).immediate();
}

export function setPrivateNote(db: Db, clock: Clock, id: number, note: string | null): OneOnOne {
  return db.transaction(() => {
    assertOpen(db, id);
    db.prepare('UPDATE one_on_ones SET private_note = ?, updated_at = ? WHERE id = ?').run(note, clock.now().toISOString(), id);
    return getOneOnOne(db, id);
  }).immediate();
}

/**
 * Closing locks the meeting and carries every unfinished item to the rep's next one-on-one,
 * scheduling it at the rep's cadence when none is planned yet.
 */
export function closeOneOnOne(db: Db, clock: Clock, id: number): { closed: OneOnOne; next: OneOnOne | null } {
  return db.transaction(() => {
    const m = assertOpen(db, id);
    const now = clock.now().toISOString();
    db.prepare(`UPDATE one_on_ones SET status = 'closed', closed_at = ?, updated_at = ? WHERE id = ?`).run(now, now, id);
    db.prepare(`INSERT INTO one_on_one_events (one_on_one_id, action, reason, at) VALUES (?, 'closed', NULL, ?)`).run(id, now);
    const unfinished = items(db, id).filter(
      (i) => !i.done && !db.prepare('SELECT 1 FROM agenda_items WHERE carried_from_id = ?').get(i.id),
    );
    if (unfinished.length === 0) return { closed: getOneOnOne(db, id), next: null };
    let nextId = (
      db.prepare(`SELECT id FROM one_on_ones WHERE rep_id = ? AND status = 'planned' AND meeting_date > ? ORDER BY meeting_date LIMIT 1`).get(m.repId, m.meetingDate) as
        | { id: number }
        | undefined
    )?.id;
    if (nextId === undefined) {
      const cadence = (db.prepare('SELECT one_on_one_cadence_days AS c FROM reps WHERE id = ?').get(m.repId) as { c: number }).c;
      let date = scheduleAfter(m.meetingDate, cadence);
      while (date && db.prepare('SELECT 1 FROM one_on_ones WHERE rep_id = ? AND meeting_date = ?').get(m.repId, date)) date = scheduleAfter(date, 1);
      // Past the last date the workbench accepts (a meeting dated far in the future): nothing is
      // scheduled, and the unfinished items stay on this meeting rather than on a date no screen can show.
      if (!date) return { closed: getOneOnOne(db, id), next: null };
      nextId = Number(
        db.prepare(`INSERT INTO one_on_ones (rep_id, meeting_date, status, created_at, updated_at) VALUES (?, ?, 'planned', ?, ?)`).run(m.repId, date, now, now)
          .lastInsertRowid,
      );
    }
    const start = (db.prepare('SELECT COALESCE(MAX(position), 0) AS p FROM agenda_items WHERE one_on_one_id = ?').get(nextId) as { p: number }).p;
    const insert = db.prepare(
      `INSERT INTO agenda_items (one_on_one_id, position, title, detail, source_kind, source_id, added_by, notes, done, carried_from_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 0, ?, ?)`,
    );
    unfinished.forEach((i, k) => insert.run(nextId, start + k + 1, i.title, i.detail, i.sourceKind, i.sourceId, i.addedBy, i.id, now));
    return { closed: getOneOnOne(db, id), next: getOneOnOne(db, nextId) };
  }).immediate();
}

export function unlockOneOnOne(db: Db, clock: Clock, id: number, reason: string): OneOnOne {
  return db.transaction(() => {
    const m = getOneOnOne(db, id);
    if (m.status !== 'closed') throw new InvalidError('This one-on-one is not closed.');
    const now = clock.now().toISOString();
    db.prepare(`UPDATE one_on_ones SET status = 'planned', updated_at = ? WHERE id = ?`).run(now, id);
    db.prepare(`INSERT INTO one_on_one_events (one_on_one_id, action, reason, at) VALUES (?, 'unlocked', ?, ?)`).run(id, reason, now);
    return getOneOnOne(db, id);
  }).immediate();
}

export function setCadence(db: Db, repId: number, days: number): number {
  getRep(db, repId);
  db.prepare('UPDATE reps SET one_on_one_cadence_days = ? WHERE id = ?').run(days, repId);
  return days;
}
