import { z } from 'zod';
import type { Flag, FlagCode } from '../domain/flags';
import type { RepMetrics } from '../domain/metrics';
import { id, isoDate } from './common';
import type { Period } from './team';

export const asOfInput = z.object({ asOf: isoDate.optional() });

export interface NeglectRow {
  repId: number;
  name: string;
  lastOneOnOne: string | null;
  lastNote: string | null;
  lastDealReview: string | null;
  /** The most recent of the three. */
  lastTouch: string | null;
  daysSince: number | null;
  /** Top by won value in the window: the domain says they get neglected too. */
  isTopPerformer: boolean;
}

export interface TeamMetrics {
  asOf: string;
  windowStart: string;
  period: Period;
  currency: string;
  reps: RepMetrics[];
  team: RepMetrics;
  neglect: NeglectRow[];
  neglectDays: number;
}

export interface PipelineDeal {
  id: number;
  repId: number;
  repName: string;
  accountName: string | null;
  name: string;
  stage: string;
  amount: number;
  currency: string;
  createdDate: string;
  expectedCloseDate: string | null;
  ageDays: number;
  daysInStage: number;
  lastActivityDate: string | null;
  closeDateChanges: number;
  stakeholderCount: number;
  flags: Flag[];
}

export interface Pipeline {
  asOf: string;
  stages: string[];
  deals: PipelineDeal[];
}

/** The Pipeline screen's rows: the columns it shows and flag codes only, so 100k rows stay light. */
export type PipelineRow = Pick<
  PipelineDeal,
  'id' | 'repId' | 'repName' | 'accountName' | 'name' | 'stage' | 'amount' | 'currency' | 'expectedCloseDate' | 'ageDays' | 'daysInStage'
> & { flags: FlagCode[] };

export interface PipelineList {
  asOf: string;
  stages: string[];
  deals: PipelineRow[];
}

export const dealFlagsInput = z.object({ id, asOf: isoDate.optional() });

export const repMetricsInput = z.object({ repId: id, asOf: isoDate.optional() });

export interface RepDashboard {
  metrics: RepMetrics;
  period: Period;
  asOf: string;
  daysLeftInPeriod: number;
  prospectsPerOpp: number;
  flagged: PipelineDeal[];
}

export interface WeeklyChange {
  dealId: number;
  dealName: string;
  accountName: string | null;
  amount: number;
  kind: 'stage' | 'close_date';
  from: string | null;
  to: string | null;
  changedOn: string;
}

export interface WeeklyRep {
  repId: number;
  name: string;
  newDeals: { id: number; name: string; accountName: string | null; amount: number; stage: string; createdDate: string }[];
  changes: WeeklyChange[];
}

export interface WeeklyReview {
  asOf: string;
  since: string;
  reps: WeeklyRep[];
}
