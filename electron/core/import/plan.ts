import type { z } from 'zod';
import { parseCsv, type CsvTable } from '../../../shared/domain/import/csv';
import { dateOrderEvidence, detectedOrder } from '../../../shared/domain/import/dates';
import { DATE_FIELDS, FIELD_DEFS, type ImportKind } from '../../../shared/domain/import/fields';
import { detectPreset, headerSignature, suggestMapping, type Preset } from '../../../shared/domain/import/presets';
import { missingRequired, normalizeRows, type ImportChoices, type ImportedDeal, type ImportedRecord, type RowError } from '../../../shared/domain/import/rows';
import { suggestOutcome } from '../../../shared/domain/import/values';
import type { ImportAnalysis, importChoicesInput, OwnerChoice, StageChoice } from '../../../shared/schemas/imports';
import type { Ctx } from '../context';
import { InvalidError } from '../errors';
import { stagedFile } from '../files/staging';
import { getSettings } from '../repos/settings';
import { applyMapping, getMapping, mappingForHeaders, type StoredMapping } from './mappings';

type ChoicesInput = z.output<typeof importChoicesInput>;

/** Everything an import needs, worked out from the file, the store and the manager's choices. */
export interface ImportPlan {
  fileName: string;
  table: CsvTable;
  preset: Preset | null;
  saved: StoredMapping | null;
  choices: ImportChoices;
  records: ImportedRecord[];
  errors: RowError[];
  duplicates: number;
  /** Deals only: owner name (lower case) → rep id or "create". */
  owners: Map<string, number | 'create'>;
  analysis: ImportAnalysis;
}

// Parsing a 250,000-row file takes a second or two: keep the last few parsed tables.
const parsed = new Map<string, CsvTable>();
function tableFor(fileId: string): { name: string; table: CsvTable } {
  const file = stagedFile(fileId);
  let table = parsed.get(fileId);
  if (!table) {
    table = parseCsv(file.bytes);
    parsed.set(fileId, table);
    while (parsed.size > 2) parsed.delete(parsed.keys().next().value!);
  }
  return { name: file.name, table };
}

const MAX_ERRORS_SHOWN = 1000;

function guessKind(headers: string[]): ImportKind {
  const h = headers.map((x) => x.toLowerCase());
  if (h.some((x) => /stage|amount|close/.test(x))) return 'deals';
  if (h.some((x) => /quota|e-?mail|hire/.test(x))) return 'reps';
  if (h.some((x) => /industry|segment/.test(x))) return 'accounts';
  return 'deals';
}

export function planImport(ctx: Ctx, input: ChoicesInput): ImportPlan {
  const { name: fileName, table } = tableFor(input.fileId);
  const preset = detectPreset(table.headers);
  const signature = headerSignature(table.headers);
  const saved = input.savedMappingId ? getMapping(ctx.db, input.savedMappingId) : mappingForHeaders(ctx.db, signature);
  const kind: ImportKind = input.kind ?? saved?.kind ?? preset?.kind ?? guessKind(table.headers);
  if (input.mapping && input.mapping.length !== table.headers.length) {
    throw new InvalidError(`The mapping has ${input.mapping.length} columns but the file has ${table.headers.length}. Choose the file again.`, 'mapping');
  }
  const mapping =
    input.mapping ??
    (saved && saved.kind === kind ? applyMapping(saved, table.headers) : suggestMapping(table.headers, kind, preset));
  const allowed = new Set(FIELD_DEFS[kind].map((d) => d.key));
  const stray = mapping.find((f) => f && !allowed.has(f));
  if (stray) throw new InvalidError(`“${stray}” is not a field of a ${kind} import.`, 'mapping');

  // Dates: decide day-first or month-first from the file when it tells, else ask.
  const dateColumns = mapping.flatMap((f, i) => (f && DATE_FIELDS.includes(f) ? [i] : []));
  const evidence = dateOrderEvidence(
    (function* () {
      for (const r of table.rows) for (const i of dateColumns) yield r.cells[i] ?? '';
    })(),
  );
  const detected = detectedOrder(evidence);
  const chosen = input.dateOrder ?? saved?.dateOrder ?? detected;
  const settings = getSettings(ctx.db);
  const stageOutcomes = { ...(saved?.stageOutcomes ?? {}), ...(input.stageOutcomes ?? {}) };
  const choices: ImportChoices = { kind, mapping, dateOrder: chosen, stageOutcomes, defaultCurrency: settings.currency, today: ctx.clock.today() };
  const missing = missingRequired(kind, mapping);
  const normalized = missing.length || table.problems.length ? { records: [], errors: [], duplicates: 0 } : normalizeRows(table, choices);

  // Stages as written in the file, with their outcome.
  const stages: StageChoice[] = [];
  const stageCol = kind === 'deals' ? mapping.indexOf('stage') : -1;
  if (stageCol >= 0) {
    const counts = new Map<string, number>();
    for (const r of table.rows) {
      const v = (r.cells[stageCol] ?? '').trim();
      if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    for (const [value, count] of counts) {
      const suggested = suggestOutcome(value);
      stages.push({ value, count, suggested, outcome: stageOutcomes[value] ?? suggested });
    }
    stages.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }

  // Owners: existing reps by name (any case); others are created unless mapped to a rep.
  const owners = new Map<string, number | 'create'>();
  const ownerRows: OwnerChoice[] = [];
  const errors = [...normalized.errors];
  if (kind === 'deals') {
    const findRep = ctx.db.prepare('SELECT id FROM reps WHERE name = ?');
    const repExists = ctx.db.prepare('SELECT 1 FROM reps WHERE id = ?');
    const counts = new Map<string, { name: string; count: number }>();
    for (const d of normalized.records as ImportedDeal[]) {
      const key = d.owner.toLowerCase();
      const c = counts.get(key) ?? { name: d.owner, count: 0 };
      c.count++;
      counts.set(key, c);
    }
    for (const [key, { name, count }] of counts) {
      const matched = (findRep.get(name) as { id: number } | undefined)?.id ?? null;
      const asked = input.owners?.[name];
      if (typeof asked === 'number' && !repExists.get(asked)) throw new InvalidError(`The rep chosen for “${name}” no longer exists.`, 'owners');
      const decision = asked ?? matched ?? 'create';
      owners.set(key, decision);
      ownerRows.push({ name, count, matchedRepId: matched, decision: asked ?? matched ?? 'create' });
    }
    ownerRows.sort((a, b) => Number(a.matchedRepId !== null) - Number(b.matchedRepId !== null) || b.count - a.count);
  }

  const { create, update } = countExisting(ctx, kind, normalized.records);
  const warnings = warningsFor(kind, mapping, table, stages, settings.stages);
  const samples = (i: number) => {
    const out: string[] = [];
    for (const r of table.rows) {
      const v = (r.cells[i] ?? '').trim();
      if (v && !out.includes(v)) out.push(v.length > 60 ? `${v.slice(0, 57)}…` : v);
      if (out.length === 3) break;
    }
    return out;
  };
  const analysis: ImportAnalysis = {
    fileId: input.fileId,
    fileName,
    kind,
    encoding: table.encoding,
    delimiter: table.delimiter,
    footerLines: table.footerLines,
    preset: preset && preset.kind === kind ? { id: preset.id, label: preset.label } : null,
    savedMapping: saved ? { id: saved.id, name: saved.name } : null,
    fields: FIELD_DEFS[kind],
    columns: table.headers.map((header, index) => ({ index, header, samples: samples(index), field: mapping[index] ?? null })),
    missing,
    dateOrder: {
      needed: evidence.ambiguous > 0 && detected === null,
      detected,
      chosen,
      examples: evidence.examples,
    },
    stages,
    owners: ownerRows,
    counts: {
      rows: table.rows.length,
      valid: normalized.records.length,
      create,
      update,
      errors: new Set(errors.map((e) => e.row)).size,
      duplicates: normalized.duplicates,
    },
    errors: errors.slice(0, MAX_ERRORS_SHOWN),
    problems: table.problems,
    warnings,
  };
  return { fileName, table, preset, saved, choices, records: normalized.records, errors, duplicates: normalized.duplicates, owners, analysis };
}

/** SQLite's NOCASE and lower() fold ASCII letters only; match them exactly. */
export const nocase = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/**
 * How many valid rows would add a new record and how many would update one. The existing
 * keys are read once into a set: one scan beats 250,000 single-row lookups.
 */
function countExisting(ctx: Ctx, kind: ImportKind, records: ImportedRecord[]): { create: number; update: number } {
  const keys = (sql: string) => new Set(ctx.db.prepare(sql).pluck().all() as string[]);
  let update = 0;
  if (kind === 'deals') {
    const deals = records as ImportedDeal[];
    const ids = keys('SELECT external_id FROM deals WHERE external_id IS NOT NULL');
    const named = deals.some((d) => !d.externalId)
      ? keys(`SELECT lower(d.name) || '|' || lower(a.name) FROM deals d JOIN accounts a ON a.id = d.account_id WHERE d.external_id IS NULL`)
      : new Set<string>();
    for (const d of deals) if (d.externalId ? ids.has(d.externalId) : named.has(`${nocase(d.name)}|${nocase(d.accountName)}`)) update++;
  } else {
    const names = keys(kind === 'reps' ? 'SELECT lower(name) FROM reps' : 'SELECT lower(name) FROM accounts');
    for (const r of records) if (names.has(nocase(r.name))) update++;
  }
  return { create: records.length - update, update };
}

function warningsFor(kind: ImportKind, mapping: ImportChoices['mapping'], table: CsvTable, stages: StageChoice[], teamStages: string[]): string[] {
  const w: string[] = [];
  if (table.footerLines) w.push(`The report footer Salesforce adds under the rows (${table.footerLines} lines) was left out.`);
  if (kind !== 'deals') return w;
  if (!mapping.includes('externalId')) w.push('No CRM id column: deals are matched by name and account, so a renamed deal would be added again.');
  if (!mapping.includes('createdDate')) w.push('No created date column: deals count as created today (closed ones on their close date), so cycle times and new-opportunity counts will be off.');
  const known = new Set(teamStages.map((s) => s.toLowerCase()));
  const unknown = stages.filter((s) => s.outcome === 'open' && !known.has(s.value.toLowerCase())).map((s) => s.value);
  if (unknown.length) {
    w.push(`Open stages not in your stage list: ${unknown.slice(0, 6).join(', ')}${unknown.length > 6 ? '…' : ''}. They keep their names; add them in Settings to give them their own stuck-in-stage limit.`);
  }
  return w;
}
