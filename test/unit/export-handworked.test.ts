import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { fixedClock } from '../../electron/core/clock';
import type { Ctx } from '../../electron/core/context';
import { testCtx } from './helpers';

const v = (r: ReturnType<typeof dispatch>): any => {
  if (!r.ok) throw new Error(`${r.error.message} (${r.error.field ?? ''})`);
  return r.value;
};

const TODAY = '2026-11-24';

function store(): { ctx: Ctx; ana: number } {
  const ctx = testCtx(TODAY);
  const ana = v(dispatch(ctx, 'reps.create', { name: 'Ana Reyes', role: 'field', quota: 100000, hireDate: '2025-01-06' })).id;
  const deal = (name: string, stage: string, amount: number, createdDate: string, over: object = {}) =>
    v(dispatch(ctx, 'deals.create', { repId: ana, accountName: 'Birch', name, stage, amount, createdDate, lastActivityDate: '2026-11-20', ...over })).id;
  const close = (id: number, outcome: 'won' | 'lost', closedDate: string) => v(dispatch(ctx, 'deals.close', { id, outcome, closedDate }));
  close(deal('Kiosk', 'Proposal', 10000, '2026-08-02'), 'won', '2026-10-01');
  close(deal('Scanners', 'Proposal', 20000, '2026-08-01'), 'won', '2026-10-30');
  close(deal('Tablets', 'Proposal', 30000, '2026-06-01'), 'won', '2026-08-30');
  close(deal('Printers', 'Proposal', 40000, '2026-07-01'), 'lost', '2026-09-15');
  deal('Renewal', 'Proposal', 60000, '2026-11-01', { expectedCloseDate: '2026-11-20' });
  deal('Expansion', 'Discovery', 40000, '2026-11-10', { expectedCloseDate: '2027-01-31' });
  // Commitments made on Nov 1: two of Ana's due in the period (one kept on time, one late), one
  // still open, one due after the period; the manager's one, dropped.
  ctx.clock = fixedClock('2026-11-01');
  const promise = (owner: 'rep' | 'manager', text: string, dueDate: string) => v(dispatch(ctx, 'commitments.create', { repId: ana, owner, text, dueDate })).id;
  const onTime = promise('rep', 'Send the pricing sheet', '2026-11-10');
  const late = promise('rep', 'Book the site visit', '2026-11-12');
  promise('rep', 'Update the forecast', '2026-11-22');
  promise('rep', 'Plan the Q1 territory', '2026-12-05');
  const dropped = promise('manager', 'Join the Birch call', '2026-11-20');
  ctx.clock = fixedClock(TODAY);
  v(dispatch(ctx, 'commitments.setStatus', { id: onTime, status: 'done', on: '2026-11-09' }));
  v(dispatch(ctx, 'commitments.setStatus', { id: late, status: 'done', on: '2026-11-15' }));
  v(dispatch(ctx, 'commitments.setStatus', { id: dropped, status: 'dropped' }));
  return { ctx, ana };
}

/** The lines of a Markdown section, from its heading to the next one of the same level. */
function section(md: string, heading: string): string[] {
  const lines = md.split('\n');
  const start = lines.indexOf(heading);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start + 1, end < 0 ? undefined : end).filter((l) => l.trim() !== '');
}

describe('rep review export, every number worked by hand from the rows above', () => {
  it('pipeline metrics, diagnosis, the flagged deal and follow-through', () => {
    const { ctx, ana } = store();
    const md: string = v(dispatch(ctx, 'export.document', { doc: { kind: 'repReview', repId: ana, from: '2026-10-01', to: TODAY } })).markdown;

    // Won 10k (60 days: Aug 2 → Oct 1), 20k (90 days: Aug 1 → Oct 30), 30k (90 days: Jun 1 → Aug 30); lost 40k.
    // Coverage: needs 1 ÷ 0.75 = 1.33, has $100k open ÷ $70k to go = 1.43. Opportunities: $70k ÷ $20k
    // = 3.5 wins ÷ 0.75 = 4.7 → 5. New: Nov 1 and Nov 10 in the last 12 weeks = 0.17 a week;
    // the quota needs $100k ÷ $20k = 5 wins ÷ 0.75 = 6.7 a quarter ÷ 13 weeks = 0.51.
    expect(section(md, '## Pipeline metrics').slice(1)).toEqual([
      '| Measure | Value |',
      '|---|---|',
      '| Win rate (count / value) | 75% / 60% (3 won, 1 lost) |',
      '| Avg won deal | $20,000 |',
      '| Avg cycle | 80 days |',
      '| Won Q4 2026 | $30,000 of $100,000 quota (30%, $70,000 to go) |',
      '| Coverage needed / actual | 1.3x / 1.4x covered (needed = 1 ÷ win rate) |',
      '| Open pipeline | $100,000 in 2 deals |',
      '| Opportunities needed | 5 to win the remaining $70,000 at this win rate and deal size |',
      '| New opps / week | 0.2 (needs about 0.5); flat; last 12 weeks: 0 0 0 0 0 0 0 0 1 1 0 0 |',
    ]);
    // 0.17 a week is under 80 % of the 0.51 needed, while the win rate clears its 20 % floor.
    expect(section(md, '## Diagnosis')).toEqual([
      '**Too few opportunities: set prospecting standards**',
      '- 0.2 new opportunities a week over the last 12 weeks; the quota needs about 0.5 at their deal size.',
      '- Win rate 75% (3 won of 4 closed); the floor is 20%.',
      '- Coverage 1.4x against the 1.3x their win rate requires.',
    ]);
    // Renewal: Proposal (late), expected Nov 20: close date passed, critical: 10 points ×
    // (1 + $60k ÷ $100k) × (1 + 1, overdue) = 32. Expansion has no flag and is not listed.
    expect(section(md, '## Flagged open deals')).toEqual([
      '1 open deal carried integrity flags on Nov 24, 2026, highest attention first:',
      '| # | Deal | Attention | Why, and the question to ask |',
      '|---:|---|---:|---|',
      '| 1 | **Birch: Renewal** — Proposal · expected close Nov 20, 2026 | 32 | Critical: Close date passed · $60,000 · 4 days overdue — Expected to close on Nov 20, 2026, 4 days ago. _How do you know this deal is still alive, and what date has the buyer committed to?_ |',
    ]);
    // Due in the period: Ana's three (Nov 10 on time, Nov 12 kept on the 15th, Nov 22 open) = 1 ÷ 3;
    // the Dec 5 one is outside. The manager's one, dropped: 0 ÷ 1.
    const follow = section(md, '## Commitments');
    expect(follow.slice(1, 5)).toEqual([
      '| Whose commitments | Due | Kept on time | Kept late | Dropped | Still open | Follow-through |',
      '|---|---:|---:|---:|---:|---:|---:|',
      '| Ana Reyes | 3 | 1 | 1 | 0 | 1 | 33% |',
      '| The manager, to Ana Reyes | 1 | 0 | 0 | 1 | 0 | 0% |',
    ]);
    expect(follow).toContain('### Made in the period (5)');
  });
});
