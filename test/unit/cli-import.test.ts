import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { fixedClock } from '../../electron/core/clock';
import { tempDbPath } from './helpers';

const fixture = (name: string) => path.join(__dirname, '../fixtures/import', name);

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (s) => (out += s), err: (s) => (err += s) }, fixedClock('2026-11-24'));
  return { code, out, err };
}

const deals = (db: string) => {
  const conn = new Database(db, { readonly: true });
  try {
    return conn.prepare('SELECT COUNT(*) FROM deals').pluck().get() as number;
  } finally {
    conn.close();
  }
};

describe('CLI import', () => {
  it('imports a Salesforce report into the demo team and reports created, skipped and errors as JSON', async () => {
    const db = tempDbPath();
    expect((await cli('demo', '--db', db)).code).toBe(0);
    const before = deals(db);
    const r = await cli('import', fixture('salesforce-report.csv'), '--db', db, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ file: 'salesforce-report.csv', kind: 'deals', preset: 'salesforce', dryRun: false, rows: 11, created: 7, updated: 0, skipped: 3, duplicates: 1, repsCreated: 1 });
    expect(j.errors).toEqual([
      { row: 8, column: 'Amount', value: 'USD twelve', reason: 'is not an amount (write 48000 or 48,000.50)' },
      { row: 9, column: 'Close Date', value: '13/31/2026', reason: 'is not a date (write 2026-03-14, 3/14/2026 or 14.03.2026)' },
      { row: 10, column: 'Account Name', value: '', reason: 'is empty' },
    ]);
    expect(fs.existsSync(j.backup)).toBe(true);
    expect(deals(db)).toBe(before + 7);
    // The same file again updates nothing and adds nothing.
    const again = JSON.parse((await cli('import', fixture('salesforce-report.csv'), '--db', db, '--json')).out);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 7 });
    expect(deals(db)).toBe(before + 7);
  });

  it('--dry-run and --strict write nothing', async () => {
    const db = tempDbPath();
    await cli('demo', '--db', db);
    const before = deals(db);
    const dry = await cli('import', fixture('hubspot-deals.csv'), '--db', db, '--dry-run', '--json');
    expect(JSON.parse(dry.out)).toMatchObject({ dryRun: true, preset: 'hubspot', created: 4, updated: 0 });
    const strict = await cli('import', fixture('salesforce-report.csv'), '--db', db, '--strict');
    expect(strict.code).toBe(1);
    expect(strict.err).toMatch(/^3 rows cannot be imported; nothing was imported \(--strict\)\./);
    expect(deals(db)).toBe(before);
  });

  it('takes --map, --stage-map and --dates for a file no preset knows', async () => {
    const db = tempDbPath();
    await cli('demo', '--db', db);
    const asked = await cli('import', fixture('eu-semicolon.csv'), '--db', db);
    expect(asked.code).toBe(1);
    expect(asked.err).toBe('Dates such as 03/04/2027 could be day-first or month-first: pass --dates dmy or --dates mdy.\n');
    expect(asked.out).not.toMatch(/choose the date order/);
    const r = await cli('import', fixture('eu-semicolon.csv'), '--db', db, '--dates', 'dmy', '--stage-map', 'Gewonnen=won', '--map', 'Deal=name,Value=amount', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ created: 3, errors: [] });
    const conn = new Database(db, { readonly: true });
    expect(conn.prepare("SELECT outcome, closed_date, amount_cents FROM deals WHERE name = 'Bäckerei Schmidt'").get()).toEqual({ outcome: 'won', closed_date: '2026-11-10', amount_cents: 999900 });
    conn.close();
  });

  it('names the bad option in one line', async () => {
    const db = tempDbPath();
    await cli('demo', '--db', db);
    expect(await cli('import', fixture('eu-semicolon.csv'), '--db', db, '--map', 'Nope=name')).toMatchObject({ code: 2, err: expect.stringMatching(/^--map: the file has no column “Nope”\. Its columns: Deal, Account/) });
    expect(await cli('import', fixture('eu-semicolon.csv'), '--db', db, '--map', 'Deal=price')).toMatchObject({ code: 2, err: expect.stringMatching(/^--map: “price” is not a deals field\./) });
    expect(await cli('import', fixture('eu-semicolon.csv'), '--db', db, '--stage-map', 'Gewonnen=maybe')).toMatchObject({ code: 2, err: '--stage-map: “maybe” for Gewonnen must be won, lost or open.\n' });
    expect(await cli('import', fixture('eu-semicolon.csv'), '--db', db, '--preset', 'pipedrive')).toMatchObject({ code: 2, err: expect.stringMatching(/^--preset must be auto, salesforce, salesforce-api, hubspot/) });
    expect(await cli('import', '/nope.csv', '--db', db)).toMatchObject({ code: 2, err: 'No file at /nope.csv.\n' });
  });
});
