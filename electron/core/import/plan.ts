import type { z } from 'zod';
import { cellsOf, readCsvRecords, shapeTable, type CsvTable, type ParsedCsv } from '../../../shared/domain/import/csv';
import { dateOrderCounter, detectedOrder, type DateOrderEvidence } from '../../../shared/domain/import/dates';
import { describeFallbacks } from '../../../shared/domain/import/fallbacks';
import { DATE_FIELDS, FIELD_DEFS, fieldLabel, type ImportField, type ImportKind } from '../../../shared/domain/import/fields';
import { suggestMapping } from '../../../shared/domain/import/mapping';
import { nameFromEmail, ownerKind } from '../../../shared/domain/import/owners';
import { detectPreset, headerSignature, type Preset } from '../../../shared/domain/import/presets';
import {
  decideStage,
  dealKey,
  emptyStats,
  missingRequired,
  nocase,
  normalizedRows,
  type ClosedDateFallback,
  type ImportChoices,
  type ImportedAccount,
  type ImportedDeal,
  type ImportedRep,
  type RowError,
} from '../../../shared/domain/import/rows';
import { readStage } from '../../../shared/domain/import/stages';
import { valuesFit } from '../../../shared/domain/import/values';
import type { ImportAnalysis, importChoicesInput, OwnerChoice, OwnerDecision, StageChoice } from '../../../shared/schemas/imports';
import type { Ctx } from '../context';
import { InvalidError } from '../errors';
import { releaseBytes, stagedFile } from '../files/staging';
import { getSettings } from '../repos/settings';
import { applyMapping, getMapping, mappingForHeaders, type StoredMapping } from './mappings';

type ChoicesInput = z.output<typeof importChoicesInput>;

/** An owner as the file writes it (lower case) → the rep it becomes: an id, or a new rep's name. */
export type OwnerPlan = Map<string, number | { create: string }>;

/** Everything an import needs, worked out from the file, the store and the manager's choices. */
export interface ImportPlan {
  fileName: string;
  table: CsvTable;
  preset: Preset | null;
  saved: StoredMapping | null;
  choices: ImportChoices;
  /** Valid rows that will be written (owners waiting for an answer excluded). */
  valid: number;
  /** Every row error (the analysis lists the first 1,000). */
  errors: RowError[];
  duplicates: number;
  owners: OwnerPlan;
  /** Owners the manager matched by hand: remembered for the next export (rep_aliases). */
  aliases: Map<string, number | { create: string }>;
  analysis: ImportAnalysis;
}

// Reading a 250,000-row file takes a second: keep the last files' records, and each shape.
const parsed = new Map<string, { file: ParsedCsv; shaped: Map<boolean, CsvTable> }>();
function tableFor(fileId: string, hasHeader: boolean | undefined): { name: string; table: CsvTable } {
  const staged = stagedFile(fileId);
  let entry = parsed.get(fileId);
  if (!entry) {
    if (staged.released) throw new InvalidError('The file is no longer loaded. Choose it again.', 'file');
    entry = { file: readCsvRecords(staged.bytes), shaped: new Map() };
    releaseBytes(fileId); // the records hold the file now: its bytes need not stay in memory too
    parsed.set(fileId, entry);
    while (parsed.size > 2) parsed.delete(parsed.keys().next().value!);
  }
  const useHeader = hasHeader ?? entry.file.headerDetected;
  let table = entry.shaped.get(useHeader);
  if (!table) entry.shaped.set(useHeader, (table = shapeTable(entry.file, useHeader)));
  return { name: staged.name, table };
}

const MAX_ERRORS_SHOWN = 1000;

function guessKind(headers: string[]): ImportKind {
  const h = headers.map((x) => x.toLowerCase());
  if (h.some((x) => /stage|amount|close|phase|étape|etapa|стади|сумма|betrag|montant|importe/.test(x))) return 'deals';
  if (h.some((x) => /quota|e-?mail|hire/.test(x))) return 'reps';
  if (h.some((x) => /industry|segment/.test(x))) return 'accounts';
  return 'deals';
}

/** How a file's date columns read (day-first, month-first, either): each column read once per file. */
const evidenceCache = new WeakMap<CsvTable, Map<number, DateOrderEvidence>>();
function dateEvidence(table: CsvTable, columns: number[]): DateOrderEvidence {
  let perColumn = evidenceCache.get(table);
  if (!perColumn) evidenceCache.set(table, (perColumn = new Map()));
  const missing = [...new Set(columns)].filter((c) => !perColumn!.has(c));
  if (missing.length) {
    // Every missing column in one pass: each row is split once, not once per column.
    const counters = missing.map(() => dateOrderCounter());
    for (const r of table.rows) {
      const cells = cellsOf(r);
      for (let k = 0; k < missing.length; k++) counters[k]!.add(cells[missing[k]!] ?? '');
    }
    missing.forEach((c, k) => perColumn!.set(c, counters[k]!.evidence));
  }
  const all = columns.map((c) => perColumn!.get(c)!);
  return {
    dmy: all.reduce((s, e) => s + e.dmy, 0),
    mdy: all.reduce((s, e) => s + e.mdy, 0),
    ambiguous: all.reduce((s, e) => s + e.ambiguous, 0),
    examples: [...new Set(all.flatMap((e) => e.examples))].slice(0, 3),
  };
}

/** Up to 200 non-empty values of each column (in file order), read once per file and shape. */
const SAMPLE = 200;
const sampleCache = new WeakMap<CsvTable, string[][]>();
function columnSamples(table: CsvTable): string[][] {
  let samples = sampleCache.get(table);
  if (samples) return samples;
  samples = table.headers.map(() => []);
  let open = table.headers.length;
  for (const r of table.rows) {
    cellsOf(r).forEach((c, i) => {
      const v = c.trim();
      const list = samples![i];
      if (v && list && list.length < SAMPLE && list.push(v) === SAMPLE) open--;
    });
    if (open === 0) break;
  }
  sampleCache.set(table, samples);
  return samples;
}

/** Up to `n` non-empty values of a column, for judging what it holds (`distinct` for showing). */
export function columnValues(table: CsvTable, column: number, n: number, distinct = false): string[] {
  const all = columnSamples(table)[column] ?? [];
  if (!distinct) return all.slice(0, n);
  return [...new Set(all)].slice(0, n);
}

// The plan the screen last showed: starting the import with the same choices, on a store
// nothing has written to since, does not read the whole file a second time.
let last: { key: string; db: Ctx['db']; changes: number; today: string; plan: ImportPlan } | null = null;

export function planImport(ctx: Ctx, input: ChoicesInput & { skipInvalid?: boolean; saveMappingAs?: string | undefined }): ImportPlan {
  const { skipInvalid: _skip, saveMappingAs: _save, ...choicesOnly } = input;
  const key = JSON.stringify(choicesOnly);
  const changes = ctx.db.prepare('SELECT total_changes()').pluck().get() as number;
  const today = ctx.clock.today();
  if (last && last.key === key && last.db === ctx.db && last.changes === changes && last.today === today) return last.plan;
  const plan = makePlan(ctx, choicesOnly);
  last = { key, db: ctx.db, changes, today, plan };
  return plan;
}

function makePlan(ctx: Ctx, input: ChoicesInput): ImportPlan {
  const { name: fileName, table } = tableFor(input.fileId, input.hasHeader);
  const preset = table.hasHeader ? detectPreset(table.headers) : null;
  const signature = headerSignature(table.headers);
  const saved = input.savedMappingId ? getMapping(ctx.db, input.savedMappingId) : table.hasHeader ? mappingForHeaders(ctx.db, signature) : null;
  const kind: ImportKind = input.kind ?? saved?.kind ?? preset?.kind ?? guessKind(table.headers);
  if (input.mapping && input.mapping.length !== table.headers.length) {
    throw new InvalidError(`The mapping has ${input.mapping.length} columns but the file has ${table.headers.length}. Choose the file again.`, 'mapping');
  }
  const suggested = suggestMapping(kind, table.headers, preset, (i) => columnValues(table, i, 200));
  const mapping = input.mapping ?? (saved && saved.kind === kind ? applyMapping(saved, table.headers) : suggested.mapping);
  const allowed = new Set(FIELD_DEFS[kind].map((d) => d.key));
  const stray = mapping.find((f) => f && !allowed.has(f));
  if (stray) throw new InvalidError(`“${stray}” is not a field of a ${kind} import.`, 'mapping');
  const settings = getSettings(ctx.db);
  const opts = saved?.options ?? {};

  // A won or lost deal without a close date may take one from another date column.
  const savedFallback = opts.closedDateFallback === 'created' ? 'created' : opts.closedDateFallback ? table.headers.indexOf(opts.closedDateFallback) : -1;
  const closedDateFallback: ClosedDateFallback = input.closedDateFallback !== undefined ? input.closedDateFallback : savedFallback === -1 ? null : savedFallback;
  if (typeof closedDateFallback === 'number' && closedDateFallback >= table.headers.length) {
    throw new InvalidError('The column chosen for missing close dates is not in this file.', 'closedDateFallback');
  }

  // Dates: decide day-first or month-first from the file when it tells, else ask.
  const dateColumns = mapping.flatMap((f, i) => (f && DATE_FIELDS.includes(f) ? [i] : []));
  if (typeof closedDateFallback === 'number') dateColumns.push(closedDateFallback);
  const evidence = dateEvidence(table, dateColumns);
  const detected = detectedOrder(evidence);
  const choices: ImportChoices = {
    kind,
    mapping,
    dateOrder: input.dateOrder ?? saved?.dateOrder ?? detected,
    stageOutcomes: { ...(saved?.stageOutcomes ?? {}), ...(input.stageOutcomes ?? {}) },
    stageNames: { ...(opts.stageNames ?? {}), ...(input.stageNames ?? {}) },
    teamStages: settings.stages,
    defaultCurrency: input.currency ?? opts.currency ?? settings.currency,
    closedDateFallback,
    defaultOwner: input.defaultOwner !== undefined ? input.defaultOwner : (opts.defaultOwner ?? null),
    sameName: input.sameName ?? opts.sameName ?? 'error',
    today: ctx.clock.today(),
  };
  const missing = missingRequired(kind, mapping, choices.defaultOwner);
  // One pass over the rows: the records are tallied, never kept (the write reads them again).
  const n = missing.length || table.problems.length ? null : tallyRows(ctx, table, choices);
  const errors = n?.stats.errors ?? [];

  const stages = kind === 'deals' && n ? stageChoices(n.stats.stageRows, choices) : [];
  const { owners, ownerRows, aliases } = kind === 'deals' && n ? resolveOwners(ctx, n.owners, input.owners ?? {}) : { owners: new Map(), ownerRows: [], aliases: new Map() };
  const waiting = ownerRows.filter((o) => o.decision === null).map((o) => n!.owners.get(nocase(o.name))!);
  const waitingOwnerRows = waiting.reduce((sum, o) => sum + o.count, 0);
  const create = (n?.create ?? 0) - waiting.reduce((sum, o) => sum + o.create, 0);
  const update = (n?.update ?? 0) - waiting.reduce((sum, o) => sum + o.update, 0);
  const valid = create + update;

  const header = (i: number | null | 'created') => (typeof i === 'number' ? (table.headers[i] ?? '') : 'the created date');
  const renamed = stages.find((s) => s.outcome === 'open' && s.stage && s.stage !== s.value);
  const fallbacks = describeFallbacks(n?.stats.fallbacks ?? {}, {
    closedDateColumn: header(closedDateFallback),
    defaultOwner: choices.defaultOwner ?? '',
    currency: choices.defaultCurrency,
    flagColumns: mapping.flatMap((f, i) => (f === 'isWon' || f === 'isClosed' ? [`“${table.headers[i]}”`] : [])).join(' and '),
    renamedExample: renamed ? `“${renamed.value}” as ${renamed.stage}` : '',
  });
  const dateCandidates = table.headers.flatMap((h, index) =>
    mapping[index] !== 'closeDate' && valuesFit('closeDate', columnValues(table, index, 200)) && columnValues(table, index, 1).length ? [{ index, header: h }] : [],
  );

  const analysis: ImportAnalysis = {
    fileId: input.fileId,
    fileName,
    kind,
    encoding: table.encoding,
    delimiter: table.delimiter,
    footerLines: table.footerLines,
    header: { hasHeader: table.hasHeader, detected: readHeaderDetected(input.fileId), titleLines: table.titleLines, repeatedHeaders: table.repeatedHeaders },
    preset: preset && preset.kind === kind ? { id: preset.id, label: preset.label } : null,
    savedMapping: saved ? { id: saved.id, name: saved.name } : null,
    fields: FIELD_DEFS[kind],
    columns: table.headers.map((h, index) => ({ index, header: h, samples: columnValues(table, index, 3, true).map(clip), field: mapping[index] ?? null })),
    missing,
    mappingNotes: input.mapping || saved ? [] : suggested.notes,
    dateOrder: { needed: evidence.ambiguous > 0 && detected === null, detected, chosen: choices.dateOrder, examples: evidence.examples },
    teamStages: settings.stages,
    stages,
    owners: ownerRows,
    defaultOwner: { chosen: choices.defaultOwner, rowsWithout: n?.stats.withoutOwner ?? 0 },
    closedDate: { withoutDate: n?.stats.closedWithoutDate ?? 0, fallback: closedDateFallback, candidates: dateCandidates, createdMapped: mapping.includes('createdDate') },
    currency: { chosen: choices.defaultCurrency, team: settings.currency, hasColumn: mapping.includes('currency'), amountsWithout: n?.stats.fallbacks.currency_default ?? 0 },
    sameName: { conflicts: n?.stats.sameNameConflicts ?? 0, chosen: choices.sameName },
    fallbacks,
    counts: {
      rows: table.rows.length,
      valid,
      create,
      update,
      errors: new Set(errors.map((e) => e.row)).size,
      duplicates: n?.stats.duplicates ?? 0,
      waiting: (n?.stats.unanswered ?? 0) + waitingOwnerRows,
    },
    errors: errors.slice(0, MAX_ERRORS_SHOWN),
    problems: table.problems,
    warnings: warningsFor(kind, mapping, table),
    blockers: [],
  };
  analysis.blockers = blockersOf(analysis);
  return { fileName, table, preset, saved, choices, valid, errors, duplicates: n?.stats.duplicates ?? 0, owners, aliases, analysis };
}

const clip = (v: string) => (v.length > 60 ? `${v.slice(0, 57)}…` : v);
const readHeaderDetected = (fileId: string) => parsed.get(fileId)?.file.headerDetected ?? true;

/** Stage values as written in the file, with how each is read and the outcome it gets. */
function stageChoices(stageRows: Map<string, { count: number; fromFlags: number }>, choices: ImportChoices): StageChoice[] {
  const out: StageChoice[] = [];
  for (const [value, { count, fromFlags }] of stageRows) {
    const decided = decideStage(value, choices);
    out.push({
      value,
      count,
      suggested: readStage(value, choices.teamStages).outcome,
      outcome: decided.outcome,
      stage: decided.outcome === 'open' ? decided.stage : null,
      how: decided.how,
      fromFlags,
    });
  }
  // Questions first, then the biggest.
  return out.sort((a, b) => Number(a.outcome !== null || a.fromFlags === a.count) - Number(b.outcome !== null || b.fromFlags === b.count) || b.count - a.count || a.value.localeCompare(b.value));
}

/**
 * Owners: a rep remembered from an earlier import (an id or e-mail matched by hand), a rep
 * by name (any case), a rep by e-mail; other names become new reps unless matched by hand,
 * and ids or e-mails nobody matched wait for the manager.
 */
function resolveOwners(ctx: Ctx, counts: Map<string, OwnerTally>, asked: Record<string, OwnerDecision>) {
  const owners: OwnerPlan = new Map();
  const aliases = new Map<string, number | { create: string }>();
  const ownerRows: OwnerChoice[] = [];
  if (counts.size === 0) return { owners, ownerRows, aliases };
  const reps = ctx.db.prepare('SELECT id, name, email FROM reps').all() as { id: number; name: string; email: string | null }[];
  const byName = new Map(reps.map((r) => [nocase(r.name), r.id]));
  const byEmail = new Map(reps.filter((r) => r.email).map((r) => [nocase(r.email!), r.id]));
  const remembered = new Map((ctx.db.prepare('SELECT alias, rep_id AS repId FROM rep_aliases').all() as { alias: string; repId: number }[]).map((a) => [nocase(a.alias), a.repId]));
  const repIds = new Set(reps.map((r) => r.id));
  for (const [key, { name, count }] of counts) {
    const kind = ownerKind(name);
    const alias = remembered.get(key);
    const fromEmail = kind === 'email' ? nocase(nameFromEmail(name)) : '';
    const matched: [number, OwnerChoice['matchedBy']] | null =
      alias !== undefined ? [alias, 'earlier import']
      : byName.has(key) ? [byName.get(key)!, 'name']
      : kind === 'email' && byEmail.has(key) ? [byEmail.get(key)!, 'email']
      : fromEmail && byName.has(fromEmail) ? [byName.get(fromEmail)!, 'name in the e-mail']
      : null;
    const answer = asked[name];
    if (typeof answer === 'number' && !repIds.has(answer)) throw new InvalidError(`The rep chosen for “${name}” no longer exists.`, 'owners');
    const newName = kind === 'email' ? nameFromEmail(name) || name : name;
    const decision: OwnerDecision | null = answer ?? matched?.[0] ?? (kind === 'name' ? 'create' : null);
    if (decision !== null) {
      const target = decision === 'create' ? { create: name } : decision;
      owners.set(key, target);
      if (answer !== undefined && kind !== 'name') aliases.set(name, target);
      if (answer !== undefined && kind === 'name' && typeof answer === 'number' && answer !== byName.get(key)) aliases.set(name, answer);
    }
    ownerRows.push({ name, count, kind, matchedRepId: matched?.[0] ?? null, matchedBy: matched?.[1] ?? null, decision, newName });
  }
  // Those waiting for an answer first, then new reps, then matches; biggest first.
  const order = (o: OwnerChoice) => (o.decision === null ? 0 : o.matchedRepId === null ? 1 : 2);
  ownerRows.sort((a, b) => order(a) - order(b) || b.count - a.count || a.name.localeCompare(b.name));
  return { owners, ownerRows, aliases };
}

/** Per owner (as written, lower case): rows, and how many would add a deal or update one. */
interface OwnerTally {
  name: string;
  count: number;
  create: number;
  update: number;
}

/**
 * One pass over the valid rows (counted, not kept: the write reads them again): how many would add a record and how many would update one
 * (per owner, so rows waiting for an owner can be left out). The existing keys are read
 * once: one scan beats 250,000 single-row lookups. Deals imported as separate deals under
 * one name match the existing ones of that name in order, as the write does.
 */
function tallyRows(ctx: Ctx, table: CsvTable, choices: ImportChoices) {
  const stats = emptyStats();
  const owners = new Map<string, OwnerTally>();
  let create = 0;
  let update = 0;
  const rows = normalizedRows(table, choices, stats);
  if (choices.kind !== 'deals') {
    const names = new Set(ctx.db.prepare(choices.kind === 'reps' ? 'SELECT name FROM reps' : 'SELECT name FROM accounts').pluck().all().map((x) => nocase(x as string)));
    for (const r of rows) {
      if (names.has(nocase((r as ImportedRep | ImportedAccount).name))) update++;
      else create++;
    }
    return { stats, owners, create, update };
  }
  const ids = new Set(ctx.db.prepare('SELECT external_id FROM deals WHERE external_id IS NOT NULL').pluck().all() as string[]);
  let named: Map<string, number> | null = null;
  const namedLeft = () => {
    if (named) return named;
    named = new Map();
    const rows = ctx.db.prepare('SELECT d.name, a.name AS account FROM deals d LEFT JOIN accounts a ON a.id = d.account_id WHERE d.external_id IS NULL').all() as { name: string; account: string | null }[];
    for (const r of rows) {
      const key = dealKey({ externalId: null, name: r.name, accountName: r.account });
      named.set(key, (named.get(key) ?? 0) + 1);
    }
    return named;
  };
  for (const r of rows) {
    const d = r as ImportedDeal;
    const ownerKey = nocase(d.owner);
    let o = owners.get(ownerKey);
    if (!o) owners.set(ownerKey, (o = { name: d.owner, count: 0, create: 0, update: 0 }));
    o.count++;
    let exists: boolean;
    if (d.externalId) exists = ids.has(d.externalId);
    else {
      const left = namedLeft();
      const key = dealKey(d);
      const n = left.get(key) ?? 0;
      exists = n > 0;
      if (exists) left.set(key, n - 1);
    }
    if (exists) {
      update++;
      o.update++;
    } else {
      create++;
      o.create++;
    }
  }
  return { stats, owners, create, update };
}

function warningsFor(kind: ImportKind, mapping: (ImportField | null)[], table: CsvTable): string[] {
  const w: string[] = [];
  if (table.footerLines) w.push(`The report footer Salesforce adds under the rows (${table.footerLines} lines) was left out.`);
  if (table.titleLines) w.push(`${table.titleLines} title line${table.titleLines === 1 ? '' : 's'} above the column names ${table.titleLines === 1 ? 'was' : 'were'} left out.`);
  if (table.repeatedHeaders) w.push(`${table.repeatedHeaders} repeated header row${table.repeatedHeaders === 1 ? '' : 's'} and group title${table.repeatedHeaders === 1 ? '' : 's'} inside the file ${table.repeatedHeaders === 1 ? 'was' : 'were'} skipped.`);
  if (!table.hasHeader) w.push('The first row holds data, not column names: the columns are numbered. Say what each one is below.');
  if (kind !== 'deals') return w;
  if (!mapping.includes('name')) w.push('No deal name column: each deal is named after its account and product, or its CRM id.');
  const accountColumn = mapping.indexOf('accountName');
  if (accountColumn >= 0) {
    const values = columnValues(table, accountColumn, 200);
    if (values.length && values.filter((v) => ownerKind(v) === 'id').length >= values.length * 0.8) {
      w.push(`“${table.headers[accountColumn]}” holds CRM ids, not company names: each account will be named by its id. Choose a column with the company's name if the file has one.`);
    }
  }
  if (!mapping.includes('externalId')) w.push('No CRM id column: deals are matched by name and account, so a renamed deal would be added again.');
  if (!mapping.includes('createdDate')) w.push('No created date column: deals count as created today (closed ones on their close date), so cycle times and new-opportunity counts will be off.');
  return w;
}

/** What stops the import, each said with what to do, and the choice that answers it. */
function blockersOf(a: ImportAnalysis): ImportAnalysis['blockers'] {
  const b: ImportAnalysis['blockers'] = a.problems.map((message) => ({ field: 'file', message }));
  if (a.missing.length) {
    const names = a.missing.map((f) => fieldLabel(a.kind, f));
    b.push({ field: 'mapping', message: `Choose a column for ${names.join(', ')}${a.missing.includes('owner') ? ' (or a rep for rows without an owner)' : ''}.` });
  }
  if (a.dateOrder.needed && !a.dateOrder.chosen) {
    b.push({ field: 'dateOrder', message: `Dates such as ${a.dateOrder.examples[0] ?? '03/04/2026'} could be day-first or month-first: choose the date order.` });
  }
  const open = a.stages.filter((s) => s.outcome === null && s.fromFlags < s.count);
  if (open.length) {
    const list = `${open.slice(0, 5).map((s) => `“${s.value}”`).join(', ')}${open.length > 5 ? '…' : ''}`;
    b.push({ field: 'stageOutcomes', message: `Say what ${open.length === 1 ? 'this stage means' : `these ${open.length} stages mean`} (open, won or lost): ${list}.` });
  }
  const ids = a.owners.filter((o) => o.decision === null);
  if (ids.length) {
    const list = `${ids.slice(0, 3).map((o) => `“${o.name}”`).join(', ')}${ids.length > 3 ? '…' : ''}`;
    b.push({ field: 'owners', message: `Choose the rep for ${ids.length === 1 ? 'an owner that is' : `${ids.length} owners that are`} an id or e-mail in the CRM: ${list}.` });
  }
  if (!b.length && a.counts.valid === 0) b.push({ field: 'rows', message: 'There are no valid rows to import.' });
  return b;
}
