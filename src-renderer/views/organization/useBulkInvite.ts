// The bulk invite's state: the uploaded file, each row's role, invite() and the invitations sent,
// and done(), which dismisses the refusals the status showed.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MemberRole } from '../../../src-shared/org/model.ts';
import { request } from '../../bridge/index.ts';
import { useCsvUpload } from '../../csv/useCsvUpload.ts';
import { send } from './changes/send.ts';
import type { SentInvites } from './results/InviteStatus.tsx';

export function useBulkInvite(onDone: () => void) {
  const upload = useCsvUpload('invite');
  const result = upload.result && !upload.result.fatal ? upload.result : null;
  const [roles, setRoles] = useState<MemberRole[]>([]);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<SentInvites | null>(null);
  const rejected = useRef(new Set<number>());
  useEffect(() => setRoles(result?.rows.map((r) => r.role ?? 'member') ?? []), [result]);
  const onRejected = useCallback((id: number) => rejected.current.add(id), []);
  const setRole = useCallback(
    (i: number, role: MemberRole) =>
      setRoles((prev) => {
        const next = [...prev];
        next[i] = role;
        return next;
      }),
    [],
  );

  async function invite(list: { email: string; role: MemberRole }[]) {
    setBusy(true);
    const r = await send('org.invite', { invitations: list });
    setBusy(false);
    setSent({
      mutationId: r.mutationId,
      emails: list.map((i) => i.email.trim().toLowerCase()),
      failed: r.failed,
      error: r.mutationId === null && r.failed.length === 0 ? r.message : null,
    });
  }

  // Refusals read here need not stay among the status bar's failed changes too.
  const done = () => {
    const ids = [...rejected.current];
    if (ids.length) void request('sync.dismissFailed', { ids }).catch(() => {});
    onDone();
  };

  const rows = result?.rows ?? [];
  let guests = 0;
  for (let i = 0; i < rows.length; i++) if ((roles[i] ?? 'member') === 'guest') guests++;

  return {
    upload,
    result,
    rows,
    roles,
    guests,
    busy,
    sent,
    setRoles,
    setRole,
    onRejected,
    invite,
    done,
  };
}

export type BulkInviteState = ReturnType<typeof useBulkInvite>;
