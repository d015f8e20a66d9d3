// The bar at the bottom while users are checked: "N of M users selected" and the bulk actions.
import type { OrgUserRow } from '../../../src-shared/domain/org.ts';
import { Button } from '../../components/Button.tsx';
import { useOrg } from './orgStore.ts';
import { useOrgList } from './orgListStore.ts';
import type { BulkKind } from './BulkDialog.tsx';

interface ActionBarProps {
  onRemove: (users: OrgUserRow[]) => void;
  onBulk: (what: BulkKind, users: OrgUserRow[]) => void;
}

export function ActionBar({ onRemove, onBulk }: ActionBarProps) {
  const users = useOrg((s) => s.users);
  const selected = useOrgList((s) => s.selected);
  const clear = useOrgList((s) => s.clearSelection);
  const chosen = users.filter((u) => selected.has(u.id));
  if (chosen.length === 0) return null;
  return (
    <div className="org-actionbar" role="toolbar" aria-label="Selected users">
      <span className="org-actionbar-count" aria-live="polite">
        <strong>{chosen.length}</strong> of {users.length} users selected
      </span>
      <Button size="sm" variant="quiet" onClick={clear}>
        Clear
      </Button>
      <span className="org-actionbar-sep" aria-hidden="true" />
      <Button size="sm" onClick={() => onBulk('assign', chosen)}>
        Assign products
      </Button>
      <Button size="sm" onClick={() => onBulk('revoke', chosen)}>
        Revoke products
      </Button>
      <Button size="sm" onClick={() => onBulk('credit', chosen)}>
        Update cloud credit access
      </Button>
      <Button size="sm" className="btn-danger" onClick={() => onRemove(chosen)}>
        Remove users
      </Button>
    </div>
  );
}
