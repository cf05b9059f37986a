import { create } from 'zustand';
import type { StagedInfo } from '../../../../shared/bridge';
import type { DateOrder } from '../../../../shared/domain/import/dates';
import type { ImportField, ImportKind } from '../../../../shared/domain/import/fields';
import type { Outcome } from '../../../../shared/schemas/deal';
import type { ClosedDateFallback } from '../../../../shared/domain/import/rows';
import type { ImportAnalysis, ImportChoicesInput, ImportProgress, OwnerDecision } from '../../../../shared/schemas/imports';
import { call } from '../../api/client';
import { stageFile } from '../../api/files';
import { invalidate } from '../../lib/topics';

/** The manager's choices; anything left out is suggested by the core from the file. */
export interface Choices {
  kind?: ImportKind;
  hasHeader?: boolean;
  mapping?: (ImportField | null)[];
  dateOrder?: DateOrder;
  stageOutcomes: Record<string, Outcome>;
  stageNames: Record<string, string>;
  owners: Record<string, OwnerDecision>;
  defaultOwner?: string | null;
  closedDateFallback?: ClosedDateFallback;
  sameName?: 'error' | 'separate';
  currency?: string;
  savedMappingId?: number;
}

export interface ImportState {
  file: StagedInfo | null;
  /** Share of the file sent to the core (0..1) while uploading. */
  uploading: number | null;
  analysis: ImportAnalysis | null;
  analyzing: boolean;
  error: string | null;
  choices: Choices;
  job: ImportProgress | null;
  pick: (file: File) => Promise<void>;
  choose: (patch: Partial<Choices>) => void;
  setField: (column: number, field: ImportField | null) => void;
  start: (opts: { skipInvalid: boolean; saveMappingAs?: string }) => Promise<void>;
  reset: () => void;
}

const EMPTY: Choices = { stageOutcomes: {}, stageNames: {}, owners: {} };
let seq = 0; // answers to older analyses are dropped

/** Kept in a store so the mapping survives a look at another screen mid-import. */
export const useImport = create<ImportState>((set, get) => {
  const analyze = async () => {
    const { file, choices } = get();
    if (!file) return;
    const mine = ++seq;
    set({ analyzing: true });
    try {
      const input: ImportChoicesInput = { fileId: file.fileId, ...choices };
      const analysis = await call('import.analyze', input);
      if (mine === seq) set({ analysis, analyzing: false, error: null });
    } catch (err) {
      if (mine === seq) set({ analyzing: false, error: (err as Error).message });
    }
  };

  return {
    file: null,
    uploading: null,
    analysis: null,
    analyzing: false,
    error: null,
    choices: EMPTY,
    job: null,
    pick: async (f) => {
      set({ file: null, analysis: null, job: null, error: null, choices: EMPTY, uploading: 0 });
      try {
        const file = await stageFile(f, (share) => set({ uploading: share }));
        set({ file, uploading: null });
        await analyze();
      } catch (err) {
        set({ uploading: null, error: (err as Error).message });
      }
    },
    choose: (patch) => {
      // Another header row means other columns: the mapping is suggested again.
      const reset = 'hasHeader' in patch || 'kind' in patch ? { mapping: undefined, closedDateFallback: undefined } : {};
      set({ choices: { ...get().choices, ...reset, ...patch } });
      void analyze();
    },
    setField: (column, field) => {
      const a = get().analysis;
      if (!a) return;
      // From the choices already made (an answer may still be on its way), not the last answer.
      const current = get().choices.mapping ?? a.columns.map((c) => c.field);
      // A field fills one column: choosing it here frees it elsewhere.
      const mapping = current.map((f, i) => (i === column ? field : f === field ? null : f));
      get().choose({ mapping });
    },
    start: async ({ skipInvalid, saveMappingAs }) => {
      const { file, choices } = get();
      if (!file) return;
      set({ error: null });
      try {
        const { jobId } = await call('import.start', { fileId: file.fileId, ...choices, skipInvalid, ...(saveMappingAs ? { saveMappingAs } : {}) });
        for (;;) {
          const job = await call('import.progress', { jobId });
          set({ job });
          if (job.phase === 'done' || job.phase === 'failed') break;
          await new Promise((r) => setTimeout(r, 150));
        }
        // The job wrote reps, deals, history and maybe a mapping: every screen reloads.
        if (get().job?.phase === 'done') invalidate('everything');
      } catch (err) {
        set({ error: (err as Error).message });
      }
    },
    reset: () => set({ file: null, analysis: null, job: null, error: null, choices: EMPTY, uploading: null }),
  };
});
