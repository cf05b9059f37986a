import { z } from 'zod';
import { isoDate } from './common';

export const QUOTA_PERIODS = ['month', 'quarter', 'year'] as const;
export type QuotaPeriod = (typeof QUOTA_PERIODS)[number];

export interface Period {
  kind: QuotaPeriod;
  start: string;
  /** Inclusive last day. */
  end: string;
  label: string;
}

/** One line of the Team screen, aggregated in SQL. */
export interface TeamRow {
  repId: number;
  name: string;
  role: string;
  status: string;
  territory: string | null;
  quota: number;
  wonThisPeriod: number;
  attainment: number | null;
  openPipeline: number;
  openCount: number;
  dealCount: number;
}

export interface TeamSummary {
  asOf: string;
  period: Period;
  currency: string;
  rows: TeamRow[];
}

export const teamSummaryInput = z.object({
  asOf: isoDate.optional(),
  includeArchived: z.boolean().default(false),
});

export interface Settings {
  managerName: string;
  currency: string;
  quotaPeriod: QuotaPeriod;
  stages: string[];
}

export const settingsPatch = z
  .object({
    managerName: z.string().trim().min(1, { error: 'is required' }).max(120),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, { error: 'must be a 3-letter currency code such as USD or EUR' }),
    quotaPeriod: z.enum(QUOTA_PERIODS),
    stages: z
      .array(z.string().trim().min(1).max(80))
      .min(1, { error: 'needs at least one open stage' })
      .max(20),
  })
  .partial();

export const DEFAULT_SETTINGS: Settings = {
  managerName: 'Manager',
  currency: 'USD',
  quotaPeriod: 'quarter',
  stages: ['Prospecting', 'Qualification', 'Discovery', 'Proposal', 'Negotiation'],
};

export interface AppInfo {
  dbPath: string;
  shell: 'electron' | 'web';
  repCount: number;
  dealCount: number;
  schemaVersion: number;
  today: string;
}
