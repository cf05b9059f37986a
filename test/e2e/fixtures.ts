import { test as base, expect } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
export const SCREENS = path.join(root, 'test', 'artifacts', 'screens');

/** A real web-preview server (real core, real SQLite file) that tests can stop and restart. */
export class Workbench {
  url = '';
  private proc: ChildProcess | null = null;
  constructor(readonly dbPath: string) {}

  async start(): Promise<void> {
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'electron/preview/main.ts'), '--db', this.dbPath, '--port', '0'],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.proc = proc;
    let log = '';
    this.url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`preview server did not start:\n${log}`)), 30_000);
      const onData = (chunk: Buffer) => {
        log += chunk.toString();
        const m = /Web preview: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(log);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      proc.stdout!.on('data', onData);
      proc.stderr!.on('data', onData);
      proc.on('exit', (code) => reject(new Error(`preview server exited (${code}):\n${log}`)));
    });
  }

  async stop(): Promise<void> {
    const proc = this.proc;
    if (!proc || proc.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
    });
    this.proc = null;
  }
}

/** Writes the deterministic demo team into a database through the real CLI. */
export function cliDemo(dbPath: string): void {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'electron/cli/main.ts'), 'demo', '--db', dbPath], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`demo failed: ${r.stderr}`);
}

export const test = base.extend<{ workbench: Workbench; demoWorkbench: Workbench }>({
  workbench: async ({}, use, testInfo) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-e2e-'));
    const wb = new Workbench(path.join(dir, `${testInfo.title.replace(/\W+/g, '-')}.db`));
    await wb.start();
    await use(wb);
    await wb.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  },
  demoWorkbench: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-e2e-'));
    const db = path.join(dir, 'demo.db');
    cliDemo(db);
    const wb = new Workbench(db);
    await wb.start();
    await use(wb);
    await wb.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  },
});

export { expect };

export async function screenshot(page: import('@playwright/test').Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });
}
