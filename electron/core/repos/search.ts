import { SEARCH_KIND_LABELS, SEARCH_KINDS, type SearchHit, type SearchKind, type SearchResults } from '../../../shared/schemas/search';
import type { Db } from '../db/open';

/** Each kind's entries are one rowid range: code * 2^40 + the source row's id (migration 012). */
const SPAN = 1099511627776;
const CODE: Record<SearchKind, number> = { rep: 1, deal: 2, account: 3, note: 4, meeting: 5, commitment: 6, private: 7 };

/**
 * "plat ren" → "plat"* AND "ren"*: every word, as typed, as the start of a word (accents and
 * case never matter). Null when there is nothing to look for: a lone letter would match half
 * the store.
 */
export function ftsQuery(text: string): string | null {
  const words = text.normalize('NFKC').split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, 8);
  if (words.join('').length < 2) return null;
  return words.map((w) => `"${w.replaceAll('"', '""')}"*`).join(' ');
}

/**
 * Finds reps, deals, accounts, coaching notes, one-on-one notes and commitments. Matches in a
 * name come before matches in the text; within each, newest first (the index is walked by
 * rowid and stops at the limit, so a word found in a million deals answers as fast as a rare one).
 */
export function search(db: Db, text: string, perKind: number): SearchResults {
  const q = ftsQuery(text);
  const groups: SearchResults['groups'] = [];
  if (!q) return { text, groups };
  // One kind at a time (its kind word in the index), the title's matches first, then the text's.
  const scan = db.prepare(
    `SELECT rowid, highlight(search_index, 0, char(2), char(3)) AS title, snippet(search_index, 1, char(2), char(3), '…', 12) AS snippet
     FROM search_index WHERE search_index MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid DESC LIMIT ?`,
  );
  for (const kind of SEARCH_KINDS) {
    const lo = CODE[kind] * SPAN;
    const seen = new Set<number>();
    const hits: { id: number; snippet: string; title: string }[] = [];
    for (const columns of ['title', '{title body}']) {
      if (hits.length >= perKind) break;
      for (const r of scan.all(`${columns} : (${q})`, lo, lo + SPAN - 1, perKind) as { rowid: number; title: string; snippet: string }[]) {
        if (seen.has(r.rowid) || hits.length >= perKind) continue;
        seen.add(r.rowid);
        hits.push({ id: r.rowid - lo, title: r.title, snippet: r.snippet.includes('\u0002') ? r.snippet : '' });
      }
    }
    if (hits.length) {
      const described = describe(db, kind, hits);
      if (described.length) groups.push({ kind, label: SEARCH_KIND_LABELS[kind], hits: described });
    }
  }
  return { text, groups };
}

/** Each hit with what it belongs to and where it opens, read by id (a few rows per kind). */
function describe(db: Db, kind: SearchKind, hits: { id: number; snippet: string; title: string }[]): SearchHit[] {
  const ids = JSON.stringify(hits.map((h) => h.id));
  const rows = new Map((db.prepare(CONTEXT[kind]).all(ids) as { id: number; title: string | null; context: string | null; date: string | null; target: number | null }[]).map((r) => [r.id, r]));
  return hits.flatMap((h) => {
    const r = rows.get(h.id);
    if (!r) return [];
    const target: SearchHit['target'] =
      kind === 'rep' || kind === 'note' ? { screen: 'rep', id: r.target ?? h.id }
      : kind === 'deal' || kind === 'account' ? { screen: 'deal', id: r.target ?? h.id }
      : kind === 'commitment' ? { screen: 'commitments' }
      : { screen: 'oneOnOne', id: r.target ?? h.id };
    if ((kind === 'account' && r.target === null)) return []; // an account with no deal yet has nowhere to open
    // The title as the index highlighted it; for notes (no title), the context names them.
    return [{ kind, id: h.id, title: h.title || (r.title ?? ''), snippet: h.snippet, context: r.context ?? '', date: r.date, target }];
  });
}

const IDS = 'SELECT value FROM json_each(?)';
/** Per kind: the hit's title, what it belongs to, its date, and the id it opens. */
const CONTEXT: Record<SearchKind, string> = {
  rep: `SELECT id, name AS title, concat_ws(' · ', territory, email) AS context, NULL AS date, id AS target FROM reps WHERE id IN (${IDS})`,
  deal: `SELECT d.id, d.name AS title, concat_ws(' · ', a.name, r.name, d.stage) AS context, COALESCE(d.closed_date, d.expected_close_date) AS date, d.id AS target
         FROM deals d JOIN reps r ON r.id = d.rep_id LEFT JOIN accounts a ON a.id = d.account_id WHERE d.id IN (${IDS})`,
  account: `SELECT a.id, a.name AS title, concat_ws(' · ', a.industry, (SELECT COUNT(*) || ' deals' FROM deals WHERE account_id = a.id)) AS context, NULL AS date,
         (SELECT id FROM deals WHERE account_id = a.id ORDER BY created_date DESC, id DESC LIMIT 1) AS target FROM accounts a WHERE a.id IN (${IDS})`,
  note: `SELECT n.id, NULL AS title, r.name AS context, n.note_date AS date, n.rep_id AS target FROM coaching_notes n JOIN reps r ON r.id = n.rep_id WHERE n.id IN (${IDS})`,
  meeting: `SELECT i.id, i.title, r.name AS context, o.meeting_date AS date, o.id AS target
         FROM agenda_items i JOIN one_on_ones o ON o.id = i.one_on_one_id JOIN reps r ON r.id = o.rep_id WHERE i.id IN (${IDS})`,
  commitment: `SELECT c.id, c.text AS title, concat_ws(' · ', r.name, CASE c.owner WHEN 'manager' THEN 'yours' ELSE 'theirs' END, c.status) AS context, c.due_date AS date, NULL AS target
         FROM commitments c JOIN reps r ON r.id = c.rep_id WHERE c.id IN (${IDS})`,
  private: `SELECT o.id, NULL AS title, r.name AS context, o.meeting_date AS date, o.id AS target FROM one_on_ones o JOIN reps r ON r.id = o.rep_id WHERE o.id IN (${IDS})`,
};
