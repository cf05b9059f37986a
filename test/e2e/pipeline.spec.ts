import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, screenshot, test } from './fixtures';

const root = path.resolve(__dirname, '../..');

/** The CLI's view of the same database, for comparing with what the screens show. */
function cliJson(args: string[]): any {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'electron/cli/main.ts'), ...args, '--json'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

const pct = (f: number) => `${Math.round(f * 100)}%`;

test('dashboard shows each rep’s own numbers, matching the CLI for the same as-of date', async ({ page, demoWorkbench }) => {
  await page.goto(demoWorkbench.url);
  const today = (await (await page.request.post(`${demoWorkbench.url}api/app.info`, { data: {} })).json()).value.today as string;
  const metrics = cliJson(['metrics', '--db', demoWorkbench.dbPath, '--as-of', today]) as any[];
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await expect(page.locator('table[aria-label="Reps"] tbody tr[data-testid]')).toHaveCount(metrics.length);
  for (const m of metrics) {
    const row = page.getByTestId(`metrics-row-${m.rep}`);
    if (m.winRate !== null) await expect(row).toContainText(pct(m.winRate));
    if (m.requiredCoverage !== null) await expect(row).toContainText(`${m.requiredCoverage.toFixed(1)}x`);
    await expect(row).toContainText(m.newOppsPerWeek.toFixed(1));
  }
  // The demo's story: one rep with too few opportunities, one with too low a win rate, a new hire.
  const byDiagnosis = (k: string) => metrics.filter((m) => m.diagnosis === k).map((m) => m.rep);
  expect(byDiagnosis('activity').length).toBeGreaterThan(0);
  expect(byDiagnosis('effectiveness').length).toBeGreaterThan(0);
  await expect(page.getByTestId(`metrics-row-${byDiagnosis('activity')[0]}`)).toContainText('Too few opportunities');
  await expect(page.getByTestId(`metrics-row-${byDiagnosis('effectiveness')[0]}`)).toContainText('Win rate too low');
  await expect(page.getByTestId(`metrics-row-${byDiagnosis('new_hire')[0]}`)).toContainText('New hire');
  // Required coverage differs per rep: never one global number.
  expect(new Set(metrics.filter((m) => m.requiredCoverage).map((m) => m.requiredCoverage.toFixed(1))).size).toBeGreaterThan(3);
  // Neglect radar lists the top performer the demo has not met for weeks.
  await expect(page.getByRole('heading', { name: 'Neglect radar' })).toBeVisible();
  await expect(page.locator('[data-testid^="neglect-"]').first()).toContainText('top performer');
  await screenshot(page, '11-dashboard');
});

test('pipeline: flags as chips, filters by rep, stage and flag, click through to the deal', async ({ page, demoWorkbench }) => {
  await page.goto(`${demoWorkbench.url}#/pipeline`);
  const today = (await (await page.request.post(`${demoWorkbench.url}api/app.info`, { data: {} })).json()).value.today as string;
  const flagged = cliJson(['flags', '--db', demoWorkbench.dbPath, '--as-of', today]) as any[];
  const open = cliJson(['deals', '--db', demoWorkbench.dbPath, '--outcome', 'open']) as any[];
  await expect(page.getByRole('heading', { name: 'Pipeline', level: 1 })).toBeVisible();
  await expect(page.getByText(`${open.length} open deals · ${flagged.length} flagged`)).toBeVisible();
  await screenshot(page, '12-pipeline');

  const pushed = flagged.filter((d) => d.flags.some((f: any) => f.code === 'close_date_pushed'));
  await page.getByLabel('Filter by flag').selectOption('close_date_pushed');
  await expect(page.getByText(new RegExp(`^${pushed.length} deals ·`))).toBeVisible();
  const rep = pushed[0].rep as string;
  await page.getByLabel('Filter by rep').selectOption(rep);
  const mine = pushed.filter((d) => d.rep === rep);
  await expect(page.getByText(new RegExp(`^${mine.length} deals ·`))).toBeVisible();
  const row = page.getByTestId(`pipe-row-${mine[0].id}`);
  // Ranked by attention: the row says why, in the CLI's words.
  await expect(row).toContainText(mine[0].reason);
  await expect(row).toContainText(String(mine[0].attention));
  await screenshot(page, '13-pipeline-filtered');
  // On a wide screen the flags column shows the chips, most severe first.
  await page.setViewportSize({ width: 1700, height: 900 });
  await expect(row.locator('.chip').first()).toBeVisible();
  await page.setViewportSize({ width: 1400, height: 900 });
  await row.getByRole('link', { name: mine[0].deal, exact: true }).click();
  await expect(page.getByRole('heading', { name: mine[0].deal, level: 1 })).toBeVisible();
  await expect(page.getByText(/How do you know the buyer will sign by/)).toBeVisible();

  await page.goto(`${demoWorkbench.url}#/pipeline`);
  await page.getByLabel('Filter by stage').selectOption('Negotiation');
  const neg = open.filter((d) => d.stage === 'Negotiation');
  await expect(page.getByText(new RegExp(`^${neg.length} deals ·`))).toBeVisible();
});

test('rep page: metrics, what-if changes the needs, flagged deals with questions', async ({ page, demoWorkbench }) => {
  const today = (await (await page.request.post(`${demoWorkbench.url}api/app.info`, { data: {} })).json()).value.today as string;
  const metrics = cliJson(['metrics', '--db', demoWorkbench.dbPath, '--as-of', today]) as any[];
  const m = metrics.find((x) => x.diagnosis === 'effectiveness' && x.remainingQuota > 0) ?? metrics.find((x) => x.winRate && x.remainingQuota > 0);
  await page.goto(`${demoWorkbench.url}#/reps/${m.repId}`);
  await expect(page.getByRole('heading', { name: m.rep, level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: m.diagnosisHeadline })).toBeVisible();
  await expect(page.getByTestId('whatif-coverage')).toHaveText(`${m.requiredCoverage.toFixed(1)}x`);
  await expect(page.getByTestId('whatif-deals')).toHaveText(Math.ceil(m.dealsNeeded).toLocaleString('en-US'));
  // A better win rate means fewer opportunities needed: 40 % needs 2.5x coverage.
  await page.getByLabel('What-if win rate').fill('40');
  await expect(page.getByTestId('whatif-coverage')).toHaveText('2.5x');
  const after = Number((await page.getByTestId('whatif-deals').innerText()).replace(/,/g, ''));
  expect(after).toBe(Math.ceil(m.remainingQuota / m.avgWonDealSize / 0.4));
  expect(after).toBeLessThan(Math.ceil(m.dealsNeeded));
  await expect(page.getByRole('heading', { name: 'Needs attention', level: 2 })).toBeVisible();
  await expect(page.getByTestId('rep-attention').locator('.coach-question').first()).toContainText('How do you know');
  await screenshot(page, '14-rep-metrics');
});

test('weekly meeting: new opportunities per rep, nothing new called out, moves listed', async ({ page, demoWorkbench }) => {
  await page.goto(`${demoWorkbench.url}#/weekly`);
  const week = (await (await page.request.post(`${demoWorkbench.url}api/pipeline.weekly`, { data: {} })).json()).value;
  await expect(page.getByRole('heading', { name: 'Weekly pipeline meeting', level: 1 })).toBeVisible();
  for (const r of week.reps) {
    const card = page.getByTestId(`weekly-${r.name}`);
    if (r.newDeals.length === 0) await expect(card).toContainText('None created this week');
    else await expect(card.locator('ul').first().locator('li')).toHaveCount(r.newDeals.length);
  }
  expect(week.reps.some((r: any) => r.newDeals.length === 0)).toBe(true);
  await screenshot(page, '15-weekly');
});

test('as-of date: the dashboard shows the numbers as they stood then', async ({ page, demoWorkbench }) => {
  const past = '2026-06-30';
  const metrics = cliJson(['metrics', '--db', demoWorkbench.dbPath, '--as-of', past]) as any[];
  await page.goto(demoWorkbench.url);
  await page.getByLabel('As of').fill(past);
  await expect(page.getByText(/Q2 2026/).first()).toBeVisible();
  const m = metrics.find((x) => x.winRate !== null)!;
  await expect(page.getByTestId(`metrics-row-${m.rep}`)).toContainText(pct(m.winRate));
});

test('settings: thresholds are validated, saved, and change the flags in the pipeline', async ({ page, demoWorkbench }) => {
  const count = async () => {
    const p = (await (await page.request.post(`${demoWorkbench.url}api/pipeline.open`, { data: {} })).json()).value;
    return p.deals.filter((d: any) => d.flags.includes('no_activity')).length as number;
  };
  const before = await count();
  await page.goto(`${demoWorkbench.url}#/settings`);
  const form = page.getByRole('form', { name: 'Pipeline thresholds' });
  await form.getByLabel('No activity after (days)').fill('0');
  await form.getByRole('button', { name: 'Save thresholds' }).click();
  await expect(form.getByText('No-activity days must be at least 1 day.')).toBeVisible();
  await form.getByLabel('No activity after (days)').fill('120');
  await form.getByRole('button', { name: 'Save thresholds' }).click();
  await expect(page.getByText('Thresholds saved.')).toBeVisible();
  await screenshot(page, '16-settings-thresholds');
  const after = await count();
  expect(after).toBeLessThan(before);
  await page.goto(`${demoWorkbench.url}#/pipeline`);
  await page.getByLabel('Filter by flag').selectOption('no_activity');
  await expect(page.getByText(new RegExp(`^${after} deals ·`))).toBeVisible();
});

test('commitments: follow-through for the manager and each rep; marking one done changes the rate', async ({ page, demoWorkbench }) => {
  await page.goto(`${demoWorkbench.url}#/commitments`);
  const view = (await (await page.request.post(`${demoWorkbench.url}api/commitments.list`, { data: {} })).json()).value;
  const me = view.followThrough[0];
  await expect(page.getByTestId('ft-manager')).toContainText(`${Math.round(me.rate * 100)}%`);
  await expect(page.getByRole('heading', { name: /Your commitments to your reps/ })).toBeVisible();
  await screenshot(page, '17-commitments');
  // Mark the manager's first overdue promise done: late, so the on-time rate must not rise.
  const mine = view.commitments.find((c: any) => c.owner === 'manager' && c.overdue);
  await page.getByRole('button', { name: `Mark “${mine.text}” done` }).first().click();
  await expect(page.getByText('Marked done.')).toBeVisible();
  const after = (await (await page.request.post(`${demoWorkbench.url}api/commitments.list`, { data: {} })).json()).value.followThrough[0];
  expect(after.keptLate).toBe(me.keptLate + 1);
  expect(after.openOverdue).toBe(me.openOverdue - 1);
  expect(after.rate).toBe(me.rate);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => (await (await page.request.post(`${demoWorkbench.url}api/commitments.list`, { data: {} })).json()).value.followThrough[0].openOverdue).toBe(me.openOverdue);
  // Add one for a rep from the keyboard.
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'Add a commitment' });
  await dialog.getByRole('button', { name: 'Add commitment' }).click();
  await expect(dialog.getByText('Rep must be chosen.')).toBeVisible();
  await dialog.getByLabel('Rep', { exact: true }).selectOption({ index: 1 });
  await dialog.getByLabel('Commitment', { exact: true }).fill('Send the mutual action plan');
  await dialog.getByRole('button', { name: 'Add commitment' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Send the mutual action plan')).toBeVisible();
});
