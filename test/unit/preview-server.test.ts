import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createPreviewServer } from '../../electron/preview/server';
import { tempDir, testCtx } from './helpers';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

async function start() {
  const ctx = testCtx();
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>wb</title>');
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  const server = createPreviewServer({ ctx, staticDir, token: TOKEN });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  close = () => new Promise((r) => server.close(() => r()));
  const port = (server.address() as AddressInfo).port;
  return { ctx, base: `http://127.0.0.1:${port}`, port };
}

const TOKEN = 'test-secret-0123456789abcdef';
const AUTH = { 'X-Workbench-Token': TOKEN };
const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...AUTH, ...headers }, body: JSON.stringify(body) });
const get = (url: string, init: RequestInit = {}) => fetch(url, { ...init, headers: { ...AUTH, ...(init.headers as Record<string, string> | undefined) } });

describe('web preview server', () => {
  it('serves the typed API over HTTP with the same results as IPC', async () => {
    const { base, ctx } = await start();
    const res = await post(`${base}/api/reps.create`, { name: 'Eve', role: 'sdr', quota: 50000 });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, value: { name: 'Eve', role: 'sdr' } });
    expect(ctx.db.prepare('SELECT name FROM reps').all()).toEqual([{ name: 'Eve' }]);
  });

  it('answers bad input with 400 and a message naming the field', async () => {
    const { base } = await start();
    const res = await post(`${base}/api/reps.create`, { role: 'sdr', quota: 1 });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ ok: false, error: { code: 'invalid', field: 'name', message: 'Name is required.' } });
    const notJson = await get(`${base}/api/reps.list`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{oops' });
    expect(notJson.status).toBe(400);
  });

  it('refuses other origins, foreign Host headers, GET on the API and non-JSON bodies', async () => {
    const { base } = await start();
    expect((await post(`${base}/api/reps.list`, {}, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await get(`${base}/api/reps.list`)).status).toBe(405);
    const form = await get(`${base}/api/reps.list`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(415);
    const lookalike = await get(`${base}/api/reps.list`, { method: 'POST', headers: { 'Content-Type': 'application/jsonfoo' }, body: '{}' });
    expect(lookalike.status).toBe(415);
    // A malformed escape answers 400 and the server keeps serving.
    expect((await post(`${base}/api/%E0%A4%A`, {})).status).toBe(400);
    expect((await post(`${base}/api/reps.list`, {})).status).toBe(200);
    // A DNS-rebinding page would arrive with its own host name.
    const http = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const u = new URL(base);
      http.get({ host: u.hostname, port: u.port, path: '/', headers: { Host: 'evil.example' } }, (r) => resolve(r.statusCode!));
    });
    expect(status).toBe(403);
  });

  it('serves the renderer with a strict CSP and falls back to index.html, never outside its folder', async () => {
    const { base } = await start();
    const index = await get(`${base}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(index.headers.get('content-security-policy')).toContain("connect-src 'self'");
    expect((await get(`${base}/assets/app.js`)).headers.get('content-type')).toContain('text/javascript');
    expect(await (await get(`${base}/reps/3`)).text()).toContain('<title>wb</title>');
    expect((await get(`${base}/..%2f..%2fetc%2fpasswd`)).status).toBe(403);
  });

  it('takes a file upload once and serves the import calls on it by id', async () => {
    const { base } = await start();
    const csv = 'Deal,Account,Owner,Stage,Amount\nGlobex renewal,Globex,Ann Lee,Proposal,"$12,000"\n';
    const up = await get(`${base}/upload`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent('Pipeline – Q4.csv') },
      body: csv,
    });
    expect(up.status).toBe(200);
    const staged = (await up.json()) as { ok: true; value: { fileId: string; name: string; size: number } };
    expect(staged.value).toMatchObject({ name: 'Pipeline – Q4.csv', size: Buffer.byteLength(csv) });
    const a = await (await post(`${base}/api/import.analyze`, { fileId: staged.value.fileId })).json();
    expect(a).toMatchObject({ ok: true, value: { counts: { rows: 1, valid: 1, create: 1 } } });
    // Same guards as the API: other origins, other media types, empty files, GET.
    const evil = await get(`${base}/upload`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream', Origin: 'http://evil.example' }, body: csv });
    expect(evil.status).toBe(403);
    const form = await get(`${base}/upload`, { method: 'POST', headers: { 'Content-Type': 'multipart/form-data' }, body: csv });
    expect(form.status).toBe(415);
    const empty = await get(`${base}/upload`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream', 'X-File-Name': 'empty.csv' }, body: '' });
    expect(await empty.json()).toMatchObject({ ok: false, error: { field: 'file', message: '“empty.csv” is empty.' } });
    expect((await get(`${base}/upload`)).status).toBe(405);
    // An id that was never staged is a sentence, not a crash.
    const gone = await (await post(`${base}/api/import.analyze`, { fileId: '00000000-0000-4000-8000-000000000000' })).json();
    expect(gone).toMatchObject({ ok: false, error: { message: 'The file is no longer loaded. Choose it again.' } });
  });
});
