import { _electron as electron } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliDemo, expect, test } from './fixtures';

const root = path.resolve(__dirname, '../..');

/** The Electron binary and the Electron build of better-sqlite3 (made by `npm start`), if present. */
function electronBinary(): string | null {
  const pathTxt = path.join(root, 'node_modules/electron/path.txt');
  if (!fs.existsSync(pathTxt)) return null;
  const bin = path.join(root, 'node_modules/electron/dist', fs.readFileSync(pathTxt, 'utf8').trim());
  return fs.existsSync(bin) && fs.existsSync(path.join(root, '.electron-native/better_sqlite3.node')) ? bin : null;
}

// Runs the real desktop app where Electron could be downloaded (run `npm start` once first);
// skipped cleanly on offline build machines, where the binary cannot be had.
test('desktop app: the window opens, and the typed API answers on every screen', async () => {
  const bin = electronBinary();
  test.skip(!bin, 'Electron binary not installed on this machine (run `npm start` once with internet)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-electron-'));
  const db = path.join(dir, 'demo.db');
  cliDemo(db);
  const app = await electron.launch({ executablePath: bin!, args: [root, '--db', db], env: { ...process.env, XDG_CONFIG_HOME: dir } });
  try {
    const win = await app.firstWindow();
    await expect(win.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
    // Screens change the URL hash; IPC must still accept the page.
    await win.getByRole('link', { name: 'Team' }).click();
    await expect(win.locator('table[aria-label="Team"] tbody tr[data-testid]')).toHaveCount(9);
    expect(await win.evaluate('typeof window.require')).toBe('undefined'); // no Node in the page
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
