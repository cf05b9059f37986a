import { create } from 'zustand';
import type { AppInfo, Settings } from '../../../shared/schemas/team';
import { call } from '../api/client';

interface AppState {
  info: AppInfo | null;
  settings: Settings | null;
  error: string | null;
  /** Bumped after any write, so screens reload what they show. */
  version: number;
  load: () => Promise<void>;
  changed: () => void;
}

export const useApp = create<AppState>((set, get) => ({
  info: null,
  settings: null,
  error: null,
  version: 0,
  load: async () => {
    try {
      const [info, settings] = await Promise.all([call('app.info', {}), call('settings.get', {})]);
      set({ info, settings, error: null });
    } catch (err) {
      set({ error: (err as Error).message });
    }
  },
  changed: () => {
    set({ version: get().version + 1 });
    void get().load();
  },
}));
