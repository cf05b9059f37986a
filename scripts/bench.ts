/**
 * Benchmark: a VP's org at the stated size, measured on a real SQLite file.
 *   npm run bench -- [--reps 1000] [--deals 1000000] [--notes 200000] [--file earlier.db]
 * Generates the data with plain SQL inserts (not the demo generator), then times the queries
 * the screens make. Prints a table of median timings over several runs, each beside a hand-written
 * SQL query over the same file where issue 18 names one, and writes bench/results.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dispatch } from '../electron/core/api/dispatch';
import { fixedClock } from '../electron/core/clock';
import { closeDatabase, openDatabase } from '../electron/core/db/open';
import { ensureFacts, rebuildFacts } from '../electron/core/repos/pipelineFacts';
import { addDays } from '../shared/domain/periods';
import { generateOrg } from './benchData';

const { values } = parseArgs({
  options: { reps: { type: 'string', default: '1000' }, deals: { type: 'string', default: '1000000' }, notes: { type: 'string', default: '200000' }, file: { type: 'string' } },
});
// --file: a copy of a file an earlier run generated with the same sizes (generating a million
// deals in one transaction takes 4 to 40 minutes on this shared machine, the calls a few).
const FROM = values.file;
const TODAY = '2026-11-24';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-bench-'));
const dbPath = path.join(dir, 'bench.db');
if (FROM) fs.copyFileSync(FROM, dbPath);
const db = openDatabase(dbPath);
const ctx = { db, clock: fixedClock(TODAY), dbPath, shell: 'web' as const };

const t0 = performance.now();
if (!FROM) generateOrg(db, Number(values.reps), Number(values.deals), TODAY, Number(values.notes));
const genMs = FROM ? null : performance.now() - t0;
const count = (table: string) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
const REPS = count('reps');
const DEALS = count('deals');
const NOTES = count('coaching_notes');

interface Timing {
  label: string;
  medianMs: number;
  slowestMs?: number;
  /** The same answer from one hand-written query in the sqlite3 style, timed in the same run. */
  baseline?: { what: string; medianMs: number };
}

function median(fn: () => unknown, runs: number): { median: number; slowest: number } {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    const r = fn() as { ok?: boolean; error?: { message: string } };
    if (r && r.ok === false) throw new Error(r.error?.message);
    ms.push(performance.now() - s);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(runs / 2)]!, slowest: ms[runs - 1]! };
}

function time(label: string, fn: () => unknown, runs = 5, opts: { slowest?: boolean; baseline?: [string, string, Record<string, unknown>?] } = {}): Timing {
  const m = median(fn, runs);
  const t: Timing = { label, medianMs: m.median };
  if (opts.slowest) t.slowestMs = m.slowest;
  if (opts.baseline) {
    const [what, sql, params = {}] = opts.baseline;
    const stmt = db.prepare(sql);
    t.baseline = { what, medianMs: median(() => stmt.all(params), runs).median };
  }
  return t;
}

// Hand-written SQL over the deals table, the yardsticks of issue 18: what one query costs without rollups.
const WS = '2025-11-25'; // the 12-month window ending on TODAY
const GROUP_BY_REP = `SELECT rep_id, SUM(outcome = 'won'), SUM(outcome = 'lost'), SUM(CASE WHEN outcome = 'won' THEN amount_cents END),
  SUM(CASE WHEN outcome = 'lost' THEN amount_cents END) FROM deals WHERE outcome <> 'open' AND closed_date BETWEEN @ws AND @asOf GROUP BY rep_id`;
const ONE_REP = `SELECT SUM(outcome = 'won'), SUM(outcome = 'lost'), SUM(CASE WHEN outcome = 'won' THEN amount_cents END), SUM(outcome = 'open')
  FROM deals WHERE rep_id = 7 AND (outcome = 'open' OR closed_date BETWEEN @ws AND @asOf)`;
const TEAM_TOTALS = `SELECT rep_id, SUM(CASE WHEN outcome = 'won' AND closed_date >= '2026-10-01' THEN amount_cents END), SUM(outcome = 'open'),
  SUM(CASE WHEN outcome = 'open' THEN amount_cents END), COUNT(*) FROM deals GROUP BY rep_id`;
const OPEN_JOINED = `SELECT d.*, r.name, a.name FROM deals d JOIN reps r ON r.id = d.rep_id LEFT JOIN accounts a ON a.id = d.account_id
  WHERE d.outcome = 'open' ORDER BY d.amount_cents DESC`;
const window = { ws: WS, asOf: TODAY };

/** The cursor of the 50th page by attention: where a long scroll has got to. */
function laterCursor(): number {
  let after: number | undefined;
  for (let i = 0; i < 50; i++) {
    const r = dispatch(ctx, 'pipeline.page', after === undefined ? {} : { after });
    if (!r.ok) throw new Error(r.error.message);
    after = (r.value as { next: number | null }).next ?? after;
  }
  return after!;
}
const later = laterCursor();

const PAST_DAYS = ['2026-08-26', '2026-08-25', '2026-08-24'];
let pastRun = 0;
/** The first past day's pages, one further each time (the first call replays the day, the rest reuse it). */
let pastAfter: number | undefined;
function pastPage() {
  const r = dispatch(ctx, 'pipeline.page', { asOf: PAST_DAYS[0], ...(pastAfter === undefined ? {} : { after: pastAfter }) });
  if (r.ok) pastAfter = (r.value as { next: number | null }).next ?? pastAfter;
  return r;
}
const made: number[] = [];
let updated = 0;
let closed = 0;

const rows: Timing[] = [
  time('team.summary (Team)', () => dispatch(ctx, 'team.summary', {}), 5, { baseline: ['per-rep totals, one GROUP BY', TEAM_TOTALS] }),
  time('deals.listByRep (one rep, all deals)', () => dispatch(ctx, 'deals.listByRep', { repId: 7 })),
  time('deals.get (detail + history)', () => dispatch(ctx, 'deals.get', { id: 123_456 % DEALS || 1 })),
  time('reps.list', () => dispatch(ctx, 'reps.list', {})),
  time('metrics.team (Dashboard)', () => dispatch(ctx, 'metrics.team', {}), 5, { baseline: ['one GROUP BY rep over the window', GROUP_BY_REP, window] }),
  time('metrics.team as of 90 days ago', () => dispatch(ctx, 'metrics.team', { asOf: '2026-08-26' }), 3),
  time('metrics.list (per-rep metrics)', () => dispatch(ctx, 'metrics.list', {}), 5),
  time('metrics.rep (rep page: metrics + ranked deals)', () => dispatch(ctx, 'metrics.rep', { repId: 7 }), 5, { baseline: ["one rep's sums", ONE_REP, window] }),
  time('pipeline.open (every open deal, flagged)', () => dispatch(ctx, 'pipeline.open', {}), 1, { baseline: ['all open deals joined and sorted', OPEN_JOINED] }),
  time('pipeline.attention (Dashboard: team top 10)', () => dispatch(ctx, 'pipeline.attention', {}), 3),
  time('pipeline.open as of 90 days ago (replayed)', () => dispatch(ctx, 'pipeline.open', { asOf: '2026-08-26' }), 1),
  // The Pipeline screen a page at a time, from the stored facts (the generator built them for TODAY).
  time('pipeline.page first page (header + count)', () => dispatch(ctx, 'pipeline.page', {}), 7),
  time('pipeline.page filtered (flag, first page)', () => dispatch(ctx, 'pipeline.page', { flag: 'too_old' }), 7),
  time('pipeline.page later page (after a cursor)', () => dispatch(ctx, 'pipeline.page', { after: later }), 7),
  time('pipeline.page by close date, filtered', () => dispatch(ctx, 'pipeline.page', { sort: 'expectedCloseDate', level: 'warning' }), 7),
  // A different day each run: a day's replay is kept for its next pages, which are timed apart.
  time('pipeline.page as of 90 days ago (replayed)', () => dispatch(ctx, 'pipeline.page', { asOf: PAST_DAYS[pastRun++ % PAST_DAYS.length] }), 3),
  time('pipeline.page as of 90 days ago, next pages (replay kept)', pastPage, 7),
  // What the first Pipeline read pays after a bulk import or on a migrated file (every open deal
  // ranked again and every row written, one transaction); a new day is timed last (it moves on the date).
  time('pipeline facts rebuilt (after a bulk import)', () => db.transaction(() => rebuildFacts(db, TODAY))(), 1),
  time('pipeline.weekly', () => dispatch(ctx, 'pipeline.weekly', {}), 3),
  // Search (the palette), every kind searched each time: median (slowest of 9 runs).
  ...['platform', 'plat ren', 'pl', 'acco', 'acco 42', 'champion budget', '777777', 'note 199999', 'zzqx'].map((text) =>
    time(`search.query "${text}"`, () => dispatch(ctx, 'search.query', { text }), 9, { slowest: true }),
  ),
  // Writes, each in its transaction with its history, rollups and Pipeline facts: a deal created
  // (its own facts row), updated (its row again), closed (its rep's rows again: the baseline moves).
  time('deals.create (history, rollups, its Pipeline row)', () => {
    const r = dispatch(ctx, 'deals.create', { repId: 3, accountName: 'Account 9', name: 'Bench', stage: 'Discovery', amount: 1000, createdDate: TODAY });
    if (r.ok) made.push((r.value as { id: number }).id);
    return r;
  }, 20),
  time('deals.update (history, rollups, its Pipeline row)', () =>
    dispatch(ctx, 'deals.update', { id: made[updated++]!, repId: 3, accountName: 'Account 9', name: 'Bench', stage: 'Proposal', amount: 2000, createdDate: TODAY, expectedCloseDate: '2026-12-31' }), 20),
  time("deals.close (history, rollups, the rep's Pipeline rows)", () => dispatch(ctx, 'deals.close', { id: made[closed++]!, outcome: 'won', closedDate: TODAY }), 20),
  // The first Pipeline read of the next day: every open deal ranked again, the changed rows written.
  time('pipeline facts moved to the next day (its first read)', () => ensureFacts(db, addDays(TODAY, 1)), 1),
];
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const fileMb = Math.round(fs.statSync(dbPath).size / 1e6);
console.log(`\nBenchmark: ${REPS.toLocaleString('en-US')} reps, ${DEALS.toLocaleString('en-US')} deals, ${NOTES.toLocaleString('en-US')} notes, file ${fileMb} MB`);
console.log(genMs === null ? `a copy of ${FROM}\n` : `generate + insert (one transaction, rollups built once): ${(genMs / 1000).toFixed(1)} s\n`);
console.log(`${'call'.padEnd(56)} ${'median'.padStart(10)}   hand-written SQL (same run)`);
for (const r of rows) {
  const b = r.baseline ? `${fmt(r.baseline.medianMs).padStart(10)}  ${(r.medianMs / r.baseline.medianMs).toFixed(2)}x  ${r.baseline.what}` : '';
  console.log(`${r.label.padEnd(56)} ${fmt(r.medianMs).padStart(10)}${r.slowestMs !== undefined ? ` (${fmt(r.slowestMs)})` : ''}   ${b}`);
}
// The record beside the code: machine, date and every figure, for the README's speed section.
const results = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(os.totalmem() / 2 ** 30), loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100), node: process.version },
  size: { reps: REPS, deals: DEALS, notes: NOTES, fileMb },
  generateSeconds: genMs === null ? null : Math.round(genMs / 100) / 10,
  ...(FROM ? { copiedFrom: path.basename(FROM) } : {}),
  calls: rows.map((r) => ({ ...r, ratio: r.baseline ? Math.round((r.medianMs / r.baseline.medianMs) * 100) / 100 : undefined })),
};
fs.mkdirSync(path.join(__dirname, '..', 'bench'), { recursive: true });
fs.writeFileSync(path.join(__dirname, '..', 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('\nwritten: bench/results.json');
closeDatabase(db);
fs.rmSync(dir, { recursive: true, force: true });
