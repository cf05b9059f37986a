/**
 * The installer configuration, checked as CI checks it (scripts/check-builder-config.mjs):
 * electron-builder's own schema, the Electron fuses, a target per desktop and a 1024x1024 icon.
 * Packaging itself needs the Electron binary; the check does not.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers';

const root = path.resolve(__dirname, '../..');
const check = (file?: string) => spawnSync(process.execPath, [path.join(root, 'scripts/check-builder-config.mjs'), ...(file ? [file] : [])], { cwd: root, encoding: 'utf8' });
const real = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
const variant = (edit: (yml: string) => string) => {
  const file = path.join(tempDir(), 'electron-builder.yml');
  fs.writeFileSync(file, edit(real));
  return check(file);
};

describe('installer configuration', () => {
  it('builds AppImage and deb, dmg and nsis from one 1024x1024 icon, with the fuses set', () => {
    const r = check();
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/AppImage, deb, dmg and nsis; icon 1024x1024/);
  });

  it('fails when a desktop loses its installer, a fuse is dropped, or the icon is too small', () => {
    expect(variant((y) => y.replace('    - deb\n', ''))).toMatchObject({ status: 1, stderr: expect.stringMatching(/linux must build deb/) });
    expect(variant((y) => y.replace('runAsNode: false', 'runAsNode: true'))).toMatchObject({ status: 1, stderr: expect.stringMatching(/fuses must be set: runAsNode: false/) });
    const small = path.join(tempDir(), 'small.png');
    const png = Buffer.from(fs.readFileSync(path.join(root, 'resources/icon.png')));
    png.writeUInt32BE(512, 16); // the IHDR width and height
    png.writeUInt32BE(512, 20);
    fs.writeFileSync(small, png);
    expect(variant((y) => y.replace('icon: resources/icon.png', `icon: ${small}`))).toMatchObject({ status: 1, stderr: expect.stringMatching(/must be a 1024x1024 PNG \(512x512\)/) });
  });
});
