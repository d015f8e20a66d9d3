// The fields of the Settings page; state and saving are in useSettingsForm.
import type { FormEvent } from 'react';
import type { SettingsView } from '../../../src-shared/settings/settings.ts';
import { Button } from '../../components/Button.tsx';
import { Field } from '../../components/Field.tsx';
import type { SettingsDraft } from './useSettingsForm.ts';

interface Props {
  saved: SettingsView;
  draft: SettingsDraft;
  busy: boolean;
  update: (key: keyof SettingsDraft, value: string) => void;
  submit: (e: FormEvent) => void;
}

export function SettingsForm({ saved, draft, busy, update, submit }: Props) {
  return (
    <form className="form" onSubmit={submit} noValidate>
      <Field
        label="Cloud URL"
        value={draft.cloudUrl}
        placeholder="Empty: as the app was started"
        hint={`In use now: ${saved.cloudUrlInUse}. A change applies at the next start.`}
        onChange={(e) => update('cloudUrl', e.target.value)}
      />
      <Field
        label="HTTP(S) proxy"
        value={draft.proxyUrl}
        placeholder="http://proxy.example:3128 — empty: direct"
        onChange={(e) => update('proxyUrl', e.target.value)}
      />
      <Field
        label="Proxy user (optional)"
        value={draft.proxyUser}
        autoComplete="off"
        onChange={(e) => update('proxyUser', e.target.value)}
      />
      <Field
        label="Proxy password (optional)"
        type="password"
        autoComplete="new-password"
        value={draft.proxyPassword}
        hint={saved.proxyPasswordSet ? 'A password is stored; leave empty to keep it.' : undefined}
        onChange={(e) => update('proxyPassword', e.target.value)}
      />
      <Field
        label="Connect timeout (seconds)"
        inputMode="numeric"
        value={draft.connectTimeout}
        onChange={(e) => update('connectTimeout', e.target.value)}
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={busy}>
          Save settings
        </Button>
      </div>
    </form>
  );
}
