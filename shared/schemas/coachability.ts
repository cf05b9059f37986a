import { z } from 'zod';
import { CAUTIONS, SIGNS, type CautionAnswers, type CoachabilityJudgement, type Sign } from '../domain/coachability';
import { id, isoDate, optionalText } from './common';
import { NOTE_KIND_LABELS } from './notes';

export const OBSERVATION_CONTEXTS = ['one_on_one', 'deal_review', 'call', 'team_meeting', 'other'] as const;
export const CONTEXT_LABELS: Record<(typeof OBSERVATION_CONTEXTS)[number] | 'self', string> = {
  one_on_one: 'One-on-one',
  deal_review: NOTE_KIND_LABELS.deal_review,
  call: 'Call or meeting',
  team_meeting: 'Team meeting',
  other: 'Other',
  self: 'Self-assessment',
};

const frequency = z.number({ error: 'must be chosen' }).int().min(0, { error: 'must be from 0 to 3' }).max(3, { error: 'must be from 0 to 3' });

export const observationInput = z.object({
  /** Null for the manager's own self-assessment. */
  repId: id.nullable(),
  observedOn: isoDate,
  context: z.enum([...OBSERVATION_CONTEXTS, 'self'], { error: 'must be chosen' }),
  ratings: z.object(Object.fromEntries(SIGNS.map((s) => [s, frequency])) as Record<Sign, typeof frequency>),
  evidence: z.object(Object.fromEntries(SIGNS.map((s) => [s, optionalText(1000)])) as Record<Sign, ReturnType<typeof optionalText>>).partial().default({}),
  feedbackApplied: z.boolean().default(false),
  newApproachTried: z.boolean().default(false),
  note: optionalText(2000),
});
export type ObservationInput = z.input<typeof observationInput>;

const answer = z.enum(['yes', 'no', 'unsure']).nullish().transform((v) => v ?? null);
export const cautionsInput = z.object({
  repId: id,
  answers: z.object(Object.fromEntries(CAUTIONS.map((c) => [c, answer])) as Record<(typeof CAUTIONS)[number], typeof answer>),
  note: optionalText(2000),
});

export interface ObservationRow {
  id: number;
  observedOn: string;
  context: string;
  ratings: Record<Sign, number>;
  /** Evidence text: shown on the rep page, exported only on request. */
  evidence: Partial<Record<Sign, string>>;
  feedbackApplied: boolean;
  newApproachTried: boolean;
  note: string | null;
}

export interface RepCoachability {
  repId: number | null;
  name: string;
  judgement: CoachabilityJudgement;
  cautions: CautionAnswers;
  cautionsNote: string | null;
  observations: ObservationRow[];
}

export interface TeamCoachabilityRow {
  repId: number;
  name: string;
  judgement: CoachabilityJudgement;
}
