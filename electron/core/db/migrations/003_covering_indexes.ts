/**
 * Indexes for the metrics and pipeline queries at a VP's scale, measured with
 * scripts/bench.ts at 1,000 reps and 1,000,000 deals: covering indexes so the per-rep
 * sums read no table rows, and ranges for "open as of" and "created this week".
 */
export const sql = `
DROP INDEX deals_rep_outcome_closed;
CREATE INDEX deals_rep_outcome_closed ON deals(rep_id, outcome, closed_date, amount_cents);
DROP INDEX deals_rep_created;
CREATE INDEX deals_rep_created ON deals(rep_id, created_date, outcome, closed_date, amount_cents);
CREATE INDEX deals_outcome_closed ON deals(outcome, closed_date);
CREATE INDEX deals_created ON deals(created_date);
`;
