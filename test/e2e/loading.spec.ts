import { expect, test } from './fixtures';

/** The API calls the page makes from now on, by name (`/api/<name>`). */
function recordCalls(page: import('@playwright/test').Page): string[] {
  const names: string[] = [];
  page.on('request', (r) => {
    const m = /\/api\/([^/?]+)$/.exec(new URL(r.url()).pathname);
    if (m) names.push(decodeURIComponent(m[1]!));
  });
  return names;
}

test('a save reloads what shows it and nothing else: a new note on the rep page', async ({ page, demoWorkbench }) => {
  const api = async (name: string, data: object = {}) => (await (await page.request.post(`${demoWorkbench.url}api/${name}`, { data })).json()).value;
  const grace = ((await api('reps.list')) as { id: number; name: string }[]).find((r) => r.name === 'Grace Okafor')!;
  const calls = recordCalls(page);
  await page.goto(`${demoWorkbench.url}#/reps/${grace.id}`);
  const card = page.getByRole('region', { name: 'Coaching notes' });
  await expect(card.locator('.notes-timeline > li').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  const before = await card.locator('.notes-timeline > li').count();

  // The dialog loads the rep's deals (to link the note to one) when it opens.
  const answered = (name: string) => page.waitForResponse((r) => new URL(r.url()).pathname.endsWith(`/api/${name}`));
  const dealsForDialog = answered('deals.listByRep');
  await page.getByRole('heading', { name: 'Grace Okafor', level: 1 }).focus();
  await page.keyboard.press('c');
  const dialog = page.getByRole('dialog', { name: 'Add a coaching note' });
  await dialog.getByLabel('Note', { exact: true }).fill('Asked for the decision maker by name on the second call.');
  await dealsForDialog;
  calls.length = 0;

  // The calls that read notes are asked again: the notes, the rep's metrics (last note for the
  // neglect radar), coachability (follow-through on feedback). Every reload starts at once.
  const reloaded = Promise.all(['notes.list', 'metrics.rep', 'coachability.rep'].map(answered));
  await dialog.getByRole('button', { name: 'Add note' }).click();
  await expect(dialog).toBeHidden();
  await reloaded;
  // Shown on the page without a reload.
  await expect(card.locator('.notes-timeline > li')).toHaveCount(before + 1);
  await expect(card.locator('.notes-timeline > li', { hasText: 'Asked for the decision maker by name' })).toBeVisible();

  expect(calls).toContain('notes.create');
  // What does not show notes was not: the rep, the deals, one-on-ones, plans, the settings.
  for (const name of ['reps.get', 'deals.listByRep', 'oneOnOnes.list', 'development.plans', 'settings.get', 'app.info']) expect(calls, name).not.toContain(name);
  console.log(`calls from saving a note on the rep page: ${calls.length} (${calls.join(', ')})`);
});

test('a write changes what another call shows: adding a stakeholder updates the deal page flags card', async ({ page, workbench }) => {
  const api = async (name: string, data: object) => (await (await page.request.post(`${workbench.url}api/${name}`, { data })).json()).value;
  const rep = await api('reps.create', { name: 'Sam Ortiz', role: 'field', quota: 300000 });
  const today = (await api('app.info', {})).today;
  const deal = await api('deals.create', { repId: rep.id, accountName: 'Initech', name: 'Initech platform', stage: 'Discovery', amount: 240000, createdDate: today });
  await api('stakeholders.add', { dealId: deal.id, name: 'Bill Lumbergh', role: 'champion' });
  await page.goto(`${workbench.url}#/deals/${deal.id}`);
  const flag = page.locator('.flag-list > li', { hasText: 'No decision maker' });
  await expect(flag).toHaveCount(1);

  const card = page.getByRole('region', { name: /^Stakeholders/ });
  await card.getByRole('button', { name: 'Add' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a stakeholder' });
  await dialog.getByLabel('Name').fill('Joanna Fisher');
  await dialog.getByLabel('Role in the decision').selectOption({ label: 'Decision maker' });
  await dialog.getByRole('button', { name: 'Add stakeholder' }).click();
  await expect(dialog).toBeHidden();
  // deals.triage reads stakeholders: the flag is gone without leaving the page.
  await expect(flag).toHaveCount(0);
  await expect(card.getByTestId('stakeholder-Joanna Fisher')).toBeVisible();
});
