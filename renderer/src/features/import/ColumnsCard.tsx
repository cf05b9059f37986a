import type { ImportField } from '../../../../shared/domain/import/fields';
import type { ImportAnalysis } from '../../../../shared/schemas/imports';

/** Each column of the file with sample values, and the field it fills (or ignored). */
export function ColumnsCard({ a, onField }: { a: ImportAnalysis; onField: (column: number, field: ImportField | null) => void }) {
  const label = (f: ImportField) => a.fields.find((d) => d.key === f)?.label ?? f;
  return (
    <section className="card" aria-labelledby="imp-columns">
      <h2 id="imp-columns">Columns</h2>
      {a.mappingNotes.length > 0 && (
        <ul className="plain-list notes" aria-label="Columns left unmapped">
          {a.mappingNotes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {a.missing.length > 0 && (
        <p className="callout" role="alert">
          Choose a column for {a.missing.map(label).join(', ')}: {a.missing.length === 1 ? 'it is' : 'they are'} needed for every row
          {a.missing.includes('owner') ? ' (or choose a rep for rows without an owner below)' : ''}.
        </p>
      )}
      <table className="plain-table mapping-table">
        <thead>
          <tr>
            <th scope="col">Column in the file</th>
            <th scope="col">Sample values</th>
            <th scope="col">Imports as</th>
          </tr>
        </thead>
        <tbody>
          {a.columns.map((c) => (
            <tr key={c.index} className={c.field ? undefined : 'ignored-row'}>
              <th scope="row">{c.header}</th>
              <td className="samples">{c.samples.length ? c.samples.join(' · ') : <span className="subtle">(empty)</span>}</td>
              <td>
                <select aria-label={`Imports “${c.header}” as`} value={c.field ?? ''} onChange={(e) => onField(c.index, (e.target.value || null) as ImportField | null)}>
                  <option value="">Ignore this column</option>
                  {a.fields.map((f) => (
                    <option key={f.key} value={f.key}>
                      {f.label}
                      {f.required ? ' (required)' : ''}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
