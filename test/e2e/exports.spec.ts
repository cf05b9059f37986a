import fs from 'node:fs';
import { expect, screenshot, test } from './fixtures';

test('rep review export: the summary box is checked as it is typed and opens the document', async ({ page, demoWorkbench }) => {
  const reps = (await (await page.request.post(`${demoWorkbench.url}api/reps.list`, { data: {} })).json()).value as { id: number; name: string }[];
  const grace = reps.find((r) => r.name === 'Grace Okafor')!;
  await page.goto(`${demoWorkbench.url}#/reps/${grace.id}`);
  await page.getByRole('button', { name: 'Export review…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export a review of Grace Okafor' });
  const box = dialog.getByRole('textbox', { name: /Your summary/ });

  // Too long: said under the box, and Export waits until it fits.
  await box.fill('x'.repeat(1201));
  await expect(dialog.getByText('Your summary is too long: keep it to 1,200 characters')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Export' })).toBeDisabled();

  const words = 'Grace builds more pipeline than anyone.\n\nWe work on the win rate next: the seven value-proposition tests before every proposal.';
  await box.fill(words);
  await expect(dialog.getByText(`${words.length} of 1,200 characters`)).toBeVisible();
  await dialog.getByRole('radio', { name: /Markdown/ }).check();
  await screenshot(page, '38-rep-review-export');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const md = fs.readFileSync(await (await download).path(), 'utf8');
  // The summary comes first, in the manager's words, then the numbers and the top risks.
  const summary = md.slice(md.indexOf('## Summary'), md.indexOf('## Pipeline metrics'));
  expect(summary).toContain('> Grace builds more pipeline than anyone.\n>\n> We work on the win rate next: the seven value-proposition tests before every proposal.');
  expect(summary).toContain('| Coverage needed / actual |');
  expect(summary).toContain('### Top 3 risks by attention');
});
