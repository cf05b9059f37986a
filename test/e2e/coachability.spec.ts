import { expect, screenshot, test } from './fixtures';

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

test('coachability: one bad day is a watch; sustained signs make a pattern; the cautions gate the conclusion', async ({ page, demoWorkbench }) => {
  const api = async (name: string, data: object) => (await (await page.request.post(`${demoWorkbench.url}api/${name}`, { data })).json()).value;
  const today = (await api('app.info', {})).today as string;
  const rep = (await api('reps.list', {})).find((r: any) => r.name === 'Daniel Bergstrom');
  const status = async () => (await api('coachability.rep', { repId: rep.id })).judgement.status as string;
  expect(await status()).toBe('fine');

  await page.goto(`${demoWorkbench.url}#/reps/${rep.id}`);
  const panel = page.getByRole('region', { name: /^Coachability/ });
  await expect(panel.getByText('Coachable', { exact: true })).toBeVisible();

  // One bad day, recorded through the quick-entry dialog with the keyboard-friendly grid.
  const record = async (date: string) => {
    await panel.getByRole('button', { name: 'Record observation' }).click();
    const dialog = page.getByRole('dialog', { name: `Observation: ${rep.name}` });
    await dialog.getByLabel('Date').fill(date);
    await dialog.getByRole('radio', { name: 'Not open to feedback: All the time' }).check();
    await dialog.getByRole('radio', { name: 'Resists change, slips back: Often' }).check();
    await dialog.getByLabel('Evidence for Not open to feedback').fill('Argued with every point of the call review.');
    await dialog.getByRole('button', { name: 'Record' }).click();
    await expect(dialog).toBeHidden();
  };
  await record(addDays(today, -35));
  await expect(panel.getByText('Watch', { exact: true })).toBeVisible();
  await expect(panel.getByText(/One bad day is not a pattern/)).toBeVisible();
  await screenshot(page, '21-coachability-watch');

  // Sustained over weeks: a pattern, but no conclusion until the cautions are answered.
  await record(addDays(today, -21));
  await record(addDays(today, -7));
  await expect(panel.getByText('Pattern: check cautions')).toBeVisible();
  await expect(panel.getByText(/Answer 4 caution questions before drawing a conclusion/)).toBeVisible();
  const cautions = panel.getByRole('form', { name: 'Cautions before concluding' });
  await cautions.getByLabel('Could it be a skills or aptitude gap rather than unwillingness to learn?').selectOption('no');
  await cautions.getByLabel('Could my coaching approach be the problem?').selectOption('no');
  await cautions.getByLabel('Is there a relationship of trust between us?').selectOption('yes');
  await cautions.getByLabel('Has another coach been tried?').selectOption('no');
  await cautions.getByRole('button', { name: 'Save answers' }).click();
  await expect(panel.getByText('Other cause open')).toBeVisible();
  await expect(panel.getByText(/no other coach has been tried/)).toBeVisible();
  await cautions.getByLabel('Has another coach been tried?').selectOption('yes');
  await cautions.getByRole('button', { name: 'Save answers' }).click();
  await expect(panel.getByText('Uncoachable pattern')).toBeVisible();
  expect(await status()).toBe('uncoachable');
  await expect(panel.locator('figure.sign-chart')).toHaveCount(7);
  await screenshot(page, '22-coachability-pattern');

  // Team view: most concerning first, with the date of the last observation.
  await page.goto(`${demoWorkbench.url}#/coachability`);
  const rows = page.locator('table[aria-label="Team coachability"] tbody tr');
  await expect(rows.first()).toContainText('Uncoachable pattern');
  await expect(page.getByTestId(`coach-${rep.name}`)).toContainText('Uncoachable pattern');
  await page.getByRole('button', { name: 'Assess myself' }).click();
  const self = page.getByRole('dialog', { name: 'Assess yourself' });
  await self.getByRole('radio', { name: 'Bad listener: Sometimes' }).check();
  await self.getByRole('button', { name: 'Record' }).click();
  await expect(page.getByText('Self-assessment recorded.')).toBeVisible();
  await screenshot(page, '23-coachability-team');
});

test('coachability thresholds are editable in Settings and never allow one entry to be a pattern', async ({ page, demoWorkbench }) => {
  await page.goto(`${demoWorkbench.url}#/settings`);
  const form = page.getByRole('form', { name: 'Coachability pattern' });
  await form.getByLabel('Concerning observations needed').fill('1');
  await form.getByRole('button', { name: 'Save coachability thresholds' }).click();
  await expect(form.getByText('Concerning observations must be at least 2: one entry is never a pattern.')).toBeVisible();
  await form.getByLabel('Concerning observations needed').fill('6');
  await form.getByRole('button', { name: 'Save coachability thresholds' }).click();
  await expect(page.getByText('Coachability thresholds saved.')).toBeVisible();
  const team = (await (await page.request.post(`${demoWorkbench.url}api/coachability.team`, { data: {} })).json()).value;
  // Hiro has 5 concerning observations: below the new 6, so no longer a pattern.
  expect(team.find((r: any) => r.name === 'Hiro Lindqvist').judgement.status).toBe('watch');
});
