/**
 * Provably offline: every screen and dialog, and not one request leaves the page's own origin
 * (127.0.0.1 and its port). Fonts are the system's, scripts and styles are bundled, and the
 * CSP would refuse anything else; this proves the page never even asks.
 */
import { expect, test } from './fixtures';
import { STOPS } from './walk';

test('no screen or dialog makes a request outside its own origin', async ({ page, demoWorkbench }) => {
  test.setTimeout(120_000);
  const origin = new URL(demoWorkbench.url).origin;
  const outside: string[] = [];
  const seen: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return; // inline, never the network
    seen.push(url);
    if (new URL(url).origin !== origin) outside.push(url);
  });
  page.on('websocket', (ws) => outside.push(ws.url()));
  const walked: string[] = [];
  for (const stop of STOPS) {
    await stop.open(page, `${demoWorkbench.url}`);
    walked.push(stop.name);
  }
  expect(walked).toHaveLength(STOPS.length);
  expect(seen.length).toBeGreaterThan(STOPS.length); // the walk really loaded pages and called the API
  expect(outside).toEqual([]);
});

test('the watch above would see a request that left (it is not blind)', async ({ page, demoWorkbench }) => {
  const origin = new URL(demoWorkbench.url).origin;
  const outside: string[] = [];
  page.on('request', (r) => new URL(r.url()).origin !== origin && outside.push(r.url()));
  await page.goto(`${demoWorkbench.url}#/dashboard`);
  await expect(page.locator('main h1')).toBeVisible();
  // An image pointing elsewhere, as a careless dependency might add: the CSP blocks it, but the
  // page did ask, and the watch must say so.
  // (A string: the tests' own TypeScript has no DOM types.)
  await page.evaluate(`(() => { const img = document.createElement('img'); img.src = 'http://192.0.2.1/pixel.png'; document.body.append(img); })()`);
  await expect.poll(() => outside.length).toBeGreaterThan(0);
});
