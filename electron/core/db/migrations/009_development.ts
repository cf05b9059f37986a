/**
 * Team development: the manager's own talent/effort placement per rep, and 60-day development
 * plans on the top two drivers with their check-ins (domain.md sections 9 and 11).
 */
export const sql = `
CREATE TABLE talent_effort_placements (
  rep_id     INTEGER PRIMARY KEY REFERENCES reps(id),
  quadrant   TEXT NOT NULL CHECK (quadrant IN ('talent_and_effort','effort_learning','talent_not_effort','neither')),
  note       TEXT,
  placed_on  TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE development_plans (
  id           INTEGER PRIMARY KEY,
  rep_id       INTEGER NOT NULL REFERENCES reps(id),
  driver_1     TEXT NOT NULL,
  driver_2     TEXT,
  metric       TEXT NOT NULL,            -- the driver whose number is watched
  baseline     REAL,                     -- the metric over the same length of time before the start
  target       REAL,
  start_date   TEXT NOT NULL,
  end_date     TEXT NOT NULL,
  actions      TEXT,
  status       TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','completed','stopped')),
  result_value REAL,
  result_note  TEXT,
  closed_on    TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  CHECK (end_date > start_date),
  CHECK (driver_2 IS NULL OR driver_2 <> driver_1)
) STRICT;
-- One active plan per rep: focus, for at least 60 days.
CREATE UNIQUE INDEX development_plans_one_active ON development_plans(rep_id) WHERE status = 'active';
CREATE INDEX development_plans_rep ON development_plans(rep_id, start_date);

CREATE TABLE development_checkins (
  id           INTEGER PRIMARY KEY,
  plan_id      INTEGER NOT NULL REFERENCES development_plans(id) ON DELETE CASCADE,
  due_date     TEXT NOT NULL,
  done_on      TEXT,
  metric_value REAL,
  note         TEXT,
  UNIQUE (plan_id, due_date)
) STRICT;
`;
