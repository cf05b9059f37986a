import { create } from 'zustand';
import type { AppInfo, Settings } from '../../../shared/schemas/team';
import type { StoreProblem, StoreStatus } from '../../../shared/schemas/backups';
import { call, whenUnavailable } from '../api/client';

interface AppState {
  /** Set when the database could not be opened: only the recovery screen is shown. */
  problem: StoreProblem | null;
  info: AppInfo | null;
  settings: Settings | null;
  /** Read-only, the last full integrity check, encryption: shown as banners and on the Data screen. */
  status: StoreStatus | null;
  error: string | null;
  /** Bumped after any write, so screens reload what they show. */
  version: number;
  load: () => Promise<void>;
  changed: () => void;
}

export const useApp = create<AppState>((set, get) => ({
  problem: null,
  info: null,
  settings: null,
  status: null,
  error: null,
  version: 0,
  load: async () => {
    try {
      const problem = await call('recovery.status', {});
      if (problem) return set({ problem, error: null });
      const [info, settings, status] = await Promise.all([call('app.info', {}), call('settings.get', {}), call('store.status', {})]);
      set({ problem: null, info, settings, status, error: null });
    } catch (err) {
      set({ error: (err as Error).message });
    }
  },
  changed: () => {
    set({ version: get().version + 1 });
    void get().load();
  },
}));

// A call refused because the store closed (locked after idle time): show the unlock screen.
whenUnavailable(() => void useApp.getState().load());
