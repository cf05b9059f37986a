// npm run icon: renders resources/icon.svg (the source) to resources/icon.png, 1024x1024, in
// Debian's Chromium. electron-builder makes every platform's icon from that PNG.
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import { CHROMIUM_ARGS, chromiumPath } from '../electron/core/export/pdf.ts';
const svg = fs.readFileSync('resources/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
await page.screenshot({ path: 'resources/icon.png', omitBackground: true, clip: { x: 0, y: 0, width: 1024, height: 1024 } });
await browser.close();
