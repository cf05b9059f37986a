/** The import calls as the screen makes them, on a real store: shared by the import tests. */
import fs from 'node:fs';
import path from 'node:path';
import { dispatch } from '../../electron/core/api/dispatch';
import type { Ctx } from '../../electron/core/context';
import { stageFile } from '../../electron/core/files/staging';
import type { ImportAnalysis, ImportChoicesInput, ImportProgress, ImportStartInput } from '../../shared/schemas/imports';

export const fixture = (name: string): Buffer => fs.readFileSync(path.join(__dirname, '../fixtures/import', name));
/** Hands a fixture (or other bytes) to the core as the screen's upload does; returns its id. */
export const stage = (name: string, bytes: Buffer = fixture(name)): string => stageFile(name, bytes).fileId;

export function ok<T>(ctx: Ctx, name: string, input: unknown): T {
  const r = dispatch(ctx, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}

export const analyze = (ctx: Ctx, input: ImportChoicesInput): ImportAnalysis => ok<ImportAnalysis>(ctx, 'import.analyze', input);

/**
 * Waits until search finds every deal an import added: a big import writes their search
 * entries after it is done (db/searchBacklog.ts), a chunk at a time.
 */
export async function searchCaughtUp(ctx: Ctx): Promise<void> {
  for (let waited = 0; (ctx.db.prepare('SELECT COUNT(*) FROM search_backlog').pluck().get() as number) > 0; waited += 5) {
    if (waited > 60_000) throw new Error('the search entries were never written');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Starts an import and waits for the job, polling progress as the screen does. */
export async function runImport(ctx: Ctx, input: ImportStartInput): Promise<ImportProgress> {
  const { jobId } = ok<{ jobId: string }>(ctx, 'import.start', input);
  for (;;) {
    const p = ok<ImportProgress>(ctx, 'import.progress', { jobId });
    if (p.phase === 'done' || p.phase === 'failed') return p;
    await new Promise((r) => setTimeout(r, 5));
  }
}
