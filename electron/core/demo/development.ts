/**
 * Development in the demo: a running plan for the low-win-rate rep (a check-in recorded), one
 * just started for the rep with too few opportunities, a finished plan for a steady rep, and
 * the manager's own placement of the uncoachable top performer. Written through the same
 * store functions the screens use, each on the day it happened.
 */
import { addDays } from '../../../shared/domain/periods';
import { fixedClock } from '../clock';
import type { Db } from '../db/open';
import { closePlan, createPlan, recordCheckin, setPlacement } from '../repos/development';
import type { WrittenRep } from './writer';

export function writeDevelopment(db: Db, reps: WrittenRep[], today: string): void {
  const rep = (key: string) => reps.find((r) => r.plan.profile.key === key);
  const on = (days: number) => fixedClock(addDays(today, days));
  const base = { actions: null, target: null, lengthDays: 60 };

  const low = rep('low_win_rate');
  if (low) {
    const start = addDays(today, -35);
    const plan = createPlan(db, on(-35), {
      ...base,
      repId: low.id,
      drivers: ['value_props', 'win_rate'],
      metric: 'win_rate',
      startDate: start,
      actions: 'Assess the value proposition of every deal over $50k before Proposal; qualify out early instead of chasing.',
    });
    recordCheckin(db, on(-21), { planId: plan.id, note: 'Two value propositions rewritten with the customer’s numbers; one deal qualified out.' });
    recordCheckin(db, on(-7), { planId: plan.id, note: 'Still discounting to win. Practised the "compelling" question in a role play.' });
  }

  const few = rep('too_few_opps');
  if (few) {
    createPlan(db, on(-4), {
      ...base,
      repId: few.id,
      drivers: ['new_opps', 'follow_through'],
      metric: 'new_opps',
      startDate: addDays(today, -4),
      actions: 'Ten prospecting calls every morning before 10; two new qualified opportunities a week, reviewed every Monday.',
    });
  }

  const steady = rep('solid_field');
  if (steady) {
    const plan = createPlan(db, on(-150), {
      ...base,
      repId: steady.id,
      drivers: ['stakeholders', 'deal_size'],
      metric: 'deal_size',
      startDate: addDays(today, -150),
      actions: 'Map three stakeholders on every deal; reach the economic buyer through the mid-level contact.',
    });
    closePlan(db, on(-90), { planId: plan.id, status: 'completed', note: 'Multi-threading is now a habit; average deal size rose.' });
  }

  const top = rep('uncoachable_top');
  if (top) {
    setPlacement(db, on(-10), {
      repId: top.id,
      quadrant: 'talent_not_effort',
      note: 'Closes big when engaged, but skips the pipeline meeting and the account plans. Effort is the conversation, not skill.',
    });
  }
}
