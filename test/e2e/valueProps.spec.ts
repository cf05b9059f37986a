import { expect, screenshot, test } from './fixtures';

test('value proposition: assess a big late-stage deal and its flag leaves the pipeline', async ({ page, demoWorkbench }) => {
  const api = async (name: string, data: object) => (await (await page.request.post(`${demoWorkbench.url}api/${name}`, { data })).json()).value;
  const gap = (await api('pipeline.open', {})).deals.find((d: any) => d.flags.includes('value_prop_gap'));
  expect(gap).toBeTruthy();
  await page.goto(`${demoWorkbench.url}#/pipeline`);
  await page.getByLabel('Filter by flag').selectOption('value_prop_gap');
  await expect(page.getByTestId(`pipe-row-${gap.id}`)).toBeVisible();

  await page.goto(`${demoWorkbench.url}#/deals/${gap.id}`);
  const card = page.getByRole('region', { name: /^Value proposition/ });
  await card.getByRole('button', { name: /^(Re-assess|Assess)$/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Assess the value proposition' });
  await dialog.getByLabel('The value proposition, as the rep puts it').fill('Halve their planning time by Q2, measured in hours per cycle; only we integrate with their planning system.');
  for (const t of ['Different', 'Compelling', 'Tailored', 'Measurable', 'Time-bound', 'Easy to remember', 'Defendable']) {
    await dialog.getByRole('radio', { name: `${t}: Pass` }).check();
  }
  await dialog.getByLabel('Evidence for Measurable').fill('Hours per planning cycle, baseline 40.');
  await screenshot(page, '24-value-prop-assess');
  await dialog.getByRole('button', { name: 'Save assessment' }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByText('7 / 7')).toBeVisible();
  await screenshot(page, '25-value-prop-deal');

  await page.goto(`${demoWorkbench.url}#/pipeline`);
  await page.getByLabel('Filter by flag').selectOption('value_prop_gap');
  await expect(page.getByTestId(`pipe-row-${gap.id}`)).toHaveCount(0);
  await page.goto(demoWorkbench.url);
  await expect(page.getByRole('heading', { name: 'Value propositions: what fails most' })).toBeVisible();
});
