import type { FollowThroughCounts } from '../schemas/commitments';
import { daysBetween } from './periods';

/**
 * Follow-through = commitments kept on time / commitments due. "Meet every commitment, small
 * ones included" (domain.md section 12) applies to the manager as much as to the rep, and a
 * rep's follow-through is an objective coachability signal (section 5).
 */
export function followThroughRate(c: FollowThroughCounts): number | null {
  return c.due > 0 ? c.keptOnTime / c.due : null;
}

export function addCounts(a: FollowThroughCounts, b: FollowThroughCounts): FollowThroughCounts {
  return {
    due: a.due + b.due,
    keptOnTime: a.keptOnTime + b.keptOnTime,
    keptLate: a.keptLate + b.keptLate,
    dropped: a.dropped + b.dropped,
    openOverdue: a.openOverdue + b.openOverdue,
  };
}

/** How many days an open promise is past its due date on `asOf` (0 when not overdue). */
export function daysOverdue(c: { status?: string; dueDate: string | null }, asOf: string): number {
  if ((c.status !== undefined && c.status !== 'open') || !c.dueDate || c.dueDate >= asOf) return 0;
  return daysBetween(c.dueDate, asOf);
}
