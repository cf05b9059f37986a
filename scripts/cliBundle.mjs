// The CLI bundle (plain Node, no TypeScript needed): built by esbuild, checked against the files
// that build read, run with V8's code cache. bin/workbench.mjs imports only this module, so a
// start loads nothing it does not use (child_process, for one, only when it has to build).
import { createRequire } from 'node:module';

// Node's own modules through require: an ESM import of node:fs builds a facade of every export,
// which loads the streams and fs/promises that a CLI start never uses.
const require = createRequire(import.meta.url);
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');
const { fileURLToPath } = require('node:url');

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
export function bundleStale(bundle = CLI_BUNDLE, base = root) {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestOf(bundle), 'utf8'));
  } catch {
    return true;
  }
  const st = fs.statSync(bundle, { throwIfNoEntry: false });
  // The manifest of another build (two builds racing, or one cut short): build again.
  if (!st || st.size !== manifest.size || st.mtimeMs !== manifest.mtimeMs) return true;
  // Paths relative to the project: a copy of the project is checked against its own files.
  for (const list of [manifest.files, manifest.dirs]) {
    for (const rel of list) {
      const t = fs.statSync(`${base}${path.sep}${rel}`, { throwIfNoEntry: false });
      if (!t || t.mtimeMs >= manifest.startedAt) return true;
    }
  }
  return false;
}

/** zod's translations of its messages (a quarter of the bundle); the CLI uses the English ones, which zod imports itself. */
const noZodLocales = {
  name: 'no-zod-locales',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (/[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'no-zod-locales' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'no-zod-locales' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

/**
 * node:crypto and node:worker_threads take 7 ms to load, and a command needs them only to name a
 * staged file, check a passphrase or back up on a worker thread. In the bundle each is an object
 * whose properties fetch the module's own when read; esbuild reads an imported name where it is
 * used, not at the import, so the module loads on first use.
 */
const LAZY_BUILTINS = ['node:crypto', 'node:worker_threads'];
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(build) {
    build.onResolve({ filter: new RegExp(`^(${LAZY_BUILTINS.join('|')})$`) }, (args) => (args.namespace === 'lazy-builtins' ? undefined : { path: args.path, namespace: 'lazy-builtins' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtins' }, (args) => ({
      loader: 'js',
      contents: `let m;
for (const k of ${JSON.stringify(Object.keys(require(args.path)))}) Object.defineProperty(module.exports, k, { enumerable: true, get: () => (m ??= require(${JSON.stringify(args.path)}))[k] });`,
    }));
  },
};

/**
 * better-sqlite3's JavaScript is bundled too (13 files, 15 ms to load one by one from
 * node_modules); only its compiled addon stays a file, opened by its path from the bundle's
 * folder where better-sqlite3 would ask the `bindings` package (a dozen paths tried and a stack
 * trace read, at every start). Null, and better-sqlite3 stays in node_modules, when the addon is
 * not where a build puts it.
 */
function sqliteAddon(bundle) {
  let addon;
  try {
    addon = require.resolve('better-sqlite3/build/Release/better_sqlite3.node');
  } catch {
    return null;
  }
  const fromBundle = path.relative(path.dirname(bundle), addon);
  const plugin = {
    name: 'sqlite-addon',
    setup(build) {
      build.onResolve({ filter: /^bindings$/ }, (args) => (/[\\/]better-sqlite3[\\/]/.test(args.importer) ? { path: 'bindings', namespace: 'sqlite-addon' } : undefined));
      build.onLoad({ filter: /.*/, namespace: 'sqlite-addon' }, () => ({
        loader: 'js',
        contents: `module.exports = () => require(require('node:path').join(__dirname, ${JSON.stringify(fromBundle)}));`,
      }));
    },
  };
  return { addon, plugin };
}

/**
 * Escapes what esbuild leaves outside ASCII (it escapes strings and templates, not regular
 * expressions) as \uXXXX, which means the same character in a regular expression: an ASCII
 * source is a one-byte string in V8, half the memory of a two-byte one. A raw template reads its
 * text unescaped, so a bundle that uses String.raw is left as it is.
 */
function asciiOnly(code) {
  if (!/[\u0080-\uffff]/.test(code) || code.includes('String.raw')) return code;
  return code.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Bundles the CLI (electron/cli/main.ts, the core it uses and its packages) into one CommonJS
 * file. The SQLite addon, the PDF printer and the calendar writer (each loaded only when used)
 * stay in node_modules. Written beside, then renamed: a CLI started during a build never reads
 * half a file. The build's start is taken from the file system's own clock (the new file's
 * time), the clock every source's time comes from, so a source saved while esbuild runs is never
 * taken for older than the bundle.
 */
export async function buildCli({ entry = CLI_ENTRY, bundle = CLI_BUNDLE, base = root } = {}) {
  const esbuild = require('esbuild');
  fs.mkdirSync(path.dirname(bundle), { recursive: true });
  const temp = `${bundle}.${process.pid}.partial`;
  const sqlite = sqliteAddon(bundle);
  try {
    fs.writeFileSync(temp, '');
    const startedAt = fs.statSync(temp).mtimeMs;
    const r = await esbuild.build({
      entryPoints: [entry],
      absWorkingDir: base,
      bundle: true,
      // Names kept as written, so a stack trace reads; --keep-names would rename 1,400 functions
      // at every start instead (2.7 MB more memory touched, measured).
      minifyWhitespace: true,
      minifySyntax: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'silent',
      write: false,
      metafile: true,
      outfile: temp,
      // Loading zod file by file alone took longer than the whole command: the rest is bundled.
      external: [...(sqlite ? [] : ['better-sqlite3']), '@playwright/test', 'ics'],
      plugins: [noZodLocales, lazyBuiltins, ...(sqlite ? [sqlite.plugin] : [])],
    }).catch((err) => {
      throw new Error(`Bundling the CLI failed:\n${err.message}`);
    });
    fs.writeFileSync(temp, asciiOnly(r.outputFiles[0].text));
    // The metafile names inputs relative to the working folder; the modules made up here are no file.
    const inputs = Object.keys(r.metafile.inputs).filter((p) => !p.includes(':'));
    const sources = inputs.map((p) => path.relative(base, path.resolve(base, p)));
    const others = [...BUILD_FILES.filter((f) => fs.existsSync(f)), ...(sqlite ? [sqlite.addon] : [])].map((f) => path.relative(base, f));
    // The folders imports were resolved in (not the project's own: a file made there resolves no import).
    const dirs = [...new Set(sources.map((f) => path.dirname(f)))];
    const files = [...sources, ...others];
    fs.renameSync(temp, bundle);
    const st = fs.statSync(bundle);
    fs.writeFileSync(`${temp}.inputs`, JSON.stringify({ startedAt, size: st.size, mtimeMs: st.mtimeMs, files, dirs }));
    fs.renameSync(`${temp}.inputs`, manifestOf(bundle));
  } finally {
    for (const f of [temp, `${temp}.inputs`]) fs.rmSync(f, { force: true });
  }
}

/**
 * Runs the CLI bundle in this process with V8's code cache beside it, so a start skips compiling
 * its 800 KB again (Node 20 has no module.enableCompileCache). The cache is named after the
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

/** What the bin does: bundles again first if anything it was built from changed, then runs it. */
export async function startCli({ entry = CLI_ENTRY, bundle = CLI_BUNDLE, base = root } = {}) {
  if (bundleStale(bundle, base)) await buildCli({ entry, bundle, base });
  runBundle(bundle);
}
