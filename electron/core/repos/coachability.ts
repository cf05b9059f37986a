import type { z } from 'zod';
import { CAUTIONS, CONCERN_ORDER, judgeCoachability, SIGNS, type CautionAnswers, type Observation, type ObjectiveSignals, type Sign } from '../../../shared/domain/coachability';
import { followThroughRate } from '../../../shared/domain/followThrough';
import type { cautionsInput, observationInput, ObservationRow, RepCoachability, TeamCoachabilityRow } from '../../../shared/schemas/coachability';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { InvalidError } from '../errors';
import { followThrough } from './commitments';
import { getRep } from './reps';
import { getSettings } from './settings';
import { windowStart } from './metrics';

/** One observation and its seven ratings, in one transaction. */
export function recordObservation(db: Db, clock: Clock, input: z.output<typeof observationInput>): number {
  return db.transaction(() => {
    if (input.repId !== null) {
      const rep = getRep(db, input.repId);
      if (rep.status === 'archived') throw new InvalidError(`${rep.name} is archived.`, 'repId');
      if (input.context === 'self') throw new InvalidError('A self-assessment is about you, not a rep.', 'context');
    }
    if (input.observedOn > clock.today()) throw new InvalidError('The date cannot be in the future.', 'observedOn');
    const info = db
      .prepare(
        `INSERT INTO coachability_observations (rep_id, observed_on, context, feedback_applied, new_approach_tried, note, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(input.repId, input.observedOn, input.repId === null ? 'self' : input.context, input.feedbackApplied ? 1 : 0, input.newApproachTried ? 1 : 0, input.note, clock.now().toISOString());
    const obs = Number(info.lastInsertRowid);
    const rate = db.prepare('INSERT INTO coachability_ratings (observation_id, sign, frequency, evidence) VALUES (?, ?, ?, ?)');
    for (const s of SIGNS) rate.run(obs, s, input.ratings[s], input.evidence[s] ?? null);
    return obs;
  }).immediate();
}

export function observations(db: Db, repId: number | null): ObservationRow[] {
  const rows = db
    .prepare(
      `SELECT o.id, o.observed_on AS observedOn, o.context, o.feedback_applied AS fa, o.new_approach_tried AS nat, o.note,
         r.sign, r.frequency, r.evidence
       FROM coachability_observations o LEFT JOIN coachability_ratings r ON r.observation_id = o.id
       WHERE ${repId === null ? 'o.rep_id IS NULL' : 'o.rep_id = ?'}
       ORDER BY o.observed_on, o.id`,
    )
    .all(...(repId === null ? [] : [repId])) as {
    id: number; observedOn: string; context: string; fa: number; nat: number; note: string | null; sign: Sign | null; frequency: number | null; evidence: string | null;
  }[];
  const byId = new Map<number, ObservationRow>();
  for (const r of rows) {
    let o = byId.get(r.id);
    if (!o) {
      o = {
        id: r.id, observedOn: r.observedOn, context: r.context, note: r.note, feedbackApplied: r.fa === 1, newApproachTried: r.nat === 1,
        ratings: Object.fromEntries(SIGNS.map((s) => [s, 0])) as Record<Sign, number>, evidence: {},
      };
      byId.set(r.id, o);
    }
    if (r.sign) {
      o.ratings[r.sign] = r.frequency ?? 0;
      if (r.evidence) o.evidence[r.sign] = r.evidence;
    }
  }
  return [...byId.values()];
}

function cautionsOf(db: Db, repId: number): { answers: CautionAnswers; note: string | null } {
  const row = db.prepare('SELECT skills_gap, coaching_approach, trust, another_coach, note FROM coachability_cautions WHERE rep_id = ?').get(repId) as
    | { skills_gap: string | null; coaching_approach: string | null; trust: string | null; another_coach: string | null; note: string | null }
    | undefined;
  if (!row) return { answers: {}, note: null };
  const pick = (v: string | null) => (v === 'yes' || v === 'no' || v === 'unsure' ? v : undefined);
  const answers: CautionAnswers = {};
  const map = { skillsGap: row.skills_gap, coachingApproach: row.coaching_approach, trust: row.trust, anotherCoach: row.another_coach };
  for (const c of CAUTIONS) {
    const v = pick(map[c]);
    if (v) answers[c] = v;
  }
  return { answers, note: row.note };
}

export function setCautions(db: Db, clock: Clock, input: z.output<typeof cautionsInput>): CautionAnswers {
  getRep(db, input.repId);
  const a = input.answers;
  db.prepare(
    `INSERT INTO coachability_cautions (rep_id, skills_gap, coaching_approach, trust, another_coach, note, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(rep_id) DO UPDATE SET skills_gap = excluded.skills_gap, coaching_approach = excluded.coaching_approach,
       trust = excluded.trust, another_coach = excluded.another_coach, note = excluded.note, updated_at = excluded.updated_at`,
  ).run(input.repId, a.skillsGap, a.coachingApproach, a.trust, a.anotherCoach, input.note, clock.now().toISOString());
  return cautionsOf(db, input.repId).answers;
}

/** Follow-through on commitments and on feedback given in coaching: the objective signal. */
function signals(db: Db, repId: number, asOf: string, months: number): ObjectiveSignals {
  const own = followThrough(db, asOf, repId).find((r) => r.owner === 'rep' && r.repId === repId);
  const fb = db
    .prepare(
      `SELECT COUNT(*) AS answered, SUM(follow_up_answer = 'applied') AS applied FROM coaching_notes
       WHERE rep_id = ? AND follow_up_answer IS NOT NULL AND note_date BETWEEN ? AND ?`,
    )
    .get(repId, windowStart(asOf, months), asOf) as { answered: number; applied: number | null };
  return { followThrough: own ? followThroughRate(own) : null, feedbackApplied: fb.answered > 0 ? (fb.applied ?? 0) / fb.answered : null };
}

/** The top 20 % of reps by won value over the last year (at least one): same rule, named as a risk. */
function topPerformerIds(db: Db, asOf: string): Set<number> {
  const rows = db
    .prepare(
      `SELECT d.rep_id AS id FROM deals d JOIN reps r ON r.id = d.rep_id
       WHERE r.status <> 'archived' AND d.outcome = 'won' AND d.closed_date BETWEEN ? AND ?
       GROUP BY d.rep_id ORDER BY SUM(d.amount_cents) DESC`,
    )
    .all(windowStart(asOf, 12), asOf) as { id: number }[];
  const active = (db.prepare(`SELECT COUNT(*) AS n FROM reps WHERE status <> 'archived'`).get() as { n: number }).n;
  return new Set(rows.slice(0, Math.max(1, Math.ceil(active * 0.2))).map((r) => r.id));
}

const toObservation = (o: ObservationRow): Observation => ({ observedOn: o.observedOn, ratings: o.ratings, feedbackApplied: o.feedbackApplied, newApproachTried: o.newApproachTried });

/** What every rep's judgement on one day shares; read once for a whole team. */
interface TeamContext {
  settings: ReturnType<typeof getSettings>;
  topPerformers: Set<number>;
}

const teamContext = (db: Db, asOf: string): TeamContext => ({ settings: getSettings(db), topPerformers: topPerformerIds(db, asOf) });

export function repCoachability(db: Db, repId: number, asOf: string, shared: TeamContext = teamContext(db, asOf)): RepCoachability {
  const rep = getRep(db, repId);
  const { settings, topPerformers } = shared;
  const obs = observations(db, repId);
  const cautions = cautionsOf(db, repId);
  return {
    repId,
    name: rep.name,
    judgement: judgeCoachability(obs.map(toObservation), asOf, {
      thresholds: settings.coachability,
      cautions: cautions.answers,
      isTopPerformer: topPerformers.has(repId),
      signals: signals(db, repId, asOf, settings.windowMonths),
    }),
    cautions: cautions.answers,
    cautionsNote: cautions.note,
    observations: obs,
  };
}

/** The manager's own mirror: the same signs, self-assessed, with their own trend. */
export function selfCoachability(db: Db, asOf: string): RepCoachability {
  const settings = getSettings(db);
  const obs = observations(db, null);
  return {
    repId: null,
    name: settings.managerName,
    judgement: judgeCoachability(obs.map(toObservation), asOf, {
      thresholds: settings.coachability,
      cautions: { skillsGap: 'no', coachingApproach: 'no', trust: 'yes', anotherCoach: 'yes' },
      isTopPerformer: false,
      signals: { followThrough: null, feedbackApplied: null },
    }),
    cautions: {},
    cautionsNote: null,
    observations: obs,
  };
}

export function teamCoachability(db: Db, asOf: string): TeamCoachabilityRow[] {
  const reps = db.prepare(`SELECT id FROM reps WHERE status <> 'archived' ORDER BY name`).all() as { id: number }[];
  const shared = teamContext(db, asOf);
  return reps
    .map((r) => {
      const c = repCoachability(db, r.id, asOf, shared);
      return { repId: r.id, name: c.name, judgement: c.judgement };
    })
    .sort((a, b) => CONCERN_ORDER[a.judgement.status] - CONCERN_ORDER[b.judgement.status] || b.judgement.concerning - a.judgement.concerning);
}
