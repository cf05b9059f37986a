/**
 * The documents fit to send (issue 17), read back from a small store built here by hand: every
 * number below is worked out from the rows in store(), not taken from the code under test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { runCli } from '../../electron/cli/run';
import { fixedClock } from '../../electron/core/clock';
import type { Ctx } from '../../electron/core/context';
import { testCtx } from './helpers';

const v = (r: ReturnType<typeof dispatch>): any => {
  if (!r.ok) throw new Error(`${r.error.message} (${r.error.field ?? ''})`);
  return r.value;
};
const TODAY = '2026-11-24';
const none = { bad_listener: 0, not_open_to_feedback: 0, knows_it_all: 0, lone_wolf: 0, self_centred: 0, resists_change: 0, passive_aggressive: 0 };

/**
 * Bo Lind, quota $100,000 a quarter: won $50,000 (Oct 15) and $70,000 (Oct 20) this quarter, lost
 * $30,000 on Sep 1; eleven open Proposal deals of $5,000 … $55,000 created Nov 1, all expected
 * Nov 20 (4 days overdue), active Nov 20: each has one flag, close date passed, critical.
 * Cy Moss, quota $100,000: won $20,000 (Oct 10), lost two; one open deal created Oct 5.
 */
function store(): { ctx: Ctx; bo: number; cy: number; meeting: number } {
  const ctx = testCtx(TODAY);
  v(dispatch(ctx, 'settings.update', { managerName: 'Dana Whitfield' }));
  const rep = (name: string) => v(dispatch(ctx, 'reps.create', { name, role: 'field', quota: 100000, hireDate: '2025-01-06' })).id as number;
  const bo = rep('Bo Lind');
  const cy = rep('Cy Moss');
  const deal = (repId: number, name: string, amount: number, createdDate: string, over: object = {}) =>
    v(dispatch(ctx, 'deals.create', { repId, accountName: 'Alder', name, stage: 'Proposal', amount, createdDate, lastActivityDate: '2026-11-20', ...over })).id as number;
  const close = (id: number, outcome: 'won' | 'lost', closedDate: string) => v(dispatch(ctx, 'deals.close', { id, outcome, closedDate }));
  close(deal(bo, 'Won one', 50000, '2026-08-01'), 'won', '2026-10-15');
  close(deal(bo, 'Won two', 70000, '2026-07-01'), 'won', '2026-10-20');
  close(deal(bo, 'Lost one', 30000, '2026-06-01'), 'lost', '2026-09-01');
  for (let i = 1; i <= 11; i++) deal(bo, `Deal ${String(i).padStart(2, '0')}`, 5000 * i, '2026-11-01', { expectedCloseDate: '2026-11-20' });
  close(deal(cy, 'Cy won', 20000, '2026-09-01'), 'won', '2026-10-10');
  close(deal(cy, 'Cy lost A', 20000, '2026-09-01'), 'lost', '2026-10-12');
  close(deal(cy, 'Cy lost B', 20000, '2026-09-01'), 'lost', '2026-10-14');
  deal(cy, 'Cy open', 20000, '2026-10-05', { expectedCloseDate: '2027-01-30' });
  // One observation of Bo, nothing often: no pattern.
  v(dispatch(ctx, 'coachability.record', { repId: bo, observedOn: '2026-11-10', context: 'call', ratings: { ...none, bad_listener: 1 } }));
  // The manager's own placement of Bo: not working hard enough.
  v(dispatch(ctx, 'development.place', { repId: bo, quadrant: 'talent_not_effort', note: 'Coasts once the quota is in.' }));
  // A one-on-one with a coaching prompt, a coachability item and a private note.
  const meeting = v(dispatch(ctx, 'oneOnOnes.schedule', { repId: bo, meetingDate: '2026-11-23' })).id as number;
  v(
    dispatch(ctx, 'oneOnOnes.saveAgenda', {
      id: meeting,
      items: [
        { title: 'Deal review: Alder: Deal 11', detail: 'Close date passed. Ask: how do you know this deal is still alive?', sourceKind: 'deal', addedBy: 'prepared', notes: 'Buyer back from leave on Dec 1.' },
        { title: 'Coachability: listening', detail: 'Ask: what did the buyer say their priority was?', sourceKind: 'coachability', addedBy: 'prepared' },
        { title: 'Q1 territory plan', addedBy: 'rep', done: true },
      ],
    }),
  );
  v(dispatch(ctx, 'oneOnOnes.setPrivateNote', { id: meeting, note: 'Seems distracted; ask about the move.' }));
  return { ctx, bo, cy, meeting };
}

const exportMd = (ctx: Ctx, doc: object, extra: object = {}): string => v(dispatch(ctx, 'export.document', { doc, ...extra })).markdown;

/** The lines of a Markdown section, from its heading to the next heading of that level or above. */
function section(md: string, heading: string): string[] {
  const lines = md.split('\n');
  const start = lines.indexOf(heading);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const level = heading.indexOf(' ');
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && l.indexOf(' ') <= level);
  return lines.slice(start + 1, end < 0 ? undefined : end).filter((l) => l.trim() !== '');
}

describe('rep review: a one-page summary first', () => {
  it('the manager’s words, quota and coverage, the diagnosis, the top three risks, development and coachability', () => {
    const { ctx, bo } = store();
    const md = exportMd(ctx, { kind: 'repReview', repId: bo, from: '2026-10-01', to: TODAY, summary: '  Bo carried the quarter.\n\nNext: more pipeline for Q1.  ' });
    expect(md.indexOf('## Summary')).toBeLessThan(md.indexOf('## Pipeline metrics'));
    // Won $120,000 of $100,000 this quarter: 120 %, nothing to go, so nothing left to cover
    // (coverage needed 1 ÷ 2/3 = 1.5x). Win rate 2 of 3 clears the 20 % floor; eleven new
    // opportunities in twelve weeks (0.9 a week) clear the 0.2 a week the quota needs: quota met.
    // Attention: 10 points × (1 + amount ÷ $100,000) × 2 (overdue): $55,000 → 31, $50,000 → 30, $45,000 → 29.
    expect(section(md, '## Summary')).toEqual([
      '> **Dana Whitfield’s summary**',
      '>',
      '> Bo carried the quarter.',
      '>',
      '> Next: more pipeline for Q1.',
      '| Measure | Value |',
      '|---|---|',
      '| Won Q4 2026 | $120,000 of $100,000 quota (120%) |',
      '| Coverage needed / actual | 1.5x · quota met |',
      '| Open pipeline | $330,000 in 11 deals |',
      '| Diagnosis | **Quota met this period** |',
      '| Development focus | No development plan in the period |',
      '| Coachability | No pattern: signs are occasional |',
      '### Top 3 risks by attention',
      '1. **Alder: Deal 11** (attention 31): Critical: Close date passed · $55,000 · 4 days overdue.',
      '2. **Alder: Deal 10** (attention 30): Critical: Close date passed · $50,000 · 4 days overdue.',
      '3. **Alder: Deal 09** (attention 29): Critical: Close date passed · $45,000 · 4 days overdue.',
    ]);
    // One observation: "1 observation", not "1 observations".
    expect(md).toContain('- 1 observation, none with 2+ signs often.');
    expect(md).toContain('1 observation from Nov 10, 2026 to Nov 10, 2026');
    // The PDF's summary ends its page.
    const html: string = v(dispatch(ctx, 'export.document', { doc: { kind: 'repReview', repId: bo, from: '2026-10-01', to: TODAY } })).html;
    expect(html.indexOf('<div class="page-break"></div>')).toBeGreaterThan(html.indexOf('Top 3 risks by attention'));
    expect(html.indexOf('<div class="page-break"></div>')).toBeLessThan(html.indexOf('Pipeline metrics'));
    // Without a summary there is no empty box.
    expect(html).not.toContain('summary</div>');
  });

  it('flagged deals: the ten with the highest attention in one table, and the rest counted', () => {
    const { ctx, bo } = store();
    const rows = section(exportMd(ctx, { kind: 'repReview', repId: bo, from: '2026-10-01', to: TODAY }), '## Flagged open deals');
    expect(rows[0]).toBe('11 open deals carried integrity flags on Nov 24, 2026; the 10 with the highest attention:');
    const table = rows.filter((l) => l.startsWith('| ') && !l.startsWith('| #'));
    // Deal 11 ($55,000, 31) down to Deal 02 ($10,000, 22); Deal 01 ($5,000, 21) is the one more.
    expect(table.map((l) => l.split(' | ').slice(0, 3))).toEqual(
      Array.from({ length: 10 }, (_, i) => [`| ${i + 1}`, `**Alder: Deal ${String(11 - i).padStart(2, '0')}** — Proposal · expected close Nov 20, 2026`, String(31 - i)]),
    );
    expect(table[0]!.split(' | ')[3]).toBe(
      'Critical: Close date passed · $55,000 · 4 days overdue — Expected to close on Nov 20, 2026, 4 days ago. _How do you know this deal is still alive, and what date has the buyer committed to?_ |',
    );
    expect(rows.at(-1)).toBe('And 1 more flagged deal, with lower attention: see the Pipeline.');
  });

  it('refuses a summary that would not fit its page, in words the manager understands', () => {
    const { ctx, bo } = store();
    const doc = { kind: 'repReview', repId: bo, from: '2026-10-01', to: TODAY };
    const tooLong = dispatch(ctx, 'export.document', { doc: { ...doc, summary: 'x'.repeat(1201) } });
    expect(tooLong.ok).toBe(false);
    if (!tooLong.ok) expect(tooLong.error.message).toMatch(/Your summary is too long: keep it to 1,200 characters/);
    const lines = dispatch(ctx, 'export.document', { doc: { ...doc, summary: 'a\n'.repeat(21) + 'a' } });
    expect(!lines.ok && lines.error.message).toMatch(/too many lines: keep it to 20/);
    const binary = dispatch(ctx, 'export.document', { doc: { ...doc, summary: 'ok\u0000' } });
    expect(!binary.ok && binary.error.message).toMatch(/characters that are not text/);
    expect(dispatch(ctx, 'export.document', { doc: { ...doc, summary: 'x'.repeat(1200) } }).ok).toBe(true);
  });
});

describe('one-on-one summary: the rep’s copy and the manager’s', () => {
  it('the rep’s copy (the default) has no private note, no “Ask:” prompt, no coachability item', () => {
    const { ctx, meeting } = store();
    const md = exportMd(ctx, { kind: 'oneOnOne', id: meeting });
    expect(md).toContain('- **Copy:** For the rep: no private note, no coaching prompts');
    expect(section(md, '## Agenda')).toEqual([
      '1 of 2 items done.',
      '| # | Item | Notes | Done |',
      '|---:|---|---|---|',
      '| 1 | **Deal review: Alder: Deal 11** — Prepared from the data. | Buyer back from leave on Dec 1. | Not done |',
      '| 2 | **Q1 territory plan** — Added by the rep. | — | Done |',
    ]);
    for (const hidden of ['Ask:', 'Coachability: listening', 'Seems distracted', '## Private note', 'Changes after closing']) expect(md).not.toContain(hidden);
    expect(md).toContain('- **Private notes:** Not included');
  });

  it('the manager’s copy has them, says so, and is a different file', () => {
    const { ctx, meeting } = store();
    const doc = v(dispatch(ctx, 'export.document', { doc: { kind: 'oneOnOne', id: meeting, copy: 'manager' } }));
    expect(doc.filename).toBe('one-on-one-bo-lind-2026-11-23-manager-copy');
    expect(doc.markdown).toContain('- **Copy:** Manager’s copy: with the private note and coaching prompts');
    expect(section(doc.markdown, '## Agenda')[0]).toBe('1 of 3 items done.');
    expect(doc.markdown).toContain('_Close date passed. Ask: how do you know this deal is still alive?_ Prepared from the data.');
    expect(doc.markdown).toContain('**Coachability: listening**');
    expect(section(doc.markdown, '## Private note').slice(0, 3)).toEqual(['> **Private note: for the manager only**', '>', '> Seems distracted; ask about the move.']);
    // Older callers' "include private notes" asks for the same copy.
    expect(exportMd(ctx, { kind: 'oneOnOne', id: meeting }, { includePrivate: true })).toBe(doc.markdown);
  });
});

describe('team review', () => {
  it('attainment per rep, the manager’s placement beside the data’s with the numbers, shift the numerator in words', () => {
    const { ctx } = store();
    const md = exportMd(ctx, { kind: 'teamReview', from: '2026-10-01', to: TODAY });
    // Attainment this quarter: Bo $120,000 ÷ $100,000 = 120 %; Cy $20,000 ÷ $100,000 = 20 %.
    // Won in the period (Oct 1 – Nov 24) and win rate over it: Bo 2 of 2, Cy 1 of 3.
    const each = section(md, '## Each rep').filter((l) => l.startsWith('| **'));
    expect(each.map((l) => l.split(' | ').slice(0, 4))).toEqual([
      ['| **Bo Lind** — top group', '$120,000', '120%', '100%'],
      ['| **Cy Moss**', '$20,000', '20%', '33%'],
    ]);
    // Effort: new opportunities a week over the 55 days: Bo 11 → 1.4, Cy 1 → 0.13; median 0.76,
    // Bo at 183 %. Effectiveness: win rate 100 % against the 67 % median, deal size $60,000
    // against $40,000: both 150 %. The data says talented and working hard; the manager says
    // not working hard enough, so the numbers stand beside it. Cy is not placed: nothing beside.
    const te = section(md, '## Talent and effort').filter((l) => l.startsWith('| **'));
    expect(te).toEqual([
      '| **Bo Lind** | Talented and working hard — New opportunities at 183 % of the team median; win rate and deal size at 150 %. | ' +
        '**Talented, not working hard enough** — Differs from the data: worth a look. “Coasts once the quota is in.” | Attainment 120% · New opps / week 1.4 · win rate 100% · avg won deal $60,000 |',
      '| **Cy Moss** | Neither yet — New opportunities at 17 % of the team median; win rate and deal size at 50 %. | Not placed | — |',
    ]);
    // Top group: Bo, $120,000 a rep. Had Cy won that: $240,000 instead of $140,000 (1.7×); half
    // the gap: $140,000 + $50,000.
    expect(section(md, '### Shift the numerator')).toEqual([
      'Instead of accepting that a few reps bring in most of the sales, raise what the others win. In this period the top group won $120,000 per rep. ' +
        'Had the one other rep won at least that much (a rep already above it counts as they are), the team would have won $240,000 instead of $140,000, 1.7 times as much. ' +
        'Closing half of that gap is worth $190,000.',
    ]);
    expect(md).toContain('| Won in the period | $140,000 by 2 reps |');
    // Needs attention: Bo's eleven overdue deals are critical; Cy's open deal (50 days in Proposal,
    // not big) is stuck, an info flag: 11 of 12 carry a warning or worse; the top ten are listed.
    expect(section(md, '## Needs attention')[0]).toBe(
      "The team's 10 open deals with the highest attention on Nov 24, 2026 (severity of their flags, size, nearness of the close date). 11 of 12 open deals carry a warning or critical flag.",
    );
  });
});

describe('export CLI: --summary and --copy', () => {
  it('reads the summary from the option or a file, checks it, and writes the rep’s or the manager’s copy', async () => {
    const { ctx, bo, meeting } = store();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-docs-'));
    const dbPath = ctx.dbPath; // the CLI opens the same file with its own connection
    const run = async (args: string[]) => {
      let out = '';
      let err = '';
      const code = await runCli(['export', ...args, '--db', dbPath, '--today', TODAY], { out: (s) => (out += s), err: (s) => (err += s) }, fixedClock(TODAY));
      return { code, out, err };
    };
    const review = ['review', '--rep', 'Bo Lind', '--from', '2026-10-01', '--to', TODAY, '--format', 'md'];
    const file = path.join(dir, 'summary.txt');
    fs.writeFileSync(file, '\uFEFFFrom a file.\n');
    expect((await run([...review, '--out', path.join(dir, 'a.md'), '--summary', `@${file}`])).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(exportMd(ctx, { kind: 'repReview', repId: bo, from: '2026-10-01', to: TODAY, summary: 'From a file.' }));
    expect((await run([...review, '--out', path.join(dir, 'b.md'), '--summary', 'Typed here.'])).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'b.md'), 'utf8')).toContain('> Typed here.');

    const bad: [string[], RegExp][] = [
      [[...review, '--out', path.join(dir, 'c.md'), '--summary', 'x'.repeat(1201)], /^--summary is too long: keep it to 1,200 characters \(about a third of a page\) \(it has 1,201\)\.$/],
      [[...review, '--out', path.join(dir, 'c.md'), '--summary', '@/no/such/file.txt'], /^--summary: no file at \/no\/such\/file\.txt/],
      [['one-on-one', '--id', String(meeting), '--format', 'md', '--out', path.join(dir, 'c.md'), '--copy', 'boss'], /^--copy must be rep or manager \(got “boss”\)\.$/],
      [['one-on-one', '--id', String(meeting), '--format', 'md', '--out', path.join(dir, 'c.md'), '--copy', 'rep', '--include-private'], /^--include-private asks for the manager’s copy/],
      [['one-on-one', '--id', String(meeting), '--format', 'md', '--out', path.join(dir, 'c.md'), '--summary', 'x'], /^--summary is not an option of export one-on-one\.$/],
      [['team', '--from', '2026-10-01', '--to', TODAY, '--format', 'md', '--out', path.join(dir, 'c.md'), '--copy', 'rep'], /^--copy is not an option of export team\.$/],
    ];
    for (const [args, message] of bad) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.split('\n')[0]).toMatch(message);
    }
    expect(fs.existsSync(path.join(dir, 'c.md'))).toBe(false);

    const one = ['one-on-one', '--id', String(meeting), '--format', 'md'];
    const rep = await run([...one, '--out', path.join(dir, 'rep.md')]);
    expect(rep.out).toBe(`Wrote ${path.join(dir, 'rep.md')} (the rep’s copy)\n`);
    expect(fs.readFileSync(path.join(dir, 'rep.md'), 'utf8')).toBe(exportMd(ctx, { kind: 'oneOnOne', id: meeting }, { asOf: TODAY }));
    const mine = await run([...one, '--copy', 'manager', '--out', path.join(dir, 'mine.md')]);
    expect(mine.out).toContain('(the manager’s copy, with private notes: do not share it)');
    expect(fs.readFileSync(path.join(dir, 'mine.md'), 'utf8')).toContain('Seems distracted; ask about the move.');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
