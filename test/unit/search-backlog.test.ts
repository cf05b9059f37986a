/**
 * Search entries written after an import's commit (db/searchBacklog.ts): what a crash right
 * after the commit leaves is completed when the file is opened again, edits made meanwhile
 * neither duplicate nor lose an entry, and the job makes every new deal searchable.
 */
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../electron/core/context';
import { closeDatabase, openDatabase } from '../../electron/core/db/open';
import { completeSearchBacklog, fillSearchBacklog } from '../../electron/core/db/searchBacklog';
import { startImport } from '../../electron/core/import/jobs';
import { planImport } from '../../electron/core/import/plan';
import { writeImport } from '../../electron/core/import/write';
import { importStartInput } from '../../shared/schemas/imports';
import type { SearchResults } from '../../shared/schemas/search';
import { testCtx, track } from './helpers';
import { ok, stage } from './importHelpers';

/** `rows` deals with CRM ids P0, P1…, 50 accounts, no next step column. */
const file = (prefix: string, rows: number) =>
  Buffer.from(
    'Id,Deal,Account,Owner,Stage,Amount,Close,Created\n' +
      Array.from({ length: rows }, (_, i) => `${prefix}${i},Deal ${prefix}${i},Acct ${i % 50},Rep ${i % 4},Proposal,${1000 + i},2026-12-15,2026-01-10`).join('\n'),
  );

/** An import written and committed, its search entries not yet: the state a crash right after the commit leaves. */
async function importWithoutEntries(ctx: Ctx, prefix: string, rows: number) {
  const plan = planImport(ctx, { fileId: stage(`${prefix}.csv`, file(prefix, rows)) });
  return writeImport(ctx.db, ctx.clock, plan, 0, () => {}, () => {});
}

const count = (ctx: Ctx, sql: string, ...args: unknown[]) => ctx.db.prepare(sql).pluck().get(...args) as number;
const backlog = (ctx: Ctx) => ctx.db.prepare('SELECT source, after_id AS after, up_to_id AS upTo FROM search_backlog').all();
const entryOf = (ctx: Ctx, externalId: string) =>
  ctx.db.prepare('SELECT title, body FROM search_deal WHERE rowid = (SELECT id FROM deals WHERE external_id = ?)').get(externalId);
const dealIdsFound = (ctx: Ctx, text: string) =>
  ok<SearchResults>(ctx, 'search.query', { text }).groups.flatMap((g) => (g.kind === 'deal' ? g.hits.map((h) => h.id) : []));
/** FTS5's pending-terms limit for the deals' index, as stored in its config (undefined: FTS5's default). */
const pendingTermsBytes = (ctx: Ctx) => ctx.db.prepare("SELECT v FROM search_deal_config WHERE k = 'hashsize'").pluck().get();
/** Deals without their entry, and entries without their deal. */
const mismatched = (ctx: Ctx) =>
  count(ctx, 'SELECT COUNT(*) FROM deals WHERE id NOT IN (SELECT rowid FROM search_deal)') +
  count(ctx, 'SELECT COUNT(*) FROM search_deal WHERE rowid NOT IN (SELECT id FROM deals)');

describe('search entries written after the import', () => {
  it('a crash after the commit leaves the range recorded; a chunk moves it on; opening the file writes the rest', async () => {
    const ctx = testCtx();
    const written = await importWithoutEntries(ctx, 'P', 3000);
    expect(written.created).toBe(3000);
    expect(backlog(ctx)).toEqual([{ source: 'deals', after: 0, upTo: 3000 }]);
    expect(count(ctx, 'SELECT COUNT(*) FROM search_deal')).toBe(0);
    expect(dealIdsFound(ctx, 'P2999')).toEqual([]);
    expect(pendingTermsBytes(ctx)).toBeUndefined(); // FTS5's default (1 MB) until a backlog is written

    expect(fillSearchBacklog(ctx.db, 1000)).toBe(2000); // ids 1-1000 done, 2,000 waiting
    expect(pendingTermsBytes(ctx)).toBe(32 * 1024 * 1024); // a chunk is one segment, not dozens
    expect(backlog(ctx)).toEqual([{ source: 'deals', after: 1000, upTo: 3000 }]);
    expect(count(ctx, 'SELECT COUNT(*) FROM search_deal')).toBe(1000);

    closeDatabase(ctx.db);
    const reopened: Ctx = { ...ctx, db: track(openDatabase(ctx.dbPath)) };
    expect(backlog(reopened)).toEqual([]);
    expect(count(reopened, 'SELECT COUNT(*) FROM search_deal')).toBe(3000);
    expect(mismatched(reopened)).toBe(0);
    // What the insert trigger writes: the name; the account, next step and CRM id (2999 % 50 = 49).
    expect(entryOf(reopened, 'P2999')).toEqual({ title: 'Deal P2999', body: 'Acct 49 P2999' });
    expect(dealIdsFound(reopened, 'P2999')).toEqual([count(reopened, "SELECT id FROM deals WHERE external_id = 'P2999'")]);
  });

  it('deals edited, deleted or whose account is renamed before their entry is written: one entry each, with the new text', async () => {
    const ctx = testCtx();
    await importWithoutEntries(ctx, 'P', 3000);
    const five = ok<{ deal: Record<string, unknown> }>(ctx, 'deals.get', { id: count(ctx, "SELECT id FROM deals WHERE external_id = 'P5'") }).deal;
    ok(ctx, 'deals.update', { ...five, name: 'Renamed five' }); // its update trigger writes the entry
    ctx.db.prepare("DELETE FROM deals WHERE external_id = 'P6'").run();
    ctx.db.prepare("UPDATE accounts SET name = 'Acct seven renamed' WHERE name = 'Acct 7'").run(); // 60 deals: i % 50 = 7
    expect(count(ctx, 'SELECT COUNT(*) FROM search_deal')).toBe(61);

    completeSearchBacklog(ctx.db);
    expect(backlog(ctx)).toEqual([]);
    expect(count(ctx, 'SELECT COUNT(*) FROM search_deal')).toBe(2999);
    expect(mismatched(ctx)).toBe(0);
    expect(entryOf(ctx, 'P5')).toEqual({ title: 'Renamed five', body: 'Acct 5 P5' });
    expect(entryOf(ctx, 'P57')).toEqual({ title: 'Deal P57', body: 'Acct seven renamed P57' });
    expect(dealIdsFound(ctx, 'renamed five')).toHaveLength(1);
  });

  it('a second import before the first one’s entries are written: one range covers both', async () => {
    const ctx = testCtx();
    await importWithoutEntries(ctx, 'P', 3000);
    await importWithoutEntries(ctx, 'Q', 2000);
    expect(backlog(ctx)).toEqual([{ source: 'deals', after: 0, upTo: 5000 }]);
    completeSearchBacklog(ctx.db);
    expect(count(ctx, 'SELECT COUNT(*) FROM search_deal')).toBe(5000);
    expect(mismatched(ctx)).toBe(0);
  });

  it('through the import job: a small import is searchable when it is done, a big one once `searchable` settles', async () => {
    const ctx = testCtx();
    const small = startImport(ctx, importStartInput.parse({ fileId: stage('small.csv', file('S', 300)) }));
    expect((await small.done).phase).toBe('done');
    expect(count(ctx, 'SELECT COUNT(*) FROM search_deal')).toBe(300); // before anything else ran
    await small.searchable;

    const big = startImport(ctx, importStartInput.parse({ fileId: stage('big.csv', file('B', 7000)) }));
    expect((await big.done).result).toMatchObject({ created: 7000 });
    await big.searchable;
    expect(backlog(ctx)).toEqual([]);
    expect(count(ctx, 'SELECT COUNT(*) FROM search_deal')).toBe(7300);
    expect(mismatched(ctx)).toBe(0);
    expect(dealIdsFound(ctx, 'B6999')).toEqual([count(ctx, "SELECT id FROM deals WHERE external_id = 'B6999'")]);
    // The import and the catching up put back the connection's own settings.
    expect([ctx.db.pragma('wal_autocheckpoint', { simple: true }), ctx.db.pragma('cache_size', { simple: true })]).toEqual([1000, -65536]);
  });
});
