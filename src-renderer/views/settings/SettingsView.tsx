// Settings (docs/sources.md, Online licensing "Settings and proxy", issue 12): cloud URL, HTTP(S)
// proxy with optional credentials, connect timeout. The proxy password goes to the keychain
// (docs/activation.md).
import type { FormEvent } from 'react';
import { Banner } from '../../components/Banner.tsx';
import { Skeleton } from '../../components/Skeleton.tsx';
import { SettingsForm } from './SettingsForm.tsx';
import './settings.css';
import { useSettingsForm } from './useSettingsForm.ts';

const WHERE = { keychain: 'the OS keychain', file: 'the credential file', memory: 'memory only' };

export function SettingsView() {
  const { saved, draft, busy, outcome, update, save } = useSettingsForm();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save();
  };
  return (
    <section className="card form-card" aria-labelledby="settings-title">
      <h2 id="settings-title" className="card-title">
        Connection settings
      </h2>
      <p className="card-note">
        How this app and its license server reach the Chaos cloud. The proxy carries every cloud
        call; its password is kept in {saved ? WHERE[saved.passwordStorage] : 'the OS keychain'},
        never in the settings file.
      </p>
      {outcome && <Banner tone={outcome.ok ? 'success' : 'error'}>{outcome.message}</Banner>}
      {saved?.proxyOverride && (
        <Banner tone="info">
          This run uses the proxy {saved.proxyOverride} given by --proxy or CLM_PROXY; the proxy
          saved here applies when it is started without it.
        </Banner>
      )}
      {!draft || !saved ? (
        <Skeleton height={240} />
      ) : (
        <SettingsForm saved={saved} draft={draft} busy={busy} update={update} submit={submit} />
      )}
    </section>
  );
}
