/** "Tailored": the value proposition as told to each stakeholder, kept with the assessment. */
export const sql = `
CREATE TABLE value_prop_versions (
  check_id       INTEGER NOT NULL REFERENCES value_prop_checks(id) ON DELETE CASCADE,
  stakeholder_id INTEGER NOT NULL REFERENCES stakeholders(id) ON DELETE CASCADE,
  text           TEXT NOT NULL,
  PRIMARY KEY (check_id, stakeholder_id)
) STRICT;
`;
