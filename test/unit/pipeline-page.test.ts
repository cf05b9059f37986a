/**
 * The Pipeline one page at a time (pipeline.page) on real SQLite files: the stored facts always
 * equal a fresh ranking (after every kind of write, and after the date moves on), and paging
 * returns every deal exactly once, in the order and with the rows the screen showed before
 * (workingList over pipeline.open), for each sort and filter, today and on a past date.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { fixedClock } from '../../electron/core/clock';
import type { Ctx } from '../../electron/core/context';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { pipelineList } from '../../electron/core/repos/metrics';
import { factsAsOf, rebuildFacts } from '../../electron/core/repos/pipelineFacts';
import { FLAG_CODES, SEVERITY_RANK } from '../../shared/domain/flags';
import { addDays } from '../../shared/domain/periods';
import { VP_TESTS } from '../../shared/domain/valueProps';
import { DEFAULT_QUERY, SORT_KEYS, firstDirectionDesc, workingList, type PipelineQuery } from '../../shared/domain/workingList';
import type { PipelineRow } from '../../shared/schemas/pipeline';
import type { PipelinePage } from '../../shared/schemas/pipelinePage';
import { TODAY, tempDir, track, useDemoDatabase } from './helpers';
import { runImport, stage } from './importHelpers';

const v = (r: ReturnType<typeof dispatch>): any => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

/** What ranked() says today, in the stored facts' shape (the flag rules are never restated here). */
function fresh(db: Db, asOf: string) {
  return pipelineList(db, asOf)
    .deals.map((d) => ({
      deal_id: d.id,
      rep_id: d.repId,
      stage: d.stage,
      amount_cents: Math.round(d.amount * 100),
      expected_close_date: d.expectedCloseDate,
      attention: d.attention,
      flags: d.flags.join(','),
      severities: d.severities.join(','),
      worst: Math.min(3, ...d.severities.map((s) => SEVERITY_RANK[s])),
    }))
    .sort((a, b) => a.deal_id - b.deal_id);
}

function stored(db: Db) {
  return db
    .prepare('SELECT deal_id, rep_id, stage, amount_cents, expected_close_date, attention, flags, severities, worst FROM pipeline_facts ORDER BY deal_id')
    .all();
}

/** The invariant: the rows are a fresh ranking for the day they say they are for. */
function expectFresh(db: Db, step: string) {
  const asOf = factsAsOf(db);
  if (asOf === null) return;
  expect(stored(db), step).toEqual(fresh(db, asOf));
}

/** Every page of a query, following `next`. */
function allPages(ctx: Ctx, input: Record<string, unknown>, limit = 7): { rows: PipelineRow[]; first: PipelinePage } {
  const first = v(dispatch(ctx, 'pipeline.page', { ...input, limit })) as PipelinePage;
  const rows = [...first.rows];
  let next = first.next;
  while (next !== null) {
    const p = v(dispatch(ctx, 'pipeline.page', { ...input, limit, after: next })) as PipelinePage;
    expect(p.header).toBeNull();
    rows.push(...p.rows);
    next = p.next;
  }
  return { rows, first };
}

/** The screen's query for a page input (the screen filters by rep name). */
const asQuery = (i: { repName?: string; stage?: string; flag?: PipelineQuery['flag']; level?: PipelineQuery['level']; q?: string; sort?: PipelineQuery['sort']; desc?: boolean }): PipelineQuery => ({
  ...DEFAULT_QUERY,
  rep: i.repName ?? '',
  stage: i.stage ?? '',
  flag: i.flag ?? '',
  level: i.level ?? '',
  q: i.q ?? '',
  sort: i.sort ?? 'attention',
  desc: i.desc ?? firstDirectionDesc(i.sort ?? 'attention'),
});

const demo = useDemoDatabase();

/** A private copy of the demo file (writes must not leak into the other tests). */
function demoCopy(today = TODAY): Ctx {
  const dbPath = path.join(tempDir(), 'demo.db');
  demo.db.pragma('wal_checkpoint(TRUNCATE)');
  fs.copyFileSync(demo.dbPath, dbPath);
  return { db: track(openDatabase(dbPath)), clock: fixedClock(today), dbPath, shell: 'web' };
}

describe('paging the demo: every deal once, in the screen’s order', () => {
  const ctx = (): Ctx => ({ db: demo.db, clock: fixedClock(TODAY), dbPath: demo.dbPath, shell: 'web' });

  it('the stored facts after loading the demo are a fresh ranking', () => {
    expect(factsAsOf(demo.db)).toBe(TODAY);
    expectFresh(demo.db, 'demo');
  });

  it.each(SORT_KEYS.flatMap((sort) => [true, false].map((desc) => [sort, desc] as const)))('sort %s, desc %s', (sort, desc) => {
    const list = pipelineList(demo.db, TODAY).deals;
    const { rows, first } = allPages(ctx(), { sort, desc }, 50);
    const want = workingList(list, asQuery({ sort, desc }));
    expect(rows.map((r) => r.id)).toEqual(want.map((r) => r.id));
    expect(rows).toEqual(want); // the same rows, field by field
    expect(first.matching).toEqual({ count: want.length, amount: want.reduce((s, d) => s + Math.round(d.amount * 100), 0) / 100 });
  });

  it('each filter, alone and together, keeps the rows the screen kept, in its order', () => {
    const list = pipelineList(demo.db, TODAY).deals;
    const rep = list[3]!;
    const stage = list.find((d) => d.stage !== rep.stage)!.stage;
    const someFlag = list.find((d) => d.flags.length > 0)!.flags[0]!;
    const cases: { page: Record<string, unknown>; q: Parameters<typeof asQuery>[0] }[] = [
      { page: { repId: rep.repId }, q: { repName: rep.repName } },
      { page: { stage }, q: { stage } },
      { page: { flag: 'any' }, q: { flag: 'any' } },
      ...FLAG_CODES.map((flag) => ({ page: { flag }, q: { flag } })),
      { page: { level: 'critical' }, q: { level: 'critical' } },
      { page: { level: 'warning', sort: 'amount' }, q: { level: 'warning', sort: 'amount' } },
      { page: { q: rep.repName.slice(0, 3).toUpperCase() }, q: { q: rep.repName.slice(0, 3).toUpperCase() } },
      { page: { q: 'no account' }, q: { q: 'no account' } },
      { page: { repId: rep.repId, flag: someFlag, sort: 'expectedCloseDate' }, q: { repName: rep.repName, flag: someFlag, sort: 'expectedCloseDate' } },
      { page: { stage, level: 'warning', sort: 'expectedCloseDate', desc: true }, q: { stage, level: 'warning', sort: 'expectedCloseDate', desc: true } },
    ];
    let nonEmpty = 0;
    for (const c of cases) {
      const { rows, first } = allPages(ctx(), c.page, 5);
      const want = workingList(list, asQuery(c.q));
      expect(rows.map((r) => r.id), JSON.stringify(c.page)).toEqual(want.map((r) => r.id));
      expect(first.matching!.count).toBe(want.length);
      if (want.length > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(cases.length - 4); // most filters keep something: not vacuous
  });

  it('the header counts what the screen counted from the whole list', () => {
    const list = pipelineList(demo.db, TODAY);
    const h = (v(dispatch(ctx(), 'pipeline.page', {})) as PipelinePage).header!;
    const worst = (d: PipelineRow) => Math.min(3, ...d.severities.map((s) => SEVERITY_RANK[s]));
    expect(h.openCount).toBe(list.deals.length);
    expect(h.flagged).toBe(list.deals.filter((d) => d.flags.length).length);
    expect(h.critical).toBe(list.deals.filter((d) => worst(d) === 0).length);
    expect(h.warning).toBe(list.deals.filter((d) => worst(d) <= 1).length);
    for (const f of FLAG_CODES) expect(h.byFlag[f] ?? 0, f).toBe(list.deals.filter((d) => d.flags.includes(f)).length);
    expect(h.reps.map((r) => r.name)).toEqual([...new Set(list.deals.map((d) => d.repName))].sort((a, b) => a.localeCompare(b)));
    expect(new Set(h.stages)).toEqual(new Set(list.deals.map((d) => d.stage)));
    expect(h.untrackedReps).toEqual(list.untrackedReps);
  });

  it('a past date pages the replayed list, and its header matches the SQL path’s shape', () => {
    const past = '2026-09-30';
    const list = pipelineList(demo.db, past).deals;
    for (const sort of ['attention', 'amount', 'expectedCloseDate'] as const) {
      const { rows, first } = allPages(ctx(), { asOf: past, sort, level: 'warning' }, 9);
      const want = workingList(list, asQuery({ sort, level: 'warning' }));
      expect(rows).toEqual(want);
      expect(first.header!.openCount).toBe(list.length);
    }
    // Today through the replay gives the same answer as the stored facts.
    const viaFacts = v(dispatch(ctx(), 'pipeline.page', { limit: 1000 })) as PipelinePage;
    const readOnly = openDatabase(demo.dbPath, { readonly: true });
    try {
      const replay = v(dispatch({ ...ctx(), db: readOnly }, 'pipeline.page', { limit: 1000 })) as PipelinePage;
      expect(replay).toEqual(viaFacts);
    } finally {
      readOnly.close();
    }
  });

  it('a page after a deal that has left the list is empty, and bad input is refused', () => {
    expect(v(dispatch(ctx(), 'pipeline.page', { after: 999_999 }))).toMatchObject({ rows: [], next: null });
    for (const bad of [{ sort: 'nope' }, { flag: 'nope' }, { limit: 0 }, { limit: 5000 }, { after: -1 }, { level: 'info' }, { asOf: '2026-02-30' }]) {
      expect(dispatch(ctx(), 'pipeline.page', bad).ok, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('a past date’s replay is kept for its next pages, and never outlives a write', () => {
  it('pages, filters and sorts reuse it; a write here or by another connection replays again', () => {
    const ctx = demoCopy();
    const past = '2026-09-30';
    const page = (input: Record<string, unknown> = {}) => v(dispatch(ctx, 'pipeline.page', { asOf: past, limit: 1000, ...input })) as PipelinePage;
    const first = page();
    expect(page()).toEqual(first);
    expect(page({ sort: 'amount' }).rows).toEqual(workingList(pipelineList(ctx.db, past).deals, asQuery({ sort: 'amount' })));
    // A rename on this connection shows on the past date's next page (names are today's).
    const d = first.rows[0]!;
    ctx.db.prepare('UPDATE deals SET name = ? WHERE id = ?').run('Renamed here', d.id);
    expect(page().rows.find((r) => r.id === d.id)!.name).toBe('Renamed here');
    // And a write by another connection to the same file (another window, the CLI).
    const other = openDatabase(ctx.dbPath);
    try {
      other.prepare('UPDATE deals SET name = ? WHERE id = ?').run('Renamed elsewhere', d.id);
    } finally {
      other.close();
    }
    expect(page().rows.find((r) => r.id === d.id)!.name).toBe('Renamed elsewhere');
    expect(page()).toEqual({ ...page(), rows: workingList(pipelineList(ctx.db, past).deals, asQuery({})) });
  });
});

/** A small deterministic generator (mulberry32), so a failure replays. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the stored facts after every kind of write', () => {
  it('equal a fresh ranking after each of 80 random writes and each new day', () => {
    let today = TODAY;
    const ctx = demoCopy(today);
    const db = ctx.db;
    const rand = rng(18);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const stages = v(dispatch(ctx, 'settings.get', {})).stages as string[];
    const reps = () => db.prepare("SELECT id FROM reps WHERE status = 'active'").pluck().all() as number[];
    const deal = (outcome: 'open' | 'closed') =>
      db.prepare(`SELECT id FROM deals WHERE ${outcome === 'open' ? "outcome = 'open'" : "outcome <> 'open'"} AND rep_id IN (SELECT id FROM reps WHERE status = 'active') ORDER BY random() LIMIT 1`).pluck().get() as number | undefined;
    const later = (a: string, b: string) => (a > b ? a : b);
    const seen = new Set<string>();
    const writes: Record<string, () => unknown> = {
      create: () => {
        const createdDate = addDays(today, -Math.floor(rand() * 400));
        return dispatch(ctx, 'deals.create', {
          repId: pick(reps()),
          accountName: pick(['Acme', '', 'Globex']),
          name: `Random ${Math.floor(rand() * 1e6)}`,
          stage: pick(stages),
          amount: Math.round(rand() * 300_000),
          createdDate,
          expectedCloseDate: rand() < 0.2 ? null : later(createdDate, addDays(today, Math.floor(rand() * 200) - 60)),
        });
      },
      update: () => {
        const id = deal('open');
        if (!id) return;
        const d = v(dispatch(ctx, 'deals.get', { id })).deal;
        return dispatch(ctx, 'deals.update', {
          ...d,
          repId: rand() < 0.2 ? pick(reps()) : d.repId,
          stage: rand() < 0.5 ? pick(stages) : d.stage,
          amount: rand() < 0.5 ? Math.round(rand() * 400_000) : d.amount,
          expectedCloseDate: rand() < 0.5 ? later(d.createdDate, addDays(today, Math.floor(rand() * 120) - 30)) : d.expectedCloseDate,
          lastActivityDate: rand() < 0.5 ? addDays(today, -Math.floor(rand() * 60)) : d.lastActivityDate,
        });
      },
      close: () => {
        const id = deal('open');
        return id && dispatch(ctx, 'deals.close', { id, outcome: pick(['won', 'lost']), closedDate: today });
      },
      reopen: () => {
        const id = deal('closed');
        return id && dispatch(ctx, 'deals.reopen', { id, stage: pick(stages) });
      },
      addStakeholder: () => {
        const id = deal('open');
        return id && dispatch(ctx, 'stakeholders.add', { dealId: id, name: 'Pat', role: pick(['decision_maker', 'champion', 'user']) });
      },
      removeStakeholder: () => {
        const id = db.prepare('SELECT id FROM stakeholders ORDER BY random() LIMIT 1').pluck().get() as number | undefined;
        return id && dispatch(ctx, 'stakeholders.remove', { id });
      },
      assess: () => {
        const id = deal('open');
        const result = () => ({ result: pick(['pass', 'partial', 'fail']), evidence: null });
        return id && dispatch(ctx, 'valueProps.assess', { dealId: id, statement: 'We cut their close by half', results: Object.fromEntries(VP_TESTS.map((t) => [t, result()])) });
      },
      settings: () => {
        const s = v(dispatch(ctx, 'settings.get', {}));
        return dispatch(ctx, 'settings.update', { thresholds: { ...s.thresholds, noActivityDays: 7 + Math.floor(rand() * 30) }, triage: { ...s.triage, horizonDays: 30 + Math.floor(rand() * 90) } });
      },
      archive: () => dispatch(ctx, 'reps.archive', { id: pick(reps()) }),
      restore: () => {
        const id = db.prepare("SELECT id FROM reps WHERE status = 'archived' LIMIT 1").pluck().get() as number | undefined;
        return id && dispatch(ctx, 'reps.restore', { id });
      },
      // The date moves on: a write first (for the old day's rows), then a read rebuilds for the new day.
      nextDay: () => {
        today = addDays(today, 1 + Math.floor(rand() * 20));
        ctx.clock = fixedClock(today);
        const id = deal('open');
        if (id) v(dispatch(ctx, 'stakeholders.add', { dealId: id, name: 'Sam', role: 'user' }));
        expect(factsAsOf(db)).not.toBe(today);
        expectFresh(db, 'a write on a new day, before any read');
        v(dispatch(ctx, 'pipeline.page', {}));
        expect(factsAsOf(db)).toBe(today);
      },
    };
    const names = Object.keys(writes);
    for (let step = 0; step < 80; step++) {
      const name = names[step % names.length === 0 && step < names.length ? step : Math.floor(rand() * names.length)]!;
      const r = writes[name]!() as ReturnType<typeof dispatch> | undefined;
      if (r && typeof r === 'object' && 'ok' in r) {
        if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
        seen.add(name);
      } else if (name === 'nextDay') seen.add(name);
      expectFresh(db, `step ${step}: ${name}`);
    }
    expect([...seen].sort()).toEqual([...names].sort()); // every kind of write was tried
  });

  it('an import rebuilds them in its own transaction', async () => {
    const ctx = demoCopy();
    const rep = ctx.db.prepare("SELECT name FROM reps WHERE status = 'active' LIMIT 1").pluck().get() as string;
    const csv = ['Opportunity Name,Account Name,Opportunity Owner,Stage,Amount,Created Date,Close Date', ...Array.from({ length: 30 }, (_, i) => `Imported ${i},Initech,${rep},Proposal,${(i + 1) * 9000},2026-03-0${(i % 9) + 1},2026-10-1${i % 9}`)].join('\n');
    const before = ctx.db.prepare('SELECT COUNT(*) FROM pipeline_facts').pluck().get() as number;
    const done = await runImport(ctx, { fileId: stage('deals.csv', Buffer.from(csv)), kind: 'deals', dateOrder: 'mdy' });
    expect(done.phase, JSON.stringify(done)).toBe('done');
    expect(ctx.db.prepare('SELECT COUNT(*) FROM pipeline_facts').pluck().get()).toBe(before + 30);
    expectFresh(ctx.db, 'after the import');
  });

  it('a re-import ranks again only the reps whose deals it changed (and the rep a deal left); the same file again ranks nothing', async () => {
    const ctx = demoCopy();
    const [a, b] = ctx.db.prepare("SELECT name FROM reps WHERE status = 'active' ORDER BY id LIMIT 2").pluck().all() as string[];
    const header = 'Opportunity ID,Opportunity Name,Account Name,Opportunity Owner,Stage,Amount,Created Date,Close Date';
    const row = (i: number, owner: string, amount: number) => `IMP${i},Imported ${i},Initech,${owner},Proposal,${amount},2026-03-0${(i % 9) + 1},2026-10-1${i % 9}`;
    const file = (rows: string[]) => stage('deals.csv', Buffer.from([header, ...rows].join('\n')));
    const first = Array.from({ length: 12 }, (_, i) => row(i, a!, (i + 1) * 9000));
    expect((await runImport(ctx, { fileId: file(first), kind: 'deals', dateOrder: 'mdy' })).phase).toBe('done');
    expectFresh(ctx.db, 'after the first import');

    // A row of another rep, marked: a rebuild of every row would overwrite the mark.
    const other = ctx.db.prepare('SELECT deal_id FROM pipeline_facts WHERE rep_id NOT IN (SELECT id FROM reps WHERE name IN (?, ?)) LIMIT 1').pluck().get(a, b) as number;
    const mark = () => ctx.db.prepare('UPDATE pipeline_facts SET attention = 987654 WHERE deal_id = ?').run(other);
    const marked = () => ctx.db.prepare('SELECT attention FROM pipeline_facts WHERE deal_id = ?').pluck().get(other);
    mark();
    const again = await runImport(ctx, { fileId: file(first), kind: 'deals', dateOrder: 'mdy' });
    expect(again.result).toMatchObject({ created: 0, updated: 0, unchanged: 12 });
    expect(marked()).toBe(987654); // nothing ranked again: nothing the flags read changed

    // One deal moves to rep b (and becomes a big deal): the rep it left is ranked again too.
    const changed = first.map((r, i) => (i === 0 ? row(0, b!, 450000) : r));
    const moved = await runImport(ctx, { fileId: file(changed), kind: 'deals', dateOrder: 'mdy' });
    expect(moved.result).toMatchObject({ created: 0, updated: 1, unchanged: 11 });
    expect(marked()).toBe(987654); // that rep's rows were left alone
    ctx.db.prepare('UPDATE pipeline_facts SET attention = ? WHERE deal_id = ?').run(fresh(ctx.db, factsAsOf(ctx.db)!).find((f) => f.deal_id === other)!.attention, other);
    expectFresh(ctx.db, 'after the re-import');
  });

  it('an import touching more than half the reps leaves the facts to the first read, which builds them for today', async () => {
    const ctx = demoCopy();
    const reps = ctx.db.prepare("SELECT name FROM reps WHERE status = 'active'").pluck().all() as string[];
    const all = ctx.db.prepare('SELECT COUNT(*) FROM reps').pluck().get() as number;
    expect(reps.length * 2).toBeGreaterThan(all);
    const csv = ['Opportunity Name,Account Name,Opportunity Owner,Stage,Amount,Created Date,Close Date', ...reps.map((r, i) => `Team ${i},Initech,${r},Proposal,${(i + 1) * 7000},2026-03-02,2026-12-14`)].join('\n');
    const done = await runImport(ctx, { fileId: stage('team.csv', Buffer.from(csv)), kind: 'deals', dateOrder: 'mdy' });
    expect(done.result).toMatchObject({ created: reps.length });
    expect(factsAsOf(ctx.db)).toBeNull();
    const page = v(dispatch(ctx, 'pipeline.page', {})) as PipelinePage;
    expect(page.header!.openCount).toBe(pipelineList(ctx.db, TODAY).deals.length);
    expect(factsAsOf(ctx.db)).toBe(TODAY);
    expectFresh(ctx.db, 'rebuilt after the import');
  });

  it('a migrated or restored file has no facts yet: the first read builds them', () => {
    const ctx = demoCopy();
    ctx.db.prepare('UPDATE pipeline_facts_state SET as_of = NULL').run();
    ctx.db.prepare('DELETE FROM pipeline_facts').run();
    const page = v(dispatch(ctx, 'pipeline.page', {})) as PipelinePage;
    expect(page.header!.openCount).toBe(pipelineList(ctx.db, TODAY).deals.length);
    expect(factsAsOf(ctx.db)).toBe(TODAY);
    expectFresh(ctx.db, 'rebuilt');
  });

  it('a new day moves the rows: only the deals whose facts changed are written', () => {
    const ctx = demoCopy();
    const before = stored(ctx.db);
    const changesBefore = ctx.db.prepare('SELECT total_changes()').pluck().get() as number;
    const later = addDays(TODAY, 9);
    ctx.clock = fixedClock(later);
    v(dispatch(ctx, 'pipeline.page', {}));
    expect(factsAsOf(ctx.db)).toBe(later);
    expectFresh(ctx.db, 'nine days later');
    const after = stored(ctx.db) as { deal_id: number }[];
    const differ = after.filter((r, i) => JSON.stringify(r) !== JSON.stringify(before[i])).length;
    expect(differ).toBeGreaterThan(0); // the date moved something: not vacuous
    expect(differ).toBeLessThan(after.length / 2);
    // Rows written: the changed ones and the state row, not every row.
    const written = (ctx.db.prepare('SELECT total_changes()').pluck().get() as number) - changesBefore;
    expect(written).toBe(differ + 1);
  });

  it('a rebuild drops the indexes and builds them again in its transaction: all back after it, or after a failure', () => {
    const ctx = demoCopy();
    const indexes = () => ctx.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'pipeline_facts' ORDER BY name").all();
    const before = indexes();
    expect(before.length).toBeGreaterThanOrEqual(6);
    const tomorrow = addDays(TODAY, 1);
    ctx.clock = fixedClock(tomorrow);
    ctx.db.prepare('UPDATE pipeline_facts_state SET as_of = NULL').run(); // rows for no day: rebuilt
    v(dispatch(ctx, 'pipeline.page', {}));
    expect(factsAsOf(ctx.db)).toBe(tomorrow);
    expect(indexes()).toEqual(before);
    expectFresh(ctx.db, 'rebuilt for the next day');
    // A failure halfway (here: a thrown error inside the same transaction) leaves indexes and rows as they were.
    const rows = stored(ctx.db);
    expect(() =>
      ctx.db.transaction(() => {
        rebuildFacts(ctx.db, addDays(TODAY, 2));
        throw new Error('interrupted');
      })(),
    ).toThrow('interrupted');
    expect(indexes()).toEqual(before);
    expect(stored(ctx.db)).toEqual(rows);
    expect(factsAsOf(ctx.db)).toBe(tomorrow);
    // The sort indexes are used again, not a scan and sort of every row.
    const plan = ctx.db.prepare('EXPLAIN QUERY PLAN SELECT deal_id FROM pipeline_facts ORDER BY attention DESC, amount_cents DESC, deal_id LIMIT 10').all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('pipeline_facts_attention');
  });
});
