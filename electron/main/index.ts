/**
 * Electron main: window, menu, single instance, database location, IPC wiring. Nothing else:
 * the store, rules and exports live in electron/core and run under plain Node too.
 */
import { app, BrowserWindow, Menu, session } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { systemClock } from '../core/clock';
import { closeDatabase } from '../core/db/open';
import { Store } from '../core/store';
import { DB_FILE, userDataDir } from '../core/paths';
import { backupIfDue } from '../core/db/backup';
import { registerApi } from './ipc';
import { registerSave } from './save';
import { buildMenu } from './menu';

// Same folder the CLI and web preview use (they compute it without Electron).
app.setPath('userData', userDataDir());

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  let store: Store | null = null;
  const rendererIndex = path.join(__dirname, '../renderer/index.html');
  const rendererUrl = pathToFileURL(rendererIndex).href;
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
    const dataDir = app.getPath('userData');
    const dbPath = argValue('--db') ?? path.join(dataDir, DB_FILE);
    // In development the Node build of better-sqlite3 has the wrong ABI for Electron;
    // scripts/start.mjs builds an Electron copy here (packaged apps get theirs from electron-builder).
    const devBinding = path.join(app.getAppPath(), '.electron-native', 'better_sqlite3.node');
    const nativeBinding = fs.existsSync(devBinding) ? devBinding : undefined;
    // A damaged or foreign file is not opened: the window shows the recovery screen instead.
    store = Store.open(dbPath, systemClock, 'electron', nativeBinding);
    if (store.ctx) backupIfDue(store.ctx.db, dbPath, systemClock, nativeBinding).catch((err: Error) => console.error(`Automatic backup failed: ${err.message}`));

    session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    const trusted = (sender: Electron.WebContents, frameUrl: string) => sender === win?.webContents && isOurPage(frameUrl);
    registerApi(store, trusted);
    registerSave(store, app.getPath('documents'), trusted);
    Menu.setApplicationMenu(buildMenu(dataDir));

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
        spellcheck: true,
      },
    });
    win.once('ready-to-show', () => win?.show());
    win.on('closed', () => (win = null));
    void win.loadFile(rendererIndex);
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    if (store?.ctx) closeDatabase(store.ctx.db);
  });
}

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
