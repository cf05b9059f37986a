import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, screenshot, test } from './fixtures';

// axe is injected into the page; the page's strict CSP would refuse that script.
test.use({ bypassCSP: true });

/** Serious or critical WCAG 2.1 AA violations inside the open dialog. */
async function violations(page: import('@playwright/test').Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).include('dialog').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(r.passes.length).toBeGreaterThan(5); // axe really ran on the dialog
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

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
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  expect(await violations(page)).toEqual([]);

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

test('one-on-one export: the rep’s copy is the default, and the dialog passes the accessibility check', async ({ page, demoWorkbench }) => {
  const api = async (name: string, data: object) => (await (await page.request.post(`${demoWorkbench.url}api/${name}`, { data })).json()).value;
  const rep = ((await api('reps.list', {})) as { id: number; name: string }[]).find((r) => r.name === 'Mateo Eriksen')!;
  const closed = ((await api('oneOnOnes.list', { repId: rep.id })) as { id: number; status: string }[]).find((m) => m.status === 'closed')!;
  await page.goto(`${demoWorkbench.url}#/one-on-ones/${closed.id}`);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export this one-on-one' });
  await expect(dialog.getByRole('radio', { name: 'For the rep (no private note, no coaching prompts)' })).toBeChecked();
  await expect(dialog.getByText('Private material will be in the file.')).toHaveCount(0);
  expect(await violations(page)).toEqual([]);
  await dialog.getByRole('radio', { name: 'Manager’s copy (with the private note and coaching prompts)' }).check();
  await expect(dialog.getByText('Private material will be in the file.')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});
