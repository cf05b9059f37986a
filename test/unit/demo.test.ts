import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../electron/core/clock';
import { closeDatabase, openDatabase, type Db } from '../../electron/core/db/open';
import { loadDemo } from '../../electron/core/demo/load';
import { PROFILES, type ProfileKey } from '../../electron/core/demo/profiles';
import { InvalidError } from '../../electron/core/errors';
import { addDays, daysBetween } from '../../shared/domain/periods';

const TODAY = '2026-11-24';
const clock = fixedClock(TODAY);

let dir = '';
const opened: Db[] = [];
let n = 0;

/** A real SQLite file in a temp dir, migrated like the app's. */
function freshDb(): Db {
  const db = openDatabase(path.join(dir, `demo-${++n}.db`));
  opened.push(db);
  return db;
}

function demoDb(seed: number, today = TODAY): Db {
  const db = freshDb();
  loadDemo(db, fixedClock(today), seed);
  return db;
}

const all = <T = Record<string, unknown>>(db: Db, sql: string, ...params: unknown[]): T[] =>
  db.prepare(sql).all(...params) as T[];
const one = <T = Record<string, unknown>>(db: Db, sql: string, ...params: unknown[]): T =>
  db.prepare(sql).get(...params) as T;
const count = (db: Db, sql: string, ...params: unknown[]): number =>
  (db.prepare(sql).pluck().get(...params) as number) ?? 0;

const TABLES = [
  'settings', 'reps', 'accounts', 'deals', 'deal_stage_history', 'deal_close_date_changes',
  'stakeholders', 'one_on_ones', 'agenda_items', 'commitments', 'coaching_notes',
  'coachability_observations', 'coachability_ratings', 'value_prop_checks', 'value_prop_results',
];

/** Everything the demo wrote, as text (schema_migrations holds the real clock, so it is left out). */
const dump = (db: Db): string =>
  JSON.stringify(TABLES.map((t) => [t, all(db, `SELECT * FROM ${t} ORDER BY rowid`)]));

/** Rep id per profile: reps are written in profile order. */
function repIds(db: Db): Record<ProfileKey, number> {
  const ids = all<{ id: number }>(db, 'SELECT id FROM reps ORDER BY id').map((r) => r.id);
  expect(ids).toHaveLength(PROFILES.length);
  return Object.fromEntries(PROFILES.map((p, i) => [p.key, ids[i]!])) as Record<ProfileKey, number>;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-demo-'));
});

afterAll(() => {
  for (const db of opened) closeDatabase(db);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('loadDemo: determinism', () => {
  it('writes byte-identical data for the same seed and day', () => {
    const a = demoDb(42);
    const b = demoDb(42);
    const deals = (db: Db) => JSON.stringify(all(db, 'SELECT * FROM deals ORDER BY id'));
    expect(deals(a)).toBe(deals(b));
    expect(dump(a)).toBe(dump(b));
  });

  it('writes different data for another seed', () => {
    const a = demoDb(42);
    const b = demoDb(43);
    const deals = (db: Db) => JSON.stringify(all(db, 'SELECT * FROM deals ORDER BY id'));
    expect(deals(a)).not.toBe(deals(b));
    const names = (db: Db) => all(db, 'SELECT name FROM reps ORDER BY id');
    expect(names(a)).not.toEqual(names(b));
  });

  it('dates everything relative to today, so the demo always looks live', () => {
    const later = '2027-06-15';
    const db = demoDb(42, later);
    const lastCreated = one<{ d: string }>(db, 'SELECT MAX(created_date) AS d FROM deals').d;
    expect(daysBetween(lastCreated, later)).toBeLessThan(14);
    const firstCreated = one<{ d: string }>(db, 'SELECT MIN(created_date) AS d FROM deals').d;
    expect(daysBetween(firstCreated, later)).toBeGreaterThan(365);
    expect(daysBetween(firstCreated, later)).toBeLessThan(550);
  });

  // Its speed is measured by scripts/bench.ts, not asserted here (a wall clock is flaky under load).
  it('returns the counts it wrote', () => {
    const db = freshDb();
    const r = loadDemo(db, clock, 7);
    expect(r.reps).toBe(count(db, 'SELECT COUNT(*) FROM reps'));
    expect(r.deals).toBe(count(db, 'SELECT COUNT(*) FROM deals'));
  });
});

describe('loadDemo: only into an empty workbench', () => {
  it('refuses a workbench that already has reps, and writes nothing', () => {
    const db = freshDb();
    const now = clock.now().toISOString();
    db.prepare(
      `INSERT INTO reps (name, role, created_at, updated_at) VALUES ('Existing Rep', 'field', ?, ?)`,
    ).run(now, now);
    expect(() => loadDemo(db, clock, 42)).toThrow(InvalidError);
    expect(() => loadDemo(db, clock, 42)).toThrow(
      'This workbench already has reps; demo data only loads into an empty workbench.',
    );
    expect(count(db, 'SELECT COUNT(*) FROM reps')).toBe(1);
    expect(count(db, 'SELECT COUNT(*) FROM deals')).toBe(0);
    expect(count(db, 'SELECT COUNT(*) FROM settings')).toBe(0);
  });

  it('refuses to load twice', () => {
    const db = demoDb(42);
    const before = dump(db);
    expect(() => loadDemo(db, clock, 42)).toThrow(InvalidError);
    expect(dump(db)).toBe(before);
  });
});

describe('loadDemo: invariants', () => {
  const cases = [
    [42, TODAY],
    [7, TODAY],
    [99_999, '2027-03-01'],
  ] as const;

  for (const [seed, today] of cases) {
    it(`holds for seed ${seed} on ${today}`, () => {
      const db = demoDb(seed, today);
      const total = count(db, 'SELECT COUNT(*) FROM deals');
      expect(total).toBeGreaterThanOrEqual(400);
      expect(total).toBeLessThanOrEqual(700);

      // stage and stage_entered_date come from the last stage-history row.
      expect(
        all(db, `SELECT d.id FROM deals d WHERE
           d.stage_entered_date IS NOT (SELECT h.changed_on FROM deal_stage_history h
             WHERE h.deal_id = d.id ORDER BY h.changed_on DESC, h.id DESC LIMIT 1)
           OR d.stage IS NOT (SELECT h.to_stage FROM deal_stage_history h
             WHERE h.deal_id = d.id ORDER BY h.changed_on DESC, h.id DESC LIMIT 1)`),
      ).toEqual([]);
      // History starts from nothing on the created date and is a chain in date order.
      expect(
        all(db, `SELECT d.id FROM deals d JOIN deal_stage_history h ON h.id =
           (SELECT MIN(id) FROM deal_stage_history WHERE deal_id = d.id)
           WHERE h.from_stage IS NOT NULL OR h.to_stage <> 'Prospecting' OR h.changed_on <> d.created_date`),
      ).toEqual([]);
      expect(
        all(db, `SELECT * FROM (SELECT deal_id, from_stage, changed_on,
             LAG(to_stage) OVER w AS prev_stage, LAG(changed_on) OVER w AS prev_on
           FROM deal_stage_history WINDOW w AS (PARTITION BY deal_id ORDER BY id))
           WHERE prev_on IS NOT NULL AND (prev_on >= changed_on OR prev_stage IS NOT from_stage)`),
      ).toEqual([]);
      // Closed deals end in Closed Won / Closed Lost on the closed date; open deals in an open stage.
      expect(
        all(db, `SELECT id FROM deals WHERE
             (outcome = 'won' AND (stage <> 'Closed Won' OR stage_entered_date <> closed_date))
          OR (outcome = 'lost' AND (stage <> 'Closed Lost' OR stage_entered_date <> closed_date))
          OR (outcome = 'open' AND stage NOT IN
               ('Prospecting','Qualification','Discovery','Proposal','Negotiation'))`),
      ).toEqual([]);

      // The close-date counter matches its history, and the last change lands on the current date.
      expect(
        all(db, `SELECT id FROM deals d WHERE close_date_changes <>
           (SELECT COUNT(*) FROM deal_close_date_changes c WHERE c.deal_id = d.id)`),
      ).toEqual([]);
      expect(
        all(db, `SELECT d.id FROM deals d JOIN deal_close_date_changes c ON c.id =
             (SELECT id FROM deal_close_date_changes WHERE deal_id = d.id ORDER BY changed_on DESC, id DESC LIMIT 1)
           WHERE c.to_date <> d.expected_close_date`),
      ).toEqual([]);
      expect(
        all(db, `SELECT c.id FROM deal_close_date_changes c JOIN deals d ON d.id = c.deal_id
           WHERE c.from_date >= c.to_date OR c.from_date < d.created_date
              OR c.changed_on <= d.created_date OR c.changed_on > COALESCE(d.closed_date, ?)`, today),
      ).toEqual([]);

      // No date after today, except the expected close of open deals (and due dates, plans).
      const future = (sql: string) => count(db, sql, { t: today });
      expect(
        future(`SELECT COUNT(*) FROM deals WHERE created_date > @t OR closed_date > @t
          OR last_activity_date > @t OR stage_entered_date > @t
          OR (outcome <> 'open' AND expected_close_date > @t)`),
      ).toBe(0);
      expect(future('SELECT COUNT(*) FROM deal_stage_history WHERE changed_on > @t')).toBe(0);
      expect(future('SELECT COUNT(*) FROM deal_close_date_changes WHERE changed_on > @t')).toBe(0);
      expect(
        future(`SELECT COUNT(*) FROM stakeholders WHERE last_contact_date > @t OR dm_meeting_date > @t`),
      ).toBe(0);
      expect(future('SELECT COUNT(*) FROM coaching_notes WHERE note_date > @t OR follow_up_date > @t')).toBe(0);
      expect(future('SELECT COUNT(*) FROM coachability_observations WHERE observed_on > @t')).toBe(0);
      expect(future('SELECT COUNT(*) FROM value_prop_checks WHERE assessed_on > @t')).toBe(0);
      expect(future(`SELECT COUNT(*) FROM one_on_ones WHERE status = 'closed' AND meeting_date >= @t`)).toBe(0);
      expect(future(`SELECT COUNT(*) FROM one_on_ones WHERE status = 'planned' AND meeting_date <= @t`)).toBe(0);
      expect(future('SELECT COUNT(*) FROM commitments WHERE created_on > @t OR done_date > @t')).toBe(0);

      // Nothing happens to a deal before it exists.
      expect(
        count(db, `SELECT COUNT(*) FROM deals WHERE closed_date < created_date
          OR last_activity_date < created_date OR expected_close_date < created_date`),
      ).toBe(0);
      expect(
        count(db, `SELECT COUNT(*) FROM deals WHERE
          (outcome = 'open') <> (closed_date IS NULL) OR currency <> 'USD' OR amount_cents % 10000 <> 0`),
      ).toBe(0);
      expect(count(db, `SELECT COUNT(*) FROM deals WHERE external_id NOT GLOB 'OPP-[0-9][0-9][0-9][0-9][0-9][0-9]'`)).toBe(0);
      expect(count(db, 'SELECT COUNT(DISTINCT external_id) FROM deals')).toBe(total);
      expect(count(db, `SELECT COUNT(*) FROM deals WHERE outcome = 'open' AND next_step IS NULL`)).toBe(0);

      expect(all(db, 'PRAGMA foreign_key_check')).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    });
  }
});

describe('loadDemo: the profiles show in the data', () => {
  let db: Db;
  let ids: Record<ProfileKey, number>;
  beforeAll(() => {
    db = demoDb(42);
    ids = repIds(db);
  });

  const winRate12m = (repId: number): number => {
    const r = one<{ won: number; closed: number }>(
      db,
      `SELECT COALESCE(SUM(outcome = 'won'), 0) AS won, COUNT(*) AS closed FROM deals
       WHERE rep_id = ? AND outcome <> 'open' AND closed_date > ?`,
      repId,
      addDays(TODAY, -365),
    );
    expect(r.closed).toBeGreaterThan(15);
    return r.won / r.closed;
  };

  it('nine reps, all current (one on leave), with quotas and hire dates', () => {
    const reps = all<{ status: string; quota_cents: number; role: string; email: string; hire_date: string }>(
      db,
      'SELECT * FROM reps ORDER BY id',
    );
    expect(reps).toHaveLength(9);
    expect(reps.filter((r) => r.status === 'archived')).toEqual([]);
    expect(reps.filter((r) => r.status === 'on_leave')).toHaveLength(1);
    for (const r of reps) expect(r.hire_date < TODAY && r.quota_cents > 0).toBe(true);
  });

  it("the top performer's win rate beats the low-win-rate rep's by a wide margin", () => {
    const top = winRate12m(ids.top_performer);
    const low = winRate12m(ids.low_win_rate);
    expect(top).toBeGreaterThanOrEqual(0.38);
    expect(low).toBeLessThanOrEqual(0.2);
    expect(top - low).toBeGreaterThan(0.2);
    // The low-win-rate rep has plenty of opportunities: effectiveness, not activity.
    const created = (id: number) =>
      count(db, 'SELECT COUNT(*) FROM deals WHERE rep_id = ? AND created_date > ?', id, addDays(TODAY, -365));
    expect(created(ids.low_win_rate)).toBeGreaterThan(created(ids.top_performer));
  });

  it('the new hire started 6-8 weeks ago and has open deals but nothing closed', () => {
    const hire = one<{ hire_date: string }>(db, 'SELECT hire_date FROM reps WHERE id = ?', ids.new_hire).hire_date;
    expect(daysBetween(hire, TODAY)).toBeGreaterThanOrEqual(42);
    expect(daysBetween(hire, TODAY)).toBeLessThanOrEqual(56);
    expect(count(db, `SELECT COUNT(*) FROM deals WHERE rep_id = ? AND outcome <> 'open'`, ids.new_hire)).toBe(0);
    expect(count(db, `SELECT COUNT(*) FROM deals WHERE rep_id = ? AND outcome = 'open'`, ids.new_hire)).toBeGreaterThan(0);
    expect(count(db, 'SELECT COUNT(*) FROM deals WHERE rep_id = ? AND created_date < ?', ids.new_hire, hire)).toBe(0);
  });

  it('the too-few-opportunities rep creates fewer than the team median lately, and fewer than before', () => {
    const since = addDays(TODAY, -84);
    const perRep = all<{ id: number; n: number }>(
      db,
      `SELECT r.id, (SELECT COUNT(*) FROM deals d WHERE d.rep_id = r.id AND d.created_date > ?) AS n
       FROM reps r ORDER BY n`,
      since,
    );
    const median = perRep[Math.floor(perRep.length / 2)]!.n;
    const mine = perRep.find((r) => r.id === ids.too_few_opps)!.n;
    expect(mine).toBeLessThan(median);
    expect(mine).toBeLessThanOrEqual(7); // about one every two to three weeks
    const earlier = count(
      db,
      'SELECT COUNT(*) FROM deals WHERE rep_id = ? AND created_date BETWEEN ? AND ?',
      ids.too_few_opps,
      addDays(TODAY, -365),
      addDays(TODAY, -281),
    );
    expect(earlier).toBeGreaterThan(mine);
    expect(winRate12m(ids.too_few_opps)).toBeGreaterThan(0.25);
  });

  it('the uncoachable top performer shows the signs again and again over weeks', () => {
    const strong = all<{ observed_on: string }>(
      db,
      `SELECT o.observed_on FROM coachability_observations o
       WHERE o.rep_id = ? AND (SELECT COUNT(*) FROM coachability_ratings r
         WHERE r.observation_id = o.id AND r.frequency >= 2) >= 2
       ORDER BY o.observed_on`,
      ids.uncoachable_top,
    );
    expect(strong.length).toBeGreaterThanOrEqual(4);
    const span = daysBetween(strong[0]!.observed_on, strong[strong.length - 1]!.observed_on);
    expect(span).toBeGreaterThanOrEqual(42);
    expect(daysBetween(strong[0]!.observed_on, TODAY)).toBeLessThanOrEqual(90);
    // Strong numbers nonetheless.
    expect(winRate12m(ids.uncoachable_top)).toBeGreaterThan(0.3);
    // And feedback is mostly not applied.
    const answers = all<{ a: string }>(
      db,
      'SELECT follow_up_answer AS a FROM coaching_notes WHERE rep_id = ? AND follow_up_answer IS NOT NULL',
      ids.uncoachable_top,
    ).map((r) => r.a);
    expect(answers.filter((a) => a === 'not_yet').length * 2).toBeGreaterThan(answers.length);
  });

  it('a single bad day is one observation, not a pattern; the manager assesses themself', () => {
    const highs = count(
      db,
      `SELECT COUNT(*) FROM coachability_observations o WHERE o.rep_id = ?
       AND EXISTS (SELECT 1 FROM coachability_ratings r WHERE r.observation_id = o.id AND r.frequency >= 2)`,
      ids.low_win_rate,
    );
    expect(highs).toBe(1);
    expect(count(db, 'SELECT COUNT(*) FROM coachability_observations WHERE rep_id = ?', ids.low_win_rate)).toBeGreaterThan(1);
    const self = count(db, `SELECT COUNT(*) FROM coachability_observations WHERE rep_id IS NULL AND context = 'self'`);
    expect(self).toBeGreaterThanOrEqual(2);
    expect(self).toBeLessThanOrEqual(3);
    // Every observation rates all seven signs.
    expect(
      count(db, `SELECT COUNT(*) FROM coachability_observations o
        WHERE (SELECT COUNT(*) FROM coachability_ratings r WHERE r.observation_id = o.id) <> 7`),
    ).toBe(0);
  });

  it('the top performer is neglected: no one-on-one, note or review for 6 weeks; the others are not', () => {
    const since = addDays(TODAY, -42);
    const touches = (id: number) =>
      count(db, 'SELECT COUNT(*) FROM one_on_ones WHERE rep_id = ? AND meeting_date >= ? AND meeting_date <= ?', id, since, TODAY) +
      count(db, 'SELECT COUNT(*) FROM coaching_notes WHERE rep_id = ? AND note_date >= ?', id, since);
    expect(touches(ids.top_performer)).toBe(0);
    for (const p of PROFILES) {
      if (p.key !== 'top_performer') expect(touches(ids[p.key]), p.key).toBeGreaterThan(0);
    }
  });

  it('coaching notes: private and shareable for every rep; deal reviews on the rep’s own, earlier deal', () => {
    expect(count(db, `SELECT COUNT(DISTINCT visibility) FROM coaching_notes`)).toBe(2);
    expect(count(db, `SELECT COUNT(DISTINCT rep_id) FROM coaching_notes`)).toBe(9);
    // Deal reviews point at the rep's own deal, created before the review.
    expect(
      count(db, `SELECT COUNT(*) FROM coaching_notes n JOIN deals d ON d.id = n.deal_id
        WHERE d.rep_id <> n.rep_id OR d.created_date > n.note_date`),
    ).toBe(0);
  });

  it('one-on-ones: closed ones in the past, one planned per rep at most, commitments both ways', () => {
    expect(
      count(db, `SELECT COUNT(*) FROM (SELECT rep_id FROM one_on_ones WHERE status = 'planned'
        GROUP BY rep_id HAVING COUNT(*) > 1)`),
    ).toBe(0);
    expect(count(db, `SELECT COUNT(*) FROM one_on_ones WHERE status = 'planned'`)).toBeGreaterThanOrEqual(6);
    expect(count(db, 'SELECT COUNT(*) FROM agenda_items')).toBeGreaterThan(50);
    expect(count(db, 'SELECT COUNT(*) FROM agenda_items WHERE carried_from_id IS NOT NULL')).toBeGreaterThan(0);
    const combos = all<{ owner: string; status: string }>(db, 'SELECT DISTINCT owner, status FROM commitments');
    for (const status of ['open', 'done']) {
      for (const owner of ['rep', 'manager']) expect(combos).toContainEqual({ owner, status });
    }
    expect(combos.some((c) => c.status === 'dropped')).toBe(true);
    expect(count(db, `SELECT COUNT(*) FROM commitments WHERE status = 'open' AND due_date < ?`, TODAY)).toBeGreaterThan(0);
  });

  it('plants the line items a manager should drill into', () => {
    const openPast = (from: number, to: number) =>
      count(db, `SELECT COUNT(*) FROM deals WHERE outcome = 'open' AND expected_close_date >= ? AND expected_close_date < ?`,
        addDays(TODAY, -from), addDays(TODAY, -to));
    expect(openPast(31, 0)).toBeGreaterThan(0); // last month
    expect(openPast(130, 60)).toBeGreaterThan(0); // last quarter
    expect(openPast(1000, 365)).toBeGreaterThan(0); // over a year ago
    expect(count(db, `SELECT COUNT(*) FROM deals WHERE close_date_changes BETWEEN 2 AND 3 AND outcome = 'open'`)).toBeGreaterThanOrEqual(3);
    expect(count(db, `SELECT COUNT(*) FROM deals WHERE outcome = 'open' AND stage_entered_date < ?`, addDays(TODAY, -120))).toBeGreaterThanOrEqual(3);
    expect(count(db, `SELECT COUNT(*) FROM deals WHERE outcome = 'open' AND last_activity_date < ?`, addDays(TODAY, -45))).toBeGreaterThanOrEqual(3);
    const median = count(db, `SELECT amount_cents FROM deals ORDER BY amount_cents LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM deals)`);
    expect(count(db, 'SELECT COUNT(*) FROM deals WHERE amount_cents > ?', median * 10)).toBeGreaterThanOrEqual(2);
  });

  it('stakeholder maps: single-threaded, no decision maker, and multi-threaded deals', () => {
    const maps = all<{ roles: string; n: number }>(
      db,
      `SELECT group_concat(role) AS roles, COUNT(*) AS n FROM stakeholders GROUP BY deal_id`,
    );
    expect(maps.some((m) => m.n === 1)).toBe(true);
    expect(maps.some((m) => m.n >= 2 && !m.roles.includes('decision_maker'))).toBe(true);
    expect(
      maps.some((m) => ['decision_maker', 'champion', 'influencer', 'mid_level'].every((r) => m.roles.includes(r))),
    ).toBe(true);
    expect(count(db, `SELECT COUNT(*) FROM stakeholders s JOIN deals d ON d.id = s.deal_id WHERE d.outcome <> 'open'`)).toBe(0);
    // The mid-level gatekeeper playbook has something to say.
    expect(count(db, `SELECT COUNT(*) FROM stakeholders WHERE role = 'mid_level' AND nudges_sent >= 4`)).toBeGreaterThan(0);
    expect(count(db, `SELECT MAX(nudges_sent) FROM stakeholders`)).toBeLessThanOrEqual(6);
    expect(count(db, `SELECT COUNT(*) FROM stakeholders WHERE role = 'mid_level' AND dm_name_known = 1`)).toBeGreaterThan(0);
    expect(count(db, `SELECT COUNT(*) FROM stakeholders WHERE will_recommend IS NOT NULL`)).toBeGreaterThan(0);
    expect(count(db, `SELECT COUNT(*) FROM stakeholders WHERE dm_meeting_date IS NOT NULL`)).toBeGreaterThan(0);
  });

  it('value-proposition checks: all pass, mixed, failing, and a re-assessment', () => {
    const checks = all<{ id: number; deal_id: number; results: string }>(
      db,
      `SELECT c.id, c.deal_id, group_concat(r.result) AS results FROM value_prop_checks c
       JOIN value_prop_results r ON r.check_id = c.id GROUP BY c.id`,
    );
    const kinds = (r: string) => new Set(r.split(','));
    expect(checks.some((c) => [...kinds(c.results)].join() === 'pass')).toBe(true);
    expect(checks.some((c) => kinds(c.results).has('pass') && kinds(c.results).has('fail'))).toBe(true);
    expect(checks.some((c) => !kinds(c.results).has('pass') && kinds(c.results).has('fail'))).toBe(true);
    expect(count(db, 'SELECT COUNT(*) FROM value_prop_results')).toBe(checks.length * 7);
    const twice = all<{ deal_id: number; dates: number }>(
      db,
      'SELECT deal_id, COUNT(DISTINCT assessed_on) AS dates FROM value_prop_checks GROUP BY deal_id HAVING dates >= 2',
    );
    expect(twice.length).toBeGreaterThanOrEqual(1);
    expect(
      count(db, `SELECT COUNT(*) FROM value_prop_checks c JOIN deals d ON d.id = c.deal_id
        WHERE d.outcome <> 'open' OR c.assessed_on < d.created_date`),
    ).toBe(0);
  });
});
