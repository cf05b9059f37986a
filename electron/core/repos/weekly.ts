import { fromCents } from '../../../shared/domain/money';
import { addDays } from '../../../shared/domain/periods';
import type { WeeklyChange, WeeklyRep, WeeklyReview } from '../../../shared/schemas/pipeline';
import type { Db } from '../db/open';

/**
 * The weekly pipeline meeting: per rep, what was created since last week (the first sign of
 * an activity problem is a rep with nothing new) and which deals moved stage or close date.
 */
export function weeklyReview(db: Db, asOf: string): WeeklyReview {
  const since = addDays(asOf, -7);
  const reps = db.prepare(`SELECT id AS repId, name FROM reps WHERE status = 'active' ORDER BY name`).all() as {
    repId: number;
    name: string;
  }[];
  const created = db
    .prepare(
      `SELECT d.rep_id AS repId, d.id, d.name, a.name AS accountName, d.amount_cents AS cents, d.stage, d.created_date AS createdDate
       FROM deals d LEFT JOIN accounts a ON a.id = d.account_id
       WHERE d.created_date > @since AND d.created_date <= @asOf ORDER BY d.created_date, d.id`,
    )
    .all({ since, asOf }) as { repId: number; id: number; name: string; accountName: string | null; cents: number; stage: string; createdDate: string }[];
  const changes = db
    .prepare(
      `SELECT d.rep_id AS repId, d.id AS dealId, d.name AS dealName, a.name AS accountName, d.amount_cents AS cents,
         'stage' AS kind, h.from_stage AS "from", h.to_stage AS "to", h.changed_on AS changedOn
       FROM deal_stage_history h JOIN deals d ON d.id = h.deal_id LEFT JOIN accounts a ON a.id = d.account_id
       WHERE h.changed_on > @since AND h.changed_on <= @asOf AND h.from_stage IS NOT NULL
       UNION ALL
       SELECT d.rep_id, d.id, d.name, a.name, d.amount_cents, 'close_date', c.from_date, c.to_date, c.changed_on
       FROM deal_close_date_changes c JOIN deals d ON d.id = c.deal_id LEFT JOIN accounts a ON a.id = d.account_id
       WHERE c.changed_on > @since AND c.changed_on <= @asOf
       ORDER BY changedOn, dealId`,
    )
    .all({ since, asOf }) as (Omit<WeeklyChange, 'amount'> & { repId: number; cents: number })[];

  const byRep = new Map<number, WeeklyRep>(reps.map((r) => [r.repId, { ...r, newDeals: [], changes: [] }]));
  for (const c of created) {
    byRep.get(c.repId)?.newDeals.push({ id: c.id, name: c.name, accountName: c.accountName, amount: fromCents(c.cents), stage: c.stage, createdDate: c.createdDate });
  }
  for (const { repId, cents, ...c } of changes) byRep.get(repId)?.changes.push({ ...c, amount: fromCents(cents) });
  return { asOf, since, reps: [...byRep.values()] };
}
