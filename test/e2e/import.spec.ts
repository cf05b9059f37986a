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
  await expect(page.getByRole('combobox', { name: 'Rep for owner “Jordan Reyes”' })).toHaveValue('create');
  await expect(page.getByTestId('count-rows')).toHaveText('11');
  await expect(page.getByTestId('count-errors')).toHaveText('3');
  await expect(page.getByTestId('count-duplicates')).toHaveText('1');
  const errors = page.getByRole('table', { name: 'Rows that cannot be imported' });
  await expect(errors.getByTestId('error-8-Amount')).toContainText('USD twelve');
  await expect(errors.getByTestId('error-8-Amount')).toContainText('is not an amount');
  await expect(errors.getByTestId('error-9-Close Date')).toContainText('13/31/2026');
  await expect(errors.getByTestId('error-10-Account Name')).toContainText('is empty');

  // The mapping is the manager's: leave Next Step out of this import.
  await page.getByRole('combobox', { name: 'Imports “Next Step” as' }).selectOption('');
  await expect(page.getByRole('combobox', { name: 'Imports “Next Step” as' })).toHaveValue('');
  await screenshot(page, '31-import-mapping');

  await page.getByRole('button', { name: 'Import 7 valid rows, skip 3' }).click();
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('7 new, 0 updated, 0 unchanged, 3 rows skipped, 1 new rep.');
  await expect(result).toContainText('Backup taken before the import');
  await screenshot(page, '32-import-done');

  await result.getByRole('link', { name: 'Open the pipeline' }).click();
  await page.getByPlaceholder('Search deals').fill('Northwind - Platform renewal');
  const row = page.getByRole('row', { name: /Northwind - Platform renewal/ });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Rafael Brennan');
  await page.getByPlaceholder('Search deals').fill('Tailspin');
  await expect(page.getByRole('row', { name: /Tailspin - New logo.*Jordan Reyes/ })).toBeVisible();
  await page.getByPlaceholder('Search deals').fill('Litware');
  await expect(page.getByRole('row', { name: /Litware/ })).toHaveCount(0);
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
  await page.getByRole('combobox', { name: 'Outcome of stage “Gewonnen”' }).selectOption('won');
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
  await page.getByRole('combobox', { name: 'Outcome of stage “Gewonnen”' }).selectOption('won');
  await page.getByRole('checkbox', { name: /Save this mapping/ }).check();
  await page.getByRole('textbox', { name: 'Name of the saved mapping' }).fill('EU team export');
  await page.getByRole('button', { name: 'Import 3 rows' }).click();
  await expect(page.getByTestId('import-result')).toContainText('3 new, 0 updated');
  expect((await api('accounts.names', {})) as string[]).toContain('Müller GmbH');

  // The next file with the same columns is recognised.
  await page.getByRole('button', { name: 'Import another file' }).click();
  await expect(page.getByRole('region', { name: 'Saved mappings' })).toContainText('EU team export');
  await page.getByLabel('CSV file to import').setInputFiles(fixture('eu-semicolon.csv'));
  await expect(page.getByText('Your saved mapping “EU team export”')).toBeVisible();
  await expect(page.getByTestId('count-update')).toHaveText('3');
});
