import { test as base, expect, type BrowserContext } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
export const SCREENS = path.join(root, 'test', 'artifacts', 'screens');

/**
 * A real web-preview server (real core, real SQLite file) that tests can stop and restart.
 * `url` is its base address; the per-launch secret it prints is kept in `token` and handed to
 * the browser context as the cookie the printed link would set (`authorize`).
 */
export class Workbench {
  url = '';
  token = '';
  private proc: ChildProcess | null = null;
  /** Browser contexts let in so far: a restart prints a new secret, and they get it again. */
  private contexts = new Set<BrowserContext>();
  /** `uid`: run the preview as another account (a read-only file is only read-only to someone else than root). */
  constructor(
    readonly dbPath: string,
    private readonly opts: { uid?: number } = {},
  ) {}

  async start(): Promise<void> {
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'electron/preview/main.ts'), '--db', this.dbPath, '--port', '0'],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
        ...(this.opts.uid !== undefined ? { uid: this.opts.uid, gid: this.opts.uid, env: { ...process.env, HOME: path.dirname(this.dbPath) } } : {}),
      },
    );
    this.proc = proc;
    this.output = '';
    const keep = (chunk: Buffer) => void (this.output += chunk.toString());
    proc.stdout!.on('data', keep);
    proc.stderr!.on('data', keep);
    let log = '';
    [this.url, this.token] = await new Promise<[string, string]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`preview server did not start:\n${log}`)), 30_000);
      const onData = (chunk: Buffer) => {
        log += chunk.toString();
        const m = /Web preview: (http:\/\/127\.0\.0\.1:\d+\/)\?token=([\w-]+)/.exec(log);
        if (m) {
          clearTimeout(timer);
          resolve([m[1]!, m[2]!]);
        }
      };
      proc.stdout!.on('data', onData);
      proc.stderr!.on('data', onData);
      proc.on('exit', (code) => reject(new Error(`preview server exited (${code}):\n${log}`)));
    });
    for (const context of this.contexts) await this.authorize(context);
  }

  /** The link the preview printed, with its secret. */
  get tokenUrl(): string {
    return `${this.url}?token=${this.token}`;
  }

  /** The header that carries the secret for requests made outside the browser. */
  get authHeaders(): Record<string, string> {
    return { 'X-Workbench-Token': this.token };
  }

  /** Gives the browser context the cookie the printed link sets, so pages and page.request are let in. */
  async authorize(context: BrowserContext): Promise<void> {
    this.contexts.add(context);
    const port = new URL(this.url).port;
    await context.addCookies([{ name: `wb_token_${port}`, value: this.token, url: this.url, httpOnly: true, sameSite: 'Strict' }]);
  }

  /** The server's output so far (tests read what it printed). */
  output = '';

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
  workbench: async ({ context }, use, testInfo) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-e2e-'));
    const wb = new Workbench(path.join(dir, `${testInfo.title.replace(/\W+/g, '-')}.db`));
    await wb.start();
    await wb.authorize(context);
    await use(wb);
    await wb.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  },
  demoWorkbench: async ({ context }, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-e2e-'));
    const db = path.join(dir, 'demo.db');
    cliDemo(db);
    const wb = new Workbench(db);
    await wb.start();
    await wb.authorize(context);
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
