import { create } from 'zustand';
import type { AppInfo, Settings } from '../../../shared/schemas/team';
import type { StoreProblem, StoreStatus } from '../../../shared/schemas/backups';
import { readsOf } from '../../../shared/apiTopics';
import { call, whenUnavailable } from '../api/client';
import { useTopics, versionOf } from '../lib/topics';

interface AppState {
  /** Set when the database could not be opened: only the recovery screen is shown. */
  problem: StoreProblem | null;
  info: AppInfo | null;
  settings: Settings | null;
  /** Read-only, the last full integrity check, encryption: shown as banners and on the Data screen. */
  status: StoreStatus | null;
  error: string | null;
  /** Asks for it all again: first whether the store can answer, then the rest. */
  load: () => Promise<void>;
  /** The window's first load: all four calls at once (one round trip, not two). */
  start: () => Promise<void>;
  /** Asks for the file's state again (while the integrity check runs in the background). */
  refreshStatus: () => Promise<void>;
  /** Shows the unlock screen if the store locked itself (idle time), even when nobody clicks. */
  checkLocked: () => Promise<void>;
}

/**
 * Whether the store can answer (a problem: only the recovery screen), and if so today, the
 * settings and the file's state. `together`: the other three are asked at the same time as
 * recovery.status; when the store cannot answer they fail, and their failure asks for an
 * ordinary load (whenUnavailable below), which asks recovery.status alone first and stops there.
 */
async function loadState(set: (s: Partial<AppState>) => void, together: boolean): Promise<void> {
  const rest = () => Promise.all([call('app.info', {}), call('settings.get', {}), call('store.status', {})]);
  const early = together ? rest() : null;
  early?.catch(() => undefined); // read below, or not at all when the store has a problem
  try {
    const problem = await call('recovery.status', {});
    if (problem) return set({ problem, error: null });
    const [info, settings, status] = await (early ?? rest());
    set({ problem: null, info, settings, status, error: null });
  } catch (err) {
    set({ error: (err as Error).message });
  }
}

/** What every screen needs at hand (today, the settings, the file's state), asked at start. */
export const useApp = create<AppState>((set, get) => ({
  problem: null,
  info: null,
  settings: null,
  status: null,
  error: null,
  load: () => loadState(set, false),
  start: () => loadState(set, true),
  refreshStatus: () =>
    call('store.status', {}).then(
      (status) => set({ status }),
      () => undefined,
    ),
  checkLocked: () =>
    call('recovery.status', {}).then(
      (p) => void (p && !get().problem && set({ problem: p })),
      () => undefined,
    ),
}));

// Asked again when a write changes the settings or the file's state (app.info's counts are not shown).
const APP_READS = [...new Set([...readsOf('settings.get'), ...readsOf('store.status')])];
useTopics.subscribe((s, before) => {
  if (versionOf(s.versions, APP_READS) !== versionOf(before.versions, APP_READS)) void useApp.getState().load();
});

// A call refused because the store closed (locked after idle time): show the unlock screen.
whenUnavailable(() => void useApp.getState().load());
