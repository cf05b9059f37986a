import { z } from 'zod';
import { id, isoDate } from './common';

/** A generated review document, in both formats the manager can save. */
export interface ExportDoc {
  title: string;
  subtitle: string;
  markdown: string;
  html: string;
  /** A safe file name without extension, e.g. "one-on-one-grace-okafor-2026-11-17". */
  filename: string;
}

export const exportRequest = z.object({
  doc: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('oneOnOne'), id }),
    z
      .object({ kind: z.literal('repReview'), repId: id, from: isoDate, to: isoDate })
      .refine((d) => d.from <= d.to, { error: 'must start on or before the day it ends', path: ['from'] }),
    z
      .object({ kind: z.literal('teamReview'), from: isoDate, to: isoDate })
      .refine((d) => d.from <= d.to, { error: 'must start on or before the day it ends', path: ['from'] }),
    /** The prep pack: every one-on-one planned in the seven days from `from`. */
    z.object({ kind: z.literal('week'), from: isoDate }),
  ]),
  /** Private notes appear only when the manager asks for them. */
  includePrivate: z.boolean().default(false),
  /** The session's "as of" date (one-on-one summaries: open commitments as of that day). Reviews are as of their last day. */
  asOf: isoDate.optional(),
});
export type ExportRequest = z.input<typeof exportRequest>;
