// Helpers shared by the npm scripts (plain Node, no TypeScript needed to run them).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
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

/** The CLI, bundled by esbuild: starts in a fraction of the time tsx takes to compile it. */
export const CLI_BUNDLE = path.join(root, 'out', 'cli', 'main.cjs');

/** True when the CLI bundle is missing or older than any source it is built from. */
export function cliStale() {
  if (!fs.existsSync(CLI_BUNDLE)) return true;
  const built = fs.statSync(CLI_BUNDLE).mtimeMs;
  return ['shared', 'electron'].some((d) => newestMtime(path.join(root, d)) > built);
}

/**
 * Bundles the CLI (electron/cli/main.ts, the core it uses and its packages) into one CommonJS
 * file; only native modules are left to node_modules. Written beside, then renamed: a CLI started
 * during a build never reads half a file.
 */
export function buildCli() {
  fs.mkdirSync(path.dirname(CLI_BUNDLE), { recursive: true });
  const temp = `${CLI_BUNDLE}.partial`;
  const r = spawnSync(
    bin('esbuild'),
    [
      path.join(root, 'electron/cli/main.ts'),
      ...['--bundle', '--minify', '--keep-names', '--platform=node', '--target=node20', '--format=cjs', '--log-level=error', `--outfile=${temp}`],
      // Native modules and the PDF printer (loaded only to print) stay in node_modules; the rest is
      // bundled: loading zod file by file alone took longer than the whole command.
      ...['better-sqlite3', 'better-sqlite3-multiple-ciphers', '@playwright/test'].map((m) => `--external:${m}`),
    ],
    { cwd: root, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`Bundling the CLI failed:\n${r.stderr}`);
  fs.renameSync(temp, CLI_BUNDLE);
}

/**
 * Runs the CLI bundle in this process with V8's code cache beside it, so a start skips compiling
 * its 900 KB again (Node 20 has no module.enableCompileCache). The cache is named after the
 * bundle's size and time: V8 checks little more than the length, so a rebuilt bundle never
 * reads another bundle's cache. Written once, after the first run has compiled what it uses.
 */
export function runBundle(file) {
  const st = fs.statSync(file);
  const cacheFile = `${file}.${st.size}-${Math.floor(st.mtimeMs)}.v8cache`;
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    process.once('exit', () => {
      try {
        const dir = path.dirname(file);
        for (const f of fs.readdirSync(dir)) if (f.startsWith(`${path.basename(file)}.`) && f.endsWith('.v8cache')) fs.rmSync(path.join(dir, f), { force: true });
        fs.writeFileSync(`${cacheFile}.partial`, script.createCachedData());
        fs.renameSync(`${cacheFile}.partial`, cacheFile);
      } catch {
        // A read-only install: start without the cache.
      }
    });
  }
  const mod = new Module(file);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  script.runInThisContext().call(mod.exports, mod.exports, createRequire(file), mod, file, path.dirname(file));
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
