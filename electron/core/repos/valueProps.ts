import { refreshDealFacts } from './pipelineFacts';
import type { z } from 'zod';
import { VP_TESTS, vpScore, type VpResult, type VpTest } from '../../../shared/domain/valueProps';
import type { assessInput, DealValueProps, TeamValueProps, VpCheck } from '../../../shared/schemas/valueProps';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { InvalidError } from '../errors';
import { getDeal } from './deals';
import { getSettings } from './settings';
import { flagPolicy, vpRequired } from '../../../shared/domain/flags';

function checksOf(db: Db, dealId: number): VpCheck[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.assessed_on AS assessedOn, c.statement, r.test, r.result, r.evidence
       FROM value_prop_checks c LEFT JOIN value_prop_results r ON r.check_id = c.id
       WHERE c.deal_id = ? ORDER BY c.assessed_on DESC, c.id DESC`,
    )
    .all(dealId) as { id: number; assessedOn: string; statement: string; test: VpTest | null; result: VpResult | null; evidence: string | null }[];
  const byId = new Map<number, VpCheck>();
  for (const r of rows) {
    let c = byId.get(r.id);
    if (!c) {
      c = {
        id: r.id, assessedOn: r.assessedOn, statement: r.statement, score: 0, versions: [],
        results: Object.fromEntries(VP_TESTS.map((t) => [t, { result: 'not_assessed' as VpResult, evidence: null }])) as VpCheck['results'],
      };
      byId.set(r.id, c);
    }
    if (r.test && r.result) c.results[r.test] = { result: r.result, evidence: r.evidence };
  }
  const versions = db.prepare(
    `SELECT v.stakeholder_id AS stakeholderId, s.name, v.text FROM value_prop_versions v JOIN stakeholders s ON s.id = v.stakeholder_id
     WHERE v.check_id = ? ORDER BY s.name`,
  );
  for (const c of byId.values()) {
    c.score = vpScore(Object.fromEntries(VP_TESTS.map((t) => [t, c.results[t].result])));
    c.versions = versions.all(c.id) as VpCheck['versions'];
  }
  return [...byId.values()];
}

/**
 * A deal's assessments, newest first; with asOf, only those made by then. `required` is the
 * same rule as the value_prop_gap flag (shared/domain/flags.ts vpRequired).
 */
export function dealValueProps(db: Db, dealId: number, asOf?: string): DealValueProps {
  const deal = getDeal(db, dealId);
  const policy = flagPolicy(getSettings(db));
  return {
    dealId,
    checks: checksOf(db, dealId).filter((c) => asOf === undefined || c.assessedOn <= asOf),
    required: deal.outcome === 'open' && vpRequired(deal, policy),
  };
}

/** The latest assessment made by asOf (by date, then the later record), or null. */
export function latestCheck(db: Db, dealId: number, asOf: string): VpCheck | null {
  return checksOf(db, dealId).find((c) => c.assessedOn <= asOf) ?? null;
}

/** A new assessment; the earlier ones stay as history. One transaction. */
export function assessValueProp(db: Db, clock: Clock, input: z.output<typeof assessInput>): DealValueProps {
  return db.transaction(() => {
    getDeal(db, input.dealId);
    const on = input.assessedOn ?? clock.today();
    if (on > clock.today()) throw new InvalidError('The assessment date cannot be in the future.', 'assessedOn');
    const info = db
      .prepare('INSERT INTO value_prop_checks (deal_id, assessed_on, statement, created_at) VALUES (?, ?, ?, ?)')
      .run(input.dealId, on, input.statement, clock.now().toISOString());
    const put = db.prepare('INSERT INTO value_prop_results (check_id, test, result, evidence) VALUES (?, ?, ?, ?)');
    for (const t of VP_TESTS) put.run(info.lastInsertRowid, t, input.results[t].result, input.results[t].evidence);
    const own = db.prepare('SELECT 1 FROM stakeholders WHERE id = ? AND deal_id = ?');
    const version = db.prepare('INSERT INTO value_prop_versions (check_id, stakeholder_id, text) VALUES (?, ?, ?)');
    for (const v of input.versions) {
      if (!v.text) continue;
      if (!own.get(v.stakeholderId, input.dealId)) throw new InvalidError('A tailored version names someone who is not a stakeholder of this deal.', 'versions');
      version.run(info.lastInsertRowid, v.stakeholderId, v.text);
    }
    refreshDealFacts(db, input.dealId, getDeal(db, input.dealId).repId);
    return dealValueProps(db, input.dealId);
  }).immediate();
}

/** Which tests fail most across the team and per rep (latest check of each open deal): a coaching focus. */
export function teamValueProps(db: Db, asOf: string): TeamValueProps {
  // The latest check made by asOf of each deal open on asOf (the pipeline's own rule).
  const rows = db
    .prepare(
      `WITH latest AS (
         SELECT deal_id, id FROM (
           SELECT c.deal_id, c.id, ROW_NUMBER() OVER (PARTITION BY c.deal_id ORDER BY c.assessed_on DESC, c.id DESC) AS rn
           FROM value_prop_checks c WHERE c.assessed_on <= @asOf
         ) WHERE rn = 1
       )
       SELECT rp.id AS repId, rp.name, r.test, r.result, COUNT(*) AS n
       FROM latest l JOIN deals d ON d.id = l.deal_id AND d.created_date <= @asOf AND (d.outcome = 'open' OR d.closed_date > @asOf)
         JOIN reps rp ON rp.id = d.rep_id AND rp.status <> 'archived'
         JOIN value_prop_results r ON r.check_id = l.id
       GROUP BY rp.id, r.test, r.result`,
    )
    .all({ asOf }) as { repId: number; name: string; test: VpTest; result: VpResult; n: number }[];
  const byTest = VP_TESTS.map((test) => {
    const of = (res: VpResult) => rows.filter((r) => r.test === test && r.result === res).reduce((s, r) => s + r.n, 0);
    const all = rows.filter((r) => r.test === test).reduce((s, r) => s + r.n, 0);
    return { test, failing: of('fail'), partial: of('partial'), notAssessed: of('not_assessed'), checked: all };
  }).sort((a, b) => b.failing + b.partial - (a.failing + a.partial));
  const reps = new Map<number, TeamValueProps['byRep'][number]>();
  for (const r of rows) {
    const rep = reps.get(r.repId) ?? { repId: r.repId, name: r.name, checked: 0, failingByTest: Object.fromEntries(VP_TESTS.map((t) => [t, 0])) as Record<VpTest, number>, weakest: null };
    if (r.test === 'different') rep.checked += r.n; // one result per test per check
    if (r.result !== 'pass') rep.failingByTest[r.test] += r.n;
    reps.set(r.repId, rep);
  }
  for (const rep of reps.values()) {
    const worst = VP_TESTS.reduce((w, t) => (rep.failingByTest[t] > rep.failingByTest[w] ? t : w), VP_TESTS[0]);
    rep.weakest = rep.failingByTest[worst] > 0 ? worst : null;
  }
  return { byTest, byRep: [...reps.values()].sort((a, b) => a.name.localeCompare(b.name)) };
}
