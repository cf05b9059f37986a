import { create } from 'zustand';

/** The Team list's own choice, kept while the manager visits a rep and comes back. */
export const useTeam = create<{ includeArchived: boolean; setIncludeArchived: (v: boolean) => void }>((set) => ({
  includeArchived: false,
  setIncludeArchived: (includeArchived) => set({ includeArchived }),
}));
