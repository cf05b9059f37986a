// Builds out/ if it is missing or older than the sources (for scripts that serve the renderer).
import { ensureBuilt } from './lib.mjs';

ensureBuilt();
