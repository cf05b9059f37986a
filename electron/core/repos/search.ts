import { MARK_START, SEARCH_KIND_LABELS, SEARCH_KINDS, type SearchHit, type SearchKind, type SearchResults } from '../../../shared/schemas/search';
import { fold, hasEveryWord, markWords, snippet } from './searchText';
import type { Db } from '../db/open';

/**
 * The words typed, as the start of words to find: "plat ren" → ["plat", "ren"]. Null when there
 * is nothing to look for: a lone letter would match half the store.
 */
export function searchWords(text: string): string[] | null {
  const words = text.normalize('NFKC').split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, 8);
  return words.join('').length < 2 ? null : words;
}

/** The FTS5 query for these words: each quoted (never query syntax), as the start of a word. */
const asQuery = (words: readonly string[]) => words.map((w) => `"${w.replaceAll('"', '""')}"*`).join(' ');

/** The FTS5 query for what was typed. */
export function ftsQuery(text: string): string | null {
  const words = searchWords(text);
  return words ? asQuery(words) : null;
}

/** How many entries the fast path reads before it leaves the search to FTS5 itself. */
const SCAN_LIMIT = 1500;

/**
 * Finds reps, deals, accounts, coaching notes, one-on-one notes and commitments: per kind (its
 * own index, migration 012) the newest matches, those matching in a name before those matching
 * in the text.
 *
 * Why two paths: FTS5 reads the 2- and 3-letter prefixes it indexes lazily, newest first, and
 * stops at the limit; a longer prefix ("acco") it first merges in full, which costs 100 ms when
 * the word is in a million deals. So a longer word is first looked for through its first three
 * letters, each entry read checked here, for at most SCAN_LIMIT entries; only when that finds
 * too few (a rare word, whose full merge is cheap) does FTS5 get the whole query.
 */
export function search(db: Db, text: string, perKind: number): SearchResults {
  const words = searchWords(text);
  const groups: SearchResults['groups'] = [];
  if (!words) return { text, groups };
  const typed = words.map(fold);
  const short = asQuery(words.map((w) => w.slice(0, 3)));
  const full = asQuery(words);
  const want = perKind * 4; // newest first, then the name's matches sorted ahead of the text's
  for (const kind of SEARCH_KINDS) {
    const sql = `SELECT rowid AS id, title, body FROM search_${kind} WHERE search_${kind} MATCH ? ORDER BY rowid DESC`;
    let rows: Entry[] = [];
    if (short !== full) {
      let read = 0;
      for (const r of db.prepare(sql).iterate(short) as IterableIterator<Entry>) {
        if (hasEveryWord(`${r.title} ${r.body}`, typed)) rows.push(r);
        if (rows.length === want || ++read === SCAN_LIMIT) break;
      }
    }
    if (rows.length < want) rows = db.prepare(`${sql} LIMIT ?`).all(full, want) as Entry[];
    const hits = rows
      .map((r) => ({ id: r.id, title: markWords(r.title, typed), snippet: snippet(r.body, typed) }))
      .sort((a, b) => inTitle(a) - inTitle(b)) // stable: newest first within each
      .slice(0, perKind);
    if (hits.length) {
      const described = describe(db, kind, hits);
      if (described.length) groups.push({ kind, label: SEARCH_KIND_LABELS[kind], hits: described });
    }
  }
  return { text, groups };
}

interface Entry {
  id: number;
  title: string;
  body: string;
}

const inTitle = (h: { title: string }) => (h.title.includes(MARK_START) ? 0 : 1);

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
    // The title with its matches marked; notes have none (the context names them).
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
