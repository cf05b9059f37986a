/**
 * `import FILE`: a CRM export into the store, with the same rules as the import screen.
 * Options are checked before the database is opened; exit 2 for bad options, 1 when the
 * file cannot be imported (nothing written), 0 when it was (skipped rows are reported).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FIELD_DEFS, IMPORT_KINDS, type ImportField, type ImportKind } from '../../shared/domain/import/fields';
import { normalizeHeader, PRESETS, suggestMapping } from '../../shared/domain/import/presets';
import { parseCsv } from '../../shared/domain/import/csv';
import { isoDate } from '../../shared/schemas/common';
import type { Outcome } from '../../shared/schemas/deal';
import { importChoicesInput, type ImportAnalysis } from '../../shared/schemas/imports';
import { describeIssues } from '../../shared/validation';
import { fixedClock, type Clock } from '../core/clock';
import type { Ctx } from '../core/context';
import { closeDatabase } from '../core/db/open';
import { stageFile } from '../core/files/staging';
import { backupBeforeImport } from '../core/import/backup';
import { startImport } from '../core/import/jobs';
import { planImport } from '../core/import/plan';
import { defaultDbPath } from '../core/paths';
import { openForCli } from './open';
import type { Io } from './run';
import { formatTable } from './table';

export const IMPORT_USAGE = `  import FILE --db FILE [--kind deals|reps|accounts] [--preset auto|salesforce|salesforce-api|hubspot]
         [--map "Column=field,..."] [--stage-map "Value=won|lost|open,..."] [--dates mdy|dmy]
         [--dry-run] [--strict] [--save-mapping NAME] [--json]
                                        import a CRM export (CSV); valid rows are imported and bad
                                        ones listed (--strict: import nothing if any row fails);
                                        deals with a known CRM id are updated, not duplicated
`;

class UsageError extends Error {}
const usage = (msg: string): never => {
  throw new UsageError(msg);
};

/** "A=b,C=d" → [[A, b], [C, d]]; a value may itself contain "=" only in the left part's quotes. */
function pairs(flag: string, text: string): [string, string][] {
  return text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const i = p.lastIndexOf('=');
      if (i <= 0 || i === p.length - 1) usage(`--${flag}: “${p}” should be written Column=value.`);
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()];
    });
}

export async function runImportCli(args: string[], io: Io, clock: Clock): Promise<number> {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      options: {
        db: { type: 'string' },
        kind: { type: 'string' },
        preset: { type: 'string', default: 'auto' },
        map: { type: 'string' },
        'stage-map': { type: 'string' },
        dates: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        'save-mapping': { type: 'string' },
        json: { type: 'boolean', default: false },
        today: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    }));
  } catch (err) {
    io.err(`${(err as Error).message.split('\n')[0]}\n`);
    return 2;
  }
  let ctx: Ctx | null = null;
  try {
    if (positionals.length !== 1) usage(positionals.length ? 'Give one file to import.' : 'Say which file to import: import FILE --db FILE.');
    const file = path.resolve(positionals[0]!);
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) usage(`No file at ${file}.`);
    if (values.kind !== undefined && !IMPORT_KINDS.includes(values.kind as ImportKind)) usage(`--kind must be deals, reps or accounts (got “${values.kind}”).`);
    const preset = values.preset === 'auto' ? null : PRESETS.find((p) => p.id === values.preset);
    if (preset === undefined) usage(`--preset must be auto, ${PRESETS.map((p) => p.id).join(', ')} (got “${values.preset}”).`);
    if (values.dates !== undefined && values.dates !== 'mdy' && values.dates !== 'dmy') usage(`--dates must be mdy (3/14/2026) or dmy (14/3/2026) (got “${values.dates}”).`);
    if (values.today !== undefined && !isoDate.safeParse(values.today).success) usage('--today must be a real date written YYYY-MM-DD.');
    const bytes = fs.readFileSync(file);
    const table = parseCsv(bytes);
    const kind = (values.kind as ImportKind | undefined) ?? preset?.kind;

    // Start from the preset (or what the file is recognised as), then apply --map.
    let mapping: (ImportField | null)[] | undefined;
    if (preset || values.map) {
      const k = kind ?? 'deals';
      mapping = suggestMapping(table.headers, k, preset ?? null);
      const fields = FIELD_DEFS[k];
      for (const [column, target] of pairs('map', values.map ?? '')) {
        const i = table.headers.findIndex((h) => normalizeHeader(h) === normalizeHeader(column));
        if (i < 0) usage(`--map: the file has no column “${column}”. Its columns: ${table.headers.join(', ')}.`);
        const field = target.toLowerCase() === 'ignore' ? null : fields.find((f) => f.key.toLowerCase() === target.toLowerCase() || f.label.toLowerCase() === target.toLowerCase());
        if (field === undefined) usage(`--map: “${target}” is not a ${k} field. Use one of: ${fields.map((f) => f.key).join(', ')}, or ignore.`);
        mapping = mapping.map((m) => (field && m === field.key ? null : m)); // a field fills one column
        mapping[i] = field ? field.key : null;
      }
    }
    const stageOutcomes: Record<string, Outcome> = {};
    for (const [stage, outcome] of pairs('stage-map', values['stage-map'] ?? '')) {
      if (!['won', 'lost', 'open'].includes(outcome)) usage(`--stage-map: “${outcome}” for ${stage} must be won, lost or open.`);
      stageOutcomes[stage] = outcome as Outcome;
    }

    const dbPath = path.resolve(values.db ?? defaultDbPath());
    try {
      ctx = { db: openForCli(dbPath), clock: values.today ? fixedClock(values.today) : clock, dbPath, shell: 'web' };
    } catch (err) {
      io.err(`Could not open ${dbPath}: ${(err as Error).message}\n`);
      return 1;
    }
    const fileId = stageFile(path.basename(file), bytes).fileId;
    const input = importChoicesInput.safeParse({ fileId, kind, mapping, stageOutcomes, dateOrder: values.dates ?? undefined });
    if (!input.success) usage(describeIssues(input.error)[0]?.message ?? 'The options are not valid.');
    const plan = planImport(ctx, input.data!);
    const a = plan.analysis;
    const problem = a.problems[0] ??
      (a.missing.length ? `No column for ${a.missing.map((f) => a.fields.find((d) => d.key === f)!.label).join(', ')}: add --map "Column=field".` : null) ??
      (a.dateOrder.needed && !a.dateOrder.chosen ? `Dates such as ${a.dateOrder.examples[0]} could be day-first or month-first: pass --dates dmy or --dates mdy.` : null);
    if (problem) {
      report(io, values.json, a, { error: problem });
      return 1;
    }
    if (values['dry-run']) {
      report(io, values.json, a, { dryRun: true, created: a.counts.create, updated: a.counts.update, skipped: a.counts.errors });
      return 0;
    }
    if (values.strict && a.counts.errors) {
      report(io, values.json, a, { error: `${a.counts.errors} row${a.counts.errors === 1 ? '' : 's'} cannot be imported; nothing was imported (--strict).` });
      return 1;
    }
    const job = startImport(
      ctx,
      { ...input.data!, skipInvalid: true, saveMappingAs: values['save-mapping'] },
      { backup: backupBeforeImport },
      plan,
    );
    const done = await job.done;
    if (done.phase !== 'done' || !done.result) {
      report(io, values.json, a, { error: done.error ?? 'The import failed; nothing was written.' });
      return 1;
    }
    const r = done.result;
    report(io, values.json, a, { created: r.created, updated: r.updated, unchanged: r.unchanged, skipped: r.skipped, repsCreated: r.repsCreated, backup: r.backup });
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\n`);
      return 2;
    }
    io.err(`${(err as Error).message}\n`);
    return 1;
  } finally {
    if (ctx) closeDatabase(ctx.db);
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

type Report = { dryRun?: boolean; created?: number; updated?: number; unchanged?: number; skipped?: number; repsCreated?: number; backup?: string | null; error?: string };

function report(io: Io, json: boolean, a: ImportAnalysis, o: Report): void {
  if (json) {
    io.out(
      JSON.stringify({
        file: a.fileName,
        kind: a.kind,
        preset: a.preset?.id ?? null,
        dryRun: o.dryRun ?? false,
        rows: a.counts.rows,
        created: o.created ?? 0,
        updated: o.updated ?? 0,
        unchanged: o.unchanged ?? 0,
        skipped: o.skipped ?? 0,
        duplicates: a.counts.duplicates,
        repsCreated: o.repsCreated ?? 0,
        errors: a.errors,
        warnings: a.warnings,
        backup: o.backup ?? null,
        ...(o.error ? { error: o.error } : {}),
      }) + '\n',
    );
    return;
  }
  const what = `${a.fileName}${a.preset ? ` (${a.preset.label})` : ''}`;
  if (o.error) io.err(`${o.error}\n`);
  else {
    const verb = o.dryRun ? 'Would import' : 'Imported';
    io.out(
      `${verb} ${what}: ${o.created} created, ${o.updated} updated${o.dryRun ? '' : `, ${o.unchanged} unchanged`}, ${o.skipped} skipped` +
        `${a.counts.duplicates ? `, ${plural(a.counts.duplicates, 'duplicate row')} ignored` : ''}${o.repsCreated ? `, ${plural(o.repsCreated, 'new rep')}` : ''}.\n`,
    );
    if (o.backup) io.out(`Backup taken first: ${o.backup}\n`);
  }
  for (const w of a.warnings) io.out(`Note: ${w}\n`);
  // Until the date order is answered every such date is an error: the one line above says it.
  const errors = o.error && a.dateOrder.needed && !a.dateOrder.chosen ? a.errors.filter((e) => !/choose the date order/.test(e.reason)) : a.errors;
  if (errors.length) {
    io.out(`\nRows that cannot be imported:\n`);
    const rows = errors.slice(0, 50).map((e) => ({ Row: e.row, Column: e.column, Value: e.value.replace(/\s+/g, ' '), Reason: e.reason }));
    io.out(formatTable(rows, ['Row', 'Column', 'Value', 'Reason']));
    if (errors.length > 50) io.out(`…and ${errors.length - 50} more (use --json for all).\n`);
  }
}
