/**
 * One-on-ones that fit their time: a meeting length per rep, and the proposals the manager
 * turned down for a meeting, so "Prepare" does not offer them again.
 */
export const sql = `
ALTER TABLE reps ADD COLUMN one_on_one_minutes INTEGER NOT NULL DEFAULT 30
  CHECK (one_on_one_minutes BETWEEN 10 AND 180);
CREATE TABLE agenda_dismissed (
  one_on_one_id INTEGER NOT NULL REFERENCES one_on_ones(id) ON DELETE CASCADE,
  source_kind   TEXT NOT NULL,
  -- The source's id, 0 for a source without one (new opportunities, coachability).
  source_key    INTEGER NOT NULL,
  dismissed_at  TEXT NOT NULL,
  UNIQUE (one_on_one_id, source_kind, source_key)
) STRICT;
`;
