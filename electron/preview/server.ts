import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { ExportDoc } from '../../shared/schemas/exports';
import { htmlToPdf } from '../core/export/pdf';
import { dispatch, toFailure } from '../core/api/dispatch';
import { Store } from '../core/store';
import { exportFileName, writeDataExport } from '../core/data/exportData';
import { dataExportInput } from '../../shared/schemas/backups';
import { MAX_STAGED_BYTES, stageFile } from '../core/files/staging';
import type { Ctx } from '../core/context';
import { fail, ok } from '../../shared/result';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Same policy as the Electron window: nothing leaves the machine. */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const MAX_BODY = 20 * 1024 * 1024;

export interface PreviewOptions {
  /** The store (which may be in recovery), or an open context. */
  store?: Store;
  ctx?: Ctx;
  /** The built renderer (out/renderer). */
  staticDir: string;
}

/**
 * Serves the built renderer and the typed API (POST /api/<call>) on loopback only.
 * Host and Origin are checked so other web pages cannot reach the API (DNS rebinding, CSRF).
 */
export function createPreviewServer({ store: given, ctx, staticDir }: PreviewOptions): http.Server {
  const store = given ?? Store.of(ctx!);
  const root = path.resolve(staticDir);
  const server = http.createServer((req, res) => {
    try {
      route(req, res);
    } catch (err) {
      console.error('[preview] request failed:', err);
      if (!res.headersSent) sendJson(res, 500, fail('internal', 'The request could not be handled.'));
    }
  });
  const route = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const port = (server.address() as { port: number } | null)?.port;
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!req.headers.host || !allowedHosts.includes(req.headers.host)) {
      return send(res, 403, 'text/plain', 'Forbidden host');
    }
    const origin = req.headers.origin;
    if (origin && !allowedHosts.some((h) => origin === `http://${h}`)) {
      return send(res, 403, 'text/plain', 'Forbidden origin');
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (url.pathname.startsWith('/api/')) return handleApi(store, url, req, res);
    if (req.method === 'POST' && !store.ctx) return sendJson(res, 409, fail('conflict', 'The database needs to be recovered first.'));
    if (url.pathname === '/export/pdf') return handlePdf(store.ctx!, req, res);
    if (url.pathname === '/upload') return handleUpload(req, res);
    if (url.pathname === '/export/data') return handleDataExport(store.ctx!, req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Method not allowed');
    return serveStatic(root, url.pathname, res);
  };
  return server;
}

function handleApi(store: Store, url: URL, req: http.IncomingMessage, res: http.ServerResponse): void {
  let name: string;
  try {
    name = decodeURIComponent(url.pathname.slice('/api/'.length));
  } catch {
    return sendJson(res, 400, fail('invalid', 'The request address is not valid.'));
  }
  readJson(req, res, (input) => {
    void store.dispatch(name, input).then((result) => sendJson(res, result.ok ? 200 : result.error.code === 'internal' ? 500 : 400, result));
  });
}

/** A review document as a PDF download, printed by the system Chromium (web preview only). */
function handlePdf(ctx: Ctx, req: http.IncomingMessage, res: http.ServerResponse): void {
  readJson(req, res, (input) => {
    const result = dispatch(ctx, 'export.document', input);
    if (!result.ok) return sendJson(res, 400, result);
    const doc = result.value as ExportDoc;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-pdf-'));
    const file = path.join(dir, `${doc.filename}.pdf`);
    htmlToPdf(doc.html, file)
      .then(() => {
        res.writeHead(200, {
          'Content-Type': 'application/pdf',
          'Content-Disposition': `attachment; filename="${doc.filename}.pdf"`,
          'Cache-Control': 'no-store',
        });
        res.end(fs.readFileSync(file));
      })
      .catch((err: Error) => sendJson(res, 500, fail('internal', err.message)))
      .finally(() => fs.rmSync(dir, { recursive: true, force: true }));
  });
}

/** Reps or deals as CSV, or everything as JSON, as a download (the desktop app saves it itself). */
function handleDataExport(ctx: Ctx, req: http.IncomingMessage, res: http.ServerResponse): void {
  readJson(req, res, (input) => {
    const parsed = dataExportInput.safeParse(input);
    if (!parsed.success) return sendJson(res, 400, toFailure(parsed.error));
    const what = parsed.data.what;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-data-'));
    const name = exportFileName(what, ctx.clock.today());
    const file = path.join(dir, name);
    try {
      writeDataExport(ctx.db, ctx.clock, what, file);
      res.writeHead(200, {
        'Content-Type': what === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}"`,
        'Content-Length': fs.statSync(file).size,
        'Cache-Control': 'no-store',
      });
      fs.createReadStream(file)
        .on('close', () => fs.rmSync(dir, { recursive: true, force: true }))
        .pipe(res);
    } catch (err) {
      fs.rmSync(dir, { recursive: true, force: true });
      sendJson(res, 500, toFailure(err));
    }
  });
}

/**
 * A file the manager picked (CRM export, JSON copy): raw bytes in the body, its name in
 * X-File-Name (URI-encoded). Staged in memory; later API calls refer to it by id.
 */
function handleUpload(req: http.IncomingMessage, res: http.ServerResponse): void {
  if (req.method !== 'POST') return send(res, 405, 'text/plain', 'Use POST');
  const mediaType = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'application/octet-stream') return send(res, 415, 'text/plain', 'Send the file as application/octet-stream');
  let name: string;
  try {
    name = decodeURIComponent(String(req.headers['x-file-name'] ?? 'file'));
  } catch {
    return sendJson(res, 400, fail('invalid', 'The file name is not valid.', 'file'));
  }
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (c: Buffer) => {
    size += c.length;
    if (size > MAX_STAGED_BYTES) {
      sendJson(res, 413, fail('invalid', 'The file is larger than 512 MB.', 'file'));
      req.destroy();
    } else chunks.push(c);
  });
  req.on('end', () => {
    if (res.headersSent) return;
    try {
      sendJson(res, 200, ok(stageFile(name, Buffer.concat(chunks))));
    } catch (err) {
      sendJson(res, 400, toFailure(err));
    }
  });
}

/** Reads a JSON POST body (size-capped) and hands it on; answers the errors itself. */
function readJson(req: http.IncomingMessage, res: http.ServerResponse, then: (input: unknown) => void): void {
  if (req.method !== 'POST') return send(res, 405, 'text/plain', 'Use POST');
  const mediaType = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'application/json') return send(res, 415, 'text/plain', 'Send JSON');
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (c: Buffer) => {
    size += c.length;
    if (size > MAX_BODY) {
      sendJson(res, 413, fail('invalid', 'The request is too large.'));
      req.destroy();
    } else chunks.push(c);
  });
  req.on('end', () => {
    if (res.headersSent) return;
    let input: unknown;
    try {
      const text = Buffer.concat(chunks).toString('utf8');
      input = text ? JSON.parse(text) : {};
    } catch {
      return sendJson(res, 400, fail('invalid', 'The request was not valid JSON.'));
    }
    then(input);
  });
}

function serveStatic(root: string, pathname: string, res: http.ServerResponse): void {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return send(res, 400, 'text/plain', 'Bad path');
  }
  let file = path.resolve(root, '.' + (rel === '/' ? '/index.html' : rel));
  if (!file.startsWith(root + path.sep)) return send(res, 403, 'text/plain', 'Forbidden');
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
  if (!fs.existsSync(file)) {
    return send(res, 500, 'text/plain', 'The renderer is not built. Run `npm run build` first.');
  }
  const type = MIME[path.extname(file)] ?? 'application/octet-stream';
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
  });
  fs.createReadStream(file).pipe(res);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
}
