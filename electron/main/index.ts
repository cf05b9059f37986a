/**
 * Electron main: window, menu, single instance, database location, IPC wiring. Nothing else:
 * the store, rules and exports live in electron/core and run under plain Node too.
 */
import { app, BrowserWindow, Menu, net, protocol, session } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { systemClock } from '../core/clock';
import { Store } from '../core/store';
import { DB_FILE, userDataDir } from '../core/paths';
import { ownPrivateDir } from '../core/db/fileModes';
import { getSettings } from '../core/repos/settings';
import { startupTasks } from '../core/startup';
import { registerApi } from './ipc';
import { registerSave } from './save';
import { buildMenu } from './menu';

// Same folder the CLI and web preview use (they compute it without Electron).
app.setPath('userData', userDataDir());

// The renderer is served from app://workbench/, not file://: a page of ours has its own origin,
// and no other file on the disk is reachable from it.
const SCHEME = 'app';
const HOST = 'workbench';
protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  let store: Store | null = null;
  const rendererDir = path.join(__dirname, '../renderer');
  const rendererUrl = `${SCHEME}://${HOST}/index.html`;
  // Screens change the #hash; the page is still ours if everything before it matches.
  const isOurPage = (url: string) => {
    try {
      const u = new URL(url);
      u.hash = '';
      return u.href === rendererUrl;
    } catch {
      return false;
    }
  };

  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  // No webviews, no new windows, no navigation away from our own page.
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (e, url) => {
      if (!isOurPage(url)) e.preventDefault();
    });
    contents.on('will-redirect', (e) => e.preventDefault());
  });

  app.whenReady().then(() => {
    // Only the built renderer's own files, never a path outside its folder.
    protocol.handle(SCHEME, (req) => {
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
      return net.fetch(pathToFileURL(file).href);
    });

    const dataDir = app.getPath('userData');
    ownPrivateDir(dataDir); // owner-only: other accounts on this computer cannot list or read it
    const dbPath = argValue('--db') ?? path.join(dataDir, DB_FILE);
    // In development the Node build of better-sqlite3 has the wrong ABI for Electron;
    // scripts/start.mjs builds an Electron copy here (packaged apps get theirs from electron-builder).
    const devBinding = path.join(app.getAppPath(), '.electron-native', 'better_sqlite3.node');
    const nativeBinding = fs.existsSync(devBinding) ? devBinding : undefined;
    // A damaged or foreign file is not opened: the window shows the recovery screen instead.
    store = Store.open(dbPath, systemClock, 'electron', nativeBinding);
    startupTasks(store, dbPath, systemClock, nativeBinding);

    session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    const trusted = (sender: Electron.WebContents, frameUrl: string) => sender === win?.webContents && isOurPage(frameUrl);
    registerApi(store, trusted);
    registerSave(store, app.getPath('documents'), trusted);
    Menu.setApplicationMenu(buildMenu(dataDir));

    // Spell-checking is a setting, off by default: on Windows and Linux it downloads
    // dictionaries from Google's servers, and the workbench promises no network.
    const spellcheck = store.ctx ? getSettings(store.ctx.db).spellcheck : false;
    win = new BrowserWindow({
      width: 1320,
      height: 860,
      minWidth: 960,
      minHeight: 600,
      title: 'Sales Manager Workbench',
      show: false,
      backgroundColor: '#f7f7f5',
      webPreferences: {
        preload: path.join(__dirname, '../preload/index.js'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        spellcheck,
      },
    });
    win.once('ready-to-show', () => win?.show());
    win.on('closed', () => (win = null));
    void win.loadURL(rendererUrl);
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    try {
      store?.close();
    } catch (err) {
      console.error(`Closing the database: ${(err as Error).message}`);
    }
  });
}

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
