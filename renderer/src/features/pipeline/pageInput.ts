import { parsePipelineQuery, type PipelineQuery } from '../../../../shared/domain/workingList';
import type { PageInput } from './usePipelinePages';

/**
 * The screen's query (kept in the URL, the rep by name) as a pipeline.page input. A rep name
 * that is no longer on the team keeps nothing, as the old list's filter did.
 */
export function pageInput(q: PipelineQuery, reps: readonly { id: number; name: string }[], asOf: string | undefined): PageInput {
  const repId = q.rep ? (reps.find((r) => r.name === q.rep)?.id ?? NO_REP) : undefined;
  return {
    ...(asOf ? { asOf } : {}),
    ...(repId !== undefined ? { repId } : {}),
    ...(q.stage ? { stage: q.stage } : {}),
    ...(q.flag ? { flag: q.flag } : {}),
    ...(q.level ? { level: q.level } : {}),
    ...(q.q.trim() ? { q: q.q } : {}),
    sort: q.sort,
    desc: q.desc,
    limit: 100,
  };
}

/** No rep has this id: an unknown name filters everything out. */
const NO_REP = Number.MAX_SAFE_INTEGER;

/**
 * The first page's input for a Pipeline opened on this URL query, as the screen will ask for it;
 * null when it names a rep (the screen needs the team's list first to find the id).
 */
export function openingInput(query: string, asOf: string | undefined): PageInput | null {
  const q = parsePipelineQuery(query);
  return q.rep ? null : pageInput(q, [], asOf);
}
