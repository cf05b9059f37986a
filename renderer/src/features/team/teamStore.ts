import { create } from 'zustand';
import type { TeamSummary } from '../../../../shared/schemas/team';
import { call } from '../../api/client';
import { asOfArg, useAsOf } from '../../lib/useAsOf';

interface TeamState {
  summary: TeamSummary | null;
  includeArchived: boolean;
  loading: boolean;
  error: string | null;
  load: () => Promise<void>;
  setIncludeArchived: (v: boolean) => void;
}

export const useTeam = create<TeamState>((set, get) => ({
  summary: null,
  includeArchived: false,
  loading: false,
  error: null,
  load: async () => {
    set({ loading: true });
    try {
      const summary = await call('team.summary', { includeArchived: get().includeArchived, ...asOfArg(useAsOf.getState().asOf) });
      set({ summary, error: null, loading: false });
    } catch (err) {
      set({ error: (err as Error).message, loading: false });
    }
  },
  setIncludeArchived: (v) => {
    set({ includeArchived: v });
    void get().load();
  },
}));
