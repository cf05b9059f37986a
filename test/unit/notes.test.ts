import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { dispatch } from '../../electron/core/api/dispatch';
import { fixedClock } from '../../electron/core/clock';
import type { Ctx } from '../../electron/core/context';
import { repReview } from '../../electron/core/export/repReview';
import type { RepCoachability } from '../../shared/schemas/coachability';
import type { Note, PastReview } from '../../shared/schemas/notes';
import type { PreparedAgenda } from '../../shared/schemas/oneOnOnes';
import type { TeamMetrics } from '../../shared/schemas/pipeline';
import { testCtx, TODAY } from './helpers';
import { reviewVerdict, type DealSince } from '../../shared/domain/reviewVerdict';

const ok = <T>(ctx: Ctx, name: string, input: unknown): T => {
  const r = dispatch(ctx, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
};
const refused = (ctx: Ctx, name: string, input: unknown) => {
  const r = dispatch(ctx, name, input);
  if (r.ok) throw new Error(`${name} was accepted`);
  return r.error;
};

function seed(ctx: Ctx) {
  const ann = ok<{ id: number }>(ctx, 'reps.create', { name: 'Ann Lee', role: 'field', quota: 100000 }).id;
  const bo = ok<{ id: number }>(ctx, 'reps.create', { name: 'Bo Chen', role: 'field', quota: 100000 }).id;
  const deal = ok<{ id: number }>(ctx, 'deals.create', { repId: ann, accountName: 'Globex', name: 'Platform', stage: 'Proposal', amount: 90000, createdDate: '2026-06-01', expectedCloseDate: '2026-11-10' }).id;
  const boDeal = ok<{ id: number }>(ctx, 'deals.create', { repId: bo, accountName: 'Initech', name: 'Renewal', stage: 'Discovery', amount: 5000, createdDate: '2026-10-01' }).id;
  return { ann, bo, deal, boDeal };
}

describe('coaching notes', () => {
  it('validates a note with messages that name the field', () => {
    const ctx = testCtx();
    const { ann, boDeal } = seed(ctx);
    const base = { repId: ann, kind: 'feedback', noteDate: '2026-11-20', body: 'Lead with their goal, not our product.', skill: 'discovery' };
    expect(refused(ctx, 'notes.create', { ...base, body: '  ' })).toMatchObject({ field: 'body', message: expect.stringMatching(/^Note is required/) });
    expect(refused(ctx, 'notes.create', { ...base, noteDate: '2026-11-30' })).toMatchObject({ field: 'noteDate', message: 'The date cannot be in the future.' });
    expect(refused(ctx, 'notes.create', { ...base, kind: 'gossip' })).toMatchObject({ field: 'kind' });
    expect(refused(ctx, 'notes.create', { ...base, kind: 'recognition', followUpDue: '2026-12-01' })).toMatchObject({ field: 'followUpDue', message: expect.stringMatching(/only for feedback given/) });
    expect(refused(ctx, 'notes.create', { ...base, followUpDue: '2026-11-01' })).toMatchObject({ field: 'followUpDue', message: expect.stringMatching(/before the note’s date/) });
    expect(refused(ctx, 'notes.create', { ...base, dealId: boDeal })).toMatchObject({ field: 'dealId', message: 'That deal belongs to Bo Chen, not Ann Lee.' });
    expect(refused(ctx, 'notes.create', { ...base, skill: 'juggling' })).toMatchObject({ field: 'skill', message: '“juggling” is not one of your skills; add it in Settings first.' });
    const n = ok<Note>(ctx, 'notes.create', { ...base, followUpDue: '2026-12-04' });
    expect(n).toMatchObject({ repName: 'Ann Lee', kind: 'feedback', visibility: 'private', followUpDue: '2026-12-04', followUpAnswer: null });
    // A skill later removed from the list stays on the notes filed under it.
    ok(ctx, 'settings.update', { skills: ['prospecting'] });
    expect(ok<Note>(ctx, 'notes.update', { ...base, id: n.id, body: 'Edited.', followUpDue: '2026-12-04' })).toMatchObject({ body: 'Edited.', skill: 'discovery' });
  });

  it('files a note under a one-on-one of the same rep only', () => {
    const ctx = testCtx();
    const { ann, bo } = seed(ctx);
    const m = ok<{ id: number }>(ctx, 'oneOnOnes.schedule', { repId: ann, meetingDate: '2026-11-20' });
    const n = ok<Note>(ctx, 'notes.create', { repId: ann, oneOnOneId: m.id, kind: 'observation', noteDate: '2026-11-20', body: 'Came prepared with a deal plan.' });
    expect(n.oneOnOneId).toBe(m.id);
    expect(refused(ctx, 'notes.create', { repId: bo, oneOnOneId: m.id, kind: 'other', noteDate: '2026-11-20', body: 'x' })).toMatchObject({ field: 'oneOnOneId', message: 'That one-on-one is with another rep.' });
  });

  it('lists newest first, filtered by kind, skill and deal; deletes', () => {
    const ctx = testCtx();
    const { ann, deal } = seed(ctx);
    ok(ctx, 'notes.create', { repId: ann, kind: 'ride_along', noteDate: '2026-10-01', body: 'Rode along.', skill: 'discovery', dealId: deal });
    const rec = ok<Note>(ctx, 'notes.create', { repId: ann, kind: 'recognition', noteDate: '2026-11-01', body: 'Great quarter.', visibility: 'shareable' });
    expect(ok<Note[]>(ctx, 'notes.list', { repId: ann }).map((n) => n.kind)).toEqual(['recognition', 'ride_along']);
    expect(ok<Note[]>(ctx, 'notes.list', { repId: ann, skill: 'Discovery' }).map((n) => n.kind)).toEqual(['ride_along']);
    expect(ok<Note[]>(ctx, 'notes.list', { dealId: deal })).toHaveLength(1);
    ok(ctx, 'notes.delete', { id: rec.id });
    expect(ok<Note[]>(ctx, 'notes.list', { repId: ann })).toHaveLength(1);
    expect(refused(ctx, 'notes.delete', { id: rec.id })).toMatchObject({ code: 'not_found' });
  });

  it('a follow-up answer feeds the coachability signal', () => {
    const ctx = testCtx();
    const { ann } = seed(ctx);
    const fb = ok<Note>(ctx, 'notes.create', { repId: ann, kind: 'feedback', noteDate: '2026-11-02', body: 'Ask for the decision maker by name.', followUpDue: '2026-11-16' });
    const reasons = () => ok<RepCoachability>(ctx, 'coachability.rep', { repId: ann }).judgement.reasons.join(' ');
    expect(reasons()).not.toMatch(/Feedback applied when followed up/);
    expect(ok<Note>(ctx, 'notes.followUp', { id: fb.id, answer: 'partly' })).toMatchObject({ followUpAnswer: 'partly', followUpDate: TODAY });
    expect(reasons()).toMatch(/Feedback applied when followed up: 0\s?%/);
    ok(ctx, 'notes.followUp', { id: fb.id, answer: 'applied' });
    expect(reasons()).toMatch(/Feedback applied when followed up: 100\s?%/);
    const rec = ok<Note>(ctx, 'notes.create', { repId: ann, kind: 'recognition', noteDate: '2026-11-02', body: 'Nice.' });
    expect(refused(ctx, 'notes.followUp', { id: rec.id, answer: 'applied' })).toMatchObject({ message: 'Only feedback given has a follow-up.' });
  });

  it('shareable notes are in the rep review; private ones only on request', () => {
    const ctx = testCtx();
    const { ann } = seed(ctx);
    ok(ctx, 'notes.create', { repId: ann, kind: 'recognition', noteDate: '2026-11-03', body: 'Closed the Globex pilot in record time.', visibility: 'shareable' });
    ok(ctx, 'notes.create', { repId: ann, kind: 'other', noteDate: '2026-11-04', body: 'Worried about burnout after the move.', visibility: 'private' });
    const doc = (includePrivate: boolean) => repReview(ctx.db, ann, '2026-09-01', TODAY, { includePrivate, generatedOn: TODAY }).markdown;
    expect(doc(false)).toContain('Closed the Globex pilot in record time.');
    expect(doc(false)).not.toContain('burnout');
    expect(doc(true)).toContain('Worried about burnout after the move.');
  });
});

describe('deal reviews', () => {
  it('an answer names a flag the workbench knows, or none; anything else is refused by field', () => {
    const ctx = testCtx();
    const { deal } = seed(ctx);
    const review = (flagCode: unknown) =>
      dispatch(ctx, 'dealReviews.create', { dealId: deal, reviewDate: TODAY, answers: [{ flagCode, question: 'How do you know?', answer: 'Said so.' }], coaching: 'Ask the buyer.', visibility: 'private', nextSteps: [] });
    expect(review('close_date_passed')).toMatchObject({ ok: false, error: { field: 'answers.0.flagCode', message: expect.stringMatching(/not a flag the workbench knows/) } });
    expect(ctx.db.prepare('SELECT COUNT(*) FROM coaching_notes').pluck().get()).toBe(0);
    expect(review('close_date_past')).toMatchObject({ ok: true });
    expect(review(null)).toMatchObject({ ok: true });
  });

  it('saves the answers, creates the next steps as commitments on the next agenda, counts for the neglect radar, and shows what moved since', () => {
    const ctx = testCtx();
    const { ann, deal } = seed(ctx);
    const review = ok<Note>(ctx, 'dealReviews.create', {
      dealId: deal,
      reviewDate: TODAY,
      answers: [
        { flagCode: 'close_date_past', question: 'How do you know this deal is still alive?', answer: 'The CFO said they sign on Dec 15, certain.' },
        { flagCode: null, question: 'Who else weighs in?', answer: null },
      ],
      coaching: 'Get the CFO to confirm the date in writing; map procurement.',
      skill: 'forecasting',
      visibility: 'shareable',
      nextSteps: [
        { owner: 'rep', text: 'Email the CFO a mutual close plan', dueDate: '2026-11-27' },
        { owner: 'manager', text: 'Call their VP Sales', dueDate: '2026-12-01' },
      ],
    });
    expect(review).toMatchObject({ kind: 'deal_review', dealId: deal, repId: ann, answers: [{ answer: 'The CFO said they sign on Dec 15, certain.' }, { answer: null }] });
    const commitments = ctx.db.prepare('SELECT owner, text, due_date AS dueDate, deal_id AS dealId FROM commitments WHERE note_id = ? ORDER BY id').all(review.id);
    expect(commitments).toEqual([
      { owner: 'rep', text: 'Email the CFO a mutual close plan', dueDate: '2026-11-27', dealId: deal },
      { owner: 'manager', text: 'Call their VP Sales', dueDate: '2026-12-01', dealId: deal },
    ]);
    const meeting = ok<{ id: number }>(ctx, 'oneOnOnes.schedule', { repId: ann, meetingDate: '2026-11-26' });
    const titles = ok<PreparedAgenda>(ctx, 'oneOnOnes.prepare', { id: meeting.id }).items.map((i) => i.title);
    expect(titles).toContain('Their commitment: Email the CFO a mutual close plan');
    expect(titles).toContain('My commitment: Call their VP Sales');
    const neglect = ok<TeamMetrics>(ctx, 'metrics.team', {}).neglect.find((n) => n.repId === ann)!;
    expect(neglect.lastDealReview).toBe(TODAY);

    // The "certain" date slips a week later: the review shows it.
    const later = { ...ctx, clock: fixedClock('2026-12-01') };
    const d = ok<{ deal: Record<string, unknown> }>(later, 'deals.get', { id: deal }).deal;
    ok(later, 'deals.update', { ...d, expectedCloseDate: '2027-01-31' });
    const [past] = ok<PastReview[]>(later, 'dealReviews.forDeal', { dealId: deal });
    expect(past!.since).toEqual([{ on: '2026-12-01', what: 'Close date 2026-11-10 → 2027-01-31' }]);
    expect(past!.verdict).toEqual({ tone: 'bad', text: expect.stringMatching(/^The close date given at the review \(.*2026\) slipped to .*2027\.$/) });
    expect(past!.commitments.map((c) => c.status)).toEqual(['open', 'open']);
  });

  it('writes nothing when a next step is refused', () => {
    const ctx = testCtx();
    const { deal } = seed(ctx);
    const err = refused(ctx, 'dealReviews.create', {
      dealId: deal, reviewDate: TODAY, answers: [], coaching: 'x', nextSteps: [{ owner: 'rep', text: 'Ok', dueDate: '2026-12-01' }, { owner: 'rep', text: 'Late', dueDate: '2026-01-01' }],
    });
    expect(err).toMatchObject({ message: 'Next step 2: the due date cannot be in the past.', field: 'nextSteps.1.dueDate' });
    expect(ctx.db.prepare('SELECT (SELECT COUNT(*) FROM coaching_notes) + (SELECT COUNT(*) FROM commitments) + (SELECT COUNT(*) FROM deal_review_answers)').pluck().get()).toBe(0);
  });
});

describe('CLI notes', () => {
  it('lists a rep’s notes as JSON, and names a bad option', async () => {
    const ctx = testCtx();
    const { ann, deal } = seed(ctx);
    ok(ctx, 'notes.create', { repId: ann, kind: 'observation', noteDate: '2026-11-20', body: 'Strong discovery call.', dealId: deal });
    ctx.db.close();
    let out = '';
    let err = '';
    const io = { out: (s: string) => (out += s), err: (s: string) => (err += s) };
    expect(await runCli(['notes', '--db', ctx.dbPath, '--rep', 'Ann Lee', '--json'], io, fixedClock(TODAY))).toBe(0);
    expect(JSON.parse(out)).toMatchObject([{ kind: 'observation', body: 'Strong discovery call.', dealName: 'Platform', accountName: 'Globex' }]);
    out = '';
    expect(await runCli(['notes', '--db', ctx.dbPath, '--deal', String(deal), '--json'], io, fixedClock(TODAY))).toBe(0);
    expect(JSON.parse(out)).toHaveLength(1);
    expect(await runCli(['notes', '--db', ctx.dbPath, '--rep', 'Nobody'], io, fixedClock(TODAY))).not.toBe(0);
    expect(err).toMatch(/--rep: no rep called “Nobody”/);
  });
});

describe('did the answers hold up? (pure)', () => {
  const open = (over: Partial<DealSince> = {}): DealSince => ({ outcome: 'open', closedDate: null, expectedCloseDate: '2026-12-15', closeDateChanges: [], stageMovesSince: 0, ...over });
  const v = (d: DealSince, today = '2026-12-01') => reviewVerdict('2026-11-24', today, d, 'en-US');
  it('reads the outcome and the close date given at the review', () => {
    expect(v(open())).toEqual({ tone: 'neutral', text: 'No change since the review; still expected Dec 15, 2026.' });
    expect(v(open({ stageMovesSince: 1 }))).toEqual({ tone: 'neutral', text: 'Moved stage once since; still expected Dec 15, 2026.' });
    expect(v(open(), '2026-12-20')).toEqual({ tone: 'bad', text: 'The close date given at the review (Dec 15, 2026) has passed and the deal is still open.' });
    expect(v(open({ expectedCloseDate: '2027-02-01', closeDateChanges: [{ fromDate: '2026-12-15', toDate: '2027-02-01', changedOn: '2026-11-30' }] }))).toEqual({
      tone: 'bad',
      text: 'The close date given at the review (Dec 15, 2026) slipped to Feb 1, 2027.',
    });
    // A change made on the review day is the review's own date, not a slip.
    expect(v(open({ closeDateChanges: [{ fromDate: '2026-11-01', toDate: '2026-12-15', changedOn: '2026-11-24' }] })).tone).toBe('neutral');
    expect(v(open({ expectedCloseDate: '2026-11-01' }))).toEqual({ tone: 'bad', text: 'The close date (Nov 1, 2026) had already passed at the review, and no new date has been set.' });
    expect(v(open({ outcome: 'won', closedDate: '2026-12-20' }))).toEqual({ tone: 'good', text: 'Won on Dec 20, 2026, later than the Dec 15, 2026 given at the review.' });
    expect(v(open({ outcome: 'lost', closedDate: '2026-11-28' }))).toEqual({ tone: 'bad', text: 'Lost on Nov 28, 2026.' });
  });
});
