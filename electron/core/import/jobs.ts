import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { headerSignature } from '../../../shared/domain/import/presets';
import type { ImportProgress, ImportResult, importStartInput } from '../../../shared/schemas/imports';
import type { Ctx } from '../context';
import { catchUpSearch, completeSearchBacklog, searchBacklogSize } from '../db/searchBacklog';
import { InvalidError } from '../errors';
import { planImport, type ImportPlan } from './plan';
import { saveMapping } from './mappings';
import { writeImport } from './write';

type StartInput = z.output<typeof importStartInput>;

/**
 * Imports run as jobs: start returns at once, the screen polls progress. The plan (every row
 * checked) is made before anything is written; with skipInvalid false, any error means
 * nothing is written at all.
 */
const jobs = new Map<string, ImportProgress>();

export interface ImportHooks {
  /** Runs just before the transaction starts: the safety copy. Returns its path. */
  backup?: (ctx: Ctx) => Promise<string | null>;
}

/** New deals up to this many are searchable the moment the import is done; more are indexed in the background just after. */
const SEARCHABLE_AT_ONCE = 5000;

/**
 * `planned` lets a caller that has just analysed the same choices (the CLI) skip a second pass.
 * `done`: the import is written (or failed); `searchable`: search finds every new deal too.
 */
export function startImport(
  ctx: Ctx,
  input: StartInput,
  hooks: ImportHooks = {},
  planned?: ImportPlan,
): { jobId: string; done: Promise<ImportProgress>; searchable: Promise<void> } {
  if ([...jobs.values()].some((j) => j.phase === 'checking' || j.phase === 'writing')) {
    throw new InvalidError('Another import is still running. Wait for it to finish.', 'file');
  }
  const plan = planned ?? planImport(ctx, input);
  const a = plan.analysis;
  const blocker = a.blockers[0];
  if (blocker) throw new InvalidError(blocker.message, blocker.field);
  if (plan.errors.length && !input.skipInvalid) {
    const first = plan.errors[0]!;
    throw new InvalidError(
      `${a.counts.errors} row${a.counts.errors === 1 ? '' : 's'} cannot be imported (row ${first.row}, ${first.column || 'row'}: ${first.reason}). Nothing was imported.`,
      'rows',
    );
  }

  const jobId = randomUUID();
  const progress: ImportProgress = { jobId, phase: 'writing', done: 0, total: plan.valid, result: null, error: null };
  jobs.set(jobId, progress);
  const skipped = new Set(plan.errors.map((e) => e.row)).size;
  const done = (async () => {
    try {
      const backup = hooks.backup ? await hooks.backup(ctx) : null;
      const counts = await writeImport(
        ctx.db,
        ctx.clock,
        plan,
        skipped,
        () => {
          if (input.saveMappingAs) {
            saveMapping(ctx.db, ctx.clock.now().toISOString(), {
              name: input.saveMappingAs,
              kind: plan.choices.kind,
              headers: plan.table.headers,
              signature: headerSignature(plan.table.headers),
              mapping: plan.choices.mapping,
              stageOutcomes: Object.fromEntries(a.stages.flatMap((s) => (s.outcome ? [[s.value, s.outcome]] : []))),
              dateOrder: plan.choices.dateOrder,
              options: {
                stageNames: plan.choices.stageNames,
                closedDateFallback: typeof plan.choices.closedDateFallback === 'number' ? plan.table.headers[plan.choices.closedDateFallback] : (plan.choices.closedDateFallback ?? undefined),
                defaultOwner: plan.choices.defaultOwner,
                currency: plan.choices.defaultCurrency,
                sameName: plan.choices.sameName,
              },
            });
          }
        },
        (n, total) => {
          progress.done = n;
          progress.total = total;
        },
      );
      const result: ImportResult = { ...counts, skipped, fallbacks: a.fallbacks, errors: plan.errors.slice(0, 1000), backup };
      Object.assign(progress, { phase: 'done', result });
    } catch (err) {
      console.error('[import] failed:', err);
      Object.assign(progress, { phase: 'failed', error: `The import failed and nothing was written: ${(err as Error).message}` });
    }
    forgetOldJobs();
    if (progress.phase === 'done' && searchBacklogSize(ctx.db) <= SEARCHABLE_AT_ONCE) {
      try {
        completeSearchBacklog(ctx.db);
      } catch (err) {
        console.error('[search] entries left for later:', err); // the import itself is committed
      }
    }
    return progress;
  })();
  return { jobId, done, searchable: done.then(() => catchUpSearch(ctx.db)) };
}

export function importProgress(jobId: string): ImportProgress {
  const job = jobs.get(jobId);
  if (!job) throw new InvalidError('That import is not known (the app may have restarted).', 'jobId');
  return { ...job };
}

export const importRunning = (): boolean => [...jobs.values()].some((j) => j.phase === 'writing' || j.phase === 'checking');

function forgetOldJobs(): void {
  while (jobs.size > 10) jobs.delete(jobs.keys().next().value!);
}
