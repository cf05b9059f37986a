import { z } from 'zod';
import { DRIVERS, MIN_PLAN_DAYS, QUADRANTS, type Driver, type DriverValues, type Placement, type PlanOutcome, type Projection, type Quadrant, type TopVsRest } from '../domain/development';
import { id, isoDate, optionalText } from './common';

const driver = z.enum(DRIVERS, { error: 'must be one of the performance drivers' });

export const developmentInput = z
  .object({ from: isoDate.optional(), to: isoDate.optional() })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { error: 'must be on or before the end of the period', path: ['from'] });

export const placementInput = z.object({
  repId: id,
  /** Null clears the manager's placement (the data's stays). */
  quadrant: z.enum(QUADRANTS, { error: 'must be one of the four quadrants' }).nullable(),
  note: optionalText(1000),
});

export const planInput = z
  .object({
    repId: id,
    drivers: z
      .array(driver)
      .min(1, { error: 'needs at least one driver' })
      .max(2, { error: 'can have at most two drivers: focus on the top two' })
      .refine((d) => new Set(d).size === d.length, { error: 'cannot name the same driver twice' }),
    metric: driver,
    startDate: isoDate,
    lengthDays: z
      .number({ error: 'must be a number of days' })
      .int({ error: 'must be a whole number of days' })
      .min(MIN_PLAN_DAYS, { error: `must be at least ${MIN_PLAN_DAYS} days: coach a driver for at least 60 days` })
      .max(365, { error: 'must be at most 365 days' })
      .default(MIN_PLAN_DAYS),
    actions: optionalText(2000),
    target: z.number({ error: 'must be a number' }).finite().nullable().default(null),
  })
  .refine((p) => p.drivers.includes(p.metric), { error: 'must be one of the plan’s drivers', path: ['metric'] });
export type PlanInput = z.input<typeof planInput>;

export const checkinInput = z.object({ planId: id, note: optionalText(2000) });
export const closePlanInput = z.object({
  planId: id,
  status: z.enum(['completed', 'stopped'], { error: 'must be completed or stopped' }),
  note: optionalText(2000),
});

export interface Checkin {
  id: number;
  dueDate: string;
  doneOn: string | null;
  metricValue: number | null;
  note: string | null;
}

export interface PlanView {
  id: number;
  repId: number;
  repName: string;
  drivers: Driver[];
  metric: Driver;
  baseline: number | null;
  /** The metric from the start to today (or to the end, once over). */
  current: number | null;
  target: number | null;
  startDate: string;
  endDate: string;
  /** Day of the plan today (1 = the start day), capped at its length. */
  day: number;
  days: number;
  actions: string | null;
  status: 'active' | 'completed' | 'stopped';
  outcome: PlanOutcome;
  resultValue: number | null;
  resultNote: string | null;
  closedOn: string | null;
  checkins: Checkin[];
  /** The first check-in not done yet. */
  nextCheckin: Checkin | null;
}

export interface RepDevelopment {
  repId: number;
  name: string;
  values: DriverValues;
  data: Placement;
  manager: { quadrant: Quadrant; note: string | null; placedOn: string } | null;
  suggested: Driver[];
  plan: PlanView | null;
}

export interface TeamDevelopment {
  from: string;
  to: string;
  currency: string;
  topShare: number;
  comparison: TopVsRest;
  projection: Projection;
  reps: RepDevelopment[];
}
