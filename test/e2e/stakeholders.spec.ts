import { expect, screenshot, test } from './fixtures';

test('stakeholder map: add people, see the gatekeeper playbook and the consensus warnings; set the account on the ladder', async ({ page, workbench }) => {
  const api = async (name: string, data: object) => (await (await page.request.post(`${workbench.url}api/${name}`, { data })).json()).value;
  const rep = await api('reps.create', { name: 'Sam Ortiz', role: 'field', quota: 300000 });
  const today = (await api('app.info', {})).today;
  const deal = await api('deals.create', { repId: rep.id, accountName: 'Initech', name: 'Initech platform', stage: 'Discovery', amount: 240000, createdDate: today });
  await page.goto(`${workbench.url}#/deals/${deal.id}`);
  const card = page.getByRole('region', { name: /^Stakeholders/ });
  await expect(card.getByText('Single-threaded: build consensus beyond one contact.')).toBeVisible();

  const add = async (name: string, role: string, extra?: () => Promise<void>) => {
    await card.getByRole('button', { name: 'Add' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a stakeholder' });
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('Role in the decision').selectOption({ label: role });
    await extra?.();
    await dialog.getByRole('button', { name: 'Add stakeholder' }).click();
    await expect(dialog).toBeHidden();
  };
  await add('Bill Lumbergh', 'Champion');
  await add('Peter Gibbons', 'Champion');
  await expect(card.getByText(/Champion only on an enterprise-wide deal/)).toBeVisible();
  await add('Milton Waddams', 'Mid-level contact', async () => {
    const dialog = page.getByRole('dialog', { name: 'Add a stakeholder' });
    await dialog.getByLabel('Nudges sent').fill('5');
  });
  await expect(card.getByTestId('stakeholder-Milton Waddams')).toContainText('5 polite nudges and still no meeting with the boss');
  await expect(card.getByText(/Champion only/)).toBeHidden();
  await expect(card.getByText('No decision maker identified.')).toBeVisible();
  await screenshot(page, '26-stakeholders');

  const flags = (await api('deals.flags', { id: deal.id })).map((f: any) => f.code);
  expect(flags).toContain('no_decision_maker');
  expect(flags).not.toContain('single_threaded');

  const ladder = page.getByRole('region', { name: /from vendor to trusted advisor/ });
  await ladder.getByLabel('Ladder level').selectOption({ label: 'Vendor' });
  for (const s of ['They call us before they decide', 'They ask our advice outside our own domain', 'They initiate contact themselves']) {
    await ladder.getByLabel(s).check();
  }
  await ladder.getByRole('button', { name: 'Save' }).click();
  await expect(ladder.getByText(/3 of 4 signs of a trusted advisor are seen/)).toBeVisible();
  await expect(ladder.getByText(/History: .* Vendor/)).toBeVisible();
});
