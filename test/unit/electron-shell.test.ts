/**
 * The Electron shell without its binary: the main process and preload run against a small
 * fake of the `electron` module that records what they ask of it (windows, handlers, menu),
 * while the store behind the IPC is the real one on a real SQLite file. The real-window test
 * (test/e2e/electron.spec.ts) still runs where the binary can be downloaded.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_CHANNEL, SAVE_CHANNEL, STAGE_CHANNEL } from '../../shared/bridge';
import { sectionHash, SECTIONS } from '../../shared/sections';
import { hrefFor, parseRoute, type Route } from '../../renderer/src/app/routes';
import { systemClock } from '../../electron/core/clock';
import { userDataDir } from '../../electron/core/paths';
import { Store } from '../../electron/core/store';
import { tempDir, tempDbPath } from './helpers';

type Handler = (...args: unknown[]) => unknown;

/** What the code under test asked of Electron. */
const fake = vi.hoisted(() => ({
  handlers: new Map<string, (...args: unknown[]) => unknown>(),
  exposed: new Map<string, unknown>(),
  rendererInvokes: [] as unknown[][],
  appEvents: new Map<string, (...args: unknown[]) => unknown>(),
  windows: [] as { options: unknown; url: string | null }[],
  lock: true,
  quit: 0,
  paths: new Map<string, string>(),
  protocolHandlers: new Map<string, (req: Request) => unknown>(),
  menu: null as unknown,
  permissionRequest: null as null | ((...args: unknown[]) => void),
  permissionCheck: null as null | (() => boolean),
  ready: null as null | (() => void),
}));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { send: () => undefined };
    url: string | null = null;
    constructor(options: unknown) {
      fake.windows.push({ options, url: null });
    }
    once() {}
    on() {}
    show() {}
    loadURL(url: string) {
      fake.windows[fake.windows.length - 1]!.url = url;
      return Promise.resolve();
    }
    static fromWebContents() {
      return null;
    }
  }
  return {
    app: {
      setPath: (name: string, p: string) => fake.paths.set(name, p),
      getPath: (name: string) => fake.paths.get(name) ?? path.join(fake.paths.get('userData') ?? '/tmp', name),
      getAppPath: () => '/nonexistent-app-path',
      requestSingleInstanceLock: () => fake.lock,
      quit: () => void fake.quit++,
      on: (event: string, fn: (...args: unknown[]) => unknown) => fake.appEvents.set(event, fn),
      whenReady: () => new Promise<void>((resolve) => (fake.ready = resolve)),
      isPackaged: false,
    },
    BrowserWindow,
    Menu: { buildFromTemplate: (template: unknown) => ({ template }), setApplicationMenu: (m: unknown) => (fake.menu = m) },
    ipcMain: {
      handle: (channel: string, fn: (...args: unknown[]) => unknown) => {
        if (fake.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
        fake.handlers.set(channel, fn);
      },
    },
    ipcRenderer: { invoke: (...args: unknown[]) => fake.rendererInvokes.push(args) },
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
    protocol: { registerSchemesAsPrivileged: () => undefined, handle: (scheme: string, fn: (req: Request) => unknown) => fake.protocolHandlers.set(scheme, fn) },
    net: { fetch: (url: string) => Promise.resolve(new Response(`fetched ${url}`)) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: (...args: unknown[]) => void) => (fake.permissionRequest = fn),
        setPermissionCheckHandler: (fn: () => boolean) => (fake.permissionCheck = fn),
      },
      fromPartition: () => ({ webRequest: { onBeforeRequest: () => undefined } }),
    },
    dialog: { showSaveDialog: () => Promise.resolve({ canceled: true }) },
    nativeTheme: { themeSource: 'light', shouldUseDarkColors: true },
    shell: { openPath: () => Promise.resolve('') },
  };
});

const { denyPermissions, guardContents, isOurPage, RENDERER_URL, rendererFiles, windowOptions } = await import('../../electron/main/window');
const { registerApi } = await import('../../electron/main/ipc');
const { registerSave } = await import('../../electron/main/save');
const { buildMenu } = await import('../../electron/main/menu');

/** An IPC event as Electron delivers it: the sender and the frame the call came from. */
const ipcEvent = (sender: unknown, frame: { url: string; parent: unknown } | null) => ({ sender, senderFrame: frame });
const ourWindow = { id: 'ours' };
const trusted = (sender: unknown, frameUrl: string) => sender === ourWindow && isOurPage(frameUrl);
const topFrame = { url: `${RENDERER_URL}#/pipeline`, parent: null };

beforeEach(() => fake.handlers.clear());

describe('the window', () => {
  it('is isolated, sandboxed and without Node, whatever the spell-check setting', () => {
    for (const spellcheck of [false, true]) {
      const o = windowOptions('/app/preload/index.js', spellcheck);
      expect(o.webPreferences).toEqual({
        preload: '/app/preload/index.js',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        spellcheck,
      });
    }
  });

  it('never navigates away, opens a window, attaches a webview or follows a redirect', () => {
    const contents = Object.assign(new EventEmitter(), { openHandler: null as null | (() => unknown), setWindowOpenHandler(fn: () => unknown) { this.openHandler = fn; } });
    guardContents(contents as unknown as Electron.WebContents);
    const attempt = (event: string, ...args: unknown[]) => {
      const e = { preventDefault: vi.fn() };
      contents.emit(event, e, ...args);
      return e.preventDefault.mock.calls.length > 0;
    };
    expect(attempt('will-navigate', 'https://attacker.example/')).toBe(true);
    expect(attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(attempt('will-navigate', 'app://workbench/other.html')).toBe(true);
    expect(attempt('will-navigate', `${RENDERER_URL}#/deals/12`)).toBe(false); // a screen of ours
    expect(attempt('will-redirect', RENDERER_URL)).toBe(true);
    expect(attempt('will-attach-webview', {}, {})).toBe(true);
    expect(contents.openHandler?.()).toEqual({ action: 'deny' });
  });

  it('refuses every permission (camera, microphone, notifications…)', () => {
    const got: Record<string, unknown> = {};
    denyPermissions({
      setPermissionRequestHandler: (fn: (...a: unknown[]) => void) => fn(null, 'media', (allowed: boolean) => (got.request = allowed)),
      setPermissionCheckHandler: (fn: () => boolean) => (got.check = fn()),
    } as unknown as Electron.Session);
    expect(got).toEqual({ request: false, check: false });
  });

  it('serves only the built renderer’s own files from app://workbench/', async () => {
    const dir = tempDir();
    const rendererDir = path.join(dir, 'renderer');
    fs.mkdirSync(rendererDir);
    const fetched: string[] = [];
    const serve = rendererFiles(rendererDir, (url) => (fetched.push(url), Promise.resolve(new Response('ok'))));
    const status = async (url: string) => (await serve(new Request(url))).status;
    expect(await status('app://workbench/index.html')).toBe(200);
    expect(await status('app://workbench/')).toBe(200);
    expect(fetched).toEqual([pathToFileURL(path.join(rendererDir, 'index.html')).href, pathToFileURL(path.join(rendererDir, 'index.html')).href]);
    expect(await status('app://workbench/..%2f..%2fsecret.db')).toBe(403); // an encoded ../ past the folder
    expect(await status('app://workbench/%2e%2e%2f%2e%2e%2fsecret.db')).toBe(403);
    expect(await status('app://elsewhere/index.html')).toBe(404);
    expect(await status('app://workbench/%E0%A4%A')).toBe(400);
    // Dot segments the URL itself resolves ("/%2e%2e/etc") stay inside the folder.
    await serve(new Request('app://workbench/%2e%2e/%2e%2e/etc/passwd'));
    expect(fetched.slice(2)).toEqual([pathToFileURL(path.join(rendererDir, 'etc', 'passwd')).href]);
  });
});

describe('IPC', () => {
  let store: Store;
  beforeEach(() => {
    store = Store.open(tempDbPath(), systemClock, 'electron');
  });
  afterEach(() => store.close());

  it('answers the typed API only for our window’s top frame, and checks every input', async () => {
    registerApi(store, trusted);
    const api = fake.handlers.get(API_CHANNEL)! as Handler;
    expect(await api(ipcEvent(ourWindow, topFrame), 'reps.list', {})).toEqual({ ok: true, value: [] });
    const created = (await api(ipcEvent(ourWindow, topFrame), 'reps.create', { name: 'Ada Park', role: 'field', quota: 1000 })) as { ok: boolean };
    expect(created.ok).toBe(true);
    const refusal = { ok: false, error: { code: 'invalid', message: 'Request refused: it did not come from the workbench window.' } };
    expect(await api(ipcEvent({ id: 'another window' }, topFrame), 'reps.list', {})).toEqual(refusal);
    expect(await api(ipcEvent(ourWindow, { url: topFrame.url, parent: {} }), 'reps.list', {})).toEqual(refusal); // an iframe
    expect(await api(ipcEvent(ourWindow, { url: 'https://attacker.example/', parent: null }), 'reps.list', {})).toEqual(refusal);
    expect(await api(ipcEvent(ourWindow, null), 'reps.list', {})).toEqual(refusal);
    // Input stays unknown until the call's schema reads it: bad input is named, nothing written.
    const bad = (await api(ipcEvent(ourWindow, topFrame), 'reps.create', { name: '', role: 'pilot' })) as { ok: boolean; error: { code: string; message: string } };
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(bad.error.message).toMatch(/Name/);
    expect(await api(ipcEvent(ourWindow, topFrame), 'reps.dropTable', {})).toMatchObject({ ok: false });
    expect(((await api(ipcEvent(ourWindow, topFrame), 'reps.list', {})) as { value: unknown[] }).value).toHaveLength(1);
  });

  it('stages a picked file’s bytes for our window only, and refuses what is not bytes', async () => {
    registerApi(store, trusted);
    const stage = fake.handlers.get(STAGE_CHANNEL)! as Handler;
    const bytes = new TextEncoder().encode('Deal,Owner,Stage\nA,Ann,Proposal\n');
    expect(await stage(ipcEvent(ourWindow, topFrame), 'deals.csv', bytes.buffer)).toMatchObject({ ok: true, value: { name: 'deals.csv', size: bytes.length } });
    expect(await stage(ipcEvent(ourWindow, topFrame), 'deals.csv', 'not bytes')).toEqual({ ok: false, error: { code: 'invalid', message: 'The file could not be read.', field: 'file' } });
    expect(await stage(ipcEvent({ id: 'other' }, topFrame), 'deals.csv', bytes.buffer)).toMatchObject({ ok: false, error: { message: /did not come from the workbench window/ } });
  });

  it('saves exports only for our window, and reads what to save through its schema', async () => {
    registerSave(store, tempDir(), trusted);
    const save = fake.handlers.get(SAVE_CHANNEL)! as Handler;
    expect(await save(ipcEvent({ id: 'other' }, topFrame), { data: 'json' })).toMatchObject({ ok: false, error: { message: /did not come from the workbench window/ } });
    expect(await save(ipcEvent(ourWindow, topFrame), { data: 'everything' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await save(ipcEvent(ourWindow, topFrame), { data: 'json' })).toEqual({ ok: true, value: null }); // the fake dialog is cancelled
  });
});

describe('menu and shortcuts', () => {
  type Item = { label?: string; role?: string; accelerator?: string; registerAccelerator?: boolean; click?: (item: unknown, win: unknown) => void; submenu?: Item[] };
  const menuOf = (packaged: boolean) => (buildMenu('/data', packaged) as unknown as { template: Item[] }).template;

  it('lists every section in a Go menu with the page’s own Ctrl/Cmd key, and navigates when clicked', () => {
    const go = menuOf(true).find((m) => m.label === 'Go')!.submenu!;
    expect(go.map((i) => [i.label, i.accelerator, i.registerAccelerator])).toEqual(SECTIONS.map((s) => [s.label, `CmdOrCtrl+${s.key}`, false]));
    const ran: string[] = [];
    go.find((i) => i.label === 'Pipeline')!.click!({}, { webContents: { executeJavaScript: (code: string) => (ran.push(code), Promise.resolve()) } });
    expect(ran).toEqual(['location.hash = "#/pipeline"']);
  });

  it('the page’s routes are the menu’s: each section’s address opens that section', () => {
    for (const s of SECTIONS) {
      expect(hrefFor({ name: s.name } as Route)).toBe(sectionHash(s.name));
      expect(parseRoute(sectionHash(s.name)).name).toBe(s.name);
    }
  });

  it('offers developer tools only in development', () => {
    const roles = (packaged: boolean) => menuOf(packaged).find((m) => m.label === 'View')!.submenu!.map((i) => i.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('toggleDevTools');
  });
});

describe('preload', () => {
  it('exposes one narrow bridge, never ipcRenderer', async () => {
    await import('../../electron/preload/index');
    const bridge = fake.exposed.get('workbench') as Record<string, (...a: unknown[]) => unknown>;
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'save', 'shell', 'stage']);
    expect(bridge.shell).toBe('electron');
    void bridge.invoke!('reps.list', {});
    expect(fake.rendererInvokes).toEqual([[API_CHANNEL, 'reps.list', {}]]);
  });
});

describe('main process start', () => {
  const argv = process.argv;
  afterEach(() => {
    process.argv = argv;
    fake.windows.length = 0;
    fake.appEvents.clear();
  });

  it('a second instance quits at once; the data folder is the one the CLI and preview use', async () => {
    vi.resetModules();
    fake.lock = false;
    fake.quit = 0;
    await import('../../electron/main/index');
    expect(fake.quit).toBe(1);
    expect(fake.windows).toHaveLength(0);
    expect(fake.paths.get('userData')).toBe(userDataDir());
  });

  it('the first instance opens the database, wires the API, sets the menu and opens one guarded window on app://', async () => {
    vi.resetModules();
    fake.lock = true;
    const db = tempDbPath();
    process.argv = [...argv, '--db', db];
    fake.paths.set('userData', path.dirname(db));
    await import('../../electron/main/index');
    expect(fake.appEvents.has('second-instance')).toBe(true);
    expect(fake.appEvents.has('web-contents-created')).toBe(true);
    fake.ready!();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    expect(fake.windows[0]!.url).toBe(RENDERER_URL);
    expect((fake.windows[0]!.options as { webPreferences: Record<string, unknown> }).webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    // The theme follows the system's (dark in this fake): no white flash before the page paints.
    const electron = (await import('electron')) as unknown as { nativeTheme: { themeSource: string } };
    expect(electron.nativeTheme.themeSource).toBe('system');
    expect((fake.windows[0]!.options as { backgroundColor: string }).backgroundColor).toBe('#14161c');
    expect([...fake.handlers.keys()].sort()).toEqual([API_CHANNEL, SAVE_CHANNEL, STAGE_CHANNEL].sort());
    expect(fake.protocolHandlers.has('app')).toBe(true);
    expect(fake.permissionCheck?.()).toBe(false);
    expect(fs.existsSync(db)).toBe(true); // the database was opened (and migrated) at --db
    expect((fake.menu as { template: { label?: string }[] }).template.some((m) => m.label === 'Go')).toBe(true);
    fake.appEvents.get('will-quit')!(); // closes the store
  });
});
