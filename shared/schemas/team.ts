import { z } from 'zod';
import { isoDate } from './common';
import { DEFAULT_COACHABILITY } from '../domain/coachability';
import { QUOTA_PERIODS, type Period } from '../domain/periods';

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

const days = z
  .number({ error: 'must be a number of days' })
  .int({ error: 'must be a whole number of days' })
  .min(1, { error: 'must be at least 1 day' })
  .max(3650, { error: 'must be at most 3650 days' });
const factor = z.number({ error: 'must be a number' }).min(1, { error: 'must be at least 1' }).max(100, { error: 'must be at most 100' });
const share = z
  .number({ error: 'must be a percentage' })
  .min(0, { error: 'must be between 0 and 100 %' })
  .max(1, { error: 'must be between 0 and 100 %' });

/** Thresholds behind the pipeline flags and the diagnosis; all editable in Settings. */
export const thresholdsSchema = z.object({
  /** Days a deal may sit in a stage before it is "stuck", per stage name. */
  stageDays: z.record(z.string().trim().min(1, { error: 'needs a stage name' }), days),
  /** Used for stages without their own number. */
  defaultStageDays: days,
  /** No logged activity for this many days flags the deal. */
  noActivityDays: days,
  /** A deal older than this multiple of the rep's average cycle is flagged. */
  ageCycleFactor: factor,
  /** Amount above this multiple of the rep's average won deal is an outlier. */
  outlierFactor: factor,
  /** Below this win rate the diagnosis is "win rate too low" (effectiveness). */
  minWinRate: share,
  /** New opps per week below this share of what the quota needs is "too few opportunities". */
  activityShare: share,
  /** Reps hired within this many days are judged as new hires. */
  newHireDays: days,
  /** Neglect radar: no one-on-one, coaching note or deal review in this many days. */
  neglectDays: days,
});
export type Thresholds = z.output<typeof thresholdsSchema>;

const weight = z.number({ error: 'must be a number' }).min(0, { error: 'cannot be negative' }).max(100, { error: 'must be at most 100' });
const points = z.number({ error: 'must be a number' }).min(0, { error: 'cannot be negative' }).max(1000, { error: 'must be at most 1000' });

/** Weights of the attention score and who gets stakeholder flags; all editable in Settings. */
const triageSchema = z.object({
  /** Stakeholder flags apply from this stage on (and on big deals in any stage). */
  stakeholdersFromStage: z.string().trim().min(1, { error: 'needs a stage' }).max(80, { error: 'must be at most 80 characters' }),
  /** Points per flag, by severity. */
  points: z.object({ critical: points, warning: points, info: points }),
  /** How much a deal's size adds: 1 + amountWeight × (amount ÷ big-deal amount, at most 2). */
  amountWeight: weight,
  /** How much a near close date adds: 1 + closeWeight × nearness (1 when due or past, 0 at the horizon). */
  closeWeight: weight,
  /** Close dates further away than this add nothing. */
  horizonDays: days,
  /** How many deals each rep's "Needs attention" list shows (the one-on-one agenda takes the same). */
  perRep: z.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).min(1, { error: 'must be from 1 to 10' }).max(10, { error: 'must be from 1 to 10' }),
});
export type Triage = z.output<typeof triageSchema>;

/** Every setting, validated; the types below are read from it, so they cannot drift apart. */
export const settingsSchema = z.object({
  managerName: z.string().trim().min(1, { error: 'is required' }).max(120, { error: 'must be at most 120 characters' }),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, { error: 'must be a 3-letter currency code such as USD or EUR' }),
  quotaPeriod: z.enum(QUOTA_PERIODS),
  stages: z
    .array(z.string().trim().min(1, { error: 'cannot be blank' }).max(80, { error: 'must be at most 80 characters each' }))
    .min(1, { error: 'needs at least one open stage' })
    .max(20, { error: 'can have at most 20 stages' })
    .refine((l) => new Set(l.map((x) => x.toLowerCase())).size === l.length, { error: 'cannot list the same stage twice' })
    .refine((l) => !l.some((x) => ['closed won', 'closed lost'].includes(x.toLowerCase())), {
      error: 'cannot include Closed Won or Closed Lost: those are outcomes',
    }),
  /** Trailing window for win rates and cycles, in months. */
  windowMonths: z.number({ error: 'must be a number' }).int({ error: 'must be a whole number of months' }).min(1, { error: 'must be at least 1' }).max(36, { error: 'must be at most 36' }),
  /** Prospects needed per qualified opportunity (10 means 1 in 10 converts). */
  prospectsPerOpp: z.number({ error: 'must be a number' }).min(1, { error: 'must be at least 1' }).max(1000, { error: 'must be at most 1000' }),
  thresholds: thresholdsSchema,
  /**
   * Big deals (at least this amount) and the late stages. Value propositions are inspected on
   * big deals in late stages; both also set how severe a flag is (see shared/domain/flags.ts).
   */
  valueProps: z.object({
    bigDealAmount: z.number({ error: 'must be an amount' }).min(0, { error: 'cannot be negative' }).max(1e12, { error: 'is implausibly large' }),
    lateStages: z.array(z.string().trim().min(1, { error: 'cannot be blank' })).max(20, { error: 'can have at most 20 stages' }),
  }),
  /** Severity and attention: which deals need the manager first (see shared/domain/attention.ts). */
  triage: triageSchema,
  /** When observations add up to a pattern of uncoachability (see shared/domain/coachability.ts). */
  coachability: z.object({
    windowWeeks: z.number({ error: 'must be a number of weeks' }).int({ error: 'must be whole weeks' }).min(2, { error: 'must be at least 2 weeks' }).max(104, { error: 'must be at most 104 weeks' }),
    signsPerObservation: z.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).min(1, { error: 'must be from 1 to 7' }).max(7, { error: 'must be from 1 to 7' }),
    minObservations: z.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).min(2, { error: 'must be at least 2: one entry is never a pattern' }).max(50, { error: 'must be at most 50' }),
    minSpanWeeks: z.number({ error: 'must be a number of weeks' }).min(1, { error: 'must be at least 1 week' }).max(52, { error: 'must be at most 52 weeks' }),
    minShare: z.number({ error: 'must be a percentage' }).min(0, { error: 'must be between 0 and 100 %' }).max(1, { error: 'must be between 0 and 100 %' }),
  }),
  /** The skills and drivers coaching notes are filed under. */
  skills: z
    .array(z.string().trim().min(1, { error: 'cannot be blank' }).max(60, { error: 'must be at most 60 characters each' }))
    .min(1, { error: 'needs at least one skill' })
    .max(30, { error: 'can have at most 30 skills' })
    .refine((l) => new Set(l.map((x) => x.toLowerCase())).size === l.length, { error: 'cannot list the same skill twice' }),
  /** How many backups taken before imports and restores (and by hand) to keep. */
  backupKeep: z.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1' }).max(100, { error: 'must be at most 100' }),
  /** Minutes without use before an encrypted workbench locks itself (0 = never). */
  idleLockMinutes: z.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).min(0, { error: 'cannot be negative' }).max(1440, { error: 'must be at most 1440 (a day)' }),
  /** Spell-check while typing (the desktop app; it never downloads dictionaries). */
  spellcheck: z.boolean(),
});
export type Settings = z.output<typeof settingsSchema>;

/** A change to some settings: any of them, each validated as above. */
export const settingsPatch = settingsSchema.partial();

export const DEFAULT_SETTINGS: Settings = {
  managerName: 'Manager',
  currency: 'USD',
  quotaPeriod: 'quarter',
  stages: ['Prospecting', 'Qualification', 'Discovery', 'Proposal', 'Negotiation'],
  windowMonths: 12,
  prospectsPerOpp: 10,
  thresholds: {
    stageDays: { Prospecting: 30, Qualification: 30, Discovery: 45, Proposal: 30, Negotiation: 30 },
    defaultStageDays: 45,
    noActivityDays: 21,
    ageCycleFactor: 2,
    outlierFactor: 3,
    minWinRate: 0.2,
    activityShare: 0.8,
    newHireDays: 90,
    neglectDays: 21,
  },
  valueProps: { bigDealAmount: 100_000, lateStages: ['Proposal', 'Negotiation'] },
  triage: {
    stakeholdersFromStage: 'Discovery',
    points: { critical: 10, warning: 3, info: 1 },
    amountWeight: 1,
    closeWeight: 1,
    horizonDays: 90,
    perRep: 3,
  },
  coachability: DEFAULT_COACHABILITY,
  backupKeep: 10,
  idleLockMinutes: 15,
  spellcheck: false,
  skills: ['prospecting', 'discovery', 'value proposition', 'multi-threading', 'negotiation', 'forecasting'],
};

export interface AppInfo {
  dbPath: string;
  shell: 'electron' | 'web';
  repCount: number;
  dealCount: number;
  schemaVersion: number;
  today: string;
}
