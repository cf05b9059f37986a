// Helpers shared by the npm scripts (plain Node, no TypeScript needed to run them).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds out/ with electron-vite when it is missing or older than the sources. */
export function ensureBuilt({ quiet = false } = {}) {
  const marker = path.join(root, 'out', 'renderer', 'index.html');
  const sources = ['renderer', 'shared', 'electron'].map((d) => newestMtime(path.join(root, d)));
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= Math.max(...sources)) return;
  if (!quiet) console.log('Building the app (electron-vite)…');
  const r = spawnSync(bin('electron-vite'), ['build'], { cwd: root, stdio: quiet ? 'pipe' : 'inherit' });
  if (r.status !== 0) {
    if (quiet) process.stderr.write(r.stdout?.toString() ?? '', r.stderr?.toString() ?? '');
    console.error('The build failed; see the messages above.');
    process.exit(r.status ?? 1);
  }
}

/** Runs a TypeScript entry under Node through tsx, forwarding signals and the exit code. */
export function runTs(entry, args) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, entry), ...args], {
    cwd: process.cwd(),
    stdio: 'inherit',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
  return child;
}
