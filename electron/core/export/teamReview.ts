/**
 * A team review for the manager's own manager: the team's results, what the top performers
 * do differently and what matching them would be worth, each rep's diagnosis and development
 * focus, who is being neglected, and promises kept. No coaching notes: those stay with the
 * rep reviews.
 */
import { DRIVER_DEFS, PLACEMENT_DIFFERS_TEXT, QUADRANT_DEFS, explainShiftTheNumerator, formatDriver, placementDiffers, type Driver } from '../../../shared/domain/development';
import { METRIC_LABELS } from '../../../shared/domain/metrics';
import { followThroughRate } from '../../../shared/domain/followThrough';
import { countOf, dealHeading, formatDate, formatMoney, formatPercent } from '../../../shared/domain/format';
import { localDate } from '../../../shared/domain/periods';
import type { PlanView } from '../../../shared/schemas/development';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { InvalidError } from '../errors';
import { teamDevelopment } from '../repos/development';
import { teamMetrics } from '../repos/metrics';
import { needsAttention } from '../repos/needsAttention';
import { commitmentCountsBetween } from '../repos/commitments';
import { getSettings } from '../repos/settings';
import { planDrivers, planStatus, type ExportOptions } from './docParts';
import { facts, heading, list, muted, paragraph, renderDoc, strong, table, type Block, type Cell, type ExportDoc } from './render';

export function teamReview(db: Db, clock: Clock, from: string, to: string, opts: ExportOptions): ExportDoc {
  if (from > to) throw new InvalidError('The period must start on or before the day it ends.', 'from');
  const settings = getSettings(db);
  const cur = settings.currency;
  const { locale } = opts;
  const date = (d: string | null) => formatDate(d, locale);
  const money = (n: number | null) => (n === null ? '—' : formatMoney(n, cur, locale));
  const pct = (n: number | null) => formatPercent(n, locale);
  const driver = (d: Driver, v: number | null) => formatDriver(d, v, cur, locale);
  const dev = teamDevelopment(db, clock, { from, to });
  const blocks: Block[] = [];

  // 1. Results over the period.
  const c = dev.comparison;
  const won = c.shares.reduce((a, s) => a + s.wonValue, 0);
  const team = teamMetrics(db, to);
  const metrics = new Map(team.reps.map((m) => [m.repId, m]));
  const sums = dev.reps.reduce(
    (a, r) => {
      const m = metrics.get(r.repId);
      return { quota: a.quota + (m?.quota ?? 0), open: a.open + (m?.openValue ?? 0) };
    },
    { quota: 0, open: 0 },
  );
  blocks.push(heading('Team results'));
  blocks.push(
    facts([
      ['Won in the period', [money(won), muted(` by ${countOf(dev.reps.length, 'rep')}`)]],
      ['Team win rate', [pct(team.team.winRate), muted(` over the trailing ${settings.windowMonths} months to ${date(to)}`)]],
      ['Average won deal', money(team.team.avgWonDealSize)],
      ['Sales cycle', team.team.avgCycleDays === null ? '—' : countOf(Math.round(team.team.avgCycleDays), 'day')],
      [`${METRIC_LABELS.won} ${team.period.label}`, [`${money(team.team.wonThisPeriod)} of ${money(sums.quota)} quota`, muted(` (${pct(sums.quota > 0 ? team.team.wonThisPeriod / sums.quota : null)})`)]],
      [METRIC_LABELS.openPipeline, money(sums.open)],
    ]),
  );

  // 2. Top performers vs the rest, and what matching them is worth.
  blocks.push(heading('Top performers and the rest'));
  const topNames = c.shares.filter((s) => s.top).map((s) => s.name);
  blocks.push(
    paragraph([
      strong(`The top ${topNames.length} of ${c.shares.length} reps (${topNames.join(', ')})`),
      ` brought in ${pct(c.topShareOfValue)} of the won value. `,
      c.focus.length
        ? `The rest trail most on ${c.focus.map((d) => DRIVER_DEFS[d].label.toLowerCase()).join(' and ')}: that is the team's coaching focus.`
        : 'The rest do not trail the top group on any driver by more than 5 %.',
    ]),
  );
  blocks.push(
    table(
      ['Driver', { label: 'Top group', align: 'right' }, { label: 'The rest', align: 'right' }, { label: 'Rest behind by', align: 'right' }],
      c.drivers.map((g) => [
        c.focus.includes(g.driver) ? strong(DRIVER_DEFS[g.driver].label) : DRIVER_DEFS[g.driver].label,
        driver(g.driver, g.top),
        driver(g.driver, g.rest),
        g.gap === null ? '—' : g.gap <= 0 ? 'not behind' : pct(g.gap),
      ]),
    ),
  );
  const p = dev.projection;
  blocks.push(heading('Shift the numerator', 3), paragraph(explainShiftTheNumerator(p, money)));

  // 3. Each rep: numbers against quota, diagnosis, development focus.
  blocks.push(heading('Each rep'));
  blocks.push(
    paragraph(
      muted(`Won: in the period. ${METRIC_LABELS.attainment}: won in ${team.period.label} against quota, as of ${date(to)}. Win rate over the period.`),
    ),
  );
  const focusText = (plan: PlanView | null, suggested: Driver[]): Cell =>
    plan
      ? { main: [planDrivers(plan)], sub: [planStatus(plan, cur, locale)] }
      : { main: ['No plan yet'], ...(suggested.length ? { sub: [`suggested: ${suggested.map((d) => DRIVER_DEFS[d].label.toLowerCase()).join(' and ')}`] } : {}) };
  blocks.push(
    table(
      [
        { label: 'Rep', width: '16%' },
        { label: 'Won', align: 'right', width: '12%' },
        { label: METRIC_LABELS.attainment, align: 'right', width: '11%' },
        { label: 'Win rate', align: 'right', width: '8%' },
        { label: 'Diagnosis', width: '20%' },
        { label: 'Development focus' },
      ],
      dev.reps.map((r) => {
        const m = metrics.get(r.repId);
        const share = c.shares.find((s) => s.repId === r.repId);
        return [
          { main: [strong(r.name)], ...(share?.top ? { sub: [muted('top group')] } : {}) },
          money(share?.wonValue ?? 0),
          m && m.quota > 0 ? pct(m.attainment) : { main: ['—'], sub: ['no quota'] },
          driver('win_rate', r.values.win_rate),
          m ? m.diagnosis.headline : '—',
          focusText(r.plan, r.suggested),
        ];
      }),
    ),
  );

  // 3b. Talent and effort: the data's placement, and the manager's where it differs, with the numbers.
  blocks.push(heading('Talent and effort'));
  blocks.push(
    paragraph(
      muted(
        'From the data: effort is new opportunities per week against the team median; effectiveness is win rate and deal size against the medians. ' +
          'Where the manager’s own judgement differs, the numbers are beside it.',
      ),
    ),
  );
  blocks.push(
    table(
      [{ label: 'Rep', width: '17%' }, { label: 'From the data', width: '30%' }, { label: 'Manager’s judgement', width: '26%' }, 'The numbers'],
      dev.reps.map((r) => {
        const m = metrics.get(r.repId);
        const differs = placementDiffers(r.data, r.manager);
        const numbers = [
          `${METRIC_LABELS.attainment} ${m && m.quota > 0 ? pct(m.attainment) : '—'}`,
          `${METRIC_LABELS.newOppsPerWeek} ${driver('new_opps', r.values.new_opps)}`,
          `win rate ${driver('win_rate', r.values.win_rate)}`,
          `${METRIC_LABELS.avgWonDeal.toLowerCase()} ${driver('deal_size', r.values.deal_size)}`,
        ].join(' · ');
        return [
          strong(r.name),
          { main: [r.data.quadrant ? QUADRANT_DEFS[r.data.quadrant].label : 'Not enough data'], sub: [r.data.reason] },
          r.manager
            ? { main: [differs ? strong(QUADRANT_DEFS[r.manager.quadrant].label) : QUADRANT_DEFS[r.manager.quadrant].label], sub: [differs ? PLACEMENT_DIFFERS_TEXT : 'Agrees with the data.', ...(r.manager.note ? [` “${r.manager.note}”`] : [])] }
            : { main: [muted('Not placed')] },
          differs ? numbers : muted('—'),
        ];
      }),
    ),
  );

  // 4. The deals that need the manager first: the Dashboard's "Needs attention", as of the last day.
  blocks.push(heading('Needs attention'));
  const top = needsAttention(db, to, {}, locale);
  blocks.push(
    paragraph(
      muted(
        `The team's ${top.deals.length === 1 ? 'open deal' : countOf(top.deals.length, 'open deal')} with the highest attention on ${date(to)} (severity of their flags, size, nearness of the close date). ` +
          `${top.warningOrWorse} of ${countOf(top.openCount, 'open deal')} ${top.warningOrWorse === 1 ? 'carries' : 'carry'} a warning or critical flag.`,
      ),
    ),
  );
  blocks.push(
    top.deals.length
      ? table(
          [{ label: 'Deal', width: '34%' }, 'Rep', { label: 'Attention', align: 'right' }, 'Why'],
          top.deals.map((d) => [dealHeading(d.name, d.accountName), d.repName, String(d.attention), d.reason]),
        )
      : paragraph('No open deal carries a flag.', 'muted'),
  );

  // 5. Neglect: nobody goes weeks without a one-on-one, a note or a deal review.
  blocks.push(heading('Neglect radar'));
  const neglected = team.neglect.filter((n) => n.daysSince === null || n.daysSince >= team.neglectDays);
  blocks.push(
    neglected.length
      ? list(neglected.map((n) => [strong(n.name), n.lastTouch ? `: last one-on-one, note or deal review ${date(n.lastTouch)} (${countOf(n.daysSince ?? 0, 'day')})` : ': never', n.isTopPerformer ? muted(' — a top performer') : '']))
      : paragraph(`Every rep had a one-on-one, a coaching note or a deal review in the last ${team.neglectDays} days.`, 'muted'),
  );

  // 6. Promises kept, the manager's own included.
  blocks.push(heading('Commitments kept'));
  const kept = commitmentCountsBetween(db, from, to, { activeOnly: true });
  const mine = kept.filter((k) => k.owner === 'manager').reduce((a, k) => ({ due: a.due + k.due, on: a.on + k.keptOnTime }), { due: 0, on: 0 });
  if (kept.length === 0) blocks.push(paragraph('No commitments fell due in the period.', 'muted'));
  else {
    blocks.push(
      table(
        ['Rep', { label: 'Due', align: 'right' }, { label: 'Kept on time', align: 'right' }, { label: 'Follow-through', align: 'right' }],
        kept.filter((k) => k.owner === 'rep').map((k) => [k.name, String(k.due), String(k.keptOnTime), pct(followThroughRate(k))]),
      ),
    );
    blocks.push(paragraph([strong('The manager’s own: '), mine.due ? `${mine.on} of ${mine.due} kept on time (${pct(mine.on / mine.due)}).` : 'none fell due.']));
  }

  return renderDoc({
    kind: 'Team review',
    title: `Team review: ${settings.managerName}’s team`,
    subtitle: `${date(from)} – ${date(to)}`,
    meta: [
      ['Period', `${date(from)} – ${date(to)}`],
      ['As of', `${date(to)}: numbers and flags as they stood that day`],
      ['Prepared by', settings.managerName],
      ['Generated', date(opts.generatedOn ?? localDate(new Date()))],
      ['Coaching notes', 'Not included (see each rep review)'],
    ],
    blocks,
    footer: 'Numbers from the workbench’s own store. Coaching notes and coachability evidence are not part of a team review.',
    filename: `team-review-${from}-to-${to}`,
  });
}
