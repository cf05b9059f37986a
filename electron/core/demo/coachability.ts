/**
 * Coachability observations (domain section 5). The tool must judge a pattern over weeks,
 * never one entry, so the demo holds both: a rep who shows the signs all the time, a rep
 * with one bad day, reps with the ordinary low background, and the manager's own mirror.
 */
import { addDays } from './dates';
import type { Rng } from './random';
import type { RepScene } from './scene';
import type { CoachabilitySign, DemoWriter } from './writer';

const SIGNS: readonly CoachabilitySign[] = [
  'bad_listener',
  'not_open_to_feedback',
  'knows_it_all',
  'lone_wolf',
  'self_centred',
  'resists_change',
  'passive_aggressive',
];

const EVIDENCE: Record<CoachabilitySign, (first: string) => string> = {
  bad_listener: (f) => `${f} talked over the client twice and restated their own point instead of answering.`,
  not_open_to_feedback: (f) =>
    `${f} answered the feedback with reasons why it does not apply to their deals.`,
  knows_it_all: () => '"I have been doing this for ten years; I know how these buyers think."',
  lone_wolf: () => 'Skipped the team deal clinic again and keeps accounts to themselves.',
  self_centred: () => 'Told the pre-sales engineer what to do instead of agreeing a plan together.',
  resists_change: () => 'Still not using the new qualification fields; went back to the old spreadsheet.',
  passive_aggressive: () => 'Agreed in the meeting to add a second contact, then did not: "no time".',
};

/** The signs the uncoachable top performer shows week after week. */
const PATTERN: readonly CoachabilitySign[] = [
  'not_open_to_feedback',
  'knows_it_all',
  'lone_wolf',
  'resists_change',
  'passive_aggressive',
];

type Ratings = { sign: CoachabilitySign; frequency: number; evidence: string | null }[];

function rate(
  first: string,
  freq: (sign: CoachabilitySign) => number,
  evidence: (sign: CoachabilitySign) => string = (sign) => EVIDENCE[sign](first),
): Ratings {
  return SIGNS.map((sign) => {
    const frequency = freq(sign);
    return { sign, frequency, evidence: frequency >= 2 ? evidence(sign) : null };
  });
}

/** Low background: everyone shows some of the signs some of the time. */
const background = (rng: Rng) => () => (rng.chance(0.3) ? 1 : 0);

type Context = Parameters<DemoWriter['observation']>[2];

export function writeCoachability(
  rng: Rng,
  w: DemoWriter,
  scenes: readonly RepScene[],
  today: string,
): number {
  let count = 0;
  const observe = (
    s: RepScene | null,
    ago: number,
    context: Context,
    applied: boolean,
    tried: boolean,
    note: string,
    ratings: Ratings,
  ) => {
    const end = s ? s.end : today;
    w.observation(s ? s.rep.id : null, addDays(end, -ago), context, applied, tried, note, ratings);
    count++;
  };
  const find = (key: string) => scenes.find((s) => s.rep.plan.profile.key === key) ?? null;

  const unco = find('uncoachable_top');
  if (unco) {
    // Six observations over about 12 weeks; all but one show several signs often or all the time.
    const contexts: Context[] = [
      'one_on_one', 'team_meeting', 'deal_review', 'call', 'one_on_one', 'team_meeting',
    ];
    const mild = rng.int(0, 5);
    [82, 68, 54, 40, 24, 9].forEach((ago, i) => {
      const strong = new Set(rng.sample(PATTERN, i === mild ? 1 : rng.int(3, 4)));
      observe(
        unco,
        ago + rng.int(-2, 2),
        contexts[i] ?? 'other',
        false,
        i === mild,
        i === mild
          ? 'Better session: listened, and tried the discovery opener once.'
          : 'Same pattern as before: agrees in the room, changes nothing afterwards.',
        rate(unco.first, (sign) => (strong.has(sign) ? rng.int(2, 3) : rng.chance(0.5) ? 1 : 0)),
      );
    });
  }

  const lowWin = find('low_win_rate');
  if (lowWin) {
    // One bad day between two ordinary observations: not a pattern.
    const f = lowWin.first;
    const bad = new Set(['bad_listener', 'not_open_to_feedback', 'self_centred']);
    observe(lowWin, 70, 'one_on_one', true, true,
      'Took the discovery feedback well and tried it the same week.', rate(f, background(rng)));
    observe(lowWin, 35, 'deal_review', false, false,
      'The day after losing the biggest deal of the quarter: frustrated and defensive.',
      rate(f, (sign) => (bad.has(sign) ? rng.int(2, 3) : 0)));
    observe(lowWin, 12, 'call', true, true,
      'Used the question-led opening on the call; asked who else decides.', rate(f, background(rng)));
  }

  for (const key of ['solid_field', 'too_few_opps', 'new_hire']) {
    const s = find(key);
    if (!s) continue;
    const n = key === 'solid_field' ? 2 : 1;
    for (let i = 0; i < n; i++) {
      const ago = key === 'new_hire' ? 10 : rng.int(10, 60);
      const note = key === 'too_few_opps'
        ? 'Open to feedback on deals; slides back to old habits on prospecting.'
        : 'Listens, asks questions, tries things.';
      const low = background(rng);
      const freq = (sign: CoachabilitySign) =>
        key === 'too_few_opps' && sign === 'resists_change' ? 1 : low();
      const context = i === 0 ? 'one_on_one' : 'team_meeting';
      observe(s, ago, context, true, key !== 'too_few_opps', note, rate(s.first, freq));
    }
  }

  // The manager's mirror (rep_id NULL).
  const selfNotes = [
    'Talked more than the rep in two one-on-ones this week.',
    'Skipped my own coaching prep twice; fell back on telling instead of asking.',
    'Better: asked "How do you know?" and let the rep find the answer.',
  ];
  [80, 45, 10].forEach((ago, i) => {
    const freq = (sign: CoachabilitySign) => {
      if (sign === 'bad_listener') return i === 2 ? 1 : 2;
      if (sign === 'resists_change' || sign === 'self_centred') return rng.int(0, 1);
      return 0;
    };
    const evidence = () => 'I talked more than the rep and finished their sentences for them.';
    observe(null, ago, 'self', i === 2, i > 0, selfNotes[i] ?? '', rate('', freq, evidence));
  });
  return count;
}
