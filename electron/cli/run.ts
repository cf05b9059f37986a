import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dispatch } from '../core/api/dispatch';
import { fixedClock, systemClock, type Clock } from '../core/clock';
import type { Ctx } from '../core/context';
import { closeDatabase } from '../core/db/open';
import { defaultDbPath } from '../core/paths';
import { openForCli } from './open';
import { findRepByName } from '../core/repos/reps';
import type { CallName } from '../../shared/api';
import { MARK_END, MARK_START, type SearchResults } from '../../shared/schemas/search';
import { isoDate } from '../../shared/schemas/common';
import { formatTable } from './table';
import { pipeline, repMetrics } from '../core/repos/metrics';
import { teamCoachability } from '../core/repos/coachability';
import { dealValueProps } from '../core/repos/valueProps';
import { stakeholderMap } from '../core/repos/stakeholders';
import { getDeal } from '../core/repos/deals';
import { metricsRows, roundForTable } from './metricsRows';
import { bySeverity, topFlag } from '../../shared/domain/flags';
import { EXPORT_USAGE, runExport } from './export';
import { IMPORT_USAGE, runImportCli } from './import';
import type { Io } from './io';

const USAGE = `Sales Manager Workbench CLI

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
${IMPORT_USAGE}${EXPORT_USAGE}
Options:
  --db FILE     the database file (default: the desktop app's own database)
  --json        machine-readable output
  --today DATE  treat DATE (YYYY-MM-DD) as today (for reproducible demos)
  --include-private  exports only: add the manager's private notes (never by default)
`;

class CliError extends Error {}

/** Runs one CLI command; returns the process exit code (a promise for `export`, which may print a PDF). */
export function runCli(argv: string[], io: Io, clock: Clock = systemClock): number | Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'export') return runExport(rest, io, clock);
  if (command === 'import') return runImportCli(rest, io, clock);
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: {
        db: { type: 'string' },
        seed: { type: 'string' },
        rep: { type: 'string' },
        outcome: { type: 'string' },
        today: { type: 'string' },
        'as-of': { type: 'string' },
        months: { type: 'string' },
        deal: { type: 'string' },
        json: { type: 'boolean', default: false },
        all: { type: 'boolean', default: false },
      },
      allowPositionals: command === 'search',
      strict: true,
    });
    if (command === 'search' && parsed.positionals.length !== 1) throw new Error('Say what to look for: search "TEXT" --db FILE.');
  } catch (err) {
    io.err(`${(err as Error).message}\nRun “npm run cli -- help” for usage.\n`);
    return 2;
  }
  const opts = parsed.values;
  const dbPath = path.resolve(opts.db ?? defaultDbPath());
  for (const flag of ['today', 'as-of'] as const) {
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
    switch (command) {
      case 'demo': {
        const seed = opts.seed === undefined ? 42 : Number(opts.seed);
        const r = call(ctx, 'demo.load', { seed }) as { reps: number; deals: number };
        io.out(
          opts.json
            ? JSON.stringify({ db: dbPath, ...r }) + '\n'
            : `Demo team written to ${dbPath}: ${r.reps} reps, ${r.deals} deals.\n`,
        );
        return 0;
      }
      case 'reps': {
        const reps = call(ctx, 'reps.list', { includeArchived: opts.all }) as {
          name: string;
          role: string;
          status: string;
          territory: string | null;
          quota: number;
        }[];
        io.out(
          opts.json
            ? JSON.stringify(reps, null, 2) + '\n'
            : formatTable(reps, ['name', 'role', 'status', 'territory', 'quota']),
        );
        return 0;
      }
      case 'deals': {
        const reps = opts.rep
          ? [findRepByName(db, opts.rep) ?? fail(`No rep called “${opts.rep}”.`)]
          : (call(ctx, 'reps.list', { includeArchived: true }) as { id: number }[]);
        const deals = reps.flatMap(
          (r) =>
            call(ctx, 'deals.listByRep', {
              repId: r.id,
              outcome: opts.outcome ?? 'all',
            }) as Record<string, unknown>[],
        );
        io.out(
          opts.json
            ? JSON.stringify(deals, null, 2) + '\n'
            : formatTable(deals, ['id', 'repName', 'accountName', 'name', 'stage', 'amount', 'outcome', 'expectedCloseDate']),
        );
        return 0;
      }
      case 'metrics': {
        const asOf = opts['as-of'] ?? useClock.today();
        const list = metricsRows(repMetrics(db, asOf, undefined, months));
        io.out(
          opts.json
            ? JSON.stringify(list, null, 2) + '\n'
            : formatTable(list.map(roundForTable), ['rep', 'winRate', 'wonCount', 'lostCount', 'avgWonDealSize', 'requiredCoverage', 'actualCoverage', 'dealsNeeded', 'newOppsPerWeek', 'diagnosis']),
        );
        return 0;
      }
      case 'coachability': {
        const asOf = opts['as-of'] ?? useClock.today();
        const rows = teamCoachability(db, asOf).map((r) => ({
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
        io.out(opts.json ? JSON.stringify(rows, null, 2) + '\n' : formatTable(rows, ['rep', 'status', 'concerning', 'observations', 'lastObservedOn']));
        return 0;
      }
      case 'search': {
        const found = call(ctx, 'search.query', { text: parsed.positionals[0]!, perKind: 20 }) as SearchResults;
        const plain = (t: string) => t.replaceAll(MARK_START, '').replaceAll(MARK_END, '');
        if (opts.json) io.out(JSON.stringify(found, null, 2) + '\n');
        else {
          const rows = found.groups.flatMap((g) => g.hits.map((h) => ({ kind: g.label, title: plain(h.title || h.snippet).slice(0, 60), context: h.context, date: h.date ?? '' })));
          io.out(rows.length ? formatTable(rows, ['kind', 'title', 'context', 'date']) : `Nothing found for “${found.text}”.\n`);
        }
        return 0;
      }
      case 'notes': {
        const rep = opts.rep ? (findRepByName(db, opts.rep) ?? fail(`--rep: no rep called “${opts.rep}”.`)) : null;
        let dealId: number | undefined;
        if (opts.deal !== undefined) {
          dealId = Number(opts.deal);
          if (!/^\d+$/.test(opts.deal) || dealId <= 0) fail('--deal must be a deal id (a whole number).');
          getDeal(db, dealId);
        }
        const notes = call(ctx, 'notes.list', { ...(rep ? { repId: rep.id } : {}), ...(dealId ? { dealId } : {}) }) as Record<string, unknown>[];
        io.out(
          opts.json
            ? JSON.stringify(notes, null, 2) + '\n'
            : formatTable(
                notes.map((n) => ({ ...n, body: String(n.body).replace(/\s+/g, ' ').slice(0, 80) })),
                ['noteDate', 'repName', 'kind', 'skill', 'visibility', 'dealName', 'body'],
              ),
        );
        return 0;
      }
      case 'stakeholders': {
        const dealId = Number(opts.deal);
        if (!Number.isInteger(dealId) || dealId <= 0) fail('--deal must be a deal id (a whole number).');
        const map = stakeholderMap(db, dealId, opts['as-of'] ?? useClock.today());
        io.out(
          opts.json
            ? JSON.stringify(map, null, 2) + '\n'
            : formatTable(map.stakeholders, ['name', 'title', 'role', 'stance', 'lastContactDate', 'nudgesSent']) + map.warnings.map((w) => `! ${w}\n`).join(''),
        );
        return 0;
      }
      case 'valueprops': {
        const asOf = opts['as-of'] ?? useClock.today();
        const flagsById = new Map(pipeline(db, asOf).deals.map((d) => [d.id, d]));
        const deals = db.prepare('SELECT DISTINCT deal_id AS id FROM value_prop_checks ORDER BY deal_id').all() as { id: number }[];
        const rows = deals.map(({ id }) => {
          const vp = dealValueProps(db, id, asOf);
          const latest = vp.checks[0];
          if (!latest) return null;
          const open = flagsById.get(id);
          return {
            dealId: id,
            deal: open?.name ?? getDeal(db, id).name,
            rep: open?.repName ?? getDeal(db, id).repName,
            score: latest.score,
            assessedOn: latest.assessedOn,
            tests: latest.results,
            history: vp.checks.map((c) => ({ assessedOn: c.assessedOn, score: c.score })),
            required: vp.required,
            flags: open?.flags ?? [],
          };
        }).filter((r) => r !== null);
        io.out(opts.json ? JSON.stringify(rows, null, 2) + '\n' : formatTable(rows, ['dealId', 'rep', 'deal', 'score', 'assessedOn']));
        return 0;
      }
      case 'flags': {
        const asOf = opts['as-of'] ?? useClock.today();
        // The same ranking as the Pipeline screen: attention, highest first.
        const flagged = pipeline(db, asOf).deals.filter((d) => d.flags.length > 0);
        const rows = flagged.map((d) => ({
          id: d.id, rep: d.repName, account: d.accountName, deal: d.name, stage: d.stage, amount: d.amount,
          expectedCloseDate: d.expectedCloseDate, attention: d.attention, severity: topFlag(d.flags)!.severity, reason: d.reason,
          flags: bySeverity(d.flags).map((f) => ({ code: f.code, severity: f.severity, reason: f.reason, question: f.question })),
        }));
        io.out(
          opts.json
            ? JSON.stringify(rows, null, 2) + '\n'
            : formatTable(rows.map((r) => ({ ...r, flags: r.flags.map((f) => `${f.code} (${f.severity})`).join(', ') })), ['attention', 'id', 'rep', 'deal', 'stage', 'amount', 'reason']),
        );
        return 0;
      }
      default:
        io.err(`Unknown command “${command}”.\n\n${USAGE}`);
        return 2;
    }
  } catch (err) {
    io.err(`${(err as Error).message}\n`);
    return 1;
  } finally {
    closeDatabase(db);
  }
}

function call(ctx: Ctx, name: CallName, input: unknown): unknown {
  const r = dispatch(ctx, name, input);
  if (!r.ok) throw new CliError(r.error.message);
  return r.value;
}

function fail(message: string): never {
  throw new CliError(message);
}
