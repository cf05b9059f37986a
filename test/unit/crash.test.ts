/**
 * Crash safety: a child process writing through the core (imports and edits) is killed with
 * SIGKILL at random moments, many times. After every kill the file passes SQLite's integrity
 * and foreign-key checks, every import exists whole (its run record and all its deals) or not
 * at all, and once opened again every deal has its search entry.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../electron/core/db/open';
import { tempDbPath } from './helpers';

const root = path.resolve(__dirname, '../..');
const KILLS = 30;

/** Starts the writer, lets it run for `ms` after its first write, then kills it hard. */
function runAndKill(dbPath: string, start: number, ms: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'test/crash/writer.ts'), dbPath, String(start)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let last = start - 1;
    let err = '';
    let timer: NodeJS.Timeout | null = null;
    child.stdout.on('data', (b: Buffer) => {
      last = Number(b.toString().trim().split('\n').pop());
      timer ??= setTimeout(() => child.kill('SIGKILL'), ms);
    });
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(last) : reject(new Error(`writer stopped by itself (${code}): ${err}`))));
  });
}

describe('crash safety', () => {
  it(`survives ${KILLS} SIGKILLs mid-write: integrity holds and every import is whole or absent`, async () => {
    const dbPath = tempDbPath();
    closeDatabase(openDatabase(dbPath));
    let next = 1;
    let wholeImports = 0;
    for (let k = 0; k < KILLS; k++) {
      const last = await runAndKill(dbPath, next, 20 + Math.floor(Math.random() * 400));
      next = last + 2; // the one cut short is never retried, so its number stays unique
      const db = openDatabase(dbPath); // recovers the WAL like the app does on start
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
        const runs = db.prepare('SELECT file_name AS file, created FROM import_runs').all() as { file: string; created: number }[];
        const recorded = new Set(runs.map((r) => Number(/import-(\d+)\.csv/.exec(r.file)![1])));
        for (const r of runs) {
          const n = Number(/import-(\d+)\.csv/.exec(r.file)![1]);
          expect(db.prepare("SELECT COUNT(*) FROM deals WHERE external_id LIKE ? || '-%'").pluck().get(`I${n}`)).toBe(r.created);
        }
        const prefixes = db.prepare("SELECT DISTINCT substr(external_id, 2, instr(external_id, '-') - 2) FROM deals WHERE external_id LIKE 'I%-%'").pluck().all() as string[];
        for (const p of prefixes) expect(recorded.has(Number(p))).toBe(true); // no deals of an import without its record
        // Search entries an import left for after its commit are written on opening: every deal has one.
        expect(db.prepare('SELECT COUNT(*) FROM search_backlog').pluck().get()).toBe(0);
        expect(db.prepare('SELECT COUNT(*) FROM deals WHERE id NOT IN (SELECT rowid FROM search_deal)').pluck().get()).toBe(0);
        wholeImports = runs.length;
      } finally {
        closeDatabase(db);
      }
    }
    expect(wholeImports).toBeGreaterThan(5);
  }, 240_000);
});
