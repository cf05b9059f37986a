import type { ImportField, ImportKind } from '../../../shared/domain/import/fields';
import type { DateOrder } from '../../../shared/domain/import/dates';
import { normalizeHeader } from '../../../shared/domain/import/presets';
import type { Outcome } from '../../../shared/schemas/deal';
import type { SavedMapping } from '../../../shared/schemas/imports';
import type { Db } from '../db/open';
import { NotFoundError } from '../errors';

/** The file-level choices a saved mapping keeps beside the columns (the fallback column by its header). */
export interface MappingOptions {
  stageNames?: Record<string, string>;
  closedDateFallback?: string;
  defaultOwner?: string | null;
  currency?: string;
  sameName?: 'error' | 'separate';
}

/** A mapping the manager saved, stored by header name so it applies to the next export too. */
export interface StoredMapping extends SavedMapping {
  headers: string;
  byHeader: Record<string, ImportField | null>;
  stageOutcomes: Record<string, Outcome>;
  dateOrder: DateOrder | null;
  options: MappingOptions;
}

interface Row {
  id: number;
  name: string;
  kind: ImportKind;
  headers: string;
  mapping: string;
  stage_outcomes: string;
  date_order: DateOrder | null;
  options: string;
  updated_at: string;
}

const toMapping = (r: Row): StoredMapping => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  updatedAt: r.updated_at,
  headers: r.headers,
  byHeader: JSON.parse(r.mapping) as Record<string, ImportField | null>,
  stageOutcomes: JSON.parse(r.stage_outcomes) as Record<string, Outcome>,
  dateOrder: r.date_order,
  options: JSON.parse(r.options) as MappingOptions,
});

export function listMappings(db: Db): SavedMapping[] {
  return (db.prepare('SELECT id, name, kind, updated_at AS updatedAt FROM import_mappings ORDER BY name').all() as SavedMapping[]);
}

export function getMapping(db: Db, id: number): StoredMapping {
  const row = db.prepare('SELECT * FROM import_mappings WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new NotFoundError('Saved mapping', id);
  return toMapping(row);
}

/** The most recently saved mapping made for a file with exactly these headers. */
export function mappingForHeaders(db: Db, signature: string): StoredMapping | null {
  const row = db.prepare('SELECT * FROM import_mappings WHERE headers = ? ORDER BY updated_at DESC LIMIT 1').get(signature) as Row | undefined;
  return row ? toMapping(row) : null;
}

/** Saves (or replaces, by name) a mapping; runs inside the import's transaction. */
export function saveMapping(
  db: Db,
  nowIso: string,
  m: {
    name: string;
    kind: ImportKind;
    headers: string[];
    signature: string;
    mapping: (ImportField | null)[];
    stageOutcomes: Record<string, Outcome>;
    dateOrder: DateOrder | null;
    options: MappingOptions;
  },
): void {
  const byHeader = Object.fromEntries(m.headers.map((h, i) => [normalizeHeader(h), m.mapping[i] ?? null]));
  db.prepare(
    `INSERT INTO import_mappings (name, kind, headers, mapping, stage_outcomes, date_order, options, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, headers = excluded.headers, mapping = excluded.mapping,
       stage_outcomes = excluded.stage_outcomes, date_order = excluded.date_order, options = excluded.options, updated_at = excluded.updated_at`,
  ).run(m.name, m.kind, m.signature, JSON.stringify(byHeader), JSON.stringify(m.stageOutcomes), m.dateOrder, JSON.stringify(m.options), nowIso, nowIso);
}

export function deleteMapping(db: Db, id: number): void {
  const info = db.prepare('DELETE FROM import_mappings WHERE id = ?').run(id);
  if (info.changes === 0) throw new NotFoundError('Saved mapping', id);
}

/** Applies a saved mapping to a file's headers; columns it does not know stay ignored. */
export const applyMapping = (m: StoredMapping, headers: string[]): (ImportField | null)[] =>
  headers.map((h) => m.byHeader[normalizeHeader(h)] ?? null);
