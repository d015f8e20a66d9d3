// Step 2 of the assignment wizard: which products to assign (docs/sources.md, Portal guide §XIV.5),
// with the free seats of each; a product with no free seat cannot be chosen.
import type { ProductGroup } from './assignPlan.ts';
import { plural } from '../../../format/plural.ts';

interface Props {
  groups: ProductGroup[];
  picked: ReadonlySet<string>;
  users: number;
  onToggle: (code: string) => void;
}

export function AssignProducts({ groups, picked, users, onToggle }: Props) {
  if (groups.length === 0)
    return <p className="org-muted">The organization has no product it can assign.</p>;
  return (
    <fieldset className="org-step">
      <legend>
        Choose the products to assign to {plural(users, 'user')}. Each user gets one seat of each.
      </legend>
      <div className="bulk-choices">
        {groups.map((g) => (
          <label
            key={g.code}
            className={`org-radio${g.free === 0 ? ' bulk-choice-off' : ''}`}
            data-product={g.code}
          >
            <input
              type="checkbox"
              className="org-check"
              checked={picked.has(g.code)}
              disabled={g.free === 0}
              onChange={() => onToggle(g.code)}
            />
            <span>
              <strong>{g.name}</strong>
              <span className="org-radio-note">
                {g.free === 0 ? 'No free seat' : `${g.free} of ${g.seats} seats free`}
                {g.purchases.length > 1 ? ` · ${g.purchases.length} expiration dates` : ''}
              </span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
