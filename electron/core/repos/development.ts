/**
 * Team development in SQL: per-rep sums over a period (the drivers), the manager's
 * placements, and development plans with their check-ins. The comparisons are pure
 * functions in shared/domain/development.ts.
 */
import type { z } from 'zod';
import {
  checkinDates,
  driverValues,
  placeRep,
  planOutcome,
  shiftTheNumerator,
  suggestDrivers,
  topVsRest,
  type Driver,
  type RepDrivers,
  type RepPeriodSums,
} from '../../../shared/domain/development';
import { fromCents } from '../../../shared/domain/money';
import { addDays, DATE_MAX, daysBetween, scheduleAfter } from '../../../shared/domain/periods';
import type { Checkin, closePlanInput, checkinInput, placementInput, planInput, PlanView, RepDevelopment, TeamDevelopment } from '../../../shared/schemas/development';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { ConflictError, InvalidError, NotFoundError } from '../errors';
import { windowStart, WON_WITH_CYCLE } from './metrics';
import { getRep } from './reps';
import { getSettings } from './settings';

/** The top group's share of the team: the seed's 20 %. */
export const TOP_SHARE = 0.2;

/** Every driver's sums per active rep over [from, to], in one statement (one rep's only when asked: plans ask per rep). */
export function periodSums(db: Db, from: string, to: string, repId?: number): RepPeriodSums[] {
  const rows = db
    .prepare(
      `WITH
       closed AS (
         SELECT rep_id, SUM(outcome = 'won') AS won, SUM(outcome = 'lost') AS lost,
           SUM(CASE WHEN outcome = 'won' THEN amount_cents ELSE 0 END) AS wonCents,
           SUM(CASE WHEN ${WON_WITH_CYCLE} THEN julianday(closed_date) - julianday(created_date) ELSE 0 END) AS cycle,
           SUM(${WON_WITH_CYCLE}) AS cycleCount
         FROM deals WHERE outcome <> 'open' AND closed_date BETWEEN @from AND @to AND (@repId IS NULL OR rep_id = @repId) GROUP BY rep_id),
       created AS (SELECT rep_id, COUNT(*) AS n FROM deals WHERE created_date BETWEEN @from AND @to AND (@repId IS NULL OR rep_id = @repId) GROUP BY rep_id),
       active AS (SELECT id, rep_id FROM deals WHERE created_date <= @to AND (outcome = 'open' OR closed_date >= @from) AND (@repId IS NULL OR rep_id = @repId)),
       mapped AS (
         SELECT a.rep_id, COUNT(DISTINCT a.id) AS deals, COUNT(*) AS people
         FROM active a JOIN stakeholders s ON s.deal_id = a.id GROUP BY a.rep_id),
       latest AS (
         SELECT a.rep_id, MAX(c.id) AS check_id FROM active a JOIN value_prop_checks c ON c.deal_id = a.id
         WHERE c.assessed_on <= @to GROUP BY a.id),
       vp AS (
         SELECT l.rep_id, SUM(CASE r.result WHEN 'pass' THEN 1.0 WHEN 'partial' THEN 0.5 ELSE 0 END) AS points,
           SUM(r.result <> 'not_assessed') AS tests
         FROM latest l JOIN value_prop_results r ON r.check_id = l.check_id GROUP BY l.rep_id),
       kept AS (
         SELECT rep_id, COUNT(*) AS due, SUM(status = 'done' AND done_date <= due_date) AS onTime
         FROM commitments WHERE owner = 'rep' AND due_date BETWEEN @from AND @to AND (@repId IS NULL OR rep_id = @repId) GROUP BY rep_id)
       SELECT r.id AS repId, r.name,
         COALESCE(closed.won, 0) AS wonCount, COALESCE(closed.lost, 0) AS lostCount,
         COALESCE(closed.wonCents, 0) AS wonCents, COALESCE(closed.cycle, 0) AS wonCycleDays, COALESCE(closed.cycleCount, 0) AS cycleCount,
         COALESCE(created.n, 0) AS newOpps,
         COALESCE(mapped.deals, 0) AS dealsMapped, COALESCE(mapped.people, 0) AS stakeholders,
         COALESCE(vp.points, 0) AS vpPoints, COALESCE(vp.tests, 0) AS vpTests,
         COALESCE(kept.due, 0) AS commitmentsDue, COALESCE(kept.onTime, 0) AS commitmentsKeptOnTime
       FROM reps r
         LEFT JOIN closed ON closed.rep_id = r.id LEFT JOIN created ON created.rep_id = r.id
         LEFT JOIN mapped ON mapped.rep_id = r.id LEFT JOIN vp ON vp.rep_id = r.id LEFT JOIN kept ON kept.rep_id = r.id
       WHERE r.status <> 'archived' AND (@repId IS NULL OR r.id = @repId)
       ORDER BY r.name`,
    )
    .all({ from, to, repId: repId ?? null }) as (Omit<RepPeriodSums, 'wonValue' | 'days'> & { wonCents: number })[];
  const days = daysBetween(from, to) + 1;
  return rows.map(({ wonCents, ...r }) => ({ ...r, wonValue: fromCents(wonCents), days }));
}

function driversOf(db: Db, repId: number, from: string, to: string): RepDrivers | null {
  if (to < from) return null;
  const [s] = periodSums(db, from, to, repId);
  return s ? driverValues(s) : null;
}

interface PlanRow {
  id: number;
  rep_id: number;
  rep_name: string;
  driver_1: Driver;
  driver_2: Driver | null;
  metric: Driver;
  baseline: number | null;
  target: number | null;
  start_date: string;
  end_date: string;
  actions: string | null;
  status: PlanView['status'];
  result_value: number | null;
  result_note: string | null;
  closed_on: string | null;
}

const PLAN_SELECT = 'SELECT p.*, r.name AS rep_name FROM development_plans p JOIN reps r ON r.id = p.rep_id';

function toPlanView(db: Db, row: PlanRow, today: string): PlanView {
  const days = daysBetween(row.start_date, row.end_date);
  const until = row.closed_on ?? (today < row.end_date ? today : row.end_date);
  const day = Math.min(days, Math.max(0, daysBetween(row.start_date, today) + 1));
  const current = row.status === 'active' ? (driversOf(db, row.rep_id, row.start_date, until)?.values[row.metric] ?? null) : row.result_value;
  const checkins = db
    .prepare('SELECT id, due_date AS dueDate, done_on AS doneOn, metric_value AS metricValue, note FROM development_checkins WHERE plan_id = ? ORDER BY due_date')
    .all(row.id) as Checkin[];
  return {
    id: row.id,
    repId: row.rep_id,
    repName: row.rep_name,
    drivers: row.driver_2 ? [row.driver_1, row.driver_2] : [row.driver_1],
    metric: row.metric,
    baseline: row.baseline,
    current,
    target: row.target,
    startDate: row.start_date,
    endDate: row.end_date,
    day,
    days,
    actions: row.actions,
    status: row.status,
    outcome: planOutcome(row.metric, row.baseline, current, daysBetween(row.start_date, until) + 1),
    resultValue: row.result_value,
    resultNote: row.result_note,
    closedOn: row.closed_on,
    checkins,
    nextCheckin: checkins.find((c) => !c.doneOn) ?? null,
  };
}

export function getPlan(db: Db, id: number, today: string): PlanView {
  const row = db.prepare(`${PLAN_SELECT} WHERE p.id = ?`).get(id) as PlanRow | undefined;
  if (!row) throw new NotFoundError('Development plan', id);
  return toPlanView(db, row, today);
}

export function activePlan(db: Db, repId: number, today: string): PlanView | null {
  const row = db.prepare(`${PLAN_SELECT} WHERE p.rep_id = ? AND p.status = 'active'`).get(repId) as PlanRow | undefined;
  return row ? toPlanView(db, row, today) : null;
}

export function plansForRep(db: Db, repId: number, today: string): PlanView[] {
  getRep(db, repId);
  return (db.prepare(`${PLAN_SELECT} WHERE p.rep_id = ? ORDER BY p.start_date DESC, p.id DESC`).all(repId) as PlanRow[]).map((r) => toPlanView(db, r, today));
}

/**
 * Starts a plan. The baseline is the metric over the same number of days just before the
 * start, so "did it move?" compares like with like. Check-ins every two weeks and at the end.
 */
export function createPlan(db: Db, clock: Clock, input: z.output<typeof planInput>): PlanView {
  return db.transaction(() => {
    const rep = getRep(db, input.repId);
    if (rep.status === 'archived') throw new InvalidError(`${rep.name} is archived; restore them before planning their development.`, 'repId');
    const existing = activePlan(db, input.repId, clock.today());
    if (existing) {
      throw new ConflictError(`${rep.name} already has a development plan running until ${existing.endDate}: complete or stop it first. Focus on two drivers at a time.`, 'drivers');
    }
    const end = scheduleAfter(input.startDate, input.lengthDays);
    if (!end) throw new InvalidError(`A plan of ${input.lengthDays} days from ${input.startDate} would end after ${DATE_MAX}: start it earlier.`, 'startDate');
    const baseline = driversOf(db, input.repId, addDays(input.startDate, -input.lengthDays), addDays(input.startDate, -1))?.values[input.metric] ?? null;
    const now = clock.now().toISOString();
    const id = Number(
      db
        .prepare(
          `INSERT INTO development_plans (rep_id, driver_1, driver_2, metric, baseline, target, start_date, end_date, actions, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(input.repId, input.drivers[0], input.drivers[1] ?? null, input.metric, baseline, input.target, input.startDate, end, input.actions, now, now).lastInsertRowid,
    );
    const add = db.prepare('INSERT INTO development_checkins (plan_id, due_date) VALUES (?, ?)');
    for (const d of checkinDates(input.startDate, end)) add.run(id, d);
    return getPlan(db, id, clock.today());
  }).immediate();
}

/** Records the next due check-in with the metric as it stands today. */
export function recordCheckin(db: Db, clock: Clock, input: z.output<typeof checkinInput>): PlanView {
  return db.transaction(() => {
    const plan = getPlan(db, input.planId, clock.today());
    if (plan.status !== 'active') throw new InvalidError('This plan is closed; start a new one to keep going.', 'planId');
    const next = plan.nextCheckin;
    if (!next) throw new InvalidError('Every check-in of this plan is done: complete it to record the result.', 'planId');
    db.prepare('UPDATE development_checkins SET done_on = ?, metric_value = ?, note = ? WHERE id = ?').run(clock.today(), plan.current, input.note, next.id);
    return getPlan(db, plan.id, clock.today());
  }).immediate();
}

/** Completes or stops a plan, keeping the metric's value at that point as its result. */
export function closePlan(db: Db, clock: Clock, input: z.output<typeof closePlanInput>): PlanView {
  return db.transaction(() => {
    const plan = getPlan(db, input.planId, clock.today());
    if (plan.status !== 'active') throw new InvalidError(`This plan is already ${plan.status}.`, 'status');
    db.prepare(
      `UPDATE development_plans SET status = ?, result_value = ?, result_note = ?, closed_on = ?, updated_at = ? WHERE id = ?`,
    ).run(input.status, plan.current, input.note, clock.today(), clock.now().toISOString(), plan.id);
    return getPlan(db, plan.id, clock.today());
  }).immediate();
}

export function setPlacement(db: Db, clock: Clock, input: z.output<typeof placementInput>): void {
  getRep(db, input.repId);
  if (input.quadrant === null) {
    db.prepare('DELETE FROM talent_effort_placements WHERE rep_id = ?').run(input.repId);
    return;
  }
  db.prepare(
    `INSERT INTO talent_effort_placements (rep_id, quadrant, note, placed_on, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(rep_id) DO UPDATE SET quadrant = excluded.quadrant, note = excluded.note, placed_on = excluded.placed_on, updated_at = excluded.updated_at`,
  ).run(input.repId, input.quadrant, input.note, clock.today(), clock.now().toISOString());
}

/** The Development screen: top vs rest, the projection, and each rep's placement and plan. */
export function teamDevelopment(db: Db, clock: Clock, period: { from?: string | undefined; to?: string | undefined }): TeamDevelopment {
  const settings = getSettings(db);
  const today = clock.today();
  const to = period.to ?? today;
  const from = period.from ?? windowStart(to, settings.windowMonths);
  const reps = periodSums(db, from, to).map(driverValues);
  const comparison = topVsRest(reps, TOP_SHARE);
  const placed = new Map(
    (db.prepare('SELECT rep_id AS repId, quadrant, note, placed_on AS placedOn FROM talent_effort_placements').all() as ({ repId: number } & NonNullable<RepDevelopment['manager']>)[]).map(
      ({ repId, ...p }) => [repId, p],
    ),
  );
  return {
    from,
    to,
    currency: settings.currency,
    topShare: TOP_SHARE,
    comparison,
    projection: shiftTheNumerator(comparison),
    reps: reps.map((r) => ({
      repId: r.repId,
      name: r.name,
      values: r.values,
      data: placeRep(r, reps),
      manager: placed.get(r.repId) ?? null,
      suggested: suggestDrivers(r, comparison),
      plan: activePlan(db, r.repId, today),
    })),
  };
}
