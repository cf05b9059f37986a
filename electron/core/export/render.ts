/**
 * One small document model for the exports, rendered twice: to Markdown (for pasting into
 * an HR tool or an email) and to a printable HTML page (which Chromium turns into the PDF).
 * Building both from the same blocks keeps the two formats saying the same thing.
 */

import type { ExportDoc } from '../../../shared/schemas/exports';

export type { ExportDoc };

export type Span = string | { text: string; style: 'strong' | 'em' | 'muted' };
type Content = Span | Span[];

export interface Cell {
  main: Span[];
  /** A second, smaller line under the main text (in Markdown: after a dash). */
  sub?: Span[];
}
type CellInput = Content | Cell;

export interface Column {
  label: string;
  align?: 'left' | 'right';
  /** A CSS width such as "12%"; HTML only. */
  width?: string;
  /** Keep the cell on one line (dates); HTML only. */
  nowrap?: boolean;
}

export type Block =
  | { kind: 'heading'; level: 2 | 3; text: string }
  | { kind: 'paragraph'; content: Span[]; tone?: 'muted' }
  | { kind: 'list'; items: Span[][]; ordered?: boolean }
  | { kind: 'table'; columns: Column[]; rows: Cell[][] }
  | { kind: 'facts'; rows: { label: string; value: Span[] }[] }
  | { kind: 'callout'; label: string; text: string; tone: 'private' | 'notice' }
  /** The next block starts a new printed page (nothing in Markdown). */
  | { kind: 'pageBreak' };

// ---- builders -------------------------------------------------------------------------

const spans = (c: Content): Span[] => (Array.isArray(c) ? c : [c]);
const isCell = (c: CellInput): c is Cell => typeof c === 'object' && !Array.isArray(c) && 'main' in c;
const toCell = (c: CellInput): Cell => (isCell(c) ? c : { main: spans(c) });

export const strong = (text: string): Span => ({ text, style: 'strong' });
export const em = (text: string): Span => ({ text, style: 'em' });
export const muted = (text: string): Span => ({ text, style: 'muted' });

export const heading = (text: string, level: 2 | 3 = 2): Block => ({ kind: 'heading', level, text });
export const paragraph = (content: Content, tone?: 'muted'): Block => ({ kind: 'paragraph', content: spans(content), ...(tone ? { tone } : {}) });
export const list = (items: Content[]): Block => ({ kind: 'list', items: items.map(spans) });
/** A numbered list (a ranking). */
export const numberedList = (items: Content[]): Block => ({ kind: 'list', items: items.map(spans), ordered: true });
export const table = (columns: (string | Column)[], rows: CellInput[][]): Block => ({
  kind: 'table',
  columns: columns.map((c) => (typeof c === 'string' ? { label: c } : c)),
  rows: rows.map((r) => r.map(toCell)),
});
export const facts = (rows: [string, Content][]): Block => ({ kind: 'facts', rows: rows.map(([label, value]) => ({ label, value: spans(value) })) });
export const callout = (label: string, text: string, tone: 'private' | 'notice' = 'notice'): Block => ({ kind: 'callout', label, text, tone });
export const pageBreak = (): Block => ({ kind: 'pageBreak' });

// ---- file names -----------------------------------------------------------------------

/** Lower-case ASCII words joined by dashes: safe on every file system. */
export function slug(s: string, fallback: string): string {
  const out = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return out || fallback;
}

// ---- Markdown -------------------------------------------------------------------------

/** Escapes what Markdown would read as formatting, so free text stays free text. */
export function mdEscape(s: string): string {
  return s
    .replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#+-]|\d+\.)(?=\s)/gm, (_m, sp: string, mark: string) => `${sp}${mark.replace(/([#+.-])/, '\\$1')}`);
}

/** Table cells, list items and headings are one line in Markdown. */
const oneLine = (s: string) => s.replace(/\s*\r?\n\s*/g, ' ');

function mdSpans(ss: Span[]): string {
  return ss
    .map((s) => {
      if (typeof s === 'string') return mdEscape(oneLine(s));
      const t = mdEscape(oneLine(s.text));
      if (s.style === 'muted') return t;
      // Emphasis markers must hug the text: "**a **" is not bold in CommonMark.
      const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(t) ?? [];
      if (!core) return t;
      const mark = s.style === 'strong' ? '**' : '_';
      return `${lead}${mark}${core}${mark}${trail}`;
    })
    .join('')
    .trim();
}

function mdCell(c: Cell): string {
  const main = mdSpans(c.main);
  return c.sub && c.sub.length ? `${main} — ${mdSpans(c.sub)}` : main;
}

function mdTable(head: string[], aligns: ('left' | 'right' | undefined)[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((c) => c || ' ').join(' | ')} |`;
  const rule = `|${aligns.map((a) => (a === 'right' ? '---:' : '---')).join('|')}|`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}

function mdBlock(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${mdEscape(oneLine(b.text).trim())}`;
    case 'paragraph':
      return mdSpans(b.content);
    case 'list':
      return b.items.map((i, n) => `${b.ordered ? `${n + 1}.` : '-'} ${mdSpans(i)}`).join('\n');
    case 'table':
      return mdTable(
        b.columns.map((c) => mdEscape(c.label)),
        b.columns.map((c) => c.align),
        b.rows.map((r) => r.map(mdCell)),
      );
    case 'facts':
      return mdTable(['Measure', 'Value'], [undefined, undefined], b.rows.map((r) => [mdEscape(r.label), mdSpans(r.value)]));
    case 'callout': {
      const lines = b.text.trim().split(/\r?\n/).map((l) => (l.trim() ? `> ${mdEscape(l.trimEnd())}` : '>'));
      return [`> **${mdEscape(b.label)}**`, '>', ...lines].join('\n');
    }
    case 'pageBreak':
      return '';
  }
}

// ---- HTML -----------------------------------------------------------------------------

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function htmlSpans(ss: Span[]): string {
  return ss
    .map((s) => {
      if (typeof s === 'string') return escapeHtml(s);
      const t = escapeHtml(s.text);
      return s.style === 'strong' ? `<strong>${t}</strong>` : s.style === 'em' ? `<em>${t}</em>` : `<span class="muted">${t}</span>`;
    })
    .join('');
}

function cellClass(c: Column | undefined, head = false): string {
  const classes = [c?.align === 'right' ? 'num' : '', c?.nowrap && !head ? 'nowrap' : ''].filter(Boolean);
  return classes.length ? ` class="${classes.join(' ')}"` : '';
}

/** A table this short moves to the next page whole rather than split. */
const KEEP_WHOLE_ROWS = 6;
/** A longer one splits, but never leaves fewer than this many rows alone on a page. */
const MIN_ROWS_TOGETHER = 3;

/**
 * The body as row groups: the first and the last few rows are each kept together, so a page
 * break never leaves one orphan row under the heading or alone on the next page. Every page
 * repeats the header (thead is a table-header-group) and no row is split (tr break-inside).
 */
function rowGroups(rows: string[]): string {
  if (rows.length <= KEEP_WHOLE_ROWS) return `<tbody>${rows.join('')}</tbody>`;
  const k = MIN_ROWS_TOGETHER;
  return `<tbody class="keep">${rows.slice(0, k).join('')}</tbody><tbody>${rows.slice(k, -k).join('')}</tbody><tbody class="keep">${rows.slice(-k).join('')}</tbody>`;
}

function htmlBlock(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p${b.tone ? ` class="${b.tone}"` : ''}>${htmlSpans(b.content)}</p>`;
    case 'list':
      return `<${b.ordered ? 'ol' : 'ul'}>${b.items.map((i) => `<li>${htmlSpans(i)}</li>`).join('')}</${b.ordered ? 'ol' : 'ul'}>`;
    case 'table': {
      const cols = b.columns.some((c) => c.width)
        ? `<colgroup>${b.columns.map((c) => `<col${c.width ? ` style="width:${escapeHtml(c.width)}"` : ''}>`).join('')}</colgroup>`
        : '';
      const head = `<thead><tr>${b.columns.map((c) => `<th${cellClass(c, true)}>${escapeHtml(c.label)}</th>`).join('')}</tr></thead>`;
      const row = (r: Cell[]) =>
        `<tr>${r
          .map((c, i) => {
            const sub = c.sub && c.sub.length ? `<div class="sub">${htmlSpans(c.sub)}</div>` : '';
            return `<td${cellClass(b.columns[i])}>${htmlSpans(c.main)}${sub}</td>`;
          })
          .join('')}</tr>`;
      return `<table${b.rows.length <= KEEP_WHOLE_ROWS ? ' class="keep"' : ''}>${cols}${head}${rowGroups(b.rows.map(row))}</table>`;
    }
    case 'facts':
      return `<table class="facts"><tbody>${b.rows
        .map((r) => `<tr><th scope="row">${escapeHtml(r.label)}</th><td>${htmlSpans(r.value)}</td></tr>`)
        .join('')}</tbody></table>`;
    case 'callout': {
      const paras = b.text
        .trim()
        .split(/\r?\n\s*\r?\n/)
        .map((p) => `<p>${escapeHtml(p.trim()).replace(/\r?\n/g, '<br>')}</p>`)
        .join('');
      return `<aside class="callout ${b.tone}"><div class="callout-label">${escapeHtml(b.label)}</div>${paras}</aside>`;
    }
    case 'pageBreak':
      return '<div class="page-break"></div>';
  }
}

/** Printable on A4 with system fonts; nothing is loaded from anywhere. */
const STYLE = `
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0; color: #1f2328; background: #fff;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
  font-size: 10pt; line-height: 1.45;
}
.doc-header { border-bottom: 2px solid #1f2328; padding-bottom: 8pt; margin-bottom: 12pt; }
.kicker { font-size: 8pt; letter-spacing: .08em; text-transform: uppercase; color: #57606a; }
h1 { font-size: 18pt; line-height: 1.2; margin: 2pt 0 2pt; }
.subtitle { font-size: 11pt; margin: 0 0 6pt; color: #30363d; }
.meta { display: flex; flex-wrap: wrap; gap: 2pt 18pt; margin: 0; font-size: 9pt; }
.meta div { display: flex; gap: 4pt; }
.meta dt { color: #57606a; }
.meta dd { margin: 0; font-weight: 600; }
h2 {
  font-size: 12.5pt; margin: 16pt 0 6pt; padding-bottom: 2pt; border-bottom: 1px solid #d0d7de;
  break-after: avoid; page-break-after: avoid;
}
h3 { font-size: 10.5pt; margin: 10pt 0 3pt; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 6pt; }
ul, ol { margin: 0 0 8pt; padding-left: 14pt; }
ol { padding-left: 16pt; }
li { margin: 0 0 3pt; break-inside: avoid; }
table { width: 100%; border-collapse: collapse; margin: 2pt 0 10pt; font-size: 9pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
table.keep, tbody.keep { break-inside: avoid; page-break-inside: avoid; }
/* The line that introduces a table stays with it. */
p:has(+ table) { break-after: avoid; page-break-after: avoid; }
th, td { text-align: left; vertical-align: top; padding: 4pt 6pt; border-bottom: 1px solid #d8dee4; }
thead th { background: #f3f4f6; border-bottom: 1px solid #afb8c1; font-weight: 600; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num, td.nowrap { white-space: nowrap; }
table.facts th { width: 34%; font-weight: 600; color: #30363d; background: #f6f8fa; }
.sub { font-size: 8.5pt; color: #57606a; margin-top: 1pt; }
.muted { color: #57606a; }
p.muted { font-size: 9pt; }
em { color: #0b4f8a; }
.callout { margin: 6pt 0 10pt; padding: 6pt 9pt; border-left: 3pt solid #57606a; background: #f6f8fa; break-inside: avoid; }
.callout.private { border-left-color: #b45309; background: #fff7ed; }
.callout-label { font-weight: 700; font-size: 8.5pt; text-transform: uppercase; letter-spacing: .05em; margin-bottom: 2pt; }
.callout p:last-child { margin-bottom: 0; }
.page-break { break-before: page; page-break-before: always; }
.page-break + h2 { margin-top: 0; }
@media screen { body { max-width: 190mm; margin: 12mm auto; padding: 0 8mm; } }
`;

export interface DocSpec {
  /** What kind of document, e.g. "One-on-one summary". */
  kind: string;
  title: string;
  subtitle: string;
  /** Label/value pairs shown under the title (rep, period, generated on, ...). */
  meta: [string, string][];
  blocks: Block[];
  /** The closing line of the Markdown (e.g. whether private notes are included); in HTML it is in the header. */
  footer: string;
  filename: string;
}

export function renderDoc(spec: DocSpec): ExportDoc {
  const markdown = [
    `# ${mdEscape(spec.title)}`,
    mdEscape(spec.subtitle),
    spec.meta.map(([k, v]) => `- **${mdEscape(k)}:** ${mdEscape(v)}`).join('\n'),
    ...spec.blocks.map(mdBlock).filter(Boolean),
    '---',
    `_${mdEscape(spec.footer)}_`,
  ].join('\n\n') + '\n';

  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${spec.title} · ${spec.subtitle}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="doc-header">
<div class="kicker">${escapeHtml(spec.kind)} · Sales Manager Workbench</div>
<h1>${escapeHtml(spec.title)}</h1>
<p class="subtitle">${escapeHtml(spec.subtitle)}</p>
<dl class="meta">${spec.meta.map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>`).join('')}</dl>
</header>
<main>
${spec.blocks.map(htmlBlock).join('\n')}
</main>
</body>
</html>
`;
  return { title: spec.title, subtitle: spec.subtitle, markdown, html, filename: spec.filename };
}
