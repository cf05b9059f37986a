/**
 * The manager's data out of the workbench: reps and deals as CSV (for a spreadsheet or the
 * next tool), or everything as one JSON file that restores the whole store. Written straight
 * to a file, row by row, so a VP-sized store never sits in memory as one string.
 */
import fs from 'node:fs';
import Papa from 'papaparse';
import type { DataExportKind } from '../../../shared/schemas/backups';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { LATEST_VERSION } from '../db/migrations';
import { PRIVATE_FILE_MODE } from '../db/fileModes';
import type { Ctx } from '../context';
import { withSnapshot } from './snapshot';
import { calendarIcs } from '../export/calendar';
import { plannedMeetings } from '../repos/oneOnOneWeek';
import { ROLLUP_TABLES } from '../repos/rollups';

export const JSON_FORMAT = 'sales-manager-workbench';

/** Tables that make up the store (SQLite's own and the migration log are rebuilt on restore). */
export function dataTables(db: Db): string[] {
  return db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'
         AND name NOT LIKE 'search!_%' ESCAPE '!' -- the search indexes (and their shadow tables) are rebuilt from the rows on restore
         AND name NOT LIKE 'pipeline!_facts%' ESCAPE '!' -- the Pipeline's stored facts are recomputed at the first read
       ORDER BY name`,
    )
    .pluck()
    .all()
    .filter((t) => !(ROLLUP_TABLES as readonly unknown[]).includes(t)) as string[]; // the deals' triggers rebuild them
}

/** A spreadsheet would run "=HYPERLINK(...)" typed into a note: make such cells plain text. */
const safeCell = (v: unknown): unknown => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

const CSV_QUERIES: Record<'reps-csv' | 'deals-csv', string> = {
  'reps-csv': `SELECT name AS "Name", email AS "Email", role AS "Role", territory AS "Territory", hire_date AS "Hire date",
      status AS "Status", quota_cents / 100.0 AS "Quota", one_on_one_cadence_days AS "One-on-one every (days)"
    FROM reps ORDER BY name`,
  'deals-csv': `SELECT d.external_id AS "CRM id", d.name AS "Deal", a.name AS "Account", r.name AS "Owner", d.stage AS "Stage",
      d.outcome AS "Outcome", d.amount_cents / 100.0 AS "Amount", d.currency AS "Currency", d.created_date AS "Created date",
      COALESCE(d.closed_date, d.expected_close_date) AS "Close date", d.last_activity_date AS "Last activity",
      d.next_step AS "Next step", d.source AS "Source"
    FROM deals d JOIN reps r ON r.id = d.rep_id LEFT JOIN accounts a ON a.id = d.account_id ORDER BY r.name, d.created_date, d.id`,
};

/** Each data export's file: name, extension and type, in one table for every transport. */
export const DATA_FILES: Record<DataExportKind, { base: string; ext: string; type: string; filter: string }> = {
  'reps-csv': { base: 'reps', ext: 'csv', type: 'text/csv; charset=utf-8', filter: 'CSV' },
  'deals-csv': { base: 'deals', ext: 'csv', type: 'text/csv; charset=utf-8', filter: 'CSV' },
  json: { base: 'workbench', ext: 'json', type: 'application/json; charset=utf-8', filter: 'JSON' },
  calendar: { base: 'one-on-ones', ext: 'ics', type: 'text/calendar; charset=utf-8', filter: 'Calendar' },
};

export const exportFileName = (what: DataExportKind, today: string): string => `${DATA_FILES[what].base}-${today}.${DATA_FILES[what].ext}`;

/**
 * The export every transport uses: read from a committed snapshot, so an import being written
 * at the same time is in it whole (it committed before) or not at all.
 */
export function exportDataFile(ctx: Ctx, what: DataExportKind, file: string): number {
  return withSnapshot(ctx, (db) => writeDataExport(db, ctx.clock, what, file));
}

/** Writes the export to `file` (replaced whole: written beside it, then renamed). Returns the row count. */
export function writeDataExport(db: Db, clock: Clock, what: DataExportKind, file: string): number {
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  const fd = fs.openSync(partial, 'w', PRIVATE_FILE_MODE); // owner-only: it holds every private note
  let rows = 0;
  try {
    const write = (s: string) => fs.writeSync(fd, s);
    if (what === 'calendar') {
      // The planned one-on-ones from today on (rows = meetings).
      const meetings = plannedMeetings(db, clock.today());
      write(calendarIcs(meetings));
      rows = meetings.length;
    } else if (what === 'json') {
      write(`{"format":${JSON.stringify(JSON_FORMAT)},"schemaVersion":${LATEST_VERSION},"exportedAt":${JSON.stringify(clock.now().toISOString())},"tables":{`);
      dataTables(db).forEach((t, ti) => {
        write(`${ti ? ',' : ''}\n${JSON.stringify(t)}:[`);
        let first = true;
        for (const row of db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).iterate()) {
          write(`${first ? '' : ','}\n${JSON.stringify(row)}`);
          first = false;
          rows++;
        }
        write(']');
      });
      write('\n}}\n');
    } else {
      const stmt = db.prepare(CSV_QUERIES[what]);
      const fields = stmt.columns().map((c) => c.name);
      write('\uFEFF' + Papa.unparse({ fields, data: [] }, { newline: '\r\n' }) + '\r\n'); // BOM: Excel reads accents right
      const batch: unknown[][] = [];
      const flush = () => {
        if (batch.length) write(Papa.unparse(batch, { newline: '\r\n' }) + '\r\n');
        batch.length = 0;
      };
      for (const row of stmt.raw().iterate() as Iterable<unknown[]>) {
        batch.push(row.map(safeCell));
        rows++;
        if (batch.length === 5000) flush();
      }
      flush();
    }
    fs.fsyncSync(fd);
  } catch (err) {
    fs.closeSync(fd);
    fs.rmSync(partial, { force: true }); // a full disk or a failed read leaves no half file
    throw err;
  }
  fs.closeSync(fd);
  fs.renameSync(partial, file);
  return rows;
}
