import type { AssessedDeal } from '../../../shared/schemas/valueProps';
import type { Db } from '../db/open';
import { getDeal } from './deals';
import { pipeline } from './metrics';
import { dealValueProps } from './valueProps';

/** Every deal assessed by `asOf`, by id: the latest score and tests, the history, and its flags that day. */
export function assessedDeals(db: Db, asOf: string): AssessedDeal[] {
  const open = new Map(pipeline(db, asOf).deals.map((d) => [d.id, d]));
  const ids = db.prepare('SELECT DISTINCT deal_id FROM value_prop_checks WHERE assessed_on <= ? ORDER BY deal_id').pluck().all(asOf) as number[];
  return ids.flatMap((id) => {
    const vp = dealValueProps(db, id, asOf);
    const latest = vp.checks[0];
    if (!latest) return [];
    const deal = open.get(id) ?? getDeal(db, id);
    return [
      {
        dealId: id,
        deal: deal.name,
        rep: deal.repName,
        score: latest.score,
        assessedOn: latest.assessedOn,
        tests: latest.results,
        history: vp.checks.map((c) => ({ assessedOn: c.assessedOn, score: c.score })),
        required: vp.required,
        flags: open.get(id)?.flags ?? [],
      },
    ];
  });
}
