/**
 * `import FILE`: a CRM export into the store, with the same rules as the import screen.
 * Options are checked before the database is opened; exit 2 for bad options, 1 when the
 * file cannot be imported (nothing written), 0 when it was (skipped rows are reported).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FIELD_DEFS, IMPORT_KINDS, type ImportField } from '../../shared/domain/import/fields';
import { headerKey } from '../../shared/domain/import/headers';
import { suggestMapping } from '../../shared/domain/import/mapping';
import { PRESETS } from '../../shared/domain/import/presets';
import { isoDate } from '../../shared/schemas/common';
import type { Outcome } from '../../shared/schemas/deal';
import { importChoicesInput, type ImportAnalysis, type ImportChoicesInput, type OwnerDecision } from '../../shared/schemas/imports';
import { describeIssues } from '../../shared/validation';
import { fixedClock, type Clock } from '../core/clock';
import type { Ctx } from '../core/context';
import { closeDatabase } from '../core/db/open';
import { stageFile } from '../core/files/staging';
import { backupBeforeImport } from '../core/import/backup';
import { startImport } from '../core/import/jobs';
import { columnValues, planImport, type ImportPlan } from '../core/import/plan';
import { defaultDbPath } from '../core/paths';
import { openForCli } from './open';
import type { Io } from './io';
import { formatTable } from './table';

export const IMPORT_USAGE = `  import FILE --db FILE [--kind deals|reps|accounts] [--preset auto|salesforce|salesforce-api|hubspot]
         [--map "Column=field,..."] [--header yes|no] [--dates mdy|dmy] [--currency CODE]
         [--stage-map "Value=won|lost|open|<a stage on your list>,..."] [--unknown-stages ask|open]
         [--owner-map "Owner in the file=Rep name,..."] [--default-owner NAME]
         [--closed-date-fallback COLUMN|created] [--same-name error|separate]
         [--dry-run] [--strict] [--save-mapping NAME] [--json]
                                        import a CRM export (CSV); valid rows are imported and bad
                                        ones listed (--strict: import nothing if any row fails);
                                        deals with a known CRM id are updated, not duplicated.
                                        --map changes only the columns it names; stages that
                                        cannot be read and owners given as ids are refused until
                                        --stage-map / --owner-map say what they are
`;

class UsageError extends Error {}
const usage = (msg: string): never => {
  throw new UsageError(msg);
};

/** "A=b,C=d" → [[A, b], [C, d]]; the last "=" splits, so a column name may contain one. */
function pairs(flag: string, text: string): [string, string][] {
  return text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const i = p.lastIndexOf('=');
      if (i <= 0 || i === p.length - 1) usage(`--${flag}: “${p}” should be written Name=value.`);
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()];
    });
}

const oneOf = <T extends string>(flag: string, value: string | undefined, allowed: readonly T[], hint = ''): T | undefined => {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) usage(`--${flag} must be ${allowed.join(' or ')}${hint} (got “${value}”).`);
  return value as T;
};

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
        header: { type: 'string' },
        dates: { type: 'string' },
        currency: { type: 'string' },
        'stage-map': { type: 'string' },
        'unknown-stages': { type: 'string' },
        'owner-map': { type: 'string' },
        'default-owner': { type: 'string' },
        'closed-date-fallback': { type: 'string' },
        'same-name': { type: 'string' },
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
    const kind = oneOf('kind', values.kind, IMPORT_KINDS);
    const preset = values.preset === 'auto' ? null : PRESETS.find((p) => p.id === values.preset);
    if (preset === undefined) usage(`--preset must be auto, ${PRESETS.map((p) => p.id).join(', ')} (got “${values.preset}”).`);
    const dates = oneOf('dates', values.dates, ['mdy', 'dmy'] as const, ' (3/14/2026 or 14/3/2026)');
    const header = oneOf('header', values.header, ['yes', 'no'] as const);
    const unknownStages = oneOf('unknown-stages', values['unknown-stages'], ['ask', 'open'] as const);
    const sameName = oneOf('same-name', values['same-name'], ['error', 'separate'] as const);
    if (values.currency !== undefined && !/^[A-Za-z]{3}$/.test(values.currency)) usage(`--currency must be a 3-letter code such as USD or EUR (got “${values.currency}”).`);
    if (values.today !== undefined && !isoDate.safeParse(values.today).success) usage('--today must be a real date written YYYY-MM-DD.');
    const stageAnswers = pairs('stage-map', values['stage-map'] ?? '');
    const ownerAnswers = pairs('owner-map', values['owner-map'] ?? '');
    const mapAnswers = pairs('map', values.map ?? '');
    const bytes = fs.readFileSync(file);

    const dbPath = path.resolve(values.db ?? defaultDbPath());
    try {
      ctx = { db: openForCli(dbPath), clock: values.today ? fixedClock(values.today) : clock, dbPath, shell: 'web' };
    } catch (err) {
      io.err(`Could not open ${dbPath}: ${(err as Error).message}\n`);
      return 1;
    }
    const c = ctx;
    const fileId = stageFile(path.basename(file), bytes).fileId;
    const choices: ImportChoicesInput = {
      fileId,
      ...(kind ? { kind } : {}),
      ...(header ? { hasHeader: header === 'yes' } : {}),
      ...(dates ? { dateOrder: dates } : {}),
      ...(values.currency ? { currency: values.currency.toUpperCase() } : {}),
      ...(values['default-owner'] !== undefined ? { defaultOwner: values['default-owner'] } : {}),
      ...(sameName ? { sameName } : {}),
    };
    const plan = (input: ImportChoicesInput): ImportPlan => {
      const parsed = importChoicesInput.safeParse(input);
      if (!parsed.success) usage(describeIssues(parsed.error).map((i) => `${i.field ? `${i.field}: ` : ''}${i.message}`)[0] ?? 'The options are not valid.');
      return planImport(c, parsed.data!);
    };

    // First what the file is recognised as; then the options change only what they name.
    let p = plan(choices);
    const headers = p.table.headers;
    const column = (flag: string, name: string): number => {
      const i = headers.findIndex((h) => headerKey(h) === headerKey(name));
      if (i < 0) usage(`--${flag}: the file has no column “${name}”. Its columns: ${headers.join(', ')}.`);
      return i;
    };
    const k = p.choices.kind;
    if (preset || mapAnswers.length) {
      let mapping: (ImportField | null)[] = preset ? suggestMapping(k, headers, preset, (i) => columnValues(p.table, i, 200)).mapping : [...p.choices.mapping];
      const fields = FIELD_DEFS[k];
      for (const [name, target] of mapAnswers) {
        const i = column('map', name);
        const field = target.toLowerCase() === 'ignore' ? null : fields.find((f) => f.key.toLowerCase() === target.toLowerCase() || f.label.toLowerCase() === target.toLowerCase());
        if (field === undefined) usage(`--map: “${target}” is not a ${k} field. Use one of: ${fields.map((f) => f.key).join(', ')}, or ignore.`);
        mapping = mapping.map((m) => (field && m === field.key ? null : m)); // a field fills one column
        mapping[i] = field ? field.key : null;
      }
      choices.mapping = mapping;
    }
    const fallback = values['closed-date-fallback'];
    if (fallback !== undefined) choices.closedDateFallback = fallback.toLowerCase() === 'created' ? 'created' : column('closed-date-fallback', fallback);
    const team = p.analysis.teamStages;
    const stageOutcomes: Record<string, Outcome> = {};
    const stageNames: Record<string, string> = {};
    for (const [stage, answer] of stageAnswers) {
      const onList = team.find((s) => s.toLowerCase() === answer.toLowerCase());
      if (['won', 'lost', 'open'].includes(answer.toLowerCase())) stageOutcomes[stage] = answer.toLowerCase() as Outcome;
      else if (onList) {
        stageOutcomes[stage] = 'open';
        stageNames[stage] = onList;
      } else usage(`--stage-map: “${answer}” for ${stage} must be won, lost, open or a stage on your list (${team.join(', ')}).`);
    }
    choices.stageOutcomes = stageOutcomes;
    choices.stageNames = stageNames;
    const repIds = new Map((c.db.prepare('SELECT id, name FROM reps').all() as { id: number; name: string }[]).map((r) => [r.name.toLowerCase(), r.id]));
    const owners: Record<string, OwnerDecision> = {};
    for (const [owner, rep] of ownerAnswers) owners[owner] = repIds.get(rep.toLowerCase()) ?? { create: rep };
    choices.owners = owners;

    p = plan(choices);
    if (unknownStages === 'open') {
      const unread = p.analysis.stages.filter((s) => s.outcome === null);
      if (unread.length) {
        for (const s of unread) stageOutcomes[s.value] = 'open';
        p = plan(choices);
      }
    }
    const a = p.analysis;
    const names = new Map<number, string>();
    for (const r of c.db.prepare('SELECT id, name FROM reps').all() as { id: number; name: string }[]) names.set(r.id, r.name);
    const repName = (id: number) => names.get(id) ?? String(id);
    const problem = a.blockers.map((b) => cliBlocker(b, a))[0];
    if (problem) {
      report(io, values.json, p, { error: problem }, repName);
      return 1;
    }
    if (values['dry-run']) {
      report(io, values.json, p, { dryRun: true, created: a.counts.create, updated: a.counts.update, skipped: a.counts.errors }, repName);
      return 0;
    }
    if (values.strict && a.counts.errors) {
      report(io, values.json, p, { error: `${a.counts.errors} row${a.counts.errors === 1 ? '' : 's'} cannot be imported; nothing was imported (--strict).` }, repName);
      return 1;
    }
    const job = startImport(c, { ...importChoicesInput.parse(choices), skipInvalid: true, saveMappingAs: values['save-mapping'] }, { backup: backupBeforeImport }, p);
    const done = await job.done;
    if (done.phase !== 'done' || !done.result) {
      report(io, values.json, p, { error: done.error ?? 'The import failed; nothing was written.' }, repName);
      return 1;
    }
    const r = done.result;
    report(io, values.json, p, { created: r.created, updated: r.updated, unchanged: r.unchanged, skipped: r.skipped, repsCreated: r.repsCreated, backup: r.backup }, repName);
    await job.searchable; // the new deals' search entries, before the file is closed
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

/** The screen's question, said with the option that answers it. */
function cliBlocker(b: ImportAnalysis['blockers'][number], a: ImportAnalysis): string {
  const rows = (n: number) => `${n.toLocaleString('en-US')} row${n === 1 ? '' : 's'}`;
  switch (b.field) {
    case 'mapping':
      return `No column for ${a.missing.map((f) => a.fields.find((d) => d.key === f)!.label).join(', ')}: add --map "Column=field"${a.missing.includes('owner') ? ' (or --default-owner NAME)' : ''}.`;
    case 'dateOrder':
      return `Dates such as ${a.dateOrder.examples[0]} could be day-first or month-first: pass --dates dmy or --dates mdy.`;
    case 'stageOutcomes': {
      const open = a.stages.filter((s) => s.outcome === null && s.fromFlags < s.count);
      return (
        `${open.length} stage value${open.length === 1 ? '' : 's'} cannot be read: ${open.map((s) => `“${s.value}” (${rows(s.count)})`).join(', ')}. ` +
        `Say what each means with --stage-map "${open.map((s) => `${s.value}=lost`).join(',')}" (won, lost, open, or a stage on your list: ${a.teamStages.join(', ')}), ` +
        'or pass --unknown-stages open to import them as open deals.'
      );
    }
    case 'owners': {
      const ids = a.owners.filter((o) => o.decision === null);
      return (
        `${ids.length} owner${ids.length === 1 ? ' is' : 's are'} an id or e-mail in the CRM: ${ids.map((o) => `“${o.name}” (${rows(o.count)})`).join(', ')}. ` +
        `Say who each is with --owner-map "${ids.map((o) => `${o.name}=${o.kind === 'email' ? o.newName : 'Rep Name'}`).join(',')}" (an existing rep, or a new one by that name).`
      );
    }
    default:
      return b.message;
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

type Report = { dryRun?: boolean; created?: number; updated?: number; unchanged?: number; skipped?: number; repsCreated?: number; backup?: string | null; error?: string };

function report(io: Io, json: boolean, p: ImportPlan, o: Report, repName: (id: number) => string): void {
  const a = p.analysis;
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
        header: a.header,
        columns: a.columns.map((c) => ({ column: c.header, field: c.field })),
        stages: a.stages.map((s) => ({ value: s.value, rows: s.count, outcome: s.outcome, stage: s.stage, how: s.how, fromFlags: s.fromFlags })),
        owners: a.owners.map((ow) => ({ owner: ow.name, rows: ow.count, kind: ow.kind, matchedBy: ow.matchedBy, becomes: becomes(ow.name, ow.decision, repName) })),
        fallbacks: a.fallbacks,
        errors: p.errors,
        warnings: [...a.warnings, ...a.mappingNotes],
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
  for (const f of a.fallbacks) io.out(`Note: ${f.text}\n`);
  for (const w of [...a.warnings, ...a.mappingNotes]) io.out(`Note: ${w}\n`);
  // Until the date order is answered every such date is an error: the one line above says it.
  const errors = o.error && a.dateOrder.needed && !a.dateOrder.chosen ? p.errors.filter((e) => !/choose the date order/.test(e.reason)) : p.errors;
  if (errors.length) {
    io.out(`\nRows that cannot be imported:\n`);
    const rows = errors.slice(0, 50).map((e) => ({ Row: e.row, Column: e.column, Value: e.value.replace(/\s+/g, ' '), Reason: e.reason }));
    io.out(formatTable(rows, ['Row', 'Column', 'Value', 'Reason']));
    if (errors.length > 50) io.out(`…and ${errors.length - 50} more (use --json for all).\n`);
  }
}

/** What an owner becomes, for the JSON report: an existing rep, a new rep, or nothing yet. */
function becomes(owner: string, d: OwnerDecision | null, repName: (id: number) => string): { repId: number; rep: string } | { newRep: string } | null {
  if (d === null) return null;
  if (typeof d === 'number') return { repId: d, rep: repName(d) };
  return { newRep: d === 'create' ? owner : d.create };
}
