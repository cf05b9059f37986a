import { z } from 'zod';
import { id, isoDate, money, optionalDate, optionalText } from './common';

export const REP_ROLES = ['field', 'inside', 'presales', 'sdr', 'other'] as const;
export type RepRole = (typeof REP_ROLES)[number];
export const REP_ROLE_LABELS: Record<RepRole, string> = {
  field: 'Field sales',
  inside: 'Inside sales',
  presales: 'Pre-sales',
  sdr: 'Sales development (SDR)',
  other: 'Other',
};

export const REP_STATUSES = ['active', 'on_leave', 'archived'] as const;
export type RepStatus = (typeof REP_STATUSES)[number];
export const REP_STATUS_LABELS: Record<RepStatus, string> = {
  active: 'Active',
  on_leave: 'On leave',
  archived: 'Archived',
};

const repFields = {
  name: z
    .string({ error: 'is required' })
    .trim()
    .min(1, { error: 'is required' })
    .max(120, { error: 'must be at most 120 characters' }),
  email: z
    .union([z.literal(''), z.email({ error: 'is not a valid email address' })])
    .nullish()
    .transform((s) => (s ? s.toLowerCase() : null)),
  role: z.enum(REP_ROLES, { error: `must be one of: ${REP_ROLES.join(', ')}` }),
  territory: optionalText(120),
  hireDate: optionalDate,
  /** Quota for one quota period (the team's period is a setting, quarterly by default). */
  quota: money,
};

export const repInput = z.object(repFields);
export type RepInput = z.input<typeof repInput>;

export const repUpdate = z.object({ id, ...repFields, status: z.enum(REP_STATUSES) });
export type RepUpdate = z.input<typeof repUpdate>;

export interface Rep {
  id: number;
  name: string;
  email: string | null;
  role: RepRole;
  territory: string | null;
  hireDate: string | null;
  status: RepStatus;
  quota: number;
  /** Days between one-on-ones. */
  oneOnOneCadenceDays: number;
  /** How long their one-on-ones run (Prepare fits the agenda to it). */
  oneOnOneMinutes: number;
  createdAt: string;
  updatedAt: string;
}

export { isoDate };
