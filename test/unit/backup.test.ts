import Database from 'better-sqlite3';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { backupDir, backupIfDue } from '../../electron/core/db/backup';
import { fixedClock } from '../../electron/core/clock';
import { backupsToPrune } from '../../shared/domain/backupRotation';
import { testCtx } from './helpers';

describe('backup rotation (pure)', () => {
  it('keeps the last 7 days, then one per week for 4 weeks', () => {
    // Backups every day for 40 days before Nov 24 (inclusive of today).
    const days = Array.from({ length: 40 }, (_, i) => new Date(Date.UTC(2026, 10, 24 - i)).toISOString().slice(0, 10));
    const pruned = backupsToPrune(days, '2026-11-24');
    const kept = days.filter((d) => !pruned.includes(d));
    // Nov 18-24 (ages 0-6), then the newest of each 7-day block: ages 7, 14, 21, 28.
    expect(kept).toEqual(['2026-11-24', '2026-11-23', '2026-11-22', '2026-11-21', '2026-11-20', '2026-11-19', '2026-11-18', '2026-11-17', '2026-11-10', '2026-11-03', '2026-10-27']);
    expect(backupsToPrune([], '2026-11-24')).toEqual([]);
  });
});

describe('automatic backup', () => {
  it('takes one consistent copy a day that opens with the same data, and prunes old ones', async () => {
    const ctx = testCtx();
    v(dispatch(ctx, 'reps.create', { name: 'Ana', role: 'field', quota: 1 }));
    const dir = backupDir(ctx.dbPath);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(`${dir}/workbench-2026-01-01.db`, 'old'); // far outside the policy
    const file = await backupIfDue(ctx.db, ctx.dbPath, fixedClock('2026-11-24'));
    expect(file).toMatch(/workbench-2026-11-24\.db$/);
    expect(await backupIfDue(ctx.db, ctx.dbPath, fixedClock('2026-11-24'))).toBeNull(); // at most daily
    const copy = new Database(file!, { readonly: true });
    expect(copy.prepare('SELECT name FROM reps').all()).toEqual([{ name: 'Ana' }]);
    copy.close();
    expect(fs.readdirSync(dir).sort()).toEqual(['workbench-2026-11-24.db']);
  });
});

function v(r: ReturnType<typeof dispatch>): unknown {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
