import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { dispatch, dispatchAsync } from '../../electron/core/api/dispatch';
import { fixedClock } from '../../electron/core/clock';
import type { Ctx } from '../../electron/core/context';
import { backupDir, backupNow, listBackups } from '../../electron/core/db/backup';
import { inspectDatabase } from '../../electron/core/db/inspect';
import { migrate } from '../../electron/core/db/migrate';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/core/db/migrations';
import { closeDatabase, openDatabase } from '../../electron/core/db/open';
import { loadDemo } from '../../electron/core/demo/load';
import { dataTables, writeDataExport } from '../../electron/core/data/exportData';
import { stageFile } from '../../electron/core/files/staging';
import { Store } from '../../electron/core/store';
import type { BackupsView, RestoreResult } from '../../shared/schemas/backups';
import { tempDir, testCtx, track, TODAY } from './helpers';

async function ok<T>(ctx: Ctx, name: string, input: unknown = {}): Promise<T> {
  const r = await dispatchAsync(ctx, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}
const rows = (ctx: Ctx, t: string) => ctx.db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all();
const snapshot = (ctx: Ctx) => Object.fromEntries(dataTables(ctx.db).map((t) => [t, rows(ctx, t)]));

function demoCtx(): Ctx {
  const ctx = testCtx();
  loadDemo(ctx.db, ctx.clock, 42);
  return ctx;
}

describe('backups', () => {
  it('takes backups before changes and by hand, keeps the last N of them, and lists all with kind and size', async () => {
    const ctx = testCtx();
    for (let i = 0; i < 4; i++) await backupNow(ctx.db, ctx.dbPath, fixedClock(`2026-11-2${i}`), 'before-import', 3);
    await backupNow(ctx.db, ctx.dbPath, ctx.clock, 'manual', 3);
    const list = listBackups(ctx.dbPath);
    expect(list.map((b) => [b.kind, b.day])).toEqual([
      ['manual', TODAY],
      ['before-import', '2026-11-23'],
      ['before-import', '2026-11-22'],
    ]);
    expect(list[0]!.size).toBeGreaterThan(4096);
    // A clock that steps back still gives the newest name, so rotation keeps the new backup.
    const back = await backupNow(ctx.db, ctx.dbPath, fixedClock('2026-11-01'), 'manual', 3);
    expect(listBackups(ctx.dbPath)[0]!.file).toBe(path.basename(back));
    const view = await ok<BackupsView>(ctx, 'backups.list');
    expect(view).toMatchObject({ dir: backupDir(ctx.dbPath), keep: 10 });
    // Each backup is a self-contained workbench database.
    expect(inspectDatabase(path.join(view.dir, list[0]!.file))).toMatchObject({ ok: true, version: LATEST_VERSION });
    expect(fs.existsSync(path.join(view.dir, `${list[0]!.file}-wal`))).toBe(false);
  });

  it('restores a backup: the change since is gone, and what was there is kept in a before-restore backup', async () => {
    const ctx = demoCtx();
    const before = snapshot(ctx);
    const b = await ok<{ file: string }>(ctx, 'backups.create');
    const rep = dispatch(ctx, 'reps.create', { name: 'Zed After', role: 'sdr', quota: 1 });
    expect(rep.ok).toBe(true);
    const r = await ok<RestoreResult>(ctx, 'backups.restore', { file: b.file });
    expect(r).toMatchObject({ reps: 9, deals: 601, schemaVersion: LATEST_VERSION });
    expect(snapshot(ctx)).toEqual(before);
    const safety = new Database(r.backup, { readonly: true });
    expect(safety.prepare("SELECT COUNT(*) FROM reps WHERE name = 'Zed After'").pluck().get()).toBe(1);
    safety.close();
    expect(ctx.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(await dispatchAsync(ctx, 'backups.restore', { file: '../test.db' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not one of the workbench's backups/) } });
  });

  it('an older backup is migrated on the way in', async () => {
    const ctx = testCtx();
    const dir = backupDir(ctx.dbPath);
    fs.mkdirSync(dir, { recursive: true });
    const old = new Database(path.join(dir, 'workbench-2026-10-01.db'));
    migrate(old, MIGRATIONS.slice(0, 3));
    old.prepare("INSERT INTO reps (name, role, created_at, updated_at) VALUES ('Old Timer', 'field', 'x', 'x')").run();
    old.close();
    const r = await ok<RestoreResult>(ctx, 'backups.restore', { file: 'workbench-2026-10-01.db' });
    expect(r).toMatchObject({ reps: 1, schemaVersion: LATEST_VERSION });
  });
});

describe('JSON export and restore', () => {
  it('round-trips the whole store: export, restore into another workbench, identical tables', async () => {
    const a = demoCtx();
    const file = path.join(tempDir(), 'all.json');
    writeDataExport(a.db, a.clock, 'json', file);
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(json).toMatchObject({ format: 'sales-manager-workbench', schemaVersion: LATEST_VERSION });
    expect(json.tables.deals).toHaveLength(601);
    const b = testCtx();
    const r = await ok<RestoreResult>(b, 'data.restoreJson', { fileId: stageFile('all.json', fs.readFileSync(file)).fileId });
    expect(r).toMatchObject({ reps: 9, deals: 601 });
    expect(snapshot(b)).toEqual(snapshot(a));
    expect(b.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('restores an export from an older schema version and brings it up to date', async () => {
    const old = new Database(':memory:');
    migrate(old, MIGRATIONS.slice(0, 5));
    old.prepare("INSERT INTO reps (id, name, role, created_at, updated_at) VALUES (1, 'Vera', 'field', 'x', 'x')").run();
    old.prepare("INSERT INTO accounts (id, name, created_at, updated_at) VALUES (1, 'Acme', 'x', 'x')").run();
    old.prepare(`INSERT INTO deals (id, rep_id, account_id, name, stage, created_date, stage_entered_date, created_at, updated_at)
      VALUES (1, 1, 1, 'Big one', 'Proposal', '2026-01-01', '2026-01-01', 'x', 'x')`).run();
    const tables = Object.fromEntries(['reps', 'accounts', 'deals'].map((t) => [t, old.prepare(`SELECT * FROM ${t}`).all()]));
    old.close();
    const ctx = testCtx();
    const body = Buffer.from(JSON.stringify({ format: 'sales-manager-workbench', schemaVersion: 5, tables }));
    const r = await ok<RestoreResult>(ctx, 'data.restoreJson', { fileId: stageFile('old.json', body).fileId });
    expect(r).toEqual({ backup: expect.stringMatching(/before-restore\.db$/), reps: 1, deals: 1, schemaVersion: LATEST_VERSION });
    expect(ctx.db.prepare('SELECT one_on_one_cadence_days FROM reps').pluck().get()).toBe(7); // a column added later, defaulted
  });

  it.each([
    ['not JSON', 'hello', /is not a JSON file/],
    ['another format', JSON.stringify({ format: 'crm', schemaVersion: 1, tables: {} }), /not a workbench export/],
    ['a newer version', JSON.stringify({ format: 'sales-manager-workbench', schemaVersion: LATEST_VERSION + 1, tables: {} }), /newer version of the workbench/],
    ['an unknown table', JSON.stringify({ format: 'sales-manager-workbench', schemaVersion: LATEST_VERSION, tables: { spells: [] } }), /table “spells”/],
    ['an unknown column', JSON.stringify({ format: 'sales-manager-workbench', schemaVersion: LATEST_VERSION, tables: { reps: [{ id: 1, name: 'A', role: 'field', created_at: 'x', updated_at: 'x', shoe: 9 }] } }), /Row 1 of “reps” has a column “shoe”/],
    ['a bad value', JSON.stringify({ format: 'sales-manager-workbench', schemaVersion: LATEST_VERSION, tables: { reps: [{ id: 1, name: 'A', role: 'wizard', created_at: 'x', updated_at: 'x' }] } }), /Row 1 of “reps” cannot be restored: CHECK constraint failed/],
    ['a dangling reference', JSON.stringify({ format: 'sales-manager-workbench', schemaVersion: LATEST_VERSION, tables: { accounts: [{ id: 1, name: 'Acme', created_at: 'x', updated_at: 'x' }], deals: [{ id: 7, rep_id: 99, account_id: 1, name: 'D', stage: 'P', created_date: '2026-01-01', stage_entered_date: '2026-01-01', created_at: 'x', updated_at: 'x' }] } }), /row with id 7 in “deals” refers to a “reps” row that is not in the export/],
  ])('refuses %s and leaves the live store untouched', async (_what, body, message) => {
    const ctx = demoCtx();
    const before = snapshot(ctx);
    const r = await dispatchAsync(ctx, 'data.restoreJson', { fileId: stageFile('x.json', Buffer.from(body)).fileId });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringMatching(message) } });
    expect(snapshot(ctx)).toEqual(before);
    expect(fs.readdirSync(path.dirname(ctx.dbPath)).filter((f) => f.startsWith('.restore-'))).toEqual([]);
  });
});

describe('CSV export', () => {
  it('writes deals that read back (BOM, quotes, formula-safe) and re-import into an empty workbench as the same deals', async () => {
    const a = demoCtx();
    a.db.prepare("UPDATE deals SET next_step = '=HYPERLINK(\"http://x\")' WHERE id = 1").run();
    const file = path.join(tempDir(), 'deals.csv');
    expect(writeDataExport(a.db, a.clock, 'deals-csv', file)).toBe(601);
    const text = fs.readFileSync(file, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.data).toHaveLength(601);
    const d1 = a.db.prepare('SELECT external_id, name, amount_cents FROM deals WHERE id = 1').get() as { external_id: string; name: string; amount_cents: number };
    const row = parsed.data.find((r) => r['CRM id'] === d1.external_id)!;
    expect(row).toMatchObject({ Deal: d1.name, Amount: String(d1.amount_cents / 100), 'Next step': `'=HYPERLINK("http://x")` });

    // The export is a file our own import reads: same deals, owners and outcomes.
    const b = testCtx();
    const fileId = stageFile('deals.csv', fs.readFileSync(file)).fileId;
    const { jobId } = (await ok<{ jobId: string }>(b, 'import.start', { fileId }));
    for (;;) {
      const p = await ok<{ phase: string; result: { created: number } | null }>(b, 'import.progress', { jobId });
      if (p.phase === 'done') {
        expect(p.result?.created).toBe(601);
        break;
      }
      if (p.phase === 'failed') throw new Error('import failed');
      await new Promise((r) => setTimeout(r, 5));
    }
    const sig = (c: Ctx) => c.db.prepare(`SELECT d.external_id, d.name, r.name AS rep, a.name AS account, d.outcome, d.amount_cents, d.created_date,
        COALESCE(d.closed_date, d.expected_close_date) AS close FROM deals d JOIN reps r ON r.id = d.rep_id JOIN accounts a ON a.id = d.account_id ORDER BY d.external_id`).all();
    expect(sig(b)).toEqual(sig(a));
  });

  it('writes reps', () => {
    const a = demoCtx();
    const file = path.join(tempDir(), 'reps.csv');
    expect(writeDataExport(a.db, a.clock, 'reps-csv', file)).toBe(9);
    const parsed = Papa.parse<Record<string, string>>(fs.readFileSync(file, 'utf8').slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual(['Name', 'Email', 'Role', 'Territory', 'Hire date', 'Status', 'Quota', 'One-on-one every (days)']);
    expect(parsed.data.map((r) => r.Name)).toContain('Grace Okafor');
  });
});

describe('a damaged or foreign file at start', () => {
  function withBackup(): { dbPath: string; good: string } {
    const dir = tempDir();
    const dbPath = path.join(dir, 'workbench.db');
    const db = track(openDatabase(dbPath));
    loadDemo(db, fixedClock(TODAY), 42);
    closeDatabase(db);
    fs.mkdirSync(path.join(dir, 'backups'));
    const good = path.join(dir, 'backups', 'workbench-2026-11-23.db');
    fs.copyFileSync(dbPath, good);
    return { dbPath, good };
  }

  it.each([
    ['truncated', (f: string) => fs.truncateSync(f, 5000), 'corrupt'],
    ['overwritten in the middle', (f: string) => {
      const fd = fs.openSync(f, 'r+');
      fs.writeSync(fd, Buffer.alloc(8192, 0xab), 0, 8192, 16384);
      fs.closeSync(fd);
    }, 'corrupt'],
    ['not a database at all', (f: string) => fs.writeFileSync(f, 'Opportunity Owner,Stage\nAnn,Won\n'.repeat(300)), 'corrupt'],
    ['a foreign SQLite file', (f: string) => {
      fs.rmSync(f);
      const other = new Database(f);
      other.exec('CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)');
      other.close();
    }, 'foreign'],
    ['from a newer version', (f: string) => {
      const db = new Database(f);
      db.pragma(`user_version = ${LATEST_VERSION + 1}`);
      db.close();
    }, 'newer'],
  ] as const)('%s: detected without changing a byte, the newest good backup offered, and recovered', async (_what, damage, kind) => {
    const { dbPath } = withBackup();
    damage(dbPath);
    const bytes = fs.readFileSync(dbPath);
    const store = Store.open(dbPath, fixedClock(TODAY), 'web');
    expect(store.ctx).toBeNull();
    expect(store.problem).toMatchObject({ kind, dbPath, latestGood: { file: 'workbench-2026-11-23.db', kind: 'daily' } });
    expect(fs.readFileSync(dbPath).equals(bytes)).toBe(true); // nothing overwritten
    expect(await store.dispatch('reps.list', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await store.dispatch('recovery.status', {})).toMatchObject({ ok: true, value: { kind } });
    expect(await store.dispatch('recovery.restore', { file: 'workbench-2026-11-23.db' })).toEqual({ ok: true, value: null });
    expect(store.ctx).not.toBeNull();
    expect(await store.dispatch('reps.list', {})).toMatchObject({ ok: true, value: expect.arrayContaining([expect.objectContaining({ name: 'Grace Okafor' })]) });
    // The bad file is kept, renamed.
    const aside = fs.readdirSync(path.dirname(dbPath)).find((f) => f.startsWith('workbench.db.damaged-'))!;
    expect(fs.readFileSync(path.join(path.dirname(dbPath), aside)).equals(bytes)).toBe(true);
    closeDatabase(store.ctx!.db);
  });

  it('skips a damaged backup when offering the newest good one', () => {
    const { dbPath, good } = withBackup();
    fs.writeFileSync(path.join(path.dirname(good), 'workbench-2026-11-24.db'), 'garbage');
    fs.truncateSync(dbPath, 100);
    const store = Store.open(dbPath, fixedClock(TODAY), 'web');
    expect(store.problem?.latestGood?.file).toBe('workbench-2026-11-23.db');
  });
});
