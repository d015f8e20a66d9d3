// The Settings page's state (docs/sources.md, Online licensing "Settings and proxy"): loads
// settings.get, keeps a draft, sends only what changed to settings.set; the cloud refuses nothing
// here, the core's schema does.
import { useEffect, useState } from 'react';
import { settingsInputProblem } from '../../../src-shared/settings/problems.ts';
import type { SettingsInput, SettingsView } from '../../../src-shared/settings/settings.ts';
import { request } from '../../bridge/index.ts';
import { messageOf } from '../../stores/errors.ts';

export interface SettingsDraft {
  cloudUrl: string;
  proxyUrl: string;
  proxyUser: string;
  /** Empty: the stored password stays. */
  proxyPassword: string;
  connectTimeout: string;
}

function draftOf(v: SettingsView): SettingsDraft {
  return {
    cloudUrl: v.cloudUrl ?? '',
    proxyUrl: v.proxyUrl ?? '',
    proxyUser: v.proxyUser ?? '',
    proxyPassword: '',
    connectTimeout: String(v.connectTimeoutSeconds),
  };
}

/** Only the fields that differ from what is saved; a timeout that is not a number is sent as typed. */
function changes(d: SettingsDraft, v: SettingsView): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (d.cloudUrl.trim() !== (v.cloudUrl ?? '')) out.cloudUrl = d.cloudUrl.trim();
  if (d.proxyUrl.trim() !== (v.proxyUrl ?? '')) out.proxyUrl = d.proxyUrl.trim();
  if (d.proxyUser.trim() !== (v.proxyUser ?? '')) out.proxyUser = d.proxyUser.trim();
  if (d.proxyPassword) out.proxyPassword = d.proxyPassword;
  const t = d.connectTimeout.trim();
  if (t !== String(v.connectTimeoutSeconds))
    out.connectTimeoutSeconds = /^\d+$/.test(t) ? Number(t) : t;
  return out;
}

export function useSettingsForm() {
  const [saved, setSaved] = useState<SettingsView | null>(null);
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);

  useEffect(() => {
    request('settings.get', {}).then(
      (v) => {
        setSaved(v);
        setDraft(draftOf(v));
      },
      (err: unknown) => setOutcome({ ok: false, message: messageOf(err) }),
    );
  }, []);

  const update = (key: keyof SettingsDraft, value: string) => {
    setDraft((d) => (d ? { ...d, [key]: value } : d));
    setOutcome(null);
  };

  async function save() {
    if (!saved || !draft) return;
    const input = changes(draft, saved);
    if (!Object.keys(input).length) {
      setOutcome({ ok: true, message: 'Nothing to save: the settings are as shown.' });
      return;
    }
    // The same words the core would answer, before anything is sent.
    const problem = settingsInputProblem(input);
    if (problem) {
      setOutcome({ ok: false, message: problem });
      return;
    }
    setBusy(true);
    try {
      // The schema of settings.set is the judge: the draft may hold what it refuses.
      const v = await request('settings.set', input as SettingsInput);
      const cloudLater = input.cloudUrl !== undefined;
      setSaved(v);
      setDraft(draftOf(v));
      setOutcome({
        ok: true,
        message: cloudLater
          ? 'Settings saved. The new cloud URL is used from the next start of the app.'
          : 'Settings saved. The next call to the cloud uses them.',
      });
    } catch (err) {
      setOutcome({ ok: false, message: messageOf(err) });
    } finally {
      setBusy(false);
    }
  }

  return { saved, draft, busy, outcome, update, save };
}
