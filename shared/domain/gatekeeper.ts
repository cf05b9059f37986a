/**
 * The mid-level gatekeeper playbook (domain.md section 7) and the stakeholder-map warnings.
 * Guidance for the manager to coach with; the rep does the work.
 */
import type { Stakeholder } from '../schemas/stakeholders';
import { championOnly, isSingleThreaded } from './flags';
import { formatDate } from './format';

export const NUDGE_LIMIT = 4;

export function playbook(s: Stakeholder, asOf: string, locale?: string): string[] {
  if (s.role !== 'mid_level') return [];
  const steps: string[] = [];
  if (!s.dmMeetingDate && s.nudgesSent >= NUDGE_LIMIT) {
    steps.push(`${s.nudgesSent} polite nudges and still no meeting with the boss: ask for the decision maker's name${s.dmNameKnown ? ' (known)' : ''} and ask "Will you recommend us?"`);
  } else if (!s.dmMeetingDate) {
    steps.push(`Nudge ${s.nudgesSent + 1} of ${NUDGE_LIMIT}: keep it polite; after ${NUDGE_LIMIT}–5 with no meeting, ask for the decision maker's name and "Will you recommend us?"`);
  }
  if (s.dmMeetingDate) {
    steps.push(
      s.dmMeetingDate >= asOf
        ? `They meet the decision maker on ${formatDate(s.dmMeetingDate, locale)}: call the day after.`
        : `They met the decision maker on ${formatDate(s.dmMeetingDate, locale)}: call the day after to hear the outcome.`,
    );
  }
  if (s.willRecommend === 'yes') steps.push('Outcome A, approved: agree the next step with the decision maker.');
  if (s.willRecommend === 'unsure') steps.push('Outcome B, still stalled or dodging: go to the decision maker directly, with tact.');
  if (s.willRecommend === 'no') steps.push('Outcome C, declined: learn the real objection and start over with the decision maker.');
  return steps;
}

/** The map's warnings, by the same tests as the stakeholder flags (shared/domain/flags.ts). */
export function mapWarnings(stakeholders: Stakeholder[], bigDeal: boolean): string[] {
  const w: string[] = [];
  if (isSingleThreaded(stakeholders.length)) w.push('Single-threaded: build consensus beyond one contact.');
  if (!stakeholders.some((s) => s.role === 'decision_maker')) w.push('No decision maker identified.');
  if (bigDeal && championOnly(stakeholders.length, stakeholders.filter((s) => s.role === 'champion').length)) {
    w.push('Champion only on an enterprise-wide deal: who else does this touch, and do they agree?');
  }
  return w;
}
