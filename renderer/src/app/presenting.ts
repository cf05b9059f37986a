import { create } from 'zustand';

/**
 * Presenting a one-on-one on a shared screen: while on, the shell shows no sidebar and no
 * shortcut leads anywhere else, so nothing of other reps is one key or click away.
 */
export const usePresenting = create<{ on: boolean; set: (on: boolean) => void }>((set) => ({
  on: false,
  set: (on) => set({ on }),
}));
