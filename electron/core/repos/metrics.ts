/**
 * SQL aggregates behind the pipeline screens. SQLite sums per rep; the pure functions in
 * shared/domain turn the sums into rates, coverage, needs, diagnoses and flags.
 */
import { flagDeal, flagHits, flagPolicy, type Flag, type FlagHit, type FlagPolicy, type OpenDealFacts, type RepBaseline } from '../../../shared/domain/flags';
import { attentionReason, attentionScore } from '../../../shared/domain/attention';
import { NotFoundError } from '../errors';
import { averageCycleDays, computeRepMetrics, teamAggregates, type RepAggregates, type RepMetrics } from '../../../shared/domain/metrics';
import { fromCents } from '../../../shared/domain/money';
import { addDays, daysBetween, periodContaining } from '../../../shared/domain/periods';
import type { NeedsAttention, NeglectRow, Pipeline, PipelineDeal, PipelineList, PipelineRow, TeamMetrics } from '../../../shared/schemas/pipeline';
import { NOTE_KINDS } from '../../../shared/schemas/notes';
import type { Settings } from '../../../shared/schemas/team';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { closedSums, newDealsByWeek, openTotals, type Scope } from './rollups';
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

/**
 * Per-rep sums for the trailing window and the quota period, read from the rollups (thousands of
 * rows, not every deal). "Open as of" means created by then and not yet closed by then, so a
 * past as-of date sees the pipeline as it stood.
 */
export function repAggregates(db: Db, asOf: string, settings: Settings, repId?: number): RepAggregates[] {
  const period = periodContaining(asOf, settings.quotaPeriod);
  const only = repId ?? null;
  const reps = db
    .prepare(
      `SELECT id AS repId, name, hire_date AS hireDate, quota_cents AS quotaCents FROM reps
       WHERE status <> 'archived' AND (@repId IS NULL OR id = @repId) ORDER BY name`,
    )
    .all({ repId: only }) as { repId: number; name: string; hireDate: string | null; quotaCents: number }[];
  const scope: Scope = only === null ? 'each rep' : { repId: only };
  const window = closedSums(db, windowStart(asOf, settings.windowMonths), asOf, asOf, scope);
  const inPeriod = closedSums(db, period.start, asOf < period.end ? asOf : period.end, asOf, scope);
  const open = openTotals(db, asOf, only);
  const weekly = newDealsByWeek(db, asOf, WEEKS_SHOWN, only);
  return reps.map((r) => {
    const w = window.get(r.repId);
    const o = open.get(r.repId);
    return {
      repId: r.repId,
      name: r.name,
      hireDate: r.hireDate,
      quota: fromCents(r.quotaCents),
      wonCount: w?.wonCount ?? 0,
      lostCount: w?.lostCount ?? 0,
      wonValue: fromCents(w?.wonCents ?? 0),
      lostValue: fromCents(w?.lostCents ?? 0),
      wonCycleDays: w?.cycleDays ?? 0,
      cycleCount: w?.cycleCount ?? 0,
      openCount: o?.openCount ?? 0,
      openValue: fromCents(o?.openCents ?? 0),
      wonThisPeriod: fromCents(inPeriod.get(r.repId)?.wonCents ?? 0),
      weeklyNewOpps: weekly.get(r.repId) ?? new Array<number>(WEEKS_SHOWN).fill(0),
    };
  });
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
  if (repId === undefined) {
    const all = repAggregates(db, asOf, settings);
    const teamRate = teamWinRate(all);
    return all.map((a) => metricsFor(a, asOf, settings, teamRate));
  }
  // One rep (their page): their own sums, and only the team's won and lost counts for the yardstick.
  const teamRate = winRateOf(teamWindowCounts(db, asOf, settings));
  return repAggregates(db, asOf, settings, repId).map((a) => metricsFor(a, asOf, settings, teamRate));
}

const winRateOf = (t: { wonCount: number; lostCount: number }): number | null =>
  t.wonCount + t.lostCount > 0 ? t.wonCount / (t.wonCount + t.lostCount) : null;

function teamWinRate(aggs: RepAggregates[]): number | null {
  return winRateOf(teamAggregates(aggs));
}

/** The active team's won and lost counts in the window, as repAggregates sums them, without the rest. */
function teamWindowCounts(db: Db, asOf: string, settings: Settings): { wonCount: number; lostCount: number } {
  return closedSums(db, windowStart(asOf, settings.windowMonths), asOf, asOf, 'active team').get(0) ?? { wonCount: 0, lostCount: 0 };
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

/** Every note kind but deal reviews: the neglect radar's "last coaching note". */
const COACHING_KINDS = NOTE_KINDS.filter((k) => k !== 'deal_review');

/**
 * Last one-on-one, coaching note and deal review per rep, most neglected first. Each is one seek
 * per rep and kind in an index (a thousand reps with 200 notes each: a few ms, not 600).
 */
export function neglectRadar(db: Db, asOf: string, reps: RepMetrics[]): NeglectRow[] {
  const rows = db
    .prepare(
      `SELECT r.id AS repId, r.name,
         (SELECT meeting_date FROM one_on_ones o WHERE o.rep_id = r.id AND o.meeting_date <= @asOf AND o.status = 'closed'
           ORDER BY meeting_date DESC LIMIT 1) AS lastOneOnOne,
         (SELECT MAX(d) FROM (${COACHING_KINDS.map((k) => `SELECT MAX(note_date) AS d FROM coaching_notes n
           WHERE n.rep_id = r.id AND n.kind = '${k}' AND n.note_date <= @asOf`).join(' UNION ALL ')})) AS lastNote,
         (SELECT MAX(note_date) FROM coaching_notes n WHERE n.rep_id = r.id AND n.kind = 'deal_review' AND n.note_date <= @asOf) AS lastDealReview
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

/** One row of openDeals' statement, in its column order. */
type OpenRow = [
  id: number,
  repId: number,
  repName: string,
  accountName: string | null,
  name: string,
  stage: string,
  amountCents: number,
  currency: string,
  createdDate: string,
  expectedCloseDate: string | null,
  closeDateChanges: number,
  stageEnteredDate: string,
  lastActivityDate: string | null,
  stakeholderCount: number,
  decisionMakerCount: number,
  championCount: number | null,
  vpPassing: number | null,
  vpPartial: number | null,
];

/** A deal open on asOf, with its facts as they stood that day and its rep's baseline. */
interface OpenDeal {
  row: Omit<PipelineDeal, 'flags' | 'attention' | 'reason'>;
  facts: OpenDealFacts;
  base: RepBaseline;
}

const CLOSING_STAGES = new Set(['Closed Won', 'Closed Lost']);
/** The stage of a deal open on a past date when its history cannot say which it was. */
export const STAGE_UNKNOWN = 'Stage not recorded';

/**
 * What changed after asOf, per deal, read from the recorded history: the stage and the expected
 * close date the deal had on asOf, and how many close-date moves came later. Both queries are
 * range scans on the changed_on indexes, so for today's date (nothing later) they cost nothing
 * ("+deal_id": ordering by the deal index instead would read all history, 50 ms at 1,000,000 deals).
 */
function laterHistory(db: Db, asOf: string) {
  const stages = new Map<number, { stageThen: string | null; enteredThen: string | null }>();
  // Per deal moved since: the stage it left first (its stage on asOf), and the day it entered
  // that one (its last move on or before asOf), in one statement: one query per deal took 2.5 s
  // for the 183,000 deals moved in 90 days at 1,000,000 deals. "+deal_id" keeps the planner on
  // the changed_on range: partitioning along the deal index would read all history, even today.
  const later = db
    .prepare(
      `SELECT l.deal_id, l.from_stage,
         (SELECT MAX(e.changed_on) FROM deal_stage_history e WHERE e.deal_id = l.deal_id AND e.changed_on <= @asOf)
       FROM (SELECT deal_id, from_stage, ROW_NUMBER() OVER (PARTITION BY +deal_id ORDER BY changed_on, id) AS n
             FROM deal_stage_history WHERE changed_on > @asOf) l
       WHERE l.n = 1`,
    )
    .raw()
    .all({ asOf }) as [number, string | null, string | null][];
  for (const [dealId, stageThen, enteredThen] of later) stages.set(dealId, { stageThen, enteredThen });
  const closes = new Map<number, { closeThen: string | null; movesLater: number }>();
  const moves = db
    .prepare(
      `SELECT deal_id AS dealId, from_date AS fromDate FROM deal_close_date_changes
       WHERE changed_on > ? ORDER BY +deal_id, changed_on, id`,
    )
    .all(asOf) as { dealId: number; fromDate: string | null }[];
  for (const m of moves) {
    const c = closes.get(m.dealId);
    if (c) c.movesLater++;
    else closes.set(m.dealId, { closeThen: m.fromDate, movesLater: 1 });
  }
  return { stages, closes };
}

/**
 * Does the rep keep stakeholder maps? Yes when at least one of their deals open on asOf has a
 * stakeholder recorded by then. (The whole list reads this from its own rows; one deal asks.)
 */
function repTracksStakeholders(db: Db, repId: number, asOf: string, asOfEnd: string): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM deals d JOIN stakeholders s ON s.deal_id = d.id
         WHERE d.rep_id = @repId AND d.created_date <= @asOf AND (d.outcome = 'open' OR d.closed_date > @asOf) AND s.created_at < @asOfEnd
         LIMIT 1`,
      )
      .get({ repId, asOf, asOfEnd }) !== undefined
  );
}

/**
 * Every deal of the active team that was open on asOf, with what the flags need: the deal's
 * facts and its rep's own baseline. For a past date the stage and expected close date are
 * replayed from the deal's history, and only what existed by then counts: stakeholders recorded
 * by that day, the value-proposition check assessed by then, activity logged by then (the store
 * keeps only the latest activity date, so a later one means "unknown" and raises no flag).
 */
function openDeals(db: Db, asOf: string, settings: Settings, opts: { repId?: number | undefined; dealId?: number | undefined } = {}): OpenDeal[] {
  // Baselines need only each rep's own sums (cycle, deal size), not the team's.
  const asOfEnd = addDays(asOf, 1);
  const baselines = new Map<number, RepBaseline>(
    repAggregates(db, asOf, settings, opts.repId).map((a) => [
      a.repId,
      { avgCycleDays: averageCycleDays(a), avgWonDealSize: a.wonCount > 0 ? a.wonValue / a.wonCount : null, stakeholdersTracked: false },
    ]),
  );
  // Spelled out only when asked: "(@repId IS NULL OR rep_id = @repId)" would read every open deal.
  // One deal (a write's refresh, the deal page) is sought at once, not filtered from its rep's.
  const onlyRep = (opts.repId === undefined ? '' : 'AND rep_id = @repId') + (opts.dealId === undefined ? '' : ' AND id = @dealId');
  // And only that rep's stakeholders and checks (a write refreshes one rep's Pipeline facts).
  const ofDeals = opts.repId === undefined ? '' : 'AND deal_id IN (SELECT id FROM open_then)';
  const rows = prepared(
    db,
    `WITH open_then AS (
         SELECT id FROM deals WHERE outcome = 'open' AND created_date <= @asOf ${onlyRep}
         UNION ALL
         SELECT id FROM deals WHERE outcome IN ('won', 'lost') AND closed_date > @asOf AND created_date <= @asOf
           ${onlyRep}
       ), people AS (
         SELECT deal_id, COUNT(*) AS n, SUM(role = 'decision_maker') AS dm, SUM(role = 'champion') AS champ
         FROM stakeholders WHERE created_at < @asOfEnd ${ofDeals} GROUP BY deal_id
       ), latest AS (
         SELECT deal_id, id FROM (
           SELECT c.deal_id, c.id, ROW_NUMBER() OVER (PARTITION BY c.deal_id ORDER BY c.assessed_on DESC, c.id DESC) AS rn
           FROM value_prop_checks c WHERE c.assessed_on <= @asOf ${ofDeals.replace('deal_id', 'c.deal_id')}
         ) WHERE rn = 1
       ), vp AS (
         SELECT l.deal_id, SUM(r.result = 'pass') AS passing, SUM(r.result = 'partial') AS partial
         FROM latest l JOIN value_prop_results r ON r.check_id = l.id GROUP BY l.deal_id
       )
       SELECT d.id, d.rep_id AS repId, r.name AS repName, a.name AS accountName, d.name, d.stage,
         d.amount_cents AS amountCents, d.currency, d.created_date AS createdDate,
         d.expected_close_date AS expectedCloseDate, d.close_date_changes AS closeDateChanges,
         d.stage_entered_date AS stageEnteredDate, d.last_activity_date AS lastActivityDate,
         COALESCE(p.n, 0) AS stakeholderCount, COALESCE(p.dm, 0) AS decisionMakerCount, COALESCE(p.champ, 0) AS championCount,
         CASE WHEN l.id IS NULL THEN NULL ELSE COALESCE(v.passing, 0) END AS vpPassing, COALESCE(v.partial, 0) AS vpPartial
       FROM open_then o JOIN deals d ON d.id = o.id JOIN reps r ON r.id = d.rep_id
         LEFT JOIN accounts a ON a.id = d.account_id LEFT JOIN people p ON p.deal_id = d.id
         LEFT JOIN latest l ON l.deal_id = d.id LEFT JOIN vp v ON v.deal_id = d.id
       WHERE r.status <> 'archived' AND (@dealId IS NULL OR d.id = @dealId)`,
    // No ORDER BY: ranked() sorts by attention, and one deal needs none (sorting 250,000 wide rows cost 0.35 s).
  )
    // Arrays, not objects: a quarter of a million rows come back a third faster (OpenRow's order).
    .raw();
  const params = { repId: opts.repId ?? null, dealId: opts.dealId ?? null, asOf, asOfEnd };
  const { stages, closes } = laterHistory(db, asOf);
  // Stakeholders tracked: the rows are all the rep's open deals, except when one deal is asked
  // for (then the rep is asked, before the rows are read: nothing else runs while they stream).
  if (opts.dealId !== undefined) {
    const repId = opts.repId ?? (db.prepare('SELECT rep_id FROM deals WHERE id = ?').pluck().get(opts.dealId) as number | undefined);
    const b = repId === undefined ? undefined : baselines.get(repId);
    if (b) b.stakeholdersTracked = repTracksStakeholders(db, repId!, asOf, asOfEnd);
  }
  const out: OpenDeal[] = [];
  // Streamed, not read all at once: each row's array dies young instead of being copied by the
  // garbage collector with everything else that lives until the end.
  for (const [id, repId, repName, accountName, name, stageNow, amountCents, currency, createdDate, closeNow, changesNow, enteredNow, activityNow, stakeholderCount, decisionMakerCount, championCount, vpPassing, vpPartial] of rows.iterate(params) as IterableIterator<OpenRow>) {
    let stage = stageNow;
    let stageEnteredDate = enteredNow;
    // Replay: the stage and close date the deal had on asOf, if they changed since.
    const st = stages.get(id);
    if (st) {
      // Closed on asOf and reopened since: it was not open then.
      if (st.stageThen !== null && CLOSING_STAGES.has(st.stageThen)) continue;
      if (st.stageThen !== null) stage = st.stageThen;
      stageEnteredDate = st.enteredThen ?? createdDate;
    }
    // Closed later, with no history to say which stage it had then (an imported closed deal).
    if (CLOSING_STAGES.has(stage)) stage = STAGE_UNKNOWN;
    const cl = closes.get(id);
    const expectedCloseDate = cl ? cl.closeThen : closeNow;
    const closeDateChanges = cl ? Math.max(0, changesNow - cl.movesLater) : changesNow;
    const activityUnknown = activityNow !== null && activityNow > asOf;
    const lastActivityDate = activityUnknown ? null : activityNow;
    const amount = fromCents(amountCents);
    const facts: OpenDealFacts = {
      stage,
      amount,
      currency,
      createdDate,
      expectedCloseDate,
      closeDateChanges,
      stageEnteredDate,
      lastActivityDate,
      activityUnknown,
      stakeholderCount,
      decisionMakerCount,
      championCount: championCount ?? 0,
      vpPassing: vpPassing ?? null,
      vpPartial: vpPartial ?? 0,
    };
    const base = baselines.get(repId) ?? { avgCycleDays: null, avgWonDealSize: null, stakeholdersTracked: stakeholderCount > 0 };
    if (opts.dealId === undefined && stakeholderCount > 0) base.stakeholdersTracked = true;
    out.push({
      row: {
        id,
        repId,
        repName,
        accountName,
        name,
        stage,
        amount,
        currency,
        createdDate,
        expectedCloseDate,
        ageDays: daysBetween(createdDate, asOf),
        daysInStage: Math.max(0, daysBetween(stageEnteredDate, asOf)),
        lastActivityDate,
        closeDateChanges,
        stakeholderCount,
        stakeholdersTracked: false, // below, once every row of the rep has been seen
      },
      facts,
      base,
    });
  }
  for (const d of out) d.row.stakeholdersTracked = d.base.stakeholdersTracked !== false;
  return out;
}

export function untracked(deals: OpenDeal[]): string[] {
  return [...new Set(deals.filter((d) => !d.row.stakeholdersTracked).map((d) => d.row.repName))].sort();
}

/** One deal in full: its flags with reasons and questions, its attention and the line that explains it. */
export function explainDeal(d: OpenDeal, hits: FlagHit[], attention: number, asOf: string, settings: Settings, policy: FlagPolicy, locale?: string): PipelineDeal {
  const flags = flagDeal(d.facts, d.base, settings.thresholds, asOf, locale, policy);
  return {
    ...d.row,
    flags,
    attention,
    reason: attentionReason({ flags: hits, amount: d.row.amount, currency: d.row.currency, expectedCloseDate: d.row.expectedCloseDate }, asOf, policy.bigDealAmount, settings.triage.horizonDays, locale),
  };
}

/** Every open deal with its flags' severities and its attention, ranked (highest first). */
export function ranked(db: Db, asOf: string, settings: Settings, opts: { repId?: number | undefined; dealId?: number | undefined } = {}) {
  const policy = flagPolicy(settings);
  const deals = openDeals(db, asOf, settings, opts).map((d) => {
    const hits = flagHits(d.facts, d.base, settings.thresholds, asOf, policy);
    return { d, hits, attention: attentionScore({ flags: hits, amount: d.row.amount, expectedCloseDate: d.row.expectedCloseDate }, asOf, policy.bigDealAmount, settings.triage) };
  });
  // byAttention's order (attention, then amount, then id), without an object per comparison.
  deals.sort((a, b) => b.attention - a.attention || b.d.row.amount - a.d.row.amount || a.d.row.id - b.d.row.id);
  return { policy, deals };
}

/** Open deals with their flags spelled out (reasons and questions), ranked: one rep, the CLI, exports, tests. */
export function pipeline(db: Db, asOf: string, repId?: number, locale?: string): Pipeline {
  const settings = getSettings(db);
  const { policy, deals } = ranked(db, asOf, settings, { repId });
  return {
    asOf,
    stages: settings.stages,
    deals: deals.map((x) => explainDeal(x.d, x.hits, x.attention, asOf, settings, policy, locale)),
    untrackedReps: untracked(deals.map((x) => x.d)),
  };
}

/** The whole team's open deals with flag codes and severities only, ranked: the Pipeline screen's list, kept small. */
export function pipelineList(db: Db, asOf: string, repId?: number): PipelineList {
  const settings = getSettings(db);
  const { policy, deals } = ranked(db, asOf, settings, { repId });
  return {
    asOf,
    stages: settings.stages,
    bigDealAmount: policy.bigDealAmount,
    horizonDays: settings.triage.horizonDays,
    untrackedReps: untracked(deals.map((x) => x.d)),
    deals: deals.map(({ d: { row: r }, hits, attention }): PipelineRow => ({
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
      flags: hits.map((h) => h.code),
      severities: hits.map((h) => h.severity),
      attention,
    })),
  };
}

/**
 * "Needs attention" by ranking the pipeline as of any day: the top deals by attention (flagged
 * ones only), the team's or one rep's. Only those few are spelled out. needsAttention.ts reads
 * today's from the stored facts instead and falls back to this.
 */
export function needsAttentionRanked(db: Db, asOf: string, opts: { repId?: number | undefined; limit?: number | undefined } = {}, locale?: string): NeedsAttention {
  const settings = getSettings(db);
  const { policy, deals } = ranked(db, asOf, settings, { repId: opts.repId });
  const limit = attentionLimit(opts, settings);
  return {
    asOf,
    deals: deals
      .filter((x) => x.attention > 0)
      .slice(0, limit)
      .map((x) => explainDeal(x.d, x.hits, x.attention, asOf, settings, policy, locale)),
    openCount: deals.length,
    warningOrWorse: deals.filter((x) => x.hits.some((h) => h.severity !== 'info')).length,
    untrackedReps: untracked(deals.map((x) => x.d)),
  };
}

/** The Dashboard's "Needs attention" shows the team's top ten. */
export const TEAM_TOP = 10;

/** How many deals "Needs attention" lists when not told: the team's top ten, or a rep's own number (settings). */
export const attentionLimit = (opts: { repId?: number | undefined; limit?: number | undefined }, settings: Settings): number =>
  opts.limit ?? (opts.repId === undefined ? TEAM_TOP : settings.triage.perRep);

/**
 * One deal as it stood on asOf, the way the Pipeline ranks it: flags, attention and the line that
 * explains it, with the replayed stage and close date. Null when it was not open that day.
 */
export function dealTriage(db: Db, dealId: number, asOf: string): PipelineDeal | null {
  const settings = getSettings(db);
  const repId = (db.prepare('SELECT rep_id FROM deals WHERE id = ?').get(dealId) as { rep_id: number } | undefined)?.rep_id;
  if (repId === undefined) throw new NotFoundError('Deal', dealId);
  const { policy, deals } = ranked(db, asOf, settings, { repId, dealId });
  const x = deals[0];
  return x ? explainDeal(x.d, x.hits, x.attention, asOf, settings, policy) : null;
}

/** One deal's flags with reasons and questions ([] when it was not open on asOf). */
export function dealFlags(db: Db, dealId: number, asOf: string): Flag[] {
  const settings = getSettings(db);
  const repId = (db.prepare('SELECT rep_id FROM deals WHERE id = ?').get(dealId) as { rep_id: number } | undefined)?.rep_id;
  if (repId === undefined) throw new NotFoundError('Deal', dealId);
  const [hit] = openDeals(db, asOf, settings, { repId, dealId });
  return hit ? flagDeal(hit.facts, hit.base, settings.thresholds, asOf, undefined, flagPolicy(settings)) : [];
}
