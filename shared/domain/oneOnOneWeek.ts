/**
 * A week of one-on-ones at a glance: for each rep, where their one-on-ones stand on a day, from
 * when the last one was held, their cadence and what is planned. Pure: the store supplies the dates.
 */
import { addDays, daysBetween } from './periods';
import { countOf, formatDate } from './format';

/** The Monday that starts the week holding `date` (weeks run Monday to Sunday, as ISO 8601 has them). */
export function weekStart(date: string): string {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((dow + 6) % 7));
}

/** The week's seven days, first and last inclusive. */
export const weekOf = (date: string): { from: string; to: string } => {
  const from = weekStart(date);
  return { from, to: addDays(from, 6) };
};

/**
 * Where a rep's one-on-ones stand, most urgent first: a planned meeting whose day has passed
 * without being held; one this week; none this week although the cadence says one is due by the
 * week's end (or none held yet); the next one planned after this week; nothing planned, not yet due.
 */
export const WEEK_STATES = ['overdue', 'this_week', 'due', 'planned', 'not_planned'] as const;
export type WeekState = (typeof WEEK_STATES)[number];

/** The labels every screen and document shows for a state: one table. */
export const WEEK_STATE_LABELS: Record<WeekState, string> = {
  overdue: 'Overdue',
  this_week: 'This week',
  due: 'Due, none this week',
  planned: 'Planned later',
  not_planned: 'Not due yet',
};

export const WEEK_STATE_TONES: Record<WeekState, 'good' | 'warn' | 'bad' | 'neutral'> = {
  overdue: 'bad',
  this_week: 'good',
  due: 'warn',
  planned: 'neutral',
  not_planned: 'neutral',
};

export interface RepMeetingFacts {
  cadenceDays: number;
  /** The last one-on-one held (closed) on or before the day, or null. */
  lastHeld: string | null;
  /** The rep's planned (not closed) one-on-ones, any date. */
  planned: readonly string[];
}

export interface RepWeekStanding {
  state: WeekState;
  /** When the next one-on-one is due by the cadence (last held + cadence); null when none was held. */
  dueBy: string | null;
  /** Days since the due date, when it has passed; 0 or null otherwise. */
  daysPastCadence: number | null;
  /** One sentence: why the rep is in this state. */
  reason: string;
}

/** Where one rep's one-on-ones stand on `today`, for the week `from`..`to`. */
export function repWeekStanding(f: RepMeetingFacts, week: { from: string; to: string }, today: string): RepWeekStanding {
  const dueBy = f.lastHeld ? addDays(f.lastHeld, f.cadenceDays) : null;
  const past = dueBy && dueBy < today ? daysBetween(dueBy, today) : null;
  const held = f.lastHeld ? `last held ${formatDate(f.lastHeld)}` : 'none held yet';
  const late = past ? `, ${countOf(past, 'day')} past the ${f.cadenceDays}-day cadence` : '';
  const sorted = [...f.planned].sort();
  const missed = sorted.filter((d) => d < today);
  if (missed.length) {
    const d = missed[missed.length - 1]!;
    return { state: 'overdue', dueBy, daysPastCadence: past, reason: `Planned for ${formatDate(d)} and not held (${countOf(daysBetween(d, today), 'day')} ago)${late}.` };
  }
  const inWeek = sorted.find((d) => d >= week.from && d <= week.to);
  if (inWeek) return { state: 'this_week', dueBy, daysPastCadence: past, reason: `Planned for ${formatDate(inWeek)}; ${held}${late}.` };
  const later = sorted.find((d) => d > week.to);
  if (!dueBy || dueBy <= week.to) {
    const when = later ? ` The next one is planned for ${formatDate(later)}.` : '';
    const due = dueBy ? (past ? `Due ${formatDate(dueBy)}` : `Due by ${formatDate(dueBy)}`) : 'Due now';
    return { state: 'due', dueBy, daysPastCadence: past, reason: `${due}: ${held}${late}.${when}` };
  }
  if (later) return { state: 'planned', dueBy, daysPastCadence: past, reason: `Planned for ${formatDate(later)}; ${held}.` };
  return { state: 'not_planned', dueBy, daysPastCadence: past, reason: `Due by ${formatDate(dueBy)}; ${held}.` };
}
