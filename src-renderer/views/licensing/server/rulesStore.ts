// The access rules editor's state: the file's text through the bridge, checked as it is typed
// with the same parser the server uses (src-shared/seats/rules.ts), saved only when it parses.
import { create } from 'zustand';
import type { SeatRulesView } from '../../../../src-shared/bridge/calls/seats.ts';
import { parseRules } from '../../../../src-shared/seats/rules.ts';
import { request } from '../../../bridge/index.ts';
import { messageOf } from '../../../stores/errors.ts';

interface RulesStore {
  view: SeatRulesView | null;
  draft: string;
  /** The draft's first mistake, naming its line; null when it parses. */
  problem: string | null;
  saving: boolean;
  saved: boolean;
  error: string | null;
  load: () => Promise<void>;
  edit: (text: string) => void;
  save: () => Promise<void>;
}

function check(text: string): string | null {
  try {
    parseRules(text);
    return null;
  } catch (err) {
    return messageOf(err);
  }
}

export const useSeatRules = create<RulesStore>()((set, get) => ({
  view: null,
  draft: '',
  problem: null,
  saving: false,
  saved: false,
  error: null,

  async load() {
    try {
      const view = await request('seats.rules', {});
      set({ view, draft: view.text, problem: check(view.text), error: null });
    } catch (err) {
      set({ error: messageOf(err) });
    }
  },

  edit(text) {
    set({ draft: text, problem: check(text), saved: false });
  },

  async save() {
    if (get().problem) return;
    set({ saving: true, error: null });
    try {
      const view = await request('seats.saveRules', { text: get().draft });
      set({ view, draft: view.text, saved: true });
    } catch (err) {
      set({ error: messageOf(err) });
    } finally {
      set({ saving: false });
    }
  },
}));
