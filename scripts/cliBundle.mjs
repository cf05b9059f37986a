// The CLI bundle (plain Node, no TypeScript needed): built by esbuild, checked against the files
// that build read, run with V8's code cache. bin/workbench.mjs imports only this module, so a
// start loads nothing it does not use (child_process, for one, only when it has to build).
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

/** The CLI, bundled by esbuild: starts in a fraction of the time tsx takes to compile it. */
export const CLI_BUNDLE = path.join(root, 'out', 'cli', 'main.cjs');
const CLI_ENTRY = path.join(root, 'electron', 'cli', 'main.ts');

/** Besides what esbuild reports reading: the build's own options and the settings it reads. */
const BUILD_FILES = [fileURLToPath(import.meta.url), path.join(root, 'package.json'), path.join(root, 'tsconfig.json'), path.join(root, 'tsconfig.base.json')];

/** What a bundle was built from, beside it: `main.cjs.inputs.json`. */
const manifestOf = (bundle) => `${bundle}.inputs.json`;

/**
 * True when the bundle is missing, or any file its build read (esbuild's metafile: our sources
 * and the packages' files) or any folder holding one was changed since that build started. A
 * folder's time moves when a file is added, removed or replaced in it, so a new file that an
 * import would now resolve to, or a package installed again, also counts. Stale if in doubt.
 */
export function bundleStale(bundle = CLI_BUNDLE) {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestOf(bundle), 'utf8'));
  } catch {
    return true;
  }
  const st = fs.statSync(bundle, { throwIfNoEntry: false });
  // The manifest of another build (two builds racing, or one cut short): build again.
  if (!st || st.size !== manifest.size || st.mtimeMs !== manifest.mtimeMs) return true;
  for (const list of [manifest.files, manifest.dirs]) {
    for (const p of list) {
      const t = fs.statSync(p, { throwIfNoEntry: false });
      if (!t || t.mtimeMs >= manifest.startedAt) return true;
    }
  }
  return false;
}

/**
 * Bundles the CLI (electron/cli/main.ts, the core it uses and its packages) into one CommonJS
 * file; only native modules are left to node_modules. Written beside, then renamed: a CLI started
 * during a build never reads half a file. The build's start is taken from the file system's own
 * clock (the new file's time), the clock every source's time comes from, so a source saved while
 * esbuild runs is never taken for older than the bundle.
 */
export function buildCli({ entry = CLI_ENTRY, bundle = CLI_BUNDLE, cwd = root } = {}) {
  const { spawnSync } = createRequire(import.meta.url)('node:child_process');
  fs.mkdirSync(path.dirname(bundle), { recursive: true });
  const temp = `${bundle}.${process.pid}.partial`;
  const meta = `${temp}.meta.json`;
  try {
    fs.writeFileSync(temp, '');
    const startedAt = fs.statSync(temp).mtimeMs;
    const r = spawnSync(
      path.join(root, 'node_modules', '.bin', 'esbuild'),
      [
        entry,
        ...['--bundle', '--minify', '--keep-names', '--platform=node', '--target=node20', '--format=cjs', '--log-level=error', `--outfile=${temp}`, `--metafile=${meta}`],
        // Native modules and the PDF printer (loaded only to print) stay in node_modules; the rest is
        // bundled: loading zod file by file alone took longer than the whole command.
        ...['better-sqlite3', 'better-sqlite3-multiple-ciphers', '@playwright/test'].map((m) => `--external:${m}`),
      ],
      { cwd, encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`Bundling the CLI failed:\n${r.stderr}`);
    // The metafile names inputs relative to esbuild's working folder.
    const files = [...Object.keys(JSON.parse(fs.readFileSync(meta, 'utf8')).inputs).map((p) => path.resolve(cwd, p)), ...BUILD_FILES.filter((f) => fs.existsSync(f))];
    const dirs = [...new Set(files.map((f) => path.dirname(f)))];
    fs.renameSync(temp, bundle);
    const st = fs.statSync(bundle);
    fs.writeFileSync(`${temp}.inputs`, JSON.stringify({ startedAt, size: st.size, mtimeMs: st.mtimeMs, files, dirs }));
    fs.renameSync(`${temp}.inputs`, manifestOf(bundle));
  } finally {
    for (const f of [temp, meta, `${temp}.inputs`]) fs.rmSync(f, { force: true });
  }
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
