/**
 * Coaching notes: the manager's record of coaching, per rep, optionally tied to a deal and a
 * one-on-one. A deal review is a note of kind deal_review with the rep's answer to each
 * "How do you know?" question and the next steps it agreed, created as commitments in the
 * same transaction (so they appear on the next one-on-one agenda).
 */
import type { z } from 'zod';
import type { dealReviewInput, followUpInput, Note, noteInput, notesListInput, noteUpdate, PastReview, ReviewAnswer } from '../../../shared/schemas/notes';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { InvalidError, NotFoundError } from '../errors';
import { createCommitment } from './commitments';
import { getDeal, getDealDetail } from './deals';
import { reviewVerdict } from '../../../shared/domain/reviewVerdict';
import { getRep } from './reps';
import { getSettings } from './settings';

const SELECT = `
  SELECT n.id, n.rep_id AS repId, r.name AS repName, n.deal_id AS dealId, d.name AS dealName, a.name AS accountName,
    n.one_on_one_id AS oneOnOneId, n.kind, n.note_date AS noteDate, n.body, n.skill, n.visibility,
    n.follow_up_due AS followUpDue, n.follow_up_answer AS followUpAnswer, n.follow_up_date AS followUpDate
  FROM coaching_notes n JOIN reps r ON r.id = n.rep_id
    LEFT JOIN deals d ON d.id = n.deal_id LEFT JOIN accounts a ON a.id = d.account_id`;

type Row = Omit<Note, 'answers'>;

function withAnswers(db: Db, rows: Row[]): Note[] {
  const answers = db.prepare('SELECT flag_code AS flagCode, question, answer FROM deal_review_answers WHERE note_id = ? ORDER BY position');
  return rows.map((r) => ({ ...r, answers: r.kind === 'deal_review' ? (answers.all(r.id) as ReviewAnswer[]) : [] }));
}

export function getNote(db: Db, id: number): Note {
  const row = db.prepare(`${SELECT} WHERE n.id = ?`).get(id) as Row | undefined;
  if (!row) throw new NotFoundError('Coaching note', id);
  return withAnswers(db, [row])[0]!;
}

/** Newest first; filtered by rep, deal, kind and skill. */
export function listNotes(db: Db, f: z.output<typeof notesListInput>): Note[] {
  const rows = db
    .prepare(
      `${SELECT} WHERE (@repId IS NULL OR n.rep_id = @repId) AND (@dealId IS NULL OR n.deal_id = @dealId)
         AND (@kind IS NULL OR n.kind = @kind) AND (@skill IS NULL OR n.skill = @skill COLLATE NOCASE)
       ORDER BY n.note_date DESC, n.id DESC`,
    )
    .all({ repId: f.repId ?? null, dealId: f.dealId ?? null, kind: f.kind ?? null, skill: f.skill ?? null }) as Row[];
  return withAnswers(db, rows);
}

type NoteFields = z.output<typeof noteInput>;

/** The rules a note must meet beyond its shape: dates, and links to the same rep. */
function check(db: Db, clock: Clock, n: NoteFields, previousSkill: string | null = null): void {
  const rep = getRep(db, n.repId);
  if (n.noteDate > clock.today()) throw new InvalidError('The date cannot be in the future.', 'noteDate');
  if (n.dealId !== null) {
    const deal = getDeal(db, n.dealId);
    if (deal.repId !== n.repId) throw new InvalidError(`That deal belongs to ${deal.repName}, not ${rep.name}.`, 'dealId');
  }
  if (n.oneOnOneId !== null) {
    const m = db.prepare('SELECT rep_id FROM one_on_ones WHERE id = ?').get(n.oneOnOneId) as { rep_id: number } | undefined;
    if (!m) throw new NotFoundError('One-on-one', n.oneOnOneId);
    if (m.rep_id !== n.repId) throw new InvalidError('That one-on-one is with another rep.', 'oneOnOneId');
  }
  const skills = getSettings(db).skills.map((s) => s.toLowerCase());
  if (n.skill && n.skill !== previousSkill && !skills.includes(n.skill.toLowerCase())) {
    throw new InvalidError(`“${n.skill}” is not one of your skills; add it in Settings first.`, 'skill');
  }
}

export function createNote(db: Db, clock: Clock, n: NoteFields): Note {
  return db.transaction(() => {
    check(db, clock, n);
    const now = clock.now().toISOString();
    const id = Number(
      db
        .prepare(
          `INSERT INTO coaching_notes (rep_id, deal_id, one_on_one_id, kind, note_date, body, skill, visibility, follow_up_due, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(n.repId, n.dealId, n.oneOnOneId, n.kind, n.noteDate, n.body, n.skill, n.visibility, n.followUpDue, now, now).lastInsertRowid,
    );
    return getNote(db, id);
  }).immediate();
}

export function updateNote(db: Db, clock: Clock, n: z.output<typeof noteUpdate>): Note {
  return db.transaction(() => {
    const before = getNote(db, n.id);
    if (before.kind === 'deal_review' && n.kind !== 'deal_review') throw new InvalidError('A deal review stays a deal review: its answers and next steps belong to it.', 'kind');
    check(db, clock, n, before.skill);
    // A changed follow-up date means the question is asked again.
    const keepAnswer = n.followUpDue !== null && n.followUpDue === before.followUpDue;
    db.prepare(
      `UPDATE coaching_notes SET rep_id = ?, deal_id = ?, one_on_one_id = ?, kind = ?, note_date = ?, body = ?, skill = ?, visibility = ?,
         follow_up_due = ?, follow_up_answer = ?, follow_up_date = ?, updated_at = ? WHERE id = ?`,
    ).run(n.repId, n.dealId, n.oneOnOneId, n.kind, n.noteDate, n.body, n.skill, n.visibility, n.followUpDue,
      keepAnswer ? before.followUpAnswer : null, keepAnswer ? before.followUpDate : null, clock.now().toISOString(), n.id);
    return getNote(db, n.id);
  }).immediate();
}

/** Deletes a note (a deal review's answers go with it; its commitments stay, unlinked). */
export function deleteNote(db: Db, id: number): Note {
  const note = getNote(db, id);
  db.prepare('DELETE FROM coaching_notes WHERE id = ?').run(id);
  return note;
}

/** "Did they apply it?", answered on the day it was checked; feeds the coachability signal. */
export function answerFollowUp(db: Db, clock: Clock, input: z.output<typeof followUpInput>): Note {
  const note = getNote(db, input.id);
  if (note.kind !== 'feedback') throw new InvalidError('Only feedback given has a follow-up.', 'answer');
  const on = input.on ?? clock.today();
  if (on < note.noteDate) throw new InvalidError('The answer cannot be dated before the feedback was given.', 'on');
  if (on > clock.today()) throw new InvalidError('The answer cannot be dated in the future.', 'on');
  db.prepare('UPDATE coaching_notes SET follow_up_answer = ?, follow_up_date = ?, follow_up_due = COALESCE(follow_up_due, ?), updated_at = ? WHERE id = ?').run(
    input.answer, on, on, clock.now().toISOString(), input.id,
  );
  return getNote(db, input.id);
}

/** Saves a deal review as one note with its answers, and its next steps as commitments, at once. */
export function createDealReview(db: Db, clock: Clock, input: z.output<typeof dealReviewInput>): Note {
  return db.transaction(() => {
    const deal = getDeal(db, input.dealId);
    const note = createNote(db, clock, {
      repId: deal.repId,
      dealId: deal.id,
      oneOnOneId: null,
      kind: 'deal_review',
      noteDate: input.reviewDate,
      body: input.coaching,
      skill: input.skill,
      visibility: input.visibility,
      followUpDue: null,
    });
    const add = db.prepare('INSERT INTO deal_review_answers (note_id, position, flag_code, question, answer) VALUES (?, ?, ?, ?, ?)');
    input.answers.forEach((a, i) => add.run(note.id, i + 1, a.flagCode, a.question, a.answer));
    input.nextSteps.forEach((s, i) => {
      try {
        const c = createCommitment(db, clock, { repId: deal.repId, owner: s.owner, text: s.text, dueDate: s.dueDate, dealId: deal.id, oneOnOneId: null });
        db.prepare('UPDATE commitments SET note_id = ? WHERE id = ?').run(note.id, c.id);
      } catch (err) {
        if (err instanceof InvalidError) throw new InvalidError(`Next step ${i + 1}: ${err.message.charAt(0).toLowerCase()}${err.message.slice(1)}`, `nextSteps.${i}.${err.field ?? 'text'}`);
        throw err;
      }
    });
    return getNote(db, note.id);
  }).immediate();
}

/** A deal's reviews, each with what happened since and whether the answers held up. */
export function pastReviews(db: Db, dealId: number, today: string): PastReview[] {
  const { deal, closeDateChanges } = getDealDetail(db, dealId);
  const moves = db.prepare(
    `SELECT changed_on AS "on", 'Stage ' || COALESCE(from_stage, '—') || ' → ' || to_stage AS what FROM deal_stage_history WHERE deal_id = ? AND changed_on > ?
     UNION ALL
     SELECT changed_on, 'Close date ' || COALESCE(from_date, 'none') || ' → ' || COALESCE(to_date, 'none') FROM deal_close_date_changes WHERE deal_id = ? AND changed_on > ?
     ORDER BY 1`,
  );
  const commitments = db.prepare('SELECT id, owner, text, due_date AS dueDate, status FROM commitments WHERE note_id = ? ORDER BY id');
  return listNotes(db, { dealId, kind: 'deal_review' }).map((n) => {
    const since = moves.all(dealId, n.noteDate, dealId, n.noteDate) as PastReview['since'];
    const verdict = reviewVerdict(n.noteDate, today, {
      outcome: deal.outcome,
      closedDate: deal.closedDate,
      expectedCloseDate: deal.expectedCloseDate,
      closeDateChanges,
      stageMovesSince: since.filter((s) => s.what.startsWith('Stage')).length,
    });
    return { ...n, since, verdict, commitments: commitments.all(n.id) as PastReview['commitments'] };
  });
}
