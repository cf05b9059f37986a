/**
 * Issue 15 on real SQLite files: the demo's target (few warnings, big critical deals on top),
 * one ranking on every screen, the CLI and the agenda, a past date replayed from the deal's
 * history, and one rule per idea (coachability pattern, value-prop score, labels, diagnosis with
 * coverage) that the screens, the agenda, the flags, the CLI and the exports all share.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { dispatch } from '../../electron/core/api/dispatch';
import { fixedClock } from '../../electron/core/clock';
import type { Ctx } from '../../electron/core/context';
import { loadDemo } from '../../electron/core/demo/load';
import { repReview } from '../../electron/core/export/repReview';
import { dealTriage, needsAttentionRanked, pipeline, pipelineList, repMetrics, TEAM_TOP } from '../../electron/core/repos/metrics';
import { needsAttention } from '../../electron/core/repos/needsAttention';
import { factsAsOf } from '../../electron/core/repos/pipelineFacts';
import { repDashboard } from '../../electron/core/repos/repDashboard';
import { getSettings } from '../../electron/core/repos/settings';
import { attentionReason, flaggedShare } from '../../shared/domain/attention';
import { DIAGNOSIS_LABELS, METRIC_LABELS, coverageStatus } from '../../shared/domain/metrics';
import { PLACEMENT_DIFFERS_TEXT } from '../../shared/domain/development';
import { COPY_LABELS } from '../../shared/schemas/exports';
import { FLAG_LABELS, SEVERITY_LABELS, topFlag } from '../../shared/domain/flags';
import { SIGN_LABELS, SIGNS, showsPattern } from '../../shared/domain/coachability';
import { VP_TESTS, vpScoreText } from '../../shared/domain/valueProps';
import { nextInList, parsePipelineQuery, workingList } from '../../shared/domain/workingList';
import { FOLLOW_UP_LABELS, NOTE_KIND_LABELS } from '../../shared/schemas/notes';
import { TODAY, testCtx, useDemoDatabase } from './helpers';

const v = (r: ReturnType<typeof dispatch>): any => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

const demo = useDemoDatabase();

describe('the demo target (README: Triage)', () => {
  it('at most 25 % of open deals carry a warning or critical flag', () => {
    const p = pipeline(demo.db, TODAY);
    const share = flaggedShare(p.deals)!;
    expect(p.deals.length).toBeGreaterThan(100);
    expect(share).toBeLessThanOrEqual(0.25);
    // The Dashboard's card says the same numbers.
    const top = needsAttention(demo.db, TODAY);
    expect(top.warningOrWorse / top.openCount).toBe(share);
    // Not by flagging nothing: most deals still carry something to look at, at lower severity.
    expect(p.deals.filter((d) => d.flags.length > 0).length / p.deals.length).toBeGreaterThan(0.5);
  });

  it('every deal above the big-deal amount with a critical flag is in the team’s top 10', () => {
    const big = getSettings(demo.db).valueProps.bigDealAmount;
    const p = pipeline(demo.db, TODAY);
    const bigCritical = p.deals.filter((d) => d.amount >= big && d.flags.some((f) => f.severity === 'critical'));
    expect(bigCritical.length).toBeGreaterThan(0); // not vacuous
    const top = needsAttention(demo.db, TODAY).deals.map((d) => d.id);
    expect(top).toHaveLength(TEAM_TOP);
    for (const d of bigCritical) expect(top, `${d.name} (${d.attention})`).toContain(d.id);
  });

  it('holds on past dates of the demo too (end of last quarter, mid-year)', () => {
    for (const day of ['2026-09-30', '2026-06-30']) {
      const p = pipeline(demo.db, day);
      expect(flaggedShare(p.deals)!, day).toBeLessThanOrEqual(0.25);
      const big = p.deals.filter((d) => d.amount >= 100000 && d.flags.some((f) => f.severity === 'critical')).map((d) => d.id);
      const top = needsAttention(demo.db, day).deals.map((d) => d.id);
      for (const id of big) expect(top, day).toContain(id);
    }
  });
});

describe('one ranking: Pipeline, rep page, Dashboard, CLI, exports', () => {
  it('the Pipeline list and the full rows are in the same order with the same severities and the same reason', () => {
    const list = pipelineList(demo.db, TODAY);
    const full = pipeline(demo.db, TODAY);
    expect(list.deals.map((d) => d.id)).toEqual(full.deals.map((d) => d.id));
    for (const [i, row] of list.deals.entries()) {
      const d = full.deals[i]!;
      expect(row.attention).toBe(d.attention);
      expect(row.flags).toEqual(d.flags.map((f) => f.code));
      expect(row.severities).toEqual(d.flags.map((f) => f.severity));
      // The screen builds the line itself (in the user's locale) with the same function.
      const line = attentionReason(
        { flags: row.flags.map((code, k) => ({ code, severity: row.severities[k]! })), amount: row.amount, currency: row.currency, expectedCloseDate: row.expectedCloseDate },
        list.asOf,
        list.bigDealAmount,
        list.horizonDays,
      );
      expect(line).toBe(d.reason);
      if (i > 0) expect(list.deals[i - 1]!.attention).toBeGreaterThanOrEqual(row.attention);
    }
  });

  it('the deal page, the Dashboard’s top ten and each rep’s top few come from the same ranking', () => {
    const full = pipeline(demo.db, TODAY).deals;
    const flagged = full.filter((d) => d.attention > 0);
    expect(needsAttention(demo.db, TODAY).deals.map((d) => d.id)).toEqual(flagged.slice(0, TEAM_TOP).map((d) => d.id));
    const perRep = getSettings(demo.db).triage.perRep;
    for (const m of repMetrics(demo.db, TODAY)) {
      const mine = flagged.filter((d) => d.repId === m.repId).slice(0, perRep).map((d) => d.id);
      expect(repDashboard(demo.db, m.repId, TODAY).needsAttention.map((d) => d.id), m.name).toEqual(mine);
      expect(needsAttention(demo.db, TODAY, { repId: m.repId }).deals.map((d) => d.id), m.name).toEqual(mine);
    }
    for (const d of full.slice(0, 15)) expect(dealTriage(demo.db, d.id, TODAY)).toEqual(d);
  });

  it('"Needs attention" read from the stored facts equals the full ranking: the team, each rep, any limit', () => {
    expect(factsAsOf(demo.db)).toBe(TODAY); // the demo stores today's facts, so the fast path is taken
    expect(needsAttention(demo.db, TODAY)).toEqual(needsAttentionRanked(demo.db, TODAY));
    expect(needsAttention(demo.db, TODAY, { limit: 40 }, 'de-DE')).toEqual(needsAttentionRanked(demo.db, TODAY, { limit: 40 }, 'de-DE'));
    for (const m of repMetrics(demo.db, TODAY)) {
      expect(needsAttention(demo.db, TODAY, { repId: m.repId }), m.name).toEqual(needsAttentionRanked(demo.db, TODAY, { repId: m.repId }));
    }
    // It does read the facts: a row changed by hand moves the deal to the top (rolled back after).
    const last = pipeline(demo.db, TODAY).deals.at(-1)!;
    demo.db.exec('SAVEPOINT probe');
    try {
      demo.db.prepare('UPDATE pipeline_facts SET attention = 1e9 WHERE deal_id = ?').run(last.id);
      expect(needsAttention(demo.db, TODAY).deals[0]!.id).toBe(last.id);
    } finally {
      demo.db.exec('ROLLBACK TO probe; RELEASE probe');
    }
  });

  it('CLI flags --json: each flag’s severity, each deal’s attention and reason, sorted by attention', () => {
    let out = '';
    const code = runCli(['flags', '--db', demo.dbPath, '--json'], { out: (s) => (out += s), err: () => undefined }, fixedClock(TODAY));
    expect(code).toBe(0);
    const rows = JSON.parse(out) as { id: number; attention: number; severity: string; reason: string; flags: { code: string; severity: string; reason: string; question: string }[] }[];
    const flagged = pipeline(demo.db, TODAY).deals.filter((d) => d.flags.length > 0);
    expect(rows.map((r) => r.id)).toEqual(flagged.map((d) => d.id));
    for (const [i, r] of rows.entries()) {
      const d = flagged[i]!;
      expect(r).toMatchObject({ attention: d.attention, reason: d.reason, severity: topFlag(d.flags)!.severity });
      expect(r.flags.map((f) => f.severity)).toEqual(r.flags.map((f) => f.severity).sort((a, b) => ['critical', 'warning', 'info'].indexOf(a) - ['critical', 'warning', 'info'].indexOf(b)));
      expect(new Set(r.flags.map((f) => f.code))).toEqual(new Set(d.flags.map((f) => f.code)));
      if (i > 0) expect(rows[i - 1]!.attention).toBeGreaterThanOrEqual(r.attention);
    }
  });

  it('the Pipeline’s working list and "Next deal" walk the same filtered, ranked order', () => {
    const list = pipelineList(demo.db, TODAY).deals;
    const q = parsePipelineQuery('level=warning&stage=Proposal');
    const shown = workingList(list, q);
    expect(shown.length).toBeGreaterThan(2);
    expect(shown.every((d) => d.stage === 'Proposal' && d.severities.some((s) => s !== 'info'))).toBe(true);
    expect(shown.map((d) => d.id)).toEqual(list.filter((d) => d.stage === 'Proposal' && d.severities.some((s) => s !== 'info')).map((d) => d.id));
    expect(nextInList(shown, shown[0]!.id)).toBe(shown[1]);
    expect(nextInList(shown, shown.at(-1)!.id)).toBeNull();
    const byAmount = workingList(list, parsePipelineQuery('sort=amount'));
    expect(byAmount.map((d) => d.amount)).toEqual([...list.map((d) => d.amount)].sort((a, b) => b - a));
  });

  it('a one-on-one agenda’s deal items are the rep’s "Needs attention", in order', () => {
    const ctx = testCtx();
    loadDemo(ctx.db, ctx.clock, 42);
    const perRep = getSettings(ctx.db).triage.perRep;
    for (const rep of v(dispatch(ctx, 'reps.list', {})) as { id: number; name: string }[]) {
      const m = v(dispatch(ctx, 'oneOnOnes.schedule', { repId: rep.id, meetingDate: '2026-12-24' }));
      const items = v(dispatch(ctx, 'oneOnOnes.prepare', { id: m.id })).items as { sourceKind: string; sourceId: number; detail: string }[];
      const deals = items.filter((i) => i.sourceKind === 'deal');
      const expected = repDashboard(ctx.db, rep.id, TODAY).needsAttention;
      expect(deals.map((i) => i.sourceId), rep.name).toEqual(expected.map((d) => d.id));
      expect(deals.length).toBeLessThanOrEqual(perRep);
      for (const [k, d] of expected.entries()) expect(deals[k]!.detail.startsWith(`${d.reason}.`)).toBe(true);
    }
  });
});

/** A scenario written through the API on the days things happened (the store stamps history with the clock). */
function historyScenario() {
  const ctx: Ctx = testCtx('2026-09-01');
  const ana = v(dispatch(ctx, 'reps.create', { name: 'Ana', role: 'field', quota: 100000 }));
  const input = { repId: ana.id, accountName: 'Acme', name: 'Platform', stage: 'Prospecting', amount: 150000, createdDate: '2026-09-01', expectedCloseDate: '2026-10-15', lastActivityDate: '2026-09-01' };
  const deal = v(dispatch(ctx, 'deals.create', input));
  const at = (day: string) => (ctx.clock = fixedClock(day));
  at('2026-10-01');
  v(dispatch(ctx, 'deals.update', { ...input, id: deal.id, stage: 'Proposal', lastActivityDate: '2026-10-01' }));
  at('2026-10-10');
  v(dispatch(ctx, 'deals.update', { ...input, id: deal.id, stage: 'Proposal', expectedCloseDate: '2026-11-30', lastActivityDate: '2026-10-10' }));
  at('2026-11-05');
  const fail = Object.fromEntries(VP_TESTS.map((t) => [t, { result: 'fail' }]));
  v(dispatch(ctx, 'valueProps.assess', { dealId: deal.id, statement: 'Faster planning.', results: { ...fail, different: { result: 'pass' }, measurable: { result: 'partial' } } }));
  at('2026-11-10');
  v(dispatch(ctx, 'stakeholders.add', { dealId: deal.id, name: 'Dee', role: 'decision_maker' }));
  v(dispatch(ctx, 'stakeholders.add', { dealId: deal.id, name: 'Cy', role: 'champion' }));
  at('2026-11-20');
  v(dispatch(ctx, 'deals.close', { id: deal.id, outcome: 'won', closedDate: '2026-11-20' }));
  at(TODAY);
  return { ctx, ana: ana.id, deal: deal.id };
}

describe('"Needs attention" on its own copy of the demo (it writes)', () => {
  const own = useDemoDatabase();

  it('"Needs attention" stays equal to the ranking after writes, and ranks when the facts are for another day', () => {
    const ctx: Ctx = { db: own.db, clock: fixedClock(TODAY), dbPath: own.dbPath, shell: 'web' };
    const top = needsAttention(own.db, TODAY).deals;
    // Close the top deal, add stakeholders to the second, raise the third's amount: each refreshes its rep's facts.
    v(dispatch(ctx, 'deals.close', { id: top[0]!.id, outcome: 'won', closedDate: TODAY }));
    v(dispatch(ctx, 'stakeholders.add', { dealId: top[1]!.id, name: 'Probe Person', role: 'decision_maker' }));
    const d = top[2]!;
    v(dispatch(ctx, 'deals.update', { id: d.id, repId: d.repId, accountName: d.accountName, name: d.name, stage: d.stage, amount: d.amount * 3, currency: d.currency, createdDate: d.createdDate, expectedCloseDate: d.expectedCloseDate, lastActivityDate: d.lastActivityDate }));
    const after = v(dispatch(ctx, 'pipeline.attention', {}));
    expect(after).toEqual(needsAttentionRanked(own.db, TODAY));
    expect(after.deals.map((d: { id: number }) => d.id)).not.toContain(top[0]!.id);
    // Facts for another day are not used for this one: the answer comes from the ranking.
    const day = '2026-10-15';
    expect(needsAttention(own.db, day)).toEqual(needsAttentionRanked(own.db, day));
  });
});

describe('a past as-of date replays the deal’s history and uses only what existed then', () => {
  it('shows the stage and close date the deal had that day, never the later outcome', () => {
    const { ctx, deal } = historyScenario();
    const on = (day: string) => pipeline(ctx.db, day).deals.find((d) => d.id === deal);
    expect(on('2026-09-20')).toMatchObject({ stage: 'Prospecting', expectedCloseDate: '2026-10-15', closeDateChanges: 0, daysInStage: 19 });
    // Oct 20: moved to Proposal on Oct 1 (19 days), close date moved once on Oct 10.
    expect(on('2026-10-20')).toMatchObject({ stage: 'Proposal', expectedCloseDate: '2026-11-30', closeDateChanges: 1, daysInStage: 19 });
    expect(on('2026-11-19')).toMatchObject({ stage: 'Proposal' });
    expect(on(TODAY)).toBeUndefined(); // won on Nov 20: not open today
    // The old behaviour listed it under "Closed Won" as an open deal: never a closing stage.
    for (const day of ['2026-09-20', '2026-10-20', '2026-11-19']) expect(on(day)!.stage).not.toMatch(/^Closed/);
  });

  it('counts the value-proposition check and the stakeholders only from the day they were recorded', () => {
    const { ctx, deal } = historyScenario();
    const flags = (day: string) => pipeline(ctx.db, day, undefined, 'en-US').deals.find((d) => d.id === deal)!.flags;
    // Oct 20: a big Proposal deal, no check yet, nobody recorded (the rep had no map at all then).
    const oct = flags('2026-10-20');
    expect(oct.find((f) => f.code === 'value_prop_gap')?.reason).toBe('A $150,000 deal in Proposal with no value-proposition check.');
    expect(oct.map((f) => f.code)).not.toContain('no_decision_maker'); // not tracked yet on Oct 20
    expect(pipeline(ctx.db, '2026-10-20').untrackedReps).toEqual(['Ana']);
    // Nov 7: the Nov 5 check (1 pass, 1 partial: 1.5 / 7) counts; still no stakeholders.
    expect(flags('2026-11-07').find((f) => f.code === 'value_prop_gap')?.reason).toBe('A $150,000 deal in Proposal; its value proposition scores 1.5 / 7.');
    // Nov 12: the decision maker and a champion recorded on Nov 10.
    expect(pipeline(ctx.db, '2026-11-12').deals.find((d) => d.id === deal)).toMatchObject({ stakeholderCount: 2, stakeholdersTracked: true });
    // The deal page shows the assessments made by then.
    expect(v(dispatch(ctx, 'valueProps.forDeal', { dealId: deal, asOf: '2026-10-20' })).checks).toEqual([]);
    expect(v(dispatch(ctx, 'valueProps.forDeal', { dealId: deal, asOf: '2026-11-07' })).checks[0].score).toBe(1.5);
  });

  it('does not claim "no activity" when the only activity recorded is later than the date', () => {
    const { ctx, deal } = historyScenario();
    // Last activity Oct 10 (the latest recorded). Seen from Nov 19: 40 quiet days -> flagged.
    expect(pipeline(ctx.db, '2026-11-19').deals.find((d) => d.id === deal)!.flags.map((f) => f.code)).toContain('no_activity');
    // Seen from Oct 5: the recorded activity (Oct 10) is later; what happened by Oct 5 is unknown.
    expect(pipeline(ctx.db, '2026-10-05').deals.find((d) => d.id === deal)!.flags.map((f) => f.code)).not.toContain('no_activity');
  });

  it('a rep review as of a past day lists the deal in its stage then, with the check made by then', () => {
    const { ctx, ana } = historyScenario();
    const md = repReview(ctx.db, ana, '2026-10-01', '2026-10-20', { includePrivate: false, generatedOn: TODAY, locale: 'en-US' }).markdown;
    expect(md).toContain('Proposal · expected close Nov 30, 2026');
    expect(md).not.toContain('Closed Won');
    expect(md).toContain('with no value-proposition check');
    expect(md).toContain('**As of:** Oct 20, 2026');
  });
});

describe('one rule per idea', () => {
  const none = Object.fromEntries(SIGNS.map((s) => [s, 0]));

  it('coachability: the agenda raises it only when the Coachability screen shows a pattern, in the same words', () => {
    const ctx = testCtx();
    const ana = v(dispatch(ctx, 'reps.create', { name: 'Ana', role: 'field', quota: 1 })).id;
    const observe = (d: string) => v(dispatch(ctx, 'coachability.record', { repId: ana, observedOn: d, context: 'one_on_one', ratings: { ...none, knows_it_all: 2, resists_change: 3 } }));
    const agendaItem = () => {
      const m = v(dispatch(ctx, 'oneOnOnes.list', { repId: ana })).find((x: { status: string }) => x.status === 'planned') ?? v(dispatch(ctx, 'oneOnOnes.schedule', { repId: ana, meetingDate: TODAY }));
      return (v(dispatch(ctx, 'oneOnOnes.prepare', { id: m.id })).items as { sourceKind: string; title: string; detail: string }[]).find((i) => i.sourceKind === 'coachability');
    };
    // Two concerning observations in two weeks: the old agenda rule (2 in 8 weeks) raised it.
    observe('2026-11-10');
    observe('2026-11-20');
    const watch = v(dispatch(ctx, 'coachability.rep', { repId: ana })).judgement;
    expect(watch.headline).toBe('Watch: not a pattern yet');
    expect(showsPattern(watch)).toBe(false);
    expect(agendaItem()).toBeUndefined();
    // Four over six weeks: a pattern on the screen, and the same headline and signs on the agenda.
    observe('2026-10-09');
    observe('2026-10-23');
    const pattern = v(dispatch(ctx, 'coachability.rep', { repId: ana })).judgement;
    expect(showsPattern(pattern)).toBe(true);
    const item = agendaItem()!;
    expect(item.title).toBe(`Coachability: ${pattern.headline}`);
    expect(item.detail).toContain(`Signs seen often: ${pattern.signs.map((s: keyof typeof SIGN_LABELS) => SIGN_LABELS[s]).join(', ')}.`);
  });

  it('value propositions: the deal page, the flag and the agenda apply one big-deal rule and one score', () => {
    const ctx = testCtx();
    const ana = v(dispatch(ctx, 'reps.create', { name: 'Ana', role: 'field', quota: 1 })).id;
    const deal = (name: string, amount: number) =>
      v(dispatch(ctx, 'deals.create', { repId: ana, accountName: 'Acme', name, stage: 'Proposal', amount, createdDate: '2026-11-01', expectedCloseDate: '2026-12-20', lastActivityDate: '2026-11-23' })).id;
    const small = deal('Small', 1000);
    const big = deal('Big', 150000);
    const fail = Object.fromEntries(VP_TESTS.map((t) => [t, { result: 'fail' }]));
    for (const id of [small, big]) v(dispatch(ctx, 'valueProps.assess', { dealId: id, statement: 'We save time.', results: { ...fail, different: { result: 'pass' }, measurable: { result: 'partial' } } }));
    const m = v(dispatch(ctx, 'oneOnOnes.schedule', { repId: ana, meetingDate: TODAY }));
    const vpItems = (v(dispatch(ctx, 'oneOnOnes.prepare', { id: m.id })).items as { sourceKind: string; sourceId: number; detail: string }[]).filter((i) => i.sourceKind === 'value_prop');
    const flagsOf = (id: number) => pipeline(ctx.db, TODAY, undefined, 'en-US').deals.find((d) => d.id === id)!.flags.filter((f) => f.code === 'value_prop_gap');
    // $1,000: not required on the deal page, no flag, no agenda item (the old agenda proposed one).
    expect(v(dispatch(ctx, 'valueProps.forDeal', { dealId: small })).required).toBe(false);
    expect(flagsOf(small)).toEqual([]);
    expect(vpItems.map((i) => i.sourceId)).toEqual([big]);
    // $150,000: required, flagged, on the agenda; one score (1.5 / 7) on the card, in the flag and on the agenda.
    const card = v(dispatch(ctx, 'valueProps.forDeal', { dealId: big }));
    expect(card.required).toBe(true);
    expect(card.checks[0].score).toBe(1.5);
    expect(flagsOf(big)[0]!.reason).toContain(`scores ${vpScoreText(card.checks[0].score)}`);
    expect(vpItems[0]!.detail).toContain(`Scores ${vpScoreText(card.checks[0].score)}`);
  });

  it('diagnosis and coverage: never "On track" or "Quota met" beside a coverage shortfall; the CLI says the same', () => {
    let out = '';
    runCli(['metrics', '--db', demo.dbPath, '--json'], { out: (s) => (out += s), err: () => undefined }, fixedClock(TODAY));
    const cli = JSON.parse(out) as { repId: number; diagnosis: string; diagnosisLabel: string; coverage: string }[];
    const reps = repMetrics(demo.db, TODAY);
    expect(cli).toHaveLength(reps.length);
    for (const m of reps) {
      const status = coverageStatus(m);
      if (m.diagnosis.kind === 'on_track' || m.diagnosis.kind === 'quota_met') expect(status, m.name).not.toBe('short');
      expect(cli.find((c) => c.repId === m.repId)).toMatchObject({ diagnosis: m.diagnosis.kind, diagnosisLabel: DIAGNOSIS_LABELS[m.diagnosis.kind], coverage: status });
    }
  });

  it('labels: each sign, note kind, follow-up answer, flag, severity, diagnosis, metric, placement note and copy is written in one place only', () => {
    const root = path.resolve(__dirname, '../..');
    const files = (dir: string): string[] =>
      fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
    const sources = ['shared', 'electron', 'renderer/src'].flatMap(files).filter((f) => !f.includes(`${path.sep}import${path.sep}`));
    const homes: [Record<string, string>, string][] = [
      [SIGN_LABELS, 'shared/domain/coachability.ts'],
      [NOTE_KIND_LABELS, 'shared/schemas/notes.ts'],
      [FOLLOW_UP_LABELS, 'shared/schemas/notes.ts'],
      [FLAG_LABELS, 'shared/domain/flags.ts'],
      [SEVERITY_LABELS, 'shared/domain/flags.ts'],
      [DIAGNOSIS_LABELS, 'shared/domain/metrics.ts'],
      [METRIC_LABELS, 'shared/domain/metrics.ts'],
      [{ differs: PLACEMENT_DIFFERS_TEXT }, 'shared/domain/development.ts'],
      [COPY_LABELS, 'shared/schemas/exports.ts'],
    ];
    const strays: string[] = [];
    for (const [labels, home] of homes) {
      for (const label of Object.values(labels)) {
        if (label.length < 8) continue; // "Other", "Info", "Partly": too common to tell apart
        if (label === 'Not enough data') continue; // also the talent-and-effort chart's own words, another idea
        for (const f of sources) {
          if (f === home) continue;
          const text = fs.readFileSync(path.join(root, f), 'utf8');
          if (text.includes(`'${label}'`) || text.includes(`"${label}"`)) strays.push(`${f}: '${label}'`);
        }
      }
    }
    expect(strays).toEqual([]);
    // The words the exports used to have of their own are gone everywhere.
    for (const old of ['Agrees, then does otherwise', 'Presents as knowing it all', 'passive-aggressive agreement']) {
      for (const f of sources) expect(fs.readFileSync(path.join(root, f), 'utf8').includes(`'${old}'`), `${f}: ${old}`).toBe(false);
    }
  });

  it('labels: the rep review prints the app’s own sign and note-kind words', () => {
    const ctx = testCtx();
    const ana = v(dispatch(ctx, 'reps.create', { name: 'Ana', role: 'field', quota: 1 })).id;
    v(dispatch(ctx, 'coachability.record', { repId: ana, observedOn: '2026-11-20', context: 'call', ratings: { ...none, passive_aggressive: 3 } }));
    v(dispatch(ctx, 'notes.create', { repId: ana, kind: 'observation', noteDate: '2026-11-20', body: 'Watched a call.', visibility: 'shareable' }));
    const md = repReview(ctx.db, ana, '2026-10-01', TODAY, { includePrivate: false, generatedOn: TODAY }).markdown;
    for (const s of SIGNS) expect(md).toContain(`| ${SIGN_LABELS[s]} |`);
    expect(md).toContain(NOTE_KIND_LABELS.observation);
  });
});

describe('as-of date in every export', () => {
  it('the one-on-one summary, the rep review and the team review each say which day they are as of', async () => {
    const ctx = testCtx();
    loadDemo(ctx.db, ctx.clock, 42);
    const rep = v(dispatch(ctx, 'reps.list', {}))[0];
    const meeting = v(dispatch(ctx, 'oneOnOnes.list', { repId: rep.id }))[0];
    const doc = (req: object) => v(dispatch(ctx, 'export.document', req)).markdown as string;
    expect(doc({ doc: { kind: 'oneOnOne', id: meeting.id }, asOf: '2026-09-30' })).toContain('**As of:** Sep 30, 2026\n');
    expect(doc({ doc: { kind: 'oneOnOne', id: meeting.id } })).toContain(`**As of:** Nov 24, 2026\n`); // today without a session date
    expect(doc({ doc: { kind: 'repReview', repId: rep.id, from: '2026-07-01', to: '2026-09-30' } })).toContain('**As of:** Sep 30, 2026:');
    const team = doc({ doc: { kind: 'teamReview', from: '2026-07-01', to: '2026-09-30' } });
    expect(team).toContain('**As of:** Sep 30, 2026:');
    // The team review's "Needs attention" is the Dashboard's list for that day.
    for (const d of needsAttention(ctx.db, '2026-09-30').deals) expect(team).toContain(`| ${d.attention} |`);
  });
});
