// Search by email or name, and filters by product, cloud credit access and role.
import { SelectField } from './SelectField.tsx';
import { useOrgList } from './orgListStore.ts';
import type { CreditFilter, RoleFilter } from './userFilter.ts';

export function UserToolbar({ products }: { products: { code: string; name: string }[] }) {
  const filter = useOrgList((s) => s.filter);
  const setFilter = useOrgList((s) => s.setFilter);
  return (
    <div className="org-toolbar" role="search">
      <label className="org-search">
        <span className="visually-hidden">Search by name or email</span>
        <input
          type="search"
          placeholder="Search by name or email"
          value={filter.search}
          onChange={(e) => setFilter({ search: e.target.value })}
        />
      </label>
      <SelectField
        label="Product"
        value={filter.productCode}
        onChange={(e) => setFilter({ productCode: e.target.value })}
      >
        <option value="">Any product</option>
        {products.map((p) => (
          <option key={p.code} value={p.code}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Cloud credits"
        value={filter.credit}
        onChange={(e) => setFilter({ credit: e.target.value as CreditFilter })}
      >
        <option value="all">Any access</option>
        <option value="limit">Quota</option>
        <option value="unlimited">Unlimited</option>
        <option value="disabled">Disabled</option>
      </SelectField>
      <SelectField
        label="Role"
        value={filter.role}
        onChange={(e) => setFilter({ role: e.target.value as RoleFilter })}
      >
        <option value="all">Show all user roles</option>
        <option value="member">Members</option>
        <option value="guest">Guests</option>
      </SelectField>
    </div>
  );
}
