/**
 * Issue 14, exports and the web preview: an export taken while an import is being written
 * (item 2), the per-launch secret against other local accounts (item 8), and the PDF printer's
 * browser: no look-ups leave the machine, one browser for many jobs (item 12).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatchAsync } from '../../electron/core/api/dispatch';
import type { Ctx } from '../../electron/core/context';
import { exportDataFile } from '../../electron/core/data/exportData';
import { closePdfPrinter, htmlToPdf, pdfBrowserLaunches, pdfChromiumArgs, chromiumPath } from '../../electron/core/export/pdf';
import { loadDemo } from '../../electron/core/demo/load';
import { stageFile } from '../../electron/core/files/staging';
import { createPreviewServer } from '../../electron/preview/server';
import { tempDir, testCtx } from './helpers';
import { isRoot, OTHER_UID, runChildAsync } from './safetyHelpers';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

const TOKEN = 'launch-secret-abcdefghijklmnop';

async function serve(ctx: Ctx) {
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>wb</title>');
  const server = createPreviewServer({ ctx, staticDir, token: TOKEN });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  close = () => new Promise((r) => server.close(() => r()));
  const port = (server.address() as AddressInfo).port;
  return { base: `http://127.0.0.1:${port}`, port };
}

/** A CRM export of `n` new deals for one new owner (the same columns the workbench exports). */
function crmCsv(n: number): Buffer {
  const rows = Array.from({ length: n }, (_, i) => ({
    'CRM id': `PHANTOM-${i}`,
    Deal: `Phantom deal ${i}`,
    Account: `Phantom account ${i % 500}`,
    Owner: 'Pat Import',
    Stage: 'Discovery',
    Amount: 1000 + i,
    Currency: 'USD',
    'Created date': '2026-10-01',
    'Close date': '2026-12-15',
  }));
  return Buffer.from(Papa.unparse(rows));
}

async function jsonExport(base: string): Promise<{ tables: Record<string, { external_id?: string }[]> }> {
  const res = await fetch(`${base}/export/data`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Workbench-Token': TOKEN }, body: JSON.stringify({ what: 'json' }) });
  expect(res.status).toBe(200);
  return (await res.json()) as { tables: Record<string, { external_id?: string }[]> };
}

describe('2. exports during an import', () => {
  it('an export taken while an import is being written holds only committed rows, and restoring it creates no phantoms', async () => {
    const ctx = testCtx();
    loadDemo(ctx.db, ctx.clock, 42);
    const committed = ctx.db.prepare('SELECT COUNT(*) FROM deals').pluck().get() as number;
    const { base } = await serve(ctx);
    const { fileId } = stageFile('crm.csv', crmCsv(150_000));
    const start = await dispatchAsync(ctx, 'import.start', { fileId });
    expect(start).toMatchObject({ ok: true });
    const jobId = (start as { value: { jobId: string } }).value.jobId;
    // Wait until the import's transaction is open and has written some rows.
    for (let i = 0; !ctx.db.inTransaction || (ctx.db.prepare("SELECT COUNT(*) FROM deals WHERE external_id LIKE 'PHANTOM-%'").pluck().get() as number) < 2000; i++) {
      if (i > 2000) throw new Error('the import never started writing');
      await new Promise((r) => setTimeout(r, 5));
    }
    // The desktop app's save path (synchronous: the import cannot commit while it runs).
    const csvFile = path.join(tempDir(), 'deals.csv');
    exportDataFile(ctx, 'deals-csv', csvFile);
    expect(fs.readFileSync(csvFile, 'utf8')).not.toContain('PHANTOM-');
    // The web preview's download.
    const during = await jsonExport(base);
    expect(ctx.db.inTransaction).toBe(true); // the import was still being written when the export answered
    expect(during.tables.deals).toHaveLength(committed);
    expect(during.tables.deals!.some((d) => d.external_id?.startsWith('PHANTOM-'))).toBe(false);
    // The import then commits whole, and a later export has all of it.
    for (;;) {
      const p = (await dispatchAsync(ctx, 'import.progress', { jobId })) as { ok: true; value: { phase: string } };
      if (p.value.phase === 'done') break;
      if (p.value.phase === 'failed') throw new Error('import failed');
      await new Promise((r) => setTimeout(r, 20));
    }
    const after = await jsonExport(base);
    expect(after.tables.deals).toHaveLength(committed + 150_000);
    // Restoring the mid-import export gives back the store as it was committed then.
    const other = testCtx();
    const r = await dispatchAsync(other, 'data.restoreJson', { fileId: stageFile('during.json', Buffer.from(JSON.stringify(during))).fileId });
    expect(r).toMatchObject({ ok: true, value: { deals: committed } });
  }, 120_000);
});

describe('8. the web preview needs its per-launch secret', () => {
  it('refuses every API, upload and export call without it, and lets the printed link in through a cookie', async () => {
    const ctx = testCtx();
    loadDemo(ctx.db, ctx.clock, 42);
    const { base, port } = await serve(ctx);
    const json = { 'Content-Type': 'application/json' };
    for (const [url, body] of [
      ['/api/notes.list', '{}'],
      ['/api/reps.list', '{}'],
      ['/export/data', '{"what":"json"}'],
      ['/export/pdf', '{"doc":{"kind":"oneOnOne","id":1}}'],
    ] as const) {
      const res = await fetch(`${base}${url}`, { method: 'POST', headers: json, body });
      expect(res.status, url).toBe(401);
      expect(await res.text()).not.toMatch(/Grace|Okafor/);
    }
    const wrong = await fetch(`${base}/api/notes.list`, { method: 'POST', headers: { ...json, 'X-Workbench-Token': 'guess-guess-guess-guess' }, body: '{}' });
    expect(wrong.status).toBe(401);
    const up = await fetch(`${base}/upload`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream', 'X-File-Name': 'x.csv' }, body: 'a,b\n1,2\n' });
    expect(up.status).toBe(401);
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(401);
    expect(await page.text()).toContain('only opens from the link it printed');

    // The printed link sets the cookie and drops the secret from the address.
    const link = await fetch(`${base}/?token=${TOKEN}`, { redirect: 'manual' });
    expect(link.status).toBe(303);
    expect(link.headers.get('location')).toBe('/');
    const cookie = link.headers.get('set-cookie')!;
    expect(cookie).toMatch(new RegExp(`^wb_token_${port}=${TOKEN}; HttpOnly; SameSite=Strict; Path=/`));
    const withCookie = await fetch(`${base}/api/notes.list`, { method: 'POST', headers: { ...json, Cookie: cookie.split(';')[0]! }, body: '{}' });
    expect(withCookie.status).toBe(200);
    expect((await fetch(`${base}/?token=nope-nope-nope-nope`, { redirect: 'manual' })).status).toBe(401);
  });

  it.skipIf(!isRoot)('a second local account (nobody) gets nothing from the real preview without the secret', async () => {
    const ctx = testCtx();
    loadDemo(ctx.db, ctx.clock, 42);
    const { base } = await serve(ctx);
    const r = await runChildAsync('test/safety/otherUser.ts', [base], { uid: OTHER_UID, env: { HOME: '/' } });
    const seen = JSON.parse(r.stdout.trim()) as { status: Record<string, number>; leaked: boolean };
    expect(seen.status).toEqual({ '/api/notes.list': 401, '/api/reps.list': 401, '/export/data': 401, '/': 401 });
    expect(seen.leaked).toBe(false);
  });
});

/** Chromium's own record of its network activity: which host names it asked to resolve. */
function resolvedHosts(netlog: string): string[] {
  const d = JSON.parse(fs.readFileSync(netlog, 'utf8')) as { constants: { logEventTypes: Record<string, number> }; events: { type: number; params?: { host?: string } }[] };
  const req = d.constants.logEventTypes.HOST_RESOLVER_MANAGER_REQUEST;
  return [...new Set(d.events.filter((e) => e.type === req && e.params?.host).map((e) => e.params!.host!))];
}

describe('12. the PDF printer', () => {
  it.skipIf(!fs.existsSync(chromiumPath()))('resolves no host name (Chromium still tries account and update checks) and keeps the sandbox unless root', async () => {
    expect(pdfChromiumArgs(1000)).not.toContain('--no-sandbox');
    expect(pdfChromiumArgs(0)).toContain('--no-sandbox');
    const { chromium } = await import('@playwright/test');
    const netlog = path.join(tempDir(), 'net.json');
    const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...pdfChromiumArgs(), `--log-net-log=${netlog}`] });
    const page = await browser.newPage();
    await page.setContent('<h1>Review</h1>');
    await page.pdf({ format: 'A4' });
    await new Promise((r) => setTimeout(r, 3000)); // the calls home come a moment after start
    await browser.close();
    const hosts = resolvedHosts(netlog);
    // Every look-up is answered "not found" inside Chromium: none reaches DNS.
    expect(hosts.filter((h) => !/~notfound/i.test(h))).toEqual([]);
  }, 60_000);

  it.skipIf(!fs.existsSync(chromiumPath()))('eight PDFs asked for at once start one browser and each comes out whole', async () => {
    const dir = tempDir();
    const before = pdfBrowserLaunches();
    let peakBrowsers = 0;
    const sample = setInterval(() => {
      // Browser processes (not their helpers) started by this process's printer.
      let n = 0;
      for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
        try {
          const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
          const ppid = Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
          if (ppid === process.pid && cmd.includes('--host-resolver-rules=MAP * ~NOTFOUND') && !cmd.includes('--type=')) n++;
        } catch {
          // gone
        }
      }
      peakBrowsers = Math.max(peakBrowsers, n);
    }, 50);
    try {
      const files = Array.from({ length: 8 }, (_, i) => path.join(dir, `review-${i}.pdf`));
      await Promise.all(files.map((f, i) => htmlToPdf(`<h1>Review ${i}</h1><p>${'Text. '.repeat(200)}</p>`, f)));
      for (const f of files) expect(fs.readFileSync(f).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      clearInterval(sample);
      await closePdfPrinter();
    }
    expect(pdfBrowserLaunches() - before).toBe(1);
    expect(peakBrowsers).toBe(1);
  }, 120_000);
});
