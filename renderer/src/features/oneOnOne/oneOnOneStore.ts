import { create } from 'zustand';
import type { AgendaItem, OneOnOneDetail, PreparedAgenda, ProposedItem } from '../../../../shared/schemas/oneOnOnes';
import { call } from '../../api/client';
import { useApp } from '../../app/appStore';
import { toast, toastError } from '../../app/toasts';
import { usePresenting } from '../../app/presenting';

type Draft = Pick<AgendaItem, 'title' | 'detail' | 'sourceKind' | 'sourceId' | 'addedBy' | 'notes' | 'done'> & { id?: number };

interface State {
  detail: OneOnOneDetail | null;
  proposals: PreparedAgenda | null;
  presenting: boolean;
  /** The detail on hand is the shared view (no private note): wait for the manager's own. */
  sharedView: boolean;
  error: string | null;
  load: (id: number) => Promise<void>;
  prepare: () => Promise<void>;
  /** A meeting to prepare as soon as it opens (from the One-on-ones week: one click to Prepare). */
  prepareOnOpen: number | null;
  /** Replaces the agenda with `items` (accept, remove, reorder, add), then reloads. */
  saveItems: (items: Draft[]) => Promise<void>;
  accept: (p: ProposedItem[]) => Promise<void>;
  /** "Not this time": off the list, and not proposed again for this meeting. */
  dismiss: (p: ProposedItem) => Promise<void>;
  setPresenting: (v: boolean) => void;
  /** Ticks an item off at once, then saves. */
  setDone: (itemId: number, done: boolean) => Promise<void>;
  /** Saves an item's notes and keeps the local copy in step. */
  setNotes: (itemId: number, notes: string) => Promise<boolean>;
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
  detail: null,
  proposals: null,
  presenting: false,
  sharedView: false,
  error: null,
  prepareOnOpen: null,
  load: async (id) => {
    try {
      const presenting = get().presenting;
      const detail = await call('oneOnOnes.get', { id, presenting });
      set({ detail, sharedView: presenting, error: null, ...(get().detail?.meeting.id !== id ? { proposals: null } : {}) });
      if (get().prepareOnOpen === id) {
        set({ prepareOnOpen: null });
        if (detail.meeting.status === 'planned') await get().prepare();
      }
    } catch (err) {
      set({ error: (err as Error).message });
    }
  },
  prepare: async () => {
    const d = get().detail;
    if (!d) return;
    try {
      const prepared = await call('oneOnOnes.prepare', { id: d.meeting.id });
      set({ proposals: prepared });
      // Prepare takes stale carried items off and refreshes the others: show the agenda as it is now.
      await get().load(d.meeting.id);
      if (prepared.dropped.length) toast(`Took ${prepared.dropped.length} carried item${prepared.dropped.length === 1 ? '' : 's'} off the agenda: no longer true.`);
    } catch (err) {
      toastError(err);
    }
  },
  saveItems: async (items) => {
    const d = get().detail;
    // The shared view lacks the prompts and coachability items: saving it would drop them.
    if (!d || get().presenting) return;
    try {
      await call('oneOnOnes.saveAgenda', { id: d.meeting.id, items });
      await get().load(d.meeting.id);
      useApp.getState().changed();
    } catch (err) {
      toastError(err);
    }
  },
  accept: async (picked) => {
    const d = get().detail;
    if (!d) return;
    const drafts = [...d.items.map(toDraft), ...picked.map((p) => ({ ...p, addedBy: 'prepared' as const, notes: null, done: false }))];
    await get().saveItems(drafts);
    const left = get().proposals;
    if (left) set({ proposals: { ...left, items: left.items.filter((p) => !picked.includes(p)) } });
  },
  dismiss: async (p) => {
    const d = get().detail;
    if (!d) return;
    try {
      await call('oneOnOnes.dismiss', { id: d.meeting.id, sourceKind: p.sourceKind, sourceId: p.sourceId });
      const left = get().proposals;
      if (left) set({ proposals: { ...left, items: left.items.filter((x) => x !== p) } });
    } catch (err) {
      toastError(err);
    }
  },
  setPresenting: (presenting) => {
    // Leaving the shared view reloads the manager's own (private note, prompts); entering it
    // reloads the rep's view, so the private text is gone from the page, not just hidden.
    set({ presenting, proposals: null });
    usePresenting.getState().set(presenting);
    const d = get().detail;
    if (d) void get().load(d.meeting.id);
  },
  setNotes: async (itemId, notes) => {
    try {
      const saved = await call('oneOnOnes.updateItem', { id: itemId, notes });
      const d = get().detail;
      if (d) set({ detail: { ...d, items: d.items.map((i) => (i.id === itemId ? { ...i, notes: saved.notes } : i)) } });
      return true;
    } catch (err) {
      toastError(err);
      return false;
    }
  },
  setDone: async (itemId, done) => {
    const d = get().detail;
    if (!d) return;
    set({ detail: { ...d, items: d.items.map((i) => (i.id === itemId ? { ...i, done } : i)) } });
    try {
      await call('oneOnOnes.updateItem', { id: itemId, done });
    } catch (err) {
      toastError(err);
      await get().load(d.meeting.id);
    }
  },
}));

export { toDraft, type Draft };
