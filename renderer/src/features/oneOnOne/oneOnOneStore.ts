import { create } from 'zustand';
import type { AgendaItem, PreparedAgenda, ProposedItem } from '../../../../shared/schemas/oneOnOnes';
import { call } from '../../api/client';
import { toast, toastError } from '../../app/toasts';
import { usePresenting } from '../../app/presenting';

type Draft = Pick<AgendaItem, 'title' | 'detail' | 'sourceKind' | 'sourceId' | 'addedBy' | 'notes' | 'done'> & { id?: number };

interface State {
  /** The meeting on screen (its detail is loaded by the screen, with useApiData). */
  meetingId: number | null;
  proposals: PreparedAgenda | null;
  presenting: boolean;
  /** Items ticked or unticked whose save has not shown up in the loaded agenda yet: shown at once. */
  ticks: Record<number, boolean>;
  open: (id: number | null) => void;
  prepare: () => Promise<void>;
  /** A meeting to prepare as soon as it opens (from the One-on-ones week: one click to Prepare). */
  prepareOnOpen: number | null;
  /** Replaces the agenda with `items` (accept, remove, reorder, add); the screen reloads it. */
  saveItems: (items: Draft[]) => Promise<void>;
  accept: (agenda: AgendaItem[], p: ProposedItem[]) => Promise<void>;
  /** "Not this time": off the list, and not proposed again for this meeting. */
  dismiss: (p: ProposedItem) => Promise<void>;
  setPresenting: (v: boolean) => void;
  /** Ticks an item off at once, then saves. */
  setDone: (itemId: number, done: boolean) => Promise<void>;
  /** Saves an item's notes. */
  setNotes: (itemId: number, notes: string) => Promise<boolean>;
  /** Forgets the ticks the loaded agenda now shows. */
  settle: (items: AgendaItem[]) => void;
}

const toDraft = (i: AgendaItem): Draft => ({
  id: i.id,
  title: i.title,
  detail: i.detail,
  sourceKind: i.sourceKind,
  sourceId: i.sourceId,
  addedBy: i.addedBy,
  notes: i.notes,
  done: i.done,
});

export const useOneOnOne = create<State>((set, get) => ({
  meetingId: null,
  proposals: null,
  presenting: false,
  ticks: {},
  prepareOnOpen: null,
  open: (meetingId) => {
    set({ meetingId, proposals: null, ticks: {} });
    if (meetingId !== null && get().prepareOnOpen === meetingId) {
      set({ prepareOnOpen: null });
      void get().prepare();
    }
  },
  prepare: async () => {
    const id = get().meetingId;
    if (id === null) return;
    try {
      // Prepare takes stale carried items off and refreshes the others; the agenda reloads.
      const prepared = await call('oneOnOnes.prepare', { id });
      set({ proposals: prepared });
      if (prepared.dropped.length) toast(`Took ${prepared.dropped.length} carried item${prepared.dropped.length === 1 ? '' : 's'} off the agenda: no longer true.`);
    } catch (err) {
      toastError(err);
    }
  },
  saveItems: async (items) => {
    const id = get().meetingId;
    // The shared view lacks the prompts and coachability items: saving it would drop them.
    if (id === null || get().presenting) return;
    try {
      await call('oneOnOnes.saveAgenda', { id, items });
    } catch (err) {
      toastError(err);
    }
  },
  accept: async (agenda, picked) => {
    const drafts = [...agenda.map(toDraft), ...picked.map((p) => ({ ...p, addedBy: 'prepared' as const, notes: null, done: false }))];
    await get().saveItems(drafts);
    const left = get().proposals;
    if (left) set({ proposals: { ...left, items: left.items.filter((p) => !picked.includes(p)) } });
  },
  dismiss: async (p) => {
    const id = get().meetingId;
    if (id === null) return;
    try {
      await call('oneOnOnes.dismiss', { id, sourceKind: p.sourceKind, sourceId: p.sourceId });
      const left = get().proposals;
      if (left) set({ proposals: { ...left, items: left.items.filter((x) => x !== p) } });
    } catch (err) {
      toastError(err);
    }
  },
  setPresenting: (presenting) => {
    // The screen loads the meeting with `presenting`: entering the shared view reloads the rep's
    // view, so the private text is gone from the page, not just hidden; leaving brings it back.
    set({ presenting, proposals: null });
    usePresenting.getState().set(presenting);
  },
  setNotes: async (itemId, notes) => {
    try {
      await call('oneOnOnes.updateItem', { id: itemId, notes });
      return true;
    } catch (err) {
      toastError(err);
      return false;
    }
  },
  setDone: async (itemId, done) => {
    set({ ticks: { ...get().ticks, [itemId]: done } });
    try {
      await call('oneOnOnes.updateItem', { id: itemId, done });
    } catch (err) {
      const { [itemId]: _failed, ...rest } = get().ticks;
      set({ ticks: rest });
      toastError(err);
    }
  },
  settle: (items) => {
    const ticks = get().ticks;
    const left = Object.fromEntries(Object.entries(ticks).filter(([id, done]) => items.find((i) => i.id === Number(id))?.done !== done));
    if (Object.keys(left).length !== Object.keys(ticks).length) set({ ticks: left });
  },
}));

export { toDraft, type Draft };
