import type { z } from 'zod';
import { buildAgenda, prepareAgenda as fitAgenda, type AgendaInputs } from '../../../shared/domain/agenda';
import { addDays, scheduleAfter } from '../../../shared/domain/periods';
import { formatDate } from '../../../shared/domain/format';
import { vpPasses } from '../../../shared/domain/valueProps';
import type {
  AgendaItem,
  OneOnOne,
  OneOnOneDetail,
  OneOnOneEvent,
  AgendaSource,
  PreparedAgenda,
  ProposedItem,
  dismissInput,
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
  const rep = db.prepare('SELECT one_on_one_cadence_days AS c, one_on_one_minutes AS minutes FROM reps WHERE id = ?').get(meeting.repId) as { c: number; minutes: number };
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
    meetingMinutes: rep.minutes,
  };
}

/**
 * The meeting as it may be shown to the rep on a shared screen: no private note, none of the
 * manager's prompts (item details), no coachability item, no lock history. Only this rep's own
 * commitments are in the detail already. Hidden means absent: the page never receives these.
 */
export function shareView(d: OneOnOneDetail): OneOnOneDetail {
  return {
    ...d,
    meeting: { ...d.meeting, privateNote: null },
    items: d.items.filter((i) => i.sourceKind !== 'coachability').map((i) => ({ ...i, detail: null })),
    events: [],
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

/**
 * Prepare: first takes off the agenda what was carried from the last meeting and is no longer
 * true (a deal since closed, a promise since kept, last week's count), then proposes from the
 * data, ranked and fitted to the rep's meeting length, minus what is on the agenda or was
 * turned down for this meeting. One transaction: the refresh and the proposals agree.
 */
export function prepareAgenda(db: Db, clock: Clock, id: number, asOf: string): PreparedAgenda {
  return db.transaction(() => {
    const planned = getOneOnOne(db, id).status === 'planned';
    const dropped = planned ? dropStaleCarried(db, clock, id, asOf) : [];
    // Read after the stale items went; the refresh below rewrites only titles and details.
    const d = getOneOnOneDetail(db, id, asOf);
    const inputs = agendaInputs(db, d, asOf);
    if (planned) refreshCarried(db, id, buildAgenda(inputs));
    const dismissed = db
      .prepare('SELECT source_kind AS sourceKind, NULLIF(source_key, 0) AS sourceId FROM agenda_dismissed WHERE one_on_one_id = ?')
      .all(id) as { sourceKind: AgendaSource; sourceId: number | null }[];
    // Everything on the agenda takes its minutes and its place first.
    return { ...fitAgenda(inputs, { minutes: d.meetingMinutes, onAgenda: d.items, dismissed }), dropped };
  }).immediate();
}

/**
 * A carried item that is still true is refreshed with today's words (a deal's new reason, the
 * plan's new day), keeping its place and notes, rather than carried as last week's snapshot.
 */
function refreshCarried(db: Db, id: number, fresh: ProposedItem[]): void {
  const update = db.prepare('UPDATE agenda_items SET title = ?, detail = ? WHERE id = ?');
  for (const i of items(db, id)) {
    if (i.carriedFromId === null || i.done || !i.sourceKind) continue;
    const now = fresh.find((p) => p.sourceKind === i.sourceKind && p.sourceId === i.sourceId);
    if (now && (now.title !== i.title || now.detail !== i.detail)) update.run(now.title, now.detail, i.id);
  }
}

/** What Prepare reads from the store for this meeting, as the pure agenda rules take it. */
function agendaInputs(db: Db, d: OneOnOneDetail, asOf: string): AgendaInputs {
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
  return {
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
  };
}

/**
 * Why an agenda item taken from the data is no longer true on `asOf`, or null while it still is.
 * Items the manager or the rep wrote themselves are always still true.
 */
function staleReason(db: Db, repId: number, i: Pick<AgendaItem, 'sourceKind' | 'sourceId'>, asOf: string): string | null {
  switch (i.sourceKind) {
    case 'commitment': {
      const c = db.prepare('SELECT status, done_date AS doneDate FROM commitments WHERE id = ?').get(i.sourceId) as { status: string; doneDate: string | null } | undefined;
      if (!c) return 'the commitment was deleted';
      return c.status === 'open' ? null : c.status === 'done' ? `kept${c.doneDate ? ` on ${formatDate(c.doneDate)}` : ''}` : 'dropped';
    }
    case 'deal':
    case 'value_prop': {
      const deal = db.prepare('SELECT outcome, closed_date AS closedDate FROM deals WHERE id = ?').get(i.sourceId) as { outcome: string; closedDate: string | null } | undefined;
      if (!deal) return 'the deal was deleted';
      if (deal.outcome !== 'open') return `the deal was ${deal.outcome}${deal.closedDate ? ` on ${formatDate(deal.closedDate)}` : ''}`;
      if (i.sourceKind === 'value_prop' && i.sourceId !== null && vpPasses(latestCheck(db, i.sourceId, asOf)?.score ?? null)) return 'its value proposition now passes';
      return null;
    }
    case 'new_opps':
      return 'replaced by this week’s count';
    case 'coachability':
      return showsPattern(repCoachability(db, repId, asOf).judgement) ? null : 'no longer a pattern';
    case 'development': {
      const plan = activePlan(db, repId, asOf);
      return plan && plan.id === i.sourceId ? null : 'the plan has ended';
    }
    default:
      return null;
  }
}

/** Takes the carried, unfinished data items that are no longer true off a planned meeting. */
function dropStaleCarried(db: Db, clock: Clock, id: number, asOf: string): PreparedAgenda['dropped'] {
  const m = getOneOnOne(db, id);
  const dropped: PreparedAgenda['dropped'] = [];
  for (const i of items(db, id)) {
    if (i.carriedFromId === null || i.done) continue;
    const why = staleReason(db, m.repId, i, asOf);
    if (!why) continue;
    db.prepare('DELETE FROM agenda_items WHERE id = ?').run(i.id);
    dropped.push({ title: i.title, why });
  }
  if (dropped.length) db.prepare('UPDATE one_on_ones SET updated_at = ? WHERE id = ?').run(clock.now().toISOString(), id);
  return dropped;
}

/** "Not this time": Prepare will not propose this again for this meeting. */
export function dismissProposal(db: Db, clock: Clock, input: z.output<typeof dismissInput>): null {
  return db.transaction(() => {
    assertOpen(db, input.id);
    recordDismissal(db, clock, input.id, input.sourceKind, input.sourceId);
    return null;
  }).immediate();
}

function recordDismissal(db: Db, clock: Clock, meetingId: number, sourceKind: AgendaSource, sourceId: number | null): void {
  db.prepare(
    `INSERT INTO agenda_dismissed (one_on_one_id, source_kind, source_key, dismissed_at) VALUES (?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  ).run(meetingId, sourceKind, sourceId ?? 0, clock.now().toISOString());
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
    const now = clock.now().toISOString();
    for (const old of existing) {
      if (keep.has(old)) continue;
      // A prepared item the manager takes off stays off: Prepare will not offer it again.
      const gone = db.prepare('SELECT source_kind AS k, source_id AS s, added_by AS by FROM agenda_items WHERE id = ?').get(old) as { k: AgendaSource | null; s: number | null; by: string };
      if (gone.k && gone.by === 'prepared') recordDismissal(db, clock, input.id, gone.k, gone.s);
      db.prepare('DELETE FROM agenda_items WHERE id = ?').run(old);
    }
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

/** Adds accepted proposals after what is on the agenda (Prepare the week), leaving the rest as it is. */
export function appendToAgenda(db: Db, clock: Clock, id: number, proposals: readonly ProposedItem[]): void {
  if (proposals.length === 0) return;
  db.transaction(() => {
    assertOpen(db, id);
    const now = clock.now().toISOString();
    const start = (db.prepare('SELECT COALESCE(MAX(position), 0) AS p FROM agenda_items WHERE one_on_one_id = ?').get(id) as { p: number }).p;
    const insert = db.prepare(
      `INSERT INTO agenda_items (one_on_one_id, position, title, detail, source_kind, source_id, added_by, notes, done, created_at)
       VALUES (?, ?, ?, ?, ?, ?, 'prepared', NULL, 0, ?)`,
    );
    proposals.forEach((p, k) => insert.run(id, start + k + 1, p.title, p.detail, p.sourceKind, p.sourceId, now));
    db.prepare('UPDATE one_on_ones SET updated_at = ? WHERE id = ?').run(now, id);
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
 * Closing locks the meeting and carries every unfinished item that is still true to the rep's
 * next one-on-one, scheduling it at the rep's cadence when none is planned yet. A meeting
 * planned for a later day is closed only when the manager agrees to move it to today.
 */
export function closeOneOnOne(db: Db, clock: Clock, id: number, opts: { moveToToday?: boolean } = {}): { closed: OneOnOne; next: OneOnOne | null } {
  return db.transaction(() => {
    let m = assertOpen(db, id);
    const today = clock.today();
    if (m.meetingDate > today) {
      if (!opts.moveToToday) throw new ConflictError(`This one-on-one is planned for ${formatDate(m.meetingDate)}. To close it now, move it to today.`, 'meetingDate');
      if (db.prepare('SELECT 1 FROM one_on_ones WHERE rep_id = ? AND meeting_date = ? AND id <> ?').get(m.repId, today, id)) {
        throw new ConflictError(`There is already a one-on-one with ${m.repName} today: close that one instead.`, 'meetingDate');
      }
      db.prepare('UPDATE one_on_ones SET meeting_date = ? WHERE id = ?').run(today, id);
      m = getOneOnOne(db, id);
    }
    const now = clock.now().toISOString();
    db.prepare(`UPDATE one_on_ones SET status = 'closed', closed_at = ?, updated_at = ? WHERE id = ?`).run(now, now, id);
    db.prepare(`INSERT INTO one_on_one_events (one_on_one_id, action, reason, at) VALUES (?, 'closed', NULL, ?)`).run(id, now);
    // A deal closed or a promise kept during the meeting is not carried as unfinished business.
    const unfinished = items(db, id).filter(
      (i) => !i.done && !db.prepare('SELECT 1 FROM agenda_items WHERE carried_from_id = ?').get(i.id) && staleReason(db, m.repId, i, today) === null,
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

export function setMeetingLength(db: Db, repId: number, minutes: number): number {
  getRep(db, repId);
  db.prepare('UPDATE reps SET one_on_one_minutes = ? WHERE id = ?').run(minutes, repId);
  return minutes;
}

export function setCadence(db: Db, repId: number, days: number): number {
  getRep(db, repId);
  db.prepare('UPDATE reps SET one_on_one_cadence_days = ? WHERE id = ?').run(days, repId);
  return days;
}
