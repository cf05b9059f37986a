import { Menu, shell, type BaseWindow, type MenuItemConstructorOptions } from 'electron';
import { sectionHash, SECTIONS } from '../../shared/sections';

/**
 * The application menu. The Go menu lists every section with the same Ctrl/Cmd key the page
 * answers (one table, shared/sections.ts); the page handles the key itself, so the menu only
 * shows it (registerAccelerator: false) and navigates when clicked.
 */
export function buildMenu(dataDir: string, isPackaged: boolean): Menu {
  const isMac = process.platform === 'darwin';
  const go = (hash: string) => (_item: unknown, win: BaseWindow | undefined) => {
    const contents = (win as { webContents?: Electron.WebContents } | undefined)?.webContents;
    void contents?.executeJavaScript(`location.hash = ${JSON.stringify(hash)}`);
  };
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Show Data Folder', click: () => void shell.openPath(dataDir) },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'Go',
      submenu: SECTIONS.map((s) => ({ label: s.label, accelerator: `CmdOrCtrl+${s.key}`, registerAccelerator: false, click: go(sectionHash(s.name)) })),
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
