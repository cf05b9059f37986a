/**
 * HTML to an A4 PDF through Chromium's own print-to-PDF (the system Chromium, driven by
 * Playwright; no browser is downloaded). The page is set from a string, so nothing is
 * fetched. One browser serves every job, one job at a time (a queue), and closes after a short
 * idle time: eight PDFs asked for at once start one Chromium, not eight.
 *
 * Chromium still calls home (component updates, account checks) even with its background
 * networking switched off, so every host name it tries resolves to "not found" here: no
 * look-up leaves the machine. The sandbox stays on except where Chromium cannot run it (root).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { PRIVATE_FILE_MODE } from '../db/fileModes';

/** The flags the end-to-end tests' browser uses too (it must reach 127.0.0.1, so no resolver rule). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The flags of the PDF printer: no network at all, the sandbox on unless running as root. */
export function pdfChromiumArgs(uid: number | null = typeof process.getuid === 'function' ? process.getuid() : null): string[] {
  return [
    ...(uid === 0 ? ['--no-sandbox'] : []),
    // The tests' flags, but the sandbox stays on for a user who can have one.
    ...CHROMIUM_ARGS.filter((a) => a !== '--no-sandbox'),
    '--disable-extensions',
    '--disable-default-apps',
    '--disable-domain-reliability',
    '--disable-client-side-phishing-detection',
    '--no-pings',
    '--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication,CertificateTransparencyComponentUpdater',
    '--host-resolver-rules=MAP * ~NOTFOUND',
  ];
}

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

const FOOTER = `
<div style="width:100%; font-size:7.5pt; color:#57606a; padding:0 15mm; display:flex; justify-content:space-between;
  font-family: system-ui, 'Liberation Sans', 'DejaVu Sans', Arial, sans-serif; -webkit-print-color-adjust: exact;">
  <span class="title"></span>
  <span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span>
</div>`;

const IDLE_CLOSE_MS = 15_000;

let browser: Promise<Browser> | null = null;
let queue: Promise<unknown> = Promise.resolve();
let idleTimer: NodeJS.Timeout | null = null;
let launches = 0;

/** How many Chromium browsers this process has started (the tests check it stays at one). */
export const pdfBrowserLaunches = (): number => launches;

async function launch(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!fs.existsSync(executablePath)) {
    throw new Error(
      `PDF export needs Chromium, which was not found at ${executablePath}: install it (sudo apt-get install chromium), set CHROMIUM_PATH, or export with --format md.`,
    );
  }
  let chromium: typeof import('@playwright/test').chromium;
  try {
    ({ chromium } = await import('@playwright/test'));
  } catch {
    throw new Error('PDF export needs Playwright, which is not installed (run npm install), or export with --format md.');
  }
  try {
    launches++;
    const b = await chromium.launch({ executablePath, args: pdfChromiumArgs(), headless: true, timeout: 60_000 });
    b.on('disconnected', () => {
      browser = null;
    });
    return b;
  } catch (err) {
    const first = String((err as Error).message).split('\n')[0];
    throw new Error(`Could not start Chromium at ${executablePath} (${first}); export with --format md instead.`, { cause: err });
  }
}

async function print(html: string, outFile: string): Promise<void> {
  if (idleTimer) clearTimeout(idleTimer);
  browser ??= launch();
  let b: Browser;
  try {
    b = await browser;
  } catch (err) {
    browser = null;
    throw err;
  }
  const page = await b.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '16mm', right: '15mm', bottom: '18mm', left: '15mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: FOOTER,
    });
    // Write whole or not at all: a half-written PDF would look like a real one.
    const tmp = path.join(path.dirname(outFile), `.${path.basename(outFile)}.${process.pid}.tmp`);
    fs.writeFileSync(tmp, pdf, { mode: PRIVATE_FILE_MODE });
    fs.renameSync(tmp, outFile);
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** Prints one document; jobs wait their turn for the one browser. */
export function htmlToPdf(html: string, outFile: string): Promise<void> {
  const job = queue.then(() => print(html, outFile));
  queue = job
    .catch(() => undefined)
    .then(() => {
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = setTimeout(() => void closePdfPrinter(), IDLE_CLOSE_MS);
      idleTimer.unref();
    });
  return job;
}

/** Closes the browser (after the queued jobs): at the end of a CLI export, at shutdown, after idling. */
export async function closePdfPrinter(): Promise<void> {
  await queue;
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  const b = browser;
  browser = null;
  if (b) await (await b.catch(() => null))?.close().catch(() => undefined);
}
