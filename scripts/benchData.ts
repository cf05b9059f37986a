/** Generates a synthetic org straight into SQLite for the benchmarks (not the demo team). */
import type { Db } from '../electron/core/db/open';

export function generateOrg(db: Db, REPS: number, DEALS: number, TODAY: string): void {
  let seed = 1;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const day = (daysAgo: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) - daysAgo * 86_400_000).toISOString().slice(0, 10);

  db.transaction(() => {
    const now = new Date().toISOString();
    const rep = db.prepare(`INSERT INTO reps (name, role, quota_cents, created_at, updated_at) VALUES (?, 'field', ?, ?, ?)`);
    for (let i = 1; i <= REPS; i++) rep.run(`Rep ${i}`, 30_000_000, now, now);
    const acct = db.prepare('INSERT INTO accounts (name, created_at, updated_at) VALUES (?, ?, ?)');
    for (let i = 1; i <= 5000; i++) acct.run(`Account ${i}`, now, now);
    const deal = db.prepare(`INSERT INTO deals (rep_id, account_id, name, stage, amount_cents, created_date,
      expected_close_date, closed_date, outcome, stage_entered_date, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const hist = db.prepare(`INSERT INTO deal_stage_history (deal_id, from_stage, to_stage, changed_on, recorded_at) VALUES (?, NULL, ?, ?, ?)`);
    for (let i = 1; i <= DEALS; i++) {
      const created = Math.floor(rand() * 540);
      const r = rand();
      const outcome = r < 0.25 ? 'open' : r < 0.5 ? 'won' : 'lost';
      const closed = outcome === 'open' ? null : day(Math.max(0, created - Math.floor(rand() * 120)));
      const stage = outcome === 'open' ? 'Discovery' : outcome === 'won' ? 'Closed Won' : 'Closed Lost';
      const info = deal.run(1 + (i % REPS), 1 + (i % 5000), `Deal ${i}`, stage, Math.floor(rand() * 10_000_000), day(created),
        day(created - 60), closed, outcome, day(created), now, now);
      hist.run(info.lastInsertRowid, stage, day(created), now);
    }
  })();
}
