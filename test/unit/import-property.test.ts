/**
 * Property-based tests (fast-check): thousands of generated rows and payloads, each either
 * imported exactly (fallbacks applied as chosen) or rejected with a message naming the row
 * and column; nothing partial; totals per owner equal a plain sum over the file.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import type { Ctx } from '../../electron/core/context';
import { stageFile } from '../../electron/core/files/staging';
import { importRunning } from '../../electron/core/import/jobs';
import { IMPORT_RECORD_RULES } from '../../shared/domain/import/rows';
import type { ImportProgress } from '../../shared/schemas/imports';
import { testCtx } from './helpers';

const HEADERS = ['CRM id', 'Deal', 'Account', 'Owner', 'Stage', 'Amount', 'Close date', 'Created', 'Modified'];
const DEFAULT_OWNER = 'Dee Default';
const STAGES = { Discovery: 'open', Proposal: 'open', 'Closed Won': 'won', 'closed lost': 'lost' } as const;

interface Row {
  name: string;
  account: string;
  owner: string;
  stage: keyof typeof STAGES;
  cents: number;
  amountStyle: number;
  close: string;
  created: string;
  /** The last-modified date: stands in for an empty close date on closed deals. */
  modified: string;
  /** The close-date cell is empty (real CRMs leave it so on closed deals). */
  noClose: boolean;
  /** The owner cell is empty: the row goes to DEFAULT_OWNER. */
  noOwner: boolean;
  dateStyle: number;
  /** Which cell, if any, is replaced by something that is certainly not valid there. */
  broken: null | 'amount' | 'close' | 'name' | 'account';
  garbage: string;
}

const text = fc.string({ unit: fc.constantFrom('a', 'Z', 'é', 'ß', ' ', ',', ';', '"', '\n', '\t', '–', '€', '1'), minLength: 1, maxLength: 24 })
  .filter((s) => s.trim().length > 0);
const day = fc.integer({ min: 0, max: 600 }).map((n) => new Date(Date.UTC(2025, 0, 1) + n * 864e5).toISOString().slice(0, 10));
const row: fc.Arbitrary<Row> = fc.record({
  name: text,
  account: text,
  owner: fc.constantFrom('Ann Lee', 'Bo Chen', 'Cy Díaz'),
  stage: fc.constantFrom(...(Object.keys(STAGES) as (keyof typeof STAGES)[])),
  cents: fc.integer({ min: 0, max: 5_000_000_00 }),
  amountStyle: fc.integer({ min: 0, max: 3 }),
  close: day,
  created: day,
  modified: day,
  noClose: fc.boolean(),
  noOwner: fc.constantFrom(false, false, false, true),
  dateStyle: fc.integer({ min: 0, max: 2 }),
  broken: fc.constantFrom(null, null, null, 'amount', 'close', 'name', 'account'),
  garbage: fc.constantFrom('n/a', 'twelve', 'TBD', '—', '1O,000', '2026-02-30', 'soon', '32/13/2026'),
});

const money = (cents: number, style: number) => {
  const n = cents / 100;
  if (style === 0) return n.toFixed(2);
  if (style === 1) return `$${n.toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
  if (style === 2) return `USD ${n.toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
  return `${n.toLocaleString('de-DE', { minimumFractionDigits: 2 })} €`;
};
const dateText = (iso: string, style: number) => {
  const [y, m, d] = iso.split('-').map(Number);
  return style === 0 ? iso : style === 1 ? `${m}/${d}/${y}` : `${d}.${m}.${y}`;
};

/**
 * What a row must become in the store, worked from the row alone: a blank name is built
 * from the account, a blank account is no account, a blank owner is the default owner, a
 * closed deal without a close date takes its modified date, and closing before it was
 * created is allowed. Only a broken amount or date, or a date in the future, refuses it.
 */
function expected(r: Row, today: string) {
  const outcome = STAGES[r.stage];
  const closeDate = r.noClose ? (outcome === 'open' ? null : r.modified) : r.close;
  const problems = [r.broken === 'amount', r.broken === 'close' && !r.noClose, outcome !== 'open' && closeDate !== null && closeDate > today, r.created > today];
  const account = r.broken === 'account' ? null : r.account.trim();
  return {
    valid: !problems.some(Boolean),
    outcome,
    closeDate,
    name: r.broken === 'name' ? account : r.name.trim(),
    account,
    owner: r.noOwner ? DEFAULT_OWNER : r.owner,
  };
}

function csv(rows: Row[], delimiter: string) {
  const data = rows.map((r, i) => [
    `X-${i}`,
    r.broken === 'name' && r.broken !== null ? '   ' : r.name,
    r.broken === 'account' ? '' : r.account,
    r.noOwner ? '' : r.owner,
    r.stage,
    r.broken === 'amount' ? r.garbage.replace(/\d/g, 'x') : money(r.cents, r.amountStyle),
    r.noClose ? '' : r.broken === 'close' ? r.garbage.replace(/^\d{4}-\d{2}-\d{2}$/, '2026-02-30') : dateText(r.close, r.dateStyle),
    dateText(r.created, r.dateStyle),
    dateText(r.modified, r.dateStyle),
  ]);
  return Papa.unparse({ fields: HEADERS, data }, { delimiter, newline: '\r\n', quotes: true });
}

async function importAll(ctx: Ctx, fileId: string, skipInvalid: boolean) {
  // The manager's mapping: these properties are about rows (the guess from names and values is tested on its own).
  const mapping = ['externalId', 'name', 'accountName', 'owner', 'stage', 'amount', 'closeDate', 'createdDate', null];
  const r = dispatch(ctx, 'import.start', { fileId, skipInvalid, mapping, dateOrder: 'mdy', defaultOwner: DEFAULT_OWNER, closedDateFallback: 8 });
  if (!r.ok) return r;
  const { jobId } = r.value as { jobId: string };
  for (;;) {
    const p = dispatch(ctx, 'import.progress', { jobId });
    if (!p.ok) throw new Error(p.error.message);
    const v = p.value as ImportProgress;
    if (v.phase === 'done' || v.phase === 'failed') return { ok: true as const, value: v };
    await new Promise((res) => setImmediate(res));
  }
}

const tableCounts = (ctx: Ctx) =>
  Object.fromEntries(['deals', 'reps', 'accounts', 'import_runs', 'deal_stage_history'].map((t) => [t, ctx.db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get()]));

describe('import properties', () => {
  it('every generated row is imported exactly or listed with its row, column and reason (thousands of rows)', async () => {
    let rowsSeen = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 5, maxLength: 60, size: 'max' }), fc.constantFrom(',', ';', '\t'), fc.boolean(), async (rows, delimiter, bom) => {
        rowsSeen += rows.length;
        const ctx = testCtx();
        const bytes = Buffer.from((bom ? '\uFEFF' : '') + csv(rows, delimiter), 'utf8');
        const fileId = stageFile('gen.csv', bytes).fileId;
        const result = await importAll(ctx, fileId, true);
        const exp = rows.map((r) => expected(r, '2026-11-24'));
        const validCount = exp.filter((e) => e.valid).length;
        if (!result.ok) {
          expect(validCount).toBe(0);
          expect(result.error.message).toMatch(/no valid rows/);
          return;
        }
        const p = result.value;
        expect(p.phase).toBe('done');
        const errorsByRow = new Map<number, string[]>();
        for (const e of p.result!.errors) {
          expect(e.reason.length).toBeGreaterThan(3);
          expect(HEADERS).toContain(e.column);
          errorsByRow.set(e.row, [...(errorsByRow.get(e.row) ?? []), e.column]);
        }
        const get = ctx.db.prepare('SELECT d.*, a.name AS account, r.name AS owner FROM deals d LEFT JOIN accounts a ON a.id = d.account_id JOIN reps r ON r.id = d.rep_id WHERE external_id = ?');
        rows.forEach((r, i) => {
          const stored = get.get(`X-${i}`) as Record<string, unknown> | undefined;
          const line = i + 2;
          const e = exp[i]!;
          if (e.valid) {
            expect(errorsByRow.has(line)).toBe(false);
            expect(stored).toMatchObject({
              name: e.name,
              account: e.account,
              owner: e.owner,
              outcome: e.outcome,
              amount_cents: r.cents,
              created_date: r.created,
              expected_close_date: e.closeDate,
              closed_date: e.outcome === 'open' ? null : e.closeDate,
            });
          } else {
            expect(stored).toBeUndefined();
            expect(errorsByRow.has(line)).toBe(true);
            if (r.broken === 'amount') expect(errorsByRow.get(line)).toContain('Amount');
            if (r.broken === 'close' && !r.noClose) expect(errorsByRow.get(line)).toContain('Close date');
          }
        });
        expect(ctx.db.prepare('SELECT COUNT(*) FROM deals').pluck().get()).toBe(validCount);
        // Totals per owner: the store's sums against a plain sum over the valid rows of the file.
        const plain = new Map<string, { won: number; lost: number; wonCents: number }>();
        rows.forEach((r, i) => {
          const e = exp[i]!;
          if (!e.valid) return;
          const t = plain.get(e.owner) ?? { won: 0, lost: 0, wonCents: 0 };
          if (e.outcome === 'won') (t.won++, (t.wonCents += r.cents));
          if (e.outcome === 'lost') t.lost++;
          plain.set(e.owner, t);
        });
        const stored = ctx.db
          .prepare(`SELECT r.name AS owner, SUM(outcome = 'won') AS won, SUM(outcome = 'lost') AS lost, SUM(CASE WHEN outcome = 'won' THEN amount_cents ELSE 0 END) AS wonCents
                    FROM deals d JOIN reps r ON r.id = d.rep_id GROUP BY r.name`)
          .all() as { owner: string; won: number; lost: number; wonCents: number }[];
        expect(Object.fromEntries(stored.map((x) => [x.owner, { won: x.won, lost: x.lost, wonCents: x.wonCents }]))).toEqual(Object.fromEntries(plain));
        expect(ctx.db.pragma('foreign_key_check')).toEqual([]);
      }),
      { numRuns: 100 },
    );
    expect(rowsSeen).toBeGreaterThan(2000);
  }, 120_000);

  it('without "skip", a file with any bad row writes nothing at all', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 30 }), async (rows) => {
        const ctx = testCtx();
        const before = tableCounts(ctx);
        const result = await importAll(ctx, stageFile('gen.csv', Buffer.from(csv(rows, ','))).fileId, false);
        const anyBad = rows.some((r) => !expected(r, '2026-11-24').valid);
        if (anyBad) {
          expect(result.ok).toBe(false);
          expect(tableCounts(ctx)).toEqual(before);
        } else {
          expect(result.ok && result.value.result?.created).toBe(rows.length);
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('random payloads to the import calls are refused with a message, never thrown, never written', async () => {
    const ctx = testCtx();
    const fileId = stageFile('ok.csv', Buffer.from('Deal,Account,Owner,Stage\nA,Acme,Ann,Proposal\n')).fileId;
    const before = tableCounts(ctx);
    fc.assert(
      fc.property(
        fc.constantFrom('import.analyze', 'import.start', 'import.progress', 'import.deleteMapping', 'import.mappings'),
        fc.oneof(
          fc.anything(),
          fc.record({ fileId: fc.oneof(fc.constant(fileId), fc.uuid(), fc.string()), mapping: fc.anything(), kind: fc.anything(), dateOrder: fc.anything() }, { requiredKeys: [] }),
          fc.record({ fileId: fc.constant(fileId), mapping: fc.array(fc.oneof(fc.constant(null), fc.string(), fc.constantFrom('name', 'stage', 'owner', 'quota')), { maxLength: 6 }), skipInvalid: fc.boolean(), owners: fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.constant('create'))), stageOutcomes: fc.dictionary(fc.string(), fc.string()) }, { requiredKeys: ['fileId'] }),
        ),
        (name, input) => {
          const r = dispatch(ctx, name, input);
          if (!r.ok) {
            expect(r.error.message.length).toBeGreaterThan(10);
            expect(r.error.code).not.toBe('internal');
          }
          // Let a started job finish before the next payload (imports are refused while one runs).
          if (name !== 'import.start' || !r.ok) expect(ctx.db.inTransaction).toBe(false);
        },
      ),
      { numRuns: 1500 },
    );
    while (importRunning()) await new Promise((res) => setTimeout(res, 5));
    // Only a valid start could have written: the file's one deal, whole, with its run record.
    const after = tableCounts(ctx);
    expect(before.deals).toBe(0);
    expect(after.deals).toBe(Math.min(1, after.import_runs as number));
    expect(ctx.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('random bytes as a file are read or refused cleanly, and the store stays consistent', async () => {
    const ctx = testCtx();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 400 }), async (bytes) => {
        const { fileId } = stageFile('random.bin', Buffer.from(bytes));
        const a = dispatch(ctx, 'import.analyze', { fileId });
        if (!a.ok) expect(a.error.code).not.toBe('internal');
        const r = await importAll(ctx, fileId, true);
        if (!r.ok) expect(r.error.code).not.toBe('internal');
        else expect(r.value.phase).toBe('done');
      }),
      { numRuns: 300 },
    );
    expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(ctx.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('the row checks\' fast path passes exactly the records the zod shape passes (a rep with an e-mail is left to zod)', () => {
    // Strings at and around every limit, empty, null, odd case and non-ASCII: the places a hand check can drift from zod.
    const text = fc.oneof(
      fc.constant(''), fc.constant(null), fc.constant('USD'), fc.constant('usd'), fc.constant('a@b.co'),
      fc.constantFrom(79, 80, 81, 119, 120, 121, 159, 160, 161, 199, 200, 201, 499, 500, 501).map((n) => 'x'.repeat(n)),
      fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 90 }),
    );
    for (const [kind, rules] of Object.entries(IMPORT_RECORD_RULES)) {
      const keys = Object.keys(rules.shape.shape);
      fc.assert(
        fc.property(fc.tuple(...keys.map(() => text)), (values) => {
          const record = Object.fromEntries(keys.map((k, i) => [k, values[i]]));
          const passes = rules.shape.safeParse(record).success;
          // Exact where there is no e-mail (deals, accounts: the fast check is the whole rule); a rep's e-mail is always left to zod.
          if (kind === 'reps') expect(!rules.fits(record) || passes, `${kind}: ${JSON.stringify(record)}`).toBe(true);
          else expect(rules.fits(record), `${kind}: ${JSON.stringify(record)}`).toBe(passes);
        }),
        { numRuns: 3000 },
      );
    }
    const deal = { externalId: 'SF1', name: 'Deal', accountName: null, owner: 'Rep', stage: 'Proposal', currency: 'USD', nextStep: null, source: null };
    expect(IMPORT_RECORD_RULES.deals.fits(deal)).toBe(true);
    expect(IMPORT_RECORD_RULES.accounts.fits({ name: 'Acme', industry: null, segment: 'SMB' })).toBe(true);
    expect(IMPORT_RECORD_RULES.reps.fits({ name: 'Grace', email: null, territory: null })).toBe(true);
  });
});
