// Offline activation from the License Server view (docs/sources.md, Online licensing "Offline
// Activation" steps 2 and 6): download the activation request file, upload the .crt; a refused .crt
// says which check failed.
import { create } from 'zustand';
import { request } from '../../../bridge/index.ts';
import { downloadText } from '../../../csv/download.ts';
import { messageOf } from '../../../stores/errors.ts';
import { useSeatServer } from './seatStore.ts';

interface OfflineActivationStore {
  busy: boolean;
  error: string | null;
  done: string | null;
  downloadRequest: () => Promise<void>;
  upload: (file: File) => Promise<void>;
}

export const useOfflineActivation = create<OfflineActivationStore>()((set) => ({
  busy: false,
  error: null,
  done: null,
  async downloadRequest() {
    set({ busy: true, error: null, done: null });
    try {
      const r = await request('activation.request', {});
      downloadText(r.fileName, r.text, 'application/json');
      set({
        busy: false,
        done: `Saved ${r.fileName}: upload it under Licensing → License Servers → Activate Workstation on a machine with Internet.`,
      });
    } catch (err) {
      set({ busy: false, error: messageOf(err) });
    }
  },
  async upload(file) {
    set({ busy: true, error: null, done: null });
    try {
      const id = await request('activation.import', { text: await file.text() });
      set({ busy: false, done: `Activated: this server now serves the seats of ${id.account}.` });
      await useSeatServer.getState().load();
    } catch (err) {
      set({ busy: false, error: messageOf(err) });
    }
  },
}));
