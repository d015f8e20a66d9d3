// Filters by product family, expiration date and currency (docs/sources.md, Account management
// "Active Products").
import type { SubscriptionView } from '../../../src-shared/cloud-api/billing.ts';
import { optionsOf, type ProductFilter } from './filters.ts';

interface Props {
  rows: readonly SubscriptionView[];
  value: ProductFilter;
  onChange: (f: ProductFilter) => void;
  expiredView?: boolean;
}

export function FilterBar({ rows, value, onChange, expiredView = false }: Props) {
  const set = (patch: Partial<ProductFilter>) => onChange({ ...value, ...patch });
  return (
    <div className="portal-filters" role="group" aria-label="Filters">
      <label>
        Product family
        <select value={value.family} onChange={(e) => set({ family: e.target.value })}>
          <option value="any">All families</option>
          {optionsOf(rows, 'family').map((f) => (
            <option key={f}>{f}</option>
          ))}
        </select>
      </label>
      <label>
        Expiration date
        <select
          value={value.expires}
          onChange={(e) => set({ expires: e.target.value as ProductFilter['expires'] })}
        >
          <option value="any">Any date</option>
          {(['30', '90', '365'] as const).map((d) => (
            <option key={d} value={d}>
              {expiredView ? `Expired in the last ${d} days` : `Expires within ${d} days`}
            </option>
          ))}
        </select>
      </label>
      <label>
        Currency
        <select value={value.currency} onChange={(e) => set({ currency: e.target.value })}>
          <option value="any">All currencies</option>
          {optionsOf(rows, 'currency').map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </label>
    </div>
  );
}
