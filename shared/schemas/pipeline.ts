import { z } from 'zod';
import type { Flag, FlagCode, Severity } from '../domain/flags';
import type { RepMetrics } from '../domain/metrics';
import { id, isoDate } from './common';
import type { Period } from '../domain/periods';

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
  /** False when the rep has no stakeholders recorded on any open deal: stakeholder flags are off. */
  stakeholdersTracked: boolean;
  flags: Flag[];
  /** The attention score (shared/domain/attention.ts) and the one line that explains it. */
  attention: number;
  reason: string;
}

export interface Pipeline {
  asOf: string;
  stages: string[];
  /** Ranked: highest attention first. */
  deals: PipelineDeal[];
  /** Reps whose stakeholders are not tracked yet (no stakeholder recorded on any of their open deals). */
  untrackedReps: string[];
}

/** The Pipeline screen's rows: the columns it shows and flag codes only, so 100k rows stay light. */
export type PipelineRow = Pick<
  PipelineDeal,
  'id' | 'repId' | 'repName' | 'accountName' | 'name' | 'stage' | 'amount' | 'currency' | 'expectedCloseDate' | 'ageDays' | 'daysInStage'
> & {
  flags: FlagCode[];
  /** The severity of each flag, in the same order. */
  severities: Severity[];
  attention: number;
};

export interface PipelineList {
  asOf: string;
  stages: string[];
  /** Ranked: highest attention first (ties: larger deal, then lower id). */
  deals: PipelineRow[];
  /** What the one-line reason needs (shared/domain/attention.ts attentionReason). */
  bigDealAmount: number;
  horizonDays: number;
  untrackedReps: string[];
}

/** "Needs attention": the top deals by attention, the team's or one rep's. */
export interface NeedsAttention {
  asOf: string;
  deals: PipelineDeal[];
  /** Open deals looked at, and how many carry a warning or critical flag. */
  openCount: number;
  warningOrWorse: number;
  untrackedReps: string[];
}

export const attentionInput = asOfInput.extend({
  repId: id.optional(),
  limit: z.number().int().min(1).max(100).optional(),
});

export const dealFlagsInput = z.object({ id, asOf: isoDate.optional() });

export const repMetricsInput = z.object({ repId: id, asOf: isoDate.optional() });

export interface RepDashboard {
  metrics: RepMetrics;
  period: Period;
  asOf: string;
  daysLeftInPeriod: number;
  prospectsPerOpp: number;
  /** Every open deal of the rep, ranked by attention. */
  ranked: PipelineDeal[];
  /** The top of that list (settings.triage.perRep), flagged deals only. */
  needsAttention: PipelineDeal[];
  stakeholdersTracked: boolean;
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
