import fs from 'node:fs';
import path from 'node:path';
import { expect, screenshot, test } from './fixtures';

const fixture = (name: string) => path.join(__dirname, '../fixtures/import', name);

test('import: a messy Salesforce report through the mapping screen, errors listed, valid rows land in the pipeline', async ({ page, demoWorkbench }) => {
  await page.goto(`${demoWorkbench.url}#/import`);
  await expect(page.getByRole('heading', { name: 'Import from your CRM' })).toBeVisible();
  await screenshot(page, '30-import-empty');
  await page.getByLabel('CSV file to import').setInputFiles(fixture('salesforce-report.csv'));

  await expect(page.getByText('Recognised: Salesforce report export')).toBeVisible();
  await expect(page.getByText(/The report footer Salesforce adds under the rows \(6 lines\) was left out/)).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Imports “Amount” as' })).toHaveValue('amount');
  await expect(page.getByRole('combobox', { name: 'Outcome of stage “Closed Won”' })).toHaveValue('won');
  await expect(page.getByRole('combobox', { name: 'Rep for owner “Jordan Reyes”' })).toHaveValue('new');
  await expect(page.getByTestId('count-rows')).toHaveText('11');
  await expect(page.getByTestId('count-errors')).toHaveText('2');
  await expect(page.getByTestId('count-duplicates')).toHaveText('1');
  const errors = page.getByRole('table', { name: 'Rows that cannot be imported' });
  await expect(errors.getByTestId('error-8-Amount')).toContainText('USD twelve');
  await expect(errors.getByTestId('error-8-Amount')).toContainText('is not an amount');
  await expect(errors.getByTestId('error-9-Close Date')).toContainText('13/31/2026');
  // A deal without an account is not an error: it is imported, and said so.
  await expect(page.getByTestId('fallback-no_account')).toHaveText('1 deal has no account yet (shown as “No account”; stakeholders wait until one is set).');

  // The mapping is the manager's: leave Next Step out of this import.
  await page.getByRole('combobox', { name: 'Imports “Next Step” as' }).selectOption('');
  await expect(page.getByRole('combobox', { name: 'Imports “Next Step” as' })).toHaveValue('');
  await screenshot(page, '31-import-mapping');

  await page.getByRole('button', { name: 'Import 8 valid rows, skip 2' }).click();
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('8 new, 0 updated, 0 unchanged, 2 rows skipped, 1 new rep.');
  await expect(result).toContainText('Backup taken before the import');
  await screenshot(page, '32-import-done');

  await result.getByRole('link', { name: 'Open the pipeline' }).click();
  await page.getByPlaceholder('Filter deals').fill('Northwind - Platform renewal');
  const row = page.getByRole('row', { name: /Northwind - Platform renewal/ });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Rafael Brennan');
  await page.getByPlaceholder('Filter deals').fill('Tailspin');
  await expect(page.getByRole('row', { name: /Tailspin - New logo.*Jordan Reyes/ })).toBeVisible();
  await page.getByPlaceholder('Filter deals').fill('Litware');
  await expect(page.getByRole('row', { name: /Litware/ })).toHaveCount(0);
  await page.getByPlaceholder('Filter deals').fill('Blank account deal');
  await expect(page.getByRole('row', { name: /Blank account deal.*No account/ })).toBeVisible();
});

test('import: a dropped European file asks for the date order and a stage outcome, then imports; nothing on "Import nothing"', async ({ page, demoWorkbench }) => {
  await page.goto(`${demoWorkbench.url}#/import`);
  // Drop the file on the drop zone, as from the desktop.
  const bytes = JSON.stringify([...fs.readFileSync(fixture('eu-semicolon.csv'))]);
  // Runs in the page (a string, as the test's own TypeScript has no DOM types).
  const dt = await page.evaluateHandle(
    `(() => { const t = new DataTransfer(); t.items.add(new File([new Uint8Array(${bytes})], 'eu-semicolon.csv', { type: 'text/csv' })); return t; })()`,
  );
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: dt });

  const dates = page.getByRole('region', { name: 'How are dates written?' });
  await expect(dates).toBeVisible();
  await expect(page.getByText(/Windows-1252, separated by semicolons/)).toBeVisible();
  await expect(page.getByRole('button', { name: /^Import/ }).last()).toBeDisabled();
  await dates.getByRole('radio', { name: /^Day first: 03\/04\/2027 is 3 April 2027/ }).check();
  // "Gewonnen" is read as won from its name; the manager could still say otherwise.
  await expect(page.getByRole('combobox', { name: 'Outcome of stage “Gewonnen”' })).toHaveValue('won');
  await expect(page.getByTestId('count-errors')).toHaveText('0');
  await expect(page.getByTestId('count-create')).toHaveText('3');
  await screenshot(page, '33-import-dates');

  // Import nothing: back to the start, and the store is untouched.
  await page.getByRole('button', { name: 'Import nothing' }).click();
  await expect(page.getByTestId('drop-zone')).toBeVisible();
  const api = async (name: string, data: object) => (await (await page.request.post(`${demoWorkbench.url}api/${name}`, { data })).json()).value;
  const names = (await api('accounts.names', {})) as string[];
  expect(names).not.toContain('Müller GmbH');

  await page.getByLabel('CSV file to import').setInputFiles(fixture('eu-semicolon.csv'));
  await page.getByRole('region', { name: 'How are dates written?' }).getByRole('radio', { name: /^Day first/ }).check();
  await page.getByRole('checkbox', { name: /Save this mapping/ }).check();
  await page.getByRole('textbox', { name: 'Name of the saved mapping' }).fill('EU team export');
  await page.getByRole('button', { name: 'Import 3 rows' }).click();
  await expect(page.getByTestId('import-result')).toContainText('3 new, 0 updated');
  expect((await api('accounts.names', {})) as string[]).toContain('Müller GmbH');
  const muller = ((await api('deals.listByRep', { repId: (await api('reps.list', {})).find((r: { name: string }) => r.name === 'Rafael Brennan').id, outcome: 'all' })) as { name: string; currency: string }[]).find((d) => d.name === 'Müller – Rollout');
  expect(muller?.currency).toBe('EUR');

  // The next file with the same columns is recognised.
  await page.getByRole('button', { name: 'Import another file' }).click();
  await expect(page.getByRole('region', { name: 'Saved mappings' })).toContainText('EU team export');
  await page.getByLabel('CSV file to import').setInputFiles(fixture('eu-semicolon.csv'));
  await expect(page.getByText('Your saved mapping “EU team export”')).toBeVisible();
  await expect(page.getByTestId('count-update')).toHaveText('3');
});

test('import: a Russian Bitrix24 export with owner ids and closed deals without dates, answered on the screen', async ({ page, demoWorkbench }) => {
  await page.goto(`${demoWorkbench.url}#/import`);
  await page.getByLabel('CSV file to import').setInputFiles(fixture('bitrix-deals-ru.csv'));
  await expect(page.getByRole('combobox', { name: 'Imports “Стадия сделки” as' })).toHaveValue('stage');
  await expect(page.getByRole('combobox', { name: 'Outcome of stage “C6:WON”' })).toHaveValue('won');
  await expect(page.getByRole('combobox', { name: 'Outcome of stage “Сделка провалена”' })).toHaveValue('lost');
  const importButton = page.getByRole('button', { name: /^Import \d/ });
  await expect(importButton).toBeDisabled();
  await expect(page.getByRole('status', { name: 'Before importing' })).toContainText('Choose the rep for 2 owners that are an id or e-mail in the CRM: “17”, “23”.');
  await expect(page.getByTestId('count-waiting')).toHaveText('4');
  await screenshot(page, '50-import-owner-ids');

  await page.getByRole('combobox', { name: 'Rep for owner “17”' }).selectOption({ label: 'Grace Okafor' });
  await page.getByRole('combobox', { name: 'Rep for owner “23”' }).selectOption('other');
  await page.getByRole('textbox', { name: 'Name of the new rep for “23”' }).fill('Pavel Orlov');
  await page.getByRole('textbox', { name: 'Name of the new rep for “23”' }).press('Enter');
  await expect(page.getByRole('status', { name: 'Before importing' })).toHaveCount(0);
  await expect(page.getByTestId('count-errors')).toHaveText('3'); // closed without a close date, until a date is chosen
  await page.getByLabel('Won or lost deals without a close date (3) take').selectOption({ label: 'the date in “Дата изменения”' });
  await expect(page.getByTestId('count-errors')).toHaveText('0');
  await expect(page.getByTestId('fallback-closed_date_from_column')).toHaveText('3 won or lost deals have no close date and take it from “Дата изменения”.');
  await screenshot(page, '51-import-answered');

  await page.getByRole('button', { name: 'Import 8 rows' }).click();
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('8 new, 0 updated, 0 unchanged, 0 rows skipped, 2 new reps.');
  await expect(result).toContainText('8 deals have no account yet');

  // A deal without an account: "No account" on its page, the stakeholder map waits for one.
  await result.getByRole('link', { name: 'Open the pipeline' }).click();
  await page.getByPlaceholder('Filter deals').fill('Аудит безопасности');
  await page.getByRole('link', { name: 'Аудит безопасности', exact: true }).click();
  await expect(page.getByText('No account · В работе')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Stakeholders and the account ladder' })).toContainText('This deal has no account yet.');
  await screenshot(page, '52-deal-no-account');
});

test('import: a database dump without a header, and a stage nobody can read, answered on the screen', async ({ page, demoWorkbench }) => {
  await page.goto(`${demoWorkbench.url}#/import`);
  await page.getByLabel('CSV file to import').setInputFiles(fixture('vtiger-dump.csv'));
  await expect(page.getByRole('checkbox', { name: /The first row holds column names/ })).not.toBeChecked();
  await expect(page.getByText('it looks like data, so the columns are numbered')).toBeVisible();
  const fields: [string, string][] = [['Column 1', 'externalId'], ['Column 3', 'name'], ['Column 4', 'accountName'], ['Column 5', 'amount'], ['Column 6', 'closeDate'], ['Column 7', 'stage'], ['Column 8', 'owner'], ['Column 9', 'createdDate']];
  for (const [column, field] of fields) await page.getByRole('combobox', { name: `Imports “${column}” as` }).selectOption(field);
  await expect(page.getByRole('combobox', { name: 'Outcome of stage “Proposal/Price Quote”' })).toHaveValue('open:Proposal');
  for (const owner of ['5', '6']) await page.getByRole('combobox', { name: `Rep for owner “${owner}”` }).selectOption({ label: 'Rafael Brennan' });
  await expect(page.getByTestId('count-create')).toHaveText('5');
  await screenshot(page, '53-import-headerless');
  await page.getByRole('button', { name: 'Import 5 rows' }).click();
  await expect(page.getByTestId('import-result')).toContainText('5 new');

  // A Spanish export with a stage nobody can read: asked, never imported as open silently.
  await page.getByRole('button', { name: 'Import another file' }).click();
  await page.getByLabel('CSV file to import').setInputFiles(fixture('crm-es.csv'));
  await expect(page.getByRole('combobox', { name: 'Outcome of stage “Congelado”' })).toHaveValue('');
  await expect(page.getByRole('combobox', { name: 'Outcome of stage “Descartada”' })).toHaveValue('lost');
  await expect(page.getByRole('button', { name: /^Import \d/ })).toBeDisabled();
  await screenshot(page, '54-import-unread-stage');
  await page.getByRole('button', { name: 'Import it as open' }).click();
  await page.getByLabel('Won or lost deals without a close date (1) take').selectOption({ label: 'their created date' });
  await page.getByRole('button', { name: 'Import 4 rows' }).click();
  await expect(page.getByTestId('import-result')).toContainText('4 new');
});
