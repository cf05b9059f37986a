// npm start: the Electron app when its binary is available, else the web preview on the
// same default database, explained in one line instead of a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ensureBuilt, root, runTs } from './lib.mjs';

const require = createRequire(import.meta.url);
const electronDir = path.join(root, 'node_modules', 'electron');

/** Path to the Electron binary, downloading it once (as electron's own index.js would) if needed. */
function electronBinary() {
  if (!fs.existsSync(path.join(electronDir, 'package.json'))) return { error: 'the electron package is not installed' };
  const readPath = () => {
    const file = path.join(electronDir, 'path.txt');
    if (!fs.existsSync(file)) return null;
    const p = path.join(electronDir, 'dist', fs.readFileSync(file, 'utf8').trim());
    return fs.existsSync(p) ? p : null;
  };
  let found = readPath();
  if (found) return { path: found };
  // "First start only" is said once: a machine that cannot reach the download is told so,
  // not promised a first start every time.
  const tried = path.join(root, '.electron-native', 'download-tried');
  console.log(fs.existsSync(tried) ? 'Trying again to download Electron (it could not be downloaded last time)…' : 'Downloading Electron (first start only)…');
  fs.mkdirSync(path.dirname(tried), { recursive: true });
  fs.writeFileSync(tried, new Date().toISOString());
  const r = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { encoding: 'utf8', timeout: 10 * 60_000 });
  found = r.status === 0 ? readPath() : null;
  if (found) return { path: found };
  const reason = `${r.stderr ?? ''}${r.stdout ?? ''}`.split('\n').find((l) => /error|fail/i.test(l))?.trim();
  return { error: `its binary could not be downloaded${reason ? ` (${reason.slice(0, 120)})` : ''}` };
}

/** better-sqlite3 compiled for Electron's ABI, kept apart so the Node build (CLI, tests) still works. */
async function ensureElectronSqlite() {
  const electronVersion = require(path.join(electronDir, 'package.json')).version;
  const outDir = path.join(root, '.electron-native');
  const target = path.join(outDir, 'better_sqlite3.node');
  const stamp = path.join(outDir, 'electron-version');
  if (fs.existsSync(target) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === electronVersion) return;
  console.log(`Building better-sqlite3 for Electron ${electronVersion} (first start only)…`);
  const app = path.join(outDir, 'app');
  fs.rmSync(app, { recursive: true, force: true });
  fs.mkdirSync(path.join(app, 'node_modules'), { recursive: true });
  const sqlitePkg = path.join(root, 'node_modules', 'better-sqlite3');
  fs.cpSync(sqlitePkg, path.join(app, 'node_modules', 'better-sqlite3'), {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}build${path.sep}`),
  });
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'native', version: '1.0.0', dependencies: { 'better-sqlite3': '*' } }));
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: app, electronVersion, onlyModules: ['better-sqlite3'], force: true });
  fs.copyFileSync(path.join(app, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), target);
  fs.writeFileSync(stamp, electronVersion);
}

const electron = process.env.WORKBENCH_FORCE_WEB ? { error: 'WORKBENCH_FORCE_WEB is set' } : electronBinary();
if (electron.path) {
  try {
    await ensureElectronSqlite();
  } catch (err) {
    console.error(`Could not build the database driver for Electron: ${err.message.split('\n')[0]}`);
    process.exit(1);
  }
  ensureBuilt();
  const child = spawn(electron.path, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`Electron can't start here: ${electron.error}. Opening the web preview on the same database instead.`);
  ensureBuilt({ quiet: true });
  runTs('electron/preview/main.ts', process.argv.slice(2));
}
