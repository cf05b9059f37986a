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

/** The manager's own words at the top of a rep review: about a third of a page at most. */
export const SUMMARY_MAX = 1200;
/** Lines (blank ones included) it may take: with SUMMARY_MAX, the summary page stays one page. */
export const SUMMARY_MAX_LINES = 20;

/**
 * Who a one-on-one summary is for: the rep gets the meeting as they saw it on a shared screen
 * (no private note, no coaching prompts, no coachability items); the manager's copy has them.
 */
export const ONE_ON_ONE_COPIES = ['rep', 'manager'] as const;
export type OneOnOneCopy = (typeof ONE_ON_ONE_COPIES)[number];
/** The copies in words, in the export dialog and on the document itself. */
export const COPY_LABELS: Record<OneOnOneCopy, string> = { rep: 'For the rep', manager: 'Manager’s copy' };
export const COPY_NOTES: Record<OneOnOneCopy, string> = { rep: 'no private note, no coaching prompts', manager: 'with the private note and coaching prompts' };

/** Control characters other than tab and line breaks (pasted binary, never typed text). */
const isControl = (ch: string): boolean => {
  const c = ch.charCodeAt(0);
  return (c < 32 && ch !== '\t' && ch !== '\n' && ch !== '\r') || c === 127;
};

export const reviewSummary = z
  .string({ error: 'must be text' })
  .trim()
  // A function, so the number is formatted (ICU's start-up, 25 ms) only when the message is shown.
  .max(SUMMARY_MAX, { error: () => `is too long: keep it to ${SUMMARY_MAX.toLocaleString('en-US')} characters (about a third of a page)` })
  // Control characters other than line breaks and tabs come from pasting binary, never from writing.
  .refine((s) => s.split(/\r?\n/).length <= SUMMARY_MAX_LINES, { error: `has too many lines: keep it to ${SUMMARY_MAX_LINES} (it opens a one-page summary)` })
  .refine((s) => ![...s].some(isControl), { error: 'contains characters that are not text' })
  .nullish()
  .transform((s) => (s ? s : null));

export const exportRequest = z.object({
  doc: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('oneOnOne'),
      id,
      copy: z.enum(ONE_ON_ONE_COPIES, { error: 'must be rep (for the rep) or manager (the manager’s copy)' }).default('rep'),
    }),
    z
      .object({ kind: z.literal('repReview'), repId: id, from: isoDate, to: isoDate, summary: reviewSummary })
      .refine((d) => d.from <= d.to, { error: 'must start on or before the day it ends', path: ['from'] }),
    z
      .object({ kind: z.literal('teamReview'), from: isoDate, to: isoDate })
      .refine((d) => d.from <= d.to, { error: 'must start on or before the day it ends', path: ['from'] }),
    /** The prep pack: every one-on-one planned in the seven days from `from`. */
    z.object({ kind: z.literal('week'), from: isoDate }),
  ]),
  /** Private notes appear only when the manager asks for them (for a one-on-one: the manager's copy). */
  includePrivate: z.boolean().default(false),
  /** The session's "as of" date (one-on-one summaries: open commitments as of that day). Reviews are as of their last day. */
  asOf: isoDate.optional(),
});
export type ExportRequest = z.input<typeof exportRequest>;
