/**
 * What happened with one rep between two dates, as a review of that period reads it: the
 * coaching notes, the coachability observations counted by sign, and the one-on-ones held.
 */
import type { Sign } from '../../../shared/domain/coachability';
import type { FollowUpAnswer, NoteKind } from '../../../shared/schemas/notes';
import type { Db } from '../db/open';

export interface PeriodNote {
  noteDate: string;
  kind: NoteKind;
  skill: string | null;
  visibility: 'private' | 'shareable';
  body: string;
  followUpDue: string | null;
  followUpAnswer: FollowUpAnswer | null;
  dealName: string | null;
  accountName: string | null;
  /** Deal reviews: how many "How do you know?" questions were asked. */
  questions: number;
}

/** The rep's coaching notes in the period, oldest first; private ones only when asked for. */
export function notesInPeriod(db: Db, repId: number, from: string, to: string, includePrivate: boolean): PeriodNote[] {
  return db
    .prepare(
      `SELECT n.note_date AS noteDate, n.kind, n.skill, n.visibility, n.body, n.follow_up_due AS followUpDue,
         n.follow_up_answer AS followUpAnswer, d.name AS dealName, a.name AS accountName,
         (SELECT COUNT(*) FROM deal_review_answers q WHERE q.note_id = n.id) AS questions
       FROM coaching_notes n LEFT JOIN deals d ON d.id = n.deal_id LEFT JOIN accounts a ON a.id = d.account_id
       WHERE n.rep_id = @repId AND n.note_date BETWEEN @from AND @to
         AND (@includePrivate = 1 OR n.visibility = 'shareable')
       ORDER BY n.note_date, n.id`,
    )
    .all({ repId, from, to, includePrivate: includePrivate ? 1 : 0 }) as PeriodNote[];
}

export interface SignCounts {
  sign: Sign;
  often: number;
  allTheTime: number;
  /** Rated often or all the time, on or before `mid` / after it. */
  firstHalf: number;
  secondHalf: number;
}

export interface ObservationsInPeriod {
  count: number;
  first: string | null;
  last: string | null;
  feedbackApplied: number;
  newApproachTried: number;
  /** Observations on or before `mid`, and after it. */
  firstHalf: number;
  secondHalf: number;
  /** Only the signs rated at least once in the period. */
  signs: SignCounts[];
}

/** The rep's coachability observations in the period, counted (the evidence text is not read). */
export function observationsInPeriod(db: Db, repId: number, from: string, to: string, mid: string): ObservationsInPeriod {
  const args = { repId, from, to, mid };
  const totals = db
    .prepare(
      `SELECT COUNT(*) AS count, MIN(observed_on) AS first, MAX(observed_on) AS last,
         COALESCE(SUM(feedback_applied), 0) AS feedbackApplied, COALESCE(SUM(new_approach_tried), 0) AS newApproachTried,
         COALESCE(SUM(observed_on <= @mid), 0) AS firstHalf, COALESCE(SUM(observed_on > @mid), 0) AS secondHalf
       FROM coachability_observations WHERE rep_id = @repId AND observed_on BETWEEN @from AND @to`,
    )
    .get(args) as Omit<ObservationsInPeriod, 'signs'>;
  const signs = db
    .prepare(
      `SELECT r.sign,
         COALESCE(SUM(r.frequency = 2), 0) AS often,
         COALESCE(SUM(r.frequency = 3), 0) AS allTheTime,
         COALESCE(SUM(r.frequency >= 2 AND o.observed_on <= @mid), 0) AS firstHalf,
         COALESCE(SUM(r.frequency >= 2 AND o.observed_on > @mid), 0) AS secondHalf
       FROM coachability_observations o JOIN coachability_ratings r ON r.observation_id = o.id
       WHERE o.rep_id = @repId AND o.observed_on BETWEEN @from AND @to
       GROUP BY r.sign`,
    )
    .all(args) as SignCounts[];
  return { ...totals, signs };
}

/** The manager's written evidence per sign in the period, oldest first (private material). */
export function coachabilityEvidence(db: Db, repId: number, from: string, to: string): { observedOn: string; sign: Sign; evidence: string }[] {
  return db
    .prepare(
      `SELECT o.observed_on AS observedOn, r.sign, r.evidence FROM coachability_observations o JOIN coachability_ratings r ON r.observation_id = o.id
       WHERE o.rep_id = ? AND o.observed_on BETWEEN ? AND ? AND r.evidence IS NOT NULL ORDER BY o.observed_on, o.id`,
    )
    .all(repId, from, to) as { observedOn: string; sign: Sign; evidence: string }[];
}

/** The days of the one-on-ones held (closed) in the period, oldest first. */
export function meetingsHeld(db: Db, repId: number, from: string, to: string): string[] {
  return db
    .prepare(`SELECT meeting_date FROM one_on_ones WHERE rep_id = ? AND status = 'closed' AND meeting_date BETWEEN ? AND ? ORDER BY meeting_date`)
    .pluck()
    .all(repId, from, to) as string[];
}
