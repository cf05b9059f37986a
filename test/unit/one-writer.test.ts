import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Sources that write a table, by scanning the code: a second writer would be caught here. */
const root = path.join(__dirname, '../..');
function writersOf(table: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && new RegExp(`INSERT INTO ${table}\\b`).test(fs.readFileSync(p, 'utf8'))) found.push(path.relative(root, p));
    }
  };
  for (const d of ['electron', 'shared', 'renderer']) walk(path.join(root, d));
  return found.sort();
}

describe('one history writer', () => {
  it('a deal’s stage and close-date history are written in one module, for the app, the import and the demo', () => {
    // Migrations copy tables when they rebuild them; that is not a second writer.
    const outsideMigrations = (t: string) => writersOf(t).filter((f) => !f.includes('/migrations/'));
    expect(outsideMigrations('deal_stage_history')).toEqual(['electron/core/repos/dealHistory.ts']);
    expect(outsideMigrations('deal_close_date_changes')).toEqual(['electron/core/repos/dealHistory.ts']);
  });
});
