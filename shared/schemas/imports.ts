import { z } from 'zod';
import type { RowError } from '../domain/import/rows';
import { ACCOUNT_FIELDS, DEAL_FIELDS, IMPORT_KINDS, REP_FIELDS, type FieldDef, type ImportField, type ImportKind } from '../domain/import/fields';
import type { DateOrder } from '../domain/import/dates';
import type { Outcome } from './deal';
import { id } from './common';

const ALL_FIELDS = [...new Set<ImportField>([...DEAL_FIELDS, ...REP_FIELDS, ...ACCOUNT_FIELDS])] as [ImportField, ...ImportField[]];

const fileId = z.uuid({ error: 'is not a loaded file: choose the file again' });

/** The manager's choices on the mapping screen; every part optional (suggested when left out). */
export const importChoicesInput = z.object({
  fileId,
  kind: z.enum(IMPORT_KINDS, { error: 'must be deals, reps or accounts' }).optional(),
  mapping: z.array(z.enum(ALL_FIELDS, { error: 'is not a field the workbench knows' }).nullable()).max(500).optional(),
  dateOrder: z.enum(['mdy', 'dmy'], { error: 'must be month-first or day-first' }).nullable().optional(),
  stageOutcomes: z.record(z.string().max(200), z.enum(['open', 'won', 'lost'], { error: 'must be open, won or lost' })).optional(),
  /** Unknown owner name → an existing rep's id, or "create". */
  owners: z.record(z.string().max(200), z.union([id, z.literal('create')])).optional(),
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
  outcome: Outcome;
  suggested: Outcome;
}

export interface OwnerChoice {
  name: string;
  count: number;
  /** An existing rep with this name, if any. */
  matchedRepId: number | null;
  decision: number | 'create' | null;
}

export interface ImportCounts {
  rows: number;
  valid: number;
  create: number;
  update: number;
  errors: number;
  duplicates: number;
}

export interface ImportAnalysis {
  fileId: string;
  fileName: string;
  kind: ImportKind;
  encoding: string;
  delimiter: string;
  footerLines: number;
  preset: { id: string; label: string } | null;
  savedMapping: { id: number; name: string } | null;
  fields: FieldDef[];
  columns: ImportColumn[];
  missing: ImportField[];
  /** Set when slash dates read differently day-first or month-first and the file does not tell. */
  dateOrder: { needed: boolean; detected: DateOrder | null; chosen: DateOrder | null; examples: string[] };
  stages: StageChoice[];
  owners: OwnerChoice[];
  counts: ImportCounts;
  /** The first errors (all of them up to 1,000); counts.errors has the total. */
  errors: RowError[];
  /** Problems with the whole file (unclosed quote, no rows); nothing can be imported. */
  problems: string[];
  warnings: string[];
}

export interface ImportResult {
  runId: number | null;
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
