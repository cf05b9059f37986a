import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './electron/core/export/pdf';

// Debian's Chromium, never a downloaded browser; the flags keep it off the (closed) network.
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test/artifacts/playwright',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  reporter: [['list'], ['json', { outputFile: 'test/artifacts/e2e-report.json' }]],
  use: {
    locale: 'en-US',
    timezoneId: 'America/New_York',
    viewport: { width: 1400, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
    },
  },
});
