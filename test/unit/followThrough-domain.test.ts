import { describe, expect, it } from 'vitest';
import { addCounts, daysOverdue, followThroughRate } from '../../shared/domain/followThrough';

describe('follow-through (pure), worked by hand', () => {
  it('is kept on time ÷ due; nothing due has no rate (not 0 %, not 100 %)', () => {
    expect(followThroughRate({ due: 4, keptOnTime: 3, keptLate: 1, dropped: 0, openOverdue: 0 })).toBe(0.75);
    expect(followThroughRate({ due: 1, keptOnTime: 0, keptLate: 0, dropped: 1, openOverdue: 0 })).toBe(0);
    expect(followThroughRate({ due: 0, keptOnTime: 0, keptLate: 0, dropped: 0, openOverdue: 0 })).toBeNull();
  });

  it('adds two sets of counts field by field (the rep’s and the manager’s, or two reps’)', () => {
    expect(addCounts({ due: 1, keptOnTime: 2, keptLate: 3, dropped: 4, openOverdue: 5 }, { due: 10, keptOnTime: 20, keptLate: 30, dropped: 40, openOverdue: 50 })).toEqual({
      due: 11,
      keptOnTime: 22,
      keptLate: 33,
      dropped: 44,
      openOverdue: 55,
    });
  });

  it('days overdue: 0 on the due day and before, the days since after; 0 once kept or dropped, or without a date', () => {
    expect(daysOverdue({ dueDate: '2026-11-20' }, '2026-11-24')).toBe(4);
    expect(daysOverdue({ status: 'open', dueDate: '2026-11-24' }, '2026-11-24')).toBe(0);
    expect(daysOverdue({ status: 'open', dueDate: '2026-11-25' }, '2026-11-24')).toBe(0);
    expect(daysOverdue({ status: 'open', dueDate: '2026-10-31' }, '2026-11-24')).toBe(24);
    expect(daysOverdue({ status: 'done', dueDate: '2026-11-20' }, '2026-11-24')).toBe(0);
    expect(daysOverdue({ status: 'dropped', dueDate: '2026-11-20' }, '2026-11-24')).toBe(0);
    expect(daysOverdue({ status: 'open', dueDate: null }, '2026-11-24')).toBe(0);
  });
});
