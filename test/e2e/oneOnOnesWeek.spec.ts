import fs from 'node:fs';
import { expect, screenshot, test } from './fixtures';

test('one-on-ones week: who is due, prepare the week, the prep pack and the calendar file', async ({ page, demoWorkbench }) => {
  const api = async (name: string, data: object) => (await (await page.request.post(`${demoWorkbench.url}api/${name}`, { data })).json()).value;
  await page.goto(demoWorkbench.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  // G then 3: the One-on-ones section, third in the sidebar.
  await page.keyboard.press('g');
  await page.keyboard.press('3');
  await expect(page).toHaveURL(/#\/one-on-ones$/);
  await expect(page.getByRole('heading', { level: 1, name: 'One-on-ones' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'One-on-ones' })).toHaveAttribute('aria-current', 'page');

  const week = await api('oneOnOnes.week', {});
  const active = (await api('reps.list', {})).filter((r: any) => r.status !== 'archived');
  const rows = page.getByRole('table', { name: 'One-on-ones by rep' }).locator('tbody tr');
  await expect(rows).toHaveCount(active.length);
  // Most urgent first, in the order the core ranked them, each with its state's label.
  await expect(rows.locator('th')).toHaveText(week.reps.map((r: any) => r.repName));
  await screenshot(page, '19b-one-on-ones-week');

  // Prepare the week: every meeting planned this week gets what fits its length.
  const planned = week.reps.flatMap((r: any) => r.toHold.filter((m: any) => m.date >= week.from && m.date <= week.to).map((m: any) => m.id));
  await page.getByRole('button', { name: 'Prepare the week' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Prepared|nothing to prepare/ })).toBeVisible();
  for (const id of planned) {
    const d = await api('oneOnOnes.get', { id });
    expect(d.items.length, `meeting ${id}`).toBeGreaterThan(0);
    expect(d.items.length).toBeLessThanOrEqual(12);
  }

  // The calendar file: one event per planned meeting from today on, nothing private in it.
  const lists = await Promise.all(active.map((r: any) => api('oneOnOnes.list', { repId: r.id })));
  const today = week.today;
  const upcoming = lists.flat().filter((m: any) => m.status === 'planned' && m.meetingDate >= today);
  const [ics] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Calendar (.ics)' }).click()]);
  expect(ics.suggestedFilename()).toBe(`one-on-ones-${today}.ics`);
  const text = fs.readFileSync((await ics.path())!, 'utf8');
  expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(text.match(/^BEGIN:VEVENT\r$/gm)?.length ?? 0).toBe(upcoming.length);
  for (const m of upcoming) expect(text).toContain(`UID:one-on-one-${m.id}@sales-manager-workbench`);
  for (const m of lists.flat()) if (m.privateNote) expect(text).not.toContain(m.privateNote.slice(0, 20));

  // The prep pack as Markdown: each meeting this week, its agenda and last commitments.
  const [md] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Prep pack (Markdown)' }).click()]);
  expect(md.suggestedFilename()).toBe(`prep-pack-${week.from}.md`);
  const pack = fs.readFileSync((await md.path())!, 'utf8');
  for (const r of week.reps.filter((x: any) => x.toHold.some((m: any) => m.date >= week.from))) expect(pack).toContain(`## ${r.repName} · `);
  expect(pack).toContain('### Agenda');
  expect(pack).toContain('Private notes:** Not included');

  // Next week and back; T returns to this week.
  await page.keyboard.press(']');
  await expect(page.getByText(/^Week of .* to /)).not.toContainText('(this week)');
  await page.keyboard.press('t');
  await expect(page.getByText(/^Week of .* to /)).toContainText('(this week)');

  // One click from Prepare: a rep due with nothing planned gets a meeting on their cadence, prepared.
  const due = (await api('oneOnOnes.week', {})).reps.find((r: any) => r.toHold.length === 0 && r.after === null);
  expect(due, 'the demo has reps past their cadence with nothing planned').toBeTruthy();
  await page.getByRole('button', { name: `Plan and prepare the one-on-one with ${due.repName}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `One-on-one with ${due.repName}` })).toBeVisible();
  await expect(page.getByRole('region', { name: /Prepared from the data/ })).toBeVisible();
  await screenshot(page, '19c-one-on-ones-plan-and-prepare');
});
