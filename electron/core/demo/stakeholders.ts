/**
 * Who-is-who on open deals (domain section 7): single-threaded deals, deals with no decision
 * maker where a mid-level contact keeps the rep waiting, and properly multi-threaded deals.
 */
import { addDays, dayBetween, earlierOf, laterOf } from './dates';
import { TITLES, personName } from './names';
import type { Rng } from './random';
import type { DemoWriter, StakeholderRow, WrittenDeal } from './writer';

type Threading = 'single' | 'no_dm' | 'multi';
type Role = StakeholderRow['role'];

const STANCES: Record<Role, readonly (readonly [StakeholderRow['stance'], number])[]> = {
  decision_maker: [['supporter', 3], ['neutral', 3], ['unknown', 2], ['opponent', 1]],
  champion: [['supporter', 1]],
  influencer: [['supporter', 2], ['neutral', 2], ['unknown', 1]],
  mid_level: [['neutral', 3], ['unknown', 2], ['supporter', 2]],
  user: [['supporter', 2], ['neutral', 1]],
  blocker: [['opponent', 1]],
};

function rolesFor(rng: Rng, threading: Threading): Role[] {
  if (threading === 'single') return [rng.weighted([['champion', 3], ['mid_level', 2]] as const)];
  if (threading === 'no_dm') {
    return rng.pick([
      ['mid_level', 'influencer'],
      ['champion', 'mid_level'],
      ['champion', 'mid_level', 'user'],
    ] as Role[][]);
  }
  const roles: Role[] = ['decision_maker', 'champion', 'influencer', 'mid_level'];
  if (rng.chance(0.5)) roles.push('user');
  if (rng.chance(0.2)) roles.push('blocker');
  return roles;
}

function contact(
  rng: Rng,
  deal: WrittenDeal,
  role: Role,
  threading: Threading,
  used: Set<string>,
): StakeholderRow {
  let name = personName(rng);
  while (used.has(name)) name = personName(rng);
  used.add(name);
  const { created, lastActivity } = deal.plan;
  const recent = dayBetween(rng, laterOf(created, addDays(lastActivity, -30)), lastActivity);
  const row: StakeholderRow = {
    dealId: deal.id,
    name,
    title: rng.pick(TITLES[role] ?? ['Manager']),
    role,
    stance: rng.weighted(STANCES[role]),
    lastContactDate: rng.chance(0.9) ? recent : null,
    nudgesSent: 0,
    dmNameKnown: false,
    willRecommend: null,
    dmMeetingDate: null,
    recordedOn: created,
  };
  // Recorded within two weeks of the deal's creation, and by the last contact with them.
  row.recordedOn = laterOf(created, earlierOf(row.lastContactDate ?? lastActivity, addDays(created, 14)));
  if (role === 'mid_level') {
    // The gatekeeper playbook: after 4-5 nudges, ask the DM's name and "will you recommend us?".
    const nudges = threading === 'multi' ? rng.int(0, 2) : rng.int(0, 6);
    row.nudgesSent = nudges;
    row.dmNameKnown = threading === 'multi' || rng.chance(nudges >= 4 ? 0.6 : 0.2);
    row.willRecommend =
      nudges >= 4 || rng.chance(0.3) ? rng.pick(['yes', 'no', 'unsure', null] as const) : null;
    if (row.willRecommend === 'yes' && rng.chance(0.6)) {
      row.dmMeetingDate = dayBetween(rng, laterOf(created, addDays(lastActivity, -20)), lastActivity);
    }
  }
  return row;
}

/** Writes stakeholders for most open deals; returns how many rows were written. */
export function writeStakeholders(rng: Rng, w: DemoWriter, deals: readonly WrittenDeal[]): number {
  let count = 0;
  for (const deal of deals) {
    if (deal.plan.outcome !== 'open' || !rng.chance(0.75)) continue;
    const weights = deal.rep.profile.threading;
    const threading = rng.weighted([
      ['single', weights[0]],
      ['no_dm', weights[1]],
      ['multi', weights[2]],
    ] as const);
    const used = new Set<string>();
    for (const role of rolesFor(rng, threading)) {
      w.stakeholder(contact(rng, deal, role, threading, used));
      count++;
    }
  }
  return count;
}
