/**
 * The Pipeline's stored facts: per open deal of an active rep, the flags, their severities and
 * the attention score as shared/domain/flags.ts and attention.ts computed them for one day
 * (pipeline_facts_state.as_of), so the Pipeline filters and pages in SQL. Written only by
 * repos/pipelineFacts.ts, in the transaction of every write that changes them; a new day (or a
 * NULL as_of, as after this migration) rebuilds them at the first read.
 */
export const sql = `
CREATE TABLE pipeline_facts (
  deal_id             INTEGER PRIMARY KEY REFERENCES deals(id) ON DELETE CASCADE,
  rep_id              INTEGER NOT NULL,
  stage               TEXT NOT NULL,
  amount_cents        INTEGER NOT NULL,
  expected_close_date TEXT,
  attention           INTEGER NOT NULL CHECK (attention >= 0),
  -- Bit i set when FLAG_CODES[i] applies; the codes and severities in rule order, comma-joined.
  flag_mask           INTEGER NOT NULL CHECK (flag_mask >= 0),
  flags               TEXT NOT NULL,
  severities          TEXT NOT NULL,
  -- The most severe flag: 0 critical, 1 warning, 2 info, 3 none.
  worst               INTEGER NOT NULL CHECK (worst BETWEEN 0 AND 3),
  stakeholder_count   INTEGER NOT NULL CHECK (stakeholder_count >= 0)
) STRICT;
-- One index per keyset order the Pipeline pages in (ties: attention, larger deal, lower id),
-- covering the filters, so a filtered page reads the index alone until the page is full.
CREATE INDEX pipeline_facts_attention ON pipeline_facts (attention DESC, amount_cents DESC, deal_id, worst, flag_mask, rep_id, stage);
CREATE INDEX pipeline_facts_amount ON pipeline_facts (amount_cents DESC, attention DESC, deal_id, worst, flag_mask, rep_id, stage);
CREATE INDEX pipeline_facts_close ON pipeline_facts (expected_close_date IS NULL, expected_close_date, attention DESC, amount_cents DESC, deal_id, worst, flag_mask, rep_id, stage);
-- The header's counts (severities and flags, reps and their stakeholder tracking, stages) and
-- one rep's or one stage's deals.
CREATE INDEX pipeline_facts_worst ON pipeline_facts (worst, flag_mask);
CREATE INDEX pipeline_facts_rep ON pipeline_facts (rep_id, stakeholder_count);
CREATE INDEX pipeline_facts_stage ON pipeline_facts (stage);
CREATE TABLE pipeline_facts_state (
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  as_of TEXT
) STRICT;
INSERT INTO pipeline_facts_state (id, as_of) VALUES (1, NULL);
`;
