// Licensing → License Servers (docs/requirements.md §4, docs/sources.md, Account management "License Servers",
// Online licensing "Offline Activation" steps 3-5): the account's servers, Activate Workstation
// from a request file, and each workstation's .crt download.
import { create } from 'zustand';
import type { LicenseServerRow } from '../../../src-shared/cloud-api/license-servers.ts';
import { request } from '../../bridge/index.ts';
import { downloadText } from '../../csv/download.ts';
import { messageOf } from '../../stores/errors.ts';

interface LicenseServersStore {
  rows: LicenseServerRow[] | null;
  loading: boolean;
  error: string | null;
  activating: boolean;
  activateError: string | null;
  activated: string | null;
  load: () => Promise<void>;
  activate: (file: File, name: string) => Promise<void>;
  downloadCrt: (row: LicenseServerRow) => Promise<void>;
}

export const useLicenseServers = create<LicenseServersStore>()((set, get) => ({
  rows: null,
  loading: false,
  error: null,
  activating: false,
  activateError: null,
  activated: null,
  async load() {
    set({ loading: true, error: null });
    try {
      set({ rows: await request('licenseServers.list', {}), loading: false });
    } catch (err) {
      set({ loading: false, error: messageOf(err) });
    }
  },
  async activate(file, name) {
    set({ activating: true, activateError: null, activated: null });
    try {
      const r = await request('licenseServers.activateWorkstation', {
        request: await file.text(),
        name,
      });
      set({ activating: false, activated: r.server.name });
      await get().load();
    } catch (err) {
      set({ activating: false, activateError: messageOf(err) });
    }
  },
  async downloadCrt(row) {
    try {
      const { document } = await request('licenseServers.crt', { serverId: row.id });
      const stem = row.name.replace(/[^A-Za-z0-9_.-]+/g, '-') || 'workstation';
      downloadText(`${stem}.crt`, document, 'application/json');
    } catch (err) {
      set({ error: messageOf(err) });
    }
  },
}));
