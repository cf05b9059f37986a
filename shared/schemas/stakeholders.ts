import { z } from 'zod';
import { id, optionalDate, optionalText } from './common';

export const STAKEHOLDER_ROLES = ['decision_maker', 'champion', 'influencer', 'mid_level', 'user', 'blocker'] as const;
export type StakeholderRole = (typeof STAKEHOLDER_ROLES)[number];
export const ROLE_LABELS: Record<StakeholderRole, string> = {
  decision_maker: 'Decision maker',
  champion: 'Champion',
  influencer: 'Influencer',
  mid_level: 'Mid-level contact',
  user: 'User',
  blocker: 'Blocker',
};
export const STANCES = ['supporter', 'neutral', 'opponent', 'unknown'] as const;
export type Stance = (typeof STANCES)[number];
export const STANCE_LABELS: Record<Stance, string> = { supporter: 'Supporter', neutral: 'Neutral', opponent: 'Opponent', unknown: 'Unknown' };

const fields = {
  name: z.string({ error: 'is required' }).trim().min(1, { error: 'is required' }).max(120, { error: 'must be at most 120 characters' }),
  title: optionalText(120),
  role: z.enum(STAKEHOLDER_ROLES, { error: 'must be chosen' }),
  stance: z.enum(STANCES).default('unknown'),
  lastContactDate: optionalDate,
  nudgesSent: z.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).min(0, { error: 'cannot be negative' }).max(100, { error: 'must be at most 100' }).default(0),
  dmNameKnown: z.boolean().default(false),
  willRecommend: z.enum(['yes', 'no', 'unsure']).nullish().transform((v) => v ?? null),
  dmMeetingDate: optionalDate,
};
export const stakeholderInput = z.object({ dealId: id, ...fields });
export const stakeholderUpdate = z.object({ id, ...fields });

export interface Stakeholder {
  id: number;
  dealId: number;
  name: string;
  title: string | null;
  role: StakeholderRole;
  stance: Stance;
  lastContactDate: string | null;
  nudgesSent: number;
  dmNameKnown: boolean;
  willRecommend: 'yes' | 'no' | 'unsure' | null;
  dmMeetingDate: string | null;
}

export interface StakeholderMap {
  dealId: number;
  stakeholders: (Stakeholder & { playbook: string[] })[];
  /** Map-level warnings: single-threaded, no decision maker, champion only on a big deal. */
  warnings: string[];
}
