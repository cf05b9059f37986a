/**
 * One measurement of scripts/bench-import.ts, in its own process (bundled with esbuild, run by
 * plain node): `node child.js import|mapping FILE DB` prints its timings and peak memory as JSON.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fixedClock } from '../electron/core/clock';
import { closeDatabase, openDatabase } from '../electron/core/db/open';
import { stageFile } from '../electron/core/files/staging';
import { startImport } from '../electron/core/import/jobs';
import { planImport } from '../electron/core/import/plan';
import { readCsvRecords } from '../shared/domain/import/csv';

/** CPU milliseconds of the process since `from` (all its threads: SQLite's and the garbage collector's too): steadier than the clock on a loaded machine. */
const cpuMs = (from: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
};

/** In a child: one import of `file` into `db` (or, with `mapping`, an analysis and a mapping change, no write). */
async function child(file: string, db: string, mode: 'import' | 'mapping'): Promise<void> {
  const conn = openDatabase(db);
  const ctx = { db: conn, clock: fixedClock('2026-11-24'), dbPath: db, shell: 'web' as const };
  const t0 = performance.now();
  const bytes = fs.readFileSync(file);
  const fileId = stageFile(path.basename(file), bytes).fileId;
  // Parse alone (timed, then dropped) only in the mapping run: the import's peak memory stays its own.
  let parse = 0;
  if (mode === 'mapping') {
    const tp = performance.now();
    readCsvRecords(bytes);
    parse = performance.now() - tp;
  }
  const ta = performance.now();
  const ca = process.cpuUsage();
  const plan = planImport(ctx, { fileId });
  const analyse = performance.now() - ta;
  const analyseCpu = cpuMs(ca);
  let write = 0;
  let writeCpu = 0;
  let search = 0;
  let mappingChange: number | null = null;
  let result = '';
  if (mode === 'mapping') {
    const mapping = plan.choices.mapping.map((f) => (f === 'nextStep' ? null : f));
    const tm = performance.now();
    planImport(ctx, { fileId, mapping });
    mappingChange = performance.now() - tm;
  } else {
    const tw = performance.now();
    const cw = process.cpuUsage();
    const job = startImport(ctx, { fileId, skipInvalid: true }, {});
    const done = await job.done;
    write = performance.now() - tw;
    writeCpu = cpuMs(cw);
    const ts = performance.now();
    await job.searchable; // the new deals' search entries, written after the import is done
    search = performance.now() - ts;
    if (done.phase !== 'done') throw new Error(done.error ?? 'failed');
    const r = done.result!;
    result = `${r.created} new, ${r.updated} updated, ${r.unchanged} unchanged, ${r.skipped} skipped`;
  }
  const whole = performance.now() - t0 - parse - search;
  const importPeakMb = process.resourceUsage().maxRSS / 1024;
  // Closing runs PRAGMA optimize, whose reads of the memory-mapped file count as resident pages too.
  closeDatabase(conn);
  const out = { parse, analyse, analyseCpu, write, writeCpu, search, whole, mappingChange, importPeakMb, peakMb: process.resourceUsage().maxRSS / 1024, result };
  process.stdout.write(JSON.stringify(out));
}


const [mode, file, db] = process.argv.slice(2) as ['import' | 'mapping', string, string];
void child(file, db, mode);
