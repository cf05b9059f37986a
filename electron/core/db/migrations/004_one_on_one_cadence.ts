/** One-on-ones: a cadence per rep, the coaching question on agenda items, and a lock log. */
export const sql = `
ALTER TABLE reps ADD COLUMN one_on_one_cadence_days INTEGER NOT NULL DEFAULT 7
  CHECK (one_on_one_cadence_days BETWEEN 1 AND 90);
ALTER TABLE agenda_items ADD COLUMN detail TEXT;
CREATE TABLE one_on_one_events (
  id            INTEGER PRIMARY KEY,
  one_on_one_id INTEGER NOT NULL REFERENCES one_on_ones(id) ON DELETE CASCADE,
  action        TEXT NOT NULL CHECK (action IN ('closed','unlocked')),
  reason        TEXT,
  at            TEXT NOT NULL
) STRICT;
CREATE INDEX one_on_one_events_meeting ON one_on_one_events(one_on_one_id, at);
`;
