import { create } from 'zustand';

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  action?: { label: string; run: () => void };
}

interface ToastState {
  toasts: Toast[];
  show: (t: Omit<Toast, 'id'>) => void;
  dismiss: (id: number) => void;
}

let next = 1;

export const useToasts = create<ToastState>((set, get) => ({
  toasts: [],
  show: (t) => {
    const id = next++;
    set({ toasts: [...get().toasts, { ...t, id }] });
    // Long enough to reach an Undo button with the keyboard.
    setTimeout(() => get().dismiss(id), t.action ? 10_000 : 5_000);
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
}));

export const toast = (message: string, action?: Toast['action']) =>
  useToasts.getState().show({ message, tone: 'info', ...(action ? { action } : {}) });

export const toastError = (err: unknown) =>
  useToasts.getState().show({
    message: err instanceof Error ? err.message : 'Something went wrong.',
    tone: 'error',
  });
