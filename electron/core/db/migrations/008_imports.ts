/**
 * CRM imports: a record of each import (written in the same transaction as its rows, so a
 * run either exists with all its rows or not at all) and mappings the manager saved for reuse.
 */
export const sql = `
CREATE TABLE import_runs (
  id           INTEGER PRIMARY KEY,
  file_name    TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('deals','reps','accounts')),
  preset       TEXT,
  imported_at  TEXT NOT NULL,
  rows_read    INTEGER NOT NULL,
  created      INTEGER NOT NULL,
  updated      INTEGER NOT NULL,
  unchanged    INTEGER NOT NULL,
  skipped      INTEGER NOT NULL,
  reps_created INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE import_mappings (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL COLLATE NOCASE UNIQUE,
  kind        TEXT NOT NULL CHECK (kind IN ('deals','reps','accounts')),
  headers     TEXT NOT NULL,        -- the file's header signature, to recognise it again
  mapping     TEXT NOT NULL,        -- JSON: header -> field
  stage_outcomes TEXT NOT NULL,     -- JSON: stage value -> open|won|lost
  date_order  TEXT CHECK (date_order IN ('mdy','dmy')),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
`;
