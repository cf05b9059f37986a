/**
 * Did the answers hold up? After a deal review, the deal's outcome and close date say so: won,
 * lost, the close date given at the review slipped or passed, or nothing changed. Pure: the
 * store gathers the history. (Changes on the review day count as made in the review.)
 */
import { formatDate } from './format';

export interface ReviewVerdict {
  tone: 'good' | 'bad' | 'neutral';
  text: string;
}

export interface DealSince {
  outcome: 'open' | 'won' | 'lost';
  closedDate: string | null;
  /** The expected close date now. */
  expectedCloseDate: string | null;
  /** Close-date changes, oldest first. */
  closeDateChanges: { fromDate: string | null; toDate: string | null; changedOn: string }[];
  /** Stage moves after the review day. */
  stageMovesSince: number;
}

/** The expected close date as it stood at the end of the review day. */
export function closeDateOn(day: string, d: DealSince): string | null {
  const next = d.closeDateChanges.find((c) => c.changedOn > day);
  return next ? next.fromDate : d.expectedCloseDate;
}

export function reviewVerdict(reviewDate: string, today: string, d: DealSince, locale?: string): ReviewVerdict {
  const date = (s: string | null) => formatDate(s, locale);
  const promised = closeDateOn(reviewDate, d);
  if (d.outcome === 'won') {
    const late = promised && d.closedDate && d.closedDate > promised;
    return { tone: 'good', text: `Won on ${date(d.closedDate)}${late ? `, later than the ${date(promised)} given at the review` : ''}.` };
  }
  if (d.outcome === 'lost') return { tone: 'bad', text: `Lost on ${date(d.closedDate)}.` };
  if (promised && d.expectedCloseDate !== promised) {
    return { tone: 'bad', text: `The close date given at the review (${date(promised)}) slipped to ${date(d.expectedCloseDate)}.` };
  }
  if (promised && promised < reviewDate) return { tone: 'bad', text: `The close date (${date(promised)}) had already passed at the review, and no new date has been set.` };
  if (promised && promised < today) return { tone: 'bad', text: `The close date given at the review (${date(promised)}) has passed and the deal is still open.` };
  if (d.stageMovesSince > 0) return { tone: 'neutral', text: `Moved stage ${d.stageMovesSince === 1 ? 'once' : `${d.stageMovesSince} times`} since; still expected ${date(promised)}.` };
  return { tone: 'neutral', text: promised ? `No change since the review; still expected ${date(promised)}.` : 'No change since the review.' };
}
