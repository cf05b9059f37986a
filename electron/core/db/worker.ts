/**
 * Slow whole-file work (SQLite's full integrity_check; the copy of an encrypted database) on
 * a worker thread with its own read-only connection, so the app keeps answering meanwhile.
 * WAL lets that connection read the last committed state while the app writes.
 */
import { Worker } from 'node:worker_threads';

export type WorkerTask =
  | { task: 'integrity'; file: string; key?: string; nativeBinding?: string }
  | { task: 'vacuumInto'; file: string; target: string; key?: string; nativeBinding?: string }
  | { task: 'rekey'; file: string; key?: string; newKey: string; nativeBinding?: string };

// Plain CommonJS run by the worker (eval): the same driver, found by its resolved path.
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const t = workerData.t;
const q = (s) => "'" + s.replace(/'/g, "''") + "'";
let db;
try {
  db = new Database(t.file, { readonly: t.task !== 'rekey', fileMustExist: true, timeout: 5000, ...(t.nativeBinding ? { nativeBinding: t.nativeBinding } : {}) });
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  if (t.key) db.pragma('key = ' + q(t.key));
  if (t.task === 'rekey') {
    db.prepare('SELECT COUNT(*) FROM sqlite_master').get(); // the old key (or none) must open it
    if (db.pragma('journal_mode', { simple: true }) === 'wal') db.pragma('journal_mode = DELETE');
    db.pragma('rekey = ' + q(t.newKey));
    parentPort.postMessage({ ok: true, lines: [] });
  } else if (t.task === 'integrity') {
    const rows = db.pragma('integrity_check(20)', { simple: false }).map((r) => r.integrity_check);
    parentPort.postMessage({ ok: rows.length === 1 && rows[0] === 'ok', lines: rows });
  } else {
    db.prepare('VACUUM INTO ?').run(t.target);
    parentPort.postMessage({ ok: true, lines: [] });
  }
} catch (err) {
  parentPort.postMessage({ ok: false, error: String(err && err.message || err), code: err && err.code });
} finally {
  if (db) db.close();
}
`;

export interface WorkerResult {
  ok: boolean;
  lines?: string[];
  error?: string;
  code?: string;
}

export function runInWorker(t: WorkerTask): Promise<WorkerResult> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_CODE, { eval: true, workerData: { driver: require.resolve('better-sqlite3'), t } });
    } catch (err) {
      resolve({ ok: false, error: `The check could not start (${(err as Error).message}).` });
      return;
    }
    let answered = false;
    worker.once('message', (m: WorkerResult) => {
      answered = true;
      resolve(m);
    });
    worker.once('error', (err) => {
      answered = true;
      resolve({ ok: false, error: err.message });
    });
    worker.once('exit', () => {
      if (!answered) resolve({ ok: false, error: 'The check stopped without an answer.' });
    });
  });
}
