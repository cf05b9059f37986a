/**
 * What real CRM exports need: a deal may have no account yet (early-stage deals, exports
 * without a company column), and keeps the stage as the CRM wrote it when the workbench
 * reads it as another ("C6:WON" is Closed Won; "Proposal/Price Quote" is Proposal).
 * SQLite cannot drop a NOT NULL in place, so deals is rebuilt (the documented 12-step
 * procedure: foreign keys are off for this migration, and checked before it commits).
 * Owner ids the manager matched to a rep are remembered for the next export, and saved
 * mappings keep the file-level choices too.
 */
export const sql = `
CREATE TABLE deals_new (
  id                  INTEGER PRIMARY KEY,
  external_id         TEXT UNIQUE,
  rep_id              INTEGER NOT NULL REFERENCES reps(id),
  account_id          INTEGER REFERENCES accounts(id),
  name                TEXT NOT NULL,
  stage               TEXT NOT NULL,
  crm_stage           TEXT,
  amount_cents        INTEGER NOT NULL DEFAULT 0 CHECK (amount_cents >= 0),
  currency            TEXT NOT NULL DEFAULT 'USD',
  created_date        TEXT NOT NULL,
  expected_close_date TEXT,
  closed_date         TEXT,
  outcome             TEXT NOT NULL DEFAULT 'open' CHECK (outcome IN ('open','won','lost')),
  last_activity_date  TEXT,
  next_step           TEXT,
  source              TEXT,
  stage_entered_date  TEXT NOT NULL,
  close_date_changes  INTEGER NOT NULL DEFAULT 0,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  CHECK ((outcome = 'open') = (closed_date IS NULL))
) STRICT;
INSERT INTO deals_new (id, external_id, rep_id, account_id, name, stage, amount_cents, currency, created_date,
  expected_close_date, closed_date, outcome, last_activity_date, next_step, source, stage_entered_date,
  close_date_changes, created_at, updated_at)
SELECT id, external_id, rep_id, account_id, name, stage, amount_cents, currency, created_date,
  expected_close_date, closed_date, outcome, last_activity_date, next_step, source, stage_entered_date,
  close_date_changes, created_at, updated_at
FROM deals;
DROP TABLE deals;
ALTER TABLE deals_new RENAME TO deals;
CREATE INDEX deals_rep_outcome_closed ON deals(rep_id, outcome, closed_date, amount_cents);
CREATE INDEX deals_outcome_close ON deals(outcome, expected_close_date);
CREATE INDEX deals_rep_created ON deals(rep_id, created_date, outcome, closed_date, amount_cents);
CREATE INDEX deals_account ON deals(account_id);
CREATE INDEX deals_outcome_closed ON deals(outcome, closed_date);
CREATE INDEX deals_created ON deals(created_date);

CREATE TABLE rep_aliases (
  alias      TEXT PRIMARY KEY COLLATE NOCASE,  -- an owner as a CRM export writes it: an id, an e-mail, a short name
  rep_id     INTEGER NOT NULL REFERENCES reps(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX rep_aliases_rep ON rep_aliases(rep_id);

ALTER TABLE import_mappings ADD COLUMN options TEXT NOT NULL DEFAULT '{}';  -- JSON: the file-level choices
ALTER TABLE import_runs ADD COLUMN notes TEXT NOT NULL DEFAULT '[]';        -- JSON: fallbacks used, with row counts
`;
