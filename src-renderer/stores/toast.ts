// "Every completed action says so briefly" (issue 18): one short line at the bottom of the window,
// announced politely to screen readers, gone after a few seconds or when closed.
import { create } from 'zustand';

interface ToastStore {
  text: string | null;
  seq: number;
  say: (text: string) => void;
  close: () => void;
}

export const useToast = create<ToastStore>()((set) => ({
  text: null,
  seq: 0,
  say: (text) => set((s) => ({ text, seq: s.seq + 1 })),
  close: () => set({ text: null }),
}));

/** Says that an action completed. */
export const say = (text: string): void => useToast.getState().say(text);
