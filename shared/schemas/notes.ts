import { z } from 'zod';
import { id, isoDate, optionalDate } from './common';
import type { ReviewVerdict } from '../domain/reviewVerdict';
import { FLAG_CODES, type FlagCode } from '../domain/flags';

export const NOTE_KINDS = ['deal_review', 'observation', 'ride_along', 'feedback', 'recognition', 'other'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];
export const NOTE_KIND_LABELS: Record<NoteKind, string> = {
  deal_review: 'Deal review',
  observation: 'Call or meeting observed',
  ride_along: 'Ride-along',
  feedback: 'Feedback given',
  recognition: 'Recognition',
  other: 'Other',
};

export const FOLLOW_UP_ANSWERS = ['applied', 'partly', 'not_yet'] as const;
export type FollowUpAnswer = (typeof FOLLOW_UP_ANSWERS)[number];
export const FOLLOW_UP_LABELS: Record<FollowUpAnswer, string> = { applied: 'Applied', partly: 'Partly', not_yet: 'Not yet' };

const body = z.string({ error: 'is required' }).trim().min(1, { error: 'is required: write what you saw or said' }).max(5000, { error: 'must be at most 5000 characters' });

const noteFields = {
  repId: id,
  dealId: id.nullish().transform((v) => v ?? null),
  oneOnOneId: id.nullish().transform((v) => v ?? null),
  kind: z.enum(NOTE_KINDS, { error: 'must be one of the note kinds' }),
  noteDate: isoDate,
  body,
  skill: z.string().trim().max(60, { error: 'must be at most 60 characters' }).nullish().transform((s) => (s ? s : null)),
  visibility: z.enum(['private', 'shareable'], { error: 'must be private or shareable' }).default('private'),
  /** Feedback only: the day to ask "did they apply it?". */
  followUpDue: optionalDate,
};

const followUpAfterNote = <T extends { kind: string; noteDate: string; followUpDue: string | null }>(n: T, ctx: z.RefinementCtx) => {
  if (!n.followUpDue) return;
  if (n.kind !== 'feedback') ctx.addIssue({ code: 'custom', path: ['followUpDue'], message: 'is only for feedback given' });
  else if (n.followUpDue < n.noteDate) ctx.addIssue({ code: 'custom', path: ['followUpDue'], message: 'cannot be before the note’s date' });
};

export const noteInput = z.object(noteFields).superRefine(followUpAfterNote);
export type NoteInput = z.input<typeof noteInput>;
export const noteUpdate = z.object({ id, ...noteFields }).superRefine(followUpAfterNote);

export const notesListInput = z.object({
  repId: id.optional(),
  dealId: id.optional(),
  kind: z.enum(NOTE_KINDS).optional(),
  skill: z.string().max(60).optional(),
});

export const followUpInput = z.object({
  id,
  answer: z.enum(FOLLOW_UP_ANSWERS, { error: 'must be applied, partly or not yet' }),
  on: isoDate.optional(),
});

export interface ReviewAnswer {
  /** The flag the question came from; null for the manager's own question. */
  flagCode: FlagCode | null;
  question: string;
  answer: string | null;
}

export interface Note {
  id: number;
  repId: number;
  repName: string;
  dealId: number | null;
  dealName: string | null;
  accountName: string | null;
  oneOnOneId: number | null;
  kind: NoteKind;
  noteDate: string;
  body: string;
  skill: string | null;
  visibility: 'private' | 'shareable';
  followUpDue: string | null;
  followUpAnswer: FollowUpAnswer | null;
  followUpDate: string | null;
  /** Deal reviews: each question asked and the rep's answer. */
  answers: ReviewAnswer[];
}

/** A deal review: the rep's answer to each "How do you know?", the coaching, the next steps. */
export const dealReviewInput = z.object({
  dealId: id,
  reviewDate: isoDate,
  answers: z
    .array(
      z.object({
        flagCode: z.enum(FLAG_CODES, { error: 'is not a flag the workbench knows' }).nullish().transform((v) => v ?? null),
        question: z.string().trim().min(1, { error: 'is required' }).max(500, { error: 'must be at most 500 characters' }),
        answer: z.string().trim().max(2000, { error: 'must be at most 2000 characters' }).nullish().transform((v) => (v ? v : null)),
      }),
    )
    .max(30),
  coaching: body,
  skill: noteFields.skill,
  visibility: noteFields.visibility,
  nextSteps: z
    .array(
      z.object({
        owner: z.enum(['rep', 'manager'], { error: 'must be the rep or the manager' }),
        text: z.string({ error: 'is required' }).trim().min(1, { error: 'is required' }).max(500, { error: 'must be at most 500 characters' }),
        dueDate: isoDate,
      }),
    )
    .max(20),
});
export type DealReviewInput = z.input<typeof dealReviewInput>;

/** A past review with what happened to the deal since (did the answers hold up?). */
export interface PastReview extends Note {
  since: { on: string; what: string }[];
  /** Did the answers hold up? */
  verdict: ReviewVerdict;
  commitments: { id: number; owner: 'rep' | 'manager'; text: string; dueDate: string | null; status: string }[];
}
