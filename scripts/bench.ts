/**
 * Benchmark: a VP's org at the stated size, measured on a real SQLite file.
 *   npm run bench -- [--reps 1000] [--deals 1000000] [--notes 200000]
 * Generates the data with plain SQL inserts (not the demo generator), then times the queries
 * the screens make. Prints a table of median timings over several runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dispatch } from '../electron/core/api/dispatch';
import { fixedClock } from '../electron/core/clock';
import { closeDatabase, openDatabase } from '../electron/core/db/open';
import { generateOrg } from './benchData';

const { values } = parseArgs({ options: { reps: { type: 'string', default: '1000' }, deals: { type: 'string', default: '1000000' }, notes: { type: 'string', default: '200000' } } });
const REPS = Number(values.reps);
const DEALS = Number(values.deals);
const NOTES = Number(values.notes);
const TODAY = '2026-11-24';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-bench-'));
const dbPath = path.join(dir, 'bench.db');
const db = openDatabase(dbPath);
const ctx = { db, clock: fixedClock(TODAY), dbPath, shell: 'web' as const };

const t0 = performance.now();
generateOrg(db, REPS, DEALS, TODAY, NOTES);
const genMs = performance.now() - t0;

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

function time(label: string, fn: () => unknown, runs = 5, slowest = false): [string, string] {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    const r = fn() as { ok?: boolean; error?: { message: string } };
    if (r && r.ok === false) throw new Error(`${label}: ${r.error?.message}`);
    ms.push(performance.now() - s);
  }
  ms.sort((a, b) => a - b);
  return [label, `${ms[Math.floor(runs / 2)]!.toFixed(1)} ms${slowest ? ` (${ms[runs - 1]!.toFixed(1)} ms)` : ''}`];
}

const later = laterCursor();
const rows = [
  ['generate + insert (one transaction)', `${(genMs / 1000).toFixed(1)} s`],
  time('team.summary (all reps, one query)', () => dispatch(ctx, 'team.summary', {})),
  time('deals.listByRep (one rep, all deals)', () => dispatch(ctx, 'deals.listByRep', { repId: 7 })),
  time('deals.get (detail + history)', () => dispatch(ctx, 'deals.get', { id: 123_456 % DEALS || 1 })),
  time('reps.list', () => dispatch(ctx, 'reps.list', {})),
  time('metrics.team (per-rep metrics + neglect)', () => dispatch(ctx, 'metrics.team', {}), 3),
  time('metrics.rep (one rep + flagged deals)', () => dispatch(ctx, 'metrics.rep', { repId: 7 }), 3),
  time('pipeline.open (every open deal, flagged)', () => dispatch(ctx, 'pipeline.open', {}), 3),
  time('pipeline.attention (Dashboard: team top 10)', () => dispatch(ctx, 'pipeline.attention', {}), 3),
  time('pipeline.open as of 90 days ago (replayed)', () => dispatch(ctx, 'pipeline.open', { asOf: '2026-08-26' }), 3),
  // The Pipeline screen a page at a time, from the stored facts (the generator built them for TODAY).
  time('pipeline.page first page (header + count)', () => dispatch(ctx, 'pipeline.page', {}), 7),
  time('pipeline.page filtered (flag, first page)', () => dispatch(ctx, 'pipeline.page', { flag: 'too_old' }), 7),
  time('pipeline.page later page (after a cursor)', () => dispatch(ctx, 'pipeline.page', { after: later }), 7),
  time('pipeline.page by close date, filtered', () => dispatch(ctx, 'pipeline.page', { sort: 'expectedCloseDate', level: 'warning' }), 7),
  time('pipeline.page as of 90 days ago (replayed)', () => dispatch(ctx, 'pipeline.page', { asOf: '2026-08-26' }), 3),
  time('pipeline.weekly', () => dispatch(ctx, 'pipeline.weekly', {}), 3),
  // Search (the palette), every kind searched each time: median (slowest of 9 runs).
  ...['platform', 'plat ren', 'pl', 'acco', 'acco 42', 'champion budget', '777777', 'note 199999', 'zzqx'].map((text) =>
    time(`search.query "${text}"`, () => dispatch(ctx, 'search.query', { text }), 9, true),
  ),
  time('deals.create (one transaction)', () =>
    dispatch(ctx, 'deals.create', { repId: 3, accountName: 'Account 9', name: 'Bench', stage: 'Discovery', amount: 1000, createdDate: TODAY }), 20),
];
console.log(`\nBenchmark: ${REPS.toLocaleString('en-US')} reps, ${DEALS.toLocaleString('en-US')} deals, ${NOTES.toLocaleString('en-US')} notes, file ${(fs.statSync(dbPath).size / 1e6).toFixed(0)} MB\n`);
for (const [label, v] of rows) console.log(`${label!.padEnd(42)} ${v}`);
closeDatabase(db);
fs.rmSync(dir, { recursive: true, force: true });
