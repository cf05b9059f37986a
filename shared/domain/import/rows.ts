import { z } from 'zod';
import { isClosingStage, LOST_STAGE, WON_STAGE, type Outcome } from '../../schemas/deal';
import type { RepRole } from '../../schemas/rep';
import { cellsOf, type CsvTable } from './csv';
import { parseImportDate, type DateOrder, type DateParse } from './dates';
import { FIELD_DEFS, fieldLabel, type ImportField, type ImportKind } from './fields';
import { readStage, type StageHow } from './stages';
import { parseFlag, parseImportAmount, suggestRole } from './values';

/** Where a won or lost deal without a close date takes its date from: another column, its created date, or nowhere. */
export type ClosedDateFallback = number | 'created' | null;

/** Everything the manager decided on the mapping screen. */
export interface ImportChoices {
  kind: ImportKind;
  /** One entry per file column: the field it fills, or null to ignore it. */
  mapping: (ImportField | null)[];
  dateOrder: DateOrder | null;
  /** The manager's outcome per stage value as written in the file; others are read by readStage(). */
  stageOutcomes: Record<string, Outcome>;
  /** Open stage value → the name it takes ("Proposal/Price Quote" → "Proposal"; itself to keep it). */
  stageNames: Record<string, string>;
  /** The team's open stages (Settings). */
  teamStages: readonly string[];
  /** The file's currency, for amounts that name none. */
  defaultCurrency: string;
  closedDateFallback: ClosedDateFallback;
  /** The rep (a name) who gets rows without an owner. */
  defaultOwner: string | null;
  /** Rows with the same deal name and account but other values, and no CRM id: an error, or separate deals. */
  sameName: 'error' | 'separate';
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
  /** Null: no account yet. */
  accountName: string | null;
  owner: string;
  /** The open stage it is filed under; Closed Won / Closed Lost for closed ones. */
  stage: string;
  /** The stage as the file wrote it, when that is not `stage`. */
  crmStage: string | null;
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

/** Fallbacks and readings applied to rows, each counted and named to the manager. */
export const FALLBACK_CODES = [
  'closed_date_from_column', 'closed_date_from_created', 'default_owner', 'name_built', 'no_account', 'currency_default',
  'close_before_created', 'same_name_separate', 'outcome_from_flags', 'stage_renamed',
] as const;
export type FallbackCode = (typeof FALLBACK_CODES)[number];

export interface StageRows {
  count: number;
  /** Rows whose outcome came from the IsWon / IsClosed columns rather than the stage name. */
  fromFlags: number;
}

/** What reading the rows found, beside the records themselves. */
export interface RowStats {
  errors: RowError[];
  /** Rows identical to an earlier row, skipped. */
  duplicates: number;
  /** Rows waiting for the manager to say what their stage means; not imported until then. */
  unanswered: number;
  fallbacks: Partial<Record<FallbackCode, number>>;
  /** Deals: per stage value as written. */
  stageRows: Map<string, StageRows>;
  /** Won or lost rows with no close date, before any fallback. */
  closedWithoutDate: number;
  /** Rows with no owner, before the default owner. */
  withoutOwner: number;
  /** Rows sharing a deal name and account (no CRM id) with an earlier row but not its values. */
  sameNameConflicts: number;
}

export interface Normalized<T> extends RowStats {
  records: T[];
}

export const emptyStats = (): RowStats => ({
  errors: [], duplicates: 0, unanswered: 0, fallbacks: {}, stageRows: new Map(), closedWithoutDate: 0, withoutOwner: 0, sameNameConflicts: 0,
});

/** Every valid record of the file, with what was found on the way (for tests and small files). */
export function normalizeRows(table: CsvTable, choices: ImportChoices): Normalized<ImportedRecord> {
  const out = emptyStats();
  const records = [...normalizedRows(table, choices, out)];
  return { ...out, records };
}

/** How a stage value is read: the manager's answer, else readStage(); null = ask. */
export interface StageDecision {
  outcome: Outcome | null;
  /** The stage an open deal is filed under. */
  stage: string;
  how: StageHow | 'answered';
}

export function decideStage(value: string, c: Pick<ImportChoices, 'stageOutcomes' | 'stageNames' | 'teamStages'>): StageDecision {
  const reading = readStage(value, c.teamStages);
  const answered = c.stageOutcomes[value];
  const outcome = answered ?? reading.outcome;
  return { outcome, stage: c.stageNames[value] ?? reading.stage ?? value, how: answered ? 'answered' : reading.how };
}

/** SQLite's NOCASE and lower() fold ASCII letters only; keys are folded the same way. */
export const nocase = (s: string): string =>
  // eslint-disable-next-line no-control-regex -- all of ASCII, controls included
  !/[A-Z]/.test(s) ? s : /^[\x00-\x7f]*$/.test(s) ? s.toLowerCase() : s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** The key that finds the same deal again: its CRM id, else its name and account. */
export const dealKey = (d: Pick<ImportedDeal, 'externalId' | 'name' | 'accountName'>): string =>
  d.externalId ? `id:${d.externalId}` : `name:${nocase(d.name)}|${nocase(d.accountName ?? '')}`;

/**
 * A record's text fields, each with its longest length and whether it may be empty (null):
 * one table from which both the zod shape (the messages) and a hand-written fast check are
 * built. The fast check passes exactly the records the shape passes (or fewer), so a clean
 * row (nearly all of them) costs a few comparisons, and zod words the problems of the rest.
 */
type FieldRule = { max: number; required: boolean } | 'currency' | 'email';
const required = (max: number): FieldRule => ({ max, required: true });
const optional = (max: number): FieldRule => ({ max, required: false });
const CURRENCY = /^[A-Z]{3}$/;

interface RecordRules {
  shape: z.ZodObject;
  /** True only if the shape would pass the record. */
  fits: (record: Record<string, unknown>) => boolean;
}

function recordRules(rules: Record<string, FieldRule>): RecordRules {
  const text = (max: number) => z.string().max(max, { error: `is longer than ${max} characters` });
  const shape = z.object(
    Object.fromEntries(
      Object.entries(rules).map(([key, r]) => [
        key,
        r === 'currency'
          ? z.string().regex(CURRENCY, { error: 'must be a 3-letter code such as USD or EUR' })
          : r === 'email'
            ? z.email({ error: 'is not a valid email address' }).nullable()
            : r.required
              ? text(r.max).min(1, { error: 'is empty' })
              : text(r.max).nullable(),
      ]),
    ),
  );
  const list = Object.entries(rules);
  const fits = (record: Record<string, unknown>): boolean => {
    for (const [key, r] of list) {
      const v = record[key];
      if (r === 'currency') {
        if (typeof v !== 'string' || !CURRENCY.test(v)) return false;
      } else if (r === 'email') {
        if (v !== null) return false; // rare enough (a reps file) to leave to zod
      } else if (typeof v === 'string') {
        if (v.length > r.max || (r.required && v.length === 0)) return false;
      } else if (v !== null || r.required) return false;
    }
    return true;
  };
  return { shape, fits };
}

const dealRules = recordRules({
  externalId: optional(80),
  name: required(200),
  accountName: optional(160),
  owner: required(120),
  stage: required(80),
  currency: 'currency',
  nextStep: optional(500),
  source: optional(80),
});
const repRules = recordRules({ name: required(120), email: 'email', territory: optional(120) });
const accountRules = recordRules({ name: required(160), industry: optional(120), segment: optional(120) });
/** For the tests that hold the fast check to the shape. */
export const IMPORT_RECORD_RULES = { deals: dealRules, reps: repRules, accounts: accountRules };


/**
 * Reads every row of the file with the manager's choices, yielding each valid record and
 * filling `out` with what it found (errors, duplicates, fallbacks). A generator, so a
 * 250,000-row import never holds all its records at once. Pure: no database, so the same
 * rules run for the preview, the import and the tests; store lookups come after.
 */
export function* normalizedRows(table: CsvTable, choices: ImportChoices, out: RowStats): Generator<ImportedRecord> {
  // The work is in a plain function: V8 optimises it far better than a generator's body.
  const read = rowReader(table, choices, out);
  for (let i = 0; i < table.rows.length; i++) {
    const record = read(i);
    if (record) yield record;
  }
}

/** A function that reads row `i`: its record, or null (a duplicate, an error, a question). */
function rowReader(table: CsvTable, choices: ImportChoices, out: RowStats): (i: number) => ImportedRecord | null {
  const columnOf = new Map<ImportField, number>();
  choices.mapping.forEach((f, i) => f && !columnOf.has(f) && columnOf.set(f, i));
  const headerOf = new Map<ImportField, string>();
  const header = (f: ImportField) => {
    let h = headerOf.get(f);
    if (h === undefined) headerOf.set(f, (h = table.headers[columnOf.get(f)!] ?? fieldLabel(choices.kind, f)));
    return h;
  };
  const count = (code: FallbackCode) => (out.fallbacks[code] = (out.fallbacks[code] ?? 0) + 1);
  const col = {
    externalId: columnOf.get('externalId'), name: columnOf.get('name'), accountName: columnOf.get('accountName'), product: columnOf.get('product'),
  };
  // Which rows share a key (and which are exact copies) depends only on the key columns:
  // worked out once per file, not on every change of another column.
  const keys = keyIndex(table, choices.kind, col);
  const valid = new Uint8Array(table.rows.length);

  // Per-row state the helpers below read: defined once, not per row (250,000 rows).
  let line = 0;
  let cells: string[] = [];
  let errors: RowError[] = [];
  const fail = (f: ImportField, value: string, reason: string) => errors.push({ row: line, column: header(f), value, reason });
  const failed = (f: ImportField) => errors.length > 0 && errors.some((e) => e.column === header(f));
  const at = (i: number | undefined): string => (i === undefined ? '' : (cells[i] ?? '').trim());
  const cell = (f: ImportField): string => at(columnOf.get(f));
  const opt = (f: ImportField): string | null => cell(f) || null;
  // Real files repeat the same dates thousands of times: each text is read once.
  const dates = new Map<string, DateParse>();
  const readDate = (v: string): DateParse => {
    let p = dates.get(v);
    if (!p) dates.set(v, (p = parseImportDate(v, choices.dateOrder)));
    return p;
  };
  const dateProblem = (p: DateParse & { ok: false }) =>
    p.reason === 'ambiguous' ? 'could be read day-first or month-first: choose the date order' : 'is not a date (write 2026-03-14, 3/14/2026 or 14.03.2026)';
  const date = (f: ImportField): string | null => {
    const v = cell(f);
    if (!v) return null;
    const p = readDate(v);
    if (p.ok) return p.date;
    fail(f, v, dateProblem(p));
    return null;
  };
  const amount = (f: ImportField): { amount: number; currency: string | null } | null => {
    const v = cell(f);
    if (!v) return null;
    // Amounts are mostly distinct: parsing is cheaper than remembering.
    const p = parseImportAmount(v);
    if (p.ok) return p;
    fail(f, v, p.reason);
    return null;
  };
  const stages = new Map<string, StageDecision & { closing: boolean }>();
  const stageOf = (v: string) => {
    let d = stages.get(v);
    if (!d) {
      const decided = decideStage(v, choices);
      stages.set(v, (d = { ...decided, closing: isClosingStage(v) || isClosingStage(decided.stage) }));
    }
    return d;
  };
  const fallbackColumn = typeof choices.closedDateFallback === 'number' ? choices.closedDateFallback : undefined;
  const fallbackHeader = fallbackColumn === undefined ? '' : (table.headers[fallbackColumn] ?? `Column ${fallbackColumn + 1}`);

  return (i: number): ImportedRecord | null => {
    const row = table.rows[i]!;
    line = row.line;
    cells = cellsOf(row);
    if (keys.duplicate[i]) {
      out.duplicates++;
      return null;
    }
    errors = [];
    if (cells.length > table.headers.length && cells.slice(table.headers.length).some((c) => c.trim())) {
      errors.push({ row: line, column: '', value: '', reason: `has ${cells.length} cells but the header has ${table.headers.length}: a separator or quote is probably missing` });
    }

    let record: ImportedRecord;
    let keyField: ImportField = 'name';
    if (choices.kind === 'deals') {
      const stageText = cell('stage');
      const decided = stageOf(stageText);
      const stats = out.stageRows.get(stageText) ?? { count: 0, fromFlags: 0 };
      stats.count++;
      if (stageText) out.stageRows.set(stageText, stats);
      // IsClosed / IsWon are facts per row: they settle what the stage name leaves open (only the manager's own answer overrides them).
      const isClosed = columnOf.has('isClosed') ? parseFlag(cell('isClosed')) : null;
      const isWon = columnOf.has('isWon') ? parseFlag(cell('isWon')) : null;
      const byFlags: Outcome | null = isClosed === false ? 'open' : isWon === true ? 'won' : isClosed === true && isWon === false ? 'lost' : null;
      const outcome = decided.how === 'answered' ? decided.outcome : (byFlags ?? decided.outcome);
      if (isClosed === true && outcome === 'open') fail('isClosed', cell('isClosed'), 'says closed, but the stage reads as open and nothing says won or lost');
      if (outcome !== decided.outcome && outcome !== null) {
        stats.fromFlags++;
        count('outcome_from_flags');
      }
      if (stageText && outcome === null) {
        out.unanswered++;
        return null;
      }
      const externalId = opt('externalId');
      const account = opt('accountName');
      const created = date('createdDate');
      const money = amount('amount');
      let closeDate = date('closeDate');
      const closed = outcome === 'won' || outcome === 'lost';
      if (outcome === 'open' && decided.closing) fail('stage', stageText, 'is a closing stage but is set to stay open');
      if (closed && !closeDate && cell('closeDate') === '') {
        out.closedWithoutDate++;
        if (choices.closedDateFallback === 'created' && created) {
          closeDate = created;
          count('closed_date_from_created');
        } else if (fallbackColumn !== undefined) {
          const v = at(fallbackColumn);
          const p = v ? readDate(v) : null;
          if (p?.ok) {
            closeDate = p.date;
            count('closed_date_from_column');
          } else if (p) {
            errors.push({ row: line, column: fallbackHeader, value: v, reason: `${dateProblem(p)} (it stands in for the empty close date)` });
          } else {
            fail('closeDate', '', `is empty but the deal is ${outcome}, and “${fallbackHeader}” is empty too`);
          }
        } else {
          fail('closeDate', '', `is empty but the deal is ${outcome}: choose another date to use (a column or the created date)`);
        }
      }
      if (closed && closeDate && closeDate > choices.today) fail('closeDate', cell('closeDate') || closeDate, `is after today but the deal is already ${outcome}`);
      // Without a created date the deal counts as new today (or on the day it closed).
      const createdDate = created ?? (closed && closeDate && closeDate < choices.today ? closeDate : choices.today);
      if (created && created > choices.today) fail('createdDate', cell('createdDate'), 'is in the future');
      if (created && closeDate && closeDate < created) count('close_before_created');

      let owner = cell('owner');
      if (!owner) {
        out.withoutOwner++;
        if (choices.defaultOwner) {
          owner = choices.defaultOwner;
          count('default_owner');
        } else fail('owner', '', 'is empty: choose the rep who gets rows without an owner');
      }
      let name = cell('name');
      if (!name) {
        name = [account, cell('product')].filter(Boolean).join(' · ') || (externalId ? `Deal ${externalId}` : '');
        if (name) count('name_built');
        else fail('name', '', 'is empty, and there is no account, product or CRM id to name the deal after');
      }
      if (!account) count('no_account');
      const currencyCell = cell('currency');
      if (!currencyCell && !money?.currency && (money?.amount ?? 0) > 0) count('currency_default');
      const stage = outcome === 'won' ? WON_STAGE : outcome === 'lost' ? LOST_STAGE : decided.stage;
      if (outcome === 'open' && decided.stage !== stageText) count('stage_renamed');
      const deal: ImportedDeal = {
        line,
        externalId,
        name,
        accountName: account,
        owner,
        stage,
        crmStage: stageText && stageText.toLowerCase() !== stage.toLowerCase() ? stageText : null,
        outcome: outcome ?? 'open',
        amount: money?.amount ?? 0,
        currency: (currencyCell || money?.currency || choices.defaultCurrency).toUpperCase(),
        closeDate,
        createdDate,
        lastActivityDate: date('lastActivityDate'),
        nextStep: opt('nextStep'),
        source: opt('source'),
      };
      check(dealRules, deal, fail, cell, failed);
      record = deal;
      keyField = externalId ? 'externalId' : 'name';
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
      check(repRules, rep, fail, cell, failed);
      record = rep;
    } else {
      const account: ImportedAccount = { line, name: cell('name'), industry: opt('industry'), segment: opt('segment') };
      check(accountRules, account, fail, cell, failed);
      record = account;
    }

    // The same deal (or rep, account) twice with different values: which one is right?
    let firstValid = -1;
    for (let e = keys.prev[i]!; e >= 0; e = keys.prev[e]!) if (valid[e]) firstValid = e;
    const earlier = firstValid < 0 ? undefined : table.rows[firstValid]!.line;
    if (earlier !== undefined && errors.length === 0) {
      const byName = choices.kind === 'deals' && keyField === 'name';
      if (byName) out.sameNameConflicts++;
      if (byName && choices.sameName === 'separate') count('same_name_separate');
      else {
        const what = keyField === 'externalId' ? 'CRM id' : byName ? 'deal name and account' : choices.kind.slice(0, -1);
        fail(keyField, cell(keyField) || (record as ImportedDeal).name, `is the same ${what} as row ${earlier} with different values${byName ? ' and no CRM id: import them as separate deals, or fix the file' : ''}`);
      }
    }
    const ok = errors.length === 0;
    if (ok) valid[i] = 1;
    if (!ok) {
      for (const e of errors) out.errors.push(e);
      return null;
    }
    return record;
  };
}

/** Rows by the key that finds the same record again: for each, the previous row with that key (or -1), and whether it copies an earlier row exactly. */
interface KeyIndex {
  prev: Int32Array;
  duplicate: Uint8Array;
}

type KeyColumns = { externalId?: number | undefined; name?: number | undefined; accountName?: number | undefined; product?: number | undefined };
const keyIndexes = new WeakMap<CsvTable, Map<string, KeyIndex>>();

/** The key of each row, from its raw cells: a CRM id, else the deal's name (or what names it) and account; a rep's or account's name. */
function keyIndex(table: CsvTable, kind: ImportKind, col: KeyColumns): KeyIndex {
  const cacheKey = `${kind}|${col.externalId}|${col.name}|${col.accountName}|${col.product}`;
  let perTable = keyIndexes.get(table);
  if (!perTable) keyIndexes.set(table, (perTable = new Map()));
  const cached = perTable.get(cacheKey);
  if (cached) return cached;
  const n = table.rows.length;
  const index: KeyIndex = { prev: new Int32Array(n).fill(-1), duplicate: new Uint8Array(n) };
  // CRM ids and names in maps of their own: the cell itself is the key, never a new string.
  const byId = new Map<string, number>();
  const byName = new Map<string, number>();
  const rows = table.rows;
  const at = (cells: string[], c: number | undefined) => (c === undefined ? '' : (cells[c] ?? '').trim());
  for (let i = 0; i < n; i++) {
    const cells = cellsOf(rows[i]!);
    const ext = kind === 'deals' ? at(cells, col.externalId) : '';
    const last = ext ? byId : byName;
    let key = ext;
    if (kind !== 'deals') key = nocase(at(cells, col.name));
    else if (!ext) {
      const account = at(cells, col.accountName);
      key = `${nocase(at(cells, col.name) || [account, at(cells, col.product)].filter(Boolean).join(' · '))}|${nocase(account)}`;
    }
    const before = last.get(key);
    if (before !== undefined) {
      index.prev[i] = before;
      const joined = rows[i]!.joined;
      for (let e = before; e >= 0; e = index.prev[e]!) {
        if (rows[e]!.joined === joined) {
          index.duplicate[i] = 1;
          break;
        }
      }
    }
    last.set(key, i);
  }
  perTable.set(cacheKey, index);
  return index;
}

/** Checks the record (the fast check first) and reports each of zod's issues against its column (once per column). */
function check(
  rules: RecordRules,
  value: ImportedRecord,
  fail: (f: ImportField, value: string, reason: string) => void,
  cell: (f: ImportField) => string,
  already: (f: ImportField) => boolean,
): void {
  if (rules.fits(value as unknown as Record<string, unknown>)) return;
  const r = rules.shape.safeParse(value);
  if (r.success) return;
  const reported = new Set<string>();
  for (const issue of r.error.issues) {
    const f = String(issue.path[0]) as ImportField;
    if (reported.has(f) || already(f)) continue;
    reported.add(f);
    fail(f, cell(f), issue.message);
  }
}

/** Required fields the mapping leaves out. A deal can be named from other columns, and ownerless rows can go to a chosen rep. */
export function missingRequired(kind: ImportKind, mapping: (ImportField | null)[], defaultOwner: string | null = null): ImportField[] {
  const has = (f: ImportField) => mapping.includes(f);
  if (kind === 'deals') {
    const missing: ImportField[] = [];
    if (!has('name') && !has('accountName') && !has('product') && !has('externalId')) missing.push('name');
    if (!has('owner') && !defaultOwner) missing.push('owner');
    if (!has('stage')) missing.push('stage');
    return missing;
  }
  return FIELD_DEFS[kind].filter((d) => d.required && !has(d.key)).map((d) => d.key);
}
