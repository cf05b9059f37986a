/**
 * The CLI's bundle never runs stale: the bin's own start-up (scripts/cliBundle.mjs startCli),
 * run as the bin runs it, on a small project of its own in a temp folder, so the test changes no
 * file of this tree. Each run prints what the bundle was built from.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers';

const script = pathToFileURL(path.resolve(__dirname, '../../scripts/cliBundle.mjs')).href;

function project() {
  const base = tempDir();
  fs.writeFileSync(path.join(base, 'entry.ts'), "import { word } from './dep';\nprocess.stdout.write(word);\n");
  fs.writeFileSync(path.join(base, 'dep.ts'), "export const word: string = 'one';\n");
  // out/ exists, as after the app's build: creating it would move the project folder's time, in
  // the very tick the build starts, and cost one more build (never a stale run).
  fs.mkdirSync(path.join(base, 'out'));
  const opts = { base, entry: path.join(base, 'entry.ts'), bundle: path.join(base, 'out', 'main.cjs') };
  const start = () => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(script)}); await m.startCli(${JSON.stringify(opts)});`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return r.stdout;
  };
  const builtAt = () => fs.statSync(opts.bundle).mtimeMs;
  const manifest = () => JSON.parse(fs.readFileSync(`${opts.bundle}.inputs.json`, 'utf8')) as { startedAt: number; files: string[] };
  return { base, start, builtAt, manifest };
}

describe('the CLI bundle', () => {
  it('is built when missing, reused while nothing changed, and built again when a source it read changes', () => {
    const p = project();
    expect(p.start()).toBe('one');
    expect(p.manifest().files).toEqual(expect.arrayContaining(['entry.ts', 'dep.ts']));
    const first = p.builtAt();
    expect(p.start()).toBe('one');
    expect(p.builtAt()).toBe(first); // not rebuilt

    fs.writeFileSync(path.join(p.base, 'dep.ts'), "export const word: string = 'two';\n");
    expect(p.start()).toBe('two');
  }, 60_000);

  it('counts a source saved while the bundle was being built (after the build started) as newer', () => {
    const p = project();
    expect(p.start()).toBe('one');
    // Saved after esbuild read it, before the bundle was written: older than the bundle, not than the build's start.
    fs.writeFileSync(path.join(p.base, 'dep.ts'), "export const word: string = 'two';\n");
    const during = Math.ceil(p.manifest().startedAt); // ms: the file system keeps finer times than a Date
    fs.utimesSync(path.join(p.base, 'dep.ts'), during / 1000, during / 1000);
    expect(during).toBeLessThan(p.builtAt());
    expect(p.start()).toBe('two');
  }, 60_000);

  it('is built again when a new file changes what an import resolves to, or the bundle is not the one its manifest describes', () => {
    const p = project();
    expect(p.start()).toBe('one');
    // esbuild resolves './dep' to dep.tsx before dep.ts: a new file, no source edited.
    fs.writeFileSync(path.join(p.base, 'dep.tsx'), "export const word: string = 'three';\n");
    expect(p.start()).toBe('three');

    // A bundle from elsewhere (another build's, copied in): its manifest no longer describes it.
    const bundle = path.join(p.base, 'out', 'main.cjs');
    fs.writeFileSync(bundle, "process.stdout.write('stale');\n");
    expect(p.start()).toBe('three');
  }, 60_000);

  it('is ASCII (a one-byte string in V8), its regular expressions matching what they matched', () => {
    const p = project();
    fs.writeFileSync(
      path.join(p.base, 'entry.ts'),
      "const won = /^(успешн|выигр)/i;\nconst money = /^[$€£]\\d/;\nconst notDone = /(?:^|[^\\p{L}])не\\s+реализ/u;\n" +
        "process.stdout.write([won.test('Успешно'), money.test('€5'), notDone.test('проект не реализован'), won.test('lost'), '’'].join());\n",
    );
    expect(p.start()).toBe('true,true,true,false,’');
    expect(fs.readFileSync(path.join(p.base, 'out', 'main.cjs'), 'latin1')).toMatch(/^[\x20-\x7e\n\t]*$/);
  }, 60_000);
});
