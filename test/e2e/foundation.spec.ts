import { expect, screenshot, test } from './fixtures';

test('first run offers the demo team, which then fills the Team screen', async ({ page, workbench }) => {
  await page.goto(`${workbench.url}#/team`);
  await expect(page.getByRole('heading', { name: 'No reps yet' })).toBeVisible();
  await screenshot(page, '01-first-run-empty');
  await page.getByRole('button', { name: 'Load the demo team' }).click();
  await expect(page.getByText(/Demo team loaded: \d+ reps and \d+ deals/)).toBeVisible();
  const rows = page.getByRole('table', { name: 'Team' }).locator('tbody tr[data-testid]');
  await expect(rows).toHaveCount(9);
  await expect(page.getByRole('heading', { name: 'Team', level: 1 })).toBeVisible();
  await screenshot(page, '02-team-demo');
});

test('add a rep and a deal, move the deal, restart the server: everything is still there', async ({ page, workbench }) => {
  await page.goto(`${workbench.url}#/team`);
  await page.getByRole('button', { name: 'Add your first rep' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a rep' });
  // Submitting blank names the field instead of saving.
  await dialog.getByRole('button', { name: 'Add rep' }).click();
  await expect(dialog.getByText('Name is required.')).toBeVisible();
  await expect(dialog.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await screenshot(page, '03-rep-form-errors');
  await dialog.getByLabel('Name').fill('Priya Natarajan');
  await dialog.getByLabel('Email').fill('priya@example.com');
  await dialog.getByLabel('Role').selectOption('inside');
  await dialog.getByLabel('Territory').fill('EMEA North');
  await dialog.getByLabel(/Quota per/).fill('250,000');
  await dialog.getByRole('button', { name: 'Add rep' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByTestId('team-row-Priya Natarajan');
  await expect(row).toContainText('$250,000');
  await expect(row).toContainText('Inside sales');

  await row.getByRole('link', { name: 'Priya Natarajan' }).click();
  await expect(page.getByRole('heading', { name: 'Priya Natarajan', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No deals yet' })).toBeVisible();
  await page.keyboard.press('n');
  const dealDialog = page.getByRole('dialog', { name: 'Add a deal' });
  await dealDialog.getByLabel('Account').fill('Northwind Traders');
  await dealDialog.getByLabel('Deal name').fill('Northwind analytics rollout');
  await dealDialog.getByLabel('Amount').fill('-5');
  await dealDialog.getByRole('button', { name: 'Add deal' }).click();
  await expect(dealDialog.getByText('Amount cannot be negative.')).toBeVisible();
  await dealDialog.getByLabel('Amount').fill('$84,500');
  await dealDialog.getByLabel('Created date').fill('2026-09-01');
  await dealDialog.getByLabel('Expected close date').fill('2026-12-15');
  await dealDialog.getByRole('button', { name: 'Add deal' }).click();
  await expect(dealDialog).toBeHidden();
  await screenshot(page, '04-rep-with-deal');

  await page.getByRole('table', { name: /deals$/ }).getByRole('link', { name: 'Northwind analytics rollout' }).click();
  await expect(page.getByRole('heading', { name: 'Northwind analytics rollout', level: 1 })).toBeVisible();
  await expect(page.getByText('Created in Prospecting')).toBeVisible();
  await page.keyboard.press('e');
  const edit = page.getByRole('dialog', { name: /Edit Northwind/ });
  await edit.getByLabel('Stage').selectOption('Proposal');
  await edit.getByLabel('Expected close date').fill('2027-01-31');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByText('Prospecting → Proposal')).toBeVisible();
  await expect(page.getByRole('table').filter({ hasText: 'Changed on' })).toContainText('Jan 31, 2027');
  await screenshot(page, '05-deal-detail');

  // Restart the server on the same file and reload: the data survived.
  await workbench.stop();
  await workbench.start();
  await page.goto(`${workbench.url}#/team`);
  await expect(page.getByTestId('team-row-Priya Natarajan')).toContainText('$84,500');
  await page.getByTestId('team-row-Priya Natarajan').getByRole('link').click();
  await page.getByRole('table', { name: /deals$/ }).getByRole('link', { name: 'Northwind analytics rollout' }).click();
  await expect(page.getByText('Prospecting → Proposal')).toBeVisible();
  await expect(page.getByText('moved 1 time')).toBeVisible();
});

test('closing a deal as won shows on the Team screen this period', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  const api = (name: string, body: object) => page.request.post(`${workbench.url}api/${name}`, { data: body }).then((r) => r.json());
  const rep = await api('reps.create', { name: 'Tom Berg', role: 'field', quota: 100000 });
  const today = (await api('app.info', {})).value.today as string;
  const deal = await api('deals.create', { repId: rep.value.id, accountName: 'Globex', name: 'Globex renewal', stage: 'Negotiation', amount: 25000, createdDate: today });
  await page.goto(`${workbench.url}#/deals/${deal.value.id}`);
  await page.getByRole('button', { name: 'Close as won' }).click();
  const dialog = page.getByRole('dialog', { name: /Close “Globex renewal” as won/ });
  await screenshot(page, '06-close-deal');
  await dialog.getByRole('button', { name: 'Close as won' }).click();
  await expect(page.getByText('Won', { exact: true }).first()).toBeVisible();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Team' }).click();
  const row = page.getByTestId('team-row-Tom Berg');
  await expect(row).toContainText('$25,000');
  await expect(row).toContainText('25%');
});

test('archive asks first, then offers Undo', async ({ page, workbench }) => {
  await page.request.post(`${workbench.url}api/reps.create`, { data: { name: 'Lee Park', role: 'sdr', quota: 0 } });
  await page.goto(`${workbench.url}#/team`);
  await page.getByRole('button', { name: 'Archive Lee Park' }).click();
  const confirm = page.getByRole('dialog', { name: 'Archive Lee Park?' });
  await expect(confirm).toContainText('kept');
  await screenshot(page, '07-archive-confirm');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('team-row-Lee Park')).toBeVisible();
  await page.getByRole('button', { name: 'Archive Lee Park' }).click();
  await page.getByRole('dialog', { name: 'Archive Lee Park?' }).getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByTestId('team-row-Lee Park')).toBeHidden();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('team-row-Lee Park')).toBeVisible();
});

test('keyboard: N opens the form, Esc closes it, arrows and Enter open a rep', async ({ page, demoWorkbench }) => {
  await page.goto(`${demoWorkbench.url}#/team`);
  await expect(page.getByRole('table', { name: 'Team' })).toBeVisible();
  await page.keyboard.press('n');
  await expect(page.getByRole('dialog', { name: 'Add a rep' })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Add a rep' }).getByLabel('Name')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Add a rep' })).toBeHidden();
  const first = page.locator('table[aria-label="Team"] tbody tr[data-index="0"]');
  await first.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('table[aria-label="Team"] tbody tr[data-index="1"]')).toBeFocused();
  const name = await page.locator('table[aria-label="Team"] tbody tr[data-index="1"] a').innerText();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await screenshot(page, '08-rep-demo');
  await page.getByRole('table', { name: /deals$/ }).locator('tbody tr[data-index="0"] a').click();
  await expect(page.getByRole('heading', { name: 'Stage history' })).toBeVisible();
  await screenshot(page, '09-deal-demo');
  await page.keyboard.press('Control+,');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await screenshot(page, '10-settings');
});

test('the page makes no request outside 127.0.0.1', async ({ page, demoWorkbench }) => {
  const outside: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(demoWorkbench.url)) outside.push(r.url());
  });
  await page.goto(`${demoWorkbench.url}#/team`);
  await expect(page.getByRole('table', { name: 'Team' })).toBeVisible();
  await page.locator('table tbody tr[data-index="0"] a').first().click();
  await expect(page.getByRole('tab', { name: /Open/ })).toBeVisible();
  expect(outside).toEqual([]);
});
