/**
 * Which automatic backups to keep: every backup of the last `daily` days, then the newest one
 * of each of the `weekly` weeks before that. Pure, so the policy is unit-tested on names alone.
 */
import { daysBetween } from './periods';

export interface BackupPolicy {
  daily: number;
  weekly: number;
}

export const DEFAULT_BACKUP_POLICY: BackupPolicy = { daily: 7, weekly: 4 };

/** `dates` are the backups' days (YYYY-MM-DD); returns the ones to delete. */
export function backupsToPrune(dates: string[], today: string, policy: BackupPolicy = DEFAULT_BACKUP_POLICY): string[] {
  const sorted = [...new Set(dates)].sort().reverse();
  const keep = new Set<string>();
  const weeksKept = new Set<number>();
  for (const d of sorted) {
    const age = daysBetween(d, today);
    if (age < policy.daily) keep.add(d);
    else {
      const week = Math.floor((age - policy.daily) / 7);
      if (week < policy.weekly && !weeksKept.has(week)) {
        weeksKept.add(week);
        keep.add(d);
      }
    }
  }
  return sorted.filter((d) => !keep.has(d));
}
