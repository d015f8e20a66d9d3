// The products the organization assigned to a member or guest, or the portal's empty
// message (docs/sources.md, Portal guide §XXV).
import type { LicenseView } from '../../../src-shared/domain/license.ts';
import type { MyOrganization } from '../../../src-shared/domain/me.ts';
import { CONTACT_ADMINISTRATOR, NO_ASSIGNED_PRODUCTS } from '../../../src-shared/org/messages.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { LicenseTable } from '../licensing/LicenseTable.tsx';

interface Props {
  org: MyOrganization;
  products: LicenseView[];
}

export function AssignedProducts({ org, products }: Props) {
  if (products.length === 0)
    return (
      <section className="card me-empty" aria-label="Assigned products">
        <EmptyState icon="products" title={NO_ASSIGNED_PRODUCTS}>
          <p>{CONTACT_ADMINISTRATOR}</p>
          <p>
            <a href={`mailto:${org.administratorEmail}`}>
              {org.administratorName} · {org.administratorEmail}
            </a>
          </p>
        </EmptyState>
      </section>
    );
  return <LicenseTable caption={`Assigned by ${org.name}`} rows={products} />;
}
