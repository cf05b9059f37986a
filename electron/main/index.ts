/**
 * Electron main: window, menu, single instance, database location, IPC wiring. Nothing else:
 * the store, rules and exports live in electron/core and run under plain Node too.
 */
import { app, BrowserWindow, Menu, nativeTheme, net, protocol, session } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { systemClock } from '../core/clock';
import { Store } from '../core/store';
import { DB_FILE, userDataDir } from '../core/paths';
import { ownPrivateDir } from '../core/db/fileModes';
import { getSettings } from '../core/repos/settings';
import { startupTasks } from '../core/startup';
import { registerApi } from './ipc';
import { registerSave } from './save';
import { buildMenu } from './menu';
import { denyPermissions, guardContents, isOurPage, RENDERER_URL, rendererFiles, SCHEME, windowOptions } from './window';

// Same folder the CLI and web preview use (they compute it without Electron).
app.setPath('userData', userDataDir());

// The renderer is served from app://workbench/, not file://: a page of ours has its own origin,
// and no other file on the disk is reachable from it.
protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  let store: Store | null = null;
  const rendererDir = path.join(__dirname, '../renderer');

  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  // Every web contents, ours or not: no webviews, no new windows, no navigation away.
  app.on('web-contents-created', (_e, contents) => guardContents(contents));

  app.whenReady().then(() => {
    protocol.handle(SCHEME, rendererFiles(rendererDir, (url) => net.fetch(url)));

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

    denyPermissions(session.defaultSession);
    const trusted = (sender: Electron.WebContents, frameUrl: string) => sender === win?.webContents && isOurPage(frameUrl);
    registerApi(store, trusted);
    registerSave(store, app.getPath('documents'), trusted);
    Menu.setApplicationMenu(buildMenu(dataDir, app.isPackaged));

    const spellcheck = store.ctx ? getSettings(store.ctx.db).spellcheck : false;
    // Light or dark as the system is: the page follows prefers-color-scheme, which Electron
    // takes from nativeTheme.
    nativeTheme.themeSource = 'system';
    win = new BrowserWindow(windowOptions(path.join(__dirname, '../preload/index.js'), spellcheck, nativeTheme.shouldUseDarkColors));
    win.once('ready-to-show', () => win?.show());
    win.on('closed', () => (win = null));
    void win.loadURL(RENDERER_URL);
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
