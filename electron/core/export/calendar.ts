/**
 * The planned one-on-ones as an iCalendar (.ics) file that Outlook, Google Calendar and Apple
 * Calendar import. A one-on-one has a day, not an hour, so each is an all-day event shown as
 * free time, with its length in the title. The file leaves the workbench for a calendar
 * service: it names the rep and the length, never the agenda, notes or anything private.
 * Each event's UID is stable, so importing a newer file updates the events instead of doubling them.
 */
import type { DateArray, EventAttributes } from 'ics';
import { addDays } from '../../../shared/domain/periods';
import { countOf } from '../../../shared/domain/format';
import type { PlannedMeeting } from '../repos/oneOnOneWeek';

const day = (iso: string): DateArray => [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];

/** The .ics text (CRLF lines, folded and escaped as RFC 5545 asks) for these meetings. */
export function calendarIcs(meetings: readonly PlannedMeeting[]): string {
  const events: EventAttributes[] = meetings.map((m) => ({
    uid: `one-on-one-${m.id}@sales-manager-workbench`,
    start: day(m.date),
    end: day(addDays(m.date, 1)),
    title: `One-on-one with ${m.repName} (${m.minutes} min)`,
    description: `A ${m.minutes}-minute one-on-one with ${m.repName}. ${m.itemCount ? `${countOf(m.itemCount, 'item')} on the agenda` : 'No agenda yet'}: open it in the workbench to prepare.`,
    transp: 'TRANSPARENT',
    busyStatus: 'FREE',
    categories: ['One-on-one'],
    lastModified: Date.parse(m.updatedAt),
  }));
  const header = { productId: '-//Sales Manager Workbench//One-on-ones//EN', method: 'PUBLISH', calName: 'One-on-ones' };
  // An empty calendar is still a valid file (the library refuses an empty list).
  if (events.length === 0) {
    return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'CALSCALE:GREGORIAN', `PRODID:${header.productId}`, 'METHOD:PUBLISH', 'X-WR-CALNAME:One-on-ones', 'END:VCALENDAR', ''].join('\r\n');
  }
  // Loaded when a calendar is written: its schemas cost about 150 ms at every start otherwise.
  const { createEvents } = require('ics') as typeof import('ics'); // eslint-disable-line @typescript-eslint/no-require-imports
  const { error, value } = createEvents(events, header);
  if (error || !value) throw error ?? new Error('The calendar could not be written.');
  return value;
}
