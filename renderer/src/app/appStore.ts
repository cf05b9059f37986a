import { create } from 'zustand';
import type { AppInfo, Settings } from '../../../shared/schemas/team';
import type { StoreProblem } from '../../../shared/schemas/backups';
import { call } from '../api/client';

interface AppState {
  /** Set when the database could not be opened: only the recovery screen is shown. */
  problem: StoreProblem | null;
  info: AppInfo | null;
  settings: Settings | null;
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
  error: null,
  version: 0,
  load: async () => {
    try {
      const problem = await call('recovery.status', {});
      if (problem) return set({ problem, error: null });
      const [info, settings] = await Promise.all([call('app.info', {}), call('settings.get', {})]);
      set({ problem: null, info, settings, error: null });
    } catch (err) {
      set({ error: (err as Error).message });
    }
  },
  changed: () => {
    set({ version: get().version + 1 });
    void get().load();
  },
}));
