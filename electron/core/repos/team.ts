import { attainment, fromCents } from '../../../shared/domain/money';
import { periodContaining } from '../../../shared/domain/periods';
import type { TeamRow, TeamSummary } from '../../../shared/schemas/team';
import type { Db } from '../db/open';
import { closedSums, openTotals } from './rollups';
import { getSettings } from './settings';

interface Row {
  repId: number;
  name: string;
  role: string;
  status: string;
  territory: string | null;
  quotaCents: number;
}

/** The Team list: per-rep totals read from the rollups (repos/rollups.ts), as the metrics read them. */
export function teamSummary(db: Db, asOf: string, includeArchived: boolean): TeamSummary {
  const settings = getSettings(db);
  const period = periodContaining(asOf, settings.quotaPeriod);
  const rows = db
    .prepare(
      `SELECT id AS repId, name, role, status, territory, quota_cents AS quotaCents FROM reps
       ${includeArchived ? '' : "WHERE status <> 'archived'"}
       ORDER BY name`,
    )
    .all() as Row[];
  // Won so far this period as of that day, and the pipeline as it stood then (as the metrics do).
  const won = closedSums(db, period.start, asOf < period.end ? asOf : period.end, asOf, 'each rep');
  const open = openTotals(db, asOf, null);
  return {
    asOf,
    period,
    currency: settings.currency,
    rows: rows.map((r): TeamRow => {
      const wonCents = won.get(r.repId)?.wonCents ?? 0;
      const o = open.get(r.repId);
      return {
        repId: r.repId,
        name: r.name,
        role: r.role,
        status: r.status,
        territory: r.territory,
        quota: fromCents(r.quotaCents),
        wonThisPeriod: fromCents(wonCents),
        attainment: attainment(wonCents, r.quotaCents),
        openPipeline: fromCents(o?.openCents ?? 0),
        openCount: o?.openCount ?? 0,
        dealCount: o?.dealCount ?? 0,
      };
    }),
  };
}
