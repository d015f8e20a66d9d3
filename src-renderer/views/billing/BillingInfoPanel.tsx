// Billing → Billing information (docs/sources.md, Account management "Billing Information"): the
// details and VAT ID printed on every later invoice, renewals included. Earlier invoices keep the
// details they were issued with.
import { useEffect, useState } from 'react';
import type { BillingInfo } from '../../../src-shared/cloud-api/billing.ts';
import { Banner } from '../../components/Banner.tsx';
import { Button } from '../../components/Button.tsx';
import { Field } from '../../components/Field.tsx';
import { request } from '../../bridge/index.ts';
import { useSession } from '../../stores/session.ts';
import { CloudState } from '../portal/CloudState.tsx';
import { useBilling } from './useBilling.ts';

export const VAT_ID_HINT = 'Enter the VAT ID as a country code and number, e.g. BG123456789.';
const VAT_ID = /^[A-Z]{2}[0-9A-Z+*.]{2,13}$/;

const empty: BillingInfo = { name: '', company: null, address: '', country: '', vatId: null };

export function BillingInfoPanel() {
  const b = useBilling();
  const account = useSession((s) => s.session?.account ?? null);
  const [form, setForm] = useState<BillingInfo>(empty);
  const loaded = b.data.kind === 'ready' ? b.data.value.info : null;
  useEffect(() => {
    setForm(loaded ?? { ...empty, name: account?.name ?? '', country: account?.country ?? '' });
  }, [loaded, account?.name, account?.country]);
  const set = (patch: Partial<BillingInfo>) => setForm((f) => ({ ...f, ...patch }));
  const [vatError, setVatError] = useState<string | null>(null);
  const submit = () => {
    const bad = form.vatId !== null && !VAT_ID.test(form.vatId);
    setVatError(bad ? VAT_ID_HINT : null);
    if (!bad) void b.save(() => request('portal.setBillingInfo', form));
  };
  return (
    <CloudState data={b.data} what="billing information" reload={b.reload}>
      {() => (
        <form
          className="card portal-form"
          aria-labelledby="bi-title"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <h2 id="bi-title" className="card-title">
            Billing information
          </h2>
          <Field label="Name" value={form.name} onChange={(e) => set({ name: e.target.value })} />
          <Field
            label="Company (optional)"
            value={form.company ?? ''}
            onChange={(e) => set({ company: e.target.value || null })}
          />
          <Field
            label="Address"
            value={form.address}
            onChange={(e) => set({ address: e.target.value })}
          />
          <Field
            label="Country"
            value={form.country}
            onChange={(e) => set({ country: e.target.value })}
          />
          <Field
            label="VAT ID (optional)"
            value={form.vatId ?? ''}
            onChange={(e) =>
              set({ vatId: e.target.value.toUpperCase().replace(/\s/g, '') || null })
            }
            hint="Country code and number, e.g. BG123456789"
            error={vatError}
          />
          {b.error && (
            <Banner tone="error" title="Not saved">
              {b.error}
            </Banner>
          )}
          {b.saved && (
            <Banner tone="success" title="Billing information saved">
              It appears on all your future invoices, including renewals.
            </Banner>
          )}
          <div className="portal-actions">
            <Button type="submit" variant="primary" busy={b.busy}>
              Save
            </Button>
          </div>
        </form>
      )}
    </CloudState>
  );
}
