import type Database from 'better-sqlite3';
import { refreshDealStats } from './plannerStats';

type Db = Database.Database; // not from ./open, which calls this module

/**
 * Search entries written after the rows they index. A big import commits its deals without
 * their search entries (FTS5 takes as long as the rest of the write) and records the id range
 * in search_backlog in the same transaction; the entries are then written a chunk at a time,
 * each chunk in its own transaction with the backlog moved on. A crash in between leaves the
 * range recorded, and opening the file writes what is missing.
 */

/** Deals per chunk: about a quarter of a second of FTS5 work on the benchmark machine. */
export const SEARCH_CHUNK = 25_000;

/**
 * The search index's insert trigger on deals, and the same INSERT for a range of deals in one
 * statement: read from the trigger in this very file, so the deferred entries are exactly what
 * the trigger would have written. Null if the trigger is not of the expected shape (then an
 * import keeps it and writes the entries row by row, as any other write does).
 */
export const dealSearchEntry = (db: Db) => searchEntryOf(db, 'search_deals_ai', 'search_deal', 'deals');

/** The same for accounts: a big import adds thousands, and one statement is several times faster than a trigger per row. */
export const accountSearchEntry = (db: Db) => searchEntryOf(db, 'search_accounts_ai', 'search_account', 'accounts');

function searchEntryOf(db: Db, name: string, index: string, table: string): { trigger: string; range: string } | null {
  const trigger = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck().get(name) as string | undefined;
  const body = trigger ? new RegExp(`\\bBEGIN\\s+(INSERT INTO ${index}\\b[^;]*\\bSELECT\\b[^;]*);\\s*END$`, 'i').exec(trigger)?.[1] : undefined;
  if (!trigger || !body) return null;
  let top = body; // the SELECT with every parenthesised part taken out: it must have no FROM or WHERE of its own
  while (/\([^()]*\)/.test(top)) top = top.replace(/\([^()]*\)/g, '');
  if (/\b(FROM|WHERE)\b/i.test(top.slice(top.search(/\bSELECT\b/i)))) return null;
  // A row edited (or its account renamed) meanwhile already has its entry, written by the other triggers.
  const range = `${body.replace(/\bNEW\./g, 'r.')} FROM ${table} r
    WHERE r.id > @after AND r.id <= @upTo AND r.id NOT IN (SELECT rowid FROM ${index} WHERE rowid > @after AND rowid <= @upTo)
    ORDER BY r.id`;
  return { trigger, range };
}

/** In the import's transaction: deals with after < id <= upTo have no search entry yet. */
export function deferDealSearch(db: Db, after: number, upTo: number): void {
  if (upTo <= after) return;
  db.prepare(
    `INSERT INTO search_backlog (source, after_id, up_to_id) VALUES ('deals', ?, ?)
     ON CONFLICT (source) DO UPDATE SET after_id = MIN(after_id, excluded.after_id), up_to_id = MAX(up_to_id, excluded.up_to_id)`,
  ).run(after, upTo);
}

/** Deals that may still lack their search entry (an upper bound: ids in the backlog's range). */
export function searchBacklogSize(db: Db): number {
  const row = db.prepare("SELECT after_id AS after, up_to_id AS upTo FROM search_backlog WHERE source = 'deals'").get() as { after: number; upTo: number } | undefined;
  return row ? row.upTo - row.after : 0;
}

/**
 * Writes the entries of up to `limit` ids of the backlog in one transaction; returns how many
 * ids are still waiting. Leaves the backlog as it is (and says 0) if the trigger has changed
 * shape, rather than guess: search then misses those deals until a later version fills them.
 */
export function fillSearchBacklog(db: Db, limit = SEARCH_CHUNK): number {
  return db.transaction(() => {
    const row = db.prepare("SELECT after_id AS after, up_to_id AS upTo FROM search_backlog WHERE source = 'deals'").get() as { after: number; upTo: number } | undefined;
    if (!row) return 0;
    const entry = dealSearchEntry(db);
    if (!entry) {
      console.error('[search] the deals search trigger has an unexpected shape: search entries left to write later');
      return 0;
    }
    const upTo = Math.min(row.upTo, row.after + limit);
    bigPendingTerms(db);
    db.prepare(entry.range).run({ after: row.after, upTo });
    if (upTo >= row.upTo) db.prepare("DELETE FROM search_backlog WHERE source = 'deals'").run();
    else db.prepare("UPDATE search_backlog SET after_id = ? WHERE source = 'deals'").run(upTo);
    return row.upTo - upTo;
  }).immediate();
}

/**
 * FTS5 writes its pending terms out as a new segment every 1 MB by default, so a chunk of
 * 25,000 deals became dozens of small segments merged again and again as the index grew
 * (measured, 247,500 deals: 7.7-9.8 s at 1 MB, 2.7-4.8 s at 32 MB, in turn under the same
 * load; peak memory the same). Stored in the index's own config, so set once per file; a
 * transaction of a few rows never holds more than its own few terms either way.
 */
const PENDING_TERMS_BYTES = 32 * 1024 * 1024;
function bigPendingTerms(db: Db): void {
  const now = db.prepare("SELECT v FROM search_deal_config WHERE k = 'hashsize'").pluck().get() as number | undefined;
  // A literal: FTS5 refuses a bound number, which arrives as a REAL.
  if (now !== PENDING_TERMS_BYTES) db.exec(`INSERT INTO search_deal (search_deal, rank) VALUES ('hashsize', ${PENDING_TERMS_BYTES})`);
}

/** Everything in the backlog, now (on opening the file: what a crash left unwritten). */
export function completeSearchBacklog(db: Db): void {
  while (fillSearchBacklog(db) > 0);
}

/**
 * After an import: the backlog a chunk at a time, yielding between chunks so the app keeps
 * answering, then the WAL copied into the file (the import's commit skipped that to report
 * sooner). The new rows are read from the WAL through a small page cache, not from the
 * memory-mapped file, so the process stays as small as during the import. Never throws:
 * whatever it could not write is written on the next open.
 */
export async function catchUpSearch(db: Db): Promise<void> {
  const tick = (ms = 0) => new Promise<void>((resolve) => (ms ? setTimeout(resolve, ms) : setImmediate(resolve)));
  if (!db.open) return;
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  const autoCheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma('cache_size = -16384');
  db.pragma('wal_autocheckpoint = 0');
  try {
    // The import may have multiplied the deals: statistics taken on a small store would make
    // the planner pick plans for a small store (the entries below, the screens).
    if (!db.inTransaction) refreshDealStats(db);
    for (;;) {
      await tick();
      if (!db.open) return;
      if (db.inTransaction) {
        await tick(20); // another import is being written: after it
        continue;
      }
      if (fillSearchBacklog(db) === 0) break;
    }
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    console.error('[search] entries left for the next open:', err);
  } finally {
    if (db.open) {
      db.pragma(`cache_size = ${cacheSize}`);
      db.pragma(`wal_autocheckpoint = ${autoCheckpoint}`);
    }
  }
}
