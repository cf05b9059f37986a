/**
 * One-on-ones with their agendas and the commitments made in them, for both sides: the
 * manager's promises are tracked like the rep's (domain section 12), and whether the rep
 * keeps theirs is an objective coachability signal (section 5).
 */
import { addDays, daysBetween, earlierOf, weekday } from './dates';
import { NEGLECT_DAYS } from './profiles';
import type { Rng } from './random';
import { SKILLS, biggestOpenOn, dealLabel, openOn, type RepScene } from './scene';
import type { CommitmentRow, DemoWriter, WrittenDeal } from './writer';

export interface Meeting {
  id: number;
  date: string;
  closed: boolean;
}

/** Past meeting dates (oldest first) and the next planned one, per the rep's story. */
function schedule(rng: Rng, s: RepScene): { past: string[]; planned: string | null } {
  const { today } = s;
  const hire = s.rep.plan.hireDate;
  const key = s.rep.plan.profile.key;
  let past: string[] = [];
  let planned: string | null = null;

  if (key === 'top_performer') {
    // Neglect: nothing with this rep for the last NEGLECT_DAYS, and nothing planned.
    const latest = addDays(today, -NEGLECT_DAYS);
    past = [150, 122, 94, 66, NEGLECT_DAYS + 3].map((ago) =>
      weekday(addDays(today, -(ago + rng.int(0, 2))), latest),
    );
  } else if (key === 'new_hire') {
    // Onboarding: weekly, from the first week.
    let d = weekday(addDays(hire, 3), today);
    while (d < today) {
      past.push(d);
      d = addDays(d, 7);
    }
    planned = d === today ? addDays(d, 7) : d;
  } else {
    let d = addDays(s.end, -rng.int(s.end === today ? 3 : 1, s.end === today ? 12 : 5));
    for (let i = 0; i < 5; i++) {
      past.unshift(weekday(d, addDays(today, -1)));
      d = addDays(d, -rng.int(14, 21));
    }
    if (s.end === today) planned = weekday(addDays(today, rng.int(2, 9)), addDays(today, 30));
  }
  past = [...new Set(past)].filter((d) => d > addDays(hire, 2) && d < today).sort();
  return { past, planned };
}

const REP_TOPICS = [
  'Territory overlap with inside sales',
  'Pricing approval takes too long',
  'Time off next month',
  'Difficult procurement team at a key account',
  'Training budget for next quarter',
  'Could I take on a larger account?',
];

const PRIVATE_NOTES = [
  'Energy good; sounded confident about the quarter.',
  'Seemed tired. Ask about workload next time.',
  'Defensive when we got to the overdue deals.',
  'Good questions about how to reach the economic buyer.',
  'Talked mostly about one deal again.',
  'Asked for more coaching on negotiation; follow up.',
];

type Maker = (d: WrittenDeal | null) => string;

const REP_COMMITMENTS: Record<string, readonly Maker[]> = {
  any: [
    (d) =>
      d
        ? `Map the buying committee at ${d.account.name} and name the decision maker`
        : 'Map the buying committee on the top three deals',
    (d) =>
      d
        ? `Send a mutual close plan for ${dealLabel(d)}`
        : 'Send mutual close plans for every deal in Proposal',
    () => 'Update the close dates on every deal past its date',
    (d) =>
      d
        ? `Run the seven value-proposition questions on ${dealLabel(d)}`
        : 'Rewrite the standard value proposition for the top account',
    (d) =>
      d
        ? `Ask the ${d.account.name} contact: "Will you recommend us to the decision maker?"`
        : "Ask every mid-level contact for the decision maker's name",
  ],
  too_few_opps: [
    () => 'Create 2 new qualified opportunities per week',
    () => 'Block Tuesday and Thursday mornings for prospecting',
    () => 'Bring three new opportunities to the next pipeline meeting',
  ],
  low_win_rate: [
    () => 'Qualify out one weak deal before the next pipeline meeting',
    (d) =>
      d
        ? `Get a meeting with the decision maker at ${d.account.name}`
        : 'Get a meeting with one decision maker this week',
    () => 'Write five discovery questions before every first call',
  ],
  uncoachable_top: [
    (d) =>
      d ? `Bring a second contact into ${dealLabel(d)}` : 'Bring a second contact into the biggest deal',
    () => 'Try the new discovery framework on the next first call',
    () => 'Share a recent win story at the team meeting',
  ],
  new_hire: [
    () => 'Finish the product certification',
    () => 'Shadow two discovery calls with a senior rep',
    () => 'Build account plans for the top three accounts',
  ],
};

const MANAGER_COMMITMENTS: readonly Maker[] = [
  (d) => (d ? `Join the ${d.account.name} executive call` : 'Join one executive call this month'),
  (d) => (d ? `Get pricing approval for ${dealLabel(d)}` : 'Clarify the discount approval limits'),
  () => 'Send the discovery question bank',
  () => 'Set up a shadowing session with a top performer',
  (d) =>
    d
      ? `Ask marketing for two ${d.account.industry.name} case studies`
      : 'Ask marketing for two new case studies',
  () => 'Find budget for the negotiation workshop',
];

/** Did it get done? Past-due commitments are done, dropped or left open (overdue). */
function outcome(
  rng: Rng,
  today: string,
  createdOn: string,
  due: string,
  followThrough: number,
): Pick<CommitmentRow, 'status' | 'doneDate'> {
  const doneDate = () =>
    earlierOf(today, addDays(createdOn, rng.int(1, daysBetween(createdOn, due) + 3)));
  if (due >= today) {
    return rng.chance(0.2) ? { status: 'done', doneDate: doneDate() } : { status: 'open', doneDate: null };
  }
  const r = rng.next();
  if (r < followThrough) return { status: 'done', doneDate: doneDate() };
  if (r < followThrough + (1 - followThrough) * 0.3) return { status: 'dropped', doneDate: null };
  return { status: 'open', doneDate: null };
}

interface AgendaDraft {
  title: string;
  kind: string | null;
  src: number | null;
  by: 'manager' | 'rep' | 'prepared';
  notes: string | null;
  /** The unfinished item this one was carried over from. */
  from: number | null;
}

const draft = (
  title: string,
  by: AgendaDraft['by'],
  extra: Partial<Omit<AgendaDraft, 'title' | 'by'>> = {},
): AgendaDraft => ({ title, by, kind: null, src: null, notes: null, from: null, ...extra });

const FOLLOW_UP = "Follow up on last meeting's commitments";

export interface MeetingsResult {
  meetings: Meeting[];
  commitments: number;
  agendaItems: number;
}

export function writeMeetings(rng: Rng, w: DemoWriter, s: RepScene): MeetingsResult {
  const p = s.rep.plan.profile;
  const { past, planned } = schedule(rng, s);
  const meetings: Meeting[] = [];
  let commitments = 0;
  let agendaItems = 0;
  let carry: { id: number; title: string }[] = [];
  let lastCommitment: number | null = null;

  for (const date of past) {
    const id = w.oneOnOne(s.rep.id, date, true, rng.chance(0.5) ? rng.pick(PRIVATE_NOTES) : null);
    meetings.push({ id, date, closed: true });
    const deal = biggestOpenOn(s, date);
    const other = rng.chance(0.5) ? rng.pick([null, ...openOn(s, date)]) : null;

    const items: AgendaDraft[] = [];
    for (const c of carry) items.push(draft(c.title, 'manager', { from: c.id }));
    if (lastCommitment !== null) {
      items.push(draft(FOLLOW_UP, 'prepared', { kind: 'commitment', src: lastCommitment }));
    }
    if (deal) {
      items.push(
        draft(`Deal review: ${dealLabel(deal)}`, 'prepared', {
          kind: 'deal',
          src: deal.id,
          notes: `How do you know they will sign by ${deal.plan.expectedClose}?`,
        }),
      );
    }
    items.push(draft(`Development: ${rng.pick(SKILLS)}`, 'manager'));
    if (rng.chance(0.4)) items.push(draft(rng.pick(REP_TOPICS), 'rep'));

    carry = [];
    items.forEach((it, i) => {
      // Now and then an item runs out of time and is carried to the next meeting.
      const done = it.from !== null || !rng.chance(0.15);
      const itemId = w.agendaItem({
        oneOnOneId: id,
        position: i + 1,
        title: it.title,
        sourceKind: it.kind,
        sourceId: it.src,
        addedBy: it.by,
        notes: it.notes,
        done,
        carriedFromId: it.from,
      });
      agendaItems++;
      if (!done) carry.push({ id: itemId, title: it.title });
    });

    const repMakers = [...(REP_COMMITMENTS[p.key] ?? []), ...(REP_COMMITMENTS.any ?? [])];
    const nRep = rng.chance(0.4) ? 2 : 1;
    lastCommitment = null;
    for (let k = 0; k < nRep; k++) {
      const d = k === 0 ? deal : other;
      const due = addDays(date, rng.pick([7, 14]));
      const cid = w.commitment({
        repId: s.rep.id,
        oneOnOneId: id,
        dealId: d?.id ?? null,
        owner: 'rep',
        text: rng.pick(repMakers)(d),
        dueDate: due,
        ...outcome(rng, s.today, date, due, p.followThrough),
        createdOn: date,
      });
      lastCommitment ??= cid;
      commitments++;
    }
    if (rng.chance(0.55)) {
      const due = addDays(date, rng.pick([7, 10, 14]));
      w.commitment({
        repId: s.rep.id,
        oneOnOneId: id,
        dealId: deal?.id ?? null,
        owner: 'manager',
        text: rng.pick(MANAGER_COMMITMENTS)(deal),
        dueDate: due,
        ...outcome(rng, s.today, date, due, 0.85),
        createdOn: date,
      });
      commitments++;
    }
  }

  if (planned) {
    const id = w.oneOnOne(s.rep.id, planned, false, null);
    meetings.push({ id, date: planned, closed: false });
    let pos = 1;
    const add = (a: AgendaDraft) => {
      w.agendaItem({
        oneOnOneId: id,
        position: pos++,
        title: a.title,
        sourceKind: a.kind,
        sourceId: a.src,
        addedBy: a.by,
        notes: a.notes,
        done: false,
        carriedFromId: a.from,
      });
      agendaItems++;
    };
    for (const c of carry) add(draft(c.title, 'manager', { from: c.id }));
    // Prepared from the flags a manager should drill into (domain section 4).
    const open = openOn(s, s.today);
    const flag = (title: string, d: WrittenDeal) => add(draft(title, 'prepared', { kind: 'deal', src: d.id }));
    const overdue = open.find((d) => d.plan.expectedClose < s.today);
    if (overdue) flag(`Close date passed: ${dealLabel(overdue)} (was ${overdue.plan.expectedClose})`, overdue);
    const slipped = open.find((d) => d.plan.closeChanges.length >= 2);
    if (slipped) flag(`Close date moved ${slipped.plan.closeChanges.length} times: ${dealLabel(slipped)}`, slipped);
    const stale = open.find((d) => daysBetween(d.plan.lastActivity, s.today) >= 45);
    if (stale) flag(`No activity since ${stale.plan.lastActivity}: ${dealLabel(stale)}`, stale);
    if (lastCommitment !== null) {
      add(draft(FOLLOW_UP, 'prepared', { kind: 'commitment', src: lastCommitment }));
    }
    add(draft(`Development: ${rng.pick(SKILLS)}`, 'manager'));
  }

  return { meetings, commitments, agendaItems };
}

/** The meeting closest to a date among past ones (for linking notes to one-on-ones). */
export function closestPast(meetings: readonly Meeting[], date: string): Meeting | null {
  let best: Meeting | null = null;
  for (const m of meetings) {
    if (!m.closed) continue;
    if (!best || Math.abs(daysBetween(m.date, date)) < Math.abs(daysBetween(best.date, date))) best = m;
  }
  return best;
}
