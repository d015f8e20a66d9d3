// Whom a member or guest asks for more (docs/sources.md, Portal guide §XVII NB): the organization
// and its administrator.
import type { MyOrganization } from '../../../src-shared/domain/me.ts';
import { roleLabel } from '../../format/account.ts';

export function OrganizationCard({ org }: { org: MyOrganization }) {
  return (
    <section className="card me-org" aria-labelledby="me-org-title">
      <div className="me-org-head">
        <h2 id="me-org-title" className="card-title">
          {org.name}
        </h2>
        <span className="role-badge">{roleLabel[org.role]}</span>
      </div>
      <dl className="me-org-admin">
        <dt>Administrator</dt>
        <dd>
          <span className="cell-primary">{org.administratorName}</span>
          <a href={`mailto:${org.administratorEmail}`}>{org.administratorEmail}</a>
        </dd>
      </dl>
      <p className="card-note">
        {org.role === 'member'
          ? 'Members use the product licenses and cloud credits the administrator allocates. To get more, contact your administrator.'
          : 'As a guest you use the products the organization assigns to you beside your personal licenses. For more from the organization, contact its administrator.'}
      </p>
    </section>
  );
}
