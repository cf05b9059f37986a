import { z } from 'zod';
import { currency, id, isoDate, money, optionalDate, optionalText } from './common';

export const OUTCOMES = ['open', 'won', 'lost'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Stage names used when closing; open stages come from the team's stage list (settings). */
export const WON_STAGE = 'Closed Won';
export const LOST_STAGE = 'Closed Lost';

/** Won and lost are outcomes set by closing a deal, never an open deal's stage. */
export const isClosingStage = (s: string) => [WON_STAGE, LOST_STAGE].some((c) => c.toLowerCase() === s.trim().toLowerCase());

const stage = z
  .string({ error: 'is required' })
  .trim()
  .min(1, { error: 'is required' })
  .max(80, { error: 'must be at most 80 characters' });

const openStage = stage.refine((s) => !isClosingStage(s), { error: 'cannot be Closed Won or Closed Lost: close the deal instead' });

const dealFields = {
  repId: id,
  /** Empty means no account yet: early deals often have none; stakeholders and the ladder wait for one. */
  accountName: optionalText(160),
  name: z
    .string({ error: 'is required' })
    .trim()
    .min(1, { error: 'is required' })
    .max(200, { error: 'must be at most 200 characters' }),
  stage,
  amount: money,
  currency: currency.default('USD'),
  createdDate: isoDate,
  expectedCloseDate: optionalDate,
  lastActivityDate: optionalDate,
  nextStep: optionalText(500),
  source: optionalText(80),
  externalId: optionalText(80),
};

const checkDates = <T extends { createdDate: string; expectedCloseDate: string | null }>(
  d: T,
  ctx: z.RefinementCtx,
) => {
  if (d.expectedCloseDate && d.expectedCloseDate < d.createdDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['expectedCloseDate'],
      message: 'cannot be before the created date',
    });
  }
};

export const dealInput = z.object({ ...dealFields, stage: openStage }).superRefine(checkDates);
export type DealInput = z.input<typeof dealInput>;

export const dealUpdate = z.object({ id, ...dealFields }).superRefine(checkDates);
export type DealUpdate = z.input<typeof dealUpdate>;

export const dealClose = z.object({
  id,
  outcome: z.enum(['won', 'lost'], { error: 'must be won or lost' }),
  closedDate: isoDate,
});
export type DealClose = z.input<typeof dealClose>;

export const dealReopen = z.object({ id, stage: openStage });

export interface Deal {
  id: number;
  externalId: string | null;
  repId: number;
  repName: string;
  accountId: number | null;
  accountName: string | null;
  name: string;
  stage: string;
  /** The stage as the CRM export wrote it, when the workbench reads it as another ("C6:WON"). */
  crmStage: string | null;
  amount: number;
  currency: string;
  createdDate: string;
  expectedCloseDate: string | null;
  closedDate: string | null;
  outcome: Outcome;
  lastActivityDate: string | null;
  nextStep: string | null;
  source: string | null;
  stageEnteredDate: string;
  closeDateChanges: number;
  updatedAt: string;
}

export interface StageChange {
  id: number;
  fromStage: string | null;
  toStage: string;
  changedOn: string;
}

export interface CloseDateChange {
  id: number;
  fromDate: string | null;
  toDate: string | null;
  changedOn: string;
}

export interface DealDetail {
  deal: Deal;
  stageHistory: StageChange[];
  closeDateChanges: CloseDateChange[];
}
