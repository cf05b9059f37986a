/** The trusted-advisor ladder per account: the current level stays on accounts; changes are kept here. */
export const sql = `
ALTER TABLE accounts ADD COLUMN advisor_signs TEXT;  -- JSON: which of the seed's signs are seen
CREATE TABLE account_advisor_history (
  id         INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  level      TEXT NOT NULL CHECK (level IN ('vendor','preferred_vendor','supplier','preferred_supplier','trusted_advisor')),
  signs      TEXT NOT NULL,
  note       TEXT,
  changed_on TEXT NOT NULL,
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX account_advisor_history_account ON account_advisor_history(account_id, changed_on);
`;
