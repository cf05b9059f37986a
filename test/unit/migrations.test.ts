import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, SchemaTooNewError } from '../../electron/core/db/migrate';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/core/db/migrations';
import { closeDatabase, openDatabase } from '../../electron/core/db/open';
import { dispatch } from '../../electron/core/api/dispatch';
import { fixedClock } from '../../electron/core/clock';
import { pipelineList } from '../../electron/core/repos/metrics';
import { tempDbPath, track } from './helpers';

/** The schema as SQLite stores it, to compare a migrated file with a fresh one. */
const schemaOf = (db: Database.Database) =>
  db
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all();

describe('migrations', () => {
  it('creates the whole schema in an empty file, with WAL and foreign keys on', () => {
    const db = track(openDatabase(tempDbPath()));
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map((t) => t.name);
    for (const t of ['reps', 'deals', 'accounts', 'deal_stage_history', 'deal_close_date_changes', 'stakeholders', 'coaching_notes',
      'one_on_ones', 'agenda_items', 'commitments', 'coachability_observations', 'value_prop_checks', 'settings']) {
      expect(tables).toContain(t);
    }
    const applied = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
    expect(applied).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
  });

  it.each(MIGRATIONS.map((m) => m.version - 1))('upgrades a file at version %i to the latest, keeping its data', (from) => {
    const file = tempDbPath();
    const old = new Database(file);
    old.pragma('foreign_keys = ON');
    migrate(old, MIGRATIONS.slice(0, from));
    expect(old.pragma('user_version', { simple: true })).toBe(from);
    if (from >= 1) {
      old.prepare("INSERT INTO reps (name, role, created_at, updated_at) VALUES ('Ada', 'field', 'x', 'x')").run();
    }
    old.close();

    const upgraded = track(openDatabase(file));
    const fresh = track(openDatabase(tempDbPath()));
    expect(upgraded.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(schemaOf(upgraded)).toEqual(schemaOf(fresh));
    if (from >= 1) expect(upgraded.prepare('SELECT name FROM reps').all()).toEqual([{ name: 'Ada' }]);
    // The Pipeline's stored facts start unbuilt, so the first read builds them from the data kept.
    expect(upgraded.prepare('SELECT as_of FROM pipeline_facts_state').all()).toEqual([{ as_of: null }]);
    expect(upgraded.prepare('SELECT COUNT(*) FROM pipeline_facts').pluck().get()).toBe(0);
  });

  it('a file from before the stored facts builds them at the first Pipeline read, equal to a fresh ranking', () => {
    const file = tempDbPath();
    const old = new Database(file);
    old.pragma('foreign_keys = ON');
    migrate(old, MIGRATIONS.slice(0, 14));
    old.exec(`INSERT INTO reps (id, name, role, created_at, updated_at) VALUES (1, 'Ada', 'field', 'x', 'x');
      INSERT INTO deals (rep_id, name, stage, amount_cents, created_date, expected_close_date, stage_entered_date, created_at, updated_at)
      VALUES (1, 'Old', 'Proposal', 25000000, '2026-01-05', '2026-06-30', '2026-01-05', 'x', 'x'),
             (1, 'New', 'Discovery', 100000, '2026-11-01', '2026-12-20', '2026-11-01', 'x', 'x')`);
    old.close();
    const db = track(openDatabase(file));
    const ctx = { db, clock: fixedClock('2026-11-24'), dbPath: file, shell: 'web' as const };
    const page = dispatch(ctx, 'pipeline.page', {});
    if (!page.ok) throw new Error(page.error.message);
    const list = pipelineList(db, '2026-11-24').deals;
    expect((page.value as { rows: unknown[] }).rows).toEqual(list);
    expect(list[0]).toMatchObject({ name: 'Old', flags: expect.arrayContaining(['close_date_past']) });
    expect(db.prepare('SELECT as_of FROM pipeline_facts_state').pluck().get()).toBe('2026-11-24');
  });

  it('is a no-op when already at the latest version', () => {
    const file = tempDbPath();
    closeDatabase(openDatabase(file));
    const db = track(openDatabase(file));
    expect(migrate(db)).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION });
  });

  it('refuses a file written by a newer version of the app', () => {
    const file = tempDbPath();
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    expect(() => openDatabase(file)).toThrow(SchemaTooNewError);
    expect(() => openDatabase(file)).toThrow(/newer version of the workbench/);
  });

  it('rolls back every pending step when one fails, leaving the old version intact', () => {
    const db = track(openDatabase(tempDbPath()));
    const broken = [...MIGRATIONS, { version: LATEST_VERSION + 1, name: 'good', sql: 'CREATE TABLE extra (id INTEGER)' },
      { version: LATEST_VERSION + 2, name: 'bad', sql: 'CREATE TABLE nope (' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'extra'").get()).toBeUndefined();
  });

  it('refuses migrations that are out of order', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [MIGRATIONS[1]!, MIGRATIONS[0]!])).toThrow(/out of order/);
    db.close();
  });
});

describe('migration 11: deals without an account', () => {
  it('rebuilds deals keeping every deal and everything that points at one, with foreign keys back on', () => {
    const file = tempDbPath();
    const old = new Database(file);
    old.pragma('foreign_keys = ON');
    migrate(old, MIGRATIONS.slice(0, 10));
    old.exec(`
      INSERT INTO reps (id, name, role, created_at, updated_at) VALUES (1, 'Ada', 'field', 'x', 'x');
      INSERT INTO accounts (id, name, created_at, updated_at) VALUES (1, 'Acme', 'x', 'x');
      INSERT INTO deals (id, external_id, rep_id, account_id, name, stage, amount_cents, created_date, stage_entered_date, created_at, updated_at)
        VALUES (7, 'SF-7', 1, 1, 'Acme pilot', 'Proposal', 500000, '2026-01-05', '2026-01-05', 'x', 'x');
      INSERT INTO deal_stage_history (deal_id, from_stage, to_stage, changed_on, recorded_at) VALUES (7, NULL, 'Proposal', '2026-01-05', 'x');
      INSERT INTO deal_close_date_changes (deal_id, from_date, to_date, changed_on, recorded_at) VALUES (7, '2026-02-01', '2026-03-01', '2026-01-20', 'x');
      INSERT INTO stakeholders (deal_id, name, role, stance, created_at, updated_at) VALUES (7, 'Bo', 'champion', 'supporter', 'x', 'x');
    `);
    old.close();

    const db = track(openDatabase(file));
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare('SELECT id, external_id, account_id, name, amount_cents, crm_stage FROM deals').all()).toEqual([
      { id: 7, external_id: 'SF-7', account_id: 1, name: 'Acme pilot', amount_cents: 500000, crm_stage: null },
    ]);
    for (const t of ['deal_stage_history', 'deal_close_date_changes', 'stakeholders']) {
      expect(db.prepare(`SELECT COUNT(*) FROM ${t} WHERE deal_id = 7`).pluck().get(), t).toBe(1);
    }
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // The point of the rebuild: a deal may have no account; a reference must still be real.
    db.prepare("INSERT INTO deals (rep_id, account_id, name, stage, created_date, stage_entered_date, created_at, updated_at) VALUES (1, NULL, 'No company yet', 'Lead', '2026-02-01', '2026-02-01', 'x', 'x')").run();
    expect(() => db.prepare("INSERT INTO deals (rep_id, account_id, name, stage, created_date, stage_entered_date, created_at, updated_at) VALUES (1, 99, 'Ghost', 'Lead', '2026-02-01', '2026-02-01', 'x', 'x')").run()).toThrow(/FOREIGN KEY/);
    // Deleting a deal still cascades to its history (the references survived the rename).
    db.prepare('DELETE FROM deals WHERE id = 7').run();
    expect(db.prepare('SELECT COUNT(*) FROM deal_stage_history').pluck().get()).toBe(0);
  });
});
