/**
 * Value-proposition checks on some of the larger open deals (domain section 6): one that
 * passes all seven questions, mixed ones, a failing one, and one re-assessed after coaching.
 */
import { addDays, earlierOf, laterOf } from './dates';
import type { ProfileKey } from './profiles';
import type { Rng } from './random';
import { usd, type RepScene } from './scene';
import type { DemoWriter, ValueResult, ValueTest, WrittenDeal } from './writer';

const TESTS: readonly ValueTest[] = [
  'different',
  'compelling',
  'tailored',
  'measurable',
  'time_bound',
  'memorable',
  'defendable',
];

const EVIDENCE: Record<ValueTest, Record<'pass' | 'partial' | 'fail', string>> = {
  different: {
    pass: 'Only we integrate with their existing planning system; both competitors need a replacement.',
    partial: 'Differentiator named, but a competitor claims the same.',
    fail: 'Nothing here a competitor could not say.',
  },
  compelling: {
    pass: 'Tied to the COO\'s stated goal for this year.',
    partial: 'Mentions their goals in general terms only.',
    fail: 'No link to a business driver or a reason to change now.',
  },
  tailored: {
    pass: 'Separate versions for finance, operations and IT.',
    partial: 'Tailored to the champion only.',
    fail: 'Same text as the last three proposals.',
  },
  measurable: {
    pass: 'Baseline agreed with their finance team; they will measure it monthly.',
    partial: 'A target, but no baseline.',
    fail: 'No number anywhere.',
  },
  time_bound: {
    pass: 'Benefit per quarter shown, so the cost of waiting is visible.',
    partial: 'A date, but no cost of delay.',
    fail: 'No timeline.',
  },
  memorable: {
    pass: 'The champion repeated it word for word on the last call.',
    partial: 'Two sentences too long to repeat.',
    fail: 'A full page; nobody could repeat it.',
  },
  defendable: {
    pass: 'The champion presented it to their leadership without us in the room.',
    partial: 'The champion supports it but has not tested it with their boss.',
    fail: 'The contact could not explain it to their CFO.',
  },
};

type Pattern = 'all_pass' | 'mixed' | 'failing' | 'improved';
type Row = { test: ValueTest; result: ValueResult; evidence: string | null };

function results(rng: Rng, pattern: Pattern): Row[] {
  const draw = (): ValueResult => {
    if (pattern === 'all_pass') return 'pass';
    if (pattern === 'improved') return rng.chance(0.85) ? 'pass' : 'partial';
    if (pattern === 'failing') {
      return rng.weighted<ValueResult>([['fail', 6], ['partial', 2], ['not_assessed', 1]]);
    }
    return rng.weighted<ValueResult>([['pass', 4], ['partial', 3], ['fail', 2], ['not_assessed', 1]]);
  };
  const rows = TESTS.map((test): Row => {
    const result = draw();
    return { test, result, evidence: result === 'not_assessed' ? null : EVIDENCE[test][result] };
  });
  // A mixed check shows both ends, whatever the draw.
  if (pattern === 'mixed') {
    rows[0] = { test: 'different', result: 'pass', evidence: EVIDENCE.different.pass };
    rows[3] = { test: 'measurable', result: 'fail', evidence: EVIDENCE.measurable.fail };
  }
  return rows;
}

function statement(deal: WrittenDeal, pattern: Pattern, rng: Rng): string {
  const a = deal.account;
  const { metric, capability } = a.industry;
  if (pattern === 'all_pass' || pattern === 'improved') {
    const pct = rng.int(12, 35);
    const quarters = rng.int(2, 4);
    const yearly = usd(deal.plan.amountCents * rng.int(2, 4));
    return (
      `${a.name} cuts ${metric} by ${pct}% within ${quarters} quarters with ${capability} that ` +
      `works on their current systems, which no other vendor offers: about ${yearly} a year, ` +
      'so every month of delay costs them real money.'
    );
  }
  if (pattern === 'mixed') return `Help ${a.name} reduce ${metric} with modern, easy-to-use ${capability}.`;
  return `We are the market leader in ${capability}, trusted by more than 500 companies.`;
}

/** Which rep's biggest deal shows which pattern. */
const CASES: readonly (readonly [ProfileKey, Pattern])[] = [
  ['top_performer', 'all_pass'],
  ['low_win_rate', 'failing'],
  ['solid_field', 'improved'],
  ['uncoachable_top', 'mixed'],
  ['too_few_opps', 'mixed'],
  ['steady_inside', 'failing'],
];

export function writeValueProps(rng: Rng, w: DemoWriter, scenes: readonly RepScene[], today: string): number {
  let checks = 0;
  for (const [key, pattern] of CASES) {
    const s = scenes.find((x) => x.rep.plan.profile.key === key);
    if (!s) continue;
    // A larger open deal old enough to have been assessed twice.
    const open = s.deals
      .filter((d) => d.plan.outcome === 'open')
      .sort((a, b) => b.plan.amountCents - a.plan.amountCents);
    const deal = open.find((d) => d.plan.created <= addDays(today, -40)) ?? open[0];
    if (!deal) continue;
    const created = deal.plan.created;
    if (pattern === 'improved') {
      // Re-assessment history: failing five weeks ago, passing after coaching.
      const first = laterOf(created, addDays(today, -rng.int(33, 40)));
      const second = laterOf(first, addDays(today, -rng.int(2, 8)));
      w.valueCheck(deal.id, first, statement(deal, 'failing', rng), results(rng, 'failing'));
      w.valueCheck(deal.id, second, statement(deal, 'improved', rng), results(rng, 'improved'));
      checks += 2;
    } else {
      const on = earlierOf(today, laterOf(created, addDays(today, -rng.int(3, 25))));
      w.valueCheck(deal.id, on, statement(deal, pattern, rng), results(rng, pattern));
      checks++;
    }
  }
  return checks;
}
