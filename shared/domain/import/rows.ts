import { z } from 'zod';
import { isClosingStage, LOST_STAGE, WON_STAGE, type Outcome } from '../../schemas/deal';
import type { RepRole } from '../../schemas/rep';
import type { CsvTable } from './csv';
import { parseImportDate, type DateOrder } from './dates';
import { FIELD_DEFS, fieldLabel, type ImportField, type ImportKind } from './fields';
import { parseImportAmount, suggestOutcome, suggestRole } from './values';

/** Everything the manager decided on the mapping screen. */
export interface ImportChoices {
  kind: ImportKind;
  /** One entry per file column: the field it fills, or null to ignore it. */
  mapping: (ImportField | null)[];
  dateOrder: DateOrder | null;
  /** Outcome per stage value as written in the file; others use suggestOutcome(). */
  stageOutcomes: Record<string, Outcome>;
  defaultCurrency: string;
  today: string;
}

/** A row that cannot be imported: spreadsheet row number, column header, the cell, why. */
export interface RowError {
  row: number;
  column: string;
  value: string;
  reason: string;
}

export interface ImportedDeal {
  line: number;
  externalId: string | null;
  name: string;
  accountName: string;
  owner: string;
  /** The file's stage for open deals; Closed Won / Closed Lost for closed ones. */
  stage: string;
  outcome: Outcome;
  amount: number;
  currency: string;
  closeDate: string | null;
  createdDate: string;
  lastActivityDate: string | null;
  nextStep: string | null;
  source: string | null;
}

export interface ImportedRep {
  line: number;
  name: string;
  email: string | null;
  /** Null when the file does not say: a new rep is field sales, an existing one keeps theirs. */
  role: RepRole | null;
  territory: string | null;
  hireDate: string | null;
  quota: number | null;
}

export interface ImportedAccount {
  line: number;
  name: string;
  industry: string | null;
  segment: string | null;
}

export type ImportedRecord = ImportedDeal | ImportedRep | ImportedAccount;

export interface Normalized<T> {
  records: T[];
  errors: RowError[];
  /** Rows identical to an earlier row, skipped. */
  duplicates: number;
}

const text = (max: number) => z.string().max(max, { error: `is longer than ${max} characters` });
const optional = (max: number) => text(max).nullable();
const dealShape = z.object({
  externalId: optional(80),
  name: text(200).min(1, { error: 'is empty' }),
  accountName: text(160).min(1, { error: 'is empty' }),
  owner: text(120).min(1, { error: 'is empty' }),
  stage: text(80).min(1, { error: 'is empty' }),
  currency: z.string().regex(/^[A-Z]{3}$/, { error: 'must be a 3-letter code such as USD or EUR' }),
  nextStep: optional(500),
  source: optional(80),
});
const repShape = z.object({
  name: text(120).min(1, { error: 'is empty' }),
  email: z.email({ error: 'is not a valid email address' }).nullable(),
  territory: optional(120),
});
const accountShape = z.object({
  name: text(160).min(1, { error: 'is empty' }),
  industry: optional(120),
  segment: optional(120),
});

/**
 * Reads every row of the file with the manager's mapping. Pure: no database, so the same
 * rules run for the preview, the import and the tests; store lookups come after.
 */
export function normalizeRows(table: CsvTable, choices: ImportChoices): Normalized<ImportedRecord> {
  const columnOf = new Map<ImportField, number>();
  choices.mapping.forEach((f, i) => f && !columnOf.has(f) && columnOf.set(f, i));
  const header = (f: ImportField) => table.headers[columnOf.get(f)!] ?? fieldLabel(choices.kind, f);
  const out: Normalized<ImportedRecord> = { records: [], errors: [], duplicates: 0 };
  const seenRows = new Set<string>();
  const seenKeys = new Map<string, { line: number; signature: string }>();

  // Per-row state the helpers below read: defined once, not per row (250,000 rows).
  let line = 0;
  let cells: string[] = [];
  let errors: RowError[] = [];
  const fail = (f: ImportField, value: string, reason: string) => errors.push({ row: line, column: header(f), value, reason });
  const cell = (f: ImportField): string => {
    const i = columnOf.get(f);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const opt = (f: ImportField): string | null => cell(f) || null;
  const date = (f: ImportField): string | null => {
    const v = cell(f);
    if (!v) return null;
    const p = parseImportDate(v, choices.dateOrder);
    if (p.ok) return p.date;
    fail(f, v, p.reason === 'ambiguous' ? 'could be read day-first or month-first: choose the date order' : 'is not a date (write 2026-03-14, 3/14/2026 or 14.03.2026)');
    return null;
  };
  const amount = (f: ImportField): { amount: number; currency: string | null } | null => {
    const v = cell(f);
    if (!v) return null;
    const p = parseImportAmount(v);
    if (p.ok) return p;
    fail(f, v, p.reason);
    return null;
  };

  for (const row of table.rows) {
    line = row.line;
    cells = row.cells;
    const signature = cells.join('\u0000');
    if (seenRows.has(signature)) {
      out.duplicates++;
      continue;
    }
    seenRows.add(signature);
    errors = [];
    if (cells.length > table.headers.length && cells.slice(table.headers.length).some((c) => c.trim())) {
      errors.push({ row: line, column: '', value: '', reason: `has ${cells.length} cells but the header has ${table.headers.length}: a separator or quote is probably missing` });
    }

    let record: ImportedRecord | null = null;
    let key = '';
    let keyField: ImportField = 'name';
    if (choices.kind === 'deals') {
      const stageText = cell('stage');
      const outcome = choices.stageOutcomes[stageText] ?? suggestOutcome(stageText);
      const closeDate = date('closeDate');
      const created = date('createdDate');
      const money = amount('amount');
      const currency = (cell('currency') || money?.currency || choices.defaultCurrency).toUpperCase();
      if (outcome === 'open' && isClosingStage(stageText)) fail('stage', stageText, 'is a closing stage but is set to stay open');
      if (outcome !== 'open') {
        if (!closeDate && !errors.some((e) => e.column === header('closeDate'))) fail('closeDate', '', `is empty but the deal is ${outcome}`);
        else if (closeDate && closeDate > choices.today) fail('closeDate', cell('closeDate'), `is after today but the deal is already ${outcome}`);
      }
      // Without a created date the deal counts as new today (or on the day it closed).
      const createdDate = created ?? (outcome !== 'open' && closeDate && closeDate < choices.today ? closeDate : choices.today);
      if (created && created > choices.today) fail('createdDate', cell('createdDate'), 'is in the future');
      if (created && closeDate && closeDate < created) {
        fail('closeDate', cell('closeDate'), `is before the created date (${created})`);
      }
      const deal: ImportedDeal = {
        line,
        externalId: opt('externalId'),
        name: cell('name'),
        accountName: cell('accountName'),
        owner: cell('owner'),
        stage: outcome === 'won' ? WON_STAGE : outcome === 'lost' ? LOST_STAGE : stageText,
        outcome,
        amount: money?.amount ?? 0,
        currency,
        closeDate,
        createdDate,
        lastActivityDate: date('lastActivityDate'),
        nextStep: opt('nextStep'),
        source: opt('source'),
      };
      check(dealShape, { ...deal, stage: stageText }, fail, cell);
      record = deal;
      key = deal.externalId ? `id:${deal.externalId}` : `name:${deal.name.toLowerCase()}|${deal.accountName.toLowerCase()}`;
      keyField = deal.externalId ? 'externalId' : 'name';
    } else if (choices.kind === 'reps') {
      const quota = amount('quota');
      const rep: ImportedRep = {
        line,
        name: cell('name'),
        email: opt('email')?.toLowerCase() ?? null,
        role: suggestRole(cell('role')),
        territory: opt('territory'),
        hireDate: date('hireDate'),
        quota: quota?.amount ?? null,
      };
      check(repShape, rep, fail, cell);
      record = rep;
      key = rep.name.toLowerCase();
    } else {
      const account: ImportedAccount = { line, name: cell('name'), industry: opt('industry'), segment: opt('segment') };
      check(accountShape, account, fail, cell);
      record = account;
      key = account.name.toLowerCase();
    }

    // The same deal (or rep, account) twice with different values: which one is right?
    const earlier = seenKeys.get(key);
    if (earlier && errors.length === 0) {
      fail(keyField, cell(keyField), `is the same ${keyField === 'externalId' ? 'CRM id' : choices.kind.slice(0, -1)} as row ${earlier.line} with different values`);
    }
    if (errors.length) {
      out.errors.push(...errors);
      continue;
    }
    seenKeys.set(key, { line, signature });
    out.records.push(record);
  }
  return out;
}

/** Runs a zod shape over the record and reports each issue against its column. */
function check(
  shape: z.ZodObject,
  value: unknown,
  fail: (f: ImportField, value: string, reason: string) => void,
  cell: (f: ImportField) => string,
): void {
  const r = shape.safeParse(value);
  if (r.success) return;
  const reported = new Set<string>();
  for (const issue of r.error.issues) {
    const f = String(issue.path[0]) as ImportField;
    if (reported.has(f)) continue;
    reported.add(f);
    fail(f, cell(f), issue.message);
  }
}

/** Required fields the mapping leaves out. */
export const missingRequired = (kind: ImportKind, mapping: (ImportField | null)[]): ImportField[] =>
  FIELD_DEFS[kind].filter((d) => d.required && !mapping.includes(d.key)).map((d) => d.key);
