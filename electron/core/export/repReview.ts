/**
 * A rep review over a period, for the manager's own manager or HR. It opens with a one-page
 * summary (the manager's own words, numbers against quota and coverage, the diagnosis in one
 * sentence, the top three risks by attention, the development plan, coachability), then the
 * detail: the numbers and the
 * diagnosis with its evidence, the deals to question, promises kept on both sides, the
 * coaching record and the coachability pattern. Each section is built by its own function from
 * the repositories. Private coaching notes, and the written evidence behind coachability
 * ratings, appear only when private material is asked for; otherwise coachability is counts only.
 */
import { bySeverity } from '../../../shared/domain/flags';
import { SIGN_LABELS, SIGNS as SIGN_CODES } from '../../../shared/domain/coachability';
import { METRIC_LABELS } from '../../../shared/domain/metrics';
import { FOLLOW_UP_LABELS, NOTE_KIND_LABELS } from '../../../shared/schemas/notes';
import { followThroughRate } from '../../../shared/domain/followThrough';
import { countOf, dealHeading } from '../../../shared/domain/format';
import type { RepMetrics } from '../../../shared/domain/metrics';
import { addDays, daysBetween, localDate, periodContaining } from '../../../shared/domain/periods';
import type { FollowThroughCounts } from '../../../shared/schemas/commitments';
import { REP_ROLE_LABELS, type Rep } from '../../../shared/schemas/rep';
import type { Settings } from '../../../shared/schemas/team';
import type { Db } from '../db/open';
import { InvalidError } from '../errors';
import { commitmentCountsBetween, commitmentsView } from '../repos/commitments';
import { repCoachability } from '../repos/coachability';
import { pipeline, repMetrics } from '../repos/metrics';
import { getRep } from '../repos/reps';
import { getSettings } from '../repos/settings';
import { plansForRep } from '../repos/development';
import { coachabilityEvidence, meetingsHeld, notesInPeriod, observationsInPeriod } from '../repos/repPeriod';
import { formatDriver } from '../../../shared/domain/development';
import type { PlanView } from '../../../shared/schemas/development';
import type { PipelineDeal } from '../../../shared/schemas/pipeline';
import { PRIVATE_EXCLUDED, PRIVATE_INCLUDED, commitmentRows, coverageLine, docFormat, quotaLine, type Fmt, managerLabel, managerPossessive, planDrivers, planStatus, privacyMeta, type ExportOptions } from './docParts';
import { callout, em, facts, heading, list, muted, numberedList, pageBreak, paragraph, renderDoc, slug, strong, table, type Block, type ExportDoc, type Span } from './render';

/** How many flagged deals the review lists (highest attention first, as on the rep page); the rest are counted. */
export const TOP_FLAGGED = 10;
/** How many of them the one-page summary names as the top risks. */
export const TOP_RISKS = 3;

/** The seven signs (domain.md section 5) in the domain's order, with the app's own labels. */
export const SIGNS: [string, string][] = SIGN_CODES.map((s) => [s, SIGN_LABELS[s]]);


/** The numbers and the diagnosis, as of the last day of the period. */
function metricsBlocks(m: RepMetrics, settings: Settings, to: string, f: Fmt): Block[] {
  const period = periodContaining(to, settings.quotaPeriod);
  const trend = m.newOppsTrend > 0.05 ? 'rising' : m.newOppsTrend < -0.05 ? 'falling' : 'flat';
  const rows: [string, Span | Span[]][] = [
    [METRIC_LABELS.winRate, [`${f.pct(m.winRate)} / ${f.pct(m.winRateByValue)}`, muted(` (${m.wonCount} won, ${m.lostCount} lost)`)]],
    [METRIC_LABELS.avgWonDeal, f.money(m.avgWonDealSize)],
    [METRIC_LABELS.avgCycle, m.avgCycleDays === null ? '—' : countOf(Math.round(m.avgCycleDays), 'day')],
    [`${METRIC_LABELS.won} ${period.label}`, quotaLine(m, f)],
    [METRIC_LABELS.coverage, coverageLine(m, f)],
    [METRIC_LABELS.openPipeline, `${f.money(m.openValue)} in ${countOf(m.openCount, 'deal')}`],
    [
      METRIC_LABELS.oppsNeeded,
      m.remainingQuota <= 0
        ? 'None: the quota is met'
        : m.needs.dealsNeeded === null
          ? '—'
          : [`${Math.ceil(m.needs.dealsNeeded)}`, muted(` to win the remaining ${f.money(m.remainingQuota)} at this win rate and deal size`)],
    ],
    [
      METRIC_LABELS.newOppsPerWeek,
      [
        `${m.newOppsPerWeek.toFixed(1)}`,
        muted(`${m.neededOppsPerWeek === null ? '' : ` (needs about ${m.neededOppsPerWeek.toFixed(1)})`}; ${trend}; last ${m.weeklyNewOpps.length} weeks: ${m.weeklyNewOpps.join(' ')}`),
      ],
    ],
  ];
  return [
    paragraph(muted(`As of ${f.date(to)}. Win rate, deal size and cycle over the trailing ${settings.windowMonths} months; pipeline as it stood that day.`)),
    facts(rows),
    heading('Diagnosis'),
    paragraph(strong(m.diagnosis.headline)),
    list(m.diagnosis.evidence),
  ];
}

function counts(db: Db, repId: number, from: string, to: string): Record<'rep' | 'manager', FollowThroughCounts> {
  const rows = commitmentCountsBetween(db, from, to, { repId });
  const zero: FollowThroughCounts = { due: 0, keptOnTime: 0, keptLate: 0, dropped: 0, openOverdue: 0 };
  const pick = (o: 'rep' | 'manager') => {
    const r = rows.find((x) => x.owner === o);
    return r ? { due: r.due, keptOnTime: r.keptOnTime, keptLate: r.keptLate, dropped: r.dropped, openOverdue: r.openOverdue } : zero;
  };
  return { rep: pick('rep'), manager: pick('manager') };
}

/** What every section needs: the rep, the period, the settings, the formatting. */
interface Review {
  db: Db;
  rep: Rep;
  from: string;
  to: string;
  settings: Settings;
  includePrivate: boolean;
  locale: string | undefined;
  f: Fmt;
}

/** The plan the summary speaks of: the one running on the last day, else the latest in the period. */
function planInPeriod(db: Db, repId: number, from: string, to: string): PlanView | null {
  const plans = plansForRep(db, repId, to).filter((p) => p.startDate <= to && (p.closedOn ?? p.endDate) >= from);
  return plans.find((p) => p.status === 'active') ?? plans[0] ?? null;
}

/**
 * Page one: what a reader who stops here needs. The manager's own words first, then the numbers
 * against quota and coverage, the diagnosis in one sentence, the top risks by attention, the
 * development plan and the coachability status, each from the same rule as the screens.
 */
function summarySection(r: Review & { flagged: PipelineDeal[]; summary: string | null }): Block[] {
  const { db, rep, from, to, settings, locale, f } = r;
  const m = repMetrics(db, to, rep.id)[0];
  const period = periodContaining(to, settings.quotaPeriod);
  const plan = planInPeriod(db, rep.id, from, to);
  const coach = repCoachability(db, rep.id, to).judgement;
  const blocks: Block[] = [heading('Summary')];
  if (r.summary) blocks.push(callout(`${managerPossessive(settings.managerName)} summary`, r.summary));
  blocks.push(
    facts([
      ...(m
        ? ([
            [`${METRIC_LABELS.won} ${period.label}`, quotaLine(m, f)],
            [METRIC_LABELS.coverage, coverageLine(m, f)],
            [METRIC_LABELS.openPipeline, `${f.money(m.openValue)} in ${countOf(m.openCount, 'deal')}`],
            ['Diagnosis', strong(m.diagnosis.headline)],
          ] as [string, Span | Span[]][])
        : [['Diagnosis', `No pipeline metrics: ${rep.name} is archived.`] as [string, Span]]),
      ['Development focus', plan ? [strong(planDrivers(plan)), `: ${planStatus(plan, settings.currency, locale)}`] : 'No development plan in the period'],
      ['Coachability', coach.headline],
    ]),
  );
  const risks = r.flagged.slice(0, TOP_RISKS);
  blocks.push(heading(`Top ${risks.length === 1 ? 'risk' : `${risks.length || ''} risks`.trim()} by attention`, 3));
  blocks.push(
    risks.length
      ? numberedList(risks.map((d) => [strong(dealHeading(d.name, d.accountName)), ` (attention ${d.attention}): ${d.reason}.`]))
      : paragraph(`No open deal carried an integrity flag on ${f.date(to)}.`, 'muted'),
  );
  return [...blocks, pageBreak()];
}

function metricsSection({ db, rep, to, settings, f }: Review): Block[] {
  const m = repMetrics(db, to, rep.id)[0];
  return [heading('Pipeline metrics'), ...(m ? metricsBlocks(m, settings, to, f) : [paragraph(`No pipeline metrics: ${rep.name} is archived.`, 'muted')])];
}

/** The rep's flagged open deals on the last day, in the rep page's order (attention, highest first). */
const flaggedDeals = (db: Db, repId: number, to: string, locale: string | undefined): PipelineDeal[] =>
  pipeline(db, to, repId, locale).deals.filter((d) => d.flags.length > 0);

/** The deals to question: the ten that need attention first, one row each, and how many more. */
function flaggedSection({ rep, to, f, flagged }: Review & { flagged: PipelineDeal[] }): Block[] {
  const blocks: Block[] = [heading('Flagged open deals')];
  if (flagged.length === 0) return [...blocks, paragraph(`No open deal of ${rep.name} carried an integrity flag on ${f.date(to)}.`, 'muted')];
  const shown = flagged.slice(0, TOP_FLAGGED);
  blocks.push(
    paragraph(
      muted(
        `${countOf(flagged.length, 'open deal')} carried integrity flags on ${f.date(to)}` +
          (flagged.length > shown.length ? `; the ${shown.length} with the highest attention:` : ', highest attention first:'),
      ),
    ),
    table(
      [
        { label: '#', align: 'right', width: '4%' },
        { label: 'Deal', width: '36%' },
        { label: 'Attention', align: 'right', width: '10%' },
        { label: 'Why, and the question to ask' },
      ],
      shown.map((d, i) => {
        const worst = bySeverity(d.flags)[0]!;
        return [
          String(i + 1),
          { main: [strong(dealHeading(d.name, d.accountName))], sub: [`${d.stage} · expected close ${f.date(d.expectedCloseDate)}`] },
          String(d.attention),
          // The reason line names the worst flag and counts the rest; the worst one's facts and question come under it.
          { main: [d.reason], sub: [`${worst.reason} `, em(worst.question)] },
        ];
      }),
    ),
  );
  const rest = flagged.length - shown.length;
  if (rest > 0) blocks.push(paragraph(`And ${countOf(rest, 'more flagged deal')}, with lower attention: see the Pipeline.`));
  return blocks;
}

/** Promises on both sides: follow-through over those due in the period, and those made in it. */
function commitmentsSection({ db, rep, from, to, settings, locale, f }: Review): Block[] {
  const c = counts(db, rep.id, from, to);
  const ftRow = (who: string, k: FollowThroughCounts) => [who, String(k.due), String(k.keptOnTime), String(k.keptLate), String(k.dropped), String(k.openOverdue), f.pct(followThroughRate(k))];
  const made = commitmentsView(db, to, { repId: rep.id, include: 'all', includeArchived: true })
    .commitments.filter((x) => x.createdOn >= from && x.createdOn <= to)
    .sort((a, b) => a.createdOn.localeCompare(b.createdOn) || a.id - b.id);
  return [
    heading('Commitments'),
    paragraph(muted(`Follow-through on commitments due in the period: kept on time ÷ due.`)),
    table(
      [
        'Whose commitments',
        { label: 'Due', align: 'right' },
        { label: 'Kept on time', align: 'right' },
        { label: 'Kept late', align: 'right' },
        { label: 'Dropped', align: 'right' },
        { label: 'Still open', align: 'right' },
        { label: 'Follow-through', align: 'right' },
      ],
      [ftRow(rep.name, c.rep), ftRow(`${managerLabel(settings.managerName)}, to ${rep.name}`, c.manager)],
    ),
    heading(`Made in the period (${made.length})`, 3),
    made.length
      ? table(
          [
            { label: 'Commitment', width: '44%' },
            { label: 'Owner', width: '18%' },
            { label: 'Made', nowrap: true },
            { label: 'Due', nowrap: true },
            { label: 'Status', nowrap: true },
          ],
          commitmentRows(made, rep.name, settings.managerName, locale, true),
        )
      : paragraph('No commitments were made in the period.', 'muted'),
  ];
}

/** Coaching notes: shareable only, unless the manager asks for the private ones. */
function notesSection({ db, rep, from, to, includePrivate, f }: Review): Block[] {
  const notes = notesInPeriod(db, rep.id, from, to, includePrivate);
  const blocks: Block[] = [
    heading('Coaching notes'),
    paragraph(muted(includePrivate ? 'All notes in the period, private ones marked.' : 'Only notes marked shareable are included.')),
  ];
  if (notes.length === 0) return [...blocks, paragraph('No coaching notes in the period.', 'muted')];
  const rows = notes.map((n) => {
    const sub: string[] = [];
    if (n.skill) sub.push(`Skill: ${n.skill}`);
    if (n.dealName) sub.push(`Deal: ${dealHeading(n.dealName, n.accountName)}`);
    if (n.questions) sub.push(`${countOf(n.questions, '“How do you know?” question')} answered`);
    if (n.followUpAnswer) sub.push(`Follow-up: ${(FOLLOW_UP_LABELS[n.followUpAnswer] ?? n.followUpAnswer).toLowerCase()}`);
    else if (n.followUpDue) sub.push(`Follow-up due ${f.date(n.followUpDue)}`);
    return [
      f.date(n.noteDate),
      { main: [NOTE_KIND_LABELS[n.kind] ?? n.kind], ...(n.visibility === 'private' ? { sub: [strong('Private')] } : {}) },
      { main: [n.body], ...(sub.length ? { sub: [sub.join(' · ')] } : {}) },
    ];
  });
  return [...blocks, table([{ label: 'Date', width: '13%', nowrap: true }, { label: 'Kind', width: '17%', nowrap: true }, { label: 'Note' }], rows)];
}

/** Coachability: a pattern over many observations, counted by sign; nothing when none was recorded. */
function coachabilitySection({ db, rep, from, to, includePrivate, f }: Review): Block[] {
  const mid = addDays(from, Math.floor(daysBetween(from, to) / 2));
  const obs = observationsInPeriod(db, rep.id, from, to, mid);
  if (obs.count === 0) return [];
  // The status as the app judges it on the last day of the period (the pattern rule and the cautions).
  const judged = repCoachability(db, rep.id, to).judgement;
  const blocks: Block[] = [
    heading('Coachability'),
    paragraph(strong(`Status on ${f.date(to)}: ${judged.headline}`)),
    list(judged.reasons),
    paragraph(
      `${countOf(obs.count, 'observation')} from ${f.date(obs.first)} to ${f.date(obs.last)} ` +
        `(${obs.firstHalf} in the first half of the period, to ${f.date(mid)}; ${obs.secondHalf} in the second). ` +
        `Feedback applied in ${obs.feedbackApplied} of ${obs.count}; a new approach tried in ${obs.newApproachTried} of ${obs.count}.`,
    ),
    table(
      [
        { label: 'Sign', width: '40%' },
        { label: 'Often', align: 'right', width: '15%' },
        { label: 'All the time', align: 'right', width: '15%' },
        { label: '1st half', align: 'right', width: '15%' },
        { label: '2nd half', align: 'right', width: '15%' },
      ],
      SIGNS.map(([code, label]) => {
        const r = obs.signs.find((x) => x.sign === code);
        return [label, String(r?.often ?? 0), String(r?.allTheTime ?? 0), String(r?.firstHalf ?? 0), String(r?.secondHalf ?? 0)];
      }),
    ),
    paragraph(
      muted(
        'Counts of observations in which the sign was rated often or all the time (the halves count both together). Everyone shows these signs sometimes; ' +
          'only a pattern over many observations and weeks means something, and skills, aptitude and coaching fit should be ruled out first.',
      ),
    ),
  ];
  // Evidence text is the manager's own record: only when private material is asked for.
  const evidence = includePrivate ? coachabilityEvidence(db, rep.id, from, to) : [];
  if (evidence.length > 0) {
    blocks.push(heading('Coachability evidence (private)', 3), list(evidence.map((e) => `${f.date(e.observedOn)} · ${SIGN_LABELS[e.sign] ?? e.sign}: ${e.evidence}`)));
  }
  return blocks;
}

function oneOnOnesSection({ db, rep, from, to, f }: Review): Block[] {
  const held = meetingsHeld(db, rep.id, from, to);
  const cadence = rep.oneOnOneCadenceDays;
  return [
    heading('One-on-ones'),
    paragraph([
      strong(`${held.length} held`),
      muted(` (planned cadence: every ${cadence === 1 ? 'day' : countOf(cadence, 'day')})`),
      held.length ? `: ${held.map((d) => f.date(d)).join(', ')}.` : '.',
    ]),
  ];
}

/** The development plans that ran during the period, with their metric before and since. */
function developmentSection({ db, rep, from, to, settings, locale, f }: Review): Block[] {
  const plans = plansForRep(db, rep.id, to).filter((p) => p.startDate <= to && (p.closedOn ?? p.endDate) >= from);
  const blocks: Block[] = [heading('Development focus')];
  if (plans.length === 0) blocks.push(paragraph('No development plan ran in this period.', 'muted'));
  for (const p of plans) {
    const val = (v: number | null) => formatDriver(p.metric, v, settings.currency, locale);
    blocks.push(paragraph([strong(planDrivers(p)), muted(` (${f.date(p.startDate)} – ${f.date(p.endDate)})`), `: ${planStatus(p, settings.currency, locale)}.`]));
    const done = p.checkins.filter((c) => c.doneOn);
    if (p.actions || done.length || p.resultNote) {
      blocks.push(
        list([
          ...(p.actions ? [[muted('Plan: '), p.actions]] : []),
          ...done.map((c) => [muted(`Check-in ${f.date(c.doneOn)}: `), `${val(c.metricValue)}${c.note ? `. ${c.note}` : ''}`]),
          ...(p.resultNote ? [[muted('Result: '), p.resultNote]] : []),
        ]),
      );
    }
  }
  return blocks;
}

export function repReview(db: Db, repId: number, from: string, to: string, opts: ExportOptions & { summary?: string | null }): ExportDoc {
  if (from > to) throw new InvalidError('The period must start on or before the day it ends.', 'from');
  const { locale, includePrivate } = opts;
  const rep = getRep(db, repId);
  const settings = getSettings(db);
  const f = docFormat(settings.currency, locale);
  const review: Review = { db, rep, from, to, settings, includePrivate, locale, f };
  // One ranked list for the summary's top risks and the flagged-deals table: they cannot disagree.
  const flagged = flaggedDeals(db, rep.id, to, locale);
  const blocks: Block[] = [
    ...(includePrivate ? [callout('Contains private notes', PRIVATE_INCLUDED, 'private')] : []),
    ...summarySection({ ...review, flagged, summary: opts.summary ?? null }),
    ...metricsSection(review),
    ...flaggedSection({ ...review, flagged }),
    ...commitmentsSection(review),
    ...notesSection(review),
    ...coachabilitySection(review),
    ...oneOnOnesSection(review),
    ...developmentSection(review),
  ];
  const meta: [string, string][] = [
    ['Rep', rep.name],
    ['Role', REP_ROLE_LABELS[rep.role]],
    ...(rep.territory ? [['Territory', rep.territory] as [string, string]] : []),
    ['Period', `${f.date(from)} – ${f.date(to)}`],
    ['As of', `${f.date(to)}: numbers, flags and stages as they stood that day`],
    ['Prepared by', settings.managerName],
    ['Generated', f.date(opts.generatedOn ?? localDate(new Date()))],
    privacyMeta(includePrivate),
  ];
  return renderDoc({
    kind: 'Rep review',
    title: `Rep review: ${rep.name}`,
    subtitle: `${f.date(from)} – ${f.date(to)}`,
    meta,
    blocks,
    footer: includePrivate ? PRIVATE_INCLUDED : PRIVATE_EXCLUDED,
    filename: `rep-review-${slug(rep.name, `rep-${rep.id}`)}-${from}-to-${to}`,
  });
}
