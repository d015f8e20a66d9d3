// Step 3 of the assignment wizard: the expiration date of each chosen product, i.e. which purchase
// the seats come from (docs/sources.md, Portal guide §XIII NB, §XIV.6), with its free seats and who
// would go without.
import { useId } from 'react';
import type { OrgUserRow } from '../../../../src-shared/domain/org.ts';
import {
  expiryLabel,
  freeOf,
  listEmails,
  termLabel,
  withoutSeat,
  type ProductGroup,
} from './assignPlan.ts';
import { plural } from '../../../format/plural.ts';

interface Props {
  groups: ProductGroup[];
  chosen: Readonly<Record<string, string>>;
  users: OrgUserRow[];
  onChoose: (code: string, purchaseId: string) => void;
}

function ProductExpiry({
  group,
  purchaseId,
  users,
  onChoose,
}: {
  group: ProductGroup;
  purchaseId: string;
  users: OrgUserRow[];
  onChoose: (purchaseId: string) => void;
}) {
  const name = useId();
  const p = group.purchases.find((x) => x.id === purchaseId);
  const left = p ? withoutSeat(p, users) : [];
  return (
    <fieldset className="org-step bulk-expiry">
      <legend>{group.name}</legend>
      {group.purchases.map((x) => {
        const free = freeOf(x);
        return (
          <label key={x.id} className="org-radio">
            <input
              type="radio"
              name={name}
              checked={x.id === purchaseId}
              disabled={free === 0}
              onChange={() => onChoose(x.id)}
            />
            <span>
              <strong>{expiryLabel(x)}</strong>
              <span className="org-radio-note">
                {termLabel(x.term)} · {free} of {x.quantity} seats free
              </span>
            </span>
          </label>
        );
      })}
      {p && left.length > 0 && (
        <p className="bulk-shortage" role="note">
          Only {plural(freeOf(p), 'seat is', 'seats are')} free for {plural(users.length, 'user')}:{' '}
          {listEmails(left)} will not get one.
        </p>
      )}
    </fieldset>
  );
}

export function AssignExpiry({ groups, chosen, users, onChoose }: Props) {
  return (
    <div className="org-steps">
      <p className="org-muted">
        Choose the expiration date of each product: the seats come from that purchase.
      </p>
      {groups.map((g) => (
        <ProductExpiry
          key={g.code}
          group={g}
          purchaseId={chosen[g.code] ?? ''}
          users={users}
          onChoose={(id) => onChoose(g.code, id)}
        />
      ))}
    </div>
  );
}
