/**
 * The Pipeline as a working list: its filters and sort as a small query kept in the URL, and the
 * one function that turns the ranked deals into the list on screen. The deal review's "Next
 * deal" walks the same list with the same function, so it opens the row that follows on screen.
 */
import { FLAG_CODES, type FlagCode, type Severity } from './flags';
import { byAttention } from './attention';
import { accountLabel } from './format';
import type { PipelineRow } from '../schemas/pipeline';

export const SORT_KEYS = ['attention', 'name', 'repName', 'stage', 'amount', 'expectedCloseDate', 'ageDays', 'daysInStage', 'account'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** Which severities a "level" filter keeps: critical only, or warning and critical. */
export const LEVELS = ['', 'critical', 'warning'] as const;
export type Level = (typeof LEVELS)[number];

export interface PipelineQuery {
  rep: string;
  stage: string;
  /** A flag code, 'any' (at least one flag), or '' (no filter). */
  flag: FlagCode | 'any' | '';
  level: Level;
  /** Free text: deal, account, rep or stage contains it (any case). */
  q: string;
  sort: SortKey;
  desc: boolean;
}

export const DEFAULT_QUERY: PipelineQuery = { rep: '', stage: '', flag: '', level: '', q: '', sort: 'attention', desc: true };

/** Columns whose natural first click is "largest first". */
const DESC_FIRST: ReadonlySet<SortKey> = new Set(['attention', 'amount', 'ageDays', 'daysInStage']);
export const firstDirectionDesc = (key: SortKey): boolean => DESC_FIRST.has(key);

/** Reads a query string ("rep=Ana&sort=amount&dir=asc"); anything unknown falls back to the default. */
export function parsePipelineQuery(search: string): PipelineQuery {
  const p = new URLSearchParams(search.replace(/^\?/, ''));
  const flag = p.get('flag') ?? '';
  const level = p.get('level') ?? '';
  const sort = p.get('sort') ?? 'attention';
  const key = (SORT_KEYS as readonly string[]).includes(sort) ? (sort as SortKey) : 'attention';
  const dir = p.get('dir');
  return {
    rep: p.get('rep') ?? '',
    stage: p.get('stage') ?? '',
    flag: flag === 'any' || (FLAG_CODES as readonly string[]).includes(flag) ? (flag as FlagCode | 'any') : '',
    level: (LEVELS as readonly string[]).includes(level) ? (level as Level) : '',
    q: p.get('q') ?? '',
    sort: key,
    desc: dir === 'asc' ? false : dir === 'desc' ? true : firstDirectionDesc(key),
  };
}

/** The query string for the URL: only what differs from the default, in a fixed order. */
export function pipelineQueryString(q: PipelineQuery): string {
  const p = new URLSearchParams();
  if (q.rep) p.set('rep', q.rep);
  if (q.stage) p.set('stage', q.stage);
  if (q.flag) p.set('flag', q.flag);
  if (q.level) p.set('level', q.level);
  if (q.q) p.set('q', q.q);
  if (q.sort !== 'attention') p.set('sort', q.sort);
  if (q.desc !== firstDirectionDesc(q.sort)) p.set('dir', q.desc ? 'desc' : 'asc');
  return p.toString();
}

const LEVEL_KEEPS: Record<Exclude<Level, ''>, ReadonlySet<Severity>> = {
  critical: new Set(['critical']),
  warning: new Set(['critical', 'warning']),
};

function matches(d: PipelineRow, q: PipelineQuery, text: string): boolean {
  if (q.rep && d.repName !== q.rep) return false;
  if (q.stage && d.stage !== q.stage) return false;
  if (q.flag === 'any' ? d.flags.length === 0 : q.flag && !d.flags.includes(q.flag)) return false;
  if (q.level && !d.severities.some((s) => LEVEL_KEEPS[q.level as Exclude<Level, ''>].has(s))) return false;
  if (text && !`${d.name}\u0000${accountLabel(d.accountName)}\u0000${d.repName}\u0000${d.stage}`.toLowerCase().includes(text)) return false;
  return true;
}

type Value = string | number | null;
const valueOf = (d: PipelineRow, key: SortKey): Value => (key === 'account' ? accountLabel(d.accountName) : key === 'attention' ? d.attention : d[key]);

/**
 * The list on screen: the ranked deals filtered, then sorted by the chosen column. Ties keep the
 * ranking (attention, then the larger deal, then the lower id); empty values go last either way.
 */
export function workingList(ranked: readonly PipelineRow[], q: PipelineQuery): PipelineRow[] {
  const text = q.q.trim().toLowerCase();
  const rows = ranked.filter((d) => matches(d, q, text));
  if (q.sort === 'attention') return q.desc ? rows.sort(byAttention) : rows.sort((a, b) => byAttention(b, a));
  const dir = q.desc ? -1 : 1;
  const rank = new Map(ranked.map((d, i) => [d.id, i]));
  return rows.sort((a, b) => {
    const x = valueOf(a, q.sort);
    const y = valueOf(b, q.sort);
    if (x === null || y === null) return x === y ? rank.get(a.id)! - rank.get(b.id)! : x === null ? 1 : -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return c !== 0 ? c * dir : rank.get(a.id)! - rank.get(b.id)!;
  });
}

/** The deal after `id` in the list, or null at its end (or when the deal is no longer in it). */
export function nextInList(list: readonly PipelineRow[], id: number): PipelineRow | null {
  const i = list.findIndex((d) => d.id === id);
  return i >= 0 ? (list[i + 1] ?? null) : null;
}
