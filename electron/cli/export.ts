/**
 * `export review`, `export one-on-one`, `export team` and `export week`: a document as Markdown
 * or PDF; `export calendar`: the planned one-on-ones as an .ics file.
 * Every option is checked before anything is opened or written; errors are one line that
 * names the option, with exit code 2 for bad options and 1 for missing data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isoDate } from '../../shared/schemas/common';
import { fixedClock, type Clock } from '../core/clock';
import { closeDatabase } from '../core/db/open';
import { NotFoundError } from '../core/errors';
import { oneOnOneSummary } from '../core/export/oneOnOneSummary';
import { closePdfPrinter, htmlToPdf } from '../core/export/pdf';
import { PRIVATE_FILE_MODE } from '../core/db/fileModes';
import type { ExportDoc } from '../core/export/render';
import { repReview } from '../core/export/repReview';
import { teamReview } from '../core/export/teamReview';
import { weekPack } from '../core/export/weekPack';
import { calendarIcs, plannedMeetings } from '../core/export/calendar';
import { defaultDbPath } from '../core/paths';
import { openForCli } from './open';
import { findRepByName } from '../core/repos/reps';
import type { Io } from './io';

export const EXPORT_USAGE = `  export review --db FILE --rep NAME --from DATE --to DATE --format md|pdf --out FILE [--include-private]
                                        a rep review over a period: metrics, diagnosis, flagged
                                        deals, commitments, coaching notes, one-on-ones
  export one-on-one --db FILE --id ID --format md|pdf --out FILE [--include-private]
                                        one one-on-one: agenda, notes, commitments
  export team --db FILE --from DATE --to DATE --format md|pdf --out FILE
                                        a team review: results, top performers vs the rest,
                                        each rep's diagnosis and development focus, neglect,
                                        commitments kept
  export week --db FILE --from DATE --format md|pdf --out FILE [--include-private]
                                        the prep pack of the one-on-ones planned in the seven
                                        days from DATE: agendas, numbers, last commitments
  export calendar --db FILE --out FILE.ics [--from DATE]
                                        the planned one-on-ones (from today, or DATE) as a
                                        calendar file for Outlook or Google Calendar
`;

const WHATS = ['review', 'one-on-one', 'team', 'week', 'calendar'] as const;
type Format = 'md' | 'pdf' | 'ics';

class UsageError extends Error {}
class DataError extends Error {}

function usage(msg: string): never {
  throw new UsageError(msg);
}

interface Parsed {
  what: (typeof WHATS)[number];
  dbPath: string;
  format: Format;
  out: string;
  includePrivate: boolean;
  today: string | undefined;
  rep?: string;
  from?: string;
  to?: string;
  id?: number;
}

function checkDate(name: string, v: string | undefined): string {
  if (v === undefined) return usage(`--${name} DATE is required (YYYY-MM-DD).`);
  if (!isoDate.safeParse(v).success) return usage(`--${name} must be a real date written YYYY-MM-DD (got “${v}”).`);
  return v;
}

function parse(args: string[]): Parsed {
  const [what, ...rest] = args;
  if (!WHATS.includes(what as (typeof WHATS)[number])) {
    const choices = 'export review, export one-on-one, export team, export week or export calendar';
    return usage(what ? `Unknown export “${what}”: use ${choices}.` : `Say what to export: ${choices}.`);
  }
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        db: { type: 'string' },
        rep: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        id: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        today: { type: 'string' },
        'include-private': { type: 'boolean', default: false },
      },
      allowPositionals: false,
      strict: true,
    }));
  } catch (err) {
    return usage((err as Error).message.split('\n')[0]!);
  }
  const NOT_FOR = {
    review: ['id'],
    team: ['id', 'rep', 'include-private'],
    'one-on-one': ['rep', 'from', 'to'],
    week: ['id', 'rep', 'to'],
    calendar: ['id', 'rep', 'to', 'include-private', 'format'],
  } as const;
  for (const k of NOT_FOR[what as Parsed['what']]) if (values[k] !== undefined && values[k] !== false) usage(`--${k} is not an option of export ${what}.`);
  if (values.today !== undefined) checkDate('today', values.today);

  if (values.out === undefined || values.out.trim() === '') usage('--out FILE is required: where to write the export.');
  const out = path.resolve(values.out!);
  const ext = path.extname(out).slice(1).toLowerCase();
  const calendar = what === 'calendar';
  if (calendar && ext !== 'ics' && !(fs.existsSync(out) && fs.statSync(out).isDirectory())) usage(`--out must name an .ics file (got “${path.basename(out)}”).`);
  const format = calendar ? 'ics' : (values.format ?? (ext === 'md' || ext === 'pdf' ? ext : undefined));
  if (format === undefined) usage('--format is required: md or pdf.');
  if (format !== 'ics' && format !== 'md' && format !== 'pdf') usage(`--format must be md or pdf (got “${format}”).`);
  const isDir = fs.existsSync(out) && fs.statSync(out).isDirectory();
  if (!isDir && !fs.existsSync(path.dirname(out))) usage(`--out: the folder ${path.dirname(out)} does not exist.`);

  const base: Parsed = {
    what: what as Parsed['what'],
    dbPath: path.resolve(values.db ?? defaultDbPath()),
    format: format as Format,
    out,
    includePrivate: values['include-private'],
    today: values.today,
  };
  if (what === 'calendar') return values.from === undefined ? base : { ...base, from: checkDate('from', values.from) };
  if (what === 'week') return { ...base, from: checkDate('from', values.from) };
  if (what === 'team') {
    const from = checkDate('from', values.from);
    const to = checkDate('to', values.to);
    if (from > to) usage(`--from (${from}) is after --to (${to}).`);
    return { ...base, from, to };
  }
  if (what === 'review') {
    if (values.rep === undefined || values.rep.trim() === '') usage('--rep NAME is required: whose review.');
    const from = checkDate('from', values.from);
    const to = checkDate('to', values.to);
    if (from > to) usage(`--from (${from}) is after --to (${to}).`);
    return { ...base, rep: values.rep!, from, to };
  }
  if (values.id === undefined) usage('--id ID is required: which one-on-one.');
  const id = Number(values.id);
  if (!/^\d+$/.test(values.id!) || !Number.isSafeInteger(id) || id < 1) usage(`--id must be a one-on-one number, a whole number above 0 (got “${values.id}”).`);
  return { ...base, id };
}

type Built = ExportDoc | { filename: string; ics: string };

function build(p: Parsed, today: string): Built {
  if (!fs.existsSync(p.dbPath)) throw new DataError(`--db: no database at ${p.dbPath}. Create one with: npm run cli -- demo --db ${p.dbPath}`);
  let db;
  try {
    db = openForCli(p.dbPath);
  } catch (err) {
    throw new DataError(`--db: could not open ${p.dbPath}: ${(err as Error).message}`);
  }
  try {
    const opts = { includePrivate: p.includePrivate, generatedOn: today };
    if (p.what === 'calendar') return { filename: `one-on-ones-${today}`, ics: calendarIcs(plannedMeetings(db, p.from ?? today)) };
    if (p.what === 'week') return weekPack(db, p.from!, today, opts);
    if (p.what === 'team') return teamReview(db, fixedClock(today), p.from!, p.to!, opts);
    if (p.what === 'review') {
      const rep = findRepByName(db, p.rep!);
      if (!rep) throw new DataError(`--rep: no rep called “${p.rep}”.`);
      return repReview(db, rep.id, p.from!, p.to!, opts);
    }
    try {
      return oneOnOneSummary(db, p.id!, today, opts);
    } catch (err) {
      if (err instanceof NotFoundError) throw new DataError(`--id: there is no one-on-one ${p.id}.`);
      throw err;
    }
  } finally {
    closeDatabase(db);
  }
}

/** Runs `export …`; resolves to the process exit code. */
export async function runExport(args: string[], io: Io, clock: Clock): Promise<number> {
  let p: Parsed;
  try {
    p = parse(args);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(`${err.message}\nUsage:\n${EXPORT_USAGE}`);
    return 2;
  }
  const today = (p.today ? fixedClock(p.today) : clock).today();
  try {
    const doc = build(p, today);
    const file = fs.existsSync(p.out) && fs.statSync(p.out).isDirectory() ? path.join(p.out, `${doc.filename}.${p.format}`) : p.out;
    if ('ics' in doc) fs.writeFileSync(file, doc.ics, { mode: PRIVATE_FILE_MODE });
    else if (p.format === 'md') fs.writeFileSync(file, doc.markdown, { mode: PRIVATE_FILE_MODE });
    else {
      try {
        await htmlToPdf(doc.html, file);
      } finally {
        await closePdfPrinter(); // the CLI exits when done: no browser kept for a next job
      }
    }
    io.out(`Wrote ${file}${p.includePrivate ? ' (includes private notes: do not share it)' : ''}\n`);
    return 0;
  } catch (err) {
    io.err(`${String((err as Error).message).split('\n')[0]}\n`);
    return 1;
  }
}
