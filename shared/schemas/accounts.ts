import { z } from 'zod';
import { ADVISOR_SIGNS, LADDER, type AdvisorSign, type LadderLevel } from '../domain/advisorLadder';
import { id, optionalText } from './common';

export const ladderInput = z.object({
  accountId: id,
  level: z.enum(LADDER, { error: 'must be chosen' }),
  signs: z.object(Object.fromEntries(ADVISOR_SIGNS.map((s) => [s, z.boolean().default(false)])) as Record<AdvisorSign, z.ZodDefault<z.ZodBoolean>>),
  note: optionalText(1000),
});

export interface AccountLadder {
  accountId: number;
  name: string;
  level: LadderLevel | null;
  signs: Record<AdvisorSign, boolean>;
  hint: string | null;
  history: { level: LadderLevel; signs: Record<AdvisorSign, boolean>; note: string | null; changedOn: string }[];
}
