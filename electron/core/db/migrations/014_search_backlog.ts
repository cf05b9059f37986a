/**
 * Search entries still to write: a big import commits its deals first and their search entries
 * right after, a chunk at a time (so the import is done seconds sooner). Recorded in the
 * import's own transaction, so a crash in between leaves the range here, and opening the file
 * writes the missing entries (db/searchBacklog.ts).
 */
export const sql = `
CREATE TABLE search_backlog (
  source   TEXT PRIMARY KEY CHECK (source IN ('deals')),
  -- Rows with after_id < id <= up_to_id may lack their entry (some may have it already).
  after_id INTEGER NOT NULL,
  up_to_id INTEGER NOT NULL CHECK (up_to_id > after_id)
) STRICT;
`;
