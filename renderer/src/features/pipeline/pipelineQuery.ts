import { create } from 'zustand';

const KEY = 'workbench.pipelineQuery';
const stored = (): string => {
  try {
    return sessionStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
};

/**
 * The Pipeline's last filters and sort (its URL query), so the sidebar link, the breadcrumbs and a
 * deal review's "Next deal" come back to the same working list during the session.
 */
export const usePipelineQuery = create<{ last: string; remember: (q: string) => void }>((set) => ({
  last: stored(),
  remember: (last) => {
    try {
      sessionStorage.setItem(KEY, last);
    } catch {
      // private mode: kept for this page only
    }
    set({ last });
  },
}));
