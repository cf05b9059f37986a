/**
 * The only part of the demo that touches SQLite: one prepared statement per table, all rows
 * stamped with the same clock time. Callers run it inside one transaction.
 */
import type { Db } from '../db/open';
import type { DealPlan } from './deals';
import type { AccountPlan, RepPlan } from './team';
import { dealHistory } from '../repos/dealHistory';

export interface WrittenRep {
  id: number;
  plan: RepPlan;
}

export interface WrittenDeal {
  id: number;
  plan: DealPlan;
  account: AccountPlan;
  rep: RepPlan;
}

export interface StakeholderRow {
  dealId: number;
  name: string;
  title: string;
  role: 'decision_maker' | 'champion' | 'influencer' | 'mid_level' | 'user' | 'blocker';
  stance: 'supporter' | 'neutral' | 'opponent' | 'unknown';
  lastContactDate: string | null;
  nudgesSent: number;
  dmNameKnown: boolean;
  willRecommend: 'yes' | 'no' | 'unsure' | null;
  dmMeetingDate: string | null;
  /** The day the rep recorded them (as-of screens count only the people known by then). */
  recordedOn: string;
}

export interface NoteRow {
  repId: number;
  dealId: number | null;
  oneOnOneId: number | null;
  kind: 'deal_review' | 'observation' | 'ride_along' | 'feedback' | 'recognition' | 'other';
  noteDate: string;
  body: string;
  skill: string | null;
  visibility: 'private' | 'shareable';
  followUpDue: string | null;
  followUpAnswer: 'applied' | 'partly' | 'not_yet' | null;
  followUpDate: string | null;
}

export interface CommitmentRow {
  repId: number;
  oneOnOneId: number | null;
  dealId: number | null;
  owner: 'rep' | 'manager';
  text: string;
  dueDate: string | null;
  status: 'open' | 'done' | 'dropped';
  doneDate: string | null;
  createdOn: string;
}

export interface AgendaRow {
  oneOnOneId: number;
  position: number;
  title: string;
  sourceKind: string | null;
  sourceId: number | null;
  addedBy: 'manager' | 'rep' | 'prepared';
  notes: string | null;
  done: boolean;
  carriedFromId: number | null;
}

export type CoachabilitySign =
  | 'bad_listener'
  | 'not_open_to_feedback'
  | 'knows_it_all'
  | 'lone_wolf'
  | 'self_centred'
  | 'resists_change'
  | 'passive_aggressive';

export type ValueTest =
  | 'different'
  | 'compelling'
  | 'tailored'
  | 'measurable'
  | 'time_bound'
  | 'memorable'
  | 'defendable';

export type ValueResult = 'pass' | 'partial' | 'fail' | 'not_assessed';

const bit = (b: boolean) => (b ? 1 : 0);

function prepareAll(db: Db) {
  const p = (sql: string) => db.prepare(sql);
  return {
    setting: p(`INSERT INTO settings (key, value) VALUES (?, ?)
      ON CONFLICT(key) DO UPDATE SET value = excluded.value`),
    settingIfMissing: p('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING'),
    rep: p(`INSERT INTO reps (name, email, role, territory, hire_date, status, quota_cents,
      created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    accountByName: p('SELECT id FROM accounts WHERE name = ?'),
    account: p(`INSERT INTO accounts (name, industry, segment, advisor_level, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?)`),
    deal: p(`INSERT INTO deals (external_id, rep_id, account_id, name, stage, amount_cents, currency,
      created_date, expected_close_date, closed_date, outcome, last_activity_date, next_step,
      source, stage_entered_date, close_date_changes, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, 'USD', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    stakeholder: p(`INSERT INTO stakeholders (deal_id, name, title, role, stance, last_contact_date,
      nudges_sent, dm_name_known, will_recommend, dm_meeting_date, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    oneOnOne: p(`INSERT INTO one_on_ones (rep_id, meeting_date, status, private_note, closed_at,
      created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`),
    agenda: p(`INSERT INTO agenda_items (one_on_one_id, position, title, source_kind, source_id,
      added_by, notes, done, carried_from_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    commitment: p(`INSERT INTO commitments (rep_id, one_on_one_id, deal_id, owner, text, due_date,
      status, done_date, created_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    note: p(`INSERT INTO coaching_notes (rep_id, deal_id, one_on_one_id, kind, note_date, body, skill,
      visibility, follow_up_due, follow_up_answer, follow_up_date, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    observation: p(`INSERT INTO coachability_observations (rep_id, observed_on, context,
      feedback_applied, new_approach_tried, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`),
    rating: p(`INSERT INTO coachability_ratings (observation_id, sign, frequency, evidence)
      VALUES (?, ?, ?, ?)`),
    check: p(`INSERT INTO value_prop_checks (deal_id, assessed_on, statement, created_at)
      VALUES (?, ?, ?, ?)`),
    result: p('INSERT INTO value_prop_results (check_id, test, result, evidence) VALUES (?, ?, ?, ?)'),
  };
}

export class DemoWriter {
  private readonly s: ReturnType<typeof prepareAll>;

  constructor(
    private readonly db: Db,
    private readonly nowIso: string,
  ) {
    this.s = prepareAll(db);
  }

  repCount(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM reps').get() as { n: number }).n;
  }

  /** Settings are JSON-encoded; a manager name already typed in is kept. */
  setting(key: string, value: unknown, keepExisting = false): void {
    (keepExisting ? this.s.settingIfMissing : this.s.setting).run(key, JSON.stringify(value));
  }

  rep(r: RepPlan): number {
    const info = this.s.rep.run(
      r.name,
      r.email,
      r.profile.role,
      r.territory,
      r.hireDate,
      r.profile.status,
      r.profile.quota * 100,
      this.nowIso,
      this.nowIso,
    );
    return Number(info.lastInsertRowid);
  }

  /** Accounts may exist without reps (typed in, then deleted deals); reuse them by name. */
  account(a: AccountPlan): number {
    const found = this.s.accountByName.get(a.name) as { id: number } | undefined;
    if (found) return found.id;
    const info = this.s.account.run(
      a.name,
      a.industry.name,
      a.segment,
      a.advisorLevel,
      this.nowIso,
      this.nowIso,
    );
    return Number(info.lastInsertRowid);
  }

  /** The deal row, its stage history and its close-date changes, consistent by construction. */
  deal(d: DealPlan, externalId: string, repId: number, accountId: number): number {
    const last = d.moves[d.moves.length - 1];
    if (!last) throw new Error('A demo deal needs at least one stage move');
    const info = this.s.deal.run(
      externalId,
      repId,
      accountId,
      d.name,
      last.to,
      d.amountCents,
      d.created,
      d.expectedClose,
      d.closed,
      d.outcome,
      d.lastActivity,
      d.nextStep,
      d.source,
      last.on,
      d.closeChanges.length,
      this.nowIso,
      this.nowIso,
    );
    const id = Number(info.lastInsertRowid);
    const history = dealHistory(this.db);
    for (const m of d.moves) history.stageMoved(id, m.from, m.to, m.on, this.nowIso);
    for (const c of d.closeChanges) history.closeDateMoved(id, c.from, c.to, c.on, this.nowIso);
    return id;
  }

  stakeholder(s: StakeholderRow): void {
    this.s.stakeholder.run(
      s.dealId,
      s.name,
      s.title,
      s.role,
      s.stance,
      s.lastContactDate,
      s.nudgesSent,
      bit(s.dmNameKnown),
      s.willRecommend,
      s.dmMeetingDate,
      `${s.recordedOn}T09:00:00.000Z`,
      this.nowIso,
    );
  }

  oneOnOne(repId: number, date: string, closed: boolean, privateNote: string | null): number {
    const info = this.s.oneOnOne.run(
      repId,
      date,
      closed ? 'closed' : 'planned',
      privateNote,
      // Closed at the end of the meeting day, so the stamp follows the demo's dates.
      closed ? `${date}T17:00:00.000Z` : null,
      this.nowIso,
      this.nowIso,
    );
    return Number(info.lastInsertRowid);
  }

  agendaItem(a: AgendaRow): number {
    const info = this.s.agenda.run(
      a.oneOnOneId,
      a.position,
      a.title,
      a.sourceKind,
      a.sourceId,
      a.addedBy,
      a.notes,
      bit(a.done),
      a.carriedFromId,
      this.nowIso,
    );
    return Number(info.lastInsertRowid);
  }

  commitment(c: CommitmentRow): number {
    const info = this.s.commitment.run(
      c.repId,
      c.oneOnOneId,
      c.dealId,
      c.owner,
      c.text,
      c.dueDate,
      c.status,
      c.doneDate,
      c.createdOn,
      this.nowIso,
      this.nowIso,
    );
    return Number(info.lastInsertRowid);
  }

  note(n: NoteRow): number {
    const info = this.s.note.run(
      n.repId,
      n.dealId,
      n.oneOnOneId,
      n.kind,
      n.noteDate,
      n.body,
      n.skill,
      n.visibility,
      n.followUpDue,
      n.followUpAnswer,
      n.followUpDate,
      this.nowIso,
      this.nowIso,
    );
    return Number(info.lastInsertRowid);
  }

  observation(
    repId: number | null,
    on: string,
    context: 'one_on_one' | 'deal_review' | 'call' | 'team_meeting' | 'self' | 'other',
    feedbackApplied: boolean,
    newApproachTried: boolean,
    note: string,
    ratings: readonly { sign: CoachabilitySign; frequency: number; evidence: string | null }[],
  ): number {
    const info = this.s.observation.run(
      repId,
      on,
      context,
      bit(feedbackApplied),
      bit(newApproachTried),
      note,
      this.nowIso,
    );
    const id = Number(info.lastInsertRowid);
    for (const r of ratings) this.s.rating.run(id, r.sign, r.frequency, r.evidence);
    return id;
  }

  valueCheck(
    dealId: number,
    on: string,
    statement: string,
    results: readonly { test: ValueTest; result: ValueResult; evidence: string | null }[],
  ): number {
    const info = this.s.check.run(dealId, on, statement, this.nowIso);
    const id = Number(info.lastInsertRowid);
    for (const r of results) this.s.result.run(id, r.test, r.result, r.evidence);
    return id;
  }
}
