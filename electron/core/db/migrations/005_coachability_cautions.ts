/** The manager's answers to the seed's cautions, per rep, before any conclusion is shown. */
export const sql = `
CREATE TABLE coachability_cautions (
  rep_id            INTEGER PRIMARY KEY REFERENCES reps(id),
  skills_gap        TEXT CHECK (skills_gap IN ('yes','no','unsure')),
  coaching_approach TEXT CHECK (coaching_approach IN ('yes','no','unsure')),
  trust             TEXT CHECK (trust IN ('yes','no','unsure')),
  another_coach     TEXT CHECK (another_coach IN ('yes','no','unsure')),
  note              TEXT,
  updated_at        TEXT NOT NULL
) STRICT;
`;
