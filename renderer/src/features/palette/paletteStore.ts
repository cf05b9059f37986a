import { create } from 'zustand';
import type { Rep } from '../../../../shared/schemas/rep';
import type { RepActionId } from './actions';

/** What the palette shows: everything, the "new…" actions only, or a rep to pick for an action. */
export type PalettePage = { name: 'root' } | { name: 'new' } | { name: 'pickRep'; action: RepActionId };

interface PaletteState {
  open: boolean;
  page: PalettePage;
  /** A dialog the palette asked for (a note, an observation, an export), shown after it closes. */
  pending: { action: RepActionId; rep: Rep } | null;
  /** The keyboard shortcut list (`?`). */
  help: boolean;
  show: (page?: PalettePage) => void;
  close: () => void;
}

export const usePalette = create<PaletteState>((set) => ({
  open: false,
  page: { name: 'root' },
  pending: null,
  help: false,
  show: (page = { name: 'root' }) => set({ open: true, page, help: false }),
  close: () => set({ open: false, page: { name: 'root' } }),
}));
