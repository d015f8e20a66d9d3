// The bar at the bottom while users are checked: "N of M users selected" and the bulk actions. The
// checked users may lie on other pages: their rows are read from the core when an action opens.
import { useState } from 'react';
import type { OrgUserRow } from '../../../src-shared/domain/org.ts';
import { Button } from '../../components/Button.tsx';
import { messageOf } from '../../stores/errors.ts';
import { useOrg } from './orgStore.ts';
import { useOrgList } from './orgListStore.ts';
import type { BulkKind } from './BulkDialog.tsx';
import { rowsOf } from './userRows.ts';

interface ActionBarProps {
  onRemove: (users: OrgUserRow[]) => void;
  onBulk: (what: BulkKind, users: OrgUserRow[]) => void;
}

export function ActionBar({ onRemove, onBulk }: ActionBarProps) {
  const all = useOrg((s) => s.all);
  const selected = useOrgList((s) => s.selected);
  const clear = useOrgList((s) => s.clearSelection);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (selected.size === 0) return null;

  async function openWith(then: (users: OrgUserRow[]) => void) {
    setBusy(true);
    setProblem(null);
    try {
      const users = await rowsOf([...selected]);
      if (users.length) then(users);
    } catch (err) {
      setProblem(messageOf(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="org-actionbar" role="toolbar" aria-label="Selected users" aria-busy={busy}>
      <span className="org-actionbar-count" aria-live="polite">
        <strong>{selected.size}</strong> of {all} users selected
      </span>
      <Button size="sm" variant="quiet" onClick={clear}>
        Clear
      </Button>
      <span className="org-actionbar-sep" aria-hidden="true" />
      {problem && (
        <span className="org-actionbar-problem" role="alert">
          {problem}
        </span>
      )}
      <Button size="sm" disabled={busy} onClick={() => void openWith((u) => onBulk('assign', u))}>
        Assign products
      </Button>
      <Button size="sm" disabled={busy} onClick={() => void openWith((u) => onBulk('revoke', u))}>
        Revoke products
      </Button>
      <Button size="sm" disabled={busy} onClick={() => void openWith((u) => onBulk('credit', u))}>
        Update cloud credit access
      </Button>
      <Button
        size="sm"
        className="btn-danger"
        disabled={busy}
        onClick={() => void openWith(onRemove)}
      >
        Remove users
      </Button>
    </div>
  );
}
