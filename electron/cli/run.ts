import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dispatch } from '../core/api/dispatch';
import { fixedClock, systemClock, type Clock } from '../core/clock';
import type { Ctx } from '../core/context';
import { closeDatabase } from '../core/db/open';
import { defaultDbPath } from '../core/paths';
import { openForCli } from './open';
import type { CallInput, CallName, CallOutput } from '../../shared/api';
import { MARK_END, MARK_START } from '../../shared/schemas/search';
import { isoDate } from '../../shared/schemas/common';
import type { Rep } from '../../shared/schemas/rep';
import { formatTable } from './table';
import { metricsRows, roundForTable } from './metricsRows';
import { bySeverity, topFlag } from '../../shared/domain/flags';
import { exportUsage, runExport } from './export';
import { IMPORT_USAGE, runImportCli } from './import';
import type { Io } from './io';

/** A function: the export part formats a number, and ICU's start-up is paid only when the text is shown. */
const usage = (): string => `Sales Manager Workbench CLI

Usage: npm run cli -- <command> [options]

Commands:
  demo  --db FILE [--seed N]            create a demo team in an empty database
  reps  --db FILE [--all] [--json]      list reps (--all includes archived)
  deals --db FILE [--rep NAME] [--outcome open|won|lost|all] [--json]
                                        list deals, optionally for one rep
  metrics --db FILE [--as-of DATE] [--months N] [--json]
                                        per-rep win rate, coverage, needs, diagnosis
  notes --db FILE [--rep NAME] [--deal ID] [--json]
                                        coaching notes, newest first (deal reviews with their answers)
  stakeholders --db FILE --deal ID [--json]
                                        a deal's stakeholder map, warnings and gatekeeper playbook
  valueprops --db FILE [--as-of DATE] [--json]
                                        per assessed deal: score out of 7, the tests, history, flags
  coachability --db FILE [--as-of DATE] [--json]
                                        per rep: status (pattern only over weeks) and the reasons
  search TEXT --db FILE [--json]        reps, deals, accounts, coaching notes, one-on-one notes and
                                        commitments whose words start with TEXT's words
  flags --db FILE [--as-of DATE] [--json]
                                        open deals with integrity flags, and why
  agenda --db FILE --rep NAME [--date DATE] [--json]
                                        Prepare for the rep's next planned one-on-one (or the one
                                        on DATE): each item's kind, title, minutes, selected, why
${IMPORT_USAGE}${exportUsage()}
Options:
  --db FILE     the database file (default: the desktop app's own database)
  --json        machine-readable output
  --today DATE  treat DATE (YYYY-MM-DD) as today (for reproducible demos)
  --include-private  exports only: add the manager's private notes (never by default)
`;

class CliError extends Error {}

const OPTIONS = {
  db: { type: 'string' },
  seed: { type: 'string' },
  rep: { type: 'string' },
  outcome: { type: 'string' },
  today: { type: 'string' },
  'as-of': { type: 'string' },
  date: { type: 'string' },
  months: { type: 'string' },
  deal: { type: 'string' },
  json: { type: 'boolean', default: false },
  all: { type: 'boolean', default: false },
} as const;

/** What a command gets: the store behind the typed API, the parsed options, and how to print. */
interface Run {
  ctx: Ctx;
  dbPath: string;
  opts: { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };
  positionals: string[];
  asOf: string;
  months: number | undefined;
  /** JSON with --json, else a table (or a sentence) for people. */
  print: (json: unknown, text: () => string) => void;
}

/**
 * Every read or write goes through the typed API, as the app's screens do: the same validation,
 * the same answers. A refusal becomes the CLI's one-line error.
 */
function call<N extends CallName>(ctx: Ctx, name: N, input: CallInput<N>): CallOutput<N> {
  const r = dispatch(ctx, name, input);
  if (!r.ok) throw new CliError(r.error.message);
  return r.value as CallOutput<N>;
}

function fail(message: string): never {
  throw new CliError(message);
}

/** A rep by exact name (archived included), or a one-line error naming the option. */
function repNamed(ctx: Ctx, name: string, option = '--rep'): Rep {
  return call(ctx, 'reps.list', { includeArchived: true }).find((r) => r.name === name.trim()) ?? fail(`${option}: no rep called “${name}”.`);
}

function dealIdOption(value: string | undefined): number {
  const id = Number(value);
  if (value === undefined || !/^\d+$/.test(value) || id <= 0) fail('--deal must be a deal id (a whole number).');
  return id;
}

/** The commands, by name: each reads its options and prints through `print`. */
const COMMANDS: Record<string, (r: Run) => void> = {
  demo: ({ ctx, dbPath, opts, print }) => {
    const r = call(ctx, 'demo.load', { seed: opts.seed === undefined ? 42 : Number(opts.seed) });
    print({ db: dbPath, ...r }, () => `Demo team written to ${dbPath}: ${r.reps} reps, ${r.deals} deals.\n`);
  },
  reps: ({ ctx, opts, print }) => {
    const reps = call(ctx, 'reps.list', { includeArchived: opts.all === true });
    print(reps, () => formatTable(reps, ['name', 'role', 'status', 'territory', 'quota']));
  },
  deals: ({ ctx, opts, print }) => {
    const reps = opts.rep ? [repNamed(ctx, opts.rep)] : call(ctx, 'reps.list', { includeArchived: true });
    const outcome = (opts.outcome ?? 'all') as CallInput<'deals.listByRep'>['outcome'];
    const deals = reps.flatMap((r) => call(ctx, 'deals.listByRep', { repId: r.id, outcome }));
    print(deals, () => formatTable(deals, ['id', 'repName', 'accountName', 'name', 'stage', 'amount', 'outcome', 'expectedCloseDate']));
  },
  metrics: ({ ctx, asOf, months, print }) => {
    const list = metricsRows(call(ctx, 'metrics.list', { asOf, ...(months ? { months } : {}) }));
    print(list, () => formatTable(list.map(roundForTable), ['rep', 'winRate', 'wonCount', 'lostCount', 'avgWonDealSize', 'requiredCoverage', 'actualCoverage', 'dealsNeeded', 'newOppsPerWeek', 'diagnosis']));
  },
  coachability: ({ ctx, asOf, print }) => {
    const rows = call(ctx, 'coachability.team', { asOf }).map((r) => ({
      rep: r.name,
      repId: r.repId,
      status: r.judgement.status,
      headline: r.judgement.headline,
      reasons: r.judgement.reasons,
      signs: r.judgement.signs,
      observations: r.judgement.observationsInWindow,
      concerning: r.judgement.concerning,
      lastObservedOn: r.judgement.lastObservedOn,
      topPerformerRisk: r.judgement.topPerformerRisk,
    }));
    print(rows, () => formatTable(rows, ['rep', 'status', 'concerning', 'observations', 'lastObservedOn']));
  },
  search: ({ ctx, positionals, print }) => {
    const found = call(ctx, 'search.query', { text: positionals[0]!, perKind: 20 });
    const plain = (t: string) => t.replaceAll(MARK_START, '').replaceAll(MARK_END, '');
    print(found, () => {
      const rows = found.groups.flatMap((g) => g.hits.map((h) => ({ kind: g.label, title: plain(h.title || h.snippet).slice(0, 60), context: h.context, date: h.date ?? '' })));
      return rows.length ? formatTable(rows, ['kind', 'title', 'context', 'date']) : `Nothing found for “${found.text}”.\n`;
    });
  },
  notes: ({ ctx, opts, print }) => {
    const rep = opts.rep ? repNamed(ctx, opts.rep) : null;
    const dealId = opts.deal === undefined ? undefined : call(ctx, 'deals.get', { id: dealIdOption(opts.deal) }).deal.id;
    const notes = call(ctx, 'notes.list', { ...(rep ? { repId: rep.id } : {}), ...(dealId ? { dealId } : {}) });
    print(notes, () =>
      formatTable(
        notes.map((n) => ({ ...n, body: n.body.replace(/\s+/g, ' ').slice(0, 80) })),
        ['noteDate', 'repName', 'kind', 'skill', 'visibility', 'dealName', 'body'],
      ),
    );
  },
  stakeholders: ({ ctx, opts, asOf, print }) => {
    const map = call(ctx, 'stakeholders.map', { dealId: dealIdOption(opts.deal), asOf });
    print(map, () => formatTable(map.stakeholders, ['name', 'title', 'role', 'stance', 'lastContactDate', 'nudgesSent']) + map.warnings.map((w) => `! ${w}\n`).join(''));
  },
  valueprops: ({ ctx, asOf, print }) => {
    const rows = call(ctx, 'valueProps.assessed', { asOf });
    print(rows, () => formatTable(rows, ['dealId', 'rep', 'deal', 'score', 'assessedOn']));
  },
  flags: ({ ctx, asOf, print }) => {
    // The same ranking as the Pipeline screen: attention, highest first.
    const rows = call(ctx, 'pipeline.flagged', { asOf }).map((d) => ({
        id: d.id,
        rep: d.repName,
        account: d.accountName,
        deal: d.name,
        stage: d.stage,
        amount: d.amount,
        expectedCloseDate: d.expectedCloseDate,
        attention: d.attention,
        severity: topFlag(d.flags)!.severity,
        reason: d.reason,
        flags: bySeverity(d.flags).map((f) => ({ code: f.code, severity: f.severity, reason: f.reason, question: f.question })),
      }));
    print(rows, () => formatTable(rows.map((r) => ({ ...r, flags: r.flags.map((f) => `${f.code} (${f.severity})`).join(', ') })), ['attention', 'id', 'rep', 'deal', 'stage', 'amount', 'reason']));
  },
  agenda: ({ ctx, opts, asOf, print }) => {
    if (!opts.rep) fail('--rep NAME is required: whose one-on-one to prepare.');
    const rep = repNamed(ctx, opts.rep);
    const planned = call(ctx, 'oneOnOnes.list', { repId: rep.id }).filter((m) => m.status === 'planned');
    const meeting = opts.date
      ? (planned.find((m) => m.meetingDate === opts.date) ?? fail(`--date: no planned one-on-one with ${rep.name} on ${opts.date}.`))
      : ([...planned].sort((a, b) => a.meetingDate.localeCompare(b.meetingDate))[0] ?? fail(`No planned one-on-one with ${rep.name}: schedule one in the app first.`));
    // As pressing Prepare in the app: carried items no longer true come off the agenda first.
    const prepared = call(ctx, 'oneOnOnes.prepare', { id: meeting.id, asOf });
    const items = prepared.items.map((i) => ({ kind: i.sourceKind, sourceId: i.sourceId, title: i.title, minutes: i.minutes, selected: i.selected, why: i.why, detail: i.detail }));
    print({ rep: rep.name, meetingId: meeting.id, meetingDate: meeting.meetingDate, meetingMinutes: prepared.meetingMinutes, onAgendaMinutes: prepared.onAgendaMinutes, selectedMinutes: prepared.selectedMinutes, dropped: prepared.dropped, items }, () =>
      `One-on-one with ${rep.name} on ${meeting.meetingDate}: ${prepared.onAgendaMinutes} min on the agenda + ${prepared.selectedMinutes} min selected of ${prepared.meetingMinutes}.\n` +
      prepared.dropped.map((d) => `- taken off: ${d.title} (${d.why})\n`).join('') +
      formatTable(items.map((i) => ({ ...i, selected: i.selected ? 'yes' : '' })), ['selected', 'minutes', 'kind', 'title', 'why']),
    );
  },
};

/** Runs one CLI command; returns the process exit code (a promise for `export`, which may print a PDF). */
export function runCli(argv: string[], io: Io, clock: Clock = systemClock): number | Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.out(usage());
    return command ? 0 : 2;
  }
  if (command === 'export') return runExport(rest, io, clock);
  if (command === 'import') return runImportCli(rest, io, clock);
  const run = COMMANDS[command];
  if (!run) {
    io.err(`Unknown command “${command}”.\n\n${usage()}`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: OPTIONS, allowPositionals: command === 'search', strict: true });
    if (command === 'search' && parsed.positionals.length !== 1) throw new Error('Say what to look for: search "TEXT" --db FILE.');
  } catch (err) {
    io.err(`${(err as Error).message}\nRun “npm run cli -- help” for usage.\n`);
    return 2;
  }
  const opts = parsed.values;
  const dbPath = path.resolve(opts.db ?? defaultDbPath());
  for (const flag of ['today', 'as-of', 'date'] as const) {
    if (opts[flag] !== undefined && !isoDate.safeParse(opts[flag]).success) {
      io.err(`--${flag} must be a real date written YYYY-MM-DD.\n`);
      return 2;
    }
  }
  const months = opts.months === undefined ? undefined : Number(opts.months);
  if (months !== undefined && !(Number.isInteger(months) && months >= 1 && months <= 36)) {
    io.err('--months must be a whole number from 1 to 36.\n');
    return 2;
  }
  const useClock = opts.today ? fixedClock(opts.today) : clock;

  if (command !== 'demo' && !fs.existsSync(dbPath)) {
    io.err(`No database at ${dbPath}. Create one with: npm run cli -- demo --db ${dbPath}\n`);
    return 1;
  }
  let db;
  try {
    db = openForCli(dbPath);
  } catch (err) {
    io.err(`Could not open ${dbPath}: ${(err as Error).message}\n`);
    return 1;
  }
  const ctx: Ctx = { db, clock: useClock, dbPath, shell: 'web' };
  try {
    run({
      ctx,
      dbPath,
      opts,
      positionals: parsed.positionals,
      asOf: opts['as-of'] ?? useClock.today(),
      months,
      print: (json, text) => io.out(opts.json ? JSON.stringify(json, null, 2) + '\n' : text()),
    });
    return 0;
  } catch (err) {
    io.err(`${(err as Error).message}\n`);
    return 1;
  } finally {
    closeDatabase(db);
  }
}
