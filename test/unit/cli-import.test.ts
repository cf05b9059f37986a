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
  it('an import of more than 5,000 new deals writes their search entries before the command ends', async () => {
    const db = tempDbPath();
    const file = path.join(path.dirname(db), 'big.csv');
    fs.writeFileSync(file, 'Id,Deal,Account,Owner,Stage,Amount,Close,Created\n' + Array.from({ length: 6000 }, (_, i) => `C${i},Deal ${i},Acct ${i % 40},Rep ${i % 3},Proposal,${i},2026-12-15,2026-01-10`).join('\n'));
    expect((await cli('import', file, '--db', db)).code).toBe(0);
    const conn = new Database(db, { readonly: true }); // opened as is: nothing is completed on opening
    try {
      expect(conn.prepare('SELECT COUNT(*) FROM search_backlog').pluck().get()).toBe(0);
      expect(conn.prepare('SELECT COUNT(*) FROM search_deal').pluck().get()).toBe(6000);
    } finally {
      conn.close();
    }
  });

  it('imports a Salesforce report into the demo team and reports created, skipped and errors as JSON', async () => {
    const db = tempDbPath();
    expect((await cli('demo', '--db', db)).code).toBe(0);
    const before = deals(db);
    const r = await cli('import', fixture('salesforce-report.csv'), '--db', db, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ file: 'salesforce-report.csv', kind: 'deals', preset: 'salesforce', dryRun: false, rows: 11, created: 8, updated: 0, skipped: 2, duplicates: 1, repsCreated: 1 });
    expect(j.errors).toEqual([
      { row: 8, column: 'Amount', value: 'USD twelve', reason: 'is not an amount (write 48000 or 48,000.50)' },
      { row: 9, column: 'Close Date', value: '13/31/2026', reason: 'is not a date (write 2026-03-14, 3/14/2026 or 14.03.2026)' },
    ]);
    expect(j.stages).toContainEqual({ value: 'Closed Won', rows: 2, outcome: 'won', stage: null, how: 'won word', fromFlags: 0 });
    expect(j.owners).toContainEqual({ owner: 'Jordan Reyes', rows: 1, kind: 'name', matchedBy: null, becomes: { newRep: 'Jordan Reyes' } });
    expect(j.owners).toContainEqual({ owner: 'Grace Okafor', rows: 2, kind: 'name', matchedBy: 'name', becomes: { repId: expect.any(Number), rep: 'Grace Okafor' } });
    expect(j.fallbacks).toEqual([{ code: 'no_account', count: 1, text: expect.stringMatching(/^1 deal has no account yet/) }]);
    expect(fs.existsSync(j.backup)).toBe(true);
    expect(deals(db)).toBe(before + 8);
    // The same file again updates nothing and adds nothing.
    const again = JSON.parse((await cli('import', fixture('salesforce-report.csv'), '--db', db, '--json')).out);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 8 });
    expect(deals(db)).toBe(before + 8);
  });

  it('--dry-run and --strict write nothing', async () => {
    const db = tempDbPath();
    await cli('demo', '--db', db);
    const before = deals(db);
    const dry = await cli('import', fixture('hubspot-deals.csv'), '--db', db, '--dry-run', '--json');
    expect(JSON.parse(dry.out)).toMatchObject({ dryRun: true, preset: 'hubspot', created: 4, updated: 0 });
    const strict = await cli('import', fixture('salesforce-report.csv'), '--db', db, '--strict');
    expect(strict.code).toBe(1);
    expect(strict.err).toMatch(/^2 rows cannot be imported; nothing was imported \(--strict\)\./);
    expect(deals(db)).toBe(before);
  });

  it('takes --map, --stage-map and --dates for a file no preset knows', async () => {
    const db = tempDbPath();
    await cli('demo', '--db', db);
    const asked = await cli('import', fixture('eu-semicolon.csv'), '--db', db);
    expect(asked.code).toBe(1);
    expect(asked.err).toBe('Dates such as 03/04/2027 could be day-first or month-first: pass --dates dmy or --dates mdy.\n');
    expect(asked.out).not.toMatch(/choose the date order/);
    const r = await cli('import', fixture('eu-semicolon.csv'), '--db', db, '--dates', 'dmy', '--stage-map', 'Gewonnen=won', '--map', 'Deal=name,Value=amount', '--currency', 'eur', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ created: 3, errors: [] });
    const conn = new Database(db, { readonly: true });
    expect(conn.prepare("SELECT outcome, closed_date, amount_cents, currency FROM deals WHERE name = 'Bäckerei Schmidt'").get()).toEqual({ outcome: 'won', closed_date: '2026-11-10', amount_cents: 999900, currency: 'EUR' });
    conn.close();
  });

  it('names the bad option in one line', async () => {
    const db = tempDbPath();
    await cli('demo', '--db', db);
    expect(await cli('import', fixture('eu-semicolon.csv'), '--db', db, '--map', 'Nope=name')).toMatchObject({ code: 2, err: expect.stringMatching(/^--map: the file has no column “Nope”\. Its columns: Deal, Account/) });
    expect(await cli('import', fixture('eu-semicolon.csv'), '--db', db, '--map', 'Deal=price')).toMatchObject({ code: 2, err: expect.stringMatching(/^--map: “price” is not a deals field\./) });
    expect(await cli('import', fixture('eu-semicolon.csv'), '--db', db, '--stage-map', 'Gewonnen=maybe')).toMatchObject({
      code: 2,
      err: '--stage-map: “maybe” for Gewonnen must be won, lost, open or a stage on your list (Prospecting, Qualification, Discovery, Proposal, Negotiation).\n',
    });
    expect(await cli('import', fixture('eu-semicolon.csv'), '--db', db, '--closed-date-fallback', 'Modified')).toMatchObject({ code: 2, err: expect.stringMatching(/^--closed-date-fallback: the file has no column “Modified”\./) });
    expect(await cli('import', fixture('eu-semicolon.csv'), '--db', db, '--unknown-stages', 'won')).toMatchObject({ code: 2, err: '--unknown-stages must be ask or open (got “won”).\n' });
    expect(await cli('import', fixture('eu-semicolon.csv'), '--db', db, '--currency', 'euro')).toMatchObject({ code: 2, err: expect.stringMatching(/^--currency must be a 3-letter code/) });
    expect(await cli('import', fixture('eu-semicolon.csv'), '--db', db, '--preset', 'pipedrive')).toMatchObject({ code: 2, err: expect.stringMatching(/^--preset must be auto, salesforce, salesforce-api, hubspot/) });
    expect(await cli('import', '/nope.csv', '--db', db)).toMatchObject({ code: 2, err: 'No file at /nope.csv.\n' });
  });

  it('--map changes only the columns it names: the recognised preset keeps the rest', async () => {
    const db = tempDbPath();
    await cli('demo', '--db', db);
    // The report's "Next Step" is read as the deal's source instead; everything else stays Salesforce's.
    const r = JSON.parse((await cli('import', fixture('salesforce-report.csv'), '--db', db, '--map', 'Next Step=source', '--dry-run', '--json')).out);
    expect(r.preset).toBe('salesforce');
    expect(r.columns).toEqual([
      { column: 'Opportunity Owner', field: 'owner' }, { column: 'Account Name', field: 'accountName' }, { column: 'Opportunity Name', field: 'name' },
      { column: 'Stage', field: 'stage' }, { column: 'Amount', field: 'amount' }, { column: 'Close Date', field: 'closeDate' },
      { column: 'Created Date', field: 'createdDate' }, { column: 'Opportunity ID', field: 'externalId' }, { column: 'Next Step', field: 'source' },
    ]);
    expect(r.created).toBe(8);
  });

  it('refuses unreadable stages and owner ids with the options that answer them, then imports with them', async () => {
    const db = tempDbPath();
    await cli('demo', '--db', db);
    const before = deals(db);
    const stages = await cli('import', fixture('crm-es.csv'), '--db', db);
    expect(stages.code).toBe(1);
    expect(stages.err).toBe(
      '1 stage value cannot be read: “Congelado” (1 row). Say what each means with --stage-map "Congelado=lost" ' +
        '(won, lost, open, or a stage on your list: Prospecting, Qualification, Discovery, Proposal, Negotiation), or pass --unknown-stages open to import them as open deals.\n',
    );
    const open = JSON.parse((await cli('import', fixture('crm-es.csv'), '--db', db, '--unknown-stages', 'open', '--closed-date-fallback', 'created', '--json')).out);
    expect(open).toMatchObject({ created: 4, skipped: 0 });
    expect(open.stages).toContainEqual({ value: 'Congelado', rows: 1, outcome: 'open', stage: 'Congelado', how: 'answered', fromFlags: 0 });
    expect(open.fallbacks.map((f: { code: string; count: number }) => [f.code, f.count])).toEqual([['closed_date_from_created', 1]]);

    const ids = await cli('import', fixture('salesforce-dataloader.csv'), '--db', db);
    expect(ids.code).toBe(1);
    expect(ids.err).toMatch(/^2 owners are an id or e-mail in the CRM: “005Ec000004oCQRIA2” \(3 rows\), “005Ec000004oBPNIA2” \(2 rows\)\. Say who each is with --owner-map "005Ec000004oCQRIA2=Rep Name,005Ec000004oBPNIA2=Rep Name"/);
    expect(deals(db)).toBe(before + 4);
    const mapped = JSON.parse(
      (await cli('import', fixture('salesforce-dataloader.csv'), '--db', db, '--owner-map', '005Ec000004oCQRIA2=Grace Okafor,005Ec000004oBPNIA2=Dana Whitfield', '--stage-map', 'Qualification=Qualification', '--json')).out,
    );
    expect(mapped).toMatchObject({ created: 5, repsCreated: 1 });
    expect(mapped.owners).toEqual([
      { owner: '005Ec000004oCQRIA2', rows: 3, kind: 'id', matchedBy: null, becomes: { repId: expect.any(Number), rep: 'Grace Okafor' } },
      { owner: '005Ec000004oBPNIA2', rows: 2, kind: 'id', matchedBy: null, becomes: { newRep: 'Dana Whitfield' } },
    ]);
    expect(deals(db)).toBe(before + 9);
  });

  it('--default-owner and --closed-date-fallback COLUMN for files that lack owners and close dates', async () => {
    const db = tempDbPath();
    await cli('demo', '--db', db);
    const noOwner = await cli('import', fixture('salesforce-report-no-owner.csv'), '--db', db);
    expect(noOwner).toMatchObject({ code: 1, err: 'No column for Owner (rep): add --map "Column=field" (or --default-owner NAME).\n' });
    const r = JSON.parse((await cli('import', fixture('salesforce-report-no-owner.csv'), '--db', db, '--default-owner', 'Grace Okafor', '--json')).out);
    expect(r).toMatchObject({ created: 3, repsCreated: 0, fallbacks: [{ code: 'default_owner', count: 3 }] });
    const bitrix = JSON.parse((await cli('import', fixture('bitrix-deals-ru.csv'), '--db', db, '--owner-map', '17=Grace Okafor,23=Grace Okafor', '--closed-date-fallback', 'Дата изменения', '--json')).out);
    expect(bitrix).toMatchObject({ created: 8, skipped: 0, errors: [] });
    expect(bitrix.fallbacks[0]).toEqual({ code: 'closed_date_from_column', count: 3, text: '3 won or lost deals have no close date and take it from “Дата изменения”.' });
    const conn = new Database(db, { readonly: true });
    expect(conn.prepare("SELECT closed_date, crm_stage FROM deals WHERE external_id = '107'").get()).toEqual({ closed_date: '2026-08-05', crm_stage: 'C6:WON' });
    conn.close();
  });
});
