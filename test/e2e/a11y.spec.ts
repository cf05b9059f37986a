/**
 * Accessible everywhere: axe-core checks every screen and dialog (the same walk as the offline
 * test) against WCAG 2.1 A and AA, and no serious or critical violation is allowed.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, screenshot, test } from './fixtures';
import { STOPS } from './walk';

// axe is injected into the page; the page's strict CSP would refuse that script.
test.use({ bypassCSP: true });

for (const scheme of ['light', 'dark'] as const) {
test(`no serious or critical accessibility violation on any screen or dialog (${scheme} theme)`, async ({ page, demoWorkbench }) => {
  test.setTimeout(360_000); // every screen and dialog, axe on each: minutes on a 2-core machine
  await page.emulateMedia({ colorScheme: scheme });
  const found: string[] = [];
  const checked: number[] = [];
  for (const [i, stop] of STOPS.entries()) {
    await stop.open(page, demoWorkbench.url);
    await screenshot(page, `70-${scheme}-${String(i + 1).padStart(2, '0')}-${stop.name.toLowerCase().replace(/[^a-z]+/g, '-').replace(/-$/, '')}`);
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    checked.push(result.passes.length);
    for (const v of result.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
      found.push(`${stop.name}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    }
  }
  expect(found).toEqual([]);
  expect(Math.min(...checked)).toBeGreaterThan(10); // axe really ran its rules on every stop
});
}

test('the check is not blind: an unlabelled field with faint text is caught', async ({ page, demoWorkbench }) => {
  await page.goto(`${demoWorkbench.url}#/dashboard`);
  await expect(page.locator('main h1')).toBeVisible();
  await page.evaluate(`(() => { const i = document.createElement('input'); const p = document.createElement('p'); p.textContent = 'faint'; p.style.color = '#eeeeee'; document.querySelector('main').append(i, p); })()`);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(result.violations.map((v) => v.id)).toEqual(expect.arrayContaining(['label', 'color-contrast']));
});
