// Step 4 of the assignment wizard (docs/sources.md, Portal guide §XIV.7): what will be assigned to
// whom, and before anything is sent, which users will not get a seat because too few are free.
import type { OrgPurchaseRow, OrgUserRow } from '../../../../src-shared/domain/org.ts';
import { Banner } from '../../../components/Banner.tsx';
import { expiryLabel, freeOf, listEmails, withoutSeat } from './assignPlan.ts';
import { plural } from '../../../format/plural.ts';

interface Props {
  purchases: OrgPurchaseRow[];
  users: OrgUserRow[];
}

export function AssignSummary({ purchases, users }: Props) {
  const short = purchases
    .map((p) => ({ p, left: withoutSeat(p, users) }))
    .filter((s) => s.left.length > 0);
  const total = purchases.reduce((n, p) => n + Math.min(users.length, freeOf(p)), 0);
  return (
    <div className="org-summary">
      <p>
        Assign one seat of {plural(purchases.length, 'product')} to{' '}
        <strong>{plural(users.length, 'user')}</strong>: {plural(total, 'assignment')}.
      </p>
      <table className="table bulk-summary-table">
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col">Expiration date</th>
            <th scope="col">Free seats</th>
            <th scope="col">Users getting one</th>
          </tr>
        </thead>
        <tbody>
          {purchases.map((p) => (
            <tr key={p.id}>
              <td>{p.productName}</td>
              <td>{expiryLabel(p)}</td>
              <td>
                {freeOf(p)} of {p.quantity}
              </td>
              <td>
                {Math.min(users.length, freeOf(p))} of {users.length}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <details className="bulk-users">
        <summary>{plural(users.length, 'selected user')}</summary>
        <p className="org-muted">{users.map((u) => u.email).join(', ')}</p>
      </details>
      {short.length > 0 && (
        <Banner tone="warning" title="Not enough free seats">
          <ul className="org-failed-list">
            {short.map(({ p, left }) => (
              <li key={p.id}>
                {p.productName} ({expiryLabel(p).toLowerCase()}): {plural(freeOf(p), 'seat')} free
                for {plural(users.length, 'user')} — {listEmails(left, 5)} will not get one.
              </li>
            ))}
          </ul>
          <p>
            Only those with a seat are sent. The result offers to re-allocate a seat to the others
            from another user.
          </p>
        </Banner>
      )}
      <p className="org-muted">Each user is notified by email.</p>
    </div>
  );
}
