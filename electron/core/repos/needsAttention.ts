/**
 * The Dashboard's "Needs attention" card, the team review's list and a rep's top few. When the
 * Pipeline's stored facts are for the day asked (today, normally), the top deals are one index
 * range of pipeline_facts and only those few are ranked again to be spelled out: a few ms at
 * 250,000 open deals, where ranking every open deal took seconds. Any other day ranks.
 */
import type { NeedsAttention } from '../../../shared/schemas/pipeline';
import type { Db } from '../db/open';
import { attentionLimit, explainDeal, needsAttentionRanked, ranked } from './metrics';
import { factsAsOf } from './pipelineFacts';
import { getSettings } from './settings';

export function needsAttention(db: Db, asOf: string, opts: { repId?: number | undefined; limit?: number | undefined } = {}, locale?: string): NeedsAttention {
  if (factsAsOf(db) !== asOf) return needsAttentionRanked(db, asOf, opts, locale);
  const settings = getSettings(db);
  const limit = attentionLimit(opts, settings);
  const ofRep = opts.repId === undefined ? '' : 'AND rep_id = @repId';
  const params = { repId: opts.repId ?? null, limit };
  // The ranking's order (attention, the larger deal, the lower id): the attention index's order.
  const top = db
    .prepare(
      `SELECT deal_id AS dealId, rep_id AS repId FROM pipeline_facts WHERE attention > 0 ${ofRep}
       ORDER BY attention DESC, amount_cents DESC, deal_id LIMIT @limit`,
    )
    .all(params) as { dealId: number; repId: number }[];
  const deals = top.flatMap(({ dealId, repId }) => {
    const { policy, deals: [x] } = ranked(db, asOf, settings, { repId, dealId });
    return x ? [explainDeal(x.d, x.hits, x.attention, asOf, settings, policy, locale)] : [];
  });
  const counts = db
    .prepare(`SELECT COUNT(*) AS openCount, COALESCE(SUM(worst <= 1), 0) AS warningOrWorse FROM pipeline_facts WHERE 1 ${ofRep}`)
    .get(params) as { openCount: number; warningOrWorse: number };
  // A rep "keeps no stakeholder maps" when none of their open deals has anyone recorded.
  const untracked = db
    .prepare(
      `SELECT DISTINCT r.name FROM (SELECT rep_id, MAX(stakeholder_count) AS most FROM pipeline_facts WHERE 1 ${ofRep} GROUP BY rep_id) f
       JOIN reps r ON r.id = f.rep_id WHERE f.most = 0`,
    )
    .pluck()
    .all(params) as string[];
  return { asOf, deals, ...counts, untrackedReps: untracked.sort() };
}
