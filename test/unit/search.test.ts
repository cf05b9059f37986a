/**
 * Find anything: the FTS5 index kept in step by triggers (through the API, on a real file),
 * words found from their first letters in any case and accent, results grouped by kind with
 * the match marked, and the index left out of exports and rebuilt on restore.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { dispatch, dispatchAsync } from '../../electron/core/api/dispatch';
import { writeDataExport } from '../../electron/core/data/exportData';
import { stageFile } from '../../electron/core/files/staging';
import type { Ctx } from '../../electron/core/context';
import { ftsQuery, searchWords } from '../../electron/core/repos/search';
import { hasEveryWord, markWords, snippet } from '../../electron/core/repos/searchText';
import type { SearchResults } from '../../shared/schemas/search';
import { tempDir, testCtx } from './helpers';

function ok<T>(ctx: Ctx, name: string, input: unknown): T {
  const r = dispatch(ctx, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}
const find = (ctx: Ctx, text: string) => ok<SearchResults>(ctx, 'search.query', { text });
/** "kind: title" per hit, markers shown as [ ]. */
const hits = (r: SearchResults) => r.groups.flatMap((g) => g.hits.map((h) => `${g.kind}: ${(h.title || h.snippet).replaceAll('\u0002', '[').replaceAll('\u0003', ']')}`));

function team(ctx: Ctx) {
  const grace = ok<{ id: number }>(ctx, 'reps.create', { name: 'Grace Okafor', role: 'field', quota: 1000, territory: 'Nordics' });
  const deal = ok<{ id: number }>(ctx, 'deals.create', {
    repId: grace.id, accountName: 'Müller Logistik', name: 'Platform renewal', stage: 'Proposal', amount: 5000, createdDate: '2026-10-01', nextStep: 'Send the pricing memo',
  });
  const note = ok<{ id: number }>(ctx, 'notes.create', { repId: grace.id, kind: 'feedback', noteDate: '2026-11-02', body: 'Asked great questions about the budget owner.', visibility: 'private' });
  ok(ctx, 'commitments.create', { repId: grace.id, owner: 'manager', text: 'Book the negotiation workshop', dueDate: '2026-12-01' });
  return { grace: grace.id, deal: deal.id, note: note.id };
}

describe('search', () => {
  it('finds every kind from the first letters of its words, in any case and accent, grouped, with the match marked', () => {
    const ctx = testCtx();
    const t = team(ctx);
    expect(hits(find(ctx, 'plat ren'))).toEqual(['deal: [Platform] [renewal]']);
    expect(hits(find(ctx, 'MULLER'))).toEqual(['deal: Platform renewal', 'account: [Müller] Logistik']); // the deal's account counts, accent or not
    expect(hits(find(ctx, 'budg'))).toEqual(['note: Asked great questions about the [budget] owner.']);
    expect(hits(find(ctx, 'negot'))).toEqual(['commitment: Book the [negotiation] workshop']);
    expect(hits(find(ctx, 'nordic'))).toEqual(['rep: Grace Okafor']);
    expect(hits(find(ctx, 'proposal'))).toEqual([]); // stages are filtered in the Pipeline, not searched
    const r = find(ctx, 'pricing');
    expect(r.groups[0]).toMatchObject({ kind: 'deal', label: 'Deals', hits: [{ id: t.deal, context: 'Müller Logistik · Grace Okafor · Proposal', target: { screen: 'deal', id: t.deal } }] });
    expect(find(ctx, 'budg').groups[0]!.hits[0]).toMatchObject({ context: 'Grace Okafor', date: '2026-11-02', target: { screen: 'rep', id: t.grace } });
    expect(find(ctx, 'g').groups).toEqual([]); // one letter matches half the store: not searched
    expect(find(ctx, 'zzz nothing').groups).toEqual([]);
  });

  it('keeps the index in step with every change: edits, renames, deletes', () => {
    const ctx = testCtx();
    const t = team(ctx);
    ok(ctx, 'deals.update', { id: t.deal, repId: t.grace, accountName: 'Müller Logistik', name: 'Fleet expansion', stage: 'Proposal', amount: 5000, createdDate: '2026-10-01' });
    expect(hits(find(ctx, 'platform'))).toEqual([]);
    expect(hits(find(ctx, 'fleet'))).toEqual(['deal: [Fleet] expansion']);
    // Renaming the account renames it in its deals' entries too.
    ctx.db.prepare("UPDATE accounts SET name = 'Weber Transport' WHERE name = 'Müller Logistik'").run();
    expect(hits(find(ctx, 'weber'))).toEqual(['deal: Fleet expansion', 'account: [Weber] Transport']);
    expect(hits(find(ctx, 'muller'))).toEqual([]);
    ok(ctx, 'notes.delete', { id: t.note });
    expect(hits(find(ctx, 'budget'))).toEqual([]);
    // One entry per row, whatever happened to it.
    const rows = (sql: string) => ctx.db.prepare(sql).pluck().get() as number;
    for (const [index, table] of [['rep', 'reps'], ['deal', 'deals'], ['account', 'accounts'], ['note', 'coaching_notes'], ['commitment', 'commitments']])
      expect(rows(`SELECT COUNT(*) FROM search_${index}`), index).toBe(rows(`SELECT COUNT(*) FROM ${table}`));
  });

  it('reads what is typed as words, never as query syntax', () => {
    expect(searchWords('plat ren')).toEqual(['plat', 'ren']);
    expect(ftsQuery('plat ren')).toBe('"plat"* "ren"*');
    expect(ftsQuery('"OR" NEAR(a b) title:x -y *')).toBe('"OR"* "NEAR"* "a"* "b"* "title"* "x"* "y"*');
    expect(ftsQuery('a')).toBeNull();
    const ctx = testCtx();
    team(ctx);
    for (const text of ['"', 'AND OR NOT', 'title : x', '((', '{title}', 'a*b']) expect(dispatch(ctx, 'search.query', { text }).ok, text).toBe(true);
  });

  it('lists the newest matches of each kind, those matching in the name first', () => {
    const ctx = testCtx();
    const t = team(ctx);
    const deal = (name: string, nextStep?: string) =>
      ok<{ id: number }>(ctx, 'deals.create', { repId: t.grace, accountName: 'Acme', name, stage: 'Proposal', amount: 100, createdDate: '2026-10-02', ...(nextStep ? { nextStep } : {}) }).id;
    const named = Array.from({ length: 7 }, (_, i) => deal(`Fleet ${i}`));
    const inNextStep = deal('Telematics', 'Ask about the fleet size'); // the newest, but matched in its text only
    const r = ok<SearchResults>(ctx, 'search.query', { text: 'fleet', perKind: 5 });
    expect(r.groups[0]!.hits.map((h) => h.id)).toEqual(named.slice(2).reverse());
    const all = ok<SearchResults>(ctx, 'search.query', { text: 'fleet', perKind: 10 });
    expect(all.groups[0]!.hits.map((h) => h.id)).toEqual([...named.slice().reverse(), inNextStep]);
    expect(all.groups[0]!.hits.at(-1)!.snippet).toContain('\u0002fleet\u0003');
  });

  it('is left out of the JSON export and rebuilt when it is restored', async () => {
    const a = testCtx();
    team(a);
    const file = path.join(tempDir(), 'all.json');
    writeDataExport(a.db, a.clock, 'json', file);
    expect(Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')).tables).filter((t) => t.startsWith('search'))).toEqual([]);
    const b = testCtx();
    const r = await dispatchAsync(b, 'data.restoreJson', { fileId: stageFile('all.json', fs.readFileSync(file)).fileId });
    expect(r.ok).toBe(true);
    expect(hits(find(b, 'plat'))).toEqual(['deal: [Platform] renewal']);
    expect(hits(find(b, 'budg'))).toEqual(['note: Asked great questions about the [budget] owner.']);
  });
});

describe('search, a longer word among many alike', () => {
  it('finds the newest of a common word through its first letters, and a rare one behind 1,500 alike through FTS5 itself', () => {
    const ctx = testCtx();
    const t = team(ctx);
    const rare = ok<{ id: number }>(ctx, 'commitments.create', { repId: t.grace, owner: 'rep', text: 'Send the accolade to the team', dueDate: '2026-12-01' }).id;
    const insert = ctx.db.prepare("INSERT INTO commitments (rep_id, owner, text, due_date, status, created_on, created_at, updated_at) VALUES (?, 'rep', ?, '2026-12-01', 'open', '2026-11-20', 'now', 'now')");
    ctx.db.transaction(() => {
      for (let i = 0; i < 1600; i++) insert.run(t.grace, `Check the accounting export ${i}`);
    })();
    expect(hits(find(ctx, 'accou'))).toEqual([1599, 1598, 1597, 1596, 1595].map((i) => `commitment: Check the [accounting] export ${i}`));
    const found = find(ctx, 'accol');
    expect(found.groups.map((g) => g.hits.map((h) => [h.id, h.title]))).toEqual([[[rare, 'Send the \u0002accolade\u0003 to the team']]]);
    expect(hits(find(ctx, 'accounting 1234'))).toEqual(['commitment: Check the [accounting] export [1234]']);
  });
});

describe('search text', () => {
  it('marks the words a typed word starts, folds case and accents, and cuts a long text around its first match', () => {
    expect(markWords('Müller-Logistik GmbH: Platform', ['mull', 'plat'])).toBe('\u0002Müller\u0003-Logistik GmbH: \u0002Platform\u0003');
    expect(hasEveryWord('Zoë Chen, Nordics', ['zoe', 'nord'])).toBe(true);
    expect(hasEveryWord('Zoë Chen, Nordics', ['zoe', 'oslo'])).toBe(false);
    const long = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    expect(snippet(long, ['w20'])).toBe('…w17 w18 w19 \u0002w20\u0003 w21 w22 w23 w24 w25 w26 w27 w28…');
    expect(snippet('Short text here', ['zz'])).toBe('');
  });
});
