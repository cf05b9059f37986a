import { attainment, fromCents } from '../../../shared/domain/money';
import { periodContaining } from '../../../shared/domain/periods';
import type { TeamRow, TeamSummary } from '../../../shared/schemas/team';
import type { Db } from '../db/open';
import { getSettings } from './settings';

interface Row {
  repId: number;
  name: string;
  role: string;
  status: string;
  territory: string | null;
  quotaCents: number;
  wonCents: number;
  openCents: number;
  openCount: number;
  dealCount: number;
}

/** One aggregate query for the whole team: per-rep totals computed by SQLite, not in JS. */
export function teamSummary(db: Db, asOf: string, includeArchived: boolean): TeamSummary {
  const settings = getSettings(db);
  const period = periodContaining(asOf, settings.quotaPeriod);
  const rows = db
    .prepare(
      `SELECT r.id AS repId, r.name, r.role, r.status, r.territory, r.quota_cents AS quotaCents,
         COALESCE((SELECT SUM(amount_cents) FROM deals
            WHERE rep_id = r.id AND outcome = 'won' AND closed_date BETWEEN @start AND @end), 0) AS wonCents,
         COALESCE((SELECT SUM(amount_cents) FROM deals WHERE rep_id = r.id AND created_date <= @asOf
            AND (outcome = 'open' OR closed_date > @asOf)), 0) AS openCents,
         (SELECT COUNT(*) FROM deals WHERE rep_id = r.id AND created_date <= @asOf
            AND (outcome = 'open' OR closed_date > @asOf)) AS openCount,
         (SELECT COUNT(*) FROM deals WHERE rep_id = r.id AND created_date <= @asOf) AS dealCount
       FROM reps r
       ${includeArchived ? '' : "WHERE r.status <> 'archived'"}
       ORDER BY r.name`,
    )
    // Won so far this period as of that day, and the pipeline as it stood then (as the metrics do).
    .all({ start: period.start, end: asOf < period.end ? asOf : period.end, asOf }) as Row[];
  return {
    asOf,
    period,
    currency: settings.currency,
    rows: rows.map(
      (r): TeamRow => ({
        repId: r.repId,
        name: r.name,
        role: r.role,
        status: r.status,
        territory: r.territory,
        quota: fromCents(r.quotaCents),
        wonThisPeriod: fromCents(r.wonCents),
        attainment: attainment(r.wonCents, r.quotaCents),
        openPipeline: fromCents(r.openCents),
        openCount: r.openCount,
        dealCount: r.dealCount,
      }),
    ),
  };
}
