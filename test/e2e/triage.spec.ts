import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';

const root = path.resolve(__dirname, '../..');

function cliJson(args: string[]): any {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'electron/cli/main.ts'), ...args, '--json'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

const apiOf = (page: Page, base: string) => async (name: string, data: object = {}) => (await (await page.request.post(`${base}api/${name}`, { data })).json()).value;

/** No visible header cell ends past the table's box, and money and dates are never cut (ellipsis). */
async function nothingCutOff(page: Page, table: string) {
  const report = await page.evaluate((label) => {
    // Runs in the page: typed loosely, the test's tsconfig has no DOM library.
    const doc = (globalThis as any).document;
    const t = doc.querySelector(`table[aria-label="${label}"]`);
    const box = t.closest('.table-scroll').getBoundingClientRect();
    const out: string[] = [];
    const headers: string[] = [];
    t.querySelectorAll('thead th').forEach((th: any) => {
      headers.push(th.textContent ?? '');
      const r = th.getBoundingClientRect();
      if (r.width > 0 && r.right > box.right + 1) out.push(`header ${th.textContent} ends at ${r.right} > ${box.right}`);
    });
    t.querySelectorAll('tbody tr[data-index]').forEach((tr: any) => {
      tr.querySelectorAll('td').forEach((td: any, i: number) => {
        const h = headers[i] ?? '';
        if (!/Amount|Close date/.test(h) || td.getBoundingClientRect().width === 0) return;
        const inner = td.firstElementChild ?? td;
        if (td.scrollWidth > td.clientWidth + 1 || inner.scrollWidth > td.clientWidth + 1) out.push(`${h} cut: ${td.textContent}`);
      });
    });
    return out;
  }, table);
  expect(report).toEqual([]);
}

test('dashboard: the team’s top ten by attention, each with why; the same list as the CLI', async ({ page, demoWorkbench }) => {
  const api = apiOf(page, demoWorkbench.url);
  const today = (await api('app.info')).today as string;
  const top = await api('pipeline.attention');
  const cli = (cliJson(['flags', '--db', demoWorkbench.dbPath, '--as-of', today]) as any[]).slice(0, 10);
  expect(top.deals.map((d: any) => d.id)).toEqual(cli.map((d) => d.id));
  // The demo target, as the Dashboard states it.
  expect(top.warningOrWorse / top.openCount).toBeLessThanOrEqual(0.25);
  for (const width of [1280, 1400]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(demoWorkbench.url);
    const list = page.getByTestId('team-attention');
    await expect(list.locator('li')).toHaveCount(10);
    for (const [i, d] of top.deals.entries()) {
      const li = list.locator('li').nth(i);
      await expect(li).toContainText(d.name);
      await expect(li).toContainText(d.reason);
      await expect(li).toContainText(String(d.attention));
    }
    await expect(page.getByText(`${top.warningOrWorse} of ${top.openCount} open deals`)).toBeVisible();
    await nothingCutOff(page, 'Reps');
    await screenshot(page, width === 1280 ? '60-dashboard-1280' : '61-dashboard-1400');
  }
});

test('pipeline: ranked by attention by default, nothing cut off at 1280 or 1400 px; filters and sort survive navigation in the URL', async ({ page, demoWorkbench }) => {
  const api = apiOf(page, demoWorkbench.url);
  const list = await api('pipeline.open');
  for (const width of [1280, 1400]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${demoWorkbench.url}#/pipeline`);
    const rows = page.locator('table[aria-label="Open deals"] tbody tr[data-index]');
    await expect(rows.first()).toHaveAttribute('data-testid', `pipe-row-${list.deals[0].id}`);
    await expect(rows.nth(1)).toHaveAttribute('data-testid', `pipe-row-${list.deals[1].id}`);
    await expect(rows.first().locator('.why-text')).toContainText(/^(Critical|Warning|Info): /);
    await expect(page.getByRole('columnheader', { name: /Attention/ })).toHaveAttribute('aria-sort', 'descending');
    await nothingCutOff(page, 'Open deals');
    await screenshot(page, width === 1280 ? '62-pipeline-1280' : '63-pipeline-1400');
  }

  // Filters and sort go into the URL...
  await page.getByLabel('Filter by severity').selectOption('warning');
  await page.getByLabel('Filter by stage').selectOption('Proposal');
  await page.getByRole('button', { name: 'Amount' }).click();
  await expect(page).toHaveURL(/#\/pipeline\?stage=Proposal&level=warning&sort=amount$/);
  const expected = list.deals
    .filter((d: any) => d.stage === 'Proposal' && d.severities.some((s: string) => s !== 'info'))
    .sort((a: any, b: any) => b.amount - a.amount || b.attention - a.attention);
  const rows = page.locator('table[aria-label="Open deals"] tbody tr[data-index]');
  await expect(page.getByText(new RegExp(`^${expected.length} deals ·`))).toBeVisible();
  await expect(rows.first()).toHaveAttribute('data-testid', `pipe-row-${expected[0].id}`);
  // ...and survive a trip to a deal and back, and the sidebar link.
  await rows.first().getByRole('link', { name: expected[0].name, exact: true }).click();
  await expect(page.getByRole('heading', { name: expected[0].name, level: 1 })).toBeVisible();
  await page.goBack();
  await expect(page.getByLabel('Filter by severity')).toHaveValue('warning');
  await expect(page.getByLabel('Filter by stage')).toHaveValue('Proposal');
  await expect(rows.first()).toHaveAttribute('data-testid', `pipe-row-${expected[0].id}`);
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Pipeline' }).click();
  await expect(page).toHaveURL(/stage=Proposal&level=warning&sort=amount/);
  await expect(page.getByLabel('Filter by stage')).toHaveValue('Proposal');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/#\/pipeline\?sort=amount$/);
});

test('deal review: earlier answers shown while reviewing; after saving, "Next deal" opens the next one of the filtered, ranked list', async ({ page, demoWorkbench }) => {
  const api = apiOf(page, demoWorkbench.url);
  const list = await api('pipeline.open');
  const critical = list.deals.filter((d: any) => d.severities.includes('critical'));
  expect(critical.length).toBeGreaterThan(2);
  for (const width of [1280, 1400]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${demoWorkbench.url}#/pipeline?level=critical`);
    await page.getByRole('link', { name: `Review ${critical[0].name}` }).first().click();
    await expect(page.getByRole('heading', { name: /^Deal review: /, level: 1 })).toBeVisible();
    await screenshot(page, width === 1280 ? '64-deal-review-1280' : '65-deal-review-1400');
  }
  const questions = page.getByRole('region', { name: 'How do you know?' });
  await questions.getByRole('textbox', { name: /^Their answer:/ }).first().fill('Their CFO signs on the 15th; I have it in writing.');
  await page.getByRole('textbox', { name: 'What you coached' }).fill('Get the signing date from the buyer, in writing.');
  await page.getByRole('button', { name: 'Save the review' }).click();
  const next = page.getByTestId('next-deal');
  await expect(next).toContainText(`Next in your list: ${critical[1].name}`);
  await screenshot(page, '66-review-saved-next-deal');
  await next.getByRole('link', { name: /^Next deal: review / }).click();
  await expect(page).toHaveURL(new RegExp(`#/deals/${critical[1].id}/review\\?level=critical$`));
  await expect(page.getByRole('heading', { name: /^Deal review: /, level: 1 })).toContainText(critical[1].name);

  // Reviewing the first deal again: last time's answer sits under its question.
  await page.goto(`${demoWorkbench.url}#/deals/${critical[0].id}/review`);
  await expect(page.getByTestId('earlier-answer').first()).toContainText('Their CFO signs on the 15th; I have it in writing.');
  await expect(page.getByRole('region', { name: /Earlier reviews/ })).toContainText('Their CFO signs on the 15th');
  await screenshot(page, '67-deal-review-earlier-answers');
});

test('one as-of date for the session: a banner on every screen it affects, reset in one click; the past is replayed', async ({ page, demoWorkbench }) => {
  const api = apiOf(page, demoWorkbench.url);
  const past = '2026-09-30';
  const then = await api('pipeline.open', { asOf: past });
  await page.goto(demoWorkbench.url);
  await page.getByLabel('As of').fill(past);
  const banner = page.getByTestId('as-of-banner');
  await expect(banner).toContainText('Showing Sep 30, 2026');
  for (const hash of ['#/pipeline', '#/weekly', '#/coachability', '#/commitments', '#/team', `#/reps/${then.deals[0].repId}`, `#/deals/${then.deals[0].id}`]) {
    await page.goto(`${demoWorkbench.url}${hash}`);
    await expect(banner, hash).toContainText('Showing Sep 30, 2026');
  }
  // The pipeline as it stood: no deal listed in a closing stage, the ranking of that day.
  await page.goto(`${demoWorkbench.url}#/pipeline`);
  await expect(page.getByText(`${then.deals.length} open deals`)).toBeVisible();
  expect(then.deals.some((d: any) => /^Closed/.test(d.stage))).toBe(false);
  await expect(page.locator('table[aria-label="Open deals"] tbody tr[data-index]').first()).toHaveAttribute('data-testid', `pipe-row-${then.deals[0].id}`);
  await screenshot(page, '68-as-of-banner-pipeline');
  // Not on screens it does not change (the one-on-one, settings).
  await page.goto(`${demoWorkbench.url}#/settings`);
  await expect(banner).toBeHidden();
  // One click back to today, everywhere.
  await page.goto(`${demoWorkbench.url}#/pipeline`);
  await banner.getByRole('button', { name: 'Back to today' }).click();
  await expect(banner).toBeHidden();
  await page.goto(demoWorkbench.url);
  await expect(page.getByTestId('as-of-banner')).toBeHidden();
});

test('rep page: open deals ranked by attention with why, and the rep’s own Needs attention (a setting)', async ({ page, demoWorkbench }) => {
  const api = apiOf(page, demoWorkbench.url);
  const reps = await api('reps.list');
  const dashes = await Promise.all(reps.map((r: any) => api('metrics.rep', { repId: r.id })));
  const dash = dashes.sort((a: any, b: any) => b.ranked.length - a.ranked.length)[0];
  for (const width of [1280, 1400]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${demoWorkbench.url}#/reps/${dash.metrics.repId}`);
    const top = page.getByTestId('rep-attention');
    await expect(top.locator(':scope > li')).toHaveCount(dash.needsAttention.length);
    await expect(top.locator(':scope > li').first()).toContainText(dash.needsAttention[0].reason);
    const table = page.getByRole('table', { name: `${dash.metrics.name}'s open deals` });
    await expect(table.locator('tbody tr[data-index]').first()).toHaveAttribute('data-testid', `deal-row-${dash.ranked[0].id}`);
    await expect(table.locator('tbody tr[data-index]').first()).toContainText(dash.ranked[0].reason);
    await screenshot(page, width === 1280 ? '69-rep-1280' : '70-rep-1400');
  }
  // Settings: two per rep, and the rep page follows.
  await page.goto(`${demoWorkbench.url}#/settings`);
  const form = page.getByRole('form', { name: 'Severity and attention' });
  await expect(form.getByTestId('attention-formula')).toContainText('Attention = points × (1 + amount weight × size) × (1 + close weight × nearness)');
  await form.getByLabel('Needs attention per rep').fill('0');
  await form.getByRole('button', { name: 'Save severity and attention' }).click();
  await expect(form.getByText(/must be from 1 to 10/)).toBeVisible();
  await form.getByLabel('Needs attention per rep').fill('2');
  await form.getByRole('button', { name: 'Save severity and attention' }).click();
  await expect(page.getByText('Triage settings saved.')).toBeVisible();
  await screenshot(page, '71-settings-triage');
  await page.goto(`${demoWorkbench.url}#/reps/${dash.metrics.repId}`);
  await expect(page.getByTestId('rep-attention').locator(':scope > li')).toHaveCount(Math.min(2, dash.needsAttention.length));
});

test('stakeholders "not tracked yet" for a rep with no map: no stakeholder flags, said once on the Pipeline', async ({ page, workbench }) => {
  const api = apiOf(page, workbench.url);
  const rep = await api('reps.create', { name: 'Imported Ida', role: 'field', quota: 100000 });
  const info = await api('app.info');
  await api('deals.create', { repId: rep.id, accountName: 'Acme', name: 'Big late deal', stage: 'Negotiation', amount: 250000, createdDate: info.today, expectedCloseDate: info.today });
  await page.goto(`${workbench.url}#/pipeline`);
  await expect(page.getByTestId('untracked')).toContainText('Stakeholders not tracked yet for Imported Ida');
  const list = await api('pipeline.open');
  expect(list.deals[0].flags).not.toContain('single_threaded');
  expect(list.deals[0].flags).toContain('value_prop_gap');
  await screenshot(page, '72-pipeline-not-tracked');
});
