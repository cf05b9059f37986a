/**
 * Issue 14 in the real renderer: what the manager sees when the file is locked by another
 * program, read-only, empty beside backups, damaged in an index, encrypted; a far date; a card
 * that cannot render; the preview without its secret.
 */
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliDemo, expect, screenshot, test, Workbench } from './fixtures';

const root = path.resolve(__dirname, '../..');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** A demo workbench in a fresh folder, with one good backup beside it. */
function demoDir(): { dir: string; db: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-e2e-'));
  const db = path.join(dir, 'workbench.db');
  cliDemo(db);
  fs.mkdirSync(path.join(dir, 'backups'));
  fs.copyFileSync(db, path.join(dir, 'backups', 'workbench-2026-11-20.db'));
  return { dir, db };
}

function holdLock(db: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'test/safety/holdLock.ts'), db, 'exclusive'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (b: Buffer) => b.toString().includes('locked') && resolve(child));
    child.on('exit', (code) => reject(new Error(`lock holder exited (${code})`)));
  });
}

test('a database locked by another program: busy, not damaged; try again opens it', async ({ page }) => {
  const { dir, db } = demoDir();
  const holder = await holdLock(db);
  const wb = new Workbench(db);
  try {
    await wb.start();
    await page.goto(wb.tokenUrl);
    await expect(page.getByRole('heading', { name: 'Another program is using the database', level: 1 })).toBeVisible();
    await expect(page.getByText('no backup is needed', { exact: false })).toBeVisible();
    await expect(page.getByRole('button', { name: /Restore/ })).toHaveCount(0);
    await screenshot(page, '41-locked');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('alert')).toContainText('Still not available');
    holder.kill('SIGKILL');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
    expect(fs.readdirSync(dir).some((f) => f.includes('.damaged-'))).toBe(false);
  } finally {
    holder.kill('SIGKILL');
    await wb.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a read-only database opens with a banner, and a change says it cannot be saved', async ({ page }) => {
  const { dir, db } = demoDir();
  fs.chmodSync(db, 0o444);
  // Root may write any file: the preview runs as another account, for whom the file is read-only.
  if (isRoot) for (const f of [dir, db, path.join(dir, 'backups'), path.join(dir, 'backups', 'workbench-2026-11-20.db')]) fs.chownSync(f, 65534, 65534);
  const wb = new Workbench(db, isRoot ? { uid: 65534 } : {});
  try {
    await wb.start();
    await page.goto(`${wb.tokenUrl}`);
    await expect(page.getByTestId('readonly-banner')).toContainText('Read-only: changes cannot be saved.');
    await page.goto(`${wb.url}#/team`);
    await page.getByRole('button', { name: /^Add rep/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a rep' });
    await dialog.getByLabel('Name').fill('Not Saved');
    await dialog.getByLabel(/Quota per/).fill('1000');
    await dialog.getByRole('button', { name: 'Add rep' }).click();
    await expect(page.getByText('The database is read-only: changes cannot be saved.').first()).toBeVisible();
    await screenshot(page, '42-read-only');
  } finally {
    await wb.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a far date written by an older version: the rep page and the meeting render, the export answers', async ({ page, demoWorkbench }) => {
  const raw = new Database(demoWorkbench.dbPath);
  const id = Number(raw.prepare("INSERT INTO one_on_ones (rep_id, meeting_date, status, created_at, updated_at) VALUES (1, '+010000-01', 'closed', 'x', 'x')").run().lastInsertRowid);
  raw.prepare("INSERT INTO agenda_items (one_on_one_id, position, title, added_by, done, created_at) VALUES (?, 1, 'Carried too far', 'manager', 0, 'x')").run(id);
  const name = raw.prepare('SELECT name FROM reps WHERE id = 1').pluck().get() as string;
  raw.close();
  await page.goto(`${demoWorkbench.url}#/reps/1`);
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Deals', exact: true })).toBeVisible();
  await expect(page.getByTestId('render-error')).toHaveCount(0);
  await screenshot(page, '43-far-date-rep');
  await page.goto(`${demoWorkbench.url}#/one-on-ones/${id}`);
  await expect(page.getByText('Carried too far')).toBeVisible();
  await expect(page.getByText('+010000-01').first()).toBeVisible();
  const pdf = await page.request.post(`${demoWorkbench.url}export/pdf`, { data: { doc: { kind: 'oneOnOne', id } } });
  expect(pdf.status()).toBe(200);
  const review = await page.request.post(`${demoWorkbench.url}api/export.document`, { data: { doc: { kind: 'repReview', repId: 1, from: '2026-01-01', to: '2026-12-31' } } });
  expect(review.status()).toBe(200);
});

test('a card that cannot render shows its own error; the rest of the page works', async ({ page, demoWorkbench }) => {
  // One bad record in one card's data (what a far date used to do to the whole app).
  await page.route('**/api/notes.list', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: true, value: [{ id: 1, body: null, kind: 'nonsense', noteDate: 42 }] }) }));
  await page.goto(`${demoWorkbench.url}#/reps/1`);
  const error = page.getByTestId('render-error');
  await expect(error).toContainText('The coaching notes could not be shown');
  await expect(page.getByRole('heading', { name: 'Deals', exact: true })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  await screenshot(page, '44-card-error');
});

test('the preview opens only from the link it printed', async ({ browser }) => {
  const { dir, db } = demoDir();
  const wb = new Workbench(db);
  const context = await browser.newContext(); // no cookie: another account on this computer
  try {
    await wb.start();
    const page = await context.newPage();
    const res = await page.goto(wb.url);
    expect(res?.status()).toBe(401);
    await expect(page.getByText('only opens from the link it printed')).toBeVisible();
    const api = await page.request.post(`${wb.url}api/notes.list`, { data: {} });
    expect(api.status()).toBe(401);
    await screenshot(page, '45-no-secret');
    await page.goto(`${wb.tokenUrl}#/team`);
    await expect(page.getByRole('heading', { name: 'Team', level: 1 })).toBeVisible();
    expect(page.url()).not.toContain('token=');
  } finally {
    await context.close();
    await wb.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('encryption: encrypt with a passphrase, lock, unlock', async ({ page, demoWorkbench }) => {
  await page.goto(`${demoWorkbench.url}#/data`);
  await page.getByRole('button', { name: 'Encrypt with a passphrase…' }).click();
  await expect(page.getByText('A lost passphrase cannot be recovered.')).toBeVisible();
  await page.getByLabel(/New passphrase/).fill('correct horse battery');
  await page.getByLabel('The new passphrase again').fill('correct horse battery');
  await expect(page.getByRole('button', { name: 'Encrypt', exact: true })).toBeDisabled();
  await page.getByLabel('I understand that a lost passphrase cannot be recovered').check();
  await screenshot(page, '46-encrypt');
  await page.getByRole('button', { name: 'Encrypt', exact: true }).click();
  await expect(page.getByTestId('encryption-state')).toContainText('are encrypted with your passphrase');
  expect(fs.readFileSync(demoWorkbench.dbPath).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
  await page.getByRole('button', { name: 'Lock now' }).click();
  await expect(page.getByRole('heading', { name: 'The workbench is locked', level: 1 })).toBeVisible();
  await page.getByLabel('Passphrase').fill('wrong passphrase');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toContainText('That passphrase does not open this database.');
  await screenshot(page, '47-unlock');
  await page.getByLabel('Passphrase').fill('correct horse battery');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Your data', level: 1 })).toBeVisible();
});

test('a damaged index found by the full check after start: a banner says so', async ({ page }) => {
  const { dir, db } = demoDir();
  const probe = new Database(db);
  const pageNo = probe.prepare("SELECT pageno FROM dbstat WHERE name = 'deals_outcome_close' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1").pluck().get() as number;
  const size = probe.pragma('page_size', { simple: true }) as number;
  probe.close();
  const buf = fs.readFileSync(db);
  let at = pageNo * size - 20;
  while (!(buf[at]! >= 97 && buf[at]! <= 121)) at--;
  buf[at] = buf[at]! + 1;
  fs.writeFileSync(db, buf);
  const wb = new Workbench(db);
  try {
    await wb.start();
    await page.goto(wb.tokenUrl);
    await expect(page.getByTestId('integrity-banner')).toContainText('The database failed its full integrity check.');
    await expect(page.getByTestId('integrity-banner')).toContainText('missing from index');
    await screenshot(page, '48-integrity');
  } finally {
    await wb.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a zero-byte database beside good backups: restore or start afresh is asked', async ({ page }) => {
  const { dir, db } = demoDir();
  fs.truncateSync(db, 0);
  const wb = new Workbench(db);
  try {
    await wb.start();
    await page.goto(wb.tokenUrl);
    await expect(page.getByRole('heading', { name: 'The database file is empty', level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Restore the backup of/ })).toBeVisible();
    await screenshot(page, '49-empty-file');
    await page.getByRole('button', { name: /^Restore the backup of/ }).click();
    await page.getByRole('dialog', { name: 'Restore the newest good backup?' }).getByRole('button', { name: 'Restore the backup' }).click();
    await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  } finally {
    await wb.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
