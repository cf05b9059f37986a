// npm run preview:web -- [--db FILE] [--port N]: the real renderer in a browser, on 127.0.0.1.
import { ensureBuilt, runTs } from './lib.mjs';

const args = process.argv.slice(2);
const noBuild = args.includes('--no-build');
if (!noBuild) ensureBuilt();
runTs('electron/preview/main.ts', args.filter((a) => a !== '--no-build'));
