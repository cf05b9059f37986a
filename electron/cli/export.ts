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
import { ONE_ON_ONE_COPIES, SUMMARY_MAX, reviewSummary, type OneOnOneCopy } from '../../shared/schemas/exports';
import { fixedClock, type Clock } from '../core/clock';
import { closeDatabase } from '../core/db/open';
import { NotFoundError } from '../core/errors';
import { oneOnOneSummary } from '../core/export/oneOnOneSummary';
import { closePdfPrinter, htmlToPdf } from '../core/export/pdf';
import { PRIVATE_FILE_MODE } from '../core/db/fileModes';
import type { ExportDoc } from '../core/export/render';
import { TOP_FLAGGED, repReview } from '../core/export/repReview';
import { teamReview } from '../core/export/teamReview';
import { weekPack } from '../core/export/weekPack';
import { calendarIcs } from '../core/export/calendar';
import { plannedMeetings } from '../core/repos/oneOnOneWeek';
import { DATA_FILES } from '../core/data/exportData';
import { defaultDbPath } from '../core/paths';
import { openForCli } from './open';
import { findRepByName } from '../core/repos/reps';
import type { Io } from './io';

/** A function: formatting the number starts ICU (25 ms), which a command that is not shown this text should not pay. */
export const exportUsage = (): string => `  export review --db FILE --rep NAME --from DATE --to DATE --format md|pdf --out FILE
                [--summary TEXT|@FILE] [--include-private]
                                        a rep review over a period: a one-page summary (your
                                        --summary first, up to ${SUMMARY_MAX.toLocaleString('en-US')} characters; @FILE reads it
                                        from a file), then metrics, diagnosis, the top ${TOP_FLAGGED}
                                        flagged deals, commitments, coaching notes, one-on-ones
  export one-on-one --db FILE --id ID --format md|pdf --out FILE [--copy rep|manager]
                                        one one-on-one: agenda, notes, commitments; --copy rep
                                        (the default) leaves out the private note and coaching
                                        prompts, --copy manager keeps them (--include-private
                                        means the same)
  export team --db FILE --from DATE --to DATE --format md|pdf --out FILE
                                        a team review: results, top performers vs the rest,
                                        each rep's attainment, diagnosis and development focus,
                                        talent and effort (your placement beside the data's),
                                        needs attention, neglect, commitments kept
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
  summary?: string | null;
  copy?: OneOnOneCopy;
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
        summary: { type: 'string' },
        copy: { type: 'string' },
      },
      allowPositionals: false,
      strict: true,
    }));
  } catch (err) {
    return usage((err as Error).message.split('\n')[0]!);
  }
  const NOT_FOR = {
    review: ['id', 'copy'],
    team: ['id', 'rep', 'include-private', 'summary', 'copy'],
    'one-on-one': ['rep', 'from', 'to', 'summary'],
    week: ['id', 'rep', 'to', 'summary', 'copy'],
    calendar: ['id', 'rep', 'to', 'include-private', 'format', 'summary', 'copy'],
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
    return { ...base, rep: values.rep!, from, to, summary: checkSummary(values.summary) };
  }
  const copy = values.copy ?? (values['include-private'] ? 'manager' : 'rep');
  if (!ONE_ON_ONE_COPIES.includes(copy as OneOnOneCopy)) usage(`--copy must be rep or manager (got “${copy}”).`);
  if (copy === 'rep' && values['include-private']) usage('--include-private asks for the manager’s copy: leave out --copy rep, or use --copy manager.');
  if (values.id === undefined) usage('--id ID is required: which one-on-one.');
  const id = Number(values.id);
  if (!/^\d+$/.test(values.id!) || !Number.isSafeInteger(id) || id < 1) usage(`--id must be a one-on-one number, a whole number above 0 (got “${values.id}”).`);
  return { ...base, id, copy: copy as OneOnOneCopy, includePrivate: copy === 'manager' };
}

/** The most a --summary file may hold before it is even read (the summary itself is checked by the schema). */
const SUMMARY_FILE_MAX_BYTES = 64 * 1024;

/** `--summary TEXT` or `--summary @FILE`: read, then checked by the same rule as the export dialog. */
function checkSummary(v: string | undefined): string | null {
  if (v === undefined) return null;
  let text = v;
  if (v.startsWith('@')) {
    const file = path.resolve(v.slice(1));
    if (!v.slice(1) || !fs.existsSync(file) || !fs.statSync(file).isFile()) usage(`--summary: no file at ${file} (write the text itself, or @FILE to read it from a file).`);
    if (fs.statSync(file).size > SUMMARY_FILE_MAX_BYTES) usage(`--summary: ${file} is too long: keep the summary to ${SUMMARY_MAX.toLocaleString('en-US')} characters (about a third of a page).`);
    text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  }
  const r = reviewSummary.safeParse(text);
  if (!r.success) usage(`--summary ${r.error.issues[0]!.message}${text.trim().length > SUMMARY_MAX ? ` (it has ${text.trim().length.toLocaleString('en-US')})` : ''}.`);
  return r.data ?? null;
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
    if (p.what === 'calendar') return { filename: `${DATA_FILES.calendar.base}-${today}`, ics: calendarIcs(plannedMeetings(db, p.from ?? today)) };
    if (p.what === 'week') return weekPack(db, p.from!, today, opts);
    if (p.what === 'team') return teamReview(db, fixedClock(today), p.from!, p.to!, opts);
    if (p.what === 'review') {
      const rep = findRepByName(db, p.rep!);
      if (!rep) throw new DataError(`--rep: no rep called “${p.rep}”.`);
      return repReview(db, rep.id, p.from!, p.to!, { ...opts, summary: p.summary ?? null });
    }
    try {
      return oneOnOneSummary(db, p.id!, today, { generatedOn: today, copy: p.copy ?? 'rep' });
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
    io.err(`${err.message}\nUsage:\n${exportUsage()}`);
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
    const note = p.what === 'one-on-one' ? (p.includePrivate ? ' (the manager’s copy, with private notes: do not share it)' : ' (the rep’s copy)') : p.includePrivate ? ' (includes private notes: do not share it)' : '';
    io.out(`Wrote ${file}${note}\n`);
    return 0;
  } catch (err) {
    io.err(`${String((err as Error).message).split('\n')[0]}\n`);
    return 1;
  }
}
