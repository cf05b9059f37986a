import { z } from 'zod';
import type { RepWeekStanding } from '../domain/oneOnOneWeek';
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
  /** How long the rep's one-on-ones run: Prepare fits the agenda to it. */
  meetingMinutes: number;
}

/** A suggestion from "Prepare", not yet on the agenda. */
export interface ProposedItem {
  title: string;
  detail: string | null;
  sourceKind: AgendaSource;
  sourceId: number | null;
  /** About how long it takes in the room. */
  minutes: number;
  /** Why it is proposed, and why at this place in the ranking. */
  why: string;
  /** Fits the meeting's time (pre-ticked); the others are "also worth raising". */
  selected: boolean;
}

/** What Prepare answers: the ranked proposals fitted to the meeting, and what it took off. */
export interface PreparedAgenda {
  items: ProposedItem[];
  meetingMinutes: number;
  /** Minutes already taken by the items on the agenda. */
  onAgendaMinutes: number;
  selectedMinutes: number;
  /** Items carried from the last meeting that are no longer true, taken off the agenda. */
  dropped: { title: string; why: string }[];
}

export const scheduleInput = z.object({ repId: id, meetingDate: isoDate });
/** Closing a meeting planned for a later day moves it to today; the manager is asked first. */
export const closeInput = z.object({ id, moveToToday: z.boolean().default(false) });
/** "Not this time": a proposal turned down for this meeting is not proposed again. */
export const dismissInput = z.object({ id, sourceKind: z.enum(AGENDA_SOURCES, { error: 'is not a kind of proposal' }), sourceId: id.nullable() });
export const meetingLengthInput = z.object({
  repId: id,
  minutes: z.number({ error: 'must be a number of minutes' }).int({ error: 'must be whole minutes' }).min(10, { error: 'must be at least 10 minutes' }).max(180, { error: 'must be at most 180 minutes' }),
});

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

/** A week of one-on-ones: `from` is any day of it (the week runs Monday to Sunday); default this week. */
export const weekInput = z.object({ from: isoDate.optional(), asOf: isoDate.optional() });
/** "Prepare the week": every one-on-one planned in the seven days from `from` (default: this week's Monday). */
export const prepareWeekInput = z.object({ from: isoDate.optional(), asOf: isoDate.optional() });

export interface WeekMeeting {
  id: number;
  date: string;
  itemCount: number;
}

/** One rep's line in the week: their standing, the meetings to hold and what comes next. */
export interface RepWeek {
  repId: number;
  repName: string;
  cadenceDays: number;
  meetingMinutes: number;
  lastHeld: string | null;
  /** Planned meetings whose day has passed (overdue) or falls in the week, oldest first. */
  toHold: WeekMeeting[];
  /** The soonest planned meeting after the week, if any. */
  after: WeekMeeting | null;
  standing: RepWeekStanding;
}

export interface OneOnOneWeek {
  from: string;
  to: string;
  today: string;
  /** Active reps, most urgent first. */
  reps: RepWeek[];
}

/** What "Prepare the week" did to each meeting. */
export interface WeekPrepared {
  from: string;
  to: string;
  meetings: { id: number; repName: string; date: string; added: number; dropped: number; agendaMinutes: number; meetingMinutes: number }[];
}
