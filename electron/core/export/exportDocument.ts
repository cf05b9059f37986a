import type { z } from 'zod';
import type { ExportDoc, exportRequest } from '../../../shared/schemas/exports';
import type { Ctx } from '../context';
import { oneOnOneSummary } from './oneOnOneSummary';
import { repReview } from './repReview';

/** Builds the requested review document (Markdown and printable HTML) from the store. */
export function exportDocument(ctx: Ctx, req: z.output<typeof exportRequest>): ExportDoc {
  const opts = { includePrivate: req.includePrivate, generatedOn: ctx.clock.today() };
  return req.doc.kind === 'oneOnOne'
    ? oneOnOneSummary(ctx.db, req.doc.id, ctx.clock.today(), opts)
    : repReview(ctx.db, req.doc.repId, req.doc.from, req.doc.to, opts);
}
