/** Stakeholders, one-on-ones, commitments, coaching notes, coachability, value propositions. */
export const sql = `
CREATE TABLE stakeholders (
  id                INTEGER PRIMARY KEY,
  deal_id           INTEGER NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
  name              TEXT NOT NULL,
  title             TEXT,
  role              TEXT NOT NULL CHECK (role IN
    ('decision_maker','champion','influencer','mid_level','user','blocker')),
  stance            TEXT NOT NULL DEFAULT 'unknown' CHECK (stance IN
    ('supporter','neutral','opponent','unknown')),
  last_contact_date TEXT,
  -- the mid-level gatekeeper playbook
  nudges_sent       INTEGER NOT NULL DEFAULT 0 CHECK (nudges_sent >= 0),
  dm_name_known     INTEGER NOT NULL DEFAULT 0 CHECK (dm_name_known IN (0,1)),
  will_recommend    TEXT CHECK (will_recommend IN ('yes','no','unsure')),
  dm_meeting_date   TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
) STRICT;
CREATE INDEX stakeholders_deal ON stakeholders(deal_id);

CREATE TABLE one_on_ones (
  id             INTEGER PRIMARY KEY,
  rep_id         INTEGER NOT NULL REFERENCES reps(id),
  meeting_date   TEXT NOT NULL,
  status         TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','closed')),
  private_note   TEXT,
  closed_at      TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX one_on_ones_rep_date ON one_on_ones(rep_id, meeting_date);

CREATE TABLE agenda_items (
  id              INTEGER PRIMARY KEY,
  one_on_one_id   INTEGER NOT NULL REFERENCES one_on_ones(id) ON DELETE CASCADE,
  position        INTEGER NOT NULL,
  title           TEXT NOT NULL,
  source_kind     TEXT,            -- commitment, deal, note, ... (what the item came from)
  source_id       INTEGER,
  added_by        TEXT NOT NULL DEFAULT 'manager' CHECK (added_by IN ('manager','rep','prepared')),
  notes           TEXT,
  done            INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0,1)),
  carried_from_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
  created_at      TEXT NOT NULL
) STRICT;
CREATE INDEX agenda_items_meeting ON agenda_items(one_on_one_id, position);

CREATE TABLE commitments (
  id            INTEGER PRIMARY KEY,
  rep_id        INTEGER NOT NULL REFERENCES reps(id),
  one_on_one_id INTEGER REFERENCES one_on_ones(id) ON DELETE SET NULL,
  deal_id       INTEGER REFERENCES deals(id) ON DELETE SET NULL,
  owner         TEXT NOT NULL CHECK (owner IN ('rep','manager')),
  text          TEXT NOT NULL,
  due_date      TEXT,
  status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','done','dropped')),
  done_date     TEXT,
  created_on    TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;
CREATE INDEX commitments_rep_status ON commitments(rep_id, status, due_date);

CREATE TABLE coaching_notes (
  id               INTEGER PRIMARY KEY,
  rep_id           INTEGER NOT NULL REFERENCES reps(id),
  deal_id          INTEGER REFERENCES deals(id) ON DELETE SET NULL,
  one_on_one_id    INTEGER REFERENCES one_on_ones(id) ON DELETE SET NULL,
  kind             TEXT NOT NULL CHECK (kind IN
    ('deal_review','observation','ride_along','feedback','recognition','other')),
  note_date        TEXT NOT NULL,
  body             TEXT NOT NULL,
  skill            TEXT,
  visibility       TEXT NOT NULL DEFAULT 'private' CHECK (visibility IN ('private','shareable')),
  follow_up_due    TEXT,
  follow_up_answer TEXT CHECK (follow_up_answer IN ('applied','partly','not_yet')),
  follow_up_date   TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
) STRICT;
CREATE INDEX coaching_notes_rep_date ON coaching_notes(rep_id, note_date);
CREATE INDEX coaching_notes_deal ON coaching_notes(deal_id);

-- rep_id NULL is the manager's own self-assessment (the mirror).
CREATE TABLE coachability_observations (
  id                 INTEGER PRIMARY KEY,
  rep_id             INTEGER REFERENCES reps(id),
  observed_on        TEXT NOT NULL,
  context            TEXT NOT NULL CHECK (context IN
    ('one_on_one','deal_review','call','team_meeting','self','other')),
  feedback_applied   INTEGER NOT NULL DEFAULT 0 CHECK (feedback_applied IN (0,1)),
  new_approach_tried INTEGER NOT NULL DEFAULT 0 CHECK (new_approach_tried IN (0,1)),
  note               TEXT,
  created_at         TEXT NOT NULL
) STRICT;
CREATE INDEX coachability_observations_rep ON coachability_observations(rep_id, observed_on);

CREATE TABLE coachability_ratings (
  observation_id INTEGER NOT NULL REFERENCES coachability_observations(id) ON DELETE CASCADE,
  sign           TEXT NOT NULL CHECK (sign IN ('bad_listener','not_open_to_feedback',
    'knows_it_all','lone_wolf','self_centred','resists_change','passive_aggressive')),
  frequency      INTEGER NOT NULL CHECK (frequency BETWEEN 0 AND 3), -- not seen .. all the time
  evidence       TEXT,
  PRIMARY KEY (observation_id, sign)
) STRICT;

CREATE TABLE value_prop_checks (
  id          INTEGER PRIMARY KEY,
  deal_id     INTEGER NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
  assessed_on TEXT NOT NULL,
  statement   TEXT NOT NULL,
  created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX value_prop_checks_deal ON value_prop_checks(deal_id, assessed_on);

CREATE TABLE value_prop_results (
  check_id INTEGER NOT NULL REFERENCES value_prop_checks(id) ON DELETE CASCADE,
  test     TEXT NOT NULL CHECK (test IN ('different','compelling','tailored','measurable',
    'time_bound','memorable','defendable')),
  result   TEXT NOT NULL CHECK (result IN ('pass','partial','fail','not_assessed')),
  evidence TEXT,
  PRIMARY KEY (check_id, test)
) STRICT;
`;
