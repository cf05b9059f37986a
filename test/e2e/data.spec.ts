import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliDemo, expect, screenshot, test, Workbench } from './fixtures';

test('data: export deals as CSV, back up, change, restore the backup and the change is gone; JSON export restores', async ({ page, demoWorkbench }) => {
  const api = async (name: string, data: object = {}) => (await (await page.request.post(`${demoWorkbench.url}api/${name}`, { data })).json()).value;
  await page.goto(`${demoWorkbench.url}#/data`);
  await expect(page.getByRole('heading', { name: 'Your data', level: 1 })).toBeVisible();
  // The demo team is generated around today's date: 601 deals on some days, a few more on others.
  const deals = ((await api('app.info')) as { dealCount: number }).dealCount;

  // Deals as CSV, read back.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Deals as CSV' }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^deals-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = fs.readFileSync(await csv.path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines[0]).toBe('CRM id,Deal,Account,Owner,Stage,Outcome,Amount,Currency,Created date,Close date,Last activity,Next step,Source');
  expect(lines.length).toBeGreaterThan(deals); // a multi-line next step adds lines, never fewer

  // A backup by hand, then a change.
  await page.getByRole('button', { name: 'Back up now' }).click();
  const backups = page.getByRole('table', { name: 'Backups' });
  const manual = backups.getByRole('row', { name: /Taken by you/ });
  await expect(manual).toHaveCount(1);
  await screenshot(page, '38-data');
  expect((await api('reps.create', { name: 'Zed After', role: 'sdr', quota: 1000 })).name).toBe('Zed After');

  // Restore it: confirm, and the change is gone; what was there is kept in a before-restore backup.
  await manual.getByRole('button', { name: /^Restore the backup taken/ }).click();
  const confirm = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(confirm).toContainText('Everything since then is set aside in a new backup first');
  await confirm.getByRole('button', { name: 'Restore the backup' }).click();
  await expect(page.getByText(new RegExp(`^Restored the backup of .*: 9 reps, ${deals} deals\\.$`))).toBeVisible();
  expect(((await api('reps.list')) as { name: string }[]).map((r) => r.name)).not.toContain('Zed After');
  await expect(backups.getByRole('row', { name: /Before a restore/ })).toHaveCount(1);

  // Everything as JSON, restored after another change.
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Everything as JSON' }).click()]);
  const jsonFile = path.join(os.tmpdir(), `wb-e2e-${Date.now()}.json`);
  fs.copyFileSync(await json.path(), jsonFile);
  await api('reps.create', { name: 'Yara Later', role: 'field', quota: 1000 });
  await page.getByLabel('JSON export to restore').setInputFiles(jsonFile);
  const replace = page.getByRole('dialog', { name: 'Replace everything with this export?' });
  await replace.getByRole('button', { name: 'Replace and restore' }).click();
  await expect(page.getByTestId('restore-result')).toContainText(`Restored: 9 reps and ${deals} deals`);
  expect(((await api('reps.list')) as { name: string }[]).map((r) => r.name)).not.toContain('Yara Later');
  await screenshot(page, '39-data-restored');
  fs.rmSync(jsonFile, { force: true });
});

test('recovery: a damaged database opens the recovery screen, and the newest good backup brings the workbench back', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-e2e-'));
  const db = path.join(dir, 'workbench.db');
  cliDemo(db);
  fs.mkdirSync(path.join(dir, 'backups'));
  fs.copyFileSync(db, path.join(dir, 'backups', 'workbench-2026-11-20.db'));
  fs.truncateSync(db, 4096 * 3); // a crash of the disk, not of SQLite
  const wb = new Workbench(db);
  await wb.start();
  try {
    await page.goto(wb.tokenUrl); // the printed link: its secret goes into a cookie for the page
    await expect(page.getByRole('heading', { name: 'The database is damaged', level: 1 })).toBeVisible();
    await expect(page.getByText('Nothing has been changed or overwritten.', { exact: false })).toBeVisible();
    await screenshot(page, '40-recovery');
    await page.getByRole('button', { name: /^Restore the backup of/ }).click();
    await page.getByRole('dialog', { name: 'Restore the newest good backup?' }).getByRole('button', { name: 'Restore the backup' }).click();
    await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
    expect(fs.readdirSync(dir).some((f) => f.startsWith('workbench.db.damaged-'))).toBe(true);
  } finally {
    await wb.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
