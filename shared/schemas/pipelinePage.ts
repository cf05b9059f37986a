import { z } from 'zod';
import { FLAG_CODES, type FlagCode } from '../domain/flags';
import { SORT_KEYS } from '../domain/workingList';
import { id } from './common';
import { asOfInput, type PipelineRow } from './pipeline';

/**
 * One page of the Pipeline (pipeline.page): filters, a sort, and the last row of the previous
 * page (`after`, a deal id: keyset paging). The sort's direction defaults to the column's own.
 */
export const pipelinePageInput = asOfInput.extend({
  repId: id.optional(),
  stage: z.string().trim().min(1).max(200).optional(),
  flag: z.enum([...FLAG_CODES, 'any']).optional(),
  /** critical: a critical flag; warning: a warning or critical one. */
  level: z.enum(['critical', 'warning']).optional(),
  /** Free text: deal, account, rep or stage contains it (any case). */
  q: z.string().max(200).optional(),
  sort: z.enum(SORT_KEYS).default('attention'),
  desc: z.boolean().optional(),
  after: id.optional(),
  limit: z.number().int().min(1).max(1000).default(100),
});

/** What the Pipeline's header and filter menus show: the whole open pipeline, unfiltered. */
export interface PipelineHeader {
  openCount: number;
  flagged: number;
  critical: number;
  /** Warning or critical. */
  warning: number;
  byFlag: Partial<Record<FlagCode, number>>;
  /** Reps with open deals, by name. */
  reps: { id: number; name: string }[];
  /** Stages in use: the settings' order first, then any other, sorted. */
  stages: string[];
  untrackedReps: string[];
}

export interface PipelinePage {
  asOf: string;
  /** What the one-line reason needs (shared/domain/attention.ts attentionReason). */
  bigDealAmount: number;
  horizonDays: number;
  rows: PipelineRow[];
  /** The id to pass as `after` for the next page, or null after the last row. */
  next: number | null;
  /** First page only (null with `after`): the header, and the rows the filters keep. */
  header: PipelineHeader | null;
  matching: { count: number; amount: number } | null;
}
