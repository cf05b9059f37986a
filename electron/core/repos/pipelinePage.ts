/**
 * The Pipeline one page at a time (pipeline.page). Today's pipeline is read from the stored
 * facts (pipelineFacts.ts): filters in SQL, keyset paging on the sort's index, so the first page
 * costs the same at 250 deals or 250,000. A past as-of date (or a read-only file) replays the
 * history with pipelineList and pages in memory with the screen's own workingList.
 *
 * The order is workingList's: the chosen column, empty values last, ties in ranking order
 * (attention, the larger deal, the lower id). Text columns compare without case (SQLite NOCASE).
 */
import type { z } from 'zod';
import { FLAG_CODES, SEVERITIES, type FlagCode, type Severity } from '../../../shared/domain/flags';
import { NO_ACCOUNT } from '../../../shared/domain/format';
import { fromCents, toCents } from '../../../shared/domain/money';
import { daysBetween } from '../../../shared/domain/periods';
import { DEFAULT_QUERY, firstDirectionDesc, workingList, type SortKey } from '../../../shared/domain/workingList';
import type { PipelineList, PipelineRow } from '../../../shared/schemas/pipeline';
import type { PipelineHeader, PipelinePage, pipelinePageInput } from '../../../shared/schemas/pipelinePage';
import type { Settings } from '../../../shared/schemas/team';
import type { Db } from '../db/open';
import { pipelineList } from './metrics';
import { ensureFacts, flagBit } from './pipelineFacts';
import { getSettings } from './settings';

type Input = z.output<typeof pipelinePageInput>;

/** One term of the order: a SQL expression, its direction, whether it can be empty (last either way). */
interface Term {
  expr: string;
  desc: boolean;
  nullable?: boolean;
}

/** The ranking that breaks every tie (and the attention sort itself). */
const RANKING: Term[] = [
  { expr: 'f.attention', desc: true },
  { expr: 'f.amount_cents', desc: true },
  { expr: 'f.deal_id', desc: false },
];

/** Each column's value in SQL; @asOf is bound. Age and days in stage as the rows compute them. */
const COLUMN: Record<Exclude<SortKey, 'attention'>, { expr: string; nullable?: boolean }> = {
  name: { expr: 'd.name COLLATE NOCASE' },
  repName: { expr: 'r.name COLLATE NOCASE' },
  stage: { expr: 'f.stage COLLATE NOCASE' },
  amount: { expr: 'f.amount_cents' },
  expectedCloseDate: { expr: 'f.expected_close_date', nullable: true },
  ageDays: { expr: 'CAST(round(julianday(@asOf) - julianday(d.created_date)) AS INTEGER)' },
  daysInStage: { expr: 'MAX(0, CAST(round(julianday(@asOf) - julianday(d.stage_entered_date)) AS INTEGER))' },
  account: { expr: "COALESCE(NULLIF(a.name, ''), @noAccount) COLLATE NOCASE" },
};

function orderTerms(sort: SortKey, desc: boolean): Term[] {
  if (sort === 'attention') return desc ? RANKING : RANKING.map((t) => ({ ...t, desc: !t.desc }));
  return [{ ...COLUMN[sort], desc }, ...RANKING];
}

const orderBy = (terms: Term[]): string =>
  terms.map((t) => `${t.nullable ? `(${t.expr.replace(/ COLLATE NOCASE$/, '')} IS NULL), ` : ''}${t.expr} ${t.desc ? 'DESC' : 'ASC'}`).join(', ');

/**
 * Rows strictly after the cursor row (its values bound as @k0, @k1, …) in this order: for some
 * term, every earlier term equal and this one after. The first term's bound comes first, so
 * SQLite can start the index range there.
 */
function afterCursor(terms: Term[], cursor: unknown[]): string {
  const k = (i: number) => `@k${i}`;
  const after = (t: Term, i: number): string => {
    const op = t.desc ? '<' : '>';
    if (!t.nullable) return `${t.expr} ${op} ${k(i)}`;
    return cursor[i] === null ? '0' : `(${t.expr} ${op} ${k(i)} OR ${t.expr} IS NULL)`;
  };
  const alternatives = terms.map((t, i) => [...terms.slice(0, i).map((e, j) => `${e.expr} IS ${k(j)}`), after(t, i)].join(' AND '));
  const first = terms[0]!;
  const start = first.nullable && cursor[0] === null ? `${first.expr} IS NULL` : `${first.expr} ${first.desc ? '<=' : '>='} ${k(0)}`;
  return `${first.nullable && cursor[0] !== null ? `(${start} OR ${first.expr} IS NULL)` : start} AND (${alternatives.map((a) => `(${a})`).join(' OR ')})`;
}

/** The filters on the stored facts (and, for free text, the deal's own columns). */
function filters(i: Input): { where: string[]; params: Record<string, unknown>; text: boolean } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (i.repId !== undefined) {
    where.push('f.rep_id = @repId');
    params.repId = i.repId;
  }
  if (i.stage !== undefined) {
    where.push('f.stage = @stage');
    params.stage = i.stage;
  }
  if (i.flag === 'any') where.push('f.flag_mask <> 0');
  else if (i.flag !== undefined) {
    where.push('(f.flag_mask & @bit) <> 0');
    params.bit = flagBit(i.flag);
  }
  if (i.level !== undefined) where.push(i.level === 'critical' ? 'f.worst = 0' : 'f.worst <= 1');
  const text = (i.q ?? '').trim().toLowerCase();
  if (text) {
    where.push(`instr(fold_case(d.name || char(0) || COALESCE(NULLIF(a.name, ''), @noAccount) || char(0) || r.name || char(0) || f.stage), @text) > 0`);
    params.text = text;
  }
  return { where, params, text: text !== '' };
}

const JOINS = `FROM pipeline_facts f CROSS JOIN deals d ON d.id = f.deal_id CROSS JOIN reps r ON r.id = f.rep_id
  LEFT JOIN accounts a ON a.id = d.account_id`;

/** JavaScript's lower case for free text (SQLite's lower() knows ASCII only): once per connection. */
const folding = new WeakSet<Db>();
function registerFold(db: Db): void {
  if (folding.has(db)) return;
  db.function('fold_case', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? s.toLowerCase() : s));
  folding.add(db);
}

interface FactRow {
  id: number;
  repId: number;
  repName: string;
  accountName: string | null;
  name: string;
  stage: string;
  amountCents: number;
  currency: string;
  expectedCloseDate: string | null;
  createdDate: string;
  stageEnteredDate: string;
  flags: string;
  severities: string;
  attention: number;
}

const toRow = (r: FactRow, asOf: string): PipelineRow => ({
  id: r.id,
  repId: r.repId,
  repName: r.repName,
  accountName: r.accountName,
  name: r.name,
  stage: r.stage,
  amount: fromCents(r.amountCents),
  currency: r.currency,
  expectedCloseDate: r.expectedCloseDate,
  ageDays: daysBetween(r.createdDate, asOf),
  daysInStage: Math.max(0, daysBetween(r.stageEnteredDate, asOf)),
  flags: r.flags ? (r.flags.split(',') as FlagCode[]) : [],
  severities: r.severities ? (r.severities.split(',') as Severity[]) : [],
  attention: r.attention,
});

/** Stages in use: the settings' order first, then the others sorted (as the filter menu lists them). */
function stagesInUse(inUse: Set<string>, settings: Settings): string[] {
  return [...settings.stages.filter((s) => inUse.has(s)), ...[...inUse].filter((s) => !settings.stages.includes(s)).sort()];
}

/** Three scans of small covering indexes: severities and flags, reps, stages. */
function sqlHeader(db: Db, settings: Settings): PipelineHeader {
  const h: PipelineHeader = { openCount: 0, flagged: 0, critical: 0, warning: 0, byFlag: {}, reps: [], stages: [], untrackedReps: [] };
  const groups = db.prepare('SELECT worst, flag_mask AS mask, COUNT(*) AS n FROM pipeline_facts GROUP BY worst, flag_mask').all() as { worst: number; mask: number; n: number }[];
  for (const { worst, mask, n } of groups) {
    h.openCount += n;
    if (mask !== 0) h.flagged += n;
    if (worst === 0) h.critical += n;
    if (worst <= 1) h.warning += n;
    for (const c of FLAG_CODES) if (mask & flagBit(c)) h.byFlag[c] = (h.byFlag[c] ?? 0) + n;
  }
  const reps = db
    .prepare(
      `SELECT r.id, r.name, f.tracked FROM (SELECT rep_id, MAX(stakeholder_count) > 0 AS tracked FROM pipeline_facts GROUP BY rep_id) f
       JOIN reps r ON r.id = f.rep_id`,
    )
    .all() as { id: number; name: string; tracked: number }[];
  reps.sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
  h.reps = reps.map((r) => ({ id: r.id, name: r.name }));
  h.untrackedReps = [...new Set(reps.filter((r) => !r.tracked).map((r) => r.name))].sort();
  h.stages = stagesInUse(new Set(db.prepare('SELECT DISTINCT stage FROM pipeline_facts').pluck().all() as string[]), settings);
  return h;
}

function sqlPage(db: Db, asOf: string, i: Input, settings: Settings): PipelinePage {
  registerFold(db);
  const desc = i.desc ?? firstDirectionDesc(i.sort);
  const terms = orderTerms(i.sort, desc);
  const { where, params, text } = filters(i);
  const bound: Record<string, unknown> = { ...params, asOf, noAccount: NO_ACCOUNT };
  const keyCols = terms.map((t, n) => `${t.expr.replace(/ COLLATE NOCASE$/, '')} AS k${n}`).join(', ');
  const conds = [...where];
  if (i.after !== undefined) {
    const cursor = db.prepare(`SELECT ${keyCols} ${JOINS} WHERE f.deal_id = @after`).raw().get({ asOf, noAccount: NO_ACCOUNT, after: i.after }) as unknown[] | undefined;
    // The row is gone (closed or filtered out of the facts since): nothing follows it any more.
    if (!cursor) return { asOf, bigDealAmount: settings.valueProps.bigDealAmount, horizonDays: settings.triage.horizonDays, rows: [], next: null, header: null, matching: null };
    cursor.forEach((v, n) => (bound[`k${n}`] = v));
    conds.push(afterCursor(terms, cursor));
  }
  const whereSql = conds.length ? `WHERE ${conds.join(' AND ')}` : '';
  const rows = (
    db
      .prepare(
        `SELECT f.deal_id AS id, f.rep_id AS repId, r.name AS repName, a.name AS accountName, d.name, f.stage, f.amount_cents AS amountCents,
           d.currency, f.expected_close_date AS expectedCloseDate, d.created_date AS createdDate, d.stage_entered_date AS stageEnteredDate,
           f.flags, f.severities, f.attention
         ${JOINS} ${whereSql} ORDER BY ${orderBy(terms)} LIMIT @limit`,
      )
      .all({ ...bound, limit: i.limit + 1 }) as FactRow[]
  ).map((r) => toRow(r, asOf));
  const more = rows.length > i.limit;
  if (more) rows.pop();
  let header: PipelineHeader | null = null;
  let matching: PipelinePage['matching'] = null;
  if (i.after === undefined) {
    header = sqlHeader(db, settings);
    const from = text ? JOINS : 'FROM pipeline_facts f';
    const m = db.prepare(`SELECT COUNT(*) AS count, COALESCE(SUM(f.amount_cents), 0) AS cents ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`).get({ ...params, noAccount: NO_ACCOUNT }) as { count: number; cents: number };
    matching = { count: m.count, amount: fromCents(m.cents) };
  }
  return { asOf, bigDealAmount: settings.valueProps.bigDealAmount, horizonDays: settings.triage.horizonDays, rows, next: more ? rows[rows.length - 1]!.id : null, header, matching };
}

/**
 * The last replayed list, per connection. Replaying a past date ranks every deal open that day
 * (seconds at 250,000), so the next pages, filters and sorts of the same day reuse it until
 * anything is written (by this connection or another) or ten minutes pass (it holds every row).
 */
const replays = new WeakMap<Db, { asOf: string; version: string; list: PipelineList; timer: ReturnType<typeof setTimeout> }>();
const REPLAY_KEPT_MS = 10 * 60_000;

/** Changes whenever this connection or another has written since (SQLite's own counters). */
const dataVersion = (db: Db): string => `${db.pragma('data_version', { simple: true }) as number}:${db.prepare('SELECT total_changes()').pluck().get() as number}`;

function replayedList(db: Db, asOf: string): PipelineList {
  const version = dataVersion(db);
  const kept = replays.get(db);
  if (kept && kept.asOf === asOf && kept.version === version) return kept.list;
  if (kept) clearTimeout(kept.timer);
  const list = pipelineList(db, asOf);
  const timer = setTimeout(() => replays.delete(db), REPLAY_KEPT_MS);
  timer.unref?.();
  replays.set(db, { asOf, version, list, timer });
  return list;
}

/** The same page from the replayed list (a past date): workingList filters and sorts, then a slice. */
function replayPage(db: Db, asOf: string, i: Input): PipelinePage {
  const list = replayedList(db, asOf);
  const all = list.deals;
  const mine = i.repId === undefined ? all : all.filter((d) => d.repId === i.repId);
  const shown = workingList(mine, { ...DEFAULT_QUERY, stage: i.stage ?? '', flag: i.flag ?? '', level: i.level ?? '', q: i.q ?? '', sort: i.sort, desc: i.desc ?? firstDirectionDesc(i.sort) });
  const start = i.after === undefined ? 0 : shown.findIndex((d) => d.id === i.after) + 1;
  const rows = i.after !== undefined && start === 0 ? [] : shown.slice(start, start + i.limit);
  const more = rows.length > 0 && start + i.limit < shown.length;
  let header: PipelineHeader | null = null;
  let matching: PipelinePage['matching'] = null;
  if (i.after === undefined) {
    const worst = (s: Severity[]) => Math.min(3, ...s.map((x) => SEVERITIES.indexOf(x)));
    const h: PipelineHeader = { openCount: all.length, flagged: 0, critical: 0, warning: 0, byFlag: {}, reps: [], stages: [], untrackedReps: list.untrackedReps };
    const reps = new Map<number, string>();
    for (const d of all) {
      reps.set(d.repId, d.repName);
      if (d.flags.length) h.flagged++;
      const w = worst(d.severities);
      if (w === 0) h.critical++;
      if (w <= 1) h.warning++;
      for (const f of d.flags) h.byFlag[f] = (h.byFlag[f] ?? 0) + 1;
    }
    h.reps = [...reps].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
    h.stages = [...list.stages.filter((s) => all.some((d) => d.stage === s)), ...[...new Set(all.map((d) => d.stage))].filter((s) => !list.stages.includes(s)).sort()];
    header = h;
    matching = { count: shown.length, amount: fromCents(shown.reduce((s, d) => s + toCents(d.amount), 0)) };
  }
  return { asOf, bigDealAmount: list.bigDealAmount, horizonDays: list.horizonDays, rows, next: more ? rows[rows.length - 1]!.id : null, header, matching };
}

/** One page of the open pipeline as of `asOf`: stored facts for today, the replay for any other day. */
export function pipelinePage(db: Db, today: string, i: Input): PipelinePage {
  const asOf = i.asOf ?? today;
  if (asOf === today && ensureFacts(db, today)) return sqlPage(db, asOf, i, getSettings(db));
  return replayPage(db, asOf, i);
}
