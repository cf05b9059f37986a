import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { fixedClock } from '../../electron/core/clock';
import { MARK_END, MARK_START } from '../../shared/schemas/search';
import { tempDbPath } from './helpers';

function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = runCli(args, { out: (s) => (out += s), err: (s) => (err += s) }, fixedClock('2026-11-24'));
  return { code, out, err };
}

describe('CLI', () => {
  it('the installed command (bundled at build time, rebuilt when a source is newer) answers as the core does in process', () => {
    const db = tempDbPath();
    expect(cli(['demo', '--db', db]).code).toBe(0);
    const bin = path.resolve(__dirname, '../../bin/workbench.mjs');
    const run = spawnSync(process.execPath, [bin, 'metrics', '--db', db, '--today', '2026-11-24', '--json'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(cli(['metrics', '--db', db, '--today', '2026-11-24', '--json']).out));
    const bad = spawnSync(process.execPath, [bin, 'export', 'calendar', '--db', db, '--out', 'x.txt'], { encoding: 'utf8' });
    expect([bad.status, bad.stderr.split('\n')[0]]).toEqual([2, '--out must name an .ics file (got “x.txt”).']);
    // An import: node:crypto (the job's id) loaded on first use in the bundle, a second connection
    // (the safety copy) opening the addon by its path, then the calendar writer from node_modules.
    const rep = (JSON.parse(cli(['reps', '--db', db, '--json']).out) as { name: string }[])[0]!.name;
    const csv = path.join(path.dirname(db), 'one.csv');
    fs.writeFileSync(csv, `Name,Account,Owner,Stage,Amount,Close Date\nBundle check,Acme,${rep},Proposal,12000,2026-12-01\n`);
    const imported = spawnSync(process.execPath, [bin, 'import', csv, '--db', db, '--today', '2026-11-24'], { encoding: 'utf8' });
    expect([imported.status, imported.stderr]).toEqual([0, '']);
    expect(imported.stdout).toMatch(/1 created/);
    expect(imported.stdout).toMatch(/Backup taken first: .*before-import\.db/);
    expect(JSON.parse(cli(['deals', '--db', db, '--rep', rep, '--json']).out)).toContainEqual(expect.objectContaining({ name: 'Bundle check' }));
    const ics = path.join(path.dirname(db), 'week.ics');
    const calendar = spawnSync(process.execPath, [bin, 'export', 'calendar', '--db', db, '--out', ics, '--today', '2026-11-24'], { encoding: 'utf8' });
    expect([calendar.status, calendar.stderr]).toEqual([0, '']);
    expect(fs.readFileSync(ics, 'utf8')).toMatch(/^BEGIN:VCALENDAR/);
  }, 60_000);

  it('writes the demo team, then lists reps and deals as JSON', () => {
    const db = tempDbPath();
    const demo = cli(['demo', '--db', db, '--json']);
    expect(demo.code).toBe(0);
    const { reps, deals } = JSON.parse(demo.out);
    const listed = JSON.parse(cli(['reps', '--db', db, '--json']).out);
    expect(listed).toHaveLength(reps);
    expect(listed[0]).toEqual(expect.objectContaining({ name: expect.any(String), role: expect.any(String), quota: expect.any(Number) }));
    const all = JSON.parse(cli(['deals', '--db', db, '--json']).out);
    expect(all).toHaveLength(deals);
    const one = listed[0].name as string;
    const mine = JSON.parse(cli(['deals', '--db', db, '--rep', one, '--json']).out);
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((d: { repName: string }) => d.repName))).toEqual(new Set([one]));
    const open = JSON.parse(cli(['deals', '--db', db, '--rep', one, '--outcome', 'open', '--json']).out);
    expect(open.every((d: { outcome: string }) => d.outcome === 'open')).toBe(true);
  });

  it('search finds a rep, their deals and notes by words, as JSON or a table', () => {
    const db = tempDbPath();
    cli(['demo', '--db', db]);
    const rep = JSON.parse(cli(['reps', '--db', db, '--json']).out)[0] as { name: string };
    const found = JSON.parse(cli(['search', rep.name.toLowerCase(), '--db', db, '--json']).out);
    expect(found.groups[0]).toMatchObject({ kind: 'rep', hits: [{ title: rep.name.split(' ').map((w) => `\u0002${w}\u0003`).join(' ') }] });
    const table = cli(['search', rep.name.split(' ')[0]!.slice(0, 4), '--db', db]);
    expect(table.code).toBe(0);
    expect(table.out.split('\n')[0]).toMatch(/^kind\s+title\s+context\s+date$/);
    expect(table.out).toContain(rep.name);
    expect(table.out).not.toContain(MARK_START);
    expect(table.out).not.toContain(MARK_END);
    expect(cli(['search', 'zzqx', '--db', db]).out).toBe('Nothing found for “zzqx”.\n');
    expect(cli(['search', '--db', db]).err).toMatch(/Say what to look for/);
  });

  it('prints a readable table without --json', () => {
    const db = tempDbPath();
    cli(['demo', '--db', db]);
    const { out, code } = cli(['reps', '--db', db]);
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toMatch(/^name\s+role\s+status\s+territory\s+quota$/);
  });

  it('refuses to load the demo twice, and reports errors on stderr with a non-zero code', () => {
    const db = tempDbPath();
    expect(cli(['demo', '--db', db]).code).toBe(0);
    const again = cli(['demo', '--db', db]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already has reps/);
    const unknownRep = cli(['deals', '--db', db, '--rep', 'Nobody Here']);
    expect(unknownRep).toMatchObject({ code: 1, out: '' });
    expect(unknownRep.err).toContain('--rep: no rep called “Nobody Here”.');
    expect(cli(['reps', '--db', tempDbPath()]).err).toMatch(/No database at/);
    expect(cli(['frobnicate', '--db', db]).code).toBe(2);
    expect(cli(['reps', '--bogus']).code).toBe(2);
  });
});

describe('CLI agenda', () => {
  it('prepares a rep’s next planned one-on-one: kind, title, minutes, selected and why, as the app does', () => {
    const db = tempDbPath();
    cli(['demo', '--db', db]);
    const r = cli(['agenda', '--db', db, '--rep', 'Nikhil Fischer', '--json']);
    expect(r).toMatchObject({ code: 0, err: '' });
    const a = JSON.parse(r.out);
    expect(a).toMatchObject({ rep: 'Nikhil Fischer', meetingMinutes: 30 });
    expect(a.items.length).toBeGreaterThan(0);
    for (const i of a.items) expect(Object.keys(i)).toEqual(['kind', 'sourceId', 'title', 'minutes', 'selected', 'why', 'detail']);
    const selected = a.items.filter((i: { selected: boolean }) => i.selected);
    expect(a.selectedMinutes).toBe(selected.reduce((s: number, i: { minutes: number }) => s + i.minutes, 0));
    expect(a.onAgendaMinutes + a.selectedMinutes).toBeLessThanOrEqual(30);
    // The table for people says the same, selected first in rank order.
    const table = cli(['agenda', '--db', db, '--rep', 'Nikhil Fischer']);
    expect(table.out.split('\n')[0]).toBe(`One-on-one with Nikhil Fischer on ${a.meetingDate}: ${a.onAgendaMinutes} min on the agenda + ${a.selectedMinutes} min selected of 30.`);
    for (const i of a.items) expect(table.out).toContain(i.why);
  });

  it('names what is missing or wrong in one line', () => {
    const db = tempDbPath();
    cli(['demo', '--db', db]);
    expect(cli(['agenda', '--db', db])).toMatchObject({ code: 1, err: '--rep NAME is required: whose one-on-one to prepare.\n' });
    expect(cli(['agenda', '--db', db, '--rep', 'Nobody'])).toMatchObject({ code: 1, err: '--rep: no rep called “Nobody”.\n' });
    expect(cli(['agenda', '--db', db, '--rep', 'Nikhil Fischer', '--date', '2026-01-05'])).toMatchObject({ code: 1, err: '--date: no planned one-on-one with Nikhil Fischer on 2026-01-05.\n' });
    expect(cli(['agenda', '--db', db, '--rep', 'Nikhil Fischer', '--date', '2026-02-30']).code).toBe(2);
  });
});
