import { nextMeetingDate } from '../../../../shared/domain/periods';
import type { OneOnOne } from '../../../../shared/schemas/oneOnOnes';
import { call } from '../../api/client';

/** The rep's planned one-on-ones, soonest first. */
export const upcomingOf = (list: readonly OneOnOne[]): OneOnOne[] =>
  list.filter((m) => m.status === 'planned').sort((a, b) => a.meetingDate.localeCompare(b.meetingDate));

/** The last one-on-one held (the list comes newest first). */
export const lastHeldOf = (list: readonly OneOnOne[]): OneOnOne | undefined => list.find((m) => m.status === 'closed');

/**
 * "Prepare a one-on-one with…": the rep's next planned one-on-one, or a new one on their
 * cadence after the last one held. Returns its id, to open.
 */
export async function nextOneOnOne(repId: number, cadenceDays: number, today: string): Promise<number> {
  const list = await call('oneOnOnes.list', { repId });
  const planned = upcomingOf(list)[0];
  if (planned) return planned.id;
  const m = await call('oneOnOnes.schedule', { repId, meetingDate: nextMeetingDate(lastHeldOf(list)?.meetingDate, cadenceDays, today) });
  return m.id;
}
