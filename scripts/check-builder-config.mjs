// Validates electron-builder.yml against electron-builder's own schema, without packaging
// (packaging needs the Electron binary, which offline build machines cannot download).
import { createRequire } from 'node:module';
import path from 'node:path';
import { root } from './lib.mjs';

const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config');
const { DebugLogger } = require('builder-util');

const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
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
console.log(`electron-builder.yml is valid (appId ${config.appId}, product ${config.productName}).`);
