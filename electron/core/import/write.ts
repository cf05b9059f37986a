import { toCents } from '../../../shared/domain/money';
import { forgetFacts, rebuildFacts, refreshFacts } from '../repos/pipelineFacts';
import type { ImportedAccount, ImportedDeal, ImportedRecord, ImportedRep } from '../../../shared/domain/import/rows';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { dropIndexes } from '../db/indexes';
import { dealKey, emptyStats, nocase, normalizedRows } from '../../../shared/domain/import/rows';
import type { OwnerPlan, ImportPlan } from './plan';
import { dealHistory, recordFirstStages } from '../repos/dealHistory';
import { accountSearchEntry, dealSearchEntry, deferDealSearch } from '../db/searchBacklog';
import { dropRollupTriggers, rebuildRollups } from '../repos/rollups';

export interface WriteCounts {
  runId: number;
  created: number;
  updated: number;
  unchanged: number;
  repsCreated: number;
}

const CHUNK = 2000;
const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes the valid rows in ONE transaction, yielding to the event loop between chunks so the
 * app can report progress (and the web preview keep answering). While it runs, dispatch()
 * refuses other calls (see the guard there), so nothing else joins or sees the transaction.
 * Any failure rolls everything back: an import exists whole, with its run record, or not at all.
 */
export async function writeImport(
  db: Db,
  clock: Clock,
  plan: ImportPlan,
  skipped: number,
  beforeCommit: () => void,
  onProgress: (done: number, total: number) => void,
): Promise<WriteCounts> {
  const now = clock.now().toISOString();
  const today = clock.today();
  const writer = makeWriter(db, now, today, plan.owners);
  const waiting = new Set(plan.analysis.owners.filter((o) => o.decision === null).map((o) => nocase(o.name)));
  const total = plan.valid;
  let done = 0;
  // A big write gains nothing from the 64 MB read cache the screens use: it streams its pages
  // to the WAL instead (measured: peak memory 50 MB lower at 250,000 rows, no slower). Nor from
  // the memory-mapped file: a re-import reads every deal it compares, and each page it maps
  // stays resident (an updated export of 247,500 deals: peak 403-427 MB mapped, 347-375 MB
  // through the page cache, no slower).
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  const autoCheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma('cache_size = -16384');
  const mmap = db.pragma('mmap_size', { simple: true }) as number;
  db.pragma('mmap_size = 0');
  db.exec('BEGIN IMMEDIATE');
  try {
    const lastDealBefore = db.prepare('SELECT COALESCE(MAX(id), 0) FROM deals').pluck().get() as number;
    // A big import into a small store: dropping the deal indexes and building them again once
    // is much faster than updating six indexes row by row (db/indexes.ts).
    const restoreIndexes = isBulk(db, plan) ? dropIndexes(db, ['deals', 'deal_stage_history']) : null;
    // New deals' search entries are written after the commit (db/searchBacklog.ts): FTS5
    // would take as long as the rest of the write, and the import is complete without them.
    const searchEntry = plan.choices.kind === 'deals' ? dealSearchEntry(db) : null;
    if (searchEntry) db.exec('DROP TRIGGER search_deals_ai');
    // The per-rep rollups likewise: rebuilt once from all the deals rather than row by row.
    const restoreRollups = restoreIndexes ? dropRollupTriggers(db) : null;
    // The accounts it adds get theirs in one statement before the commit: a trigger per row
    // took several times as long (20,000 accounts: 0.3 s more).
    const lastAccountBefore = db.prepare('SELECT COALESCE(MAX(id), 0) FROM accounts').pluck().get() as number;
    const accountEntry = plan.choices.kind === 'deals' ? accountSearchEntry(db) : null;
    if (accountEntry) db.exec('DROP TRIGGER search_accounts_ai');
    // The rows are read again, a chunk at a time: the plan kept counts, not 250,000 records.
    let chunk: ImportedRecord[] = [];
    for (const r of normalizedRows(plan.table, plan.choices, emptyStats())) {
      if (waiting.size && waiting.has(nocase((r as ImportedDeal).owner))) continue; // never written without an answer
      chunk.push(r);
      if (chunk.length === CHUNK) {
        writer.write(plan.choices.kind, chunk);
        done += chunk.length;
        chunk = [];
        onProgress(done, total);
        await nextTick();
      }
    }
    writer.write(plan.choices.kind, chunk);
    done += chunk.length;
    onProgress(done, total);
    // Each new deal's first history row ("created in its stage"), in one statement.
    recordFirstStages(db, lastDealBefore, now);
    restoreIndexes?.();
    if (restoreRollups) {
      rebuildRollups(db);
      restoreRollups();
    }
    if (accountEntry) {
      db.prepare(accountEntry.range).run({ after: lastAccountBefore, upTo: db.prepare('SELECT COALESCE(MAX(id), 0) FROM accounts').pluck().get() as number });
      db.exec(accountEntry.trigger);
    }
    if (searchEntry) {
      db.exec(searchEntry.trigger);
      deferDealSearch(db, lastDealBefore, db.prepare('SELECT COALESCE(MAX(id), 0) FROM deals').pluck().get() as number);
    }
    // The Pipeline's stored facts, in this transaction (an accounts import changes none); a bulk
    // import leaves them to the first read after it, rather than rank every open deal here; a
    // smaller deals import ranks again only the reps it touched (refreshImportedFacts).
    if (plan.choices.kind === 'reps') rebuildFacts(db, today);
    else if (plan.choices.kind === 'deals') {
      if (restoreIndexes) forgetFacts(db);
      else refreshImportedFacts(db, writer.touchedReps);
    }
    writer.rememberOwners(plan.aliases);
    const c = writer.counts;
    const runId = Number(
      db
        .prepare(
          `INSERT INTO import_runs (file_name, kind, preset, imported_at, rows_read, created, updated, unchanged, skipped, reps_created, notes)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(plan.fileName, plan.choices.kind, plan.preset?.id ?? null, now, plan.table.rows.length, c.created, c.updated, c.unchanged, skipped, c.repsCreated,
          JSON.stringify(plan.analysis.fallbacks))
        .lastInsertRowid,
    );
    beforeCommit();
    // The commit is durable once the WAL is synced; copying the WAL into the file (SQLite's
    // automatic checkpoint, as long again for a big import) is left to catchUpSearch.
    db.pragma('wal_autocheckpoint = 0');
    db.exec('COMMIT');
    return { runId, ...c };
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
    db.pragma(`wal_autocheckpoint = ${autoCheckpoint}`);
    db.pragma(`mmap_size = ${mmap}`);
  }
}

/**
 * A deals import that is not bulk: the facts of the reps whose deals it added or changed (the
 * rep a deal left too), ranked again; none when it changed nothing (a re-import of the same
 * export). Past half the reps (an updated export of the whole team) they are left to the first
 * read after it, as after a bulk import: ranking every open deal inside the import's
 * transaction took 8 s and 250 MB more at 247,500 deals, and one rep costs about 25 ms.
 */
function refreshImportedFacts(db: Db, reps: ReadonlySet<number>): void {
  if (reps.size === 0) return;
  const all = db.prepare('SELECT COUNT(*) FROM reps').pluck().get() as number;
  if (reps.size * 2 <= all) refreshFacts(db, [...reps]);
  else forgetFacts(db);
}

/** Rows at or above which a deals import rebuilds the indexes instead of updating them (measured with bench:import). */
const BULK_ROWS = 20_000;

/** Whether this import rebuilds the deal and history indexes: only when it adds more deals than the store holds. */
function isBulk(db: Db, plan: ImportPlan): boolean {
  const adds = plan.analysis.counts.create;
  if (plan.choices.kind !== 'deals' || adds < BULK_ROWS) return false;
  return adds >= (db.prepare('SELECT COUNT(*) FROM deals').pluck().get() as number);
}

/** The columns an import compares with the file, in the order writeDeal lists the file's values. */
const COMPARED = [
  'rep_id', 'account_id', 'name', 'stage', 'crm_stage', 'amount_cents', 'currency', 'created_date', 'expected_close_date', 'closed_date', 'outcome',
  'last_activity_date', 'next_step', 'source',
] as const;
const REP = COMPARED.indexOf('rep_id');
const STAGE = COMPARED.indexOf('stage');
const EXPECTED_CLOSE = COMPARED.indexOf('expected_close_date');

/** A deal already in the store: its id and the compared columns (arrays, not objects: 250,000 of them at once). */
interface ExistingDeal {
  id: number;
  old: unknown[];
}
const existingOf = (row: unknown[]): ExistingDeal => ({ id: row[0] as number, old: row.slice(2) });

const INSERT_DEAL = `INSERT INTO deals (external_id, rep_id, account_id, name, stage, crm_stage, amount_cents, currency, created_date,
  expected_close_date, closed_date, outcome, last_activity_date, next_step, source, stage_entered_date, created_at, updated_at)`;
const DEAL_COLUMNS = 18;
const DEAL_ROW = `(${Array(DEAL_COLUMNS).fill('?').join(', ')})`;
const DEALS_PER_INSERT = 50;

/** Prepared statements and lookups for one import; counts what it did. */
function makeWriter(db: Db, now: string, today: string, owners: OwnerPlan) {
  const counts = { created: 0, updated: 0, unchanged: 0, repsCreated: 0 };
  /** Reps whose deals this import added or changed, or a changed deal left: their Pipeline facts move. */
  const touchedReps = new Set<number>();
  const s = {
    repByName: db.prepare('SELECT id FROM reps WHERE name = ?').pluck(),
    insertRep: db.prepare(
      `INSERT INTO reps (name, email, role, territory, hire_date, status, quota_cents, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?)`,
    ),
    updateRep: db.prepare(
      `UPDATE reps SET email = COALESCE(?, email), role = COALESCE(?, role), territory = COALESCE(?, territory),
         hire_date = COALESCE(?, hire_date), quota_cents = COALESCE(?, quota_cents), updated_at = ? WHERE id = ?`,
    ),
    alias: db.prepare(
      `INSERT INTO rep_aliases (alias, rep_id, created_at) VALUES (?, ?, ?)
       ON CONFLICT(alias) DO UPDATE SET rep_id = excluded.rep_id, created_at = excluded.created_at`,
    ),
    accountByName: db.prepare('SELECT id FROM accounts WHERE name = ?').pluck(),
    insertAccount: db.prepare('INSERT INTO accounts (name, industry, segment, created_at, updated_at) VALUES (?, ?, ?, ?, ?)'),
    updateAccount: db.prepare(
      'UPDATE accounts SET industry = COALESCE(?, industry), segment = COALESCE(?, segment), updated_at = ? WHERE id = ?',
    ),
    // A chunk's known deals in one query, not one lookup per row.
    dealsByIds: db.prepare(`SELECT id, external_id, ${COMPARED.join(', ')} FROM deals WHERE external_id IN (SELECT value FROM json_each(?))`).raw(),
    dealByRowId: db.prepare(`SELECT id, external_id, ${COMPARED.join(', ')} FROM deals WHERE id = ?`).raw(),
    insertDeal: db.prepare(`${INSERT_DEAL} VALUES ${DEAL_ROW}`),
    // New deals go in 50 to a statement: one call into SQLite (binding, stepping, resetting) instead of 50.
    insertDeals: db.prepare(`${INSERT_DEAL} VALUES ${Array(DEALS_PER_INSERT).fill(DEAL_ROW).join(', ')}`),
    updateDeal: db.prepare(
      `UPDATE deals SET rep_id = ?, account_id = ?, name = ?, stage = ?, crm_stage = ?, amount_cents = ?, currency = ?, created_date = ?,
         expected_close_date = ?, closed_date = ?, outcome = ?, last_activity_date = ?, next_step = ?, source = ?,
         stage_entered_date = CASE WHEN stage <> ? THEN ? ELSE stage_entered_date END,
         close_date_changes = close_date_changes + ?, updated_at = ?
       WHERE id = ?`,
    ),
  };
  const history = dealHistory(db);
  const repIds = new Map<string, number>();
  const accountIds = new Map<string, number>();
  // Existing CRM ids are read once: a first import of 250,000 new deals needs no lookup per row.
  const knownIds = new Set(db.prepare('SELECT external_id FROM deals WHERE external_id IS NOT NULL').pluck().all() as string[]);
  // Deals without a CRM id, by name and account (read once, only when the file has such rows);
  // when several share one, the k-th row of the file updates the k-th deal.
  let named: Map<string, number[]> | null = null;
  const namedDeals = () => {
    if (named) return named;
    named = new Map();
    const rows = db
      .prepare('SELECT d.id, d.name, a.name AS account FROM deals d LEFT JOIN accounts a ON a.id = d.account_id WHERE d.external_id IS NULL ORDER BY d.id')
      .all() as { id: number; name: string; account: string | null }[];
    for (const r of rows) {
      const key = dealKey({ externalId: null, name: r.name, accountName: r.account });
      const ids = named.get(key);
      if (ids) ids.push(r.id);
      else named.set(key, [r.id]);
    }
    return named;
  };
  const taken = new Map<string, number>();

  const repNamed = (name: string): number => {
    let id = s.repByName.get(name) as number | undefined;
    if (!id) {
      id = Number(s.insertRep.run(name, null, 'field', null, null, 0, now, now).lastInsertRowid);
      counts.repsCreated++;
    }
    return id;
  };
  const repFor = (owner: string): number => {
    const key = nocase(owner); // as planImport keys owners
    const known = repIds.get(key);
    if (known) return known;
    const decision = owners.get(key) ?? { create: owner };
    const id = typeof decision === 'number' ? decision : repNamed(decision.create);
    repIds.set(key, id);
    return id;
  };
  const accountFor = (name: string | null): number | null => {
    if (!name) return null;
    const key = nocase(name);
    let id = accountIds.get(key) ?? (s.accountByName.get(name) as number | undefined);
    if (!id) id = Number(s.insertAccount.run(name, null, null, now, now).lastInsertRowid);
    accountIds.set(key, id);
    return id;
  };
  let chunkDeals = new Map<string, ExistingDeal>();
  // New deals' values waiting for a full statement (insertDeals); the rest go one by one at the chunk's end.
  const newDeals: unknown[] = [];
  const flushNewDeals = () => {
    for (let i = 0; i < newDeals.length; i += DEAL_COLUMNS) s.insertDeal.run(newDeals.slice(i, i + DEAL_COLUMNS));
    newDeals.length = 0;
  };
  const existing = (d: ImportedDeal): ExistingDeal | undefined => {
    if (d.externalId) return chunkDeals.get(d.externalId);
    const key = dealKey(d);
    const k = taken.get(key) ?? 0;
    taken.set(key, k + 1);
    const id = namedDeals().get(key)?.[k];
    return id === undefined ? undefined : existingOf(s.dealByRowId.get(id) as unknown[]);
  };

  const writeDeal = (d: ImportedDeal) => {
    const repId = repFor(d.owner);
    const accountId = accountFor(d.accountName);
    const closed = d.outcome !== 'open';
    const closedDate = closed ? d.closeDate : null;
    const expected = d.closeDate;
    const before = existing(d);
    if (!before) {
      // A new deal entered its stage when created (or, if closed, on the day it closed).
      const entered = closed && closedDate ? closedDate : d.createdDate;
      // Its first history row is written with all the others in one statement (writeImport).
      newDeals.push(d.externalId, repId, accountId, d.name, d.stage, d.crmStage, toCents(d.amount), d.currency, d.createdDate,
        expected, closedDate, d.outcome, d.lastActivityDate, d.nextStep, d.source, entered, now, now);
      if (newDeals.length === DEALS_PER_INSERT * DEAL_COLUMNS) {
        s.insertDeals.run(newDeals);
        newDeals.length = 0;
      }
      if (d.externalId) knownIds.add(d.externalId);
      touchedReps.add(repId);
      counts.created++;
      return;
    }
    const after = [repId, accountId, d.name, d.stage, d.crmStage, toCents(d.amount), d.currency, d.createdDate, expected, closedDate, d.outcome,
      d.lastActivityDate, d.nextStep, d.source];
    const old = before.old;
    if (after.every((v, i) => v === old[i])) {
      counts.unchanged++;
      return;
    }
    // The CRM says what is true now; the history records that it changed, dated today
    // (or, when the deal closed, on its close date).
    const stageMoved = old[STAGE] !== d.stage;
    const changedOn = stageMoved && closedDate ? closedDate : today;
    const closeMoved = d.outcome === 'open' && old[EXPECTED_CLOSE] !== expected;
    s.updateDeal.run(...after, d.stage, changedOn, closeMoved ? 1 : 0, now, before.id);
    if (stageMoved) history.stageMoved(before.id, old[STAGE] as string, d.stage, changedOn, now);
    if (closeMoved) history.closeDateMoved(before.id, old[EXPECTED_CLOSE] as string | null, expected, today, now);
    touchedReps.add(repId).add(old[REP] as number);
    counts.updated++;
  };

  const writeRep = (r: ImportedRep) => {
    const id = s.repByName.get(r.name) as number | undefined;
    const quota = r.quota === null ? null : toCents(r.quota);
    if (id) {
      s.updateRep.run(r.email, r.role, r.territory, r.hireDate, quota, now, id);
      counts.updated++;
    } else {
      s.insertRep.run(r.name, r.email, r.role ?? 'field', r.territory, r.hireDate, quota ?? 0, now, now);
      counts.created++;
    }
  };

  const writeAccount = (a: ImportedAccount) => {
    const id = s.accountByName.get(a.name) as number | undefined;
    if (id) {
      s.updateAccount.run(a.industry, a.segment, now, id);
      counts.updated++;
    } else {
      s.insertAccount.run(a.name, a.industry, a.segment, now, now);
      counts.created++;
    }
  };

  return {
    counts,
    touchedReps,
    write(kind: 'deals' | 'reps' | 'accounts', chunk: ImportedRecord[]) {
      if (kind === 'deals') {
        const known: string[] = []; // a plain loop: flatMap's array per row cost 0.15 s at 250,000 rows
        for (const d of chunk as ImportedDeal[]) if (d.externalId && knownIds.has(d.externalId)) known.push(d.externalId);
        chunkDeals = new Map(known.length ? (s.dealsByIds.all(JSON.stringify(known)) as unknown[][]).map((row) => [row[1] as string, existingOf(row)]) : []);
        for (const r of chunk) writeDeal(r as ImportedDeal);
        flushNewDeals();
      } else if (kind === 'reps') for (const r of chunk) writeRep(r as ImportedRep);
      else for (const r of chunk) writeAccount(r as ImportedAccount);
    },
    /** Owners the manager matched by hand (an id, an e-mail) find their rep by themselves next time. */
    rememberOwners(aliases: Map<string, number | { create: string }>) {
      for (const [alias, target] of aliases) s.alias.run(alias, typeof target === 'number' ? target : repNamed(target.create), now);
    },
  };
}
