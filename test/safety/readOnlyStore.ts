/**
 * Opens a read-only database the way the app does and reports, as one JSON line, what a
 * manager would see: run as an unprivileged account by test/unit/safety-store.test.ts (root
 * may write to any file, so a read-only file is only read-only to someone else).
 */
import { systemClock } from '../../electron/core/clock';
import { Store } from '../../electron/core/store';

async function main(): Promise<void> {
const dbPath = process.argv[2]!;
const store = Store.open(dbPath, systemClock, 'web');
const value = <T>(r: { ok: boolean; value?: unknown }) => (r.ok ? (r.value as T) : null);
const status = value(await store.dispatch('store.status', {}));
const reps = (value<unknown[]>(await store.dispatch('reps.list', {})) ?? []).length;
const write = await store.dispatch('reps.create', { name: 'Not Saved', role: 'field', quota: 1 });
const t = Date.now();
const backup = await Promise.race([store.dispatch('backups.create', {}), new Promise((r) => setTimeout(() => r({ ok: false, error: { message: 'no answer in 20 s' } }), 20_000))]);
const backupMs = Date.now() - t;
store.close();
console.log(JSON.stringify({ problem: store.problem, status, reps, write, backup, backupMs }));
process.exit(0);
}
void main();
