// Whether the headless server still accepts this page (its login cookie can be missing or expired).
import { create } from 'zustand';

interface ConnectionState {
  /** The server answered 401: the page was opened without the login link's token. */
  refused: boolean;
  setRefused: () => void;
}

export const useConnection = create<ConnectionState>()((set) => ({
  refused: false,
  setRefused: () => set({ refused: true }),
}));
