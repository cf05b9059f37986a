/** Reps, accounts, deals and their automatically recorded history; settings. */
export const sql = `
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL            -- JSON
) STRICT;

CREATE TABLE reps (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL COLLATE NOCASE UNIQUE,
  email        TEXT,
  role         TEXT NOT NULL CHECK (role IN ('field','inside','presales','sdr','other')),
  territory    TEXT,
  hire_date    TEXT,
  status       TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','on_leave','archived')),
  quota_cents  INTEGER NOT NULL DEFAULT 0 CHECK (quota_cents >= 0),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
) STRICT;

CREATE TABLE accounts (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL COLLATE NOCASE UNIQUE,
  industry      TEXT,
  segment       TEXT,
  -- trusted-advisor ladder: vendor .. trusted_advisor
  advisor_level TEXT CHECK (advisor_level IN
    ('vendor','preferred_vendor','supplier','preferred_supplier','trusted_advisor')),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;

CREATE TABLE deals (
  id                  INTEGER PRIMARY KEY,
  external_id         TEXT UNIQUE,
  rep_id              INTEGER NOT NULL REFERENCES reps(id),
  account_id          INTEGER NOT NULL REFERENCES accounts(id),
  name                TEXT NOT NULL,
  stage               TEXT NOT NULL,
  amount_cents        INTEGER NOT NULL DEFAULT 0 CHECK (amount_cents >= 0),
  currency            TEXT NOT NULL DEFAULT 'USD',
  created_date        TEXT NOT NULL,
  expected_close_date TEXT,
  closed_date         TEXT,
  outcome             TEXT NOT NULL DEFAULT 'open' CHECK (outcome IN ('open','won','lost')),
  last_activity_date  TEXT,
  next_step           TEXT,
  source              TEXT,
  stage_entered_date  TEXT NOT NULL,  -- kept with the history so stage age needs no scan
  close_date_changes  INTEGER NOT NULL DEFAULT 0,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  CHECK ((outcome = 'open') = (closed_date IS NULL))
) STRICT;
-- Metrics: won/lost per rep in a window; pipeline: open deals per rep; weekly new opps.
CREATE INDEX deals_rep_outcome_closed ON deals(rep_id, outcome, closed_date);
CREATE INDEX deals_outcome_close ON deals(outcome, expected_close_date);
CREATE INDEX deals_rep_created ON deals(rep_id, created_date);
CREATE INDEX deals_account ON deals(account_id);

CREATE TABLE deal_stage_history (
  id          INTEGER PRIMARY KEY,
  deal_id     INTEGER NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
  from_stage  TEXT,
  to_stage    TEXT NOT NULL,
  changed_on  TEXT NOT NULL,
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX deal_stage_history_deal ON deal_stage_history(deal_id, changed_on);
CREATE INDEX deal_stage_history_changed ON deal_stage_history(changed_on);

CREATE TABLE deal_close_date_changes (
  id          INTEGER PRIMARY KEY,
  deal_id     INTEGER NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
  from_date   TEXT,
  to_date     TEXT,
  changed_on  TEXT NOT NULL,
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX deal_close_date_changes_deal ON deal_close_date_changes(deal_id, changed_on);
CREATE INDEX deal_close_date_changes_changed ON deal_close_date_changes(changed_on);
`;
