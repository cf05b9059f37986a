import { timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { ExportDoc } from '../../shared/schemas/exports';
import { htmlToPdf } from '../core/export/pdf';
import { toFailure } from '../core/api/dispatch';
import { Store } from '../core/store';
import { exportDataFile, exportFileName, DATA_FILES } from '../core/data/exportData';
import { privateTempDir } from '../core/data/leftovers';
import { withSnapshot } from '../core/data/snapshot';
import { exportDocument } from '../core/export/exportDocument';
import { exportRequest } from '../../shared/schemas/exports';
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
  /**
   * The per-launch secret (random, printed in the URL): every request must carry it, as a
   * cookie set from that URL or an X-Workbench-Token header. Other accounts on the machine
   * can reach 127.0.0.1 too; without the secret they get nothing.
   */
  token: string;
}

export const TOKEN_HEADER = 'x-workbench-token';
export const tokenCookie = (port: number) => `wb_token_${port}`;

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

function cookieValue(req: http.IncomingMessage, name: string): string | null {
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/**
 * Serves the built renderer and the typed API (POST /api/<call>) on loopback only.
 * Host and Origin are checked so other web pages cannot reach the API (DNS rebinding, CSRF),
 * and the per-launch secret so other local accounts cannot either.
 */
export function createPreviewServer({ store: given, ctx, staticDir, token }: PreviewOptions): http.Server {
  if (!token || token.length < 16) throw new Error('The web preview needs a per-launch secret of at least 16 characters.');
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
    const cookie = tokenCookie(port!);
    // The printed link: keep its secret in a cookie for this page, then drop it from the address.
    const given = url.searchParams.get('token');
    if (given !== null && (req.method === 'GET' || req.method === 'HEAD')) {
      if (!sameSecret(given, token)) return sendUnauthorized(req, res);
      url.searchParams.delete('token');
      res.writeHead(303, {
        'Set-Cookie': `${cookie}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: `${url.pathname}${url.search}`,
        'Cache-Control': 'no-store',
        'Referrer-Policy': 'no-referrer',
      });
      return void res.end();
    }
    const presented = cookieValue(req, cookie) ?? (typeof req.headers[TOKEN_HEADER] === 'string' ? (req.headers[TOKEN_HEADER] as string) : null);
    if (presented === null || !sameSecret(presented, token)) return sendUnauthorized(req, res);
    if (url.pathname.startsWith('/api/')) return handleApi(store, url, req, res);
    if (req.method === 'POST' && !store.ctx) return sendJson(res, 409, fail('unavailable', 'The database needs to be recovered first.'));
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

/**
 * A review document as a PDF download, printed by the system Chromium (web preview only). It is
 * built from a committed snapshot, so an import being written is never half in it.
 */
function handlePdf(ctx: Ctx, req: http.IncomingMessage, res: http.ServerResponse): void {
  readJson(req, res, (input) => {
    const parsed = exportRequest.safeParse(input);
    if (!parsed.success) return sendJson(res, 400, toFailure(parsed.error));
    let doc: ExportDoc;
    try {
      doc = withSnapshot(ctx, (db) => exportDocument({ ...ctx, db }, parsed.data));
    } catch (err) {
      const failure = toFailure(err, 'export.document');
      return sendJson(res, failure.ok ? 200 : failure.error.code === 'internal' ? 500 : 400, failure);
    }
    const dir = privateTempDir(ctx.dbPath);
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

/**
 * Reps or deals as CSV, or everything as JSON, as a download (the desktop app saves it itself).
 * Read from a committed snapshot (an import running meanwhile is not in it), and written to a
 * private folder beside the database that a kill leaves for the next start to clean.
 */
function handleDataExport(ctx: Ctx, req: http.IncomingMessage, res: http.ServerResponse): void {
  readJson(req, res, (input) => {
    const parsed = dataExportInput.safeParse(input);
    if (!parsed.success) return sendJson(res, 400, toFailure(parsed.error));
    const what = parsed.data.what;
    const dir = privateTempDir(ctx.dbPath);
    const name = exportFileName(what, ctx.clock.today());
    const file = path.join(dir, name);
    try {
      exportDataFile(ctx, what, file);
      res.writeHead(200, {
        'Content-Type': DATA_FILES[what].type,
        'Content-Disposition': `attachment; filename="${name}"`,
        'Content-Length': fs.statSync(file).size,
        'Cache-Control': 'no-store',
      });
      fs.createReadStream(file)
        .on('close', () => fs.rmSync(dir, { recursive: true, force: true }))
        .pipe(res);
    } catch (err) {
      fs.rmSync(dir, { recursive: true, force: true });
      const failure = toFailure(err);
      sendJson(res, !failure.ok && failure.error.code === 'internal' ? 500 : 409, failure);
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

/** Without the secret: a page that says where to find the link, or a JSON refusal for calls. */
function sendUnauthorized(req: http.IncomingMessage, res: http.ServerResponse): void {
  const url = req.url ?? '/';
  if (req.method === 'GET' && !url.startsWith('/api/') && !url.startsWith('/export/') && !url.startsWith('/upload')) {
    return send(
      res,
      401,
      'text/html; charset=utf-8',
      '<!doctype html><meta charset="utf-8"><title>Sales Manager Workbench</title><p style="font-family:system-ui;margin:2em">' +
        'This web preview only opens from the link it printed when it started (it ends in <code>?token=…</code>). ' +
        'Copy that link from the terminal where the preview runs.</p>',
    );
  }
  sendJson(res, 401, fail('invalid', 'This web preview needs the secret from the link it printed when it started.'));
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
