import { create } from 'zustand';

const KEY = 'workbench.asOf';
const stored = (): string => {
  try {
    const v = sessionStorage.getItem(KEY) ?? '';
    return /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : '';
  } catch {
    return '';
  }
};

/**
 * The one "as of" date of the session, shared by every screen that shows numbers as they stood
 * on a day (empty means today). Kept for the browser session, so a reload keeps it; the banner
 * (app/AsOfBanner) shows it on every screen it affects, with "back to today".
 */
export const useAsOf = create<{ asOf: string; setAsOf: (d: string) => void }>((set) => ({
  asOf: stored(),
  setAsOf: (asOf) => {
    try {
      if (asOf) sessionStorage.setItem(KEY, asOf);
      else sessionStorage.removeItem(KEY);
    } catch {
      // private mode: the date still holds for this page
    }
    set({ asOf });
  },
}));

/** The input every as-of call takes: nothing for today. */
export const asOfArg = (asOf: string): { asOf?: string } => (asOf ? { asOf } : {});
