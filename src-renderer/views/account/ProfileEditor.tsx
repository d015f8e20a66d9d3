// Edit name and country (docs/sources.md, Navigation "Account": "update your personal
// information"); the email is changed by support. Saved in the cloud; the account view follows with
// the next sync.
import { useState } from 'react';
import { Banner } from '../../components/Banner.tsx';
import { Button } from '../../components/Button.tsx';
import { Field } from '../../components/Field.tsx';
import { request } from '../../bridge/index.ts';
import { errorText } from '../portal/useCloudData.ts';

export function ProfileEditor({ name, country }: { name: string; country: string }) {
  const [form, setForm] = useState<{ name: string; country: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  if (!form)
    return (
      <div className="portal-actions">
        <Button
          size="sm"
          onClick={() => {
            setSaved(false);
            setForm({ name, country });
          }}
        >
          Edit name and country
        </Button>
        {saved && (
          <span role="status" className="cell-secondary">
            Saved.
          </span>
        )}
      </div>
    );
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await request('account.setProfile', { name: form.name.trim(), country: form.country.trim() });
      setForm(null);
      setSaved(true);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="portal-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Field
        label="Name"
        value={form.name}
        onChange={(e) => setForm({ ...form, name: e.target.value })}
      />
      <Field
        label="Country"
        value={form.country}
        onChange={(e) => setForm({ ...form, country: e.target.value })}
      />
      {error && (
        <Banner tone="error" title="Not saved">
          {error}
        </Banner>
      )}
      <div className="portal-actions">
        <Button onClick={() => setForm(null)}>Cancel</Button>
        <Button type="submit" variant="primary" busy={busy}>
          Save
        </Button>
      </div>
    </form>
  );
}
