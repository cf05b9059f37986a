import { create } from 'zustand';

/** The "as of" date the analysis screens share; empty means today. */
export const useAsOf = create<{ asOf: string; setAsOf: (d: string) => void }>((set) => ({
  asOf: '',
  setAsOf: (asOf) => set({ asOf }),
}));
