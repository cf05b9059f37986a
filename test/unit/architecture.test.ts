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
