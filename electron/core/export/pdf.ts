/**
 * HTML to an A4 PDF through Chromium's own print-to-PDF (the system Chromium, driven by
 * Playwright; no browser is downloaded). The page is set from a string, so nothing is
 * fetched, and the browser is started without any background networking.
 */
import fs from 'node:fs';
import path from 'node:path';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

const FOOTER = `
<div style="width:100%; font-size:7.5pt; color:#57606a; padding:0 15mm; display:flex; justify-content:space-between;
  font-family: system-ui, 'Liberation Sans', 'DejaVu Sans', Arial, sans-serif; -webkit-print-color-adjust: exact;">
  <span class="title"></span>
  <span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span>
</div>`;

export async function htmlToPdf(html: string, outFile: string): Promise<void> {
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
  let browser;
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true, timeout: 60_000 });
  } catch (err) {
    const first = String((err as Error).message).split('\n')[0];
    throw new Error(`Could not start Chromium at ${executablePath} (${first}); export with --format md instead.`);
  }
  try {
    const page = await browser.newPage();
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
    fs.writeFileSync(tmp, pdf);
    fs.renameSync(tmp, outFile);
  } finally {
    await browser.close();
  }
}
