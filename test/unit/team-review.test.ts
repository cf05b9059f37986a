import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { fixedClock } from '../../electron/core/clock';
import { repReview } from '../../electron/core/export/repReview';
import { teamReview } from '../../electron/core/export/teamReview';
import { teamDevelopment } from '../../electron/core/repos/development';
import { findRepByName } from '../../electron/core/repos/reps';
import { teamMetrics } from '../../electron/core/repos/metrics';
import { formatMoney, formatPercent } from '../../shared/domain/format';
import { TODAY, useDemoDatabase } from './helpers';

const demo = useDemoDatabase();
const clock = fixedClock(TODAY);
const FROM = '2026-06-01';

/** A Markdown table under a heading, as rows of plain cells. */
function tableAfter(md: string, title: string): string[][] {
  const lines = md.split('\n');
  const start = lines.indexOf(`## ${title}`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('## ')) break;
    if (line.startsWith('| ') && !line.startsWith('|---')) rows.push(line.slice(2, -2).split(/(?<!\\) \| /).map((c) => c.replace(/\*\*/g, '').trim()));
  }
  return rows;
}

describe('team review export', () => {
  it('reads back with the same numbers as the Development screen', () => {
    const dev = teamDevelopment(demo.db, clock, { from: FROM, to: TODAY });
    const md = teamReview(demo.db, clock, FROM, TODAY, { includePrivate: false, generatedOn: TODAY, locale: 'en-US' }).markdown;
    const won = dev.comparison.shares.reduce((a, s) => a + s.wonValue, 0);
    expect(md).toContain(`| Won in the period | ${formatMoney(won, 'USD', 'en-US')} by 9 reps |`);
    const top = dev.comparison.shares.filter((s) => s.top).map((s) => s.name);
    expect(top).toHaveLength(2);
    expect(md).toContain(`**The top 2 of 9 reps (${top.join(', ')})**`);
    expect(md).toContain(`the team would have won ${formatMoney(dev.projection.ifRestMatchedTop, 'USD', 'en-US')} instead of ${formatMoney(dev.projection.current, 'USD', 'en-US')}`);

    const drivers = tableAfter(md, 'Top performers and the rest');
    expect(drivers[0]).toEqual(['Driver', 'Top group', 'The rest', 'Rest behind by']);
    expect(drivers.map((r) => r[0])).toEqual(['Driver', 'Win rate', 'Average won deal', 'Sales cycle', 'New opportunities per week', 'Stakeholders per deal', 'Value-proposition pass rate', 'Follow-through on commitments']);

    const reps = tableAfter(md, 'Each rep');
    expect(reps).toHaveLength(10);
    expect(reps[0]).toEqual(['Rep', 'Won', 'Attainment', 'Win rate', 'Diagnosis', 'Development focus']);
    // Attainment: won in the quota period against quota, the Team screen's number.
    const attainment = new Map(teamMetrics(demo.db, TODAY).reps.map((m) => [m.name, formatPercent(m.attainment, 'en-US')]));
    for (const r of reps.slice(1)) expect(r[2], r[0]).toBe(attainment.get(r[0]!.replace(' — top group', '')));
    const grace = reps.find((r) => r[0] === 'Grace Okafor')!;
    expect(grace[5]).toMatch(/^Value-proposition pass rate and Win rate — day 36 of 60; win rate \d+% → (\d+%|—): /);
    const nikhil = reps.find((r) => r[0] === 'Nikhil Fischer')!;
    expect(nikhil[5]).toMatch(/^New opportunities per week and Follow-through on commitments — day 5 of 60/);

    // Talent and effort: Hiro, placed by the manager as not working hard enough while the data
    // puts him with the talented and hard-working, gets the numbers beside it; the others none.
    const te = tableAfter(md, 'Talent and effort');
    const hiro = te.find((r) => r[0] === 'Hiro Lindqvist')!;
    expect(hiro[1]).toMatch(/^Talented and working hard — New opportunities at \d+ % of the team median/);
    expect(hiro[2]).toMatch(/^Talented, not working hard enough — Differs from the data: worth a look\. “/);
    expect(hiro[3]).toBe(`Attainment ${attainment.get('Hiro Lindqvist')} · New opps / week 1.1 · win rate 46% · avg won deal $86,050`);
    expect(te.filter((r) => r[3] !== '—').map((r) => r[0])).toEqual(['Rep', 'Hiro Lindqvist']);

    const kept = tableAfter(md, 'Commitments kept');
    const due = demo.db.prepare(`SELECT COUNT(*) FROM commitments WHERE owner = 'rep' AND due_date BETWEEN ? AND ?`).pluck().get(FROM, TODAY) as number;
    expect(kept.slice(1).reduce((a, r) => a + Number(r[1]), 0)).toBe(due);
    expect(md).not.toMatch(/private/i);
  });

  it('the rep review shows the development plan with its check-ins', () => {
    const grace = findRepByName(demo.db, 'Grace Okafor')!;
    const md = repReview(demo.db, grace.id, FROM, TODAY, { includePrivate: false, generatedOn: TODAY, locale: 'en-US' }).markdown;
    const section = md.slice(md.indexOf('## Development focus'));
    expect(section).toMatch(/\*\*Value-proposition pass rate and Win rate\*\* \(Oct 20, 2026 – Dec 19, 2026\): day 36 of 60; win rate \d+% → \d+%: the metric moved the (right|wrong) way\./);
    expect(section).toContain('Check-in Nov 3, 2026');
    expect(section).toContain('Two value propositions rewritten');
  });

  it('CLI: export team writes Markdown and a PDF that reads back', async () => {
    const out = path.join(demo.dir, 'team.pdf');
    const io = { out: () => {}, err: (s: string) => void s };
    expect(await runCli(['export', 'team', '--db', demo.dbPath, '--from', FROM, '--to', TODAY, '--format', 'pdf', '--out', out, '--today', TODAY], io, clock)).toBe(0);
    const text = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' });
    expect(text).toContain('Team review');
    expect(text).toContain('Shift the numerator');
    expect(text).toContain('Neglect radar');
    let err = '';
    const bad = await runCli(['export', 'team', '--db', demo.dbPath, '--from', TODAY, '--to', FROM, '--format', 'md', '--out', path.join(demo.dir, 't.md')], { out: () => {}, err: (s) => (err += s) }, clock);
    expect(bad).toBe(2);
    expect(err.split('\n')[0]).toBe(`--from (${TODAY}) is after --to (${FROM}).`);
  }, 60_000);
});
