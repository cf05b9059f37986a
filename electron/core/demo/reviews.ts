import type { Db } from '../db/open';

/**
 * The demo's deal reviews get the questions asked and the rep's answers, the way a review
 * saved from the Deal review screen has them.
 */
export function writeReviewAnswers(db: Db): void {
  const reviews = db
    .prepare(
      `SELECT n.id, d.expected_close_date AS close FROM coaching_notes n JOIN deals d ON d.id = n.deal_id
       WHERE n.kind = 'deal_review' AND NOT EXISTS (SELECT 1 FROM deal_review_answers a WHERE a.note_id = n.id) ORDER BY n.id`,
    )
    .all() as { id: number; close: string | null }[];
  const add = db.prepare('INSERT INTO deal_review_answers (note_id, position, flag_code, question, answer) VALUES (?, ?, ?, ?, ?)');
  reviews.forEach((r, i) => {
    add.run(r.id, 1, null, `How do you know the buyer will sign by ${r.close ?? 'the close date'}?`, i % 2 ? 'The champion said so on our last call.' : 'Procurement has the contract; legal review is booked.');
    add.run(r.id, 2, 'no_decision_maker', 'How do you know who signs? Have you met them?', i % 3 ? 'The COO signs; not met yet.' : null);
  });
}
