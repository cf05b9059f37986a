// Validates electron-builder.yml against electron-builder's own schema, without packaging
// (packaging needs the Electron binary, which offline build machines cannot download).
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { root } from './lib.mjs';

const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config');
const { DebugLogger } = require('builder-util');

// The project's own configuration, or (for the tests) another one given as the first argument.
const file = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, 'electron-builder.yml');
const config = await getConfig(root, file, null);
await validateConfiguration(config, new DebugLogger(false));
// The hardening the packaged app relies on: fail the check if a fuse is dropped.
const fuses = config.electronFuses ?? {};
const wanted = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
};
const wrong = Object.entries(wanted).filter(([k, v]) => fuses[k] !== v);
if (wrong.length) {
  console.error(`electron-builder.yml: these Electron fuses must be set: ${wrong.map(([k, v]) => `${k}: ${v}`).join(', ')}`);
  process.exit(1);
}
// Installers for every desktop: AppImage and deb on Linux, dmg on macOS, NSIS on Windows.
const targets = (t) => (Array.isArray(t) ? t : [t]).map((x) => (typeof x === 'string' ? x : x?.target));
const wantedTargets = { linux: ['AppImage', 'deb'], mac: ['dmg'], win: ['nsis'] };
for (const [platform, names] of Object.entries(wantedTargets)) {
  const have = targets(config[platform]?.target);
  const missing = names.filter((n) => !have.includes(n));
  if (missing.length) {
    console.error(`electron-builder.yml: ${platform} must build ${missing.join(', ')}.`);
    process.exit(1);
  }
}
// The icon every platform's is made from: a 1024x1024 PNG (width and height sit in its IHDR chunk).
const iconPath = path.resolve(root, config.icon ?? 'resources/icon.png');
const png = fs.existsSync(iconPath) ? fs.readFileSync(iconPath) : null;
const size = png && png.toString('ascii', 12, 16) === 'IHDR' ? [png.readUInt32BE(16), png.readUInt32BE(20)] : null;
if (!size || size[0] !== 1024 || size[1] !== 1024) {
  console.error(`electron-builder.yml: the icon ${path.relative(root, iconPath)} must be a 1024x1024 PNG (${size ? size.join('x') : 'not a PNG'}). Run npm run icon.`);
  process.exit(1);
}
console.log(`electron-builder.yml is valid (appId ${config.appId}, product ${config.productName}; AppImage, deb, dmg and nsis; icon 1024x1024).`);
