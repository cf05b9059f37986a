import { fieldLabel, type ImportField, type ImportKind } from './fields';
import { headerCandidates } from './headers';
import { presetColumns, type Preset } from './presets';
import { valuesFit, whyNotFit } from './values';

export interface SuggestedMapping {
  /** Column index → field, or null to ignore it. */
  mapping: (ImportField | null)[];
  /** Columns whose name says a field that their values do not fit, in the manager's words. */
  notes: string[];
}

/**
 * Maps columns to fields from their names (a recognised preset first, then the word table)
 * and checks each against its values: each field fills one column, each column one field,
 * and a column of numbers never becomes the deal name.
 */
export function suggestMapping(kind: ImportKind, headers: string[], preset: Preset | null, samples: (column: number) => string[]): SuggestedMapping {
  const mapping: (ImportField | null)[] = headers.map(() => null);
  const used = new Set<ImportField>();
  const refused = new Map<ImportField, { column: number; note: string }>();
  for (const c of headerCandidates(kind, headers, preset && preset.kind === kind ? presetColumns(preset) : null)) {
    if (mapping[c.column] !== null || used.has(c.field)) continue;
    const values = samples(c.column);
    if (!valuesFit(c.field, values)) {
      const note = `“${headers[c.column]}” was not used as ${fieldLabel(kind, c.field)}: ${whyNotFit(c.field, values)} (${values.slice(0, 2).join(', ')}).`;
      if (!refused.has(c.field)) refused.set(c.field, { column: c.column, note });
      continue;
    }
    mapping[c.column] = c.field;
    used.add(c.field);
  }
  // Said only when the field stayed empty and the column found no other use.
  const notes = [...refused].filter(([f, r]) => !used.has(f) && mapping[r.column] === null).sort((a, b) => a[1].column - b[1].column).map(([, r]) => r.note);
  return { mapping, notes };
}

