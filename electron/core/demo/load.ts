/**
 * The demo team: nine reps with distinct stories, ~14 months of deals and the coaching
 * record around them, generated from a seed and dated relative to clock.today() so it
 * always looks live. Same seed and same day give byte-identical data.
 */
import { rebuildFacts } from '../repos/pipelineFacts';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { InvalidError } from '../errors';
import { writeCoachability } from './coachability';
import { writeDevelopment } from './development';
import { writeReviewAnswers } from './reviews';
import { STAGES, planDeals } from './deals';
import { writeMeetings } from './meetings';
import { MANAGER_NAME } from './names';
import { writeNotes } from './notes';
import { stream } from './random';
import { sceneFor } from './scene';
import { writeStakeholders } from './stakeholders';
import { planAccounts, planReps } from './team';
import { writeValueProps } from './valueprops';
import { DemoWriter, type WrittenDeal, type WrittenRep } from './writer';

export function loadDemo(db: Db, clock: Clock, seed: number): { reps: number; deals: number } {
  const today = clock.today();
  const nowIso = clock.now().toISOString();
  return db.transaction(() => {
    const w = new DemoWriter(db, nowIso);
    if (w.repCount() > 0) {
      throw new InvalidError(
        'This workbench already has reps; demo data only loads into an empty workbench.',
      );
    }

    // Plan first (pure), then write; each concern draws from its own stream.
    const repPlans = planReps(stream(seed, 'reps'), today);
    const accountPlans = planAccounts(stream(seed, 'accounts'), repPlans);
    const dealPlans = planDeals(stream(seed, 'deals'), today, repPlans, accountPlans);

    w.setting('managerName', MANAGER_NAME, true);
    w.setting('currency', 'USD');
    w.setting('quotaPeriod', 'quarter');
    w.setting('stages', STAGES);

    const reps: WrittenRep[] = repPlans.map((plan) => ({ id: w.rep(plan), plan }));
    const accountIds = accountPlans.map((a) => w.account(a));
    const deals: WrittenDeal[] = dealPlans.map((plan, i) => {
      const rep = reps[plan.repIndex]!;
      const account = accountPlans[plan.accountIndex]!;
      const externalId = `OPP-${String(i + 1001).padStart(6, '0')}`;
      const id = w.deal(plan, externalId, rep.id, accountIds[plan.accountIndex]!);
      return { id, plan, account, rep: rep.plan };
    });

    writeStakeholders(stream(seed, 'stakeholders'), w, deals);
    const scenes = reps.map((r) => sceneFor(r, deals, today));
    const coaching = stream(seed, 'coaching');
    for (const s of scenes) {
      const { meetings } = writeMeetings(coaching, w, s);
      writeNotes(coaching, w, s, meetings);
    }
    writeCoachability(stream(seed, 'coachability'), w, scenes, today);
    writeValueProps(stream(seed, 'valueprops'), w, scenes, today);
    writeDevelopment(db, reps, today);
    writeReviewAnswers(db);

    rebuildFacts(db, today);
    return { reps: reps.length, deals: deals.length };
  }).immediate();
}
