import { z } from 'zod';
import type { Commitment } from './commitments';
import { id, isoDate, optionalText } from './common';

/** Where a prepared agenda item came from, so the manager can open its source. */
export const AGENDA_SOURCES = ['commitment', 'deal', 'new_opps', 'coachability', 'value_prop', 'development', 'carried'] as const;
export type AgendaSource = (typeof AGENDA_SOURCES)[number];
export const AGENDA_ADDED_BY = ['manager', 'rep', 'prepared'] as const;
export type AgendaAddedBy = (typeof AGENDA_ADDED_BY)[number];

export interface AgendaItem {
  id: number;
  position: number;
  title: string;
  /** The coaching question or the evidence behind the item. */
  detail: string | null;
  sourceKind: AgendaSource | null;
  sourceId: number | null;
  addedBy: AgendaAddedBy;
  notes: string | null;
  done: boolean;
  carriedFromId: number | null;
}

export interface OneOnOneEvent {
  action: 'closed' | 'unlocked';
  reason: string | null;
  at: string;
}

export interface OneOnOne {
  id: number;
  repId: number;
  repName: string;
  meetingDate: string;
  status: 'planned' | 'closed';
  privateNote: string | null;
  closedAt: string | null;
  itemCount: number;
}

export interface OneOnOneDetail {
  meeting: OneOnOne;
  items: AgendaItem[];
  /** The rep's open commitments (both sides) and those made in this meeting. */
  commitments: Commitment[];
  events: OneOnOneEvent[];
  previousMeetingDate: string | null;
  cadenceDays: number;
}

/** A suggestion from "Prepare", not yet on the agenda. */
export interface ProposedItem {
  title: string;
  detail: string | null;
  sourceKind: AgendaSource;
  sourceId: number | null;
}

export const scheduleInput = z.object({ repId: id, meetingDate: isoDate });

const itemFields = z.object({
  id: id.optional(),
  title: z.string({ error: 'is required' }).trim().min(1, { error: 'is required' }).max(300, { error: 'must be at most 300 characters' }),
  detail: optionalText(1000),
  sourceKind: z.enum(AGENDA_SOURCES).nullish().transform((v) => v ?? null),
  sourceId: id.nullish().transform((v) => v ?? null),
  addedBy: z.enum(AGENDA_ADDED_BY).default('manager'),
  notes: optionalText(10_000),
  done: z.boolean().default(false),
});

export const saveAgendaInput = z.object({ id, items: z.array(itemFields).max(100, { error: 'can have at most 100 items' }) });
export const updateItemInput = z.object({ id, notes: optionalText(10_000).optional(), done: z.boolean().optional() });
export const privateNoteInput = z.object({ id, note: optionalText(20_000) });
export const unlockInput = z.object({
  id,
  reason: z.string({ error: 'is required' }).trim().min(3, { error: 'needs a few words: why is it being changed?' }).max(500),
});
export const cadenceInput = z.object({ repId: id, days: z.number().int().min(1, { error: 'must be at least 1 day' }).max(90, { error: 'must be at most 90 days' }) });
