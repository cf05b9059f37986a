/** Generates a synthetic org straight into SQLite for the benchmarks (not the demo team). */
import type { Db } from '../electron/core/db/open';
import { refreshPlannerStats } from '../electron/core/db/plannerStats';
import { dropRollupTriggers, rebuildRollups } from '../electron/core/repos/rollups';
import { rebuildFacts } from '../electron/core/repos/pipelineFacts';

/** Words for deal names and note bodies, so searches meet common and rare words as in real data. */
const WORDS = ('platform renewal expansion pilot rollout migration analytics security upgrade licence onboarding support '
  + 'integration training audit warehouse payroll logistics compliance reporting mobile cloud network backup storage '
  + 'champion budget procurement pricing discount legal timeline decision sponsor objection competitor demo proposal '
  + 'discovery qualification negotiation stakeholder economic buyer approval signature risk value metric outcome '
  + 'quarter forecast commit upside coverage territory prospect referral partner channel enterprise midmarket').split(' ');

export function generateOrg(db: Db, REPS: number, DEALS: number, TODAY: string, NOTES = 0): void {
  let seed = 1;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const day = (daysAgo: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) - daysAgo * 86_400_000).toISOString().slice(0, 10);

  db.transaction(() => {
    // Like a bulk import: the rollups are built once at the end, not row by row.
    const restoreRollups = dropRollupTriggers(db);
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
      const name = `${WORDS[Math.floor(rand() * WORDS.length)]} ${WORDS[Math.floor(rand() * WORDS.length)]} ${i}`;
      const info = deal.run(1 + (i % REPS), 1 + (i % 5000), name, stage, Math.floor(rand() * 10_000_000), day(created),
        day(created - 60), closed, outcome, day(created), now, now);
      hist.run(info.lastInsertRowid, stage, day(created), now);
    }
    const note = db.prepare(`INSERT INTO coaching_notes (rep_id, kind, note_date, body, visibility, created_at, updated_at) VALUES (?, 'feedback', ?, ?, 'private', ?, ?)`);
    for (let i = 1; i <= NOTES; i++) {
      const body = Array.from({ length: 12 + Math.floor(rand() * 30) }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
      note.run(1 + (i % REPS), day(Math.floor(rand() * 540)), `${body} (note ${i})`, now, now);
    }
    rebuildRollups(db);
    restoreRollups();
    // The Pipeline's stored facts, as an import leaves them: the file is consistent for TODAY.
    rebuildFacts(db, TODAY);
  })();
  refreshPlannerStats(db); // as the app does after a bulk import
}
