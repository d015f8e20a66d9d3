// The credit access popover of one user, opened from the list's "Cloud credit access" cell. The
// change's fate is shown in place (issue 18): sending, then closed when applied, or the cloud's
// reason when it was refused and undone.
import { useEffect, useRef, useState } from 'react';
import type { OrgUserRow } from '../../../src-shared/domain/org.ts';
import { request } from '../../bridge/index.ts';
import { Button } from '../../components/Button.tsx';
import { ChangeFateNote } from '../../components/ChangeFateNote.tsx';
import { useChangeFate } from './changes/fate.ts';
import { useOrg } from './orgStore.ts';
import { send } from './changes/send.ts';
import { CreditAccessForm, useCreditChoice } from './CreditAccessForm.tsx';
import { formatCredits } from './DashboardTiles.tsx';
import { usePopover } from './usePopover.ts';

interface Props {
  user: OrgUserRow;
  anchor: HTMLElement;
  onClose: () => void;
}

const WIDTH = 440;

function usePopoverChange(onClose: () => void) {
  const [sent, setSent] = useState<number | null>(null);
  const fate = useChangeFate(sent);
  const read = useRef<number | null>(null);
  useEffect(() => {
    // Applied, or queued while offline (the row shows it as Pending): nothing left to say here.
    if (fate.state === 'applied' || (fate.state === 'pending' && !fate.online)) onClose();
    if (fate.state === 'undone') read.current = sent;
  }, [fate, sent, onClose]);
  // A refusal read here need not stay among the status bar's failed changes too.
  useEffect(
    () => () => {
      if (read.current !== null)
        void request('sync.dismissFailed', { ids: [read.current] }).catch(() => undefined);
    },
    [],
  );
  return { fate, setSent };
}

export function CreditPopover({ user, anchor, onClose }: Props) {
  const { access, setError, form } = useCreditChoice(user.creditAccess);
  const [busy, setBusy] = useState(false);
  const { box, pos } = usePopover(anchor, WIDTH, onClose);
  const pool = useOrg((s) => s.poolBalance);
  const { fate, setSent } = usePopoverChange(onClose);

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
    setSent(null);
    const r = await send('org.setCreditAccess', { userIds: [user.id], access });
    setBusy(false);
    if (r.mutationId === null) return setError(r.message);
    if (r.failed.length) return setError(r.failed[0]?.message ?? 'Not updated');
    setSent(r.mutationId);
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
      <ChangeFateNote fate={fate} />
      <div className="org-popover-foot">
        <span className="org-muted">
          Cloud credits access · <strong>{preview}</strong>
        </span>
        <Button size="sm" variant="quiet" onClick={onClose}>
          {fate.state === 'undone' ? 'Close' : 'Cancel'}
        </Button>
        <Button
          size="sm"
          variant="primary"
          busy={busy || fate.state === 'pending'}
          onClick={() => void update()}
        >
          Update
        </Button>
      </div>
    </div>
  );
}
