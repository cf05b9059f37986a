import os from 'node:os';
import path from 'node:path';

/** Must match package.json productName: Electron names its userData folder after it. */
export const APP_NAME = 'Sales Manager Workbench';
export const DB_FILE = 'workbench.db';

/**
 * The folder Electron's app.getPath('userData') resolves to, computed without Electron so
 * the CLI and the web preview open the same database as the desktop app.
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_NAME);
}

export const defaultDbPath = (): string => path.join(userDataDir(), DB_FILE);
