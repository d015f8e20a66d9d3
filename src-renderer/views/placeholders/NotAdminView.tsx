// Shown when someone who is not an administrator opens the Organization address directly.
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { href } from '../../app/route.ts';

export function NotAdminView() {
  return (
    <>
      <PageHeader title="Organization" />
      <div className="card">
        <EmptyState icon="organization" title="The Organization menu is for administrators">
          Only the administrator of an organization can invite users and allocate licenses. Your own
          licenses are under <a href={href('licensing')}>Licensing</a>.
        </EmptyState>
      </div>
    </>
  );
}
