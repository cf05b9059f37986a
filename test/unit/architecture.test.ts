import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

function files(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return files(rel);
    return /\.(ts|tsx)$/.test(e.name) ? [rel] : [];
  });
}

const importsOf = (file: string) =>
  [...fs.readFileSync(path.join(root, file), 'utf8').matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2]!,
  );

function violations(dir: string, forbidden: RegExp): string[] {
  return files(dir).flatMap((f) => importsOf(f).filter((i) => forbidden.test(i)).map((i) => `${f} imports ${i}`));
}

// The layers the folders promise: shared is pure, the renderer knows no Node or Electron,
// and the Node core (also used by the CLI and the web preview) never needs Electron.
describe('architecture boundaries', () => {
  it('shared/ imports no Electron, Node, database or React', () => {
    expect(violations('shared', /^(electron|node:|fs$|path$|better-sqlite3|react)|\.\.\/(electron|renderer)\//)).toEqual([]);
  });
  it('renderer/ imports no Electron, Node or database', () => {
    expect(violations('renderer', /^(electron|node:|fs$|path$|better-sqlite3)|\/electron\//)).toEqual([]);
  });
  it('the core, CLI and web preview never import electron', () => {
    const dirs = ['electron/core', 'electron/cli', 'electron/preview'];
    expect(dirs.flatMap((d) => violations(d, /^electron$|^electron\/|\/main\/|\/preload\//))).toEqual([]);
  });
  it('the boundary check itself sees imports (so it cannot pass vacuously)', () => {
    expect(importsOf('electron/main/index.ts')).toContain('electron');
    expect(files('shared').length).toBeGreaterThan(3);
  });
});

// The core's own layers, lowest first. A file may import its own layer and the layers below,
// never one above; the CLI, the web preview and Electron's main sit above them all.
const CORE_LAYERS = [
  ['clock', 'errors', 'paths'], // plain helpers
  ['db/', 'files/', 'context'], // the SQLite file, staged uploads, the context that holds the db
  ['repos/'], // reads and writes, one kind of record each
  ['import/', 'export/', 'data/', 'demo/'], // whole jobs built on the repos
  ['api/'], // the calls: input checked, handler run
  ['store', 'startup'], // the open store and its start-up tasks
];
const SHELLS = CORE_LAYERS.length;

/** The layer of a repo path (with or without .ts): -1 outside electron/, SHELLS outside the core. */
function layerOf(file: string): number {
  const p = file.split(path.sep).join('/').replace(/\.tsx?$/, '');
  if (!p.startsWith('electron/')) return -1;
  if (!p.startsWith('electron/core/')) return SHELLS;
  const rel = p.slice('electron/core/'.length);
  return CORE_LAYERS.findIndex((layer) => layer.some((l) => (l.endsWith('/') ? rel.startsWith(l) : rel === l)));
}

const relativeImports = (file: string) =>
  importsOf(file)
    .filter((i) => i.startsWith('.'))
    .map((i) => ({ spec: i, target: path.join(path.dirname(file), i) }));

describe('the core layers', () => {
  const core = files('electron/core');
  it('every core file sits in a layer', () => {
    expect(core.filter((f) => layerOf(f) < 0)).toEqual([]);
  });
  it('each layer imports only its own and lower layers', () => {
    const upward = core.flatMap((f) =>
      relativeImports(f)
        .filter(({ target }) => layerOf(target) > layerOf(f))
        .map(({ spec }) => `${f} imports ${spec}`),
    );
    expect(upward).toEqual([]);
  });
  it('the layer check itself sees imports across layers (so it cannot pass vacuously)', () => {
    const handlers = relativeImports('electron/core/api/handlers.ts').map(({ target }) => layerOf(target));
    expect(handlers).toContain(layerOf('electron/core/repos/deals.ts'));
    expect(layerOf('electron/core/repos/deals.ts')).toBeLessThan(layerOf('electron/core/api/handlers.ts'));
    expect(layerOf('electron/cli/run.ts')).toBe(SHELLS);
  });
});
