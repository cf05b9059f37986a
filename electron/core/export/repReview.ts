/**
 * A rep review over a period, for the manager's own manager or HR: the numbers and the
 * diagnosis with its evidence, the deals to question, promises kept on both sides, the
 * coaching record and the coachability pattern. Private coaching notes appear only when
 * asked for; coachability evidence never does (counts only).
 */
import { FLAG_LABELS, SEVERITY_LABELS, bySeverity } from '../../../shared/domain/flags';
import { SIGN_LABELS, SIGNS as SIGN_CODES } from '../../../shared/domain/coachability';
import { coverageStatus } from '../../../shared/domain/metrics';
import { FOLLOW_UP_LABELS, NOTE_KIND_LABELS, type FollowUpAnswer, type NoteKind } from '../../../shared/schemas/notes';
import { followThroughRate } from '../../../shared/domain/followThrough';
import { dealHeading, formatDate, formatMoney, formatPercent } from '../../../shared/domain/format';
import type { RepMetrics } from '../../../shared/domain/metrics';
import { addDays, daysBetween, localDate, periodContaining } from '../../../shared/domain/periods';
import type { FollowThroughCounts } from '../../../shared/schemas/commitments';
import { REP_ROLE_LABELS } from '../../../shared/schemas/rep';
import type { Settings } from '../../../shared/schemas/team';
import type { Db } from '../db/open';
import { InvalidError } from '../errors';
import { commitmentCountsBetween, commitmentsView } from '../repos/commitments';
import { repCoachability } from '../repos/coachability';
import { pipeline, repMetrics } from '../repos/metrics';
import { getRep } from '../repos/reps';
import { getSettings } from '../repos/settings';
import { plansForRep } from '../repos/development';
import { DRIVER_DEFS, PLAN_OUTCOME_TEXT, formatDriver } from '../../../shared/domain/development';
import { PRIVATE_EXCLUDED, PRIVATE_INCLUDED, commitmentRows, managerLabel, privacyMeta, type ExportOptions } from './oneOnOneSummary';
import { callout, em, facts, heading, list, muted, paragraph, renderDoc, slug, strong, table, type Block, type ExportDoc, type Span } from './render';

/** How many flagged deals the review lists (highest attention first, as on the rep page). */
export const TOP_FLAGGED = 10;

/** The seven signs (domain.md section 5) in the domain's order, with the app's own labels. */
export const SIGNS: [string, string][] = SIGN_CODES.map((s) => [s, SIGN_LABELS[s]]);

interface NoteRow {
  noteDate: string;
  kind: string;
  skill: string | null;
  visibility: 'private' | 'shareable';
  body: string;
  followUpDue: string | null;
  followUpAnswer: string | null;
  dealName: string | null;
  accountName: string | null;
  questions: number;
}

interface SignRow {
  sign: string;
  often: number;
  allTheTime: number;
  firstHalf: number;
  secondHalf: number;
}

type Fmt = {
  date: (s: string | null) => string;
  money: (n: number | null, currency?: string) => string;
  pct: (f: number | null) => string;
  x: (n: number | null) => string;
};

function metricsBlocks(m: RepMetrics, settings: Settings, to: string, f: Fmt): Block[] {
  const period = periodContaining(to, settings.quotaPeriod);
  const trend = m.newOppsTrend > 0.05 ? 'rising' : m.newOppsTrend < -0.05 ? 'falling' : 'flat';
  const rows: [string, Span | Span[]][] = [
    ['Win rate (by count)', [f.pct(m.winRate), muted(` (${m.wonCount} won, ${m.lostCount} lost)`)]],
    ['Win rate (by value)', f.pct(m.winRateByValue)],
    ['Average won deal', f.money(m.avgWonDealSize)],
    ['Average sales cycle', m.avgCycleDays === null ? '—' : `${Math.round(m.avgCycleDays)} days`],
    [
      `Won in ${period.label}`,
      [`${f.money(m.wonThisPeriod)} of ${f.money(m.quota)} quota`, muted(` (${f.pct(m.attainment)} attained, ${f.money(m.remainingQuota)} to go)`)],
    ],
    ['Open pipeline', `${f.money(m.openValue)} in ${m.openCount} deal${m.openCount === 1 ? '' : 's'}`],
    [
      'Coverage required / actual',
      [`${f.x(m.needs.requiredCoverage)} / ${f.x(m.actualCoverage)}`, muted(`${coverageStatus(m) === 'short' ? ' short of it' : ''} (required = 1 ÷ win rate)`)],
    ],
    [
      'Opportunities needed',
      m.remainingQuota <= 0
        ? 'None: the quota is met'
        : m.needs.dealsNeeded === null
          ? '—'
          : [`${Math.ceil(m.needs.dealsNeeded)}`, muted(` to win the remaining ${f.money(m.remainingQuota)} at this win rate and deal size`)],
    ],
    [
      'New opportunities per week',
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

export function repReview(db: Db, repId: number, from: string, to: string, opts: ExportOptions): ExportDoc {
  if (from > to) throw new InvalidError('The period must start on or before the day it ends.', 'from');
  const { locale, includePrivate } = opts;
  const rep = getRep(db, repId);
  const settings = getSettings(db);
  const f: Fmt = {
    date: (s) => formatDate(s, locale),
    money: (n, currency = settings.currency) => (n === null ? '—' : formatMoney(n, currency, locale)),
    pct: (x) => formatPercent(x, locale),
    x: (n) => (n === null ? '—' : `${n.toFixed(1)}x`),
  };
  const blocks: Block[] = [];
  if (includePrivate) blocks.push(callout('Contains private notes', PRIVATE_INCLUDED, 'private'));

  // Numbers and diagnosis, as of the end of the period.
  blocks.push(heading('Pipeline metrics'));
  const m = repMetrics(db, to, repId)[0];
  if (m) blocks.push(...metricsBlocks(m, settings, to, f));
  else blocks.push(paragraph(`No pipeline metrics: ${rep.name} is archived.`, 'muted'));

  // The deals to question, in the order the rep page ranks them (attention, highest first).
  blocks.push(heading('Flagged open deals'));
  const flagged = pipeline(db, to, repId, locale).deals.filter((d) => d.flags.length > 0);
  if (flagged.length === 0) blocks.push(paragraph(`No open deal carried an integrity flag on ${f.date(to)}.`, 'muted'));
  else {
    blocks.push(
      paragraph(
        muted(
          `${flagged.length} open deal${flagged.length === 1 ? '' : 's'} carried integrity flags on ${f.date(to)}` +
            (flagged.length > TOP_FLAGGED ? `; the ${TOP_FLAGGED} that need attention first are below.` : ', highest attention first.') +
            ' Each flag comes with its severity and the question to ask the rep.',
        ),
      ),
    );
    for (const d of flagged.slice(0, TOP_FLAGGED)) {
      blocks.push(heading(dealHeading(d.name, d.accountName), 3));
      blocks.push(paragraph([strong(`Attention ${d.attention}`), ` · ${d.reason}`]));
      blocks.push(
        paragraph(
          muted(
            `${f.money(d.amount, d.currency)} · ${d.stage} · expected close ${f.date(d.expectedCloseDate)} · ` +
              `${d.ageDays} days old, ${d.daysInStage} in stage · ` +
              (d.stakeholdersTracked ? `${d.stakeholderCount} stakeholder${d.stakeholderCount === 1 ? '' : 's'}` : 'stakeholders not tracked yet'),
          ),
        ),
      );
      blocks.push(list(bySeverity(d.flags).map((fl) => [strong(`${FLAG_LABELS[fl.code]} (${SEVERITY_LABELS[fl.severity].toLowerCase()}):`), ` ${fl.reason} `, em(fl.question)])));
    }
  }

  // Promises on both sides.
  blocks.push(heading('Commitments'));
  const c = counts(db, repId, from, to);
  const ftRow = (who: string, k: FollowThroughCounts) => [
    who,
    String(k.due),
    String(k.keptOnTime),
    String(k.keptLate),
    String(k.dropped),
    String(k.openOverdue),
    f.pct(followThroughRate(k)),
  ];
  blocks.push(paragraph(muted(`Follow-through on commitments due in the period: kept on time ÷ due.`)));
  blocks.push(
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
  );
  const made = commitmentsView(db, to, { repId, include: 'all', includeArchived: true })
    .commitments.filter((x) => x.createdOn >= from && x.createdOn <= to)
    .sort((a, b) => a.createdOn.localeCompare(b.createdOn) || a.id - b.id);
  blocks.push(heading(`Made in the period (${made.length})`, 3));
  blocks.push(
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
  );

  // Coaching notes: shareable only, unless the manager asks for the private ones.
  blocks.push(heading('Coaching notes'));
  const notes = db
    .prepare(
      `SELECT n.note_date AS noteDate, n.kind, n.skill, n.visibility, n.body, n.follow_up_due AS followUpDue,
         n.follow_up_answer AS followUpAnswer, d.name AS dealName, a.name AS accountName,
         (SELECT COUNT(*) FROM deal_review_answers q WHERE q.note_id = n.id) AS questions
       FROM coaching_notes n LEFT JOIN deals d ON d.id = n.deal_id LEFT JOIN accounts a ON a.id = d.account_id
       WHERE n.rep_id = @repId AND n.note_date BETWEEN @from AND @to
         AND (@includePrivate = 1 OR n.visibility = 'shareable')
       ORDER BY n.note_date, n.id`,
    )
    .all({ repId, from, to, includePrivate: includePrivate ? 1 : 0 }) as NoteRow[];
  blocks.push(
    paragraph(muted(includePrivate ? 'All notes in the period, private ones marked.' : 'Only notes marked shareable are included.')),
  );
  if (notes.length === 0) blocks.push(paragraph('No coaching notes in the period.', 'muted'));
  else
    blocks.push(
      table(
        [
          { label: 'Date', width: '13%', nowrap: true },
          { label: 'Kind', width: '14%' },
          { label: 'Note' },
        ],
        notes.map((n) => {
          const sub: string[] = [];
          if (n.skill) sub.push(`Skill: ${n.skill}`);
          if (n.dealName) sub.push(`Deal: ${dealHeading(n.dealName, n.accountName)}`);
          if (n.questions) sub.push(`${n.questions} “How do you know?” question${n.questions === 1 ? '' : 's'} answered`);
          if (n.followUpAnswer) sub.push(`Follow-up: ${(FOLLOW_UP_LABELS[n.followUpAnswer as FollowUpAnswer] ?? n.followUpAnswer).toLowerCase()}`);
          else if (n.followUpDue) sub.push(`Follow-up due ${f.date(n.followUpDue)}`);
          return [
            f.date(n.noteDate),
            { main: [NOTE_KIND_LABELS[n.kind as NoteKind] ?? n.kind], ...(n.visibility === 'private' ? { sub: [strong('Private')] } : {}) },
            { main: [n.body], ...(sub.length ? { sub: [sub.join(' · ')] } : {}) },
          ];
        }),
      ),
    );

  // Coachability: a pattern over many observations, counts only.
  const obs = db
    .prepare(
      `SELECT COUNT(*) AS n, MIN(observed_on) AS first, MAX(observed_on) AS last,
         COALESCE(SUM(feedback_applied), 0) AS applied, COALESCE(SUM(new_approach_tried), 0) AS tried
       FROM coachability_observations WHERE rep_id = ? AND observed_on BETWEEN ? AND ?`,
    )
    .get(repId, from, to) as { n: number; first: string | null; last: string | null; applied: number; tried: number };
  if (obs.n > 0) {
    const mid = addDays(from, Math.floor(daysBetween(from, to) / 2));
    const rows = db
      .prepare(
        `SELECT r.sign,
           COALESCE(SUM(r.frequency = 2), 0) AS often,
           COALESCE(SUM(r.frequency = 3), 0) AS allTheTime,
           COALESCE(SUM(r.frequency >= 2 AND o.observed_on <= @mid), 0) AS firstHalf,
           COALESCE(SUM(r.frequency >= 2 AND o.observed_on > @mid), 0) AS secondHalf
         FROM coachability_observations o JOIN coachability_ratings r ON r.observation_id = o.id
         WHERE o.rep_id = @repId AND o.observed_on BETWEEN @from AND @to
         GROUP BY r.sign`,
      )
      .all({ repId, from, to, mid }) as SignRow[];
    const halves = db
      .prepare(
        `SELECT COALESCE(SUM(observed_on <= @mid), 0) AS a, COALESCE(SUM(observed_on > @mid), 0) AS b
         FROM coachability_observations WHERE rep_id = @repId AND observed_on BETWEEN @from AND @to`,
      )
      .get({ repId, from, to, mid }) as { a: number; b: number };
    blocks.push(heading('Coachability'));
    // The status as the app judges it on the last day of the period (the pattern rule and the cautions).
    const judged = repCoachability(db, repId, to).judgement;
    blocks.push(paragraph(strong(`Status on ${f.date(to)}: ${judged.headline}`)));
    blocks.push(list(judged.reasons));
    blocks.push(
      paragraph(
        `${obs.n} observation${obs.n === 1 ? '' : 's'} from ${f.date(obs.first)} to ${f.date(obs.last)} ` +
          `(${halves.a} in the first half of the period, to ${f.date(mid)}; ${halves.b} in the second). ` +
          `Feedback applied in ${obs.applied} of ${obs.n}; a new approach tried in ${obs.tried} of ${obs.n}.`,
      ),
    );
    blocks.push(
      table(
        [
          { label: 'Sign', width: '40%' },
          { label: 'Often', align: 'right', width: '15%' },
          { label: 'All the time', align: 'right', width: '15%' },
          { label: '1st half', align: 'right', width: '15%' },
          { label: '2nd half', align: 'right', width: '15%' },
        ],
        SIGNS.map(([code, label]) => {
          const r = rows.find((x) => x.sign === code);
          return [label, String(r?.often ?? 0), String(r?.allTheTime ?? 0), String(r?.firstHalf ?? 0), String(r?.secondHalf ?? 0)];
        }),
      ),
    );
    blocks.push(
      paragraph(
        muted(
          'Counts of observations in which the sign was rated often or all the time (the halves count both together). Everyone shows these signs sometimes; ' +
            'only a pattern over many observations and weeks means something, and skills, aptitude and coaching fit should be ruled out first.',
        ),
      ),
    );
    // Evidence text is the manager's own record: only when private material is asked for.
    if (includePrivate) {
      const evidence = db
        .prepare(
          `SELECT o.observed_on AS on_, r.sign, r.evidence FROM coachability_observations o JOIN coachability_ratings r ON r.observation_id = o.id
           WHERE o.rep_id = ? AND o.observed_on BETWEEN ? AND ? AND r.evidence IS NOT NULL ORDER BY o.observed_on`,
        )
        .all(repId, from, to) as { on_: string; sign: string; evidence: string }[];
      if (evidence.length > 0) {
        blocks.push(heading('Coachability evidence (private)', 3));
        blocks.push(list(evidence.map((e) => `${f.date(e.on_)} · ${SIGNS.find(([c]) => c === e.sign)?.[1] ?? e.sign}: ${e.evidence}`)));
      }
    }
  }

  // One-on-ones held.
  blocks.push(heading('One-on-ones'));
  const held = (
    db
      .prepare(`SELECT meeting_date AS d FROM one_on_ones WHERE rep_id = ? AND status = 'closed' AND meeting_date BETWEEN ? AND ? ORDER BY meeting_date`)
      .all(repId, from, to) as { d: string }[]
  ).map((r) => r.d);
  const cadence = (db.prepare('SELECT one_on_one_cadence_days AS c FROM reps WHERE id = ?').get(repId) as { c: number }).c;
  blocks.push(
    paragraph([
      strong(`${held.length} held`),
      muted(` (planned cadence: every ${cadence} day${cadence === 1 ? '' : 's'})`),
      held.length ? `: ${held.map((d) => f.date(d)).join(', ')}.` : '.',
    ]),
  );

  blocks.push(heading('Development focus'));
  const plans = plansForRep(db, repId, to).filter((p) => p.startDate <= to && (p.closedOn ?? p.endDate) >= from);
  if (plans.length === 0) blocks.push(paragraph('No development plan ran in this period.', 'muted'));
  for (const p of plans) {
    const val = (v: number | null) => formatDriver(p.metric, v, settings.currency, locale);
    const state = p.status === 'active' ? `day ${p.day} of ${p.days}` : `${p.status} ${f.date(p.closedOn)}`;
    blocks.push(
      paragraph([
        strong(p.drivers.map((d) => DRIVER_DEFS[d].label).join(' and ')),
        muted(` (${f.date(p.startDate)} – ${f.date(p.endDate)}, ${state})`),
        `. ${DRIVER_DEFS[p.metric].label}: ${val(p.baseline)} before the plan, ${val(p.current)} so far: ${PLAN_OUTCOME_TEXT[p.outcome]}.`,
      ]),
    );
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
