import { z } from 'zod';
import { id, isoDate } from './common';

export const COMMITMENT_OWNERS = ['rep', 'manager'] as const;
export type CommitmentOwner = (typeof COMMITMENT_OWNERS)[number];
export const COMMITMENT_STATUSES = ['open', 'done', 'dropped'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

export const commitmentInput = z.object({
  repId: z.number({ error: 'must be chosen' }).int().positive({ error: 'must be chosen' }),
  owner: z.enum(COMMITMENT_OWNERS, { error: 'must be the rep or the manager' }),
  text: z
    .string({ error: 'is required' })
    .trim()
    .min(1, { error: 'is required' })
    .max(500, { error: 'must be at most 500 characters' }),
  dueDate: isoDate,
  dealId: id.nullish().transform((v) => v ?? null),
  oneOnOneId: id.nullish().transform((v) => v ?? null),
});
export type CommitmentInput = z.input<typeof commitmentInput>;

export const commitmentStatusInput = z.object({
  id,
  status: z.enum(COMMITMENT_STATUSES, { error: 'must be open, done or dropped' }),
  /** The day it was done; defaults to today. */
  on: isoDate.optional(),
});

export const commitmentsListInput = z.object({
  repId: id.optional(),
  include: z.enum(['open', 'all']).default('open'),
  asOf: isoDate.optional(),
});

export interface Commitment {
  id: number;
  repId: number;
  repName: string;
  owner: CommitmentOwner;
  text: string;
  dueDate: string | null;
  status: CommitmentStatus;
  doneDate: string | null;
  createdOn: string;
  dealId: number | null;
  dealName: string | null;
  oneOnOneId: number | null;
  /** Open and past its due date on the as-of day. */
  overdue: boolean;
}

/** Counts behind a follow-through rate, for commitments due by the as-of date. */
export interface FollowThroughCounts {
  due: number;
  keptOnTime: number;
  keptLate: number;
  dropped: number;
  openOverdue: number;
}

export interface FollowThroughRow extends FollowThroughCounts {
  /** A rep's own commitments, or the manager's ("You") to everyone or to one rep. */
  repId: number | null;
  name: string;
  owner: CommitmentOwner;
  /** Kept on time / due; null when nothing was due yet. */
  rate: number | null;
}

export interface CommitmentsView {
  asOf: string;
  commitments: Commitment[];
  followThrough: FollowThroughRow[];
}
