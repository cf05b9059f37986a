// npm test: unit tests (vitest) then end-to-end tests (Playwright in Debian Chromium against
// the web preview). Prints one closing line "N passed, N failed[, N skipped]" from both
// runners' JSON reports and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bin, ensureBuilt, root } from './lib.mjs';

const artifacts = path.join(root, 'test', 'artifacts');
fs.mkdirSync(artifacts, { recursive: true });
const unitReport = path.join(artifacts, 'unit-report.json');
const e2eReport = path.join(artifacts, 'e2e-report.json');
for (const f of [unitReport, e2eReport]) fs.rmSync(f, { force: true });

const only = process.argv[2]; // "unit" or "e2e" to run one side
const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env }).status ?? 1;

const totals = { passed: 0, failed: 0, skipped: 0 };
let crashed = false;

if (only !== 'e2e') {
  const code = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${unitReport}`]);
  if (fs.existsSync(unitReport)) {
    const r = JSON.parse(fs.readFileSync(unitReport, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    // A suite that fails to load has no failed tests but fails the run.
    if (code !== 0 && r.numFailedTests === 0) crashed = true;
  } else crashed = true;
}

if (only !== 'unit') {
  ensureBuilt({ quiet: true });
  const code = run(bin('playwright'), ['test']);
  if (fs.existsSync(e2eReport)) {
    const s = JSON.parse(fs.readFileSync(e2eReport, 'utf8')).stats;
    totals.passed += s.expected + (s.flaky ?? 0);
    totals.failed += s.unexpected;
    totals.skipped += s.skipped;
    if (code !== 0 && s.unexpected === 0) crashed = true;
  } else crashed = true;
}

if (crashed) totals.failed += 1; // a runner that died counts as a failure, never as a pass
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
