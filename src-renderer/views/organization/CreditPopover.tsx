// The credit access popover of one user, opened from the list's "Cloud credit access" cell.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { OrgUserRow } from '../../../src-shared/domain/org.ts';
import { Button } from '../../components/Button.tsx';
import { useOrg } from '../../stores/org.ts';
import { CreditAccessForm, useCreditChoice } from './CreditAccessForm.tsx';
import { formatCredits } from './DashboardTiles.tsx';

interface Props {
  user: OrgUserRow;
  anchor: HTMLElement;
  onClose: () => void;
}

const WIDTH = 440;

export function CreditPopover({ user, anchor, onClose }: Props) {
  const { access, setError, form } = useCreditChoice(user.creditAccess);
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const pool = useOrg((s) => s.poolBalance);
  const [pos, setPos] = useState({ top: 0, left: 0 });

  useLayoutEffect(() => {
    const r = anchor.getBoundingClientRect();
    const h = box.current?.offsetHeight ?? 200;
    const below = r.bottom + 6;
    const top = below + h > window.innerHeight - 8 ? Math.max(8, r.top - h - 6) : below;
    setPos({ top, left: Math.min(window.innerWidth - WIDTH - 8, Math.max(8, r.right - WIDTH)) });
    box.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
  }, [anchor]);

  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node) && !anchor.contains(e.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onDown);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      if (anchor.isConnected) anchor.focus();
    };
  }, [anchor, onClose]);

  const preview =
    typeof access === 'string'
      ? '—'
      : access.mode === 'disabled'
        ? 'Disabled'
        : access.mode === 'unlimited'
          ? 'Unlimited'
          : `${formatCredits(Math.max(0, Math.min(access.limit - user.creditAccess.used, pool)))} / ${formatCredits(access.limit)}`;

  async function update() {
    if (typeof access === 'string') return setError(access);
    setBusy(true);
    const r = await useOrg.getState().change('org.setCreditAccess', { userIds: [user.id], access });
    setBusy(false);
    if (!r.ok) return setError(r.message);
    if (r.failed.length) return setError(r.failed[0]?.message ?? 'Not updated');
    onClose();
  }

  return (
    <div
      ref={box}
      className="org-popover"
      role="dialog"
      aria-label={`Update Cloud Credit Access for ${user.email}`}
      style={{ top: pos.top, left: pos.left, width: WIDTH }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <h2 className="org-popover-title">Update Cloud Credit Access</h2>
      <p className="org-muted">{user.email}</p>
      <CreditAccessForm {...form} />
      <div className="org-popover-foot">
        <span className="org-muted">
          Cloud credits access · <strong>{preview}</strong>
        </span>
        <Button size="sm" variant="quiet" onClick={onClose}>
          Cancel
        </Button>
        <Button size="sm" variant="primary" busy={busy} onClick={() => void update()}>
          Update
        </Button>
      </div>
    </div>
  );
}
