import type { z } from 'zod';
import { addCounts, followThroughRate } from '../../../shared/domain/followThrough';
import type {
  Commitment,
  CommitmentsView,
  FollowThroughCounts,
  FollowThroughRow,
  commitmentInput,
} from '../../../shared/schemas/commitments';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { InvalidError, NotFoundError } from '../errors';
import { getRep } from './reps';

type Row = Omit<Commitment, 'overdue'>;

const SELECT = `
  SELECT c.id, c.rep_id AS repId, r.name AS repName, c.owner, c.text, c.due_date AS dueDate,
    c.status, c.done_date AS doneDate, c.created_on AS createdOn, c.deal_id AS dealId,
    d.name AS dealName, c.one_on_one_id AS oneOnOneId
  FROM commitments c JOIN reps r ON r.id = c.rep_id LEFT JOIN deals d ON d.id = c.deal_id`;

const withOverdue = (r: Row, asOf: string): Commitment => ({
  ...r,
  overdue: r.status === 'open' && r.dueDate !== null && r.dueDate < asOf,
});

export function getCommitment(db: Db, id: number, asOf: string): Commitment {
  const row = db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as Row | undefined;
  if (!row) throw new NotFoundError('Commitment', id);
  return withOverdue(row, asOf);
}

export function createCommitment(db: Db, clock: Clock, input: z.output<typeof commitmentInput>): Commitment {
  return db.transaction(() => {
    const rep = getRep(db, input.repId);
    if (rep.status === 'archived') throw new InvalidError(`${rep.name} is archived.`, 'repId');
    const today = clock.today();
    if (input.dueDate < today) throw new InvalidError('The due date cannot be in the past.', 'dueDate');
    if (input.oneOnOneId !== null) {
      const m = db.prepare('SELECT rep_id, status FROM one_on_ones WHERE id = ?').get(input.oneOnOneId) as { rep_id: number; status: string } | undefined;
      if (!m) throw new NotFoundError('One-on-one', input.oneOnOneId);
      if (m.rep_id !== input.repId) throw new InvalidError('That one-on-one is with another rep.', 'oneOnOneId');
      if (m.status === 'closed') throw new InvalidError('This one-on-one is closed. Unlock it to change it; the change is recorded.', 'oneOnOneId');
    }
    if (input.dealId !== null) {
      const deal = db.prepare('SELECT rep_id FROM deals WHERE id = ?').get(input.dealId) as { rep_id: number } | undefined;
      if (!deal) throw new NotFoundError('Deal', input.dealId);
      if (deal.rep_id !== input.repId) throw new InvalidError(`That deal belongs to another rep.`, 'dealId');
    }
    const now = clock.now().toISOString();
    const info = db
      .prepare(
        `INSERT INTO commitments (rep_id, one_on_one_id, deal_id, owner, text, due_date, status, created_on, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
      )
      .run(input.repId, input.oneOnOneId, input.dealId, input.owner, input.text, input.dueDate, today, now, now);
    return getCommitment(db, Number(info.lastInsertRowid), today);
  }).immediate();
}

export function setCommitmentStatus(db: Db, clock: Clock, id: number, status: Commitment['status'], on?: string): Commitment {
  return db.transaction(() => {
    const before = getCommitment(db, id, clock.today());
    if (on !== undefined && status !== 'done') throw new InvalidError('A done date goes only with status done.', 'on');
    const doneDate = status === 'done' ? (on ?? clock.today()) : null;
    if (doneDate && doneDate > clock.today()) throw new InvalidError('The done date cannot be in the future.', 'on');
    if (doneDate && doneDate < before.createdOn) {
      throw new InvalidError('It cannot be done before the day it was agreed.', 'on');
    }
    db.prepare('UPDATE commitments SET status = ?, done_date = ?, updated_at = ? WHERE id = ?').run(
      status,
      doneDate,
      clock.now().toISOString(),
      id,
    );
    return getCommitment(db, id, clock.today());
  }).immediate();
}

/** Commitments (open ones first, overdue first) and follow-through per rep and for the manager. */
export function commitmentsView(
  db: Db,
  asOf: string,
  opts: { repId?: number | undefined; include: 'open' | 'all'; includeArchived?: boolean },
): CommitmentsView {
  const rows = db
    .prepare(
      `${SELECT}
       WHERE (@archived = 1 OR r.status <> 'archived') AND (@repId IS NULL OR c.rep_id = @repId)
         AND (@include = 'all' OR c.status = 'open') AND c.created_on <= @asOf
       ORDER BY (c.status = 'open') DESC, (c.status = 'open' AND c.due_date < @asOf) DESC, c.due_date, c.id`,
    )
    .all({ repId: opts.repId ?? null, include: opts.include, asOf, archived: opts.includeArchived ? 1 : 0 }) as Row[];
  return { asOf, commitments: rows.map((r) => withOverdue(r, asOf)), followThrough: followThrough(db, asOf, opts.repId) };
}

export interface CountRow extends FollowThroughCounts {
  repId: number;
  name: string;
  owner: Commitment['owner'];
}

/**
 * Counted in SQL over commitments due by asOf: kept on time (done by the due date), kept
 * late, dropped, still open. One row per rep for their own, one per rep for the manager's
 * promises to them, and a total for the manager.
 */
export function followThrough(db: Db, asOf: string, repId?: number): FollowThroughRow[] {
  const rows = db
    .prepare(
      `SELECT r.id AS repId, r.name, c.owner,
         COUNT(*) AS due,
         SUM(c.status = 'done' AND c.done_date <= c.due_date) AS keptOnTime,
         SUM(c.status = 'done' AND c.done_date > c.due_date) AS keptLate,
         SUM(c.status = 'dropped') AS dropped,
         SUM(c.status = 'open') AS openOverdue
       FROM commitments c JOIN reps r ON r.id = c.rep_id
       WHERE r.status <> 'archived' AND c.due_date IS NOT NULL AND c.due_date <= @asOf
         AND (@repId IS NULL OR c.rep_id = @repId)
       GROUP BY r.id, c.owner ORDER BY r.name, c.owner`,
    )
    .all({ asOf, repId: repId ?? null }) as CountRow[];
  const toRow = (r: CountRow): FollowThroughRow => ({ ...r, rate: followThroughRate(r) });
  const mine = rows.filter((r) => r.owner === 'manager');
  const zero: FollowThroughCounts = { due: 0, keptOnTime: 0, keptLate: 0, dropped: 0, openOverdue: 0 };
  const manager = mine.reduce<FollowThroughCounts>((t, r) => addCounts(t, r), zero);
  return [
    { ...manager, repId: null, name: 'You (the manager)', owner: 'manager', rate: followThroughRate(manager) },
    ...rows.filter((r) => r.owner === 'rep').map(toRow),
  ];
}

/**
 * Commitments falling due in [from, to], counted per rep and owner (the rep's own, and the
 * manager's to that rep): the period view the rep and team reviews print.
 */
export function commitmentCountsBetween(db: Db, from: string, to: string, opts: { repId?: number; activeOnly?: boolean } = {}): CountRow[] {
  return db
    .prepare(
      `SELECT r.id AS repId, r.name, c.owner, COUNT(*) AS due,
         COALESCE(SUM(c.status = 'done' AND c.done_date <= c.due_date), 0) AS keptOnTime,
         COALESCE(SUM(c.status = 'done' AND c.done_date > c.due_date), 0) AS keptLate,
         COALESCE(SUM(c.status = 'dropped'), 0) AS dropped,
         COALESCE(SUM(c.status = 'open'), 0) AS openOverdue
       FROM commitments c JOIN reps r ON r.id = c.rep_id
       WHERE c.due_date BETWEEN @from AND @to AND (@repId IS NULL OR c.rep_id = @repId) AND (@activeOnly = 0 OR r.status <> 'archived')
       GROUP BY r.id, c.owner ORDER BY r.name, c.owner`,
    )
    .all({ from, to, repId: opts.repId ?? null, activeOnly: opts.activeOnly ? 1 : 0 }) as CountRow[];
}
