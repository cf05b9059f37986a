/** Deal reviews keep each "How do you know?" question with the rep's answer, and the notes' commitments link back. */
export const sql = `
CREATE TABLE deal_review_answers (
  id        INTEGER PRIMARY KEY,
  note_id   INTEGER NOT NULL REFERENCES coaching_notes(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  flag_code TEXT,
  question  TEXT NOT NULL,
  answer    TEXT
) STRICT;
CREATE INDEX deal_review_answers_note ON deal_review_answers(note_id, position);

ALTER TABLE commitments ADD COLUMN note_id INTEGER REFERENCES coaching_notes(id) ON DELETE SET NULL;
`;
