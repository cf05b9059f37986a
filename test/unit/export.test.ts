import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { fixedClock } from '../../electron/core/clock';
import { closeDatabase, openDatabase, type Db } from '../../electron/core/db/open';
import { loadDemo } from '../../electron/core/demo/load';
import { oneOnOneSummary } from '../../electron/core/export/oneOnOneSummary';
import { escapeHtml, heading, renderDoc, table } from '../../electron/core/export/render';
import { SIGNS, TOP_FLAGGED, repReview } from '../../electron/core/export/repReview';
import { commitmentsView } from '../../electron/core/repos/commitments';
import { pipeline, repMetrics, windowStart } from '../../electron/core/repos/metrics';
import { getOneOnOneDetail } from '../../electron/core/repos/oneOnOnes';
import { getSettings } from '../../electron/core/repos/settings';
import { repDashboard } from '../../electron/core/repos/repDashboard';
import { bySeverity } from '../../shared/domain/flags';
import { formatDate, formatMoney, formatPercent } from '../../shared/domain/format';
import { TODAY } from './helpers';

// One demo database for the whole file (loading it is the slow part); nothing here writes to it.
let dir: string;
let dbPath: string;
let db: Db;
const clock = fixedClock(TODAY);

/** The last quarter: the three months up to today (2026-08-25 to 2026-11-24). */
const FROM = windowStart(TODAY, 3);
const TO = TODAY;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-export-'));
  dbPath = path.join(dir, 'demo.db');
  db = openDatabase(dbPath);
  loadDemo(db, clock, 42);
});

afterAll(() => {
  closeDatabase(db);
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Markdown back to the text it escapes, with whitespace normalised. */
const plain = (md: string) => md.replace(/\\([\\`*_[\]<>|#+.-])/g, '$1').replace(/\s+/g, ' ');
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const pdfText = (file: string) => norm(execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));

/** The rows of the Markdown table that follows a heading, as arrays of (unescaped) cells. */
function tableAfter(md: string, headingLine: string): string[][] {
  const lines = md.split('\n');
  const start = lines.indexOf(headingLine);
  expect(start, `heading ${headingLine}`).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  let inTable = false;
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('#')) break;
    if (line.startsWith('|')) {
      inTable = true;
      rows.push(line.slice(2, -2).split(/(?<!\\) \| /).map((c) => plain(c).trim()));
    } else if (inTable) break;
  }
  return rows.slice(2); // header and rule
}

function meetingWithPrivateNote(): number {
  const row = db
    .prepare(
      `SELECT o.id FROM one_on_ones o
       WHERE o.status = 'closed' AND o.private_note IS NOT NULL
         AND EXISTS (SELECT 1 FROM commitments c WHERE c.one_on_one_id = o.id)
       ORDER BY o.meeting_date DESC, o.id LIMIT 1`,
    )
    .get() as { id: number } | undefined;
  expect(row, 'the demo has a closed one-on-one with a private note').toBeDefined();
  return row!.id;
}

/** A rep whose quarter has private and shareable notes and coachability observations with evidence. */
function reviewedRep(): { id: number; name: string } {
  const row = db
    .prepare(
      `SELECT r.id, r.name FROM reps r
       WHERE r.status = 'active'
         AND EXISTS (SELECT 1 FROM coaching_notes n WHERE n.rep_id = r.id AND n.visibility = 'private' AND n.note_date BETWEEN @from AND @to)
         AND EXISTS (SELECT 1 FROM coaching_notes n WHERE n.rep_id = r.id AND n.visibility = 'shareable' AND n.note_date BETWEEN @from AND @to)
         AND EXISTS (SELECT 1 FROM coachability_observations o JOIN coachability_ratings g ON g.observation_id = o.id
           WHERE o.rep_id = r.id AND o.observed_on BETWEEN @from AND @to AND g.frequency >= 2 AND g.evidence IS NOT NULL)
       ORDER BY r.name LIMIT 1`,
    )
    .get({ from: FROM, to: TO }) as { id: number; name: string } | undefined;
  expect(row, 'the demo has a rep with private notes and observations last quarter').toBeDefined();
  return row!;
}

function notesOf(repId: number, visibility: 'private' | 'shareable'): string[] {
  return (
    db
      .prepare(`SELECT body FROM coaching_notes WHERE rep_id = ? AND visibility = ? AND note_date BETWEEN ? AND ? ORDER BY note_date`)
      .all(repId, visibility, FROM, TO) as { body: string }[]
  ).map((r) => r.body);
}

async function cli(args: string[], env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    const code = await runCli(args, { out: (s) => (out += s), err: (s) => (err += s) }, clock);
    return { code, out, err };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('one-on-one summary', () => {
  it('lists the agenda with notes and done state, the commitments, and no private note by default', () => {
    const id = meetingWithPrivateNote();
    const detail = getOneOnOneDetail(db, id, TODAY);
    const m = detail.meeting;
    const doc = oneOnOneSummary(db, id, TODAY, { copy: 'rep' });

    expect(doc.filename).toBe(`one-on-one-${m.repName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${m.meetingDate}`);
    expect(doc.title).toBe(`One-on-one: ${m.repName}`);
    const md = doc.markdown;
    const lines = md.split('\n');
    expect(lines[0]).toBe(`# One-on-one: ${m.repName}`);
    for (const h of ['## Agenda', '## Commitments made in this meeting']) expect(lines).toContain(h);
    expect(lines.some((l) => l.startsWith('## Other open commitments'))).toBe(true);
    expect(md).toContain(`- **Meeting:** ${formatDate(m.meetingDate)}`);
    expect(md).toContain('- **Status:** Closed');

    // One agenda row per item, in order, with its notes and done state.
    const agenda = tableAfter(md, '## Agenda');
    expect(agenda).toHaveLength(detail.items.length);
    detail.items.forEach((item, i) => {
      const [n, title, notes, done] = agenda[i]!;
      expect(n).toBe(String(i + 1));
      expect(title).toContain(item.title);
      expect(notes).toBe(item.notes ?? '—');
      expect(done).toBe(item.done ? 'Done' : 'Not done');
    });

    // Commitments made in the meeting: text, owner and due date.
    const made = detail.commitments.filter((c) => c.oneOnOneId === id);
    expect(made.length).toBeGreaterThan(0);
    const madeRows = tableAfter(md, '## Commitments made in this meeting');
    expect(madeRows).toHaveLength(made.length);
    made.forEach((c, i) => {
      const [text, owner, due] = madeRows[i]!;
      expect(text).toContain(norm(c.text));
      expect(owner).toBe(c.owner === 'rep' ? m.repName : `${getSettings(db).managerName} (manager)`);
      expect(due).toBe(formatDate(c.dueDate));
    });

    // The private note is nowhere: not in the Markdown, not in the HTML.
    const note = m.privateNote!;
    expect(note.length).toBeGreaterThan(10);
    expect(plain(md)).not.toContain(norm(note));
    expect(doc.html).not.toContain(escapeHtml(note));
    expect(doc.html).not.toContain(note);
    expect(md).not.toMatch(/Private note:/);
    expect(md).toContain('Private notes are not included in this export.');
  });

  it('adds the private note, clearly labelled, only when asked', () => {
    const id = meetingWithPrivateNote();
    const note = getOneOnOneDetail(db, id, TODAY).meeting.privateNote!;
    const doc = oneOnOneSummary(db, id, TODAY, { copy: 'manager' });
    const md = doc.markdown;
    expect(md.split('\n')).toContain('## Private note');
    const at = md.indexOf('## Private note');
    expect(md.slice(at)).toContain('> **Private note: for the manager only**');
    expect(plain(md.slice(at))).toContain(norm(note));
    expect(doc.html).toContain(escapeHtml(note));
    expect(md).toContain('This export includes private notes.');
  });
});

describe('rep review', () => {
  it('shows the same numbers as repMetrics on the last day of the period, and the diagnosis with its evidence', () => {
    const rep = reviewedRep();
    const m = repMetrics(db, TO, rep.id)[0]!;
    const currency = getSettings(db).currency;
    const doc = repReview(db, rep.id, FROM, TO, { includePrivate: false, generatedOn: TODAY });
    const md = doc.markdown;
    const lines = md.split('\n');

    expect(doc.filename).toBe(`rep-review-${rep.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${FROM}-to-${TO}`);
    expect(lines[0]).toBe(`# Rep review: ${rep.name}`);
    expect(md).toContain(`- **Period:** ${formatDate(FROM)} – ${formatDate(TO)}`);
    for (const h of ['Summary', 'Pipeline metrics', 'Diagnosis', 'Flagged open deals', 'Commitments', 'Coaching notes', 'Coachability', 'One-on-ones', 'Development focus']) {
      expect(lines).toContain(`## ${h}`);
    }
    expect(md).toMatch(/## Development focus\n\n\*\*Value-proposition pass rate and Win rate\*\*/); // the demo's running plan

    const facts = new Map(tableAfter(md, '## Pipeline metrics').map(([k, v]) => [k!, v!]));
    expect(m.wonCount + m.lostCount).toBeGreaterThan(0);
    // The rep page's own labels (METRIC_LABELS), with the same numbers.
    expect(facts.get('Win rate (count / value)')).toBe(`${formatPercent(m.winRate)} / ${formatPercent(m.winRateByValue)} (${m.wonCount} won, ${m.lostCount} lost)`);
    expect(facts.get('Avg won deal')).toBe(formatMoney(m.avgWonDealSize!, currency));
    expect(facts.get('Avg cycle')).toBe(`${Math.round(m.avgCycleDays!)} days`);
    expect(facts.get('Open pipeline')).toBe(`${formatMoney(m.openValue, currency)} in ${m.openCount} deals`);
    expect(facts.get('Coverage needed / actual')).toContain(`${m.needs.requiredCoverage!.toFixed(1)}x / ${m.actualCoverage!.toFixed(1)}x`);
    expect(facts.get('New opps / week')).toContain(`${m.newOppsPerWeek.toFixed(1)} `);
    expect(facts.get('New opps / week')).toContain(m.weeklyNewOpps.join(' '));
    const won = [...facts.entries()].find(([k]) => k.startsWith('Won Q'));
    expect(won?.[1]).toContain(`${formatMoney(m.wonThisPeriod, currency)} of ${formatMoney(m.quota, currency)} quota`);

    const diag = md.slice(md.indexOf('## Diagnosis'), md.indexOf('## Flagged open deals'));
    expect(diag).toContain(`**${m.diagnosis.headline}**`);
    expect(m.diagnosis.evidence.length).toBeGreaterThan(0);
    for (const e of m.diagnosis.evidence) expect(plain(diag)).toContain(`- ${norm(e)}`);
  });

  it('lists the ten flagged deals that need attention first with their reason and first question, counts the rest, commitments, one-on-ones and coachability counts', () => {
    const rep = reviewedRep();
    const md = repReview(db, rep.id, FROM, TO, { includePrivate: false, generatedOn: TODAY }).markdown;
    const text = plain(md);

    // Flagged deals: in the rep page's order (attention, highest first), no more than ten, one
    // row each with its attention, reason line and the worst flag's question; the rest counted.
    const flagged = pipeline(db, TO, rep.id).deals.filter((d) => d.flags.length > 0);
    expect(repDashboard(db, rep.id, TO).ranked.filter((d) => d.flags.length > 0).map((d) => d.id)).toEqual(flagged.map((d) => d.id));
    expect(flagged.length).toBeGreaterThan(TOP_FLAGGED);
    const rows = tableAfter(md, '## Flagged open deals');
    expect(rows).toHaveLength(TOP_FLAGGED);
    flagged.slice(0, TOP_FLAGGED).forEach((d, i) => {
      const [n, deal, attention, why] = rows[i]!;
      expect(n).toBe(String(i + 1));
      expect(deal!.startsWith(norm(`**${d.accountName}: ${d.name}** — ${d.stage} · `))).toBe(true);
      expect(attention).toBe(String(d.attention));
      const worst = bySeverity(d.flags)[0]!;
      expect(why).toBe(norm(`${d.reason} — ${worst.reason} _${worst.question}_`));
    });
    expect(text).toContain(`${flagged.length} open deals carried integrity flags on ${formatDate(TO)}; the ${TOP_FLAGGED} with the highest attention:`);
    expect(text).toContain(`And ${flagged.length - TOP_FLAGGED} more flagged deal${flagged.length - TOP_FLAGGED === 1 ? '' : 's'}, with lower attention`);
    // The summary's top three are the table's first three.
    const risks = md.slice(md.indexOf('### Top 3 risks by attention'), md.indexOf('## Pipeline metrics')).split('\n').filter((l) => /^\d+\. /.test(l));
    expect(risks.map((l) => plain(l))).toEqual(flagged.slice(0, 3).map((d, i) => norm(`${i + 1}. **${d.accountName}: ${d.name}** (attention ${d.attention}): ${d.reason}.`)));

    // Follow-through over commitments due in the period, counted here from the commitments list.
    const all = commitmentsView(db, TODAY, { repId: rep.id, include: 'all' }).commitments;
    const ft = tableAfter(md, '## Commitments');
    expect(ft).toHaveLength(2);
    (['rep', 'manager'] as const).forEach((owner, i) => {
      const due = all.filter((c) => c.owner === owner && c.dueDate !== null && c.dueDate >= FROM && c.dueDate <= TO);
      const onTime = due.filter((c) => c.status === 'done' && c.doneDate! <= c.dueDate!).length;
      const late = due.filter((c) => c.status === 'done' && c.doneDate! > c.dueDate!).length;
      const dropped = due.filter((c) => c.status === 'dropped').length;
      const open = due.filter((c) => c.status === 'open').length;
      const row = ft[i]!;
      expect(row[0]).toContain(owner === 'rep' ? rep.name : '(manager)');
      expect(row.slice(1)).toEqual([
        String(due.length),
        String(onTime),
        String(late),
        String(dropped),
        String(open),
        formatPercent(due.length ? onTime / due.length : null),
      ]);
    });
    const madeInPeriod = all.filter((c) => c.createdOn >= FROM && c.createdOn <= TO);
    expect(md.split('\n')).toContain(`### Made in the period (${madeInPeriod.length})`);
    for (const c of madeInPeriod) expect(text).toContain(norm(c.text));

    // One-on-ones held in the period, by date.
    const held = (
      db
        .prepare(`SELECT meeting_date AS d FROM one_on_ones WHERE rep_id = ? AND status = 'closed' AND meeting_date BETWEEN ? AND ? ORDER BY meeting_date`)
        .all(rep.id, FROM, TO) as { d: string }[]
    ).map((r) => r.d);
    expect(held.length).toBeGreaterThan(0);
    expect(text).toContain(`${held.length} held`);
    expect(text).toContain(held.map((d) => formatDate(d)).join(', '));

    // Coachability: per sign, observations rated often (2) and all the time (3); evidence only when asked.
    const ratings = db
      .prepare(
        `SELECT r.sign, r.frequency, r.evidence FROM coachability_observations o JOIN coachability_ratings r ON r.observation_id = o.id
         WHERE o.rep_id = ? AND o.observed_on BETWEEN ? AND ?`,
      )
      .all(rep.id, FROM, TO) as { sign: string; frequency: number; evidence: string | null }[];
    const signRows = new Map(tableAfter(md, '## Coachability').map((r) => [r[0]!, r.slice(1)]));
    expect(signRows.size).toBe(SIGNS.length);
    for (const [code, label] of SIGNS) {
      const often = ratings.filter((r) => r.sign === code && r.frequency === 2).length;
      const always = ratings.filter((r) => r.sign === code && r.frequency === 3).length;
      expect(signRows.get(label)?.slice(0, 2), label).toEqual([String(often), String(always)]);
    }
    const evidence = ratings.flatMap((r) => (r.evidence ? [r.evidence] : []));
    expect(evidence.length).toBeGreaterThan(0);
    const withPrivate = plain(repReview(db, rep.id, FROM, TO, { includePrivate: true }).markdown);
    for (const e of evidence) {
      expect(text).not.toContain(norm(e));
      expect(withPrivate).toContain(norm(e));
    }
    expect(text).toMatch(/Status on Nov 24, 2026: /);
  });

  it('keeps private coaching notes out unless asked, and always shows the shareable ones', () => {
    const rep = reviewedRep();
    const shareable = notesOf(rep.id, 'shareable');
    const secret = notesOf(rep.id, 'private');
    expect(shareable.length).toBeGreaterThan(0);
    expect(secret.length).toBeGreaterThan(0);

    const doc = repReview(db, rep.id, FROM, TO, { includePrivate: false, generatedOn: TODAY });
    for (const body of shareable) expect(plain(doc.markdown)).toContain(norm(body));
    for (const body of secret) {
      expect(plain(doc.markdown)).not.toContain(norm(body));
      expect(doc.html).not.toContain(escapeHtml(body));
      expect(doc.html).not.toContain(body);
    }
    expect(doc.markdown).not.toContain('**Private**');

    const full = repReview(db, rep.id, FROM, TO, { includePrivate: true, generatedOn: TODAY });
    for (const body of [...shareable, ...secret]) expect(plain(full.markdown)).toContain(norm(body));
    expect(full.markdown).toContain('**Private**');
    expect(full.markdown).toContain('This export includes private notes.');
  });
});

describe('render', () => {
  it('escapes HTML and keeps Markdown tables intact around hostile text', () => {
    const evil = `<script>alert("x")</script> & 'quotes' | pipe`;
    const doc = renderDoc({
      kind: 'Test',
      title: evil,
      subtitle: 'sub',
      meta: [['Rep', evil]],
      blocks: [heading(evil), table(['A', 'B'], [[evil, 'ok']])],
      footer: 'end',
      filename: 'x',
    });
    expect(doc.html).not.toContain('<script>');
    expect(doc.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39; | pipe');
    expect(doc.html).not.toMatch(/(src|href)=/); // nothing external
    const row = doc.markdown.split('\n').find((l) => l.startsWith('| ') && l.includes('ok'))!;
    expect(row.split(/(?<!\\)\|/).length).toBe(4); // two cells: the pipe in the text is escaped
  });
});

describe('export CLI', () => {
  it('writes the same Markdown as the core, to a file or into a folder under the document name', async () => {
    const rep = reviewedRep();
    const out = path.join(dir, 'review.md');
    const r = await cli(['export', 'review', '--db', dbPath, '--rep', rep.name, '--from', FROM, '--to', TO, '--format', 'md', '--out', out]);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toBe(`Wrote ${out}\n`);
    expect(fs.readFileSync(out, 'utf8')).toBe(repReview(db, rep.id, FROM, TO, { includePrivate: false, generatedOn: TODAY }).markdown);

    const id = meetingWithPrivateNote();
    const folder = fs.mkdtempSync(path.join(dir, 'out-'));
    const one = await cli(['export', 'one-on-one', '--db', dbPath, '--id', String(id), '--format', 'md', '--out', folder]);
    expect(one.code).toBe(0);
    const doc = oneOnOneSummary(db, id, TODAY, { copy: 'rep' });
    expect(fs.readFileSync(path.join(folder, `${doc.filename}.md`), 'utf8')).toBe(doc.markdown);
  });

  it('rejects bad options with one line naming the option and a non-zero code', async () => {
    const rep = reviewedRep();
    const review = (...extra: string[]) => ['export', 'review', '--db', dbPath, ...extra];
    const ok = ['--rep', rep.name, '--from', FROM, '--to', TO, '--format', 'md'];
    const out = path.join(dir, 'never.md');
    const cases: [string[], RegExp, number][] = [
      [review(...ok), /^--out FILE is required/, 2],
      [review('--rep', rep.name, '--from', '2026-02-30', '--to', TO, '--format', 'md', '--out', out), /^--from must be a real date/, 2],
      [review('--rep', rep.name, '--from', FROM, '--to', 'soon', '--format', 'md', '--out', out), /^--to must be a real date/, 2],
      [review('--rep', rep.name, '--to', TO, '--format', 'md', '--out', out), /^--from DATE is required/, 2],
      [review('--rep', rep.name, '--from', TO, '--to', FROM, '--format', 'md', '--out', out), /^--from \(\d{4}-\d\d-\d\d\) is after --to/, 2],
      [review('--rep', rep.name, '--from', FROM, '--to', TO, '--format', 'docx', '--out', out), /^--format must be md or pdf/, 2],
      [review('--rep', 'Nobody Here', '--from', FROM, '--to', TO, '--format', 'md', '--out', out), /^--rep: no rep called “Nobody Here”/, 1],
      [review(...ok, '--out', path.join(dir, 'missing-folder', 'x.md')), /^--out: the folder .* does not exist/, 2],
      [['export', 'one-on-one', '--db', dbPath, '--id', 'x1', '--format', 'md', '--out', out], /^--id must be a one-on-one number/, 2],
      [['export', 'one-on-one', '--db', dbPath, '--id', '99999', '--format', 'md', '--out', out], /^--id: there is no one-on-one 99999/, 1],
      [['export', 'one-on-one', '--db', path.join(dir, 'nope.db'), '--id', '1', '--format', 'md', '--out', out], /^--db: no database at/, 1],
      [['export', 'minutes', '--db', dbPath], /^Unknown export “minutes”/, 2],
    ];
    for (const [args, message, code] of cases) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.out).toBe('');
      expect(r.err.split('\n')[0]).toMatch(message);
    }
    expect(fs.existsSync(out)).toBe(false);
  });

  it('says in one line how to get Chromium when it is missing', async () => {
    const id = meetingWithPrivateNote();
    const out = path.join(dir, 'no-chromium.pdf');
    const r = await cli(['export', 'one-on-one', '--db', dbPath, '--id', String(id), '--format', 'pdf', '--out', out], {
      CHROMIUM_PATH: path.join(dir, 'no-such-chromium'),
    });
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/apt-get install chromium/);
    expect(r.err).toMatch(/--format md/);
    expect(fs.existsSync(out)).toBe(false);
  });

  // Three Chromium launches in all: they are the slow part.
  it('prints a rep review to PDF: the rep, the period and shareable notes are there, private notes are not', async () => {
    const rep = reviewedRep();
    const out = path.join(dir, 'review.pdf');
    const r = await cli(['export', 'review', '--db', dbPath, '--rep', rep.name, '--from', FROM, '--to', TO, '--format', 'pdf', '--out', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(out);
    expect(text).toContain(`Rep review: ${rep.name}`);
    expect(text).toContain(`${formatDate(FROM)} – ${formatDate(TO)}`);
    expect(text).toContain('Development focus Value-proposition pass rate and Win rate');
    expect(text).toContain(formatPercent(repMetrics(db, TO, rep.id)[0]!.winRate));
    for (const body of notesOf(rep.id, 'shareable')) expect(text).toContain(norm(body));
    for (const body of notesOf(rep.id, 'private')) expect(text).not.toContain(norm(body));
  }, 60_000);

  it('prints a one-on-one to PDF with the private note only when --include-private is given', async () => {
    const id = meetingWithPrivateNote();
    const d = getOneOnOneDetail(db, id, TODAY);
    const note = norm(d.meeting.privateNote!);
    const base = ['export', 'one-on-one', '--db', dbPath, '--id', String(id), '--format', 'pdf'];

    const shared = path.join(dir, 'one-on-one.pdf');
    expect((await cli([...base, '--out', shared])).code).toBe(0);
    const text = pdfText(shared);
    expect(text).toContain(`One-on-one: ${d.meeting.repName}`);
    expect(text).toContain(formatDate(d.meeting.meetingDate));
    for (const item of d.items) expect(text).toContain(norm(item.title));
    expect(text).not.toContain(note);
    expect(text).not.toContain('Private note:');

    const mine = path.join(dir, 'one-on-one-private.pdf');
    const r = await cli([...base, '--out', mine, '--include-private']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('the manager’s copy, with private notes');
    const full = pdfText(mine);
    expect(full).toContain(note);
    expect(full).toMatch(/private note: for the manager only/i);
  }, 60_000);
});
