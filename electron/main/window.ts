/**
 * The window's security, in functions the unit tests can run against a fake `electron`:
 * the page is ours alone (app://workbench/), windows are isolated and sandboxed, nothing may
 * navigate away, open windows, attach webviews or ask for permissions.
 */
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const SCHEME = 'app';
export const HOST = 'workbench';
export const RENDERER_URL = `${SCHEME}://${HOST}/index.html`;

/** Screens change the #hash; the page is still ours if everything before it matches. */
export function isOurPage(url: string): boolean {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href === RENDERER_URL;
  } catch {
    return false;
  }
}

/** The window's colour before the page paints, so a dark desktop never flashes white. */
export const windowBackground = (dark: boolean): string => (dark ? '#14161c' : '#f6f6f3');

/** The main window: context isolation, the sandbox, no Node in the page, web security on. */
export function windowOptions(preload: string, spellcheck: boolean, dark = false): BrowserWindowConstructorOptions {
  return {
    width: 1320,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    title: 'Sales Manager Workbench',
    show: false,
    backgroundColor: windowBackground(dark),
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Spell-checking is a setting, off by default: on Windows and Linux it downloads
      // dictionaries from Google's servers, and the workbench promises no network.
      spellcheck,
    },
  };
}

/** No webviews, no new windows, no navigation or redirect away from our own page. */
export function guardContents(contents: WebContents): void {
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (e, url) => {
    if (!isOurPage(url)) e.preventDefault();
  });
  contents.on('will-redirect', (e) => e.preventDefault());
}

/** Camera, microphone, notifications, geolocation…: every permission is refused. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  session.setPermissionCheckHandler(() => false);
}

/** The app:// handler: only the built renderer's own files, never a path outside its folder. */
export function rendererFiles(rendererDir: string, fetchFile: (fileUrl: string) => Promise<Response>): (req: Request) => Promise<Response> | Response {
  return (req) => {
    const u = new URL(req.url);
    if (u.host !== HOST) return new Response('Not found', { status: 404 });
    let rel: string;
    try {
      rel = decodeURIComponent(u.pathname);
    } catch {
      return new Response('Bad path', { status: 400 });
    }
    const file = path.resolve(rendererDir, `.${rel === '/' ? '/index.html' : rel}`);
    if (!file.startsWith(rendererDir + path.sep)) return new Response('Forbidden', { status: 403 });
    return fetchFile(pathToFileURL(file).href);
  };
}
