// "Re-allocate…" beside an assignment refused for want of a free seat: the cloud's reason says
// "Choose the user to re-allocate it from", so the row offers that very choice — Allocate product
// to user, on that purchase, with its From field (docs/sources.md, Portal guide §XIII NB;
// docs/interface.md).
import { useState, type ReactNode } from 'react';
import type { OrgUserRow } from '../../../../src-shared/domain/org.ts';
import { Button } from '../../../components/Button.tsx';
import { AllocateDialog } from '../AllocateDialog.tsx';
import { parseItemKey } from '../../../../src-shared/org/item-key.ts';
import type { Failure } from '../changes/send.ts';

interface Target {
  key: string;
  user: OrgUserRow;
  purchaseId: string;
}

export function useReallocate(users: OrgUserRow[]): {
  actionOf: (f: Failure, product: string) => ReactNode;
  dialog: ReactNode;
} {
  const [open, setOpen] = useState<Target | null>(null);
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  const actionOf = (f: Failure, product: string): ReactNode => {
    if (f.code !== 'no_free_seats') return null;
    if (done.has(f.key)) return <span className="bulk-done">Allocated</span>;
    const { userId, subject: purchaseId } = parseItemKey(f.key);
    const user = users.find((u) => u.id === userId);
    if (!user || !purchaseId) return null;
    return (
      <Button
        size="sm"
        onClick={() => setOpen({ key: f.key, user, purchaseId })}
        aria-label={`Re-allocate ${product} to ${user.email} from another user`}
      >
        Re-allocate…
      </Button>
    );
  };
  const dialog = open && (
    <AllocateDialog
      user={open.user}
      purchaseId={open.purchaseId}
      onAllocated={() => setDone((d) => new Set(d).add(open.key))}
      onClose={() => setOpen(null)}
    />
  );
  return { actionOf, dialog };
}
