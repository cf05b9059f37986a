import { z } from 'zod';
import type { ClosedDateFallback, FallbackCode, RowError } from '../domain/import/rows';
import type { OwnerKind } from '../domain/import/owners';
import type { StageHow } from '../domain/import/stages';
import { ACCOUNT_FIELDS, DEAL_FIELDS, IMPORT_KINDS, REP_FIELDS, type FieldDef, type ImportField, type ImportKind } from '../domain/import/fields';
import type { DateOrder } from '../domain/import/dates';
import type { Outcome } from './deal';
import { currency, id } from './common';

const ALL_FIELDS = [...new Set<ImportField>([...DEAL_FIELDS, ...REP_FIELDS, ...ACCOUNT_FIELDS])] as [ImportField, ...ImportField[]];

const fileId = z.uuid({ error: 'is not a loaded file: choose the file again' });

/** An owner as the file writes it becomes an existing rep, a new rep under that name, or a new rep under another name. */
export const ownerDecision = z.union([
  id,
  z.literal('create'),
  z.object({ create: z.string().trim().min(1, { error: 'needs a name' }).max(120, { error: 'must be at most 120 characters' }) }),
]);
export type OwnerDecision = z.output<typeof ownerDecision>;

/** The manager's choices on the mapping screen; every part optional (suggested when left out). */
export const importChoicesInput = z.object({
  fileId,
  kind: z.enum(IMPORT_KINDS, { error: 'must be deals, reps or accounts' }).optional(),
  /** Whether the first row holds column names; detected when left out. */
  hasHeader: z.boolean().optional(),
  mapping: z.array(z.enum(ALL_FIELDS, { error: 'is not a field the workbench knows' }).nullable()).max(500).optional(),
  dateOrder: z.enum(['mdy', 'dmy'], { error: 'must be month-first or day-first' }).nullable().optional(),
  stageOutcomes: z.record(z.string().max(200), z.enum(['open', 'won', 'lost'], { error: 'must be open, won or lost' })).optional(),
  /** Open stage value → the stage it is filed under (a stage on the list, or the value itself to keep it). */
  stageNames: z.record(z.string().max(200), z.string().trim().min(1, { error: 'needs a stage' }).max(80, { error: 'must be at most 80 characters' })).optional(),
  /** Owner as written → an existing rep's id, "create", or { create: name }. */
  owners: z.record(z.string().max(200), ownerDecision).optional(),
  /** The rep (by name; created if new) who gets rows without an owner. */
  defaultOwner: z.string().trim().min(1, { error: 'needs a rep' }).max(120, { error: 'must be at most 120 characters' }).nullable().optional(),
  /** For won and lost rows without a close date: a column index, or "created". */
  closedDateFallback: z
    .union([z.number().int().min(0).max(499), z.literal('created')], { error: 'must be a column of the file or the created date' })
    .nullable()
    .optional(),
  /** Rows with the same deal name and account, other values and no CRM id: an error, or separate deals. */
  sameName: z.enum(['error', 'separate'], { error: 'must be error or separate' }).optional(),
  /** The currency of amounts that name none; the team currency when left out. */
  currency: currency.optional(),
  savedMappingId: id.optional(),
});
export type ImportChoicesInput = z.input<typeof importChoicesInput>;

export const importStartInput = importChoicesInput.extend({
  /** Import the valid rows and skip the others; false imports nothing when any row fails. */
  skipInvalid: z.boolean().default(false),
  saveMappingAs: z.string().trim().min(1, { error: 'needs a name' }).max(80, { error: 'must be at most 80 characters' }).optional(),
});
export type ImportStartInput = z.input<typeof importStartInput>;

export const importProgressInput = z.object({ jobId: z.uuid({ error: 'is not an import in progress' }) });

export interface ImportColumn {
  index: number;
  header: string;
  samples: string[];
  field: ImportField | null;
}

export interface StageChoice {
  value: string;
  count: number;
  /** What the name says (readStage); null when it cannot be read. */
  suggested: Outcome | null;
  /** What it will be: the manager's answer, else the suggestion; null is still a question. */
  outcome: Outcome | null;
  /** For an open stage: the stage it is filed under (a stage on the list, or its own name). */
  stage: string | null;
  how: StageHow | 'answered';
  /** Rows whose outcome the IsWon / IsClosed columns decided instead of the name. */
  fromFlags: number;
}

export interface OwnerChoice {
  /** As the file writes it. */
  name: string;
  count: number;
  kind: OwnerKind;
  matchedRepId: number | null;
  /** How it was matched: the rep's name, the rep's e-mail, the name in the owner's e-mail (jane.doe@… is Jane Doe), or an earlier import's answer. */
  matchedBy: 'name' | 'email' | 'name in the e-mail' | 'earlier import' | null;
  /** Null: an id or e-mail nobody matched, which the manager must assign. */
  decision: OwnerDecision | null;
  /** The name a new rep would get: the owner's own, or "Jane Doe" for jane.doe@…. */
  newName: string;
}

export interface ImportCounts {
  rows: number;
  valid: number;
  create: number;
  update: number;
  errors: number;
  duplicates: number;
  /** Rows waiting for an answer about their stage or owner. */
  waiting: number;
}

/** A fallback or reading applied to rows, counted and said in a sentence. */
export interface ImportFallback {
  code: FallbackCode;
  count: number;
  text: string;
}

export interface ImportAnalysis {
  fileId: string;
  fileName: string;
  kind: ImportKind;
  encoding: string;
  delimiter: string;
  footerLines: number;
  header: { hasHeader: boolean; detected: boolean; titleLines: number; repeatedHeaders: number };
  preset: { id: string; label: string } | null;
  savedMapping: { id: number; name: string } | null;
  fields: FieldDef[];
  columns: ImportColumn[];
  missing: ImportField[];
  /** Columns whose names suggest a field their values do not fit. */
  mappingNotes: string[];
  /** Set when slash dates read differently day-first or month-first and the file does not tell. */
  dateOrder: { needed: boolean; detected: DateOrder | null; chosen: DateOrder | null; examples: string[] };
  teamStages: string[];
  stages: StageChoice[];
  owners: OwnerChoice[];
  defaultOwner: { chosen: string | null; rowsWithout: number };
  closedDate: { withoutDate: number; fallback: ClosedDateFallback; candidates: { index: number; header: string }[]; createdMapped: boolean };
  /** `amountsWithout`: amounts that name no currency and take `chosen`. */
  currency: { chosen: string; team: string; hasColumn: boolean; amountsWithout: number };
  sameName: { conflicts: number; chosen: 'error' | 'separate' };
  fallbacks: ImportFallback[];
  counts: ImportCounts;
  /** The first errors (all of them up to 1,000); counts.errors has the total. */
  errors: RowError[];
  /** Problems with the whole file (unclosed quote, no rows); nothing can be imported. */
  problems: string[];
  warnings: string[];
  /** What must be answered before the import can start, each said with what to do; empty when it can. */
  blockers: { field: string; message: string }[];
}

export interface ImportResult {
  runId: number | null;
  fallbacks: ImportFallback[];
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  repsCreated: number;
  errors: RowError[];
  backup: string | null;
}

export interface ImportProgress {
  jobId: string;
  phase: 'checking' | 'writing' | 'done' | 'failed';
  done: number;
  total: number;
  result: ImportResult | null;
  error: string | null;
}

export interface SavedMapping {
  id: number;
  name: string;
  kind: ImportKind;
  updatedAt: string;
}

export const deleteMappingInput = z.object({ id });
