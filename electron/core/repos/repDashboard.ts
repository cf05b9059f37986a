import { daysBetween, periodContaining } from '../../../shared/domain/periods';
import type { RepDashboard } from '../../../shared/schemas/pipeline';
import type { Db } from '../db/open';
import { NotFoundError } from '../errors';
import { pipeline, repMetrics } from './metrics';
import { getRep } from './reps';
import { getSettings } from './settings';

/** One rep's numbers, the inputs of the what-if panel, and their open deals ranked by attention. */
export function repDashboard(db: Db, repId: number, asOf: string): RepDashboard {
  const rep = getRep(db, repId);
  const metrics = repMetrics(db, asOf, repId)[0];
  if (!metrics) throw new NotFoundError('Rep', `${rep.name} (archived)`);
  const settings = getSettings(db);
  const period = periodContaining(asOf, settings.quotaPeriod);
  const p = pipeline(db, asOf, repId);
  return {
    metrics,
    period,
    asOf,
    daysLeftInPeriod: Math.max(0, daysBetween(asOf, period.end) + 1),
    prospectsPerOpp: settings.prospectsPerOpp,
    ranked: p.deals,
    needsAttention: p.deals.filter((d) => d.attention > 0).slice(0, settings.triage.perRep),
    stakeholdersTracked: p.untrackedReps.length === 0,
  };
}
