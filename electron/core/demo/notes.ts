/**
 * Coaching notes per rep. Each rep gets a short "recipe" that tells their story; the dates
 * are relative to the rep's last working day, and feedback carries a follow-up whose answer
 * shows whether the rep applied it (an objective coachability signal, domain section 5).
 */
import { addDays, daysBetween, earlierOf, laterOf } from './dates';
import { closestPast, type Meeting } from './meetings';
import { NEGLECT_DAYS, type ProfileKey } from './profiles';
import type { Rng } from './random';
import { dealLabel, openOn, usd, type RepScene, type Skill } from './scene';
import type { DemoWriter, NoteRow, WrittenDeal } from './writer';

interface BodyCtx {
  first: string;
  deal: WrittenDeal | null;
}

interface NoteSpec {
  kind: NoteRow['kind'];
  skill: Skill | null;
  /** Days before the rep's last working day: [min, max]. */
  ago: readonly [number, number];
  visibility: NoteRow['visibility'];
  /** Which deal the note is about, if any. */
  deal?: 'open' | 'won' | 'lost';
  /** Written in the one-on-one closest to the date, and dated on it. */
  atMeeting?: boolean;
  followUp?: boolean;
  body: (c: BodyCtx) => string;
}

const label = (d: WrittenDeal | null) => (d ? dealLabel(d) : 'the main deal');
const account = (d: WrittenDeal | null) => (d ? d.account.name : 'the account');
const metric = (d: WrittenDeal | null) => (d ? d.account.industry.metric : 'their costs');

const GENERIC: readonly NoteSpec[] = [
  {
    kind: 'deal_review', skill: 'forecasting', ago: [2, 12],
    visibility: 'private', deal: 'open', atMeeting: true,
    body: ({ deal }) =>
      `Reviewed ${label(deal)}${deal ? ` (${usd(deal.plan.amountCents)}, close ${deal.plan.expectedClose})` : ''}. ` +
      'Asked "How do you know they will sign by then?": the answer rests on the champion\'s word. ' +
      'Agreed to confirm the signing process with procurement this week.',
  },
  {
    kind: 'deal_review', skill: 'multi-threading', ago: [40, 70],
    visibility: 'private', deal: 'open', atMeeting: true,
    body: ({ deal }) =>
      `Walked through ${label(deal)}. Only one contact engaged so far; we listed who else the change touches ` +
      '(finance, IT, operations) and who could block it.',
  },
  {
    kind: 'feedback', skill: 'discovery', ago: [20, 35],
    visibility: 'shareable', followUp: true, deal: 'open',
    body: ({ first, deal }) =>
      `On the ${account(deal)} call ${first} moved to the demo after two questions. Next time: three ` +
      `questions on how they measure ${metric(deal)} today before showing anything.`,
  },
  {
    kind: 'feedback', skill: 'negotiation', ago: [60, 90], visibility: 'shareable', followUp: true,
    body: ({ first }) =>
      `${first} offered 10 % before procurement asked for anything. Agreed: trade, never give. ` +
      'Prepare the give/get list before each pricing call.',
  },
  {
    kind: 'observation', skill: 'value proposition', ago: [10, 25],
    visibility: 'private', deal: 'open',
    body: ({ first, deal }) =>
      `In the pipeline meeting ${first} described the value to ${account(deal)} as a feature list; ` +
      'could not say how the client would measure the result or what waiting costs them.',
  },
  {
    kind: 'ride_along', skill: 'discovery', ago: [45, 60], visibility: 'shareable', deal: 'open',
    body: ({ first, deal }) =>
      `Joined ${first} on a first meeting with ${account(deal)}. Good rapport and a clear agenda; strong ` +
      'question on the cost of doing nothing. Missed asking who else will decide.',
  },
  {
    kind: 'recognition', skill: 'negotiation', ago: [5, 30], visibility: 'shareable', deal: 'won',
    body: ({ deal }) =>
      `Closed ${label(deal)}${deal ? ` at ${usd(deal.plan.amountCents)}` : ''} without a discount: held the ` +
      'price and traded payment terms instead. Shared with the team.',
  },
  {
    kind: 'other', skill: null, ago: [80, 120], visibility: 'private',
    body: ({ first }) =>
      `Career conversation: ${first} wants to move toward enterprise accounts within 18 months. ` +
      'Agreed on two development priorities for the next 60 days: discovery and multi-threading.',
  },
];

const N = NEGLECT_DAYS;

const RECIPES: Partial<Record<ProfileKey, readonly NoteSpec[]>> = {
  // Everything is older than NEGLECT_DAYS: the top performer is being left alone.
  top_performer: [
    {
      kind: 'recognition', skill: 'multi-threading', ago: [N + 4, N + 12],
      visibility: 'shareable', deal: 'won',
      body: ({ first, deal }) =>
        `Closed ${label(deal)}${deal ? ` (${usd(deal.plan.amountCents)})` : ''}. Clean process: five stakeholders ` +
        `mapped, and the CFO defended the business case internally. Asked ${first} to walk the team through it.`,
    },
    {
      kind: 'other', skill: null, ago: [N + 2, N + 6], visibility: 'private',
      body: ({ first }) =>
        `Career conversation: ${first} asked about a team-lead path. I promised to come back with options.`,
    },
    {
      kind: 'deal_review', skill: 'forecasting', ago: [N + 20, N + 40],
      visibility: 'private', deal: 'open', atMeeting: true,
      body: ({ deal }) =>
        `Reviewed ${label(deal)}. Mutual close plan in place, decision maker met twice, paper process known. ` +
        'Nothing to fix; asked what I can remove from the way.',
    },
    {
      kind: 'feedback', skill: 'negotiation', ago: [90, 120],
      visibility: 'shareable', followUp: true,
      body: ({ first }) =>
        `${first} anchors high and holds; suggested opening with the 3-year option to make the annual look easy.`,
    },
    {
      kind: 'observation', skill: 'prospecting', ago: [100, 140], visibility: 'private',
      body: ({ first }) =>
        `${first} books prospecting time every morning, mostly outbound to existing customers' peers. ` +
        'Worth studying for the rest of the team.',
    },
    {
      kind: 'ride_along', skill: 'discovery', ago: [130, 160],
      visibility: 'shareable', deal: 'open',
      body: ({ first, deal }) =>
        `Rode along to ${account(deal)}. ${first} spent 40 minutes on their goals before mentioning us; ` +
        'the client summarised the business case in their own words at the end.',
    },
  ],
  too_few_opps: [
    {
      kind: 'observation', skill: 'prospecting', ago: [3, 10],
      visibility: 'private', deal: 'open', atMeeting: true,
      body: ({ first, deal }) =>
        `Pipeline meeting: ${first} talked about ${account(deal)} again, as last week. ` +
        'No new opportunities since the previous meeting.',
    },
    {
      kind: 'feedback', skill: 'prospecting', ago: [15, 30],
      visibility: 'shareable', followUp: true,
      body: () =>
        'Agreed standard: 2 new qualified opportunities per week, checked every Monday. ' +
        'Current run rate is about one every two to three weeks.',
    },
    {
      kind: 'feedback', skill: 'prospecting', ago: [50, 70],
      visibility: 'shareable', followUp: true,
      body: ({ first }) =>
        `New opportunities have dropped for three months. ${first} says current deals take all the time; ` +
        'we looked at the calendar together: no prospecting blocks at all.',
    },
    {
      kind: 'deal_review', skill: 'forecasting', ago: [30, 45],
      visibility: 'private', deal: 'open', atMeeting: true,
      body: ({ deal }) =>
        `${label(deal)}: close date moved again. Asked what changed for the buyer: nothing, we are waiting on them.`,
    },
    {
      kind: 'ride_along', skill: 'discovery', ago: [75, 100], visibility: 'shareable', deal: 'open',
      body: ({ first, deal }) =>
        `Joined ${first} at ${account(deal)}. Excellent discovery; the client opened up about budget. ` +
        'Skill is not the problem.',
    },
    {
      kind: 'recognition', skill: 'negotiation', ago: [90, 140],
      visibility: 'shareable', deal: 'won',
      body: ({ deal }) => `Won ${label(deal)}: a textbook negotiation, no discount given.`,
    },
    {
      kind: 'other', skill: null, ago: [110, 140], visibility: 'private',
      body: () =>
        'Effort vs skill: the win rate is healthy, the problem is activity. ' +
        'Activity problems need standards and accountability, not more training.',
    },
  ],
  low_win_rate: [
    {
      kind: 'deal_review', skill: 'discovery', ago: [5, 15],
      visibility: 'private', deal: 'lost', atMeeting: true,
      body: ({ deal }) =>
        `Loss review: ${label(deal)}. A competitor was in early and wrote the RFP; we never met the ` +
        'decision maker. Blind deal, no champion: should we have qualified out?',
    },
    {
      kind: 'feedback', skill: 'multi-threading', ago: [20, 35],
      visibility: 'shareable', followUp: true, deal: 'open',
      body: ({ first, deal }) =>
        `${first} has one contact at ${account(deal)}. Before the proposal: meet finance and the ` +
        'operations lead, and ask the contact who signs.',
    },
    {
      kind: 'ride_along', skill: 'discovery', ago: [40, 55], visibility: 'shareable', deal: 'open',
      body: ({ first, deal }) =>
        `Rode along to ${account(deal)}. ${first} pitched for 25 minutes and asked two questions. ` +
        'Practised a question-led opening together in the car afterwards.',
    },
    {
      kind: 'observation', skill: 'value proposition', ago: [10, 20], visibility: 'private',
      body: ({ first }) =>
        `${first}'s proposals lead with our product, not the client's goal; none has a measurable result or a date.`,
    },
    {
      kind: 'feedback', skill: 'value proposition', ago: [60, 80],
      visibility: 'shareable', followUp: true,
      body: () => 'Run the seven value-proposition questions on every proposal before it goes out.',
    },
    {
      kind: 'deal_review', skill: 'multi-threading', ago: [70, 90],
      visibility: 'private', deal: 'lost',
      body: ({ deal }) =>
        `Loss review: ${label(deal)}. Single-threaded through a project manager who never got us to the boss.`,
    },
    {
      kind: 'other', skill: null, ago: [100, 130], visibility: 'private',
      body: () =>
        'Diagnosis: plenty of new opportunities, win rate in the low teens. An effectiveness problem, ' +
        'so skill coaching on discovery and consensus, not more volume.',
    },
    {
      kind: 'recognition', skill: 'prospecting', ago: [25, 40], visibility: 'shareable',
      body: ({ first }) => `${first} created the most new opportunities on the team this month.`,
    },
  ],
  new_hire: [
    {
      kind: 'other', skill: null, ago: [9999, 9999], visibility: 'shareable',
      body: () =>
        'Onboarding plan: product certification by week 3, shadow calls weeks 1-4, own pipeline from week 2. ' +
        'Buddy assigned.',
    },
    {
      kind: 'ride_along', skill: 'discovery', ago: [20, 30], visibility: 'shareable',
      body: ({ first }) => `${first} shadowed two discovery calls and wrote up the questions that worked best.`,
    },
    {
      kind: 'ride_along', skill: 'prospecting', ago: [5, 12], visibility: 'shareable', deal: 'open',
      body: ({ first, deal }) =>
        `Listened to ${first}'s first call with ${account(deal)}. Nervous opening, good recovery; booked the next meeting.`,
    },
    {
      kind: 'feedback', skill: 'discovery', ago: [12, 25], visibility: 'shareable', followUp: true,
      body: () => 'Slow down after each answer and ask "what does that cost you today?" before moving on.',
    },
    {
      kind: 'observation', skill: null, ago: [2, 8], visibility: 'private',
      body: ({ first }) =>
        `${first} asks good questions in team meetings and tried the new call opener the day after we discussed it.`,
    },
    {
      kind: 'recognition', skill: 'prospecting', ago: [14, 24], visibility: 'shareable',
      body: ({ first }) => `${first} booked a first meeting from their own outbound in week two.`,
    },
  ],
  uncoachable_top: [
    {
      kind: 'feedback', skill: 'multi-threading', ago: [8, 14],
      visibility: 'private', followUp: true, deal: 'open',
      body: ({ deal }) => `Bring a second contact into ${label(deal)} before the proposal.`,
    },
    {
      kind: 'feedback', skill: 'value proposition', ago: [25, 35],
      visibility: 'private', followUp: true,
      body: () => 'Tie the proposal to the client\'s own goals and a measurable result; it currently lists features.',
    },
    {
      kind: 'feedback', skill: 'forecasting', ago: [45, 60], visibility: 'private', followUp: true,
      body: () => 'Move close dates only with a reason from the buyer, and say what changed.',
    },
    {
      kind: 'feedback', skill: 'negotiation', ago: [70, 85], visibility: 'private', followUp: true,
      body: () => 'Stop promising discounts in the first meeting; trade them for commitments.',
    },
    {
      kind: 'deal_review', skill: 'forecasting', ago: [3, 10],
      visibility: 'private', deal: 'open', atMeeting: true,
      body: ({ first, deal }) =>
        `${label(deal)}: another close-date move. ${first}: "It will close, trust me." ` +
        'No second contact, no mutual plan.',
    },
    {
      kind: 'deal_review', skill: 'multi-threading', ago: [40, 55],
      visibility: 'private', deal: 'open', atMeeting: true,
      body: ({ deal }) => `${label(deal)}: still only the champion. Agreed to add finance; had not happened by the next review.`,
    },
    {
      kind: 'observation', skill: null, ago: [15, 25], visibility: 'private',
      body: ({ first }) =>
        `Team meeting: ${first} dismissed the new qualification approach as "for juniors". Others went quiet.`,
    },
    {
      kind: 'observation', skill: 'discovery', ago: [50, 65], visibility: 'private',
      body: () => 'Interrupted the client twice on the call to pitch; ignored the agenda we agreed the day before.',
    },
    {
      kind: 'recognition', skill: 'negotiation', ago: [30, 45],
      visibility: 'shareable', deal: 'won',
      body: ({ deal }) => `Big win: ${label(deal)}${deal ? ` (${usd(deal.plan.amountCents)})` : ''}.`,
    },
  ],
};

function pickDeal(rng: Rng, s: RepScene, want: NoteSpec['deal'], date: string): WrittenDeal | null {
  if (!want) return null;
  if (want === 'open') {
    const open = openOn(s, date).sort((a, b) => b.plan.amountCents - a.plan.amountCents);
    return open.length ? rng.pick(open.slice(0, 3)) : null;
  }
  // The most recent deal with that outcome, closed on or before the note.
  let best: WrittenDeal | null = null;
  for (const d of s.deals) {
    if (d.plan.outcome !== want || !d.plan.closed || d.plan.closed > date) continue;
    if (!best || d.plan.closed > (best.plan.closed ?? '')) best = d;
  }
  return best;
}

type Answer = NonNullable<NoteRow['followUpAnswer']>;

/** The uncoachable rep's answers, in order: agreed in the room, not done by the next meeting. */
const UNCOACHABLE_ANSWERS: readonly Answer[] = ['not_yet', 'not_yet', 'partly', 'not_yet'];

function answerFor(rng: Rng, s: RepScene, nth: number): Answer {
  const p = s.rep.plan.profile;
  if (p.key === 'uncoachable_top') return UNCOACHABLE_ANSWERS[nth % UNCOACHABLE_ANSWERS.length]!;
  const ft = p.followThrough;
  return rng.weighted<Answer>([['applied', ft], ['partly', (1 - ft) * 0.6], ['not_yet', (1 - ft) * 0.4]]);
}

/** Writes the rep's notes; returns how many. */
export function writeNotes(rng: Rng, w: DemoWriter, s: RepScene, meetings: readonly Meeting[]): number {
  const recipe = RECIPES[s.rep.plan.profile.key] ?? GENERIC;
  const hire = s.rep.plan.hireDate;
  const uncoachable = s.rep.plan.profile.key === 'uncoachable_top';
  let count = 0;
  let answered = 0;
  for (const spec of recipe) {
    // Never before the rep started (the new hire's onboarding note lands on day one).
    const sinceHire = daysBetween(hire, s.end);
    const ago = Math.min(rng.int(...spec.ago), sinceHire - 1);
    let date = addDays(s.end, -ago);
    let meetingId: number | null = null;
    if (spec.atMeeting) {
      const m = closestPast(meetings, date);
      if (m) {
        date = m.date;
        meetingId = m.id;
      }
    }
    const deal = pickDeal(rng, s, spec.deal, date);
    let followUpDue: string | null = null;
    let followUpAnswer: Answer | null = null;
    let followUpDate: string | null = null;
    if (spec.followUp) {
      followUpDue = addDays(date, 14);
      // Most past follow-ups were asked about; the uncoachable rep is always asked.
      if (followUpDue < s.today && (uncoachable || rng.chance(0.85))) {
        followUpAnswer = answerFor(rng, s, answered++);
        followUpDate = earlierOf(s.today, laterOf(followUpDue, addDays(followUpDue, rng.int(0, 4))));
      }
    }
    w.note({
      repId: s.rep.id,
      dealId: deal?.id ?? null,
      oneOnOneId: meetingId,
      kind: spec.kind,
      noteDate: date,
      body: spec.body({ first: s.first, deal }),
      skill: spec.skill,
      visibility: spec.visibility,
      followUpDue,
      followUpAnswer,
      followUpDate,
    });
    count++;
  }
  return count;
}
