import fs from 'node:fs';
import { expect, screenshot, test } from './fixtures';

test('team development: top vs rest, a 60-day plan that shows on the next one-on-one agenda, and the team review export', async ({ page, demoWorkbench }) => {
  await page.goto(`${demoWorkbench.url}#/development`);
  await expect(page.getByRole('heading', { name: 'Team development', level: 1 })).toBeVisible();
  const tvr = page.getByRole('region', { name: 'Top performers and the rest' });
  await expect(tvr.getByText(/The top 2 of 9 reps \(20 %\)/)).toBeVisible();
  await expect(tvr.getByRole('table', { name: 'Drivers, top group vs the rest' }).getByRole('row')).toHaveCount(8);
  await expect(page.getByTestId('proj-matched')).toContainText('$');
  // The demo's running plans and the manager's own placement.
  await expect(page.getByTestId('plan-Grace Okafor')).toContainText('Value-proposition pass rate and Win rate');
  await expect(page.getByTestId('plan-Grace Okafor')).toContainText('Day 36 of 60');
  await expect(page.getByRole('combobox', { name: 'Your judgement of Hiro Lindqvist' })).toHaveValue('talent_not_effort');
  await screenshot(page, '34-development');

  // Kwame has no plan: start one on the suggested drivers.
  const kwame = page.getByTestId('plan-Kwame Nakamura');
  await kwame.getByRole('button', { name: 'Start a plan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Development plan for Kwame Nakamura' });
  await expect(dialog.getByText('suggested').first()).toBeVisible();
  await dialog.getByLabel('Length in days').fill('30');
  await dialog.getByLabel('What you will both do').fill('Map three stakeholders on every deal over $50k.');
  await screenshot(page, '35-development-plan');
  await dialog.getByRole('button', { name: 'Start the plan' }).click();
  await expect(dialog.getByText(/must be at least 60 days/)).toBeVisible();
  await dialog.getByLabel('Length in days').fill('60');
  await dialog.getByRole('button', { name: 'Start the plan' }).click();
  await expect(dialog).toBeHidden();
  await expect(kwame).toContainText('Day 1 of 60');
  const drivers = (await kwame.locator('.plan-body strong').first().innerText()).split(' and ');

  // The manager's own placement, with a note.
  await page.getByRole('combobox', { name: 'Your judgement of Kwame Nakamura' }).selectOption('effort_learning');
  await page.getByRole('textbox', { name: 'Why, for Kwame Nakamura' }).fill('Works every lead; single-threads the big ones.');
  await page.getByTestId('te-Kwame Nakamura').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Placed Kwame Nakamura: working hard, still learning.')).toBeVisible();

  // The next one-on-one proposes the plan.
  await kwame.getByRole('link', { name: 'Kwame Nakamura' }).click();
  await expect(page.getByRole('region', { name: 'Development plan' })).toContainText('Day 1 of 60');
  await screenshot(page, '37-rep-development');
  await page.getByRole('button', { name: /(Prepare|Schedule) the next one-on-one/ }).click();
  await expect(page.getByRole('heading', { name: 'One-on-one with Kwame Nakamura', level: 1 })).toBeVisible();
  await page.keyboard.press('p');
  const prep = page.getByRole('region', { name: /Prepared from the data/ });
  const item = prep.locator('li', { hasText: /^Development (focus|check-in)/ });
  await expect(item).toContainText(drivers.map((d) => d.toLowerCase()).join(' and '));
  await expect(item).toContainText('of 60)');
  await screenshot(page, '36-development-on-agenda');

  // The team review, as Markdown, read back.
  await page.goto(`${demoWorkbench.url}#/development`);
  await page.getByRole('button', { name: /Export team review/ }).click();
  const exp = page.getByRole('dialog', { name: 'Export a team review' });
  await exp.getByRole('radio', { name: /Markdown/ }).check();
  const download = page.waitForEvent('download');
  await exp.getByRole('button', { name: 'Export' }).click();
  const file = await (await download).path();
  const md = fs.readFileSync(file, 'utf8');
  expect(md).toMatch(/^# Team review: /);
  expect(md).toContain('## Top performers and the rest');
  expect(md).toMatch(/^\| \*\*Kwame Nakamura\*\* \| .* — day 1 of 60; .* \|$/m);
  // Talent and effort: the manager's placement agrees with the data's here, so no numbers beside it.
  expect(md).toContain('| Working hard, still learning — Agrees with the data. “Works every lead; single-threads the big ones.” | — |');
});
