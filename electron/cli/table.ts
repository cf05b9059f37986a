/** Plain-text table for people reading the CLI in a terminal. */
export function formatTable(rows: object[], columns: string[]): string {
  if (rows.length === 0) return '(none)\n';
  const cells = rows.map((r) =>
    columns.map((c) => {
      const v = (r as Record<string, unknown>)[c];
      return v === null || v === undefined ? '' : String(v);
    }),
  );
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n') + '\n';
}
