import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { expect, screenshot, test } from './fixtures';

test('one-on-one: prepare from the data, run it, present, close and lock; unfinished items carry forward', async ({ page, demoWorkbench }) => {
  const api = async (name: string, data: object) => (await (await page.request.post(`${demoWorkbench.url}api/${name}`, { data })).json()).value;
  const reps = await api('reps.list', {});
  const rep = reps.find((r: any) => r.name === 'Nikhil Fischer') ?? reps[0];
  await page.goto(`${demoWorkbench.url}#/reps/${rep.id}`);
  await expect(page.getByRole('heading', { name: 'One-on-ones' })).toBeVisible();
  // The next planned meeting if there is one, else a new one at the rep's cadence.
  await page.getByRole('button', { name: /(Prepare|Schedule) the next one-on-one/ }).click();
  await expect(page.getByRole('heading', { name: `One-on-one with ${rep.name}`, level: 1 })).toBeVisible();

  // Prepare: proposals from the data, ranked, timed and fitted to the meeting's 30 minutes.
  await page.keyboard.press('p');
  const prep = page.getByRole('region', { name: /Prepared from the data/ });
  await expect(prep).toBeVisible();
  await expect(prep.getByText(/How do you know/).first()).toBeVisible();
  await expect(prep.getByRole('heading', { name: /^Fits in the meeting/ })).toBeVisible();
  await expect(prep.getByText(/ of 30 minutes\.$/)).toBeVisible();
  await screenshot(page, '18-one-on-one-prepare');
  const rows = prep.locator('.proposal-list > li');
  const proposed = await rows.count();
  expect(proposed).toBeGreaterThan(2);
  const ticked = await prep.locator('.proposal-list input[type=checkbox]:checked').count();
  expect(ticked).toBeGreaterThan(1);
  const agenda = page.locator('ol.agenda > li');
  const existing = await agenda.count();
  expect(existing + ticked).toBeLessThanOrEqual(Math.max(7, existing));
  // "Not this time" takes one off the list for this meeting.
  const dismissed = (await rows.last().locator('strong').first().innerText()).trim();
  await rows.last().getByRole('button', { name: /^Not this time/ }).click();
  await expect(rows).toHaveCount(proposed - 1);
  await expect(prep.getByText(dismissed, { exact: true })).toHaveCount(0);
  // Leave the first ticked proposal out, accept the other ticked ones.
  await prep.locator('.proposal-list input[type=checkbox]:checked').first().uncheck();
  await prep.getByRole('button', { name: `Add ${ticked - 1} to the agenda` }).click();
  await expect(agenda).toHaveCount(existing + ticked - 1);
  const before = existing + ticked - 1;
  // Prepared again: what was turned down does not come back.
  await page.keyboard.press('p');
  await expect(prep.getByText(dismissed, { exact: true })).toHaveCount(0);

  // Run: the rep's own talking point, notes, reorder, done.
  await page.getByPlaceholder(`${rep.name}’s talking point…`).fill('Wants help with the Q1 territory plan');
  await page.getByPlaceholder(`${rep.name}’s talking point…`).press('Enter');
  await expect(agenda).toHaveCount(before + 1);
  await expect(agenda.last()).toContainText('rep’s point');
  await agenda.first().getByPlaceholder('Notes…').fill('Agreed to re-qualify both stale deals by Friday.');
  await agenda.first().getByPlaceholder('Notes…').blur();
  const firstTitle = await agenda.first().locator('.agenda-title').innerText();
  await agenda.first().getByRole('button', { name: /^Move down/ }).click();
  await expect(agenda.nth(1).locator('.agenda-title')).toHaveText(firstTitle);
  await agenda.nth(1).getByRole('checkbox').check();

  // A commitment agreed in the room, and the private note.
  await page.getByRole('region', { name: /^Commitments/ }).getByRole('button', { name: 'Add a commitment' }).click();
  await page.getByLabel('Commitment', { exact: true }).fill('Book a call with the economic buyer at Foxglove');
  await page.getByRole('button', { name: 'Save the commitment' }).click();
  await expect(page.getByText('Book a call with the economic buyer at Foxglove')).toBeVisible();
  await page.getByRole('textbox', { name: 'Private note' }).fill('Seemed tired; ask about workload next time.');
  await page.getByRole('textbox', { name: 'Private note' }).blur();

  // Presenting: a full-window view for a shared screen. Hidden means absent: no sidebar, no
  // private note, prompt or coachability item, no link or key that leads out, nothing of other reps.
  await expect(page.getByRole('textbox', { name: 'Private note' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Private note' }).blur();
  await page.getByRole('button', { name: /^Present to / }).click();
  await expect(page.getByRole('button', { name: 'Stop presenting' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toHaveCount(0);
  await expect(page.locator('main a[href]')).toHaveCount(0);
  await expect(page.locator('.agenda-detail')).toHaveCount(0);
  const html = await page.content();
  expect(html).not.toContain('Seemed tired');
  for (const other of reps.filter((r: any) => r.id !== rep.id)) expect(html, other.name).not.toContain(other.name);
  const shared = await api('oneOnOnes.get', { id: Number(new URL(page.url()).hash.split('/').pop()), presenting: true });
  expect(JSON.stringify(shared)).not.toContain('Seemed tired');
  // No key opens search or another section while presenting.
  await page.keyboard.press('Control+k');
  await page.keyboard.press('/');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.keyboard.press('g');
  await page.keyboard.press('7');
  await expect(page.getByRole('button', { name: 'Stop presenting' })).toBeVisible();
  await screenshot(page, '19-one-on-one-presenting');
  await page.getByRole('button', { name: 'Stop presenting' }).click();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Private note' })).toHaveValue('Seemed tired; ask about workload next time.');

  // Close and lock (a meeting planned for a later day is moved to today first, after asking):
  // unfinished items that are still true carry forward to the next meeting.
  const unfinished = (await api('oneOnOnes.get', { id: Number(new URL(page.url()).hash.split('/').pop()) })).items.filter((i: any) => !i.done);
  await page.getByRole('button', { name: 'Close and lock' }).click();
  await page.getByRole('dialog', { name: /^Close (and lock )?this one-on-one/ }).getByRole('button', { name: /^(Move to today and close|Close and lock)$/ }).click();
  await expect(page.getByText(/^Closed\. Unfinished items carried to/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Unlock…' })).toBeVisible();
  await expect(page.getByPlaceholder('Notes…')).toHaveCount(0);
  await expect(page.getByText('Agreed to re-qualify both stale deals by Friday.')).toBeVisible();
  await screenshot(page, '20-one-on-one-closed');

  const thisId = Number(new URL(page.url()).hash.split('/').pop());
  const ours = new Set((await api('oneOnOnes.get', { id: thisId })).items.map((i: any) => i.id));
  const next = (await api('oneOnOnes.list', { repId: rep.id })).find((m: any) => m.status === 'planned');
  const carried = (await api('oneOnOnes.get', { id: next.id })).items.filter((i: any) => ours.has(i.carriedFromId));
  // Every unfinished item but last week's activity count (the next Prepare counts afresh).
  expect(carried.map((i: any) => i.title).sort()).toEqual(unfinished.filter((i: any) => i.sourceKind !== 'new_opps').map((i: any) => i.title).sort());
  expect(before).toBeGreaterThan(carried.length - 1);
  expect(carried.some((i: any) => i.title === 'Wants help with the Q1 territory plan')).toBe(true);

  // Export: Markdown and PDF downloads, read back; the private note only on request.
  const exportAs = async (format: 'Markdown' | 'PDF', includePrivate: boolean) => {
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export this one-on-one' });
    await dialog.getByRole("radio", { name: new RegExp(`^${format}`) }).check();
    // The rep's copy is the default; the manager's copy has the private note and the prompts.
    await expect(dialog.getByRole('radio', { name: /^For the rep/ })).toBeChecked();
    if (includePrivate) {
      await dialog.getByRole('radio', { name: /^Manager’s copy/ }).check();
      await expect(dialog.getByText('Private material will be in the file.')).toBeVisible();
      await screenshot(page, '20b-one-on-one-export-manager-copy');
    }
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
    await expect(dialog).toBeHidden();
    const file = await download.path();
    return format === 'PDF' ? execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }) : fs.readFileSync(file, 'utf8');
  };
  const md = await exportAs('Markdown', false);
  expect(md).toMatch(new RegExp(`^# One-on-one: ${rep.name}`, 'm'));
  expect(md).toContain('Agreed to re-qualify both stale deals by Friday.');
  expect(md).toContain('Book a call with the economic buyer at Foxglove');
  expect(md).not.toContain('Seemed tired');
  const pdf = await exportAs('PDF', false);
  expect(pdf).toContain(rep.name);
  expect(pdf).toContain('Book a call with the economic buyer');
  expect(pdf).not.toContain('Seemed tired');
  const privatePdf = await exportAs('PDF', true);
  expect(privatePdf).toContain('Seemed tired; ask about workload next time.');

  // Unlock asks why and records it.
  await page.getByRole('button', { name: 'Unlock…' }).click();
  await page.getByLabel('Why are you changing a closed meeting?').fill('Add the date the rep confirmed');
  await page.getByRole('dialog', { name: 'Unlock this one-on-one' }).getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText('“Add the date the rep confirmed”')).toBeVisible();
});
