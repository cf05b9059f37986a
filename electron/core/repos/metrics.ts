/**
 * SQL aggregates behind the pipeline screens. SQLite sums per rep; the pure functions in
 * shared/domain turn the sums into rates, coverage, needs, diagnoses and flags.
 */
import { flagCodes, flagDeal, type Flag, type OpenDealFacts } from '../../../shared/domain/flags';
import { NotFoundError } from '../errors';
import { averageCycleDays, computeRepMetrics, teamAggregates, type RepAggregates, type RepMetrics } from '../../../shared/domain/metrics';
import { fromCents } from '../../../shared/domain/money';
import { addDays, daysBetween, periodContaining } from '../../../shared/domain/periods';
import type { NeglectRow, Pipeline, PipelineDeal, PipelineList, PipelineRow, TeamMetrics } from '../../../shared/schemas/pipeline';
import type { Settings } from '../../../shared/schemas/team';
import type { Db } from '../db/open';
import { getSettings } from './settings';

export const WEEKS_SHOWN = 12;

/** A won deal whose sales cycle counts: see averageCycleDays (closed before created has none). */
export const WON_WITH_CYCLE = "outcome = 'won' AND closed_date >= created_date";

/** The first day of the trailing window ending on asOf (e.g. 12 months back, exclusive). */
export function windowStart(asOf: string, months: number): string {
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  // The same day `months` back, capped at that month's last day (no Feb 31 rolling into March).
  const first = new Date(Date.UTC(y, m - 1 - months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return addDays(first.toISOString().slice(0, 10), 1);
}

interface AggRow {
  repId: number;
  name: string;
  hireDate: string | null;
  quotaCents: number;
  wonCount: number;
  lostCount: number;
  wonCents: number;
  lostCents: number;
  wonCycleDays: number;
  cycleCount: number;
  openCount: number;
  openCents: number;
  wonPeriodCents: number;
}

/**
 * One pass over the deals, grouped by rep. "Open as of" means created by then and not yet
 * closed by then, so a past as-of date sees the pipeline as it stood.
 */
export function repAggregates(db: Db, asOf: string, settings: Settings, repId?: number): RepAggregates[] {
  const period = periodContaining(asOf, settings.quotaPeriod);
  const params = {
    asOf,
    ws: windowStart(asOf, settings.windowMonths),
    ps: period.start,
    pe: asOf < period.end ? asOf : period.end,
    repId: repId ?? null,
  };
  const rows = db
    .prepare(
      `WITH d AS (
         SELECT rep_id, amount_cents, outcome, created_date, closed_date,
           (outcome <> 'open' AND closed_date BETWEEN @ws AND @asOf) AS closed_in_window,
           (created_date <= @asOf AND (outcome = 'open' OR closed_date > @asOf)) AS open_then,
           (${WON_WITH_CYCLE}) AS has_cycle
         FROM deals
         WHERE (@repId IS NULL OR rep_id = @repId) AND created_date <= @asOf
           AND (outcome = 'open' OR closed_date >= MIN(@ws, @ps))
       )
       SELECT r.id AS repId, r.name, r.hire_date AS hireDate, r.quota_cents AS quotaCents,
         COALESCE(SUM(d.closed_in_window AND d.outcome = 'won'), 0) AS wonCount,
         COALESCE(SUM(d.closed_in_window AND d.outcome = 'lost'), 0) AS lostCount,
         COALESCE(SUM(CASE WHEN d.closed_in_window AND d.outcome = 'won' THEN d.amount_cents END), 0) AS wonCents,
         COALESCE(SUM(CASE WHEN d.closed_in_window AND d.outcome = 'lost' THEN d.amount_cents END), 0) AS lostCents,
         COALESCE(SUM(CASE WHEN d.closed_in_window AND d.has_cycle
           THEN julianday(d.closed_date) - julianday(d.created_date) END), 0) AS wonCycleDays,
         COALESCE(SUM(d.closed_in_window AND d.has_cycle), 0) AS cycleCount,
         COALESCE(SUM(d.open_then), 0) AS openCount,
         COALESCE(SUM(CASE WHEN d.open_then THEN d.amount_cents END), 0) AS openCents,
         COALESCE(SUM(CASE WHEN d.outcome = 'won' AND d.closed_date BETWEEN @ps AND @pe THEN d.amount_cents END), 0) AS wonPeriodCents
       FROM reps r LEFT JOIN d ON d.rep_id = r.id
       WHERE r.status <> 'archived' AND (@repId IS NULL OR r.id = @repId)
       GROUP BY r.id
       ORDER BY r.name`,
    )
    .all(params) as AggRow[];

  // New opportunities per rep per week (0 = the 7 days ending on asOf).
  const weekly = db
    .prepare(
      `SELECT rep_id AS repId, CAST((julianday(@asOf) - julianday(created_date)) / 7 AS INTEGER) AS weeksAgo, COUNT(*) AS n
       FROM deals
       WHERE created_date > date(@asOf, '-${WEEKS_SHOWN * 7} days') AND created_date <= @asOf
         AND (@repId IS NULL OR rep_id = @repId)
       GROUP BY rep_id, weeksAgo`,
    )
    .all({ asOf, repId: repId ?? null }) as { repId: number; weeksAgo: number; n: number }[];
  const series = new Map<number, number[]>();
  for (const w of weekly) {
    const s = series.get(w.repId) ?? new Array<number>(WEEKS_SHOWN).fill(0);
    s[WEEKS_SHOWN - 1 - w.weeksAgo] = w.n;
    series.set(w.repId, s);
  }

  return rows.map((r) => ({
    repId: r.repId,
    name: r.name,
    hireDate: r.hireDate,
    quota: fromCents(r.quotaCents),
    wonCount: r.wonCount,
    lostCount: r.lostCount,
    wonValue: fromCents(r.wonCents),
    lostValue: fromCents(r.lostCents),
    wonCycleDays: r.wonCycleDays,
    cycleCount: r.cycleCount,
    openCount: r.openCount,
    openValue: fromCents(r.openCents),
    wonThisPeriod: fromCents(r.wonPeriodCents),
    weeklyNewOpps: series.get(r.repId) ?? new Array<number>(WEEKS_SHOWN).fill(0),
  }));
}

function metricsFor(a: RepAggregates, asOf: string, settings: Settings, referenceWinRate: number | null): RepMetrics {
  const period = periodContaining(asOf, settings.quotaPeriod);
  return computeRepMetrics(a, {
    asOf,
    tenureDays: a.hireDate ? daysBetween(a.hireDate, asOf) : null,
    daysLeftInPeriod: Math.max(0, daysBetween(asOf, period.end) + 1),
    weeksInPeriod: (daysBetween(period.start, period.end) + 1) / 7,
    prospectsPerOpp: settings.prospectsPerOpp,
    windowMonths: settings.windowMonths,
    thresholds: settings.thresholds,
    referenceWinRate,
  });
}

/** Per-rep metrics; the team's win rate is the yardstick for activity (see MetricsContext). */
export function repMetrics(db: Db, asOf: string, repId?: number, windowMonths?: number): RepMetrics[] {
  const stored = getSettings(db);
  const settings = windowMonths ? { ...stored, windowMonths } : stored;
  const all = repAggregates(db, asOf, settings);
  const teamRate = teamWinRate(all);
  return all.filter((a) => repId === undefined || a.repId === repId).map((a) => metricsFor(a, asOf, settings, teamRate));
}

function teamWinRate(aggs: RepAggregates[]): number | null {
  const t = teamAggregates(aggs);
  return t.wonCount + t.lostCount > 0 ? t.wonCount / (t.wonCount + t.lostCount) : null;
}

export function teamMetrics(db: Db, asOf: string): TeamMetrics {
  const settings = getSettings(db);
  const aggs = repAggregates(db, asOf, settings);
  const teamRate = teamWinRate(aggs);
  const reps = aggs.map((a) => metricsFor(a, asOf, settings, teamRate));
  const team = metricsFor(teamAggregates(aggs), asOf, settings, teamRate);
  return {
    asOf,
    windowStart: windowStart(asOf, settings.windowMonths),
    period: periodContaining(asOf, settings.quotaPeriod),
    currency: settings.currency,
    reps,
    team,
    neglect: neglectRadar(db, asOf, reps),
    neglectDays: settings.thresholds.neglectDays,
  };
}

/** Last one-on-one, coaching note and deal review per rep, most neglected first. */
export function neglectRadar(db: Db, asOf: string, reps: RepMetrics[]): NeglectRow[] {
  const rows = db
    .prepare(
      `SELECT r.id AS repId, r.name,
         (SELECT MAX(meeting_date) FROM one_on_ones o WHERE o.rep_id = r.id AND o.meeting_date <= @asOf AND o.status = 'closed') AS lastOneOnOne,
         (SELECT MAX(note_date) FROM coaching_notes n WHERE n.rep_id = r.id AND n.note_date <= @asOf AND n.kind <> 'deal_review') AS lastNote,
         (SELECT MAX(note_date) FROM coaching_notes n WHERE n.rep_id = r.id AND n.note_date <= @asOf AND n.kind = 'deal_review') AS lastDealReview
       FROM reps r WHERE r.status = 'active' ORDER BY r.name`,
    )
    .all({ asOf }) as Omit<NeglectRow, 'lastTouch' | 'daysSince' | 'isTopPerformer'>[];
  const topWon = Math.max(0, ...reps.map((r) => r.wonValue));
  const top = new Set(reps.filter((r) => topWon > 0 && r.wonValue === topWon).map((r) => r.repId));
  return rows
    .map((r) => {
      const dates = [r.lastOneOnOne, r.lastNote, r.lastDealReview].filter((d): d is string => d !== null);
      const lastTouch = dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : null;
      return { ...r, lastTouch, daysSince: lastTouch ? daysBetween(lastTouch, asOf) : null, isTopPerformer: top.has(r.repId) };
    })
    .sort((a, b) => (b.daysSince ?? Infinity) - (a.daysSince ?? Infinity));
}

interface OpenRow extends Omit<OpenDealFacts, 'amount'> {
  id: number;
  repId: number;
  repName: string;
  accountName: string | null;
  name: string;
  amountCents: number;
}

/**
 * Every deal of the active team that was open on asOf, with what the flags need: the deal's
 * facts and its rep's own baseline. For a past date, stage and close-date facts are today's:
 * history is not replayed.
 */
function openDeals(db: Db, asOf: string, settings: Settings, opts: { repId?: number | undefined; dealId?: number | undefined } = {}) {
  // Baselines need only each rep's own sums (cycle, deal size), not the team's.
  const baselines = new Map(
    repAggregates(db, asOf, settings, opts.repId).map((a) => [
      a.repId,
      { avgCycleDays: averageCycleDays(a), avgWonDealSize: a.wonCount > 0 ? a.wonValue / a.wonCount : null },
    ]),
  );
  const rows = db
    .prepare(
      `WITH open_then AS (
         SELECT id FROM deals WHERE outcome = 'open' AND created_date <= @asOf AND (@repId IS NULL OR rep_id = @repId)
         UNION ALL
         SELECT id FROM deals WHERE outcome IN ('won', 'lost') AND closed_date > @asOf AND created_date <= @asOf
           AND (@repId IS NULL OR rep_id = @repId)
       ), people AS (
         SELECT deal_id, COUNT(*) AS n, SUM(role = 'decision_maker') AS dm, SUM(role = 'champion') AS champ FROM stakeholders GROUP BY deal_id
       ), vp AS (
         SELECT c.deal_id, (SELECT COUNT(*) FROM value_prop_results r WHERE r.check_id = c.id AND r.result = 'pass') AS passing
         FROM value_prop_checks c
         WHERE c.id = (SELECT MAX(c2.id) FROM value_prop_checks c2 WHERE c2.deal_id = c.deal_id)
       )
       SELECT d.id, d.rep_id AS repId, r.name AS repName, a.name AS accountName, d.name, d.stage,
         d.amount_cents AS amountCents, d.currency, d.created_date AS createdDate,
         d.expected_close_date AS expectedCloseDate, d.close_date_changes AS closeDateChanges,
         d.stage_entered_date AS stageEnteredDate, d.last_activity_date AS lastActivityDate,
         COALESCE(p.n, 0) AS stakeholderCount, COALESCE(p.dm, 0) AS decisionMakerCount, COALESCE(p.champ, 0) AS championCount, v.passing AS vpPassing
       FROM open_then o JOIN deals d ON d.id = o.id JOIN reps r ON r.id = d.rep_id
         LEFT JOIN accounts a ON a.id = d.account_id LEFT JOIN people p ON p.deal_id = d.id LEFT JOIN vp v ON v.deal_id = d.id
       WHERE r.status <> 'archived' AND (@dealId IS NULL OR d.id = @dealId)
       ORDER BY d.expected_close_date, d.id`,
    )
    .all({ repId: opts.repId ?? null, dealId: opts.dealId ?? null, asOf }) as OpenRow[];
  return rows.map((r) => {
    const amount = fromCents(r.amountCents);
    const facts: OpenDealFacts = { ...r, amount };
    const row: Omit<PipelineDeal, 'flags'> = {
      id: r.id,
      repId: r.repId,
      repName: r.repName,
      accountName: r.accountName,
      name: r.name,
      stage: r.stage,
      amount,
      currency: r.currency,
      createdDate: r.createdDate,
      expectedCloseDate: r.expectedCloseDate,
      ageDays: daysBetween(r.createdDate, asOf),
      daysInStage: Math.max(0, daysBetween(r.stageEnteredDate, asOf)),
      lastActivityDate: r.lastActivityDate,
      closeDateChanges: r.closeDateChanges,
      stakeholderCount: r.stakeholderCount,
    };
    return { row, facts, base: baselines.get(r.repId) ?? { avgCycleDays: null, avgWonDealSize: null } };
  });
}

/** Open deals with their flags spelled out (reasons and questions): one rep, the CLI, tests. */
export function pipeline(db: Db, asOf: string, repId?: number): Pipeline {
  const settings = getSettings(db);
  const deals = openDeals(db, asOf, settings, { repId }).map(({ row, facts, base }) => ({
    ...row,
    flags: flagDeal(facts, base, settings.thresholds, asOf, undefined, settings.valueProps),
  }));
  return { asOf, stages: settings.stages, deals };
}

/** The whole team's open deals with flag codes only: the Pipeline screen's list, kept small. */
export function pipelineList(db: Db, asOf: string, repId?: number): PipelineList {
  const settings = getSettings(db);
  const deals = openDeals(db, asOf, settings, { repId }).map(
    ({ row: r, facts, base }): PipelineRow => ({
      id: r.id,
      repId: r.repId,
      repName: r.repName,
      accountName: r.accountName,
      name: r.name,
      stage: r.stage,
      amount: r.amount,
      currency: r.currency,
      expectedCloseDate: r.expectedCloseDate,
      ageDays: r.ageDays,
      daysInStage: r.daysInStage,
      flags: flagCodes(facts, base, settings.thresholds, asOf, settings.valueProps),
    }),
  );
  return { asOf, stages: settings.stages, deals };
}

/** One deal's flags with reasons and questions ([] when it was not open on asOf). */
export function dealFlags(db: Db, dealId: number, asOf: string): Flag[] {
  const settings = getSettings(db);
  const repId = (db.prepare('SELECT rep_id FROM deals WHERE id = ?').get(dealId) as { rep_id: number } | undefined)?.rep_id;
  if (repId === undefined) throw new NotFoundError('Deal', dealId);
  const [hit] = openDeals(db, asOf, settings, { repId, dealId });
  return hit ? flagDeal(hit.facts, hit.base, settings.thresholds, asOf, undefined, settings.valueProps) : [];
}
