import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { fixedClock } from '../../electron/core/clock';
import type { Ctx } from '../../electron/core/context';
import { closeDatabase, openDatabase, type Db } from '../../electron/core/db/open';
import { loadDemo } from '../../electron/core/demo/load';

const dirs: string[] = [];
const dbs: Db[] = [];

afterEach(() => {
  for (const db of dbs.splice(0)) closeDatabase(db);
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A fresh temp folder, removed after the test. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-unit-'));
  dirs.push(dir);
  return dir;
}

/** A real SQLite file in a temp folder, migrated, closed after the test. */
export function tempDbPath(): string {
  return path.join(tempDir(), 'test.db');
}

export function track(db: Db): Db {
  dbs.push(db);
  return db;
}

export const TODAY = '2026-11-24';

export function testCtx(today = TODAY): Ctx {
  const dbPath = tempDbPath();
  const db = track(openDatabase(dbPath));
  return { db, clock: fixedClock(today), dbPath, shell: 'web' };
}

/**
 * One demo team in a real file for a whole test file (loading it is the slow part); call at
 * the top of the file. The fields are filled before the first test runs.
 */
export function useDemoDatabase(today = TODAY): { dir: string; dbPath: string; db: Db } {
  const demo = {} as { dir: string; dbPath: string; db: Db };
  beforeAll(() => {
    demo.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-demo-'));
    demo.dbPath = path.join(demo.dir, 'demo.db');
    demo.db = openDatabase(demo.dbPath);
    loadDemo(demo.db, fixedClock(today), 42);
  });
  afterAll(() => {
    closeDatabase(demo.db);
    fs.rmSync(demo.dir, { recursive: true, force: true });
  });
  return demo;
}
