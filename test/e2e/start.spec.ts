import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliDemo, expect, screenshot, test, Workbench } from './fixtures';

/**
 * What the page asks from now on, in order: API calls by name, and `answered <name>` when their
 * answer arrives; scripts by file name.
 */
function recordRequests(page: import('@playwright/test').Page): string[] {
  const seen: string[] = [];
  const apiName = (url: string) => /\/api\/([^/?]+)$/.exec(new URL(url).pathname)?.[1];
  page.on('request', (r) => {
    const p = new URL(r.url()).pathname;
    const api = apiName(r.url());
    if (api) seen.push(decodeURIComponent(api));
    else if (p.endsWith('.js')) seen.push(p.slice(p.lastIndexOf('/') + 1));
  });
  page.on('response', (r) => {
    const api = apiName(r.url());
    if (api) seen.push(`answered ${decodeURIComponent(api)}`);
  });
  return seen;
}

test('a window opened on the Pipeline asks for its first page with the first calls, once, and shows it', async ({ page, demoWorkbench }) => {
  const requests = recordRequests(page);
  const expected = (await (await page.request.post(`${demoWorkbench.url}api/pipeline.page`, { data: { limit: 1 } })).json()).value.rows[0];
  requests.length = 0;
  await page.goto(`${demoWorkbench.url}#/pipeline`);
  const firstRow = page.locator('table[aria-label="Open deals"] tbody tr[data-index="0"]');
  await expect(firstRow).toContainText(expected.name);
  await page.waitForLoadState('networkidle');
  const calls = requests.filter((r) => !r.endsWith('.js'));
  // Asked before app.info's answer came (no screen is shown without it): not by the screen.
  expect(calls.indexOf('pipeline.page')).toBeGreaterThanOrEqual(0);
  expect(calls.indexOf('pipeline.page')).toBeLessThan(calls.indexOf('answered app.info'));
  // And the screen took that answer instead of asking again.
  expect(calls.filter((c) => c === 'pipeline.page')).toHaveLength(1);
  // Filtered by a rep named in the address: the screen asks itself, with the rep's id.
  await page.goto(`${demoWorkbench.url}#/pipeline?rep=Grace+Okafor`);
  await expect(page.locator('table[aria-label="Open deals"] tbody tr[data-index] td:nth-child(4)').first()).toHaveText('Grace Okafor');
  await page.waitForLoadState('networkidle');
  requests.length = 0;
  await page.reload();
  await expect(firstRow).toBeVisible();
  await expect(page.locator('table[aria-label="Open deals"] tbody tr[data-index] td:nth-child(4)').first()).toHaveText('Grace Okafor');
  await page.waitForLoadState('networkidle');
  expect(requests.filter((c) => c === 'pipeline.page')).toHaveLength(1);
});

test('a window opened on the Dashboard asks for its numbers with the first calls, once each', async ({ page, demoWorkbench }) => {
  const requests = recordRequests(page);
  await page.goto(`${demoWorkbench.url}#/dashboard`);
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Needs attention' }).getByText(/open deals with the highest attention/)).toBeVisible();
  await page.waitForLoadState('networkidle');
  for (const call of ['metrics.team', 'pipeline.attention']) {
    expect(requests.indexOf(call), call).toBeGreaterThanOrEqual(0);
    expect(requests.indexOf(call), call).toBeLessThan(requests.indexOf('answered app.info'));
    expect(requests.filter((c) => c === call), call).toHaveLength(1);
  }
});

test('after the first screen, every other screen’s code and the palette’s load in the background: moving on fetches no script', async ({ page, demoWorkbench }) => {
  const requests = recordRequests(page);
  await page.goto(`${demoWorkbench.url}#/pipeline`);
  await expect(page.locator('table[aria-label="Open deals"] tbody tr[data-index="0"]')).toBeVisible();
  // The screen the window opened on came first; the others follow a moment later.
  await expect.poll(() => ['DashboardScreen', 'SettingsScreen', 'DealScreen', 'ImportScreen', 'CommandPalette'].every((s) => requests.some((r) => r.startsWith(`${s}-`))), { timeout: 10_000 }).toBe(true);
  expect(requests.findIndex((r) => r.startsWith('PipelineScreen-'))).toBeLessThan(requests.findIndex((r) => r.startsWith('DashboardScreen-')));
  await page.waitForLoadState('networkidle');
  requests.length = 0;
  for (const [label, heading] of [['Dashboard', 'Dashboard'], ['Settings', 'Settings'], ['Coachability', 'Coachability'], ['Import', 'Import from your CRM']] as const) {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: label, exact: true }).click();
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
  }
  // The palette too (it is not in the start's code: it brought the forms' validation with it).
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog', { name: 'Find or do anything' })).toBeVisible();
  expect(requests.filter((r) => r.endsWith('.js'))).toEqual([]);
});

test('a store that cannot answer at start: the recovery screen, and the page stops asking', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-e2e-'));
  const db = path.join(dir, 'workbench.db');
  cliDemo(db);
  fs.truncateSync(db, 4096 * 3);
  const wb = new Workbench(db);
  await wb.start();
  try {
    const requests = recordRequests(page);
    await page.goto(wb.tokenUrl);
    await expect(page.getByRole('heading', { name: 'The database is damaged', level: 1 })).toBeVisible();
    // The start asked everything at once; the calls the store refused each asked whether it can
    // answer again (recovery.status alone), and that was the end of it: no loop of retries.
    await page.waitForTimeout(1500);
    const asked = requests.filter((r) => r === 'recovery.status').length;
    expect(asked).toBeGreaterThan(0);
    expect(asked).toBeLessThanOrEqual(12);
    await page.waitForTimeout(1500);
    expect(requests.filter((r) => r === 'recovery.status').length).toBe(asked);
  } finally {
    await wb.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a screen whose code cannot be loaded says so once, and Try again loads it when it can', async ({ page, demoWorkbench }) => {
  let asked = 0;
  await page.route('**/assets/SettingsScreen-*.js', (r) => {
    asked++;
    return r.abort();
  });
  await page.goto(`${demoWorkbench.url}#/settings`);
  const card = page.getByRole('alert').filter({ hasText: 'This screen could not be shown' });
  await expect(card).toBeVisible();
  await expect(card).toContainText('could not be loaded');
  await screenshot(page, '45b-screen-code-not-loaded');
  // Not asked again and again (every render used to start a new import: hundreds a second).
  await page.waitForTimeout(1500);
  expect(asked).toBeLessThanOrEqual(2);
  await page.unroute('**/assets/SettingsScreen-*.js');
  await card.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
});
