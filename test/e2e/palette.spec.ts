import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';

const palette = (page: Page) => page.getByRole('dialog', { name: /Find or do anything|…$/ });
const paletteInput = (page: Page) => palette(page).getByRole('combobox');

test('Ctrl+K finds a deal by a word of its name, marks the match, and Enter opens it', async ({ page, demoWorkbench }) => {
  const api = async (name: string, data: object = {}) => (await (await page.request.post(`${demoWorkbench.url}api/${name}`, { data })).json()).value;
  const deal = (await api('pipeline.open', {})).deals[0];
  const word = (deal.name as string).split(/\s+/).find((w) => w.length >= 4)!;
  await page.goto(`${demoWorkbench.url}#/dashboard`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await page.keyboard.press('Control+k');
  await expect(paletteInput(page)).toBeFocused();
  await paletteInput(page).fill(word.slice(0, 4));
  const deals = palette(page).getByRole('group', { name: 'Deals' });
  await expect(deals.getByRole('option').first()).toBeVisible();
  // The match is marked in every hit's title.
  await expect(deals.getByRole('option').first().locator('mark').first()).toHaveText(new RegExp(`^${word.slice(0, 4)}`, 'i'));
  await screenshot(page, '80-palette-search');

  // Narrow to this very deal and open it with the keyboard.
  await paletteInput(page).fill(deal.name);
  const hit = deals.getByRole('option', { name: new RegExp(deal.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first();
  await expect(hit).toBeVisible();
  await hit.hover();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(deal.name);
  await expect(palette(page)).toHaveCount(0);
});

test('/ opens search on every screen; a note written a moment ago is found by its words and opens its rep', async ({ page, demoWorkbench }) => {
  const api = async (name: string, data: object = {}) => (await (await page.request.post(`${demoWorkbench.url}api/${name}`, { data })).json()).value;
  const rep = (await api('reps.list', {}))[0];
  await api('notes.create', { repId: rep.id, kind: 'observation', noteDate: '2026-11-20', body: 'Quixotic discovery call with the procurement lead', visibility: 'private' });

  for (const hash of ['#/dashboard', '#/pipeline', '#/weekly', '#/commitments', '#/coachability', '#/team', '#/development', '#/import', '#/data', '#/settings', `#/reps/${rep.id}`]) {
    await page.goto(`${demoWorkbench.url}${hash}`);
    await expect(page.locator('main h1').first()).toBeVisible();
    await page.locator('main h1').first().focus();
    await page.keyboard.press('/');
    await expect(paletteInput(page), `/ on ${hash}`).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(palette(page)).toHaveCount(0);
  }

  await page.keyboard.press('/');
  await paletteInput(page).fill('quixo disc');
  const notes = palette(page).getByRole('group', { name: 'Coaching notes' });
  await expect(notes.getByRole('option')).toHaveCount(1);
  await expect(notes.getByRole('option')).toContainText(rep.name);
  await expect(notes.locator('mark')).toHaveText(['Quixotic', 'discovery']);
  await notes.getByRole('option').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(rep.name);
});

test('palette actions: prepare a one-on-one with, new note for, record an observation for, export a review of', async ({ page, demoWorkbench }) => {
  const api = async (name: string, data: object = {}) => (await (await page.request.post(`${demoWorkbench.url}api/${name}`, { data })).json()).value;
  const rep = (await api('reps.list', {}))[1];
  await page.goto(`${demoWorkbench.url}#/dashboard`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  const pick = async (action: string) => {
    await page.keyboard.press('Control+k');
    await paletteInput(page).fill(action);
    await page.keyboard.press('Enter');
    // Now the rep: typed by part of the name, chosen with Enter.
    await expect(palette(page).locator('.palette-crumb')).toBeVisible();
    await paletteInput(page).fill(rep.name.split(' ')[0]);
    await expect(palette(page).getByRole('option', { name: rep.name })).toBeVisible();
    await palette(page).getByRole('option', { name: rep.name }).hover();
  };

  await pick('prep one');
  await screenshot(page, '81-palette-pick-rep');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`One-on-one with ${rep.name}`);

  await pick('new note');
  await page.keyboard.press('Enter');
  const note = page.getByRole('dialog', { name: `Add a coaching note for ${rep.name}` });
  await expect(note).toBeVisible();
  await note.getByRole('textbox', { name: 'Note' }).fill('Palette note: ask about the champion');
  await note.getByRole('button', { name: 'Add note' }).click();
  await expect(note).toHaveCount(0);
  const notes = await api('notes.list', { repId: rep.id });
  expect(JSON.stringify(notes)).toContain('Palette note: ask about the champion');

  await pick('record obs');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: new RegExp(rep.name) })).toBeVisible();
  await page.keyboard.press('Escape');

  await pick('export rev');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: `Export a review of ${rep.name}` })).toBeVisible();
  await page.keyboard.press('Escape');

  // Backspace in the empty field steps back from "pick a rep" to everything.
  await page.keyboard.press('Control+k');
  await paletteInput(page).fill('new note');
  await page.keyboard.press('Enter');
  await expect(palette(page).locator('.palette-crumb')).toHaveText('New coaching note for');
  await page.keyboard.press('Backspace');
  await expect(palette(page).locator('.palette-crumb')).toHaveCount(0);
  await expect(palette(page).getByRole('group', { name: 'Screens' })).toBeVisible();
});

test('N, ? and G then a digit: new… everywhere, every shortcut listed, sections reachable where the browser keeps Ctrl+1…9', async ({ page, demoWorkbench }) => {
  await page.goto(`${demoWorkbench.url}#/dashboard`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // The dashboard has nothing of its own to add: N offers the "new…" actions.
  await page.keyboard.press('n');
  await expect(palette(page).locator('.palette-crumb')).toHaveText('New');
  await expect(palette(page).getByRole('option')).toHaveText([/Prepare a one-on-one with/, /New coaching note for/, /Record an observation for/]);
  await page.keyboard.press('Escape');

  // On Team, N is the screen's own: add a rep. F filters, / still searches everything.
  await page.keyboard.press('g');
  await page.keyboard.press('7');
  await expect(page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();
  await page.keyboard.press('n');
  await expect(page.getByRole('dialog', { name: /Add a rep/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('f');
  await expect(page.getByPlaceholder('Filter reps')).toBeFocused();
  await page.keyboard.press('Escape');
  await page.locator('main h1').focus();

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  const here = help.getByRole('region', { name: 'On this screen' });
  await expect(here).toContainText('Add a rep');
  await expect(here).toContainText('Filter the reps');
  const everywhere = help.getByRole('region', { name: 'Everywhere' });
  for (const text of ['Find or do anything', 'Search reps, deals', 'Go to Dashboard', 'Go to Settings', 'web preview']) await expect(everywhere).toContainText(text);
  await screenshot(page, '82-shortcuts');
  await page.keyboard.press('Escape');

  // G then 2 goes to the pipeline; Ctrl+1 back to the dashboard (the desktop app's keys).
  await page.keyboard.press('g');
  await page.keyboard.press('2');
  await expect(page).toHaveURL(/#\/pipeline$/);
  await page.keyboard.press('Control+1');
  await expect(page).toHaveURL(/#\/dashboard$/);

  // Single keys never fire while typing.
  await page.keyboard.press('Control+k');
  await paletteInput(page).pressSequentially('g2n?');
  await expect(page).toHaveURL(/#\/dashboard$/);
  await expect(paletteInput(page)).toHaveValue('g2n?');
});

test('a deal name carrying HTML is shown as text in the results, never run', async ({ page, demoWorkbench }) => {
  const api = async (name: string, data: object = {}) => (await (await page.request.post(`${demoWorkbench.url}api/${name}`, { data })).json()).value;
  const rep = (await api('reps.list', {}))[0];
  const name = '<img src=x onerror="window.__pwned=1">Zanzibar rollout';
  expect((await api('deals.create', { repId: rep.id, accountName: 'Zanzibar Ltd', name, stage: 'Discovery', amount: 1000, createdDate: '2026-11-01' })).name).toBe(name);
  await page.goto(`${demoWorkbench.url}#/dashboard`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Control+k');
  await paletteInput(page).fill('zanzi onerr');
  const hit = palette(page).getByRole('group', { name: 'Deals' }).getByRole('option');
  await expect(hit).toHaveCount(1);
  await expect(hit).toContainText('<img src=x onerror="window.__pwned=1">Zanzibar rollout');
  await expect(hit.locator('.palette-title mark')).toHaveText(['onerror', 'Zanzibar']);
  await expect(hit.locator('.palette-snippet mark')).toHaveText(['Zanzibar']); // its account
  await expect(palette(page).locator('img')).toHaveCount(0);
  expect(await page.evaluate("typeof window.__pwned")).toBe("undefined");
});
