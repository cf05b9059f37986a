import { refreshFacts } from './pipelineFacts';
import type { z } from 'zod';
import { fromCents, toCents } from '../../../shared/domain/money';
import type { Rep, repInput, repUpdate } from '../../../shared/schemas/rep';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { ConflictError, NotFoundError } from '../errors';

interface RepRow {
  id: number;
  name: string;
  email: string | null;
  role: Rep['role'];
  territory: string | null;
  hire_date: string | null;
  status: Rep['status'];
  quota_cents: number;
  one_on_one_cadence_days: number;
  one_on_one_minutes: number;
  created_at: string;
  updated_at: string;
}

const toRep = (r: RepRow): Rep => ({
  id: r.id,
  name: r.name,
  email: r.email,
  role: r.role,
  territory: r.territory,
  hireDate: r.hire_date,
  status: r.status,
  quota: fromCents(r.quota_cents),
  oneOnOneCadenceDays: r.one_on_one_cadence_days,
  oneOnOneMinutes: r.one_on_one_minutes,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function listReps(db: Db, includeArchived = false): Rep[] {
  const rows = db
    .prepare(
      `SELECT * FROM reps ${includeArchived ? '' : "WHERE status <> 'archived'"} ORDER BY name`,
    )
    .all() as RepRow[];
  return rows.map(toRep);
}

export function getRep(db: Db, id: number): Rep {
  const row = db.prepare('SELECT * FROM reps WHERE id = ?').get(id) as RepRow | undefined;
  if (!row) throw new NotFoundError('Rep', id);
  return toRep(row);
}

export function findRepByName(db: Db, name: string): Rep | null {
  const row = db.prepare('SELECT * FROM reps WHERE name = ?').get(name.trim()) as
    | RepRow
    | undefined;
  return row ? toRep(row) : null;
}

function assertNameFree(db: Db, name: string, exceptId = 0): void {
  const clash = db.prepare('SELECT id FROM reps WHERE name = ? AND id <> ?').get(name, exceptId);
  if (clash) throw new ConflictError(`There is already a rep called “${name}”.`, 'name');
}

export function createRep(db: Db, clock: Clock, input: z.output<typeof repInput>): Rep {
  return db.transaction(() => {
    assertNameFree(db, input.name);
    const now = clock.now().toISOString();
    const info = db
      .prepare(
        `INSERT INTO reps (name, email, role, territory, hire_date, status, quota_cents, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?)`,
      )
      .run(
        input.name,
        input.email,
        input.role,
        input.territory,
        input.hireDate,
        toCents(input.quota),
        now,
        now,
      );
    return getRep(db, Number(info.lastInsertRowid));
  }).immediate();
}

export function updateRep(db: Db, clock: Clock, input: z.output<typeof repUpdate>): Rep {
  return db.transaction(() => {
    getRep(db, input.id);
    assertNameFree(db, input.name, input.id);
    db.prepare(
      `UPDATE reps SET name = ?, email = ?, role = ?, territory = ?, hire_date = ?, status = ?,
         quota_cents = ?, updated_at = ? WHERE id = ?`,
    ).run(
      input.name,
      input.email,
      input.role,
      input.territory,
      input.hireDate,
      input.status,
      toCents(input.quota),
      clock.now().toISOString(),
      input.id,
    );
    refreshFacts(db, [input.id]); // the status may have changed: an archived rep's deals leave the Pipeline
    return getRep(db, input.id);
  }).immediate();
}

/** Archiving keeps the rep's history (deals, notes) but hides them from the team. */
export function setRepStatus(db: Db, clock: Clock, id: number, status: Rep['status']): Rep {
  return db.transaction(() => {
    getRep(db, id);
    db.prepare('UPDATE reps SET status = ?, updated_at = ? WHERE id = ?').run(
      status,
      clock.now().toISOString(),
      id,
    );
    refreshFacts(db, [id]);
    return getRep(db, id);
  }).immediate();
}
