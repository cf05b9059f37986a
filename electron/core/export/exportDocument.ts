import type { z } from 'zod';
import type { ExportDoc, exportRequest } from '../../../shared/schemas/exports';
import type { Ctx } from '../context';
import { oneOnOneSummary } from './oneOnOneSummary';
import { repReview } from './repReview';
import { teamReview } from './teamReview';
import { weekPack } from './weekPack';

/** Builds the requested review document (Markdown and printable HTML) from the store. */
export function exportDocument(ctx: Ctx, req: z.output<typeof exportRequest>): ExportDoc {
  const opts = { includePrivate: req.includePrivate, generatedOn: ctx.clock.today() };
  const doc = req.doc;
  if (doc.kind === 'oneOnOne') {
    // "Include private notes" on a one-on-one asks for the manager's copy (older callers say it that way).
    const copy = req.includePrivate ? 'manager' : doc.copy;
    return oneOnOneSummary(ctx.db, doc.id, req.asOf ?? ctx.clock.today(), { generatedOn: opts.generatedOn, copy });
  }
  if (doc.kind === 'week') return weekPack(ctx.db, doc.from, req.asOf ?? ctx.clock.today(), opts);
  if (doc.kind === 'teamReview') return teamReview(ctx.db, ctx.clock, doc.from, doc.to, opts);
  return repReview(ctx.db, doc.repId, doc.from, doc.to, { ...opts, summary: doc.summary });
}
